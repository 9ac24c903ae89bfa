#pragma once
// Small pages and rules for the content check's tests.
#include <gtest/gtest.h>

#include <string>

#include "check/content_check.h"
#include "check/content_rules.h"
#include "content/page_loader.h"
#include "util/strings.h"

namespace tk::testing {

/// Front matter of a guidance page: seven lines, so the body starts on line 8.
inline const char* k_guidance_head =
    "+++\n"
    "title = \"A page\"\n"
    "summary = \"What it is.\"\n"
    "audiences = [\"procurement\"]\n"
    "last_reviewed = 2026-01-01\n"
    "sources = [{ title = \"Act\", url = \"https://www.legislation.gov.uk/\" }]\n"
    "+++\n";

inline Page make_page(const std::string& text, bool stage_item = true) {
    Diagnostics diags;
    auto config = parse_config("config.toml", "title = \"Test\"\n", diags);
    PageContext ctx;
    ctx.in_stage_folder = stage_item;
    Page page = load_page("content/strategy/x.md", "strategy/x.md", text, ctx, *config, diags);
    EXPECT_FALSE(page.invalid) << diags.format_all();
    page.id = "strategy/x";
    return page;
}

inline ContentRules make_rules(int max_words = 10) {
    std::string style =
        "[sentences]\nmax_words = " + std::to_string(max_words) +
        "\n"
        "[words_to_avoid]\n"
        "words = [\"key\", \"deliver\", \"in order to\", \"leverage\"]\n"
        "allow = [\"key performance indicator\", \"key performance indicators\"]\n"
        "[superseded]\n"
        "terms = [\"OJEU\", \"PQQ\", \"Contracts Finder\", \"MEAT\"]\n"
        "explain_words = [\"replaced\", \"no longer\", \"used to\"]\n";
    Diagnostics diags;
    auto rules = parse_style_rules("content/_data/style.toml", style, diags);
    EXPECT_TRUE(rules.has_value()) << diags.format_all();
    auto values = toml::parse(
        "[kpi.contract_value]\nvalue = 5000000\nunit = \"gbp\"\n"
        "[below_threshold.notifiable]\nvalue = 30000\nunit = \"gbp\"\n"
        "[payment.publication]\nvalue = 30000\nunit = \"gbp\"\n"
        "[standstill]\nvalue = 8\nunit = \"working days\"\n");
    rules->money = money_values(values);
    return *rules;
}

/// Headlines of the findings, one a line.
inline std::string findings(const std::string& body, int max_words = 10) {
    std::string out;
    for (const auto& f : check_page(make_page(k_guidance_head + body), make_rules(max_words)))
        out += f.headline() + "\n";
    return out;
}

}  // namespace tk::testing
