#pragma once
// A tool as HTML: what the tool page shows (`tool_html`) and any pages of its own (the steps of a
// decision tree, one page per question and outcome, so that it works without JavaScript).
#include <string>
#include <vector>

#include "tools/html.h"
#include "tools/tool.h"

namespace tk {

struct ToolStep {
    std::string site_path;  // "/execution/route-finder/q/value/"
    std::string title;      // for <title>: "Estimated value - Route to market finder"
    std::string summary;
    std::string html;       // the step's tool_html
};

struct RenderedTool {
    std::string html;
    std::vector<ToolStep> steps;
};

RenderedTool render_tool(const Tool& tool, const ToolContext& ctx);

RenderedTool render_decision_tree(const Tool& tool, const DecisionTree& tree, const ToolContext& ctx);
RenderedTool render_self_assessment(const Tool& tool, const SelfAssessment& sa, const ToolContext& ctx);
RenderedTool render_register_compare(const Tool& tool, const RegisterCompare& rc, const ToolContext& ctx);

/// Site paths of the pages a tool makes besides its tool page (known before links are resolved).
std::vector<std::string> tool_step_paths(const Tool& tool, const std::string& page_url);

}  // namespace tk
