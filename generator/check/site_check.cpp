#include "check/site_check.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

#include "check/html_scan.h"
#include "check/target.h"
#include "util/fs.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace tk {

namespace {

bool is_html(const std::string& rel) { return ends_with(rel, ".html") || ends_with(rel, ".htm"); }

/// A link with a fragment to another page: checked once every page's ids are known.
struct PendingAnchor {
    size_t target_page;
    std::string fragment;
    std::string target;  // as shown: "/toolkit/x/#a"
    LinkUseSite use;
};

struct BrokenUse {
    std::string target;
    std::string reason;
    LinkUseSite use;
};

struct PageResult {
    std::unordered_set<std::string> ids;
    std::vector<PendingAnchor> pending;
    std::vector<BrokenUse> broken;
    std::vector<std::pair<std::string, LinkUseSite>> external;
    size_t links = 0;
    std::string error;
};

bool fragment_found(const std::unordered_set<std::string>& ids, const std::string& fragment) {
    if (fragment.empty() || ids.count(fragment)) return true;
    // The HTML standard scrolls "#top" to the top of any page that has no such id.
    return to_lower_ascii(fragment) == "top";
}

}  // namespace

void add_sources(LinkUseSite& use, const std::string& site_path, const LinkMap& sources) {
    auto it = sources.find(site_path);
    if (it == sources.end()) return;
    for (const auto& s : it->second)
        if (s.href == use.href) use.sources.push_back(s.loc);
}

SiteCheck check_site(const SiteCheckOptions& opt, Diagnostics& diags) {
    SiteCheck result;
    if (!fs::is_dir(opt.dir)) {
        diags.error({opt.dir, 0, 0}, "no built site here (run `toolkit build` first, or name the folder to check)");
        return result;
    }
    std::vector<std::string> walk_errors;
    auto entries = fs::walk(opt.dir, walk_errors);
    for (const auto& e : walk_errors) diags.error({opt.dir, 0, 0}, e);

    SiteFiles files;
    std::vector<std::string> pages;  // HTML files, sorted
    std::unordered_map<std::string, size_t> page_index;
    for (const auto& e : entries) {
        if (e.is_dir) {
            files.add_dir(e.rel);
            continue;
        }
        files.add_file(e.rel);
        if (is_html(e.rel)) {
            page_index.emplace(e.rel, pages.size());
            pages.push_back(e.rel);
        }
    }
    std::string shown_dir = opt.dir;
    while (shown_dir.size() > 1 && shown_dir.back() == '/') shown_dir.pop_back();

    std::vector<PageResult> results(pages.size());
    parallel_for(pages.size(), [&](size_t i) {
        PageResult& r = results[i];
        std::string error;
        auto text = fs::read_file(fs::join(opt.dir, pages[i]), error);
        if (!text) {
            r.error = pages[i] + ": " + error;
            return;
        }
        ScannedPage scan = scan_html(*text);
        text.reset();
        r.ids.insert(scan.ids.begin(), scan.ids.end());
        r.links = scan.links.size();
        std::string page_url = served_url(pages[i], opt.base);
        for (auto& link : scan.links) {
            Target t = classify_link(link.url, page_url, opt.base, scan.base_href);
            if (t.kind == Target::Kind::Ignored) continue;
            LinkUseSite use{page_url, std::move(link.element), std::move(link.attribute), std::move(link.url), link.line, {}};
            switch (t.kind) {
                case Target::Kind::External:
                    r.external.emplace_back(std::move(t.path), std::move(use));
                    break;
                case Target::Kind::Outside:
                    r.broken.push_back({t.path, "outside the base path " + opt.base.path + ": the published site has nothing there",
                                        std::move(use)});
                    break;
                case Target::Kind::Internal: {
                    std::string shown = opt.base.path + t.path.substr(1);
                    auto file = files.resolve(t.path);
                    if (!file) {
                        std::string expected = SiteFiles::expected_file(t.path);
                        bool page = ends_with(expected, "index.html");
                        r.broken.push_back({shown,
                                            std::string(page ? "no such page" : "no such file") + " (" + shown_dir + "/" +
                                                expected + " does not exist)",
                                            std::move(use)});
                        break;
                    }
                    if (!t.has_fragment || t.fragment.empty() || !is_html(*file)) break;
                    size_t target = page_index.at(*file);
                    std::string shown_anchor = shown + "#" + t.fragment;
                    if (target == i) {
                        if (!fragment_found(r.ids, t.fragment))
                            r.broken.push_back({shown_anchor, "no id \"" + t.fragment + "\" on " + shown, std::move(use)});
                    } else {
                        r.pending.push_back({target, std::move(t.fragment), std::move(shown_anchor), std::move(use)});
                    }
                    break;
                }
                case Target::Kind::Ignored: break;
            }
        }
    });

    // Group by target; a target's reason is the same wherever it is linked from.
    std::map<std::string, Finding> broken;
    auto add = [&](const std::string& target, const std::string& reason, LinkUseSite use) {
        Finding& f = broken[target];
        if (f.uses.empty()) {
            f.target = target;
            f.reason = reason;
        }
        f.uses.push_back(std::move(use));
    };
    CheckSummary& summary = result.report.summary;
    summary.pages = pages.size();
    for (auto& r : results) {
        if (!r.error.empty()) diags.error({opt.dir, 0, 0}, r.error);
        summary.links += r.links;
        for (auto& b : r.broken) add(b.target, b.reason, std::move(b.use));
        for (auto& p : r.pending) {
            if (fragment_found(results[p.target_page].ids, p.fragment)) continue;
            std::string page = p.target.substr(0, p.target.find('#'));
            add(p.target, "no id \"" + p.fragment + "\" on " + page, std::move(p.use));
        }
        for (auto& [url, use] : r.external) result.external[url].push_back(std::move(use));
    }
    for (auto& [target, f] : broken) {
        if (opt.sources) {
            for (auto& u : f.uses) {
                std::string site_path = "/" + u.page.substr(opt.base.path.size());
                add_sources(u, site_path, *opt.sources);
            }
        }
        result.report.findings.push_back(std::move(f));
    }
    result.report.sort();
    result.ok = !diags.has_errors();
    return result;
}

}  // namespace tk
