#include "search/analyzer.h"

namespace tk {

std::vector<std::string> Analyzer::terms(std::string_view text) {
    std::vector<std::string> out;
    analyze(text, [&](const std::string& t) { out.push_back(t); }, [](const std::string&) {});
    return out;
}

std::vector<std::string> Analyzer::phrase(std::string_view text) {
    std::vector<std::string> out;
    analyze(text, [](const std::string&) {}, [&](const std::string& w) { out.push_back(w); });
    return out;
}

}  // namespace tk
