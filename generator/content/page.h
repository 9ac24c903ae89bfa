#pragma once
// A page of the content model (CONTENT-MODEL.md section 2).
#include <toml++/toml.h>

#include <optional>
#include <string>
#include <vector>

#include "config/toml_check.h"

namespace tk {

enum class PageType { Home, Stage, Guidance, Template, Tool, Page };
const char* page_type_name(PageType t);

struct SourceLink {
    std::string title;
    std::string url;
};

struct Who {
    std::vector<std::string> responsible, accountable, consulted;
    bool empty() const { return responsible.empty() && accountable.empty() && consulted.empty(); }
};

struct Page {
    std::string id;           // "strategy/early-market-engagement"; "" for the home page
    std::string source_path;  // "content/strategy/early-market-engagement.md", as shown in messages
    std::string rel_path;     // "strategy/early-market-engagement.md"
    std::string dir;          // folder of the source under content/: "strategy"
    std::string stage;        // id of the stage it belongs to, or ""
    PageType type = PageType::Page;
    std::string title;
    std::string summary;
    int weight = 0;
    std::vector<std::string> audiences;
    Who who;
    std::vector<LocatedString> related;
    std::optional<toml::date> last_reviewed;
    std::optional<toml::date> review_by;
    std::string owner;
    bool draft = false;
    std::vector<LocatedString> aliases;
    std::vector<SourceLink> sources;
    std::string tool;
    SourceLocation tool_loc;  // where the `tool` key's value is, for messages about it
    toml::table extra;

    std::string url;    // site path: "/strategy/early-market-engagement/"
    std::string text;   // the whole file, normalised: for source lines in messages
    size_t body_offset = 0;  // byte offset of the body in `text`
    std::string_view body() const { return std::string_view(text).substr(body_offset); }

    /// The file has errors, reported as it was loaded. The page stays in the tree with what could
    /// be read of it, so that links and references to it still resolve and a typo is reported
    /// once, not again by every page that links here. A build with errors renders nothing.
    bool invalid = false;

    bool in_stage_listing() const {
        return type == PageType::Guidance || type == PageType::Template || type == PageType::Tool;
    }
};

}  // namespace tk
