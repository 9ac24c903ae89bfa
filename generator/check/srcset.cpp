#include "check/srcset.h"

namespace tk {

namespace {
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
}  // namespace

std::vector<std::string> parse_srcset(std::string_view s) {
    std::vector<std::string> urls;
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
        if (i >= s.size()) break;
        size_t start = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        std::string_view url = s.substr(start, i - start);
        // "a.png," is a URL without descriptors; the commas end the candidate.
        if (!url.empty() && url.back() == ',') {
            while (!url.empty() && url.back() == ',') url.remove_suffix(1);
            if (!url.empty()) urls.emplace_back(url);
            continue;
        }
        // Descriptors run to the next comma that is not inside parentheses ("1x, 2x" vs "f(1,2)").
        int depth = 0;
        while (i < s.size()) {
            char c = s[i];
            if (c == '(') ++depth;
            else if (c == ')' && depth > 0) --depth;
            else if (c == ',' && depth == 0) break;
            ++i;
        }
        if (!url.empty()) urls.emplace_back(url);
    }
    return urls;
}

}  // namespace tk
