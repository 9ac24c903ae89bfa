// The collaboration finder: everything happens in the browser, so without JavaScript the page
// explains the method and offers a printable checklist; the script reads the column definitions
// from a data attribute and builds the rest.
#include "tools/render.h"
#include "util/strings.h"

namespace tk {

namespace {

std::string config_json(const RegisterCompare& rc) {
    std::string s = "{\"windowFrom\":" + std::to_string(rc.window_from_months) +
                    ",\"windowTo\":" + std::to_string(rc.window_to_months) +
                    ",\"matchWithin\":" + std::to_string(rc.match_within_months) +
                    ",\"supplierSuffixes\":" + json_strings(rc.supplier_suffixes) + ",\"columns\":[";
    for (size_t i = 0; i < rc.columns.size(); ++i) {
        const auto& c = rc.columns[i];
        s += std::string(i ? "," : "") + "{\"id\":" + json_string(c.id) + ",\"label\":" + json_string(c.label) +
             ",\"required\":" + (c.required ? "true" : "false") + ",\"synonyms\":" + json_strings(c.synonyms) + "}";
    }
    s += "],\"categoryGroups\":[";
    for (size_t i = 0; i < rc.category_groups.size(); ++i) {
        const auto& g = rc.category_groups[i];
        s += std::string(i ? "," : "") + "{\"name\":" + json_string(g.name) + ",\"terms\":" + json_strings(g.terms) + "}";
    }
    return s + "]}";
}

std::string months(int n) { return std::to_string(n) + (n == 1 ? " month" : " months"); }

/// The window and the matching rule in words, from the numbers in the definition.
std::string window_sentence(const RegisterCompare& rc) {
    return "The finder looks at contracts that end between " + std::to_string(rc.window_from_months) + " and " +
           months(rc.window_to_months) + " from today, and flags pairs whose end dates are within " +
           months(rc.match_within_months) + " of each other.";
}

std::string app_template(const RegisterCompare& rc) {
    std::string s = "<template data-registers-app>\n";
    s += "<form class=\"registers__form\" data-registers-form novalidate>\n<div class=\"tool-field\">\n"
         "<label class=\"tool-label\" for=\"registers-files\">Contract register files (CSV)</label>\n"
         "<p class=\"tool-hint\" id=\"registers-files-hint\">Choose one file for each borough. You can choose "
         "several files at once. They are read on your computer and never uploaded.</p>\n"
         "<input class=\"tool-file\" type=\"file\" id=\"registers-files\" name=\"files\" accept=\".csv,text/csv\" "
         "multiple aria-describedby=\"registers-files-hint\">\n</div>\n"
         "<button type=\"submit\" class=\"button tool-button\">Read the registers</button>\n</form>\n";
    s += "<div class=\"registers__status\" data-registers-status role=\"status\"></div>\n";
    s += "<div class=\"registers__mapping\" data-registers-mapping hidden></div>\n";
    s += "<div class=\"registers__results\" data-registers-results hidden></div>\n";
    s += "</template>\n";
    (void)rc;
    return s;
}

}  // namespace

RenderedTool render_register_compare(const Tool& tool, const RegisterCompare& rc, const ToolContext& ctx) {
    RenderedTool out;
    std::string s = tool_style_tag(ctx);
    s += "<div class=\"registers\" data-tool=\"register-compare\" data-registers-config=\"" +
         attr_escape(config_json(rc)) + "\">\n";
    if (!rc.intro.empty()) s += "<p class=\"registers__intro\">" + html_escape(rc.intro) + "</p>\n";
    s += "<p class=\"registers__nojs\" data-registers-nojs>The finder needs JavaScript to read your files. Without "
         "it, you can follow the same method by hand with the checklist below.</p>\n";
    s += app_template(rc);
    if (!rc.examples.empty()) {
        s += "<div class=\"registers__examples\">\n<p>To try the finder, download these example registers and "
             "choose them both. They describe fictional boroughs and suppliers: they are example data, not real "
             "contracts.</p>\n<ul>\n";
        for (const auto& e : rc.examples)
            s += "<li><a href=\"" + attr_escape(ctx.url("/" + e.file)) + "\" download>" + html_escape(e.label) +
                 "</a> (CSV)</li>\n";
        s += "</ul>\n</div>\n";
    }
    s += "</div>\n";

    std::string m = tool.name + "-method";
    s += "<section class=\"registers-method\" aria-labelledby=\"" + m + "\">\n<h2 id=\"" + m +
         "\">How the finder works</h2>\n<p>" + html_escape(window_sentence(rc)) + "</p>\n<ol>\n";
    for (const auto& step : rc.method) s += "<li>" + html_escape(step) + "</li>\n";
    s += "</ol>\n<p>It recognises these columns, whatever their exact header:</p>\n<ul>\n";
    for (const auto& c : rc.columns) {
        s += "<li><strong>" + html_escape(c.label) + "</strong>" + (c.required ? " (needed)" : "") + ": ";
        for (size_t i = 0; i < c.synonyms.size(); ++i) s += (i ? ", " : "") + std::string("“") + html_escape(c.synonyms[i]) + "”";
        s += "</li>\n";
    }
    s += "</ul>\n</section>\n";

    std::string c = tool.name + "-checklist";
    s += "<section class=\"registers-checklist\" aria-labelledby=\"" + c + "\">\n<h2 id=\"" + c +
         "\">Printable checklist</h2>\n<p>Use this to compare registers by hand, or to check the finder's "
         "results against the original files. " + html_escape(window_sentence(rc)) +
         "</p>\n<ul class=\"tool-checklist\">\n";
    for (const auto& item : rc.checklist) s += "<li>" + html_escape(item) + "</li>\n";
    s += "</ul>\n</section>\n";
    s += tool_script_tag(ctx);
    out.html = std::move(s);
    return out;
}

}  // namespace tk
