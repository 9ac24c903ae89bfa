#include <iostream>

#include "check/content_check.h"
#include "cli/commands.h"
#include "config/config.h"

namespace tk::cli {

int run_content_check_cli(const std::string& config_path) {
    Diagnostics diags;
    auto config = load_config(config_path, diags);
    if (!config) {
        std::cerr << diags.format_all() << "Content check failed: the config has errors.\n";
        return k_content_error;
    }
    ContentCheckRun run = run_content_check(*config, diags);
    if (!run.ok) {
        std::cerr << diags.format_all() << "Content check failed: its rules could not be loaded.\n";
        return k_content_error;
    }
    std::cout << format_content_report(run.result);
    return run.result.findings.empty() ? k_ok : k_content_error;
}

}  // namespace tk::cli
