#include "check/content_rules.h"

#include <algorithm>
#include <tuple>

#include "config/toml_check.h"
#include "content/site_data.h"
#include "util/fs.h"
#include "util/strings.h"

namespace tk {

namespace {

std::vector<std::string> strings_of(const TomlSource& src, const toml::table& t, std::string_view key) {
    std::vector<std::string> out;
    if (auto list = get_string_array(src, t, key))
        for (auto& s : *list)
            if (!trim(s.value).empty()) out.push_back(s.value);
    return out;
}

void collect_money(const toml::table& t, const std::string& prefix, std::vector<MoneyValue>& out) {
    for (auto&& [k, v] : t) {
        const toml::table* sub = v.as_table();
        if (!sub) continue;
        std::string key = prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
        const toml::node* value = sub->get("value");
        const toml::node* unit = sub->get("unit");
        if (value && value->is_integer() && unit && unit->is_string() && unit->as_string()->get() == "gbp")
            out.push_back({value->as_integer()->get(), key});
        collect_money(*sub, key, out);
    }
}

}  // namespace

std::optional<ContentRules> parse_style_rules(const std::string& path, std::string_view text, Diagnostics& diags) {
    size_t before = diags.error_count();
    TomlSource src{path, text, 0, &diags};
    auto parsed = parse_toml(src, text);
    if (!parsed) return std::nullopt;
    const toml::table& root = *parsed;
    check_keys(src, root, {"sentences", "words_to_avoid", "superseded"});
    ContentRules rules;
    if (const toml::table* s = get_table(src, root, "sentences")) {
        check_keys(src, *s, {"max_words"});
        if (auto n = get_int(src, *s, "max_words")) {
            if (*n < 1) src.error(s->get("max_words")->source(), "'max_words' must be at least 1");
            else rules.max_words = int(*n);
        }
    }
    if (const toml::table* w = get_table(src, root, "words_to_avoid")) {
        check_keys(src, *w, {"words", "allow"});
        rules.words_to_avoid = strings_of(src, *w, "words");
        rules.allow = strings_of(src, *w, "allow");
    }
    if (const toml::table* s = get_table(src, root, "superseded")) {
        check_keys(src, *s, {"terms", "explain_words"});
        rules.superseded = strings_of(src, *s, "terms");
        rules.explain_words = strings_of(src, *s, "explain_words");
    }
    if (diags.error_count() > before) return std::nullopt;
    return rules;
}

std::vector<MoneyValue> money_values(const toml::table& values) {
    std::vector<MoneyValue> out;
    collect_money(values, "", out);
    std::sort(out.begin(), out.end(), [](const MoneyValue& a, const MoneyValue& b) {
        return std::tie(a.pounds, a.key) < std::tie(b.pounds, b.key);
    });
    return out;
}

std::optional<ContentRules> load_content_rules(const std::string& content_dir, Diagnostics& diags) {
    std::string path = fs::join(fs::join(content_dir, "_data"), "style.toml");
    if (!fs::exists(path)) {
        diags.error({path, 0, 0}, "style rules not found: the content check needs this file");
        return std::nullopt;
    }
    std::string err;
    auto text = fs::read_file(path, err);
    if (!text) {
        diags.error({path, 0, 0}, "cannot read: " + err);
        return std::nullopt;
    }
    std::string norm = normalise_newlines(*text);
    auto rules = parse_style_rules(path, norm, diags);
    if (!rules) return std::nullopt;
    // values.toml is optional; load_site_data reports its errors with positions.
    size_t before = diags.error_count();
    SiteData data = load_site_data(content_dir, diags);
    if (diags.error_count() > before) return std::nullopt;
    rules->money = money_values(data.values);
    return rules;
}

}  // namespace tk
