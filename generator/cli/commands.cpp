#include "cli/commands.h"

#include <iostream>

namespace tk::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"build", "render content/ into site/", setup_build},
        {"check", "check the built site's links (--external: web links too; --content: style; --stale: reviews due)", setup_check},
    };
    return table;
}

}  // namespace tk::cli
