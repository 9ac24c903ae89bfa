#include "check/site_check.h"

#include <atomic>
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

/// What one link comes to, before knowing every page's ids.
struct Outcome {
    enum class Kind { Ok, Broken, External, Anchor } kind = Kind::Ok;
    std::string target;    // as shown; for External the URL without fragment
    std::string reason;    // Broken
    size_t page = 0;       // Anchor: the page that must have the id
    std::string fragment;  // Anchor
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

    // What a link means does not depend on the page when it is absolute ("/x/", "https://..."):
    // those are worked out once per thread and remembered, as the same navigation links
    // appear on every page. The generation tells one check_site call from the next.
    static std::atomic<uint64_t> generations{0};
    uint64_t generation = ++generations;
    auto outcome_of = [&](const Target& t) {
        Outcome o;
        switch (t.kind) {
            case Target::Kind::Ignored: break;
            case Target::Kind::External:
                o.kind = Outcome::Kind::External;
                o.target = t.path;
                break;
            case Target::Kind::Outside:
                o.kind = Outcome::Kind::Broken;
                o.target = t.path;
                o.reason = "outside the base path " + opt.base.path + ": the published site has nothing there";
                break;
            case Target::Kind::Internal: {
                std::string shown = opt.base.path + t.path.substr(1);
                auto file = files.resolve(t.path);
                if (!file) {
                    std::string expected = SiteFiles::expected_file(t.path);
                    bool page = ends_with(expected, "index.html");
                    o.kind = Outcome::Kind::Broken;
                    o.target = shown;
                    o.reason = std::string(page ? "no such page" : "no such file") + " (" + shown_dir + "/" + expected +
                               " does not exist)";
                    break;
                }
                if (!t.has_fragment || t.fragment.empty() || !is_html(*file)) break;
                o.kind = Outcome::Kind::Anchor;
                o.page = page_index.at(*file);
                o.target = shown + "#" + t.fragment;
                o.fragment = t.fragment;
                break;
            }
        }
        return o;
    };

    std::vector<PageResult> results(pages.size());
    parallel_for(pages.size(), [&](size_t i) {
        thread_local std::pair<uint64_t, std::unordered_map<std::string, Outcome>> memo;
        if (memo.first != generation) {
            memo.first = generation;
            memo.second.clear();
        }
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
        Outcome local;
        for (auto& link : scan.links) {
            const std::string& u = link.url;
            bool absolute = (u.size() > 1 && u[0] == '/' && u[1] != '/') || starts_with(u, "https://") || starts_with(u, "http://");
            const Outcome* o = &local;
            if (absolute && scan.base_href.empty()) {
                auto [it, fresh] = memo.second.try_emplace(u);
                if (fresh) it->second = outcome_of(classify_link(u, page_url, opt.base));
                o = &it->second;
            } else {
                local = outcome_of(classify_link(u, page_url, opt.base, scan.base_href));
            }
            if (o->kind == Outcome::Kind::Ok) continue;
            LinkUseSite use{page_url, std::move(link.element), std::move(link.attribute), std::move(link.url), link.line, {}};
            switch (o->kind) {
                case Outcome::Kind::Ok: break;
                case Outcome::Kind::External: r.external.emplace_back(o->target, std::move(use)); break;
                case Outcome::Kind::Broken: r.broken.push_back({o->target, o->reason, std::move(use)}); break;
                case Outcome::Kind::Anchor: r.pending.push_back({o->page, o->fragment, o->target, std::move(use)}); break;
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
