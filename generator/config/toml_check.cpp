#include "config/toml_check.h"

#include <algorithm>
#include <sstream>

#include "util/strings.h"

namespace tk {

SourceLocation TomlSource::at(const toml::source_region& r) const {
    return {path, int(r.begin.line) + line_offset, int(r.begin.column)};
}

void TomlSource::error(const toml::source_region& r, std::string msg) const {
    if (diags) diags->error(at(r), std::move(msg), text);
}

void TomlSource::warning(const toml::source_region& r, std::string msg) const {
    if (diags) diags->warning(at(r), std::move(msg), text);
}

std::optional<toml::table> parse_toml(const TomlSource& src, std::string_view toml_text) {
    try {
        return toml::parse(toml_text, std::string_view{src.path});
    } catch (const toml::parse_error& e) {
        std::string msg(e.description());
        src.error(e.source(), "invalid TOML: " + msg);
        return std::nullopt;
    }
}

std::vector<std::string> check_keys(const TomlSource& src, const toml::table& tbl, const std::vector<std::string>& allowed) {
    std::vector<std::string> suggested;
    for (auto&& [k, v] : tbl) {
        std::string key(k.str());
        bool ok = false;
        for (const auto& a : allowed)
            if (a == key) ok = true;
        if (ok) continue;
        std::string msg = "unknown key '" + key + "'";
        if (auto n = nearest(key, allowed)) {
            msg += " (did you mean '" + *n + "'?)";
            suggested.push_back(*n);
        } else {
            msg += " (expected " + quoted_list(allowed) + ")";
        }
        src.error(k.source(), msg);
    }
    return suggested;
}

const char* toml_type_name(toml::node_type t) {
    switch (t) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::array: return "an array";
        case toml::node_type::table: return "a table";
        default: return "nothing";
    }
}

namespace {
void wrong_type(const TomlSource& src, const toml::node& n, std::string_view key, const char* want) {
    src.error(n.source(), "'" + std::string(key) + "' must be " + want + ", not " + toml_type_name(n.type()));
}
void missing(const TomlSource& src, std::string_view key, const toml::source_region* where) {
    if (where) report_missing(src, key, *where);
}
}  // namespace

void report_missing(const TomlSource& src, std::string_view key, const toml::source_region& where) {
    if (src.meant && std::find(src.meant->begin(), src.meant->end(), key) != src.meant->end()) return;
    src.error(where, "missing required key '" + std::string(key) + "'");
}

std::optional<std::string> get_string(const TomlSource& src, const toml::table& tbl, std::string_view key,
                                      bool required, const toml::source_region* where) {
    const toml::node* n = tbl.get(key);
    if (!n) {
        if (required) missing(src, key, where);
        return std::nullopt;
    }
    if (auto s = n->value<std::string>(); s && n->is_string()) return *s;
    wrong_type(src, *n, key, "a string");
    return std::nullopt;
}

std::optional<int64_t> get_int(const TomlSource& src, const toml::table& tbl, std::string_view key) {
    const toml::node* n = tbl.get(key);
    if (!n) return std::nullopt;
    if (n->is_integer()) return n->as_integer()->get();
    wrong_type(src, *n, key, "an integer");
    return std::nullopt;
}

std::optional<bool> get_bool(const TomlSource& src, const toml::table& tbl, std::string_view key) {
    const toml::node* n = tbl.get(key);
    if (!n) return std::nullopt;
    if (n->is_boolean()) return n->as_boolean()->get();
    wrong_type(src, *n, key, "a boolean (true or false)");
    return std::nullopt;
}

std::optional<toml::date> get_date(const TomlSource& src, const toml::table& tbl, std::string_view key,
                                   bool required, const toml::source_region* where) {
    const toml::node* n = tbl.get(key);
    if (!n) {
        if (required) missing(src, key, where);
        return std::nullopt;
    }
    if (n->is_date()) return n->as_date()->get();
    wrong_type(src, *n, key, "a date (YYYY-MM-DD, without quotes)");
    return std::nullopt;
}

std::optional<std::vector<LocatedString>> get_string_array(const TomlSource& src, const toml::table& tbl,
                                                           std::string_view key) {
    const toml::node* n = tbl.get(key);
    if (!n) return std::nullopt;
    const toml::array* arr = n->as_array();
    if (!arr) {
        wrong_type(src, *n, key, "an array of strings");
        return std::nullopt;
    }
    std::vector<LocatedString> out;
    bool ok = true;
    for (const auto& item : *arr) {
        if (!item.is_string()) {
            src.error(item.source(), "'" + std::string(key) + "' must hold only strings, not " +
                                         toml_type_name(item.type()));
            ok = false;
            continue;
        }
        out.push_back({item.as_string()->get(), src.at(item)});
    }
    if (!ok) return std::nullopt;
    return out;
}

const toml::table* get_table(const TomlSource& src, const toml::table& tbl, std::string_view key) {
    const toml::node* n = tbl.get(key);
    if (!n) return nullptr;
    if (auto t = n->as_table()) return t;
    wrong_type(src, *n, key, "a table");
    return nullptr;
}

}  // namespace tk
