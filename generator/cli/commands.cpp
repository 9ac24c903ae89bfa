#include "cli/commands.h"

#include <iostream>

namespace tk::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> table = {
        {"build", "render content/ into site/", setup_build},
        {"check", "check the built site's links (--external: web links too; --content: style; --stale: reviews due)", setup_check},
        {"tokens", "print the search terms of each line of standard input", setup_tokens},
        {"serve", "preview the site with live reload on http://127.0.0.1:1313/", setup_serve},
    };
    return table;
}

}  // namespace tk::cli
