#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "config/config.h"
#include "content/new_page.h"
#include "site/site.h"
#include "util/fs.h"

namespace tk::cli {

namespace {
struct NewArgs {
    std::string type;
    std::string where;
    std::string config = "config.toml";
};
}  // namespace

std::function<int()> setup_new(CLI::App& app) {
    auto args = std::make_shared<NewArgs>();
    app.add_option("type", args->type, "guidance, template or tool")->required();
    app.add_option("page", args->where, "STAGE/SLUG, such as strategy/early-market-engagement")->required();
    app.add_option("--config", args->config, "config file (default: config.toml)");
    return [args]() -> int {
        Diagnostics diags;
        auto config = load_config(args->config, diags);
        if (!config) {
            std::cerr << diags.format_all() << "toolkit new: the config has errors.\n";
            return k_content_error;
        }
        // Other pages may have errors; the stages and weights are still known.
        Diagnostics ignored;
        ContentTree tree = load_content(*config, /*drafts=*/true, ignored);
        BuildDate d = build_date();
        std::string error;
        auto page = plan_new_page(*config, tree, args->type, args->where,
                                  toml::date{uint16_t(d.year), uint8_t(d.month), uint8_t(d.day)}, error);
        if (!page) {
            std::cerr << "toolkit new: " << error << "\n";
            return k_usage_error;
        }
        std::string path = fs::join(config->content_dir(), page->rel_path);
        std::string shown = path;
        if (shown.rfind("./", 0) == 0) shown = shown.substr(2);
        if (fs::exists(path)) {
            std::cerr << "toolkit new: " << shown << " exists already; toolkit new never overwrites a page\n";
            return k_content_error;
        }
        std::string err;
        if (!fs::write_file(path, page->text, err)) {
            std::cerr << "toolkit new: " << err << "\n";
            return k_content_error;
        }
        std::cout << "Wrote " << shown << "\n"
                  << "Preview: http://127.0.0.1:1313" << config->base.rel(page->url) << " (while toolkit serve runs)\n"
                  << "Next: write its summary and its text, and add its sources (the law, guidance or data it rests\n"
                  << "on, as sources = [{ title = \"...\", url = \"https://...\" }]). It is a draft: serve shows it,\n"
                  << "build leaves it out until you delete the line draft = true.\n";
        if (args->type == "tool")
            std::cout << "A tool also needs its definition in content/_data/tools/" << fs::filename(page->rel_path).substr(0, fs::filename(page->rel_path).size() - 3) << ".toml.\n";
        return k_ok;
    };
}

}  // namespace tk::cli
