#include "config/config.h"

#include <algorithm>

#include "config/toml_check.h"
#include "util/fs.h"
#include "util/strings.h"

namespace tk {

const std::string* Config::audience_label(std::string_view id) const {
    for (const auto& [k, v] : audiences)
        if (k == id) return &v;
    return nullptr;
}

const std::string* Config::role_label(std::string_view id) const {
    for (const auto& [k, v] : roles)
        if (k == id) return &v;
    return nullptr;
}

std::string Config::content_dir() const { return fs::join(root, "content"); }
std::string Config::theme_dir() const {
    // A theme with a '/' is a path from the config's folder (fixture sites share one theme),
    // or an absolute path (benchmark corpora elsewhere on disk).
    if (!theme.empty() && theme[0] == '/') return theme;
    if (theme.find('/') != std::string::npos) return fs::join(root, theme);
    return fs::join(fs::join(root, "themes"), theme);
}

namespace {
Labels read_labels(const TomlSource& src, const toml::table& tbl, std::string_view key) {
    Labels out;
    const toml::table* t = get_table(src, tbl, key);
    if (!t) return out;
    std::vector<std::pair<toml::source_position, std::pair<std::string, std::string>>> items;
    for (auto&& [k, v] : *t) {
        if (!v.is_string()) {
            src.error(v.source(), "'" + std::string(key) + "." + std::string(k.str()) + "' must be a string, not " +
                                      toml_type_name(v.type()));
            continue;
        }
        items.push_back({k.source().begin, {std::string(k.str()), v.as_string()->get()}});
    }
    std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
        return a.first.line != b.first.line ? a.first.line < b.first.line : a.first.column < b.first.column;
    });
    for (auto& i : items) out.push_back(std::move(i.second));
    return out;
}
}  // namespace

std::optional<Config> parse_config(const std::string& path, std::string_view raw, Diagnostics& diags) {
    std::string text = normalise_newlines(raw);
    TomlSource src{path, text, 0, &diags};
    size_t before = diags.error_count();
    auto tbl = parse_toml(src, text);
    if (!tbl) return std::nullopt;

    Config c;
    c.path = path;
    std::string dir = fs::parent(path);
    c.root = dir;

    check_keys(src, *tbl,
               {"title", "description", "base_url", "language", "theme", "output_dir", "unsafe_html",
                "review_interval_months", "step_nav_limit", "repository", "audiences", "roles", "feedback", "check"});
    if (auto v = get_string(src, *tbl, "title")) c.title = *v;
    if (auto v = get_string(src, *tbl, "description")) c.description = *v;
    if (auto v = get_string(src, *tbl, "base_url")) c.base_url = *v;
    if (auto v = get_string(src, *tbl, "language")) c.language = *v;
    if (auto v = get_string(src, *tbl, "theme")) c.theme = *v;
    if (auto v = get_string(src, *tbl, "output_dir")) c.output_dir = *v;
    if (auto v = get_bool(src, *tbl, "unsafe_html")) c.unsafe_html = *v;
    if (auto v = get_int(src, *tbl, "review_interval_months")) {
        if (*v < 1 || *v > 120)
            src.error(tbl->get("review_interval_months")->source(), "'review_interval_months' must be between 1 and 120");
        else
            c.review_interval_months = int(*v);
    }
    if (auto v = get_int(src, *tbl, "step_nav_limit")) {
        if (*v < 0 || *v > 100000)
            src.error(tbl->get("step_nav_limit")->source(), "'step_nav_limit' must be between 0 (no limit) and 100000");
        else
            c.step_nav_limit = int(*v);
    }
    if (const auto* repo = get_table(src, *tbl, "repository")) {
        check_keys(src, *repo, {"url", "branch"});
        if (auto v = get_string(src, *repo, "url")) c.repo_url = *v;
        if (auto v = get_string(src, *repo, "branch")) c.repo_branch = *v;
    }
    if (const auto* fb = get_table(src, *tbl, "feedback")) {
        check_keys(src, *fb, {"endpoint", "report_email"});
        if (auto v = get_string(src, *fb, "endpoint")) c.feedback_endpoint = *v;
        if (auto v = get_string(src, *fb, "report_email")) c.feedback_email = *v;
    }
    if (const auto* ch = get_table(src, *tbl, "check")) {
        check_keys(src, *ch, {"exclude"});
        if (auto v = get_string_array(src, *ch, "exclude"))
            for (auto& s : *v) c.check_exclude.push_back(s.value);
    }
    c.audiences = read_labels(src, *tbl, "audiences");
    c.roles = read_labels(src, *tbl, "roles");

    auto scheme_ok = starts_with(c.base_url, "https://") || starts_with(c.base_url, "http://") ||
                     starts_with(c.base_url, "/");
    if (!scheme_ok)
        src.error(tbl->get("base_url")->source(),
                  "'base_url' must start with https://, http:// or / (got '" + c.base_url + "')");
    c.base = BaseUrl::parse(c.base_url);
    if (diags.error_count() > before) return std::nullopt;
    return c;
}

std::optional<Config> load_config(const std::string& path, Diagnostics& diags) {
    std::string err;
    auto text = fs::read_file(path, err);
    if (!text) {
        diags.error({path, 0, 0}, "cannot read config file: " + err);
        return std::nullopt;
    }
    if (auto bad = find_invalid_utf8(*text)) {
        auto lc = line_col_at(*text, *bad);
        diags.error({path, lc.line, lc.col}, "file is not valid UTF-8", *text);
        return std::nullopt;
    }
    return parse_config(path, *text, diags);
}

}  // namespace tk
