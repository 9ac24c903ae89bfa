#pragma once
// Checks that need every page: tools' links to pages and files, and tool pages' `tool` keys.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "content/content_tree.h"
#include "markdown/renderer.h"
#include "tools/tool.h"

namespace tk {

/// What a tool may link to: pages by id (with their headings) and page-bundle files.
struct PageCatalog {
    struct Entry {
        std::string title;
        std::string url;  // site path
        std::vector<std::string> anchors;
        bool stage = false;
    };
    std::map<std::string, Entry> pages;
    std::set<std::string> files;  // paths under content/
};

PageCatalog make_catalog(const ContentTree& tree, const std::vector<RenderedMarkdown>& markdown);

/// Every page, anchor, stage and file a tool names must exist.
void check_tool_refs(const Tool& tool, const PageCatalog& catalog, Diagnostics& diags);

/// Every tool page's `tool` names a definition that exists; every definition is used by a page.
void check_tool_pages(const std::vector<Page>& pages, const ToolSet& tools, Diagnostics& diags);

}  // namespace tk
