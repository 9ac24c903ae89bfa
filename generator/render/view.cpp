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
mdata list() { return mdata(mdata::type::list); }

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
        page.set(std::string("has_") + k, d && d->is_string() && !d->string_value().empty());
    }
}

std::string ViewBuilder::mark_token(size_t page) { return "\x1E" + std::to_string(page) + "\x1F"; }

ViewBuilder::ViewBuilder(const ViewInputs& in) : m_in(in) {
    const Config& c = in.config;
    m_stage_pos.assign(in.tree.pages.size(), SIZE_MAX);
    for (const auto& st : in.tree.stages)
        for (size_t k = 0; k < st.items.size(); ++k) m_stage_pos[st.items[k]] = k;
    m_site = obj();
    m_site.set("title", c.title);
    m_site.set("description", c.description);
    m_site.set("lang", c.language);
    m_site.set("home_url", url("/"));
    m_site.set("search_url", url("/search/"));
    m_site.set("glossary_url", url("/glossary/"));
    m_site.set("templates_url", url("/templates/"));
    m_site.set("tools_url", url("/tools/"));
    m_site.set("whats_new_url", url("/whats-new/"));
    m_site.set("feed_url", url("/whats-new/feed.xml"));
    m_site.set("about_url", in.tree.find("about") ? url("/about/") : "");
    m_site.set("accessibility_url", in.tree.find("accessibility") ? url("/accessibility/") : "");
    m_site.set("how_to_use_url", in.tree.find("how-to-use") ? url("/how-to-use/") : "");
    m_site.set("feedback_endpoint", c.feedback_endpoint);
    m_site.set("has_feedback_endpoint", !c.feedback_endpoint.empty());
    m_site.set("has_feed_url", in.has_feed);
    m_site.set("repo_url", c.repo_url);
    m_site.set("serve", in.serve);
    m_assets = obj();
    for (const auto& [k, v] : in.assets) m_assets.set(k, v);
    m_empty_list = list();
    m_stages = list();
    for (const auto& st : in.tree.stages) {
        const Page& sp = in.tree.pages[st.page];
        mdata s = obj();
        s.set("number", std::to_string(st.number));
        s.set("title", sp.title);
        s.set("url", url(sp.url));
        s.set("summary", sp.summary);
        s.set("id", sp.id);
        s.set("current", false);
        s.set("active", false);
        m_stages.push_back(s);
    }
}

mdata ViewBuilder::labels(const std::vector<std::string>& ids, const Labels& names) const {
    mdata l = list();
    for (const auto& id : ids) {
        mdata o = obj();
        std::string label = id;
        for (const auto& [k, v] : names)
            if (k == id) label = v;
        o.set("label", label);
        o.set("id", id);
        l.push_back(o);
    }
    return l;
}

mdata ViewBuilder::item(size_t i) const {
    const Page& p = m_in.tree.pages[i];
    mdata o = obj();
    o.set("title", p.title);
    o.set("url", url(p.url));
    o.set("summary", p.summary);
    o.set("type_label", type_label(p.type));
    o.set("audiences", labels(p.audiences, m_in.config.audiences));
    o.set("has_audiences", !p.audiences.empty());
    return o;
}

mdata ViewBuilder::list_of(const std::vector<size_t>& pages) const {
    mdata l = list();
    for (size_t i : pages) l.push_back(item(i));
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
    v.set("stages", m_stages);
    mdata crumbs = list();
    if (site_path != "/") {
        mdata home = obj();
        home.set("title", "Home");
        home.set("url", url("/"));
        crumbs.push_back(home);
    }
    v.set("breadcrumbs", crumbs);
    v.set("has_breadcrumbs", site_path != "/");
    mdata page = obj();
    page.set("title", title);
    page.set("summary", summary);
    page.set("url", url(site_path));
    page.set("canonical", m_in.config.base.abs(site_path));
    for (const char* k : {"is_home", "is_stage", "is_guidance", "is_template", "is_tool", "is_page", "has_toc",
                          "has_audiences", "has_who", "has_sources", "due_for_review", "draft"})
        page.set(k, false);
    page.set("type", "generated");
    page.set("type_label", "");
    page.set("content", "");
    page.set("toc", list());
    page.set("audiences", list());
    page.set("sources", list());
    page.set("who", obj());
    for (const char* k : {"last_updated", "last_reviewed", "review_by", "owner", "stage_title", "stage_url",
                          "stage_number", "history_url", "edit_url"})
        page.set(k, "");
    page.set("report_url", report_url(title, site_path, ""));
    set_presence(page);
    v.set("page", page);
    return v;
}

/// Keys every view has, set to "nothing here" so a template never reads a missing key.
mdata ViewBuilder::common_view() const {
    mdata v = obj();
    v.set("site", m_site);
    v.set("asset", m_assets);
    v.set("has_step_nav", false);
    v.set("step_nav", "");
    v.set("prev", false);
    v.set("next", false);
    for (const char* k : {"templates_for", "tools_for", "guidance_using", "related_guidance", "related_other", "groups",
                          "listing", "all_pages", "changes"})
        v.set(k, m_empty_list);
    for (const char* k : {"has_templates_for", "has_tools_for", "has_guidance_using", "has_related_guidance",
                          "has_related_other", "has_tool", "has_changes", "has_related"})
        v.set(k, false);
    v.set("tool_html", "");
    v.set("tool_script", "");  // tool pages: their script and stylesheet (tools/site_tools.cpp)
    v.set("tool_style", "");
    v.set("tool_step", false);
    v.set("glossary", obj());
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
    mdata v = common_view();
    mdata page = obj();
    page.set("title", p.title);
    page.set("summary", p.summary);
    page.set("url", url(p.url));
    page.set("canonical", m_in.config.base.abs(p.url));
    page.set("type", page_type_name(p.type));
    page.set("type_label", type_label(p.type));
    page.set("is_home", p.type == PageType::Home);
    page.set("is_stage", p.type == PageType::Stage);
    page.set("is_guidance", p.type == PageType::Guidance);
    page.set("is_template", p.type == PageType::Template);
    page.set("is_tool", p.type == PageType::Tool);
    page.set("is_page", p.type == PageType::Page);
    page.set("content", md.html);
    mdata toc = list();
    bool has_toc = false;
    for (const auto& h : md.headings) {
        if (h.level != 2 && h.level != 3) continue;
        mdata t = obj();
        t.set("id", h.id);
        t.set("text", h.text);
        t.set("level3", h.level == 3);
        toc.push_back(t);
        has_toc = true;
    }
    page.set("toc", toc);
    page.set("has_toc", has_toc && p.type != PageType::Home);
    page.set("audiences", labels(p.audiences, m_in.config.audiences));
    page.set("has_audiences", !p.audiences.empty());
    mdata who = obj();
    who.set("responsible", labels(p.who.responsible, m_in.config.roles));
    who.set("accountable", labels(p.who.accountable, m_in.config.roles));
    who.set("consulted", labels(p.who.consulted, m_in.config.roles));
    who.set("has_responsible", !p.who.responsible.empty());
    who.set("has_accountable", !p.who.accountable.empty());
    who.set("has_consulted", !p.who.consulted.empty());
    page.set("who", who);
    page.set("has_who", !p.who.empty());
    mdata sources = list();
    for (const auto& s : p.sources) {
        mdata o = obj();
        o.set("title", s.title);
        o.set("url", s.url);
        sources.push_back(o);
    }
    page.set("sources", sources);
    page.set("has_sources", !p.sources.empty());
    auto dates = m_in.dates.find(p.id);
    page.set("last_updated", dates == m_in.dates.end() ? "" : dates->second.last_updated);
    page.set("last_reviewed", p.last_reviewed ? format_date(*p.last_reviewed) : "");
    page.set("review_by", p.in_stage_listing() ? review_due(p) : "");
    page.set("due_for_review", due_for_review(p));
    page.set("draft", p.draft);
    page.set("owner", p.owner);
    const Stage* stage = m_in.tree.stage_of(p);
    page.set("stage_title", stage ? m_in.tree.pages[stage->page].title : "");
    page.set("stage_url", stage ? url(m_in.tree.pages[stage->page].url) : "");
    page.set("stage_number", stage ? std::to_string(stage->number) : "");
    const std::string& repo = m_in.config.repo_url;
    bool github = starts_with(repo, "https://github.com/");
    // The site's folder is the repository's top folder, so the file's path in the repository is
    // content/ + its path under content/ (source_path is relative to where toolkit ran).
    std::string repo_path = "content/" + p.rel_path;
    page.set("history_url", github ? repo + "/commits/" + m_in.config.repo_branch + "/" + repo_path : "");
    page.set("edit_url", github ? repo + "/edit/" + m_in.config.repo_branch + "/" + repo_path : "");
    page.set("report_url", report_url(p.title, p.url, repo_path));
    set_presence(page);
    v.set("page", page);

    // Stages with the current one marked.
    mdata stages = list();
    for (const auto& st : m_in.tree.stages) {
        const Page& sp = m_in.tree.pages[st.page];
        mdata s = obj();
        s.set("number", std::to_string(st.number));
        s.set("title", sp.title);
        s.set("url", url(sp.url));
        s.set("summary", sp.summary);
        s.set("current", sp.id == p.id);
        s.set("active", stage && stage->id == sp.id);
        stages.push_back(s);
    }
    v.set("stages", stages);
    v.set("step_nav", step_nav);
    v.set("has_step_nav", !step_nav.empty());

    mdata crumbs = list();
    if (p.type != PageType::Home) {
        mdata home = obj();
        home.set("title", "Home");
        home.set("url", url("/"));
        crumbs.push_back(home);
        if (stage && p.type != PageType::Stage) {
            mdata s = obj();
            s.set("title", m_in.tree.pages[stage->page].title);
            s.set("url", url(m_in.tree.pages[stage->page].url));
            crumbs.push_back(s);
        }
    }
    v.set("breadcrumbs", crumbs);
    v.set("has_breadcrumbs", p.type != PageType::Home);

    auto pos = m_in.tree.sequence_pos.find(p.id);
    if (pos != m_in.tree.sequence_pos.end()) {
        size_t k = pos->second;
        auto link_to = [&](size_t idx) {
            mdata o = obj();
            o.set("title", m_in.tree.pages[idx].title);
            o.set("url", url(m_in.tree.pages[idx].url));
            return o;
        };
        if (k > 0) v.set("prev", link_to(m_in.tree.sequence[k - 1]));
        if (k + 1 < m_in.tree.sequence.size()) v.set("next", link_to(m_in.tree.sequence[k + 1]));
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
            v.set("templates_for", list_of(templates));
            v.set("has_templates_for", !templates.empty());
            v.set("tools_for", list_of(tools));
            v.set("has_tools_for", !tools.empty());
        }
        if (p.type != PageType::Stage) {
            v.set("related_guidance", list_of(guidance));
            v.set("has_related_guidance", !guidance.empty());
        }
    }
    if (is_item) {
        v.set("guidance_using", list_of(guidance));
        v.set("has_guidance_using", !guidance.empty());
        std::vector<size_t> other_items = templates;
        other_items.insert(other_items.end(), tools.begin(), tools.end());
        v.set("related_other", list_of(other_items));
        v.set("has_related_other", !other_items.empty());
    }
    bool has_related = (p.type == PageType::Guidance && (!templates.empty() || !tools.empty())) ||
                       (p.type != PageType::Stage && p.type != PageType::Home && !guidance.empty()) ||
                       (is_item && (!templates.empty() || !tools.empty()));
    v.set("has_related", has_related);

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
            g.set("heading", heading);
            g.set("id", to_lower_ascii(heading));
            g.set("items", list_of(items));
            groups.push_back(g);
        }
        v.set("groups", groups);
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
    v.set("site", m_site);
    mdata stages = list();
    for (size_t s = 0; s < m_in.tree.stages.size(); ++s) {
        const Stage& st = m_in.tree.stages[s];
        const Page& sp = m_in.tree.pages[st.page];
        bool open = s == stage_index;
        mdata o = obj();
        o.set("number", std::to_string(st.number));
        o.set("title", sp.title);
        o.set("url", url(sp.url));
        o.set("summary", sp.summary);
        o.set("open", open);
        o.set("mark", open ? mark_token(st.page) : "");
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
        o.set("partial", partial);
        o.set("shown_from", format_thousands((long long)from + 1));
        o.set("shown_to", format_thousands((long long)to));
        o.set("total", format_thousands((long long)st.items.size()));
        if (open) {
            for (size_t n = from; n < to; ++n) {
                size_t k = st.items[n];
                const Page& ip = m_in.tree.pages[k];
                mdata it = obj();
                it.set("title", ip.title);
                it.set("url", url(ip.url));
                it.set("type_label", type_label(ip.type));
                it.set("mark", mark_token(k));
                items.push_back(it);
            }
        }
        o.set("items", items);
        o.set("has_items", open && !st.items.empty());
        stages.push_back(o);
    }
    v.set("stages", stages);
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
        g.set("title", m_in.tree.pages[st.page].title);
        g.set("url", url(m_in.tree.pages[st.page].url));
        g.set("number", std::to_string(st.number));
        g.set("items", list_of(items));
        groups.push_back(g);
    }
    v.set("listing", groups);
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
    page.set("content", intro_html);
    v.set("page", page);
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
        j.set("letter", std::string(1, c));
        j.set("anchor", std::string("letter-") + char(std::tolower(c)));
        j.set("present", by_letter.count(c) > 0);
        jump.push_back(j);
    }
    for (const auto& [c, terms] : by_letter) {
        mdata l = obj();
        l.set("letter", std::string(1, c));
        l.set("anchor", c == '#' ? std::string("letter-other") : std::string("letter-") + char(std::tolower(c)));
        mdata ts = list();
        for (size_t i : terms) {
            const auto& t = m_in.data.glossary[i];
            mdata o = obj();
            o.set("term", t.term);
            o.set("abbr", t.abbr);
            o.set("has_abbr", !t.abbr.empty());
            o.set("anchor", t.anchor);
            o.set("definition", t.definition);
            mdata see = list();
            for (const auto& s : t.see) {
                if (const Page* sp = m_in.tree.find(s.value)) {
                    mdata so = obj();
                    so.set("title", sp->title);
                    so.set("url", url(sp->url));
                    see.push_back(so);
                }
            }
            o.set("has_see", !t.see.empty());
            o.set("see", see);
            ts.push_back(o);
        }
        l.set("terms", ts);
        letters.push_back(l);
    }
    g.set("letters", letters);
    g.set("jump", jump);
    v.set("glossary", g);
    return v;
}

}  // namespace tk
