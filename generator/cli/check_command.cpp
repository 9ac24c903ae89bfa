// `toolkit check`: the links of a built site (internal always, external with --external), or
// with --stale the pages past their review date.
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <iostream>
#include <memory>

#include "check/external_check.h"
#include "check/site_check.h"
#include "check/stale.h"
#include "cli/commands.h"
#include "config/config.h"
#include "content/content_tree.h"
#include "links/link_map.h"
#include "site/site.h"
#include "util/fs.h"

namespace tk::cli {

namespace {

struct CheckArgs {
    std::string dir;
    std::string config = "config.toml";
    std::string base_url;
    bool external = false;
    std::vector<std::string> exclude;
    double max_age_days = 7;
    std::string cache;
    std::string format = "text";
    double timeout_s = 20;
    int per_host = 2;
    int retries = 2;
    bool stale = false;
    bool strict = false;
    bool content = false;  // the style check of docs/editing.md instead of the link check
};

int run_stale(const Config& config, bool strict) {
    Diagnostics diags;
    ContentTree tree = load_content(config, false, diags);
    std::cerr << diags.format_all();
    if (diags.has_errors()) {
        std::cerr << "Stale check failed: the content has errors.\n";
        return k_content_error;
    }
    BuildDate bd = build_date();
    toml::date today{uint16_t(bd.year), uint8_t(bd.month), uint8_t(bd.day)};
    auto stale = find_stale_pages(tree, config.review_interval_months, today);
    std::cout << format_stale(stale, today);
    return strict && !stale.empty() ? k_content_error : k_ok;
}

/// One line, rewritten in place: how far the external check has got.
void show_progress(const ProbeProgress& p) {
    std::fprintf(stderr, "\r\033[K  external links: %zu of %zu checked, %zu %s waiting", p.done, p.total, p.hosts_waiting,
                 p.hosts_waiting == 1 ? "host" : "hosts");
    std::fflush(stderr);
}

int run_check(const CheckArgs& args, bool config_given) {
    if (args.content) return run_content_check_cli(args.config);
    Diagnostics diags;
    std::optional<Config> config;
    if (config_given || fs::exists(args.config)) {
        config = load_config(args.config, diags);
        if (!config) {
            std::cerr << diags.format_all() << "Check failed: the config has errors.\n";
            return k_content_error;
        }
    }
    if (args.stale) {
        if (!config) {
            std::cerr << "toolkit check --stale: no " << args.config << " (name one with --config)\n";
            return k_usage_error;
        }
        return run_stale(*config, args.strict);
    }
    if (args.format != "text" && args.format != "json") {
        std::cerr << "toolkit check: --format is text or json\n";
        return k_usage_error;
    }

    SiteCheckOptions opt;
    opt.base = !args.base_url.empty() ? BaseUrl::parse(args.base_url) : config ? config->base : BaseUrl::parse("/");
    opt.dir = !args.dir.empty() ? args.dir : config ? fs::join(config->root, config->output_dir) : "site";
    std::optional<LinkMap> sources;
    if (std::string map_path = link_map_path(opt.dir); fs::exists(map_path)) {
        std::string error;
        auto text = fs::read_file(map_path, error);
        if (text) sources = parse_link_map(*text, error);
        if (!sources) diags.warning({map_path, 0, 0}, "ignoring the link map: " + error);
    }
    opt.sources = sources ? &*sources : nullptr;

    SiteCheck site = check_site(opt, diags);
    if (!site.ok) {
        std::cerr << diags.format_all() << "Check failed: the site could not be read.\n";
        return k_content_error;
    }
    if (args.external) {
        ExternalOptions ext;
        ext.probe.timeout_ms = long(args.timeout_s * 1000);
        ext.probe.per_host = std::max(1, args.per_host);
        ext.probe.retries = std::max(0, args.retries);
        if (config) {
            ext.probe.user_agent = "toolkit-link-check/1";
            if (!config->repo_url.empty()) ext.probe.user_agent += " (+" + config->repo_url + ")";
            for (const auto& p : config->check_exclude) ext.exclude.add(p);
        }
        for (const auto& p : args.exclude) ext.exclude.add(p);
        ext.cache_path = !args.cache.empty() ? args.cache
                         : config          ? fs::join(config->root, ".cache/links.json")
                                           : ".cache/links.json";
        ext.max_age_s = int64_t(args.max_age_days * 24 * 3600);
        ext.now = int64_t(std::time(nullptr));
        ext.sources = opt.sources;
        ext.base_path = opt.base.path;
        bool tty = isatty(STDERR_FILENO) && args.format == "text";
        if (tty) ext.progress = show_progress;
        check_external(site.external, ext, site.report, diags);
        if (tty) std::fprintf(stderr, "\r\033[K");
    }
    std::cerr << diags.format_all();
    std::cout << (args.format == "json" ? format_json(site.report) : format_text(site.report));
    return site.report.count(LinkStatus::Broken) ? k_content_error : k_ok;
}

}  // namespace

std::function<int()> setup_check(CLI::App& app) {
    auto args = std::make_shared<CheckArgs>();
    app.add_option("dir", args->dir, "the built site to check (default: output_dir from the config, site/)");
    auto* config = app.add_option("--config", args->config, "config file: base_url and [check] exclude (default: config.toml)");
    app.add_option("--base-url", args->base_url, "base URL the site was built for, overriding the config");
    app.add_flag("--external", args->external, "also check http(s) links over the network (cached)");
    app.add_option("--exclude", args->exclude, "skip external links to this host or URL pattern (repeatable)");
    app.add_option("--max-age", args->max_age_days, "days a cached external result stays good (default: 7)");
    app.add_option("--cache", args->cache, "the external link cache (default: .cache/links.json)");
    app.add_option("--timeout", args->timeout_s, "seconds for each external request (default: 20)");
    app.add_option("--per-host", args->per_host, "external requests at once to one host (default: 2)");
    app.add_option("--retries", args->retries, "retries of a timeout, 5xx or 429, with backoff (default: 2)");
    app.add_option("--format", args->format, "text or json (default: text)");
    app.add_flag("--content", args->content, "check the content's style instead: sentence length, words to avoid, old terms, typed values, sources");
    app.add_flag("--stale", args->stale, "list pages past their review date instead (file, owner, date)");
    app.add_flag("--strict", args->strict, "with --stale: exit 1 when any page is past its date");
    return [args, config]() -> int { return run_check(*args, config->count() > 0); };
}

}  // namespace tk::cli
