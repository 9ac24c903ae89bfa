// A self-assessment: without JavaScript, a printable worksheet with the scoring rules and what to
// do for each stage; with it, a form (from a <template>) whose answers live in the URL's fragment
// and whose results are built from one <template> per stage.
#include "tools/render.h"
#include "util/strings.h"

namespace tk {

namespace {

struct StageInfo {
    std::string title;
    int number = 0;
};

StageInfo stage_info(const AssessmentStage& s, size_t i, const ToolContext& ctx) {
    StageInfo info;
    auto it = ctx.catalog.pages.find(s.stage);
    info.title = it == ctx.catalog.pages.end() ? s.stage : it->second.title;
    info.number = int(i) + 1;
    return info;
}

std::string band_range(const SelfAssessment& sa, size_t b) {
    const auto& band = sa.bands[b];
    if (b + 1 < sa.bands.size()) {
        int hi = sa.bands[b + 1].min - 1;
        if (hi == band.min) return std::to_string(band.min);
        return std::to_string(band.min) + " to " + std::to_string(hi);
    }
    return std::to_string(band.min) + " or more";
}

std::string bands_json(const SelfAssessment& sa) {
    std::string s = "[";
    for (size_t i = 0; i < sa.bands.size(); ++i)
        s += std::string(i ? "," : "") + "{\"min\":" + std::to_string(sa.bands[i].min) +
             ",\"label\":" + json_string(sa.bands[i].label) + "}";
    return s + "]";
}

std::string links_list(const std::vector<PageRef>& links, const ToolContext& ctx) {
    if (links.empty()) return "";
    std::string s = "<ul class=\"assessment-links\">\n";
    for (const auto& l : links) s += "<li>" + page_link_html(l, ctx) + "</li>\n";
    return s + "</ul>\n";
}

std::string form(const SelfAssessment& sa, const ToolContext& ctx) {
    std::string s = "<form class=\"assessment__form\" data-assessment-form novalidate>\n";
    s += "<div class=\"assessment__error\" data-assessment-error tabindex=\"-1\" hidden></div>\n";
    size_t g = 0;
    for (size_t i = 0; i < sa.stages.size(); ++i) {
        const auto& st = sa.stages[i];
        StageInfo info = stage_info(st, i, ctx);
        s += "<h3 class=\"assessment__stage\">Stage " + std::to_string(info.number) + ": " + html_escape(info.title) +
             "</h3>\n";
        for (const auto& statement : st.statements) {
            std::string n = std::to_string(g);
            s += "<fieldset class=\"assessment__statement\" id=\"assessment-q" + n + "\" data-assessment-index=\"" + n +
                 "\">\n<legend>" + html_escape(statement) + "</legend>\n<div class=\"assessment__options\">\n";
            for (size_t k = 0; k < sa.scale.size(); ++k) {
                std::string id = "assessment-q" + n + "-" + std::to_string(k);
                s += "<div class=\"assessment__option\"><input type=\"radio\" id=\"" + id + "\" name=\"q" + n +
                     "\" value=\"" + std::to_string(k) + "\"><label for=\"" + id + "\">" + html_escape(sa.scale[k]) +
                     "</label></div>\n";
            }
            s += "</div>\n</fieldset>\n";
            ++g;
        }
    }
    s += "<button type=\"submit\" class=\"button tool-button\">Show my results</button>\n</form>\n";
    return s;
}

std::string result_template(const SelfAssessment& sa, size_t i, const ToolContext& ctx) {
    const auto& st = sa.stages[i];
    StageInfo info = stage_info(st, i, ctx);
    std::string s = "<template data-assessment-stage=\"" + attr_escape(st.stage) + "\" data-assessment-order=\"" +
                    std::to_string(i) + "\" data-assessment-count=\"" + std::to_string(st.statements.size()) +
                    "\" data-assessment-max=\"" + std::to_string(sa.stage_max(st)) + "\">\n";
    s += "<section class=\"assessment-result\">\n<h3>Stage " + std::to_string(info.number) + ": " +
         html_escape(info.title) + "</h3>\n";
    s += "<p class=\"assessment-result__score\">Score: <span data-assessment-score></span> out of " +
         std::to_string(sa.stage_max(st)) + " (<span data-assessment-band></span>)</p>\n";
    s += "<p>" + html_escape(st.recommendation) + "</p>\n" + links_list(st.links, ctx) + "</section>\n</template>\n";
    return s;
}

std::string worksheet(const SelfAssessment& sa, const ToolContext& ctx, const std::string& name) {
    std::string h = name + "-worksheet";
    std::string s = "<section class=\"assessment-sheet\" aria-labelledby=\"" + h + "\">\n";
    s += "<h2 id=\"" + h + "\">Printable worksheet</h2>\n";
    s += "<p>Print this page to work through the statements on paper, for example in a meeting with your "
         "team. Tick one box for each statement, then follow the scoring rules below the table.</p>\n";
    s += "<section class=\"assessment-sheet__scroll\" aria-label=\"Worksheet (scrolls sideways)\" tabindex=\"0\">\n";
    s += "<table class=\"assessment-sheet__table\">\n<caption>Statements to rate, by stage</caption>\n<thead>\n<tr><th scope=\"col\">Statement</th>";
    for (size_t k = 0; k < sa.scale.size(); ++k)
        s += "<th scope=\"col\">" + html_escape(sa.scale[k]) + " <span class=\"assessment-sheet__points\">(" +
             std::to_string(k) + ")</span></th>";
    s += "</tr>\n</thead>\n";
    std::string cols = std::to_string(sa.scale.size() + 1);
    for (size_t i = 0; i < sa.stages.size(); ++i) {
        StageInfo info = stage_info(sa.stages[i], i, ctx);
        s += "<tbody>\n<tr><th scope=\"colgroup\" colspan=\"" + cols + "\" class=\"assessment-sheet__stage\">Stage " +
             std::to_string(info.number) + ": " + html_escape(info.title) + "</th></tr>\n";
        for (const auto& statement : sa.stages[i].statements) {
            s += "<tr><td>" + html_escape(statement) + "</td>";
            for (size_t k = 0; k < sa.scale.size(); ++k) s += "<td class=\"assessment-sheet__box\"></td>";
            s += "</tr>\n";
        }
        s += "</tbody>\n";
    }
    s += "</table>\n</section>\n";
    s += "<h3>How to score</h3>\n<ol>\n<li>Score each answer: ";
    for (size_t k = 0; k < sa.scale.size(); ++k)
        s += (k ? (k + 1 == sa.scale.size() ? " and " : ", ") : "") + html_escape(sa.scale[k]) + " scores " +
             std::to_string(k);
    s += ".</li>\n<li>Add up the scores in each stage. ";
    bool same = true;
    for (const auto& st : sa.stages) same = same && sa.stage_max(st) == sa.stage_max(sa.stages[0]);
    if (same && !sa.stages.empty())
        s += "Each stage scores between 0 and " + std::to_string(sa.stage_max(sa.stages[0])) + ".";
    else
        s += "The most a stage can score is its number of statements times " + std::to_string(sa.scale.size() - 1) + ".";
    s += "</li>\n<li>Find each stage's band: ";
    for (size_t b = 0; b < sa.bands.size(); ++b)
        s += (b ? (b + 1 == sa.bands.size() ? " and " : ", ") : "") + band_range(sa, b) + " is “" +
             html_escape(sa.bands[b].label) + "”";
    s += ".</li>\n<li>Start with the stage that has the lowest score. If two stages have the same score, "
         "start with the earlier one.</li>\n</ol>\n";
    s += "<h3>What to do for each stage</h3>\n";
    for (size_t i = 0; i < sa.stages.size(); ++i) {
        StageInfo info = stage_info(sa.stages[i], i, ctx);
        s += "<h4>Stage " + std::to_string(info.number) + ": " + html_escape(info.title) + "</h4>\n<p>" +
             html_escape(sa.stages[i].recommendation) + "</p>\n" + links_list(sa.stages[i].links, ctx);
    }
    s += "</section>\n";
    return s;
}

}  // namespace

RenderedTool render_self_assessment(const Tool& tool, const SelfAssessment& sa, const ToolContext& ctx) {
    RenderedTool out;
    std::string s = tool_style_tag(ctx);
    s += "<div class=\"assessment\" data-tool=\"self-assessment\" data-assessment-bands=\"" +
         attr_escape(bands_json(sa)) + "\" data-assessment-statements=\"" + std::to_string(sa.statement_count()) +
         "\" data-assessment-points=\"" + std::to_string(sa.scale.size()) + "\">\n";
    if (!sa.intro.empty()) s += "<p class=\"assessment__intro\">" + html_escape(sa.intro) + "</p>\n";
    s += "<p class=\"assessment__nojs\" data-assessment-nojs>This self-assessment needs JavaScript to add up your "
         "scores. Without it, use the printable worksheet below: it has every statement and the scoring rules.</p>\n";
    s += "<template data-assessment-app>\n<h2 class=\"assessment__heading\">Rate each statement</h2>\n"
         "<p>Choose the answer that best describes how things work now. Your answers are kept in this page's "
         "address, so you can bookmark or share your result. They are never sent anywhere.</p>\n";
    s += form(sa, ctx) + "</template>\n";
    s += "<div class=\"assessment__results\" data-assessment-results aria-live=\"polite\" hidden></div>\n";
    for (size_t i = 0; i < sa.stages.size(); ++i) s += result_template(sa, i, ctx);
    s += "</div>\n";
    s += worksheet(sa, ctx, tool.name);
    s += tool_script_tag(ctx);
    out.html = std::move(s);
    return out;
}

}  // namespace tk
