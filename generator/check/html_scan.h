#pragma once
// What the link checker needs from one HTML page, read with an HTML5 parser (gumbo):
// every id it can be linked to, and every URL it refers to.
#include <string>
#include <string_view>
#include <vector>

namespace tk {

struct HtmlLink {
    std::string element;    // "a", "img", "link", "form", "meta" ...
    std::string attribute;  // "href", "src", "srcset", "action", "content" (meta refresh)
    std::string url;        // one URL, entities decoded (a srcset gives one link per candidate)
    int line = 0;           // 1-based line of the element in the HTML
};

struct ScannedPage {
    std::vector<std::string> ids;  // the id of every element, and the name of every <a>
    std::vector<HtmlLink> links;
    std::string base_href;         // the first <base href>, if any
};

/// Parses `html` as a browser would and collects ids and links. Never fails: HTML5 parsing
/// recovers from any input, as browsers do.
ScannedPage scan_html(std::string_view html);

/// The URL of a `<meta http-equiv="refresh" content="0; url=/x/">`, or "" when there is none.
std::string meta_refresh_url(std::string_view content);

}  // namespace tk
