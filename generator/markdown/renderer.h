#pragma once
// Our HTML renderer on md4c's md_parse (GitHub dialect): heading ids, link rewriting through
// hooks, GitHub alerts as callouts, shortcodes, raw HTML escaped unless allowed.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"

namespace tk {

struct Heading {
    int level = 0;
    std::string text;  // plain text
    std::string id;
};

struct LinkUse {
    std::string href;  // as written
    bool image = false;
    SourceLocation loc;
    std::string url;   // as written into the HTML, after the hooks
};

/// Where the renderer asks the site about links, shortcodes and words. Defaults change nothing.
class MarkdownHooks {
public:
    virtual ~MarkdownHooks() = default;
    /// The href to write for a link or image as written in the source.
    virtual std::string link(std::string_view href, bool image, const SourceLocation& loc) { return std::string(href); }
    /// HTML for `{{< name args >}}`; nullopt when unknown (the hook reports why).
    virtual std::optional<std::string> shortcode(std::string_view name, std::string_view args,
                                                 const SourceLocation& loc) {
        return std::nullopt;
    }
    /// Appends HTML for a run of plain text. `plain_only` is set inside links and headings.
    virtual void text(std::string_view text, bool plain_only, std::string& out);
};

struct MarkdownInput {
    std::string path;          // for messages
    std::string_view text;     // the whole file (positions are counted from its start)
    size_t body_offset = 0;    // where the Markdown starts in `text`
    bool unsafe_html = false;
    MarkdownHooks* hooks = nullptr;
    Diagnostics* diags = nullptr;
};

struct RenderedMarkdown {
    std::string html;
    std::vector<Heading> headings;
    std::vector<LinkUse> links;
    std::vector<SourceLocation> raw_html;  // raw HTML found (escaped unless unsafe_html)
};

RenderedMarkdown render_markdown(const MarkdownInput& in);

/// Plain text of an HTML fragment: tags dropped, the common entities decoded.
std::string strip_tags(std::string_view html);

}  // namespace tk
