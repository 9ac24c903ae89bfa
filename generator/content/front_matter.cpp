#include "content/front_matter.h"

#include "util/strings.h"

namespace tk {

namespace {
bool is_fence(std::string_view line) { return trim(line) == "+++" && starts_with(line, "+++"); }
}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
    FrontMatterSplit r;
    if (trim(text).empty()) {
        r.error = "empty file: a page needs front matter between two '+++' lines";
        r.error_line = 1;
        r.error_col = 1;
        return r;
    }
    size_t nl = text.find('\n');
    std::string_view first = text.substr(0, nl);
    if (!is_fence(first)) {
        r.error = "missing front matter: a page must start with a line of '+++'";
        r.error_line = 1;
        r.error_col = 1;
        return r;
    }
    if (nl == std::string_view::npos) {
        r.error = "front matter is never closed: add a line of '+++' after it";
        r.error_line = 1;
        r.error_col = 1;
        return r;
    }
    size_t start = nl + 1;
    size_t pos = start;
    int line = 2;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        std::string_view l = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        if (is_fence(l)) {
            r.ok = true;
            r.toml = text.substr(start, pos - start);
            r.toml_line_offset = 1;
            r.body = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
            r.body_first_line = line + 1;
            return r;
        }
        if (end == std::string_view::npos) break;
        pos = end + 1;
        ++line;
    }
    r.error = "front matter is never closed: add a line of '+++' after it";
    r.error_line = 1;
    r.error_col = 1;
    return r;
}

}  // namespace tk
