#include "search/gzip.h"

#include <zlib.h>

#include <memory>

namespace tk {

namespace {
struct Deflater {
    z_stream z{};
    bool ok = false;
    explicit Deflater(int level) { ok = deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK; }
    ~Deflater() {
        if (ok) deflateEnd(&z);
    }
};
struct Inflater {
    z_stream z{};
    bool ok = false;
    Inflater() { ok = inflateInit2(&z, 15 + 16) == Z_OK; }
    ~Inflater() {
        if (ok) inflateEnd(&z);
    }
};
}  // namespace

std::string gzip(std::string_view data, int level) {
    Deflater d(level);
    if (!d.ok) return {};
    std::string out(deflateBound(&d.z, uLong(data.size())) + 32, '\0');
    d.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    d.z.avail_in = uInt(data.size());
    d.z.next_out = reinterpret_cast<Bytef*>(out.data());
    d.z.avail_out = uInt(out.size());
    if (deflate(&d.z, Z_FINISH) != Z_STREAM_END) return {};
    out.resize(d.z.total_out);
    return out;
}

std::string gunzip(std::string_view data) {
    Inflater f;
    if (!f.ok) return {};
    std::string out;
    char buf[16384];
    f.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    f.z.avail_in = uInt(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        f.z.next_out = reinterpret_cast<Bytef*>(buf);
        f.z.avail_out = sizeof buf;
        rc = inflate(&f.z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) return {};
        out.append(buf, sizeof buf - f.z.avail_out);
    }
    return out;
}

}  // namespace tk
