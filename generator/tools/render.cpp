#include "tools/render.h"

namespace tk {

RenderedTool render_tool(const Tool& tool, const ToolContext& ctx) {
    if (const auto* t = tool.tree()) return render_decision_tree(tool, *t, ctx);
    if (const auto* a = tool.assessment()) return render_self_assessment(tool, *a, ctx);
    return render_register_compare(tool, *tool.registers(), ctx);
}

std::vector<std::string> tool_step_paths(const Tool& tool, const std::string& page_url) {
    std::vector<std::string> out;
    if (const auto* t = tool.tree())
        for (const auto& n : t->nodes) out.push_back(page_url + DecisionTree::step_path(n));
    return out;
}

}  // namespace tk
