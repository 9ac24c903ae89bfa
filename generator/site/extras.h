#pragma once
// Pages and files the generator makes besides the content pages: listings, glossary, search page,
// 404, redirects for aliases, sitemap.xml and robots.txt.
#include <map>
#include <string>

#include "config/config.h"
#include "git/history.h"
#include "content/content_tree.h"
#include "output/output_dir.h"
#include "render/view.h"
#include "templates/theme.h"

namespace tk {

struct ExtraOutputs {
    const Config& config;
    const ContentTree& tree;
    const ViewBuilder& views;
    const Theme& theme;
    OutputDir& out;
    Diagnostics& diags;

    size_t listings();
    size_t glossary();
    size_t search_page();
    size_t not_found();
    size_t redirects(const std::map<std::string, const Page*>& aliases);
    /// /whats-new/ (when the theme has the layout) and its Atom feed.
    size_t whats_new(const GitHistory& history);
    void sitemap();
    void robots();

private:
    bool render(const std::string& layout, const mustache::data& view, const std::string& rel);
};

}  // namespace tk
