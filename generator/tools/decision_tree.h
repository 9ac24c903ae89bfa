#pragma once
// `kind = "decision-tree"`: questions whose answers lead to further questions or to outcomes.
#include <optional>

#include "tools/reader.h"

namespace tk {

/// Reads a decision tree and checks its shape: ids, that every `next` names a node, that every
/// node can be reached from `start`, that no answers loop back, and that every path ends in an
/// outcome. Links to pages are checked later, when every page is known (tools/check.h).
std::optional<DecisionTree> read_decision_tree(const ToolReader& r, const toml::table& root);

}  // namespace tk
