#include "check/external_check.h"

#include "check/link_cache.h"

namespace tk {

std::optional<Verdict> judge(const ProbeResult& r) {
    if (r.http_status == 0) return Verdict{LinkStatus::Broken, "no answer: " + (r.error.empty() ? "unknown error" : r.error)};
    int s = r.http_status;
    std::string http = "HTTP " + std::to_string(s);
    // Bot walls: the page may well be there, but the server will not say so to a checker.
    if (s == 403 || s == 429 || s == 999)
        return Verdict{LinkStatus::Blocked, http + ": the server turns link checkers away; open it in a browser"};
    if (s >= 200 && s < 300) {
        if (r.final_url.empty()) return std::nullopt;
        return Verdict{LinkStatus::Redirected, "redirects to " + r.final_url + " (" + std::to_string(r.redirects) +
                                                   (r.redirects == 1 ? " redirect" : " redirects") + "): link there instead"};
    }
    if (s >= 300 && s < 400) return Verdict{LinkStatus::Broken, http + ": a redirect that goes nowhere"};
    return Verdict{LinkStatus::Broken, http};
}

void check_external(const ExternalUses& uses, const ExternalOptions& opt, CheckReport& report, Diagnostics& diags) {
    CheckSummary& summary = report.summary;
    summary.external_enabled = true;
    summary.external_links = uses.size();

    LinkCache cache;
    if (!opt.cache_path.empty()) cache.load(opt.cache_path, diags);

    std::vector<std::string> to_ask;
    std::vector<std::pair<std::string, ProbeResult>> answers;
    for (const auto& [url, sites] : uses) {
        if (opt.exclude.match(url)) {
            ++summary.external_excluded;
            continue;
        }
        if (auto c = cache.fresh(url, opt.now, opt.max_age_s)) {
            ProbeResult r;
            r.http_status = c->http_status;
            r.final_url = c->final_url;
            answers.emplace_back(url, r);
            ++summary.external_cached;
            continue;
        }
        to_ask.push_back(url);
    }
    summary.external_checked = to_ask.size();
    auto results = probe_urls(to_ask, opt.probe, opt.progress);
    for (size_t i = 0; i < to_ask.size(); ++i) {
        auto v = judge(results[i]);
        if (v && v->status == LinkStatus::Broken) cache.erase(to_ask[i]);
        else cache.put(to_ask[i], {opt.now, results[i].http_status, results[i].final_url});
        answers.emplace_back(to_ask[i], std::move(results[i]));
    }
    if (!opt.cache_path.empty()) {
        cache.prune(opt.now, opt.max_age_s);
        cache.save(opt.cache_path, diags);
    }

    for (auto& [url, r] : answers) {
        auto v = judge(r);
        if (!v) continue;
        Finding f;
        f.status = v->status;
        f.external = true;
        f.target = url;
        f.reason = v->reason;
        f.http_status = r.http_status;
        f.final_url = r.final_url;
        f.uses = uses.at(url);
        if (opt.sources) {
            for (auto& u : f.uses) add_sources(u, "/" + u.page.substr(opt.base_path.size()), *opt.sources);
        }
        report.findings.push_back(std::move(f));
    }
    report.sort();
}

}  // namespace tk
