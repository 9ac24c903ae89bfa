#include "tools/reader.h"

#include "util/strings.h"

namespace tk {

bool expand_values(std::string_view s, const SiteData& data, std::string& out, std::string& error) {
    out.clear();
    size_t pos = 0;
    while (true) {
        size_t open = s.find("{{<", pos);
        if (open == std::string_view::npos) break;
        size_t close = s.find(">}}", open + 3);
        if (close == std::string_view::npos) {
            error = "'{{<' is never closed with '>}}'";
            return false;
        }
        out.append(s.substr(pos, open - pos));
        std::vector<std::string> words;
        for (auto w : split(trim(s.substr(open + 3, close - open - 3)), ' '))
            if (!trim(w).empty()) words.emplace_back(trim(w));
        if (words.empty() || words[0] != "value") {
            std::string name = words.empty() ? "" : words[0];
            error = "unknown shortcode '" + name + "' (only {{< value key >}} works in tools)";
            return false;
        }
        if (words.size() < 2) {
            error = "the value shortcode needs a key: {{< value thresholds.goods_and_services >}}";
            return false;
        }
        std::string value;
        if (!data.format_value(words[1], value, error)) return false;
        out += value;
        if (words.size() > 2 && words[2] == "from") {
            std::string date;
            if (!data.format_value(words[1] + ".effective_from", date, error)) {
                error = "value '" + words[1] + "' has no effective_from date";
                return false;
            }
            out += " (from " + date + ")";
        }
        pos = close + 3;
    }
    out.append(s.substr(pos));
    return true;
}

std::optional<std::string> ToolReader::expand(const toml::node& n, std::string raw) const {
    std::string out, error;
    if (expand_values(raw, m_data, out, error)) return out;
    m_src.error(n.source(), error);
    return std::nullopt;
}

std::optional<std::string> ToolReader::text(const toml::table& t, std::string_view key, bool required,
                                            const toml::source_region& where) const {
    auto raw = get_string(m_src, t, key, required, &where);
    if (!raw) return std::nullopt;
    if (trim(*raw).empty()) {
        m_src.error(t.get(key)->source(), "'" + std::string(key) + "' must not be empty");
        return std::nullopt;
    }
    return expand(*t.get(key), *raw);
}

std::vector<std::string> ToolReader::texts(const toml::table& t, std::string_view key) const {
    std::vector<std::string> out;
    auto items = get_string_array(m_src, t, key);
    if (!items) return out;
    const toml::array& arr = *t.get(key)->as_array();
    for (size_t i = 0; i < items->size(); ++i)
        if (auto s = expand(*arr.get(i), (*items)[i].value)) out.push_back(*s);
    return out;
}

std::vector<const toml::table*> ToolReader::tables(const toml::table& t, std::string_view key) const {
    std::vector<const toml::table*> out;
    const toml::node* n = t.get(key);
    if (!n) return out;
    const toml::array* arr = n->as_array();
    if (!arr) {
        m_src.error(n->source(), "'" + std::string(key) + "' must be a list of tables ([[" + std::string(key) +
                                     "]]), not " + toml_type_name(n->type()));
        return out;
    }
    for (const auto& item : *arr) {
        if (const auto* tbl = item.as_table()) out.push_back(tbl);
        else
            m_src.error(item.source(), "each entry of '" + std::string(key) + "' must be a table, not " +
                                           toml_type_name(item.type()));
    }
    return out;
}

std::vector<PageRef> ToolReader::links(const toml::table& t, std::string_view key) const {
    std::vector<PageRef> out;
    for (const toml::table* l : tables(t, key)) {
        check_keys(m_src, *l, {"page", "anchor", "text"});
        auto where = l->source();
        auto page = get_string(m_src, *l, "page", true, &where);
        if (!page) continue;
        PageRef r;
        r.page = *page;
        r.loc = m_src.at(*l->get("page"));
        if (auto a = get_string(m_src, *l, "anchor")) {
            r.anchor = *a;
            if (starts_with(r.anchor, "#")) r.anchor.erase(0, 1);
            r.anchor_loc = m_src.at(*l->get("anchor"));
        }
        if (l->get("text"))
            if (auto s = text(*l, "text", false, where)) r.text = *s;
        out.push_back(std::move(r));
    }
    return out;
}

int ToolReader::integer(const toml::table& t, std::string_view key, int fallback, int lo, int hi) const {
    auto v = get_int(m_src, t, key);
    if (!v) return fallback;
    if (*v < lo || *v > hi) {
        m_src.error(t.get(key)->source(), "'" + std::string(key) + "' must be between " + std::to_string(lo) +
                                              " and " + std::to_string(hi));
        return fallback;
    }
    return int(*v);
}

}  // namespace tk
