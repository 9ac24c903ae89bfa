#include <iostream>
#include <string>

#include "cli/commands.h"
#include "search/analyzer.h"

namespace tk::cli {

// How search sees words: for each line of standard input, the line's search terms (folded,
// stop words dropped, stemmed; a compound gives its parts and its joined form). Editors use it
// to see why a page does or does not match; the browser tests use it to check that search.js
// reads words exactly as the index does.
std::function<int()> setup_tokens(CLI::App& app) {
    return []() -> int {
        Analyzer analyzer;
        std::string line;
        while (std::getline(std::cin, line)) {
            bool first = true;
            analyzer.analyze(
                line,
                [&](const Stem& t) {
                    if (!first) std::cout << ' ';
                    std::cout << t.text;
                    first = false;
                },
                [](const Stem&) {});
            std::cout << '\n';
        }
        return k_ok;
    };
}

}  // namespace tk::cli
