#include "tools/loader.h"

#include <algorithm>

#include "tools/decision_tree.h"
#include "tools/register_compare.h"
#include "tools/self_assessment.h"
#include "util/fs.h"
#include "util/strings.h"

namespace tk {

const char* tool_kind_name(ToolKind k) {
    switch (k) {
        case ToolKind::DecisionTree: return "decision-tree";
        case ToolKind::SelfAssessment: return "self-assessment";
        case ToolKind::RegisterCompare: return "register-compare";
    }
    return "decision-tree";
}

const Tool* ToolSet::find(std::string_view name) const {
    for (const auto& t : tools)
        if (t.name == name) return &t;
    return nullptr;
}

std::vector<std::string> ToolSet::names() const {
    std::vector<std::string> out;
    for (const auto& t : tools) out.push_back(t.name);
    return out;
}

std::optional<Tool> parse_tool(const std::string& path, std::string_view text, const SiteData& data,
                               Diagnostics& diags) {
    Tool tool;
    tool.path = path;
    tool.text = normalise_newlines(text);
    tool.name = fs::filename(path);
    if (ends_with(tool.name, ".toml")) tool.name.resize(tool.name.size() - 5);
    if (auto bad = find_invalid_utf8(tool.text)) {
        auto lc = line_col_at(tool.text, *bad);
        diags.error({path, lc.line, lc.col}, "file is not valid UTF-8");
        return std::nullopt;
    }
    TomlSource src{path, tool.text, 0, &diags};
    auto root = parse_toml(src, tool.text);
    if (!root) return std::nullopt;
    toml::source_region top;
    top.begin = {1, 1};
    top.end = {1, 1};
    auto kind = get_string(src, *root, "kind", true, &top);
    if (!kind) return std::nullopt;
    ToolReader reader(src, data);
    const std::vector<std::string> kinds = {"decision-tree", "self-assessment", "register-compare"};
    if (*kind == "decision-tree") {
        tool.kind = ToolKind::DecisionTree;
        auto t = read_decision_tree(reader, *root);
        if (!t) return std::nullopt;
        tool.def = std::move(*t);
    } else if (*kind == "self-assessment") {
        tool.kind = ToolKind::SelfAssessment;
        auto t = read_self_assessment(reader, *root);
        if (!t) return std::nullopt;
        tool.def = std::move(*t);
    } else if (*kind == "register-compare") {
        tool.kind = ToolKind::RegisterCompare;
        auto t = read_register_compare(reader, *root);
        if (!t) return std::nullopt;
        tool.def = std::move(*t);
    } else {
        std::string msg = "unknown kind '" + *kind + "'";
        if (auto n = nearest(*kind, kinds)) msg += " (did you mean '" + *n + "'?)";
        else msg += " (expected 'decision-tree', 'self-assessment' or 'register-compare')";
        src.error(root->get("kind")->source(), msg);
        return std::nullopt;
    }
    return tool;
}

ToolSet load_tools(const std::string& content_dir, const SiteData& data, Diagnostics& diags) {
    ToolSet set;
    std::string dir = fs::join(fs::join(content_dir, "_data"), "tools");
    if (!fs::is_dir(dir)) return set;
    std::vector<std::string> errors;
    for (const auto& e : fs::walk(dir, errors)) {
        if (e.is_dir || !ends_with(e.rel, ".toml") || e.rel.find('/') != std::string::npos) continue;
        std::string path = fs::join(dir, e.rel);
        if (starts_with(path, "./")) path = path.substr(2);
        std::string err;
        auto text = fs::read_file(path, err);
        if (!text) {
            diags.error({path, 0, 0}, "cannot read: " + err);
            continue;
        }
        if (auto t = parse_tool(path, *text, data, diags)) set.tools.push_back(std::move(*t));
        else set.failed.push_back(e.rel.substr(0, e.rel.size() - 5));
    }
    for (const auto& e : errors) diags.error({dir, 0, 0}, e);
    std::sort(set.tools.begin(), set.tools.end(), [](const Tool& a, const Tool& b) { return a.name < b.name; });
    return set;
}

}  // namespace tk
