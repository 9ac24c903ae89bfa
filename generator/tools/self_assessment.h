#pragma once
// `kind = "self-assessment"`: statements grouped by stage, answered on a scale, scored per stage.
#include <optional>

#include "tools/reader.h"

namespace tk {

/// Reads a self-assessment and checks the scale, the bands and the statements. That each
/// `stage` names a stage page, and each link a page, is checked later (tools/check.h).
std::optional<SelfAssessment> read_self_assessment(const ToolReader& r, const toml::table& root);

}  // namespace tk
