#include <iostream>

#include "cli/commands.h"

#ifndef TOOLKIT_VERSION
#define TOOLKIT_VERSION "0.0.0"
#endif

int main(int argc, char** argv) {
    using namespace tk::cli;
    CLI::App app{"toolkit: builds the Innovation in Procurement Toolkit website from content/ and themes/"};
    app.set_version_flag("--version", std::string("toolkit ") + TOOLKIT_VERSION);
    app.require_subcommand(0, 1);
    std::vector<std::pair<CLI::App*, std::function<int()>>> runners;
    for (const auto& c : commands()) {
        CLI::App* sub = app.add_subcommand(c.name, c.help);
        runners.push_back({sub, c.setup(*sub)});
    }
    CLI::App* help = app.add_subcommand("help", "show this help");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? k_ok : k_usage_error;
    }
    if (help->parsed() || argc == 1) {
        app.clear();  // forget the parsed `help`, else CLI11 prints the help of `help` itself
        std::cout << app.help();
        return argc == 1 ? k_usage_error : k_ok;
    }
    for (auto& [sub, run] : runners)
        if (sub->parsed()) return run();
    std::cout << app.help();
    return k_usage_error;
}
