#include "check/content_check.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "check/content_page_rules.h"
#include "content/content_tree.h"
#include "util/strings.h"

namespace tk {

std::string ContentFinding::headline() const {
    std::string out = loc.path;
    if (loc.line > 0) {
        out += ":" + std::to_string(loc.line);
        if (loc.col > 0) out += ":" + std::to_string(loc.col);
    }
    return out + ": [" + rule + "] " + message;
}

std::string ContentFinding::format() const {
    // The diagnostics printer draws the source line and caret; only the headline differs.
    Diagnostic d{Severity::Warning, loc, message, source_line};
    std::string full = d.format();
    return headline() + full.substr(full.find('\n'));
}

std::vector<ContentFinding> check_page(const Page& page, const ContentRules& rules) {
    std::vector<ContentFinding> out;
    check_front_matter(page, rules, out);
    check_prose(page, rules, out);
    sort_findings(out);
    return out;
}

void sort_findings(std::vector<ContentFinding>& findings) {
    auto key = [](const ContentFinding& f) { return std::tie(f.loc.path, f.loc.line, f.loc.col, f.rule, f.message); };
    std::sort(findings.begin(), findings.end(), [&](const ContentFinding& a, const ContentFinding& b) {
        return key(a) < key(b);
    });
    findings.erase(std::unique(findings.begin(), findings.end(),
                               [&](const ContentFinding& a, const ContentFinding& b) { return key(a) == key(b); }),
                   findings.end());
}

ContentCheckRun run_content_check(const Config& config, Diagnostics& diags) {
    ContentCheckRun run;
    auto rules = load_content_rules(config.content_dir(), diags);
    if (!rules) return run;
    // Pages that do not load (bad front matter, a missing required key) are findings too.
    Diagnostics load_diags;
    ContentTree tree = load_content(config, /*drafts=*/true, load_diags);
    std::set<std::string> files;
    for (const auto& d : load_diags.sorted()) {
        run.result.findings.push_back({d.loc, k_rule_front_matter, d.message, d.source_line});
        if (ends_with(d.loc.path, ".md")) files.insert(d.loc.path);
    }
    for (const auto& page : tree.pages) {
        files.insert(page.source_path);
        auto found = check_page(page, *rules);
        run.result.findings.insert(run.result.findings.end(), found.begin(), found.end());
    }
    sort_findings(run.result.findings);
    run.result.files = files.size();
    run.ok = true;
    return run;
}

std::string format_content_report(const ContentCheckResult& result) {
    std::string out;
    for (const auto& f : result.findings) out += f.format();
    size_t n = result.findings.size();
    out += "Content check: " + std::to_string(n) + (n == 1 ? " finding" : " findings") + " in " +
           std::to_string(result.files) + (result.files == 1 ? " file" : " files") + "\n";
    return out;
}

}  // namespace tk
