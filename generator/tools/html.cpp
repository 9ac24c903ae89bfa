#include "tools/html.h"

#include <cstdio>

#include "util/strings.h"

namespace tk {

std::string page_link_html(const PageRef& ref, const ToolContext& ctx) {
    auto it = ctx.catalog.pages.find(ref.page);
    std::string title = ref.text;
    std::string href;
    if (it != ctx.catalog.pages.end()) {
        if (title.empty()) title = it->second.title;
        href = ctx.url(it->second.url);
    }
    if (!ref.anchor.empty()) href += "#" + ref.anchor;
    return "<a href=\"" + attr_escape(href) + "\">" + html_escape(title) + "</a>";
}

std::string tool_style_tag(const ToolContext& ctx) {
    if (ctx.style_url.empty()) return "";
    return "<link rel=\"stylesheet\" href=\"" + attr_escape(ctx.style_url) + "\">\n";
}

std::string tool_script_tag(const ToolContext& ctx) {
    if (ctx.script_url.empty()) return "";
    return "<script src=\"" + attr_escape(ctx.script_url) + "\" defer></script>\n";
}

std::string json_string(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += char(c);
                }
        }
    }
    return out + "\"";
}

std::string json_strings(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + json_string(items[i]);
    return out + "]";
}

}  // namespace tk
