#pragma once
// Fast non-cryptographic hashes (XXH3) for cache keys: same bytes, same key.
#include <cstdint>
#include <string_view>

namespace tk {

uint64_t hash64(std::string_view data, uint64_t seed = 0);

/// Combines hashes in order (for keys made of several parts).
inline uint64_t hash_combine(uint64_t a, uint64_t b) {
    return a ^ (b + 0x9e3779b97f4a7c15ULL + (a << 6) + (a >> 2));
}

}  // namespace tk
