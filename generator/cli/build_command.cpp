#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "config/config.h"
#include "site/site.h"
#include "util/fs.h"

namespace tk::cli {

namespace {
struct BuildArgs {
    std::string config = "config.toml";
    std::string output;
    std::string base_url;
    bool drafts = false;
    bool verbose = false;
    bool strict = false;
    bool quiet = false;
};

std::string plural(size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}
}  // namespace

std::function<int()> setup_build(CLI::App& app) {
    auto args = std::make_shared<BuildArgs>();
    app.add_option("--config", args->config, "config file (default: config.toml)");
    app.add_option("--output,-o", args->output, "output folder (default: output_dir from the config)");
    app.add_option("--base-url", args->base_url, "base URL to build for, overriding the config");
    app.add_flag("--drafts", args->drafts, "include pages with draft = true");
    app.add_flag("--verbose,-v", args->verbose, "print the time of each build phase");
    app.add_flag("--strict", args->strict, "treat warnings as errors (CI)");
    app.add_flag("--quiet,-q", args->quiet, "print nothing but errors and warnings");
    return [args]() -> int {
        Diagnostics diags;
        auto config = load_config(args->config, diags);
        if (!config) {
            std::cerr << diags.format_all() << "Build failed: the config has errors.\n";
            return k_content_error;
        }
        BuildOptions opts;
        opts.drafts = args->drafts;
        opts.output = args->output;
        opts.base_url = args->base_url;
        opts.strict = args->strict;
        Site site(*config, opts);
        BuildResult r = site.build(diags);
        std::cerr << diags.format_all();
        if (args->verbose) {
            for (const auto& p : r.phases) {
                if (p.cpu_ms < 0) std::fprintf(stdout, "  %-22s %8.1f ms  (alongside the phases above)\n", p.name.c_str(), p.ms);
                else std::fprintf(stdout, "  %-22s %8.1f ms  (CPU %6.1f ms)\n", p.name.c_str(), p.ms, p.cpu_ms);
            }
        }
        if (!r.ok) {
            std::cerr << "Build failed: " << plural(diags.error_count(), "error") << ", "
                      << plural(diags.warning_count(), "warning") << ". " << r.output
                      << " is unchanged.\n";
            return k_content_error;
        }
        if (!args->quiet) {
            for (const auto& n : r.notes) std::cerr << "note: " << n << "\n";
            std::fprintf(stdout, "Built %s and %s in %.0f ms into %s%s\n", plural(r.pages, "page").c_str(),
                         plural(r.files, "file").c_str(), r.ms, r.output.c_str(),
                         diags.warning_count() ? (" (" + plural(diags.warning_count(), "warning") + ")").c_str() : "");
        }
        return k_ok;
    };
}

}  // namespace tk::cli
