#include "tools/self_assessment.h"

#include <algorithm>

namespace tk {

size_t SelfAssessment::statement_count() const {
    size_t n = 0;
    for (const auto& s : stages) n += s.statements.size();
    return n;
}

std::optional<SelfAssessment> read_self_assessment(const ToolReader& r, const toml::table& root) {
    const TomlSource& src = r.src();
    size_t before = src.diags->error_count();
    check_keys(src, root, {"kind", "intro", "scale", "bands", "stage"});
    toml::source_region top;
    top.begin = {1, 1};
    top.end = {1, 1};
    SelfAssessment sa;
    if (root.get("intro"))
        if (auto s = r.text(root, "intro", false, top)) sa.intro = *s;
    sa.scale = r.texts(root, "scale");
    // Each answer is one digit in the result's URL (#a=0123...), so at most ten points.
    if (const toml::node* n = root.get("scale"); !n) src.error(top, "missing required key 'scale'");
    else if (sa.scale.size() < 2 || sa.scale.size() > 10)
        src.error(n->source(), "'scale' must have between 2 and 10 answers, not " + std::to_string(sa.scale.size()));

    for (const toml::table* t : r.tables(root, "stage")) {
        check_keys(src, *t, {"stage", "statements", "recommendation", "links"});
        auto where = t->source();
        AssessmentStage st;
        auto id = get_string(src, *t, "stage", true, &where);
        if (!id) continue;
        st.stage = *id;
        st.loc = src.at(*t->get("stage"));
        for (const auto& other : sa.stages)
            if (other.stage == st.stage)
                src.diags->error(st.loc, "stage '" + st.stage + "' appears twice (first at line " +
                                             std::to_string(other.loc.line) + ")", src.text);
        st.statements = r.texts(*t, "statements");
        if (st.statements.empty())
            src.error(t->get("statements") ? t->get("statements")->source() : where,
                      "stage '" + st.stage + "' needs at least one statement in 'statements'");
        if (auto s = r.text(*t, "recommendation", true, where)) st.recommendation = *s;
        st.links = r.links(*t, "links");
        sa.stages.push_back(std::move(st));
    }
    if (sa.stages.empty()) src.error(top, "a self-assessment needs [[stage]] entries with statements");

    int smallest_max = 0;
    for (const auto& s : sa.stages)
        if (!s.statements.empty() && sa.scale.size() >= 2)
            smallest_max = smallest_max == 0 ? sa.stage_max(s) : std::min(smallest_max, sa.stage_max(s));
    for (const toml::table* b : r.tables(root, "bands")) {
        check_keys(src, *b, {"min", "label"});
        auto where = b->source();
        AssessmentBand band;
        band.loc = src.at(where);
        auto min = get_int(src, *b, "min");
        if (!min) {
            if (!b->get("min")) src.error(where, "missing required key 'min'");
            continue;
        }
        band.min = int(*min);
        auto label = r.text(*b, "label", true, where);
        if (!label) continue;
        band.label = *label;
        if (sa.bands.empty() && band.min != 0)
            src.error(b->get("min")->source(), "the first band must start at 'min = 0', so every score has a band");
        else if (!sa.bands.empty() && band.min <= sa.bands.back().min)
            src.error(b->get("min")->source(), "bands must go up: 'min = " + std::to_string(band.min) +
                                                   "' is not above the band before it");
        else if (smallest_max > 0 && band.min > smallest_max)
            src.error(b->get("min")->source(), "'min = " + std::to_string(band.min) +
                                                   "' is above the highest score a stage can reach (" +
                                                   std::to_string(smallest_max) + ")");
        sa.bands.push_back(std::move(band));
    }
    if (!root.get("bands")) src.error(top, "missing required key 'bands'");
    if (src.diags->error_count() > before) return std::nullopt;
    return sa;
}

}  // namespace tk
