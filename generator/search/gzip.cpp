#include "search/gzip.h"

#include <zlib.h>

namespace tk {

struct Gzipper::State {
    z_stream z{};
    bool ok = false;
    // windowBits + 16: a gzip header, which zlib writes without a name or a time.
    State(int level, int window_bits, int mem_level) {
        ok = deflateInit2(&z, level, Z_DEFLATED, window_bits + 16, mem_level, Z_DEFAULT_STRATEGY) == Z_OK;
    }
    ~State() {
        if (ok) deflateEnd(&z);
    }
};

Gzipper::Gzipper(int level, int window_bits, int mem_level)
    : m_state(std::make_unique<State>(level, window_bits, mem_level)) {}
Gzipper::~Gzipper() = default;

std::string Gzipper::compress(std::string_view data) {
    z_stream& z = m_state->z;
    if (!m_state->ok || deflateReset(&z) != Z_OK) return {};
    std::string out(deflateBound(&z, uLong(data.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END) return {};
    out.resize(z.total_out);
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
