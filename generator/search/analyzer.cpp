#include "search/analyzer.h"

namespace tk {

std::vector<std::string> Analyzer::terms(std::string_view text) {
    std::vector<std::string> out;
    analyze(text, [&](const Stem& t) { out.push_back(t.text); }, [](const Stem&) {});
    return out;
}

std::vector<std::string> Analyzer::phrase(std::string_view text) {
    std::vector<std::string> out;
    analyze(text, [](const Stem&) {}, [&](const Stem& w) { out.push_back(w.text); });
    return out;
}

}  // namespace tk
