#include "tools/register_compare.h"

#include <algorithm>
#include <map>

#include "util/strings.h"

namespace tk {

const std::vector<std::string> k_register_fields = {"organisation", "reference", "title",    "supplier",
                                                    "category",     "start_date", "end_date", "value"};

std::string normalise_header(std::string_view s) {
    std::string out;
    bool space = false;
    for (unsigned char c : s) {
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (c >= 'A' && c <= 'Z') {
            c = char(c - 'A' + 'a');
            word = true;
        }
        if (!word) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += char(c);
    }
    return out;
}

std::optional<RegisterCompare> read_register_compare(const ToolReader& r, const toml::table& root) {
    const TomlSource& src = r.src();
    size_t before = src.diags->error_count();
    check_keys(src, root, {"kind", "intro", "window_from_months", "window_to_months", "match_within_months",
                           "supplier_suffixes", "method", "checklist", "examples", "column", "category_group"});
    toml::source_region top;
    top.begin = {1, 1};
    top.end = {1, 1};
    RegisterCompare rc;
    if (root.get("intro"))
        if (auto s = r.text(root, "intro", false, top)) rc.intro = *s;
    rc.window_from_months = r.integer(root, "window_from_months", 12, 0, 600);
    rc.window_to_months = r.integer(root, "window_to_months", 36, 1, 600);
    rc.match_within_months = r.integer(root, "match_within_months", 12, 0, 600);
    if (rc.window_from_months >= rc.window_to_months)
        src.error(root.get("window_to_months") ? root.get("window_to_months")->source() : top,
                  "'window_to_months' must be greater than 'window_from_months'");
    for (const auto& s : r.texts(root, "supplier_suffixes")) rc.supplier_suffixes.push_back(normalise_header(s));
    rc.method = r.texts(root, "method");
    rc.checklist = r.texts(root, "checklist");
    if (rc.method.empty()) src.error(top, "missing required key 'method' (the steps the finder takes, for readers without JavaScript)");
    if (rc.checklist.empty()) src.error(top, "missing required key 'checklist' (the printable checklist)");

    std::map<std::string, std::string> synonym_owner;  // normalised synonym -> column id
    for (const toml::table* t : r.tables(root, "column")) {
        check_keys(src, *t, {"id", "label", "required", "synonyms"});
        auto where = t->source();
        RegisterColumn c;
        auto id = get_string(src, *t, "id", true, &where);
        auto label = r.text(*t, "label", true, where);
        if (!id || !label) continue;
        c.id = *id;
        c.label = *label;
        c.loc = src.at(*t->get("id"));
        if (std::find(k_register_fields.begin(), k_register_fields.end(), c.id) == k_register_fields.end()) {
            std::string msg = "unknown column '" + c.id + "'";
            if (auto n = nearest(c.id, k_register_fields)) msg += " (did you mean '" + *n + "'?)";
            src.diags->error(c.loc, msg, src.text);
            continue;
        }
        for (const auto& other : rc.columns)
            if (other.id == c.id)
                src.diags->error(c.loc, "column '" + c.id + "' is defined twice (first at line " +
                                            std::to_string(other.loc.line) + ")", src.text);
        if (auto req = get_bool(src, *t, "required")) c.required = *req;
        auto syn = get_string_array(src, *t, "synonyms");
        if (!syn || syn->empty()) {
            src.error(t->get("synonyms") ? t->get("synonyms")->source() : where,
                      "column '" + c.id + "' needs 'synonyms': the headers registers use for it");
            continue;
        }
        for (const auto& s : *syn) {
            std::string key = normalise_header(s.value);
            auto [it, fresh] = synonym_owner.emplace(key, c.id);
            if (!fresh && it->second != c.id)
                src.diags->error(s.loc, "synonym '" + s.value + "' is also a synonym of column '" + it->second +
                                            "', so a header could not be mapped", src.text);
            else if (fresh)
                c.synonyms.push_back(key);
        }
        rc.columns.push_back(std::move(c));
    }
    for (const char* needed : {"supplier", "end_date"}) {
        auto it = std::find_if(rc.columns.begin(), rc.columns.end(),
                               [&](const RegisterColumn& c) { return c.id == needed; });
        if (it == rc.columns.end()) src.error(top, std::string("the finder needs a [[column]] with id = \"") + needed + "\"");
        else if (!it->required)
            src.diags->error(it->loc, std::string("column '") + needed + "' must have 'required = true': the finder cannot work without it",
                             src.text);
    }

    for (const toml::table* t : r.tables(root, "category_group")) {
        check_keys(src, *t, {"name", "terms"});
        auto where = t->source();
        CategoryGroup g;
        auto name = r.text(*t, "name", true, where);
        if (!name) continue;
        g.name = *name;
        for (const auto& term : r.texts(*t, "terms")) g.terms.push_back(normalise_header(term));
        if (g.terms.empty()) {
            src.error(where, "category group '" + g.name + "' needs 'terms'");
            continue;
        }
        rc.category_groups.push_back(std::move(g));
    }

    for (const toml::table* t : r.tables(root, "examples")) {
        check_keys(src, *t, {"file", "label"});
        auto where = t->source();
        auto file = get_string(src, *t, "file", true, &where);
        auto label = r.text(*t, "label", true, where);
        if (!file || !label) continue;
        rc.examples.push_back({*file, *label, src.at(*t->get("file"))});
    }
    if (src.diags->error_count() > before) return std::nullopt;
    return rc;
}

}  // namespace tk
