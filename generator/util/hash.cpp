#include "util/hash.h"

#include <xxhash.h>

namespace tk {

uint64_t hash64(std::string_view data, uint64_t seed) { return XXH3_64bits_withSeed(data.data(), data.size(), seed); }

}  // namespace tk
