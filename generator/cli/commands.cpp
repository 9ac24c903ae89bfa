#include "cli/commands.h"

namespace tk::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"build", "render content/ into site/", setup_build},
        {"tokens", "print the search terms of each line of standard input", setup_tokens},
    };
    return table;
}

}  // namespace tk::cli
