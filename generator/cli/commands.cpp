#include "cli/commands.h"

namespace tk::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"build", "render content/ into site/", setup_build},
        {"check", "check the links of the built site (--external: web links too; --stale: reviews due)", setup_check},
    };
    return table;
}

}  // namespace tk::cli
