#include "content/site_data.h"

#include <algorithm>

#include "util/fs.h"
#include "util/slug.h"
#include "util/strings.h"

namespace tk {

std::string format_date(const toml::date& d) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    int m = std::clamp(int(d.month), 1, 12);
    return std::to_string(int(d.day)) + " " + months[m - 1] + " " + std::to_string(int(d.year));
}

std::string format_money(int64_t pounds) {
    if (pounds >= 1000000 && pounds % 1000000 == 0) return "£" + format_thousands(pounds / 1000000) + " million";
    return "£" + format_thousands(pounds);
}

namespace {

std::string format_node(const toml::node& n, std::string_view unit) {
    if (n.is_integer()) {
        int64_t v = n.as_integer()->get();
        if (unit == "gbp") return format_money(v);
        std::string s = format_thousands(v);
        if (!unit.empty()) {
            std::string u(unit);
            // "1 working days" reads wrong: drop the plural s for one.
            if (v == 1 && ends_with(u, "s")) u.pop_back();
            s += " " + u;
        }
        return s;
    }
    if (n.is_floating_point()) return std::to_string(n.as_floating_point()->get());
    if (n.is_date()) return format_date(n.as_date()->get());
    if (n.is_string()) return n.as_string()->get();
    if (n.is_boolean()) return n.as_boolean()->get() ? "yes" : "no";
    return {};
}

void collect_keys(const toml::table& t, const std::string& prefix, std::vector<std::string>& out) {
    for (auto&& [k, v] : t) {
        std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
        if (const auto* sub = v.as_table()) {
            if (sub->contains("value")) out.push_back(key);
            collect_keys(*sub, key, out);
        } else if (!v.is_array()) {
            out.push_back(key);
        }
    }
}

}  // namespace

std::vector<std::string> SiteData::value_keys() const {
    std::vector<std::string> out;
    collect_keys(values, "", out);
    return out;
}

bool SiteData::format_value(std::string_view key, std::string& out, std::string& error) const {
    const toml::node* n = values.at_path(key).node();
    if (!n || key.empty()) {
        error = "unknown value '" + std::string(key) + "'";
        auto keys = value_keys();
        if (auto near = nearest(key, keys)) error += " (did you mean '" + *near + "'?)";
        error += " in content/_data/values.toml";
        return false;
    }
    if (const auto* t = n->as_table()) {
        const toml::node* v = t->get("value");
        if (!v) {
            error = "value '" + std::string(key) + "' is a table without a 'value' key";
            return false;
        }
        std::string unit;
        if (const toml::node* u = t->get("unit"); u && u->is_string()) unit = u->as_string()->get();
        out = format_node(*v, unit);
        return true;
    }
    if (n->is_array()) {
        error = "value '" + std::string(key) + "' is an array, which cannot be shown in text";
        return false;
    }
    out = format_node(*n, "");
    return true;
}

SiteData load_site_data(const std::string& content_dir, Diagnostics& diags) {
    SiteData data;
    std::string dir = fs::join(content_dir, "_data");
    data.values_path = fs::join(dir, "values.toml");
    std::string err;
    if (fs::exists(data.values_path)) {
        if (auto text = fs::read_file(data.values_path, err)) {
            std::string norm = normalise_newlines(*text);
            TomlSource src{data.values_path, norm, 0, &diags};
            if (auto t = parse_toml(src, norm)) {
                data.values = std::move(*t);
                // Check units once, so a typo is not silently printed after every number.
                std::vector<std::string> units = {"gbp", "days", "working days", "months", "years", "weeks", "percent"};
                data.values.for_each([](auto&&) {});
                std::vector<const toml::table*> stack{&data.values};
                while (!stack.empty()) {
                    const toml::table* t2 = stack.back();
                    stack.pop_back();
                    for (auto&& [k, v] : *t2) {
                        if (const auto* sub = v.as_table()) stack.push_back(sub);
                        if (k.str() == "unit") {
                            if (!v.is_string()) src.error(v.source(), "'unit' must be a string");
                            else if (std::find(units.begin(), units.end(), v.as_string()->get()) == units.end()) {
                                std::string msg = "unknown unit '" + v.as_string()->get() + "'";
                                if (auto n = nearest(v.as_string()->get(), units)) msg += " (did you mean '" + *n + "'?)";
                                src.error(v.source(), msg);
                            }
                        }
                    }
                }
            }
        } else {
            diags.error({data.values_path, 0, 0}, "cannot read: " + err);
        }
    }

    std::string gpath = fs::join(dir, "glossary.toml");
    if (fs::exists(gpath)) {
        auto text = fs::read_file(gpath, err);
        if (!text) {
            diags.error({gpath, 0, 0}, "cannot read: " + err);
            return data;
        }
        std::string norm = normalise_newlines(*text);
        TomlSource src{gpath, norm, 0, &diags};
        auto t = parse_toml(src, norm);
        if (!t) return data;
        check_keys(src, *t, {"term"});
        const toml::node* terms = t->get("term");
        if (terms && !terms->is_array_of_tables()) {
            src.error(terms->source(), "'term' must be an array of tables ([[term]])");
            return data;
        }
        std::unordered_map<std::string, SourceLocation> seen_terms, seen_abbr;
        if (terms) {
            for (const auto& node : *terms->as_array()) {
                const toml::table& e = *node.as_table();
                auto reg = node.source();
                check_keys(src, e, {"term", "abbr", "definition", "see"});
                GlossaryTerm g;
                g.loc = src.at(reg);
                auto term = get_string(src, e, "term", true, &reg);
                auto def = get_string(src, e, "definition", true, &reg);
                if (!term || !def) continue;
                g.term = *term;
                g.definition = *def;
                if (auto a = get_string(src, e, "abbr")) g.abbr = *a;
                if (auto s = get_string_array(src, e, "see")) g.see = *s;
                std::string key = to_lower_ascii(g.term);
                if (auto it = seen_terms.find(key); it != seen_terms.end()) {
                    src.error(e.get("term")->source(), "duplicate term '" + g.term + "' (first defined at line " +
                                                           std::to_string(it->second.line) + ")");
                    continue;
                }
                seen_terms[key] = src.at(*e.get("term"));
                if (!g.abbr.empty()) {
                    if (auto it = seen_abbr.find(g.abbr); it != seen_abbr.end()) {
                        src.error(e.get("abbr")->source(), "duplicate abbreviation '" + g.abbr +
                                                               "' (first defined at line " +
                                                               std::to_string(it->second.line) + ")");
                        continue;
                    }
                    seen_abbr[g.abbr] = src.at(*e.get("abbr"));
                }
                data.glossary.push_back(std::move(g));
            }
        }
        std::sort(data.glossary.begin(), data.glossary.end(), [](const GlossaryTerm& a, const GlossaryTerm& b) {
            return to_lower_ascii(a.term) < to_lower_ascii(b.term);
        });
        SlugCounter slugs;
        for (size_t i = 0; i < data.glossary.size(); ++i) {
            data.glossary[i].anchor = slugs.unique(data.glossary[i].term);
            if (const std::string& a = data.glossary[i].abbr; !a.empty()) {
                data.abbr_index[a] = i;
                data.abbr_first[static_cast<unsigned char>(a[0])] = true;
                data.abbr_max_len = std::max(data.abbr_max_len, a.size());
            }
        }
    }
    return data;
}

}  // namespace tk
