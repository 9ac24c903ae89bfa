#include "cli/commands.h"

#include <iostream>

namespace tk::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"build", "render content/ into site/", setup_build},
        {"check", "check the content's style (--content)", [](CLI::App& app) -> std::function<int()> {
             auto content = std::make_shared<bool>(false);
             auto config = std::make_shared<std::string>("config.toml");
             app.add_flag("--content", *content, "check every page against the style rules of docs/editing.md");
             app.add_option("--config", *config, "config file (default: config.toml)");
             return [content, config] {
                 if (*content) return run_content_check_cli(*config);
                 std::cerr << "toolkit check: use --content (the only check in this build)\n";
                 return k_usage_error;
             };
         }},
        {"tokens", "print the search terms of each line of standard input", setup_tokens},
    };
    return table;
}

}  // namespace tk::cli
