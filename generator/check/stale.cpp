#include "check/stale.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "content/review.h"

namespace tk {

std::string iso_date(const toml::date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d.year), int(d.month), int(d.day));
    return buf;
}

std::vector<StalePage> find_stale_pages(const ContentTree& tree, int interval_months, const toml::date& today) {
    std::vector<StalePage> out;
    for (const auto& p : tree.pages) {
        if (!p.in_stage_listing() || !is_due_for_review(p, interval_months, today)) continue;
        out.push_back({p.source_path, p.title, p.owner, *review_due_date(p, interval_months)});
    }
    std::sort(out.begin(), out.end(), [](const StalePage& a, const StalePage& b) {
        return std::tie(a.due, a.file) < std::tie(b.due, b.file);
    });
    return out;
}

std::string format_stale(const std::vector<StalePage>& pages, const toml::date& today) {
    std::string out;
    if (!pages.empty()) {
        size_t file_w = 4, owner_w = 5;
        for (const auto& p : pages) {
            file_w = std::max(file_w, p.file.size());
            owner_w = std::max(owner_w, p.owner.empty() ? size_t(8) : p.owner.size());
        }
        auto row = [&](const std::string& file, const std::string& owner, const std::string& due, const std::string& title) {
            std::string line = file + std::string(file_w - file.size() + 2, ' ') + owner +
                               std::string(owner_w - owner.size() + 2, ' ') + due + "  " + title;
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
        };
        row("file", "owner", "due       ", "title");
        for (const auto& p : pages) row(p.file, p.owner.empty() ? "(nobody)" : p.owner, iso_date(p.due), p.title);
        out += "\n";
    }
    out += std::to_string(pages.size()) + (pages.size() == 1 ? " page is" : " pages are") +
           " past their review date (today is " + iso_date(today) + ").\n";
    return out;
}

}  // namespace tk
