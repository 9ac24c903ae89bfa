#pragma once
// The interactive tools as data (content/_data/tools/<name>.toml): a decision tree, a
// self-assessment and a contract register comparison. Every field keeps the position it came
// from, so a check that fails later can still name file:line:col.
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "diag/diagnostics.h"

namespace tk {

/// A link from a tool to a page of the toolkit, by page id and optional heading anchor.
struct PageRef {
    std::string page;    // "execution/choosing-a-route"
    std::string anchor;  // "5-use-direct-award-only-on-its-legal-grounds", or ""
    std::string text;    // link text; "" means the page's title
    SourceLocation loc;         // of `page`
    SourceLocation anchor_loc;  // of `anchor`
};

struct TreeAnswer {
    std::string label;
    std::string short_label;  // for the flowchart; "" means `label`
    std::string next;
    SourceLocation next_loc;
};

struct TreeNode {
    enum class Kind { Question, Outcome } kind = Kind::Question;
    std::string id;
    SourceLocation loc;  // of the id
    std::string title;   // short: the flowchart, the step's <title>, the text version
    // Question
    std::string text;    // the question as asked
    std::string hint;
    std::vector<TreeAnswer> answers;
    // Outcome
    std::string why;
    std::vector<std::string> notices;
    std::string time;
    std::vector<PageRef> links;

    bool is_outcome() const { return kind == Kind::Outcome; }
};

struct DecisionTree {
    std::string start;
    SourceLocation start_loc;
    std::string intro;   // above the first question
    std::string caveat;  // on every outcome
    std::vector<TreeNode> nodes;  // questions, then outcomes, each in file order
    std::map<std::string, size_t> index;

    const TreeNode* find(const std::string& id) const;
    /// Site path of a node's step page under the tool page's URL: "q/value/" or "outcome/open-procedure/".
    static std::string step_path(const TreeNode& node);
};

struct AssessmentStage {
    std::string stage;  // a stage page id: "preparation"
    SourceLocation loc;
    std::vector<std::string> statements;
    std::string recommendation;
    std::vector<PageRef> links;
};

struct AssessmentBand {
    int min = 0;  // lowest stage score in this band
    std::string label;
    SourceLocation loc;
};

struct SelfAssessment {
    std::string intro;
    std::vector<std::string> scale;  // answers, scored 0, 1, 2, ...
    std::vector<AssessmentBand> bands;
    std::vector<AssessmentStage> stages;

    size_t statement_count() const;
    int stage_max(const AssessmentStage& s) const { return int(s.statements.size()) * (int(scale.size()) - 1); }
};

struct RegisterColumn {
    std::string id;  // one of k_register_fields
    std::string label;
    bool required = false;
    std::vector<std::string> synonyms;
    SourceLocation loc;
};

struct CategoryGroup {
    std::string name;
    std::vector<std::string> terms;
};

struct ExampleFile {
    std::string file;  // path under content/: "preparation/example-register-borough-a.csv"
    std::string label;
    SourceLocation loc;
};

struct RegisterCompare {
    std::string intro;
    int window_from_months = 12;
    int window_to_months = 36;
    int match_within_months = 12;
    std::vector<RegisterColumn> columns;
    std::vector<std::string> supplier_suffixes;  // dropped when comparing supplier names
    std::vector<CategoryGroup> category_groups;
    std::vector<std::string> method;
    std::vector<std::string> checklist;
    std::vector<ExampleFile> examples;
};

/// The register fields the finder's script understands.
extern const std::vector<std::string> k_register_fields;

enum class ToolKind { DecisionTree, SelfAssessment, RegisterCompare };
const char* tool_kind_name(ToolKind k);

struct Tool {
    std::string name;  // file name without .toml
    std::string path;  // for messages
    std::string text;  // the file, for source lines
    ToolKind kind = ToolKind::DecisionTree;
    std::variant<DecisionTree, SelfAssessment, RegisterCompare> def;

    const DecisionTree* tree() const { return std::get_if<DecisionTree>(&def); }
    const SelfAssessment* assessment() const { return std::get_if<SelfAssessment>(&def); }
    const RegisterCompare* registers() const { return std::get_if<RegisterCompare>(&def); }
};

struct ToolSet {
    std::vector<Tool> tools;  // sorted by name
    std::vector<std::string> failed;  // names whose definition has errors (already reported)
    const Tool* find(std::string_view name) const;
    std::vector<std::string> names() const;
};

}  // namespace tk
