#include "render/view.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "content/review.h"
#include "util/strings.h"

namespace tk {

using mdata = mustache::data;

namespace {

mdata obj() { return mdata(mdata::type::object); }
/// A list with room for `n` items. Do reserve: kainjow's values have no noexcept move, so a
/// vector that grows copies every item it holds, deeply.
mdata list(size_t n = 0) {
    mdata l(mdata::type::list);
    if (n) const_cast<mustache::basic_list<std::string>&>(l.list_value()).reserve(n);
    return l;
}

// kainjow's set() copies its value twice (into a pair, then into the map) and push_back() once;
// a view is made of many nested values, so these move them in instead.
void put(mdata& o, const std::string& key, mdata&& v) { o[key] = std::move(v); }
void put(mdata& o, const std::string& key, const std::string& v) { o[key] = mdata(v); }
void put(mdata& o, const std::string& key, const char* v) { o[key] = mdata(v); }
void put(mdata& o, const std::string& key, bool v) { o[key] = mdata(v); }
void add(mdata& l, mdata&& v) {
    // The list is the value's own (non-const) vector; kainjow only hands it out as const.
    const_cast<mustache::basic_list<std::string>&>(l.list_value()).push_back(std::move(v));
}

std::string type_label(PageType t) {
    switch (t) {
        case PageType::Guidance: return "Guidance";
        case PageType::Template: return "Template";
        case PageType::Tool: return "Tool";
        case PageType::Stage: return "Stage";
        case PageType::Home: return "Home";
        case PageType::Page: return "Page";
    }
    return "Page";
}

std::string url_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += char(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

}  // namespace

std::string StageNav::for_page(size_t page) const {
    auto it = marks.find(page);
    if (it == marks.end()) return html;
    std::string out;
    out.reserve(html.size() + 24);
    out.append(html, 0, it->second);
    out += " aria-current=\"page\"";
    out.append(html, it->second, std::string::npos);
    return out;
}

/// kainjow treats "" as true in {{#x}}: give each optional string a `has_x` flag for templates.
void ViewBuilder::set_presence(mustache::data& page) {
    for (const char* k : {"last_updated", "last_reviewed", "review_by", "owner", "history_url", "edit_url", "report_url",
                          "stage_title", "summary"}) {
        const mustache::data* d = page.get(k);
        put(page, std::string("has_") + k, d && d->is_string() && !d->string_value().empty());
    }
}

std::string ViewBuilder::mark_token(size_t page) { return "\x1E" + std::to_string(page) + "\x1F"; }

ViewBuilder::ViewBuilder(const ViewInputs& in) : m_in(in) {
    const Config& c = in.config;
    m_stage_pos.assign(in.tree.pages.size(), SIZE_MAX);
    for (const auto& st : in.tree.stages)
        for (size_t k = 0; k < st.items.size(); ++k) m_stage_pos[st.items[k]] = k;
    m_site = obj();
    put(m_site, "title", c.title);
    put(m_site, "description", c.description);
    put(m_site, "lang", c.language);
    put(m_site, "home_url", url("/"));
    put(m_site, "search_url", url("/search/"));
    put(m_site, "glossary_url", url("/glossary/"));
    put(m_site, "templates_url", url("/templates/"));
    put(m_site, "tools_url", url("/tools/"));
    put(m_site, "whats_new_url", url("/whats-new/"));
    put(m_site, "feed_url", url("/whats-new/feed.xml"));
    put(m_site, "about_url", in.tree.find("about") ? url("/about/") : "");
    put(m_site, "accessibility_url", in.tree.find("accessibility") ? url("/accessibility/") : "");
    put(m_site, "how_to_use_url", in.tree.find("how-to-use") ? url("/how-to-use/") : "");
    put(m_site, "feedback_endpoint", c.feedback_endpoint);
    put(m_site, "has_feedback_endpoint", !c.feedback_endpoint.empty());
    put(m_site, "has_feed_url", in.has_feed);
    put(m_site, "repo_url", c.repo_url);
    put(m_site, "serve", in.serve);
    m_assets = obj();
    for (const auto& [k, v] : in.assets) put(m_assets, k, v);
    m_empty_list = list();
    m_stages = list(in.tree.stages.size());
    for (const auto& st : in.tree.stages) {
        const Page& sp = in.tree.pages[st.page];
        mdata s = obj();
        put(s, "number", std::to_string(st.number));
        put(s, "title", sp.title);
        put(s, "url", url(sp.url));
        put(s, "summary", sp.summary);
        put(s, "id", sp.id);
        put(s, "current", false);
        put(s, "active", false);
        add(m_stages, std::move(s));
    }
    m_common = common_view();
}

mdata ViewBuilder::labels(const std::vector<std::string>& ids, const Labels& names) const {
    mdata l = list(ids.size());
    for (const auto& id : ids) {
        mdata o = obj();
        std::string label = id;
        for (const auto& [k, v] : names)
            if (k == id) label = v;
        put(o, "label", label);
        put(o, "id", id);
        add(l, std::move(o));
    }
    return l;
}

mdata ViewBuilder::item(size_t i) const {
    const Page& p = m_in.tree.pages[i];
    mdata o = obj();
    put(o, "title", p.title);
    put(o, "url", url(p.url));
    put(o, "summary", p.summary);
    put(o, "type_label", type_label(p.type));
    put(o, "audiences", labels(p.audiences, m_in.config.audiences));
    put(o, "has_audiences", !p.audiences.empty());
    return o;
}

mdata ViewBuilder::list_of(const std::vector<size_t>& pages) const {
    mdata l = list(pages.size());
    for (size_t i : pages) add(l, item(i));
    return l;
}

std::optional<toml::date> ViewBuilder::due_date(const Page& p) const {
    return review_due_date(p, m_in.config.review_interval_months);
}

std::string ViewBuilder::review_due(const Page& p) const {
    auto d = due_date(p);
    return d ? format_date(*d) : "";
}

bool ViewBuilder::due_for_review(const Page& p) const {
    auto d = due_date(p);
    return d && *d < m_in.today;
}

std::string ViewBuilder::layout_for(const Page& p) const { return page_type_name(p.type); }

mdata ViewBuilder::base_view(const std::string& title, const std::string& site_path, const std::string& summary) const {
    mdata v = common_view();
    put(v, "stages", mdata(m_stages));
    mdata crumbs = list();
    if (site_path != "/") {
        mdata home = obj();
        put(home, "title", "Home");
        put(home, "url", url("/"));
        add(crumbs, std::move(home));
    }
    put(v, "breadcrumbs", std::move(crumbs));
    put(v, "has_breadcrumbs", site_path != "/");
    mdata page = obj();
    put(page, "title", title);
    put(page, "summary", summary);
    put(page, "url", url(site_path));
    put(page, "canonical", m_in.config.base.abs(site_path));
    for (const char* k : {"is_home", "is_stage", "is_guidance", "is_template", "is_tool", "is_page", "has_toc",
                          "has_audiences", "has_who", "has_sources", "due_for_review", "draft"})
        put(page, k, false);
    put(page, "type", "generated");
    put(page, "type_label", "");
    put(page, "content", "");
    put(page, "toc", list());
    put(page, "audiences", list());
    put(page, "sources", list());
    put(page, "who", obj());
    for (const char* k : {"last_updated", "last_reviewed", "review_by", "owner", "stage_title", "stage_url",
                          "stage_number", "history_url", "edit_url"})
        put(page, k, "");
    put(page, "report_url", report_url(title, site_path, ""));
    set_presence(page);
    put(v, "page", std::move(page));
    return v;
}

/// Keys every view has, set to "nothing here" so a template never reads a missing key.
mdata ViewBuilder::common_view() const {
    mdata v = obj();
    put(v, "site", mdata(m_site));
    put(v, "asset", mdata(m_assets));
    put(v, "has_step_nav", false);
    put(v, "step_nav", "");
    put(v, "prev", false);
    put(v, "next", false);
    for (const char* k : {"templates_for", "tools_for", "guidance_using", "related_guidance", "related_other", "groups",
                          "listing", "all_pages", "changes"})
        put(v, k, mdata(m_empty_list));
    for (const char* k : {"has_templates_for", "has_tools_for", "has_guidance_using", "has_related_guidance",
                          "has_related_other", "has_tool", "has_changes", "has_related"})
        put(v, k, false);
    put(v, "tool_html", "");
    put(v, "tool_script", "");  // tool pages: their script and stylesheet (tools/site_tools.cpp)
    put(v, "tool_style", "");
    put(v, "tool_step", false);
    put(v, "glossary", obj());
    return v;
}

std::string ViewBuilder::report_url(const std::string& title, const std::string& site_path,
                                    const std::string& source_path) const {
    const std::string& repo = m_in.config.repo_url;
    std::string abs = m_in.config.base.abs(site_path);
    if (starts_with(repo, "https://github.com/")) {
        std::string body = "Page: " + abs + "\n";
        if (!source_path.empty()) body += "File: " + source_path + "\n";
        body += "\nWhat is wrong?\n";
        return repo + "/issues/new?title=" + url_encode("Problem with page: " + title) + "&body=" + url_encode(body);
    }
    if (!m_in.config.feedback_email.empty())
        return "mailto:" + m_in.config.feedback_email + "?subject=" + url_encode("Problem with page: " + title) +
               "&body=" + url_encode("Page: " + abs);
    return "";
}

mdata ViewBuilder::page_view(size_t i, const std::string& step_nav) const {
    const Page& p = m_in.tree.pages[i];
    const RenderedMarkdown& md = m_in.markdown[i];
    mdata v = obj();
    mdata page = obj();
    put(page, "title", p.title);
    put(page, "summary", p.summary);
    put(page, "url", url(p.url));
    put(page, "canonical", m_in.config.base.abs(p.url));
    put(page, "type", page_type_name(p.type));
    put(page, "type_label", type_label(p.type));
    put(page, "is_home", p.type == PageType::Home);
    put(page, "is_stage", p.type == PageType::Stage);
    put(page, "is_guidance", p.type == PageType::Guidance);
    put(page, "is_template", p.type == PageType::Template);
    put(page, "is_tool", p.type == PageType::Tool);
    put(page, "is_page", p.type == PageType::Page);
    put(page, "content", md.html);
    mdata toc = list(md.headings.size());
    bool has_toc = false;
    for (const auto& h : md.headings) {
        if (h.level != 2 && h.level != 3) continue;
        mdata t = obj();
        put(t, "id", h.id);
        put(t, "text", h.text);
        put(t, "level3", h.level == 3);
        add(toc, std::move(t));
        has_toc = true;
    }
    put(page, "toc", std::move(toc));
    put(page, "has_toc", has_toc && p.type != PageType::Home);
    put(page, "audiences", labels(p.audiences, m_in.config.audiences));
    put(page, "has_audiences", !p.audiences.empty());
    mdata who = obj();
    put(who, "responsible", labels(p.who.responsible, m_in.config.roles));
    put(who, "accountable", labels(p.who.accountable, m_in.config.roles));
    put(who, "consulted", labels(p.who.consulted, m_in.config.roles));
    put(who, "has_responsible", !p.who.responsible.empty());
    put(who, "has_accountable", !p.who.accountable.empty());
    put(who, "has_consulted", !p.who.consulted.empty());
    put(page, "who", std::move(who));
    put(page, "has_who", !p.who.empty());
    mdata sources = list(p.sources.size());
    for (const auto& s : p.sources) {
        mdata o = obj();
        put(o, "title", s.title);
        put(o, "url", s.url);
        add(sources, std::move(o));
    }
    put(page, "sources", std::move(sources));
    put(page, "has_sources", !p.sources.empty());
    auto dates = m_in.dates.find(p.id);
    put(page, "last_updated", dates == m_in.dates.end() ? "" : dates->second.last_updated);
    put(page, "last_reviewed", p.last_reviewed ? format_date(*p.last_reviewed) : "");
    put(page, "review_by", p.in_stage_listing() ? review_due(p) : "");
    put(page, "due_for_review", due_for_review(p));
    put(page, "draft", p.draft);
    put(page, "owner", p.owner);
    const Stage* stage = m_in.tree.stage_of(p);
    put(page, "stage_title", stage ? m_in.tree.pages[stage->page].title : "");
    put(page, "stage_url", stage ? url(m_in.tree.pages[stage->page].url) : "");
    put(page, "stage_number", stage ? std::to_string(stage->number) : "");
    const std::string& repo = m_in.config.repo_url;
    bool github = starts_with(repo, "https://github.com/");
    // The site's folder is the repository's top folder, so the file's path in the repository is
    // content/ + its path under content/ (source_path is relative to where toolkit ran).
    std::string repo_path = "content/" + p.rel_path;
    put(page, "history_url", github ? repo + "/commits/" + m_in.config.repo_branch + "/" + repo_path : "");
    put(page, "edit_url", github ? repo + "/edit/" + m_in.config.repo_branch + "/" + repo_path : "");
    put(page, "report_url", report_url(p.title, p.url, repo_path));
    set_presence(page);
    put(v, "page", std::move(page));

    // Stages with the current one marked.
    mdata stages = list(m_in.tree.stages.size());
    for (const auto& st : m_in.tree.stages) {
        const Page& sp = m_in.tree.pages[st.page];
        mdata s = obj();
        put(s, "number", std::to_string(st.number));
        put(s, "title", sp.title);
        put(s, "url", url(sp.url));
        put(s, "summary", sp.summary);
        put(s, "current", sp.id == p.id);
        put(s, "active", stage && stage->id == sp.id);
        add(stages, std::move(s));
    }
    put(v, "stages", std::move(stages));
    put(v, "step_nav", step_nav);
    put(v, "has_step_nav", !step_nav.empty());

    mdata crumbs = list(2);
    if (p.type != PageType::Home) {
        mdata home = obj();
        put(home, "title", "Home");
        put(home, "url", url("/"));
        add(crumbs, std::move(home));
        if (stage && p.type != PageType::Stage) {
            mdata s = obj();
            put(s, "title", m_in.tree.pages[stage->page].title);
            put(s, "url", url(m_in.tree.pages[stage->page].url));
            add(crumbs, std::move(s));
        }
    }
    put(v, "breadcrumbs", std::move(crumbs));
    put(v, "has_breadcrumbs", p.type != PageType::Home);

    auto pos = m_in.tree.sequence_pos.find(p.id);
    if (pos != m_in.tree.sequence_pos.end()) {
        size_t k = pos->second;
        auto link_to = [&](size_t idx) {
            mdata o = obj();
            put(o, "title", m_in.tree.pages[idx].title);
            put(o, "url", url(m_in.tree.pages[idx].url));
            return o;
        };
        if (k > 0) put(v, "prev", link_to(m_in.tree.sequence[k - 1]));
        if (k + 1 < m_in.tree.sequence.size()) put(v, "next", link_to(m_in.tree.sequence[k + 1]));
    }

    // Related and reverse links, from the link graph.
    std::vector<size_t> templates, tools, guidance, others;
    for (size_t n : m_in.graph.neighbours(i, m_in.tree)) {
        PageType t = m_in.tree.pages[n].type;
        if (t == PageType::Template) templates.push_back(n);
        else if (t == PageType::Tool) tools.push_back(n);
        else if (t == PageType::Guidance) guidance.push_back(n);
    }
    bool is_item = p.type == PageType::Template || p.type == PageType::Tool;
    if (p.type == PageType::Guidance || p.type == PageType::Page || p.type == PageType::Stage) {
        if (p.type == PageType::Guidance) {
            put(v, "templates_for", list_of(templates));
            put(v, "has_templates_for", !templates.empty());
            put(v, "tools_for", list_of(tools));
            put(v, "has_tools_for", !tools.empty());
        }
        if (p.type != PageType::Stage) {
            put(v, "related_guidance", list_of(guidance));
            put(v, "has_related_guidance", !guidance.empty());
        }
    }
    if (is_item) {
        put(v, "guidance_using", list_of(guidance));
        put(v, "has_guidance_using", !guidance.empty());
        std::vector<size_t> other_items = templates;
        other_items.insert(other_items.end(), tools.begin(), tools.end());
        put(v, "related_other", list_of(other_items));
        put(v, "has_related_other", !other_items.empty());
    }
    bool has_related = (p.type == PageType::Guidance && (!templates.empty() || !tools.empty())) ||
                       (p.type != PageType::Stage && p.type != PageType::Home && !guidance.empty()) ||
                       (is_item && (!templates.empty() || !tools.empty()));
    put(v, "has_related", has_related);

    if (p.type == PageType::Stage && stage) {
        mdata groups = list();
        const std::pair<PageType, const char*> kinds[] = {
            {PageType::Guidance, "Guidance"}, {PageType::Template, "Templates"}, {PageType::Tool, "Tools"}};
        for (auto [type, heading] : kinds) {
            std::vector<size_t> items;
            for (size_t k : stage->items)
                if (m_in.tree.pages[k].type == type) items.push_back(k);
            if (items.empty()) continue;
            mdata g = obj();
            put(g, "heading", heading);
            put(g, "id", to_lower_ascii(heading));
            put(g, "items", list_of(items));
            add(groups, std::move(g));
        }
        put(v, "groups", std::move(groups));
    }
    return v;
}

size_t ViewBuilder::stage_nav_groups(size_t stage_index) const {
    size_t n = m_in.tree.stages[stage_index].items.size(), limit = size_t(m_in.config.step_nav_limit);
    return limit == 0 || n <= limit ? 1 : (n + limit - 1) / limit;
}

size_t ViewBuilder::stage_nav_group(size_t stage_index, size_t page) const {
    if (stage_nav_groups(stage_index) == 1 || m_stage_pos[page] == SIZE_MAX) return 0;
    return m_stage_pos[page] / size_t(m_in.config.step_nav_limit);
}

mdata ViewBuilder::stage_nav_view(size_t stage_index, size_t group) const {
    mdata v = obj();
    put(v, "site", mdata(m_site));
    mdata stages = list(m_in.tree.stages.size());
    for (size_t s = 0; s < m_in.tree.stages.size(); ++s) {
        const Stage& st = m_in.tree.stages[s];
        const Page& sp = m_in.tree.pages[st.page];
        bool open = s == stage_index;
        mdata o = obj();
        put(o, "number", std::to_string(st.number));
        put(o, "title", sp.title);
        put(o, "url", url(sp.url));
        put(o, "summary", sp.summary);
        put(o, "open", open);
        put(o, "mark", open ? mark_token(st.page) : "");
        mdata items = list();
        // A stage over the limit shows one group of its pages: a long list is hard to use with a
        // keyboard or a screen reader, and would be repeated on every page of the stage.
        size_t from = 0, to = st.items.size();
        if (open && stage_nav_groups(s) > 1) {
            size_t limit = size_t(m_in.config.step_nav_limit);
            from = std::min(group * limit, st.items.size());
            to = std::min(from + limit, st.items.size());
        }
        bool partial = open && (from > 0 || to < st.items.size());
        put(o, "partial", partial);
        put(o, "shown_from", format_thousands((long long)from + 1));
        put(o, "shown_to", format_thousands((long long)to));
        put(o, "total", format_thousands((long long)st.items.size()));
        if (open) {
            for (size_t n = from; n < to; ++n) {
                size_t k = st.items[n];
                const Page& ip = m_in.tree.pages[k];
                mdata it = obj();
                put(it, "title", ip.title);
                put(it, "url", url(ip.url));
                put(it, "type_label", type_label(ip.type));
                put(it, "mark", mark_token(k));
                add(items, std::move(it));
            }
        }
        put(o, "items", std::move(items));
        put(o, "has_items", open && !st.items.empty());
        add(stages, std::move(o));
    }
    put(v, "stages", std::move(stages));
    return v;
}

mdata ViewBuilder::listing_view(PageType type, const std::string& title, const std::string& path,
                                const std::string& summary) const {
    mdata v = base_view(title, path, summary);
    mdata groups = list();
    for (const auto& st : m_in.tree.stages) {
        std::vector<size_t> items;
        for (size_t k : st.items)
            if (m_in.tree.pages[k].type == type) items.push_back(k);
        if (items.empty()) continue;
        mdata g = obj();
        put(g, "title", m_in.tree.pages[st.page].title);
        put(g, "url", url(m_in.tree.pages[st.page].url));
        put(g, "number", std::to_string(st.number));
        put(g, "items", list_of(items));
        add(groups, std::move(g));
    }
    put(v, "listing", std::move(groups));
    return v;
}

mdata ViewBuilder::all_pages_list() const {
    std::vector<size_t> idx;
    for (size_t i = 0; i < m_in.tree.pages.size(); ++i) idx.push_back(i);
    std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
        return to_lower_ascii(m_in.tree.pages[a].title) < to_lower_ascii(m_in.tree.pages[b].title);
    });
    return list_of(idx);
}

mdata ViewBuilder::glossary_view(const std::string& intro_html) const {
    mdata v = base_view("Glossary", "/glossary/", "Words and abbreviations used in this toolkit, and the old terms they replace.");
    mdata page = v.get("page") ? *v.get("page") : obj();
    put(page, "content", intro_html);
    put(v, "page", std::move(page));
    mdata g = obj();
    mdata letters = list();
    mdata jump = list();
    std::map<char, std::vector<size_t>> by_letter;
    for (size_t i = 0; i < m_in.data.glossary.size(); ++i) {
        const auto& t = m_in.data.glossary[i];
        char c = t.term.empty() ? '#' : char(std::toupper(static_cast<unsigned char>(t.term[0])));
        if (c < 'A' || c > 'Z') c = '#';
        by_letter[c].push_back(i);
    }
    for (char c = 'A'; c <= 'Z'; ++c) {
        mdata j = obj();
        put(j, "letter", std::string(1, c));
        put(j, "anchor", std::string("letter-") + char(std::tolower(c)));
        put(j, "present", by_letter.count(c) > 0);
        add(jump, std::move(j));
    }
    for (const auto& [c, terms] : by_letter) {
        mdata l = obj();
        put(l, "letter", std::string(1, c));
        put(l, "anchor", c == '#' ? std::string("letter-other") : std::string("letter-") + char(std::tolower(c)));
        mdata ts = list();
        for (size_t i : terms) {
            const auto& t = m_in.data.glossary[i];
            mdata o = obj();
            put(o, "term", t.term);
            put(o, "abbr", t.abbr);
            put(o, "has_abbr", !t.abbr.empty());
            put(o, "anchor", t.anchor);
            put(o, "definition", t.definition);
            mdata see = list();
            for (const auto& s : t.see) {
                if (const Page* sp = m_in.tree.find(s.value)) {
                    mdata so = obj();
                    put(so, "title", sp->title);
                    put(so, "url", url(sp->url));
                    add(see, std::move(so));
                }
            }
            put(o, "has_see", !t.see.empty());
            put(o, "see", std::move(see));
            add(ts, std::move(o));
        }
        put(l, "terms", std::move(ts));
        add(letters, std::move(l));
    }
    put(g, "letters", std::move(letters));
    put(g, "jump", std::move(jump));
    put(v, "glossary", std::move(g));
    return v;
}

}  // namespace tk
