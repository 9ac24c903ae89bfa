#pragma once
// The command table: each command adds its options to a CLI11 subcommand and runs.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace tk::cli {

/// Exit codes: 0 success, 1 content or config errors, 2 usage errors.
constexpr int k_ok = 0;
constexpr int k_content_error = 1;
constexpr int k_usage_error = 2;

struct Command {
    const char* name;
    const char* help;
    /// Adds options to the subcommand; returns the function that runs it.
    std::function<std::function<int()>(CLI::App&)> setup;
};

const std::vector<Command>& commands();

std::function<int()> setup_build(CLI::App& app);
std::function<int()> setup_check(CLI::App& app);
std::function<int()> setup_tokens(CLI::App& app);
std::function<int()> setup_serve(CLI::App& app);

/// `toolkit check --content`: the style rules of docs/editing.md on every page. 0 when clean,
/// 1 with findings or when the config or the rules cannot be loaded.
int run_content_check_cli(const std::string& config_path);

}  // namespace tk::cli
