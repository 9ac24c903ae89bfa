#pragma once
// gzip for the search index files (libdeflate: whole buffers, about twice zlib's speed at a
// slightly better ratio); search.js inflates them with DecompressionStream.
#include <memory>
#include <string>
#include <string_view>

namespace tk {

/// gzip-compressed `data`, byte-identical for the same input (no name, no time in the header).
std::string gzip(std::string_view data, int level = 6);

/// The same, keeping the compressor's state (its hash tables) between calls. One per thread.
class Gzipper {
public:
    explicit Gzipper(int level = 6);
    ~Gzipper();
    Gzipper(const Gzipper&) = delete;
    Gzipper& operator=(const Gzipper&) = delete;
    std::string compress(std::string_view data);

private:
    struct State;
    std::unique_ptr<State> m_state;
};
/// Inflates gzip data (for tests); empty on error.
std::string gunzip(std::string_view data);

}  // namespace tk
