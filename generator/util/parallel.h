#pragma once
// Runs a function over [0, n) on all cores. Work is handed out by an atomic counter.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace tk {

inline unsigned worker_count() {
    unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 2 : n;
}

template <typename F>
void parallel_for(size_t n, F&& fn) {
    unsigned workers = std::min<size_t>(worker_count(), n);
    if (workers <= 1) {
        for (size_t i = 0; i < n; ++i) fn(i);
        return;
    }
    std::atomic<size_t> next{0};
    auto run = [&] {
        for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run);
    run();
    for (auto& t : threads) t.join();
}

}  // namespace tk
