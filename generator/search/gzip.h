#pragma once
// gzip (zlib) for the search index files: search.js inflates them with DecompressionStream.
#include <memory>
#include <string>
#include <string_view>

namespace tk {

/// gzip-compressed `data`, byte-identical for the same input (no name, no time in the header).
std::string gzip(std::string_view data, int level = 6);

/// The same, keeping zlib's state between calls. One per thread. For many small inputs (pages of
/// a few kilobytes) a small window and hash (`window_bits` 13, `mem_level` 4) cost much less to
/// reset per call and compress as well.
class Gzipper {
public:
    explicit Gzipper(int level = 6, int window_bits = 15, int mem_level = 8);
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
