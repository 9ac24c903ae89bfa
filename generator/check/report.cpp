#include "check/report.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "util/strings.h"

namespace tk {

const char* link_status_name(LinkStatus s) {
    switch (s) {
        case LinkStatus::Broken: return "broken";
        case LinkStatus::Blocked: return "blocked";
        case LinkStatus::Redirected: return "redirected";
    }
    return "broken";
}

size_t CheckReport::count(LinkStatus s) const {
    return size_t(std::count_if(findings.begin(), findings.end(), [s](const Finding& f) { return f.status == s; }));
}

void CheckReport::sort() {
    for (auto& f : findings) {
        std::sort(f.uses.begin(), f.uses.end(), [](const LinkUseSite& a, const LinkUseSite& b) {
            return std::tie(a.page, a.line, a.href, a.attribute) < std::tie(b.page, b.line, b.href, b.attribute);
        });
    }
    std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return std::make_tuple(int(a.status), a.external, a.target) < std::make_tuple(int(b.status), b.external, b.target);
    });
}

namespace {

constexpr size_t k_uses_shown = 10;

std::string plural(size_t n, const char* one, const char* many) {
    return format_thousands(static_cast<long long>(n)) + " " + (n == 1 ? one : many);
}

std::string where(const SourceLocation& s) {
    std::string out = s.path;
    if (s.line > 0) out += ":" + std::to_string(s.line) + ":" + std::to_string(s.col);
    return out;
}

}  // namespace

std::string summary_line(const CheckReport& r) {
    const CheckSummary& s = r.summary;
    std::string out = "Checked " + plural(s.pages, "page", "pages") + " and " + plural(s.links, "link", "links");
    if (s.external_enabled) {
        out += " (" + plural(s.external_links, "external URL", "external URLs") + ": " +
               format_thousands(static_cast<long long>(s.external_checked)) + " asked, " +
               format_thousands(static_cast<long long>(s.external_cached)) + " cached";
        if (s.external_excluded) out += ", " + format_thousands(static_cast<long long>(s.external_excluded)) + " excluded";
        out += ")";
    }
    size_t broken = r.count(LinkStatus::Broken), blocked = r.count(LinkStatus::Blocked),
           redirected = r.count(LinkStatus::Redirected);
    if (broken + blocked + redirected == 0) return out + ": nothing broken.";
    std::vector<std::string> parts;
    parts.push_back(plural(broken, "broken target", "broken targets"));
    if (blocked) parts.push_back(format_thousands(static_cast<long long>(blocked)) + " blocked");
    if (redirected) parts.push_back(format_thousands(static_cast<long long>(redirected)) + " redirected");
    out += ": ";
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out + ".";
}

std::string format_text(const CheckReport& r) {
    std::string out;
    for (const auto& f : r.findings) {
        out += std::string(link_status_name(f.status)) + ": " + f.target + "\n";
        out += "  " + f.reason + "\n";
        // A broken link in the navigation is on every page: ten show where, the count says how far.
        size_t shown = 0;
        for (const auto& u : f.uses) {
            if (shown++ == k_uses_shown && f.uses.size() > k_uses_shown + 1) {
                out += "  - and on " + format_thousands(static_cast<long long>(f.uses.size() - k_uses_shown)) +
                       " more (--format json lists every one)\n";
                break;
            }
            out += "  - on " + u.page + " line " + std::to_string(u.line) + ": <" + u.element + " " + u.attribute +
                   "=\"" + u.href + "\">";
            for (const auto& s : u.sources) out += "\n      from " + where(s);
            out += "\n";
        }
        out += "\n";
    }
    out += summary_line(r);
    out += "\n";
    return out;
}

std::string format_json(const CheckReport& r) {
    using nlohmann::json;
    const CheckSummary& s = r.summary;
    json findings = json::array();
    for (const auto& f : r.findings) {
        json uses = json::array();
        for (const auto& u : f.uses) {
            json sources = json::array();
            for (const auto& src : u.sources) sources.push_back({{"file", src.path}, {"line", src.line}, {"col", src.col}});
            uses.push_back({{"page", u.page},
                            {"element", u.element},
                            {"attribute", u.attribute},
                            {"href", u.href},
                            {"line", u.line},
                            {"sources", std::move(sources)}});
        }
        json j = {{"status", link_status_name(f.status)},
                  {"external", f.external},
                  {"target", f.target},
                  {"reason", f.reason},
                  {"uses", std::move(uses)}};
        if (f.http_status) j["http_status"] = f.http_status;
        if (!f.final_url.empty()) j["final_url"] = f.final_url;
        findings.push_back(std::move(j));
    }
    json summary = {{"pages", s.pages},
                    {"links", s.links},
                    {"broken", r.count(LinkStatus::Broken)},
                    {"blocked", r.count(LinkStatus::Blocked)},
                    {"redirected", r.count(LinkStatus::Redirected)}};
    if (s.external_enabled) {
        summary["external"] = {{"urls", s.external_links},
                               {"checked", s.external_checked},
                               {"cached", s.external_cached},
                               {"excluded", s.external_excluded}};
    }
    return json{{"summary", std::move(summary)}, {"findings", std::move(findings)}}.dump(2) + "\n";
}

}  // namespace tk
