#include "content/page_loader.h"

#include <algorithm>

#include "content/front_matter.h"
#include "util/strings.h"

namespace tk {

const char* page_type_name(PageType t) {
    switch (t) {
        case PageType::Home: return "home";
        case PageType::Stage: return "stage";
        case PageType::Guidance: return "guidance";
        case PageType::Template: return "template";
        case PageType::Tool: return "tool";
        case PageType::Page: return "page";
    }
    return "page";
}

namespace {

const std::vector<std::string> k_keys = {"title",  "summary", "type",    "weight", "audiences",
                                         "who",    "related", "last_reviewed", "review_by", "owner",
                                         "draft",  "aliases", "sources", "tool",   "extra"};

std::optional<PageType> parse_type(std::string_view s) {
    if (s == "home") return PageType::Home;
    if (s == "stage") return PageType::Stage;
    if (s == "guidance") return PageType::Guidance;
    if (s == "template") return PageType::Template;
    if (s == "tool") return PageType::Tool;
    if (s == "page") return PageType::Page;
    return std::nullopt;
}

std::vector<std::string> ids_of(const Labels& labels) {
    std::vector<std::string> out;
    for (const auto& [k, v] : labels) out.push_back(k);
    return out;
}

void check_ids(const TomlSource& src, const std::vector<LocatedString>& values, const Labels& allowed,
               const char* what, std::vector<std::string>& out) {
    auto ids = ids_of(allowed);
    for (const auto& v : values) {
        if (allowed.empty() || std::find(ids.begin(), ids.end(), v.value) != ids.end()) {
            out.push_back(v.value);
            continue;
        }
        std::string msg = std::string("unknown ") + what + " '" + v.value + "'";
        if (auto n = nearest(v.value, ids)) msg += " (did you mean '" + *n + "'?)";
        else msg += " (expected " + quoted_list(ids) + ")";
        src.diags->error(v.loc, msg, src.text);
    }
}

/// load_page with its own diagnostics: whether this page had errors must not depend on the
/// other pages, which are loaded at the same time on other threads.
Page load_page_alone(const std::string& display_path, const std::string& rel_path, std::string raw,
                     const PageContext& ctx, const Config& config, Diagnostics& diags) {
    size_t before = diags.error_count();
    Page p;
    p.source_path = display_path;
    p.rel_path = rel_path;
    // The type its place gives it, until its front matter says otherwise.
    p.type = ctx.is_root ? PageType::Home
             : ctx.is_index ? PageType::Stage
             : ctx.in_stage_folder ? PageType::Guidance
                                   : PageType::Page;
    // A file that cannot be read as a page at all stays in the tree as its place alone, no text.
    auto unreadable = [&] {
        p.invalid = true;
        p.text.clear();
        p.body_offset = 0;
        return std::move(p);
    };
    if (auto bad = find_invalid_utf8(raw)) {
        auto lc = line_col_at(raw, *bad);
        diags.error({display_path, lc.line, lc.col}, "file is not valid UTF-8 (bad byte at offset " +
                                                         std::to_string(*bad) + ")");
        return unreadable();
    }
    p.text = normalise_newlines(raw);
    auto split = split_front_matter(p.text);
    if (!split.ok) {
        diags.error({display_path, split.error_line, split.error_col}, split.error, p.text);
        return unreadable();
    }
    p.body_offset = size_t(split.body.data() - p.text.data());
    if (split.body.empty()) p.body_offset = p.text.size();

    TomlSource src{display_path, p.text, split.toml_line_offset, &diags};
    auto parsed = parse_toml(src, split.toml);
    if (!parsed) return unreadable();
    const toml::table& fm = *parsed;
    toml::source_region top;  // missing keys are reported at the opening +++
    top.begin = {0, 1};  // the TOML starts on line 2: line 0 of it is the opening +++
    top.end = {0, 4};

    // A misspelt required key is reported once, as unknown with its right name, not as missing too.
    const std::vector<std::string> meant = check_keys(src, fm, k_keys);
    src.meant = &meant;

    // Type first: it decides which keys are required.
    if (auto t = get_string(src, fm, "type")) {
        auto pt = parse_type(*t);
        const toml::node* n = fm.get("type");
        if (!pt) {
            std::vector<std::string> names = {"guidance", "template", "tool", "stage", "home", "page"};
            std::string msg = "unknown type '" + *t + "'";
            if (auto near = nearest(*t, names)) msg += " (did you mean '" + *near + "'?)";
            else msg += " (expected 'guidance', 'template', 'tool', 'stage', 'home' or 'page')";
            src.error(n->source(), msg);
        } else {
            bool ok = true;
            std::string why;
            if (*pt == PageType::Home && !ctx.is_root) { ok = false; why = "type 'home' is only for content/_index.md"; }
            if (*pt == PageType::Stage && !(ctx.is_index && !ctx.is_root)) {
                ok = false;
                why = "type 'stage' is only for a stage folder's _index.md";
            }
            bool stage_item = *pt == PageType::Guidance || *pt == PageType::Template || *pt == PageType::Tool;
            if (stage_item && !ctx.in_stage_folder) {
                ok = false;
                why = "type '" + *t + "' is only for pages inside a stage folder (use 'page' here)";
            }
            if (stage_item && ctx.is_index) {
                ok = false;
                why = "an _index.md cannot have type '" + *t + "'";
            }
            if (ok) p.type = *pt;
            else src.error(n->source(), why);
        }
    }

    bool stage_item = p.in_stage_listing();
    if (auto v = get_string(src, fm, "title", true, &top)) p.title = *v;
    if (const toml::node* t = fm.get("title"); t && t->is_string() && trim(p.title).empty())
        src.error(t->source(), "'title' must not be empty");
    bool summary_required = p.type != PageType::Page;
    if (auto v = get_string(src, fm, "summary", summary_required, &top)) p.summary = *v;
    if (auto v = get_int(src, fm, "weight")) p.weight = int(*v);
    if (auto v = get_bool(src, fm, "draft")) p.draft = *v;
    if (auto v = get_string(src, fm, "owner")) p.owner = *v;
    if (auto v = get_string(src, fm, "tool")) {
        p.tool = *v;
        p.tool_loc = src.at(*fm.get("tool"));
    }
    if (!p.tool.empty() && p.type != PageType::Tool)
        src.error(fm.get("tool")->source(), "'tool' is only for pages of type 'tool'");

    if (auto a = get_string_array(src, fm, "audiences")) {
        check_ids(src, *a, config.audiences, "audience", p.audiences);
        if (a->empty() && stage_item) src.error(fm.get("audiences")->source(), "'audiences' must name at least one audience");
    } else if (stage_item && !fm.get("audiences")) {
        report_missing(src, "audiences", top);
    }

    if (const auto* who = get_table(src, fm, "who")) {
        check_keys(src, *who, {"responsible", "accountable", "consulted"});
        if (auto v = get_string_array(src, *who, "responsible")) check_ids(src, *v, config.roles, "role", p.who.responsible);
        if (auto v = get_string_array(src, *who, "accountable")) check_ids(src, *v, config.roles, "role", p.who.accountable);
        if (auto v = get_string_array(src, *who, "consulted")) check_ids(src, *v, config.roles, "role", p.who.consulted);
    }
    if (auto v = get_string_array(src, fm, "related")) p.related = *v;
    if (auto v = get_string_array(src, fm, "aliases")) {
        for (auto& a : *v) {
            if (!starts_with(a.value, "/")) {
                diags.error(a.loc, "alias '" + a.value + "' must be a site path starting with '/'", p.text);
                continue;
            }
            p.aliases.push_back(a);
        }
    }
    p.last_reviewed = get_date(src, fm, "last_reviewed", stage_item, &top);
    p.review_by = get_date(src, fm, "review_by");

    if (const toml::node* n = fm.get("sources")) {
        const toml::array* arr = n->as_array();
        if (!arr) {
            src.error(n->source(), std::string("'sources' must be an array of tables {title, url}, not ") +
                                       toml_type_name(n->type()));
        } else {
            for (const auto& item : *arr) {
                const toml::table* t = item.as_table();
                if (!t) {
                    src.error(item.source(), std::string("each source must be a table {title = \"...\", url = \"...\"}, not ") +
                                                 toml_type_name(item.type()));
                    continue;
                }
                check_keys(src, *t, {"title", "url"});
                auto reg = item.source();
                auto title = get_string(src, *t, "title", true, &reg);
                auto url = get_string(src, *t, "url", true, &reg);
                if (url && !starts_with(*url, "https://") && !starts_with(*url, "http://")) {
                    src.error(t->get("url")->source(), "source url must start with https:// or http://");
                    continue;
                }
                if (title && url) p.sources.push_back({*title, *url});
            }
        }
    }
    if (const toml::node* n = fm.get("extra")) {
        if (const toml::table* t = n->as_table()) p.extra = *t;
        else src.error(n->source(), std::string("'extra' must be a table, not ") + toml_type_name(n->type()));
    }

    p.invalid = diags.error_count() > before;
    return p;
}

}  // namespace

Page load_page(const std::string& display_path, const std::string& rel_path, std::string raw,
               const PageContext& ctx, const Config& config, Diagnostics& diags) {
    Diagnostics local;
    auto page = load_page_alone(display_path, rel_path, std::move(raw), ctx, config, local);
    diags.merge(local);
    return page;
}

}  // namespace tk
