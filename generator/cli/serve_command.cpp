#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "serve/preview.h"

namespace tk::cli {

std::function<int()> setup_serve(CLI::App& app) {
    auto opts = std::make_shared<PreviewOptions>();
    auto no_git = std::make_shared<bool>(false);
    app.add_option("--config", opts->config, "config file (default: config.toml)");
    app.add_option("--port,-p", opts->port, "port to listen on (default: 1313; 0 picks a free one)");
    app.add_option("--bind", opts->bind,
                   "address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 shows it to the network)");
    app.add_flag("--poll", opts->poll, "look for changes by polling instead of inotify (network file systems)");
    app.add_flag("--no-git", *no_git, "do not read \"Last updated\" dates from git");
    return [opts, no_git]() -> int {
        opts->git = !*no_git;
        // SIGINT and SIGTERM are blocked in every thread (threads inherit the mask) and taken
        // here with sigwait, so stopping runs as ordinary code, not inside a signal handler.
        sigset_t stop_signals;
        sigemptyset(&stop_signals);
        sigaddset(&stop_signals, SIGINT);
        sigaddset(&stop_signals, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
        Preview preview(*opts, std::cout, std::cerr);
        if (!preview.start()) return k_usage_error;
        int sig = 0;
        sigwait(&stop_signals, &sig);
        std::cout << "Stopping.\n" << std::flush;
        preview.stop();
        return k_ok;
    };
}

}  // namespace tk::cli
