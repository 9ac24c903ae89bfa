#pragma once
// config.toml -> Config. Unknown keys and wrong types are errors with file:line:col.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diag/diagnostics.h"
#include "util/url.h"

namespace tk {

using Labels = std::vector<std::pair<std::string, std::string>>;  // id -> label, in file order

struct Config {
    std::string path;  // the config file as given
    std::string root;  // the folder holding it: content/ and themes/ are found here
    std::string title = "Untitled site";
    std::string description;
    std::string base_url = "/";
    BaseUrl base;
    std::string language = "en-GB";
    std::string theme = "toolkit";
    std::string output_dir = "site";
    bool unsafe_html = false;
    int review_interval_months = 12;
    /// A stage with more pages than this shows, in the step-by-step navigation, only the group of
    /// this many pages that holds the current page, and links to the stage page for the rest.
    /// 0: every page, however many.
    int step_nav_limit = 40;
    std::string repo_url;
    std::string repo_branch = "main";
    Labels audiences;
    Labels roles;
    std::string feedback_endpoint;
    std::string feedback_email;
    std::vector<std::string> check_exclude;

    const std::string* audience_label(std::string_view id) const;
    const std::string* role_label(std::string_view id) const;
    std::string content_dir() const;
    std::string theme_dir() const;
};

/// Loads and checks a config file; nullopt when it cannot be used (errors are in `diags`).
std::optional<Config> load_config(const std::string& path, Diagnostics& diags);
/// Parses config text (for tests).
std::optional<Config> parse_config(const std::string& path, std::string_view text, Diagnostics& diags);

}  // namespace tk
