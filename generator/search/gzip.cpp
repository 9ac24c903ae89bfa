#include "search/gzip.h"

#include <libdeflate.h>
#include <zlib.h>

namespace tk {

struct Gzipper::State {
    libdeflate_compressor* c;
    explicit State(int level) : c(libdeflate_alloc_compressor(level)) {}
    ~State() {
        if (c) libdeflate_free_compressor(c);
    }
};

Gzipper::Gzipper(int level) : m_state(std::make_unique<State>(level)) {}
Gzipper::~Gzipper() = default;

std::string Gzipper::compress(std::string_view data) {
    libdeflate_compressor* c = m_state->c;
    if (!c) return {};
    std::string out(libdeflate_gzip_compress_bound(c, data.size()), '\0');
    size_t n = libdeflate_gzip_compress(c, data.data(), data.size(), out.data(), out.size());
    out.resize(n);  // 0 only if the bound was wrong: an empty string, as before on error
    return out;
}

std::string gzip(std::string_view data, int level) { return Gzipper(level).compress(data); }

std::string gunzip(std::string_view data) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return {};
    std::string out;
    char buf[16384];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = uInt(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            out.clear();
            break;
        }
        out.append(buf, sizeof buf - z.avail_out);
    }
    inflateEnd(&z);
    return out;
}

}  // namespace tk
