#include "util/fs.h"

#include <sys/stat.h>
#include <time.h>

#include <boost/filesystem.hpp>
#include <algorithm>
#include <fstream>
#include <sstream>

namespace bfs = boost::filesystem;

namespace tk::fs {

std::optional<std::string> read_file(const std::string& path, std::string& error) {
    boost::system::error_code ec;
    if (bfs::is_directory(path, ec)) {
        error = "is a directory";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = bfs::exists(path, ec) ? "cannot be read (permission denied)" : "no such file";
        return std::nullopt;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) {
        error = "read error";
        return std::nullopt;
    }
    return ss.str();
}

bool write_file(const std::string& path, std::string_view data, std::string& error) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        error = "cannot write " + path;
        return false;
    }
    out.write(data.data(), std::streamsize(data.size()));
    if (!out) {
        error = "write failed: " + path;
        return false;
    }
    return true;
}

bool write_file(const std::string& path, const std::vector<std::string_view>& pieces, std::string& error) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        error = "cannot write " + path;
        return false;
    }
    for (auto p : pieces) out.write(p.data(), std::streamsize(p.size()));
    if (!out) {
        error = "write failed: " + path;
        return false;
    }
    return true;
}

std::vector<Entry> walk(const std::string& root, std::vector<std::string>& errors) {
    std::vector<Entry> out;
    boost::system::error_code ec;
    // Each folder with its path relative to the root, built by joining names: cheaper than
    // asking Boost for a relative path per entry (serve walks content/ on every rebuild).
    std::vector<std::pair<bfs::path, std::string>> stack{{bfs::path(root), ""}};
    while (!stack.empty()) {
        auto [dir, dir_rel] = std::move(stack.back());
        stack.pop_back();
        bfs::directory_iterator it(dir, ec), end;
        if (ec) {
            errors.push_back(dir.generic_string() + ": cannot read directory (" + ec.message() + ")");
            continue;
        }
        for (; it != end; it.increment(ec)) {
            if (ec) {
                errors.push_back(dir.generic_string() + ": " + ec.message());
                break;
            }
            const bfs::path& p = it->path();
            std::string name = p.filename().string();
            std::string rel = dir_rel.empty() ? name : dir_rel + "/" + name;
            boost::system::error_code ec2;
            // The entry's status comes from readdir where the file system gives it: no stat per file.
            bool d = bfs::is_directory(it->status(ec2));
            if (d) stack.push_back({p, rel});
            out.push_back({std::move(rel), d});
        }
    }
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) { return a.rel < b.rel; });
    return out;
}

bool exists(const std::string& path) {
    boost::system::error_code ec;
    return bfs::exists(path, ec);
}

bool is_dir(const std::string& path) {
    boost::system::error_code ec;
    return bfs::is_directory(path, ec);
}

bool create_dirs(const std::string& path, std::string& error) {
    boost::system::error_code ec;
    bfs::create_directories(path, ec);
    if (ec) {
        error = path + ": " + ec.message();
        return false;
    }
    return true;
}

bool copy_file(const std::string& from, const std::string& to, std::string& error) {
    boost::system::error_code ec;
    bfs::copy_file(from, to, bfs::copy_options::overwrite_existing, ec);
    if (!ec) return true;
    // Boost 1.74 copies with copy_file_range and gives up with EXDEV where the kernel refuses it
    // across file systems (an output folder on tmpfs, say): then copy the bytes ourselves.
    std::string read_error;
    if (auto data = read_file(from, read_error)) {
        std::string write_error;
        if (write_file(to, *data, write_error)) return true;
        error = from + ": " + write_error;
        return false;
    }
    error = from + ": " + ec.message();
    return false;
}

bool remove_all(const std::string& path, std::string& error) {
    boost::system::error_code ec;
    bfs::remove_all(path, ec);
    if (ec) {
        error = path + ": " + ec.message();
        return false;
    }
    return true;
}

bool rename(const std::string& from, const std::string& to, std::string& error) {
    boost::system::error_code ec;
    bfs::rename(from, to, ec);
    if (ec) {
        error = from + " -> " + to + ": " + ec.message();
        return false;
    }
    return true;
}

std::string join(const std::string& a, const std::string& b) {
    if (a.empty() || (!b.empty() && b[0] == '/')) return b;
    return (bfs::path(a) / b).generic_string();
}
std::string parent(const std::string& path) { return bfs::path(path).parent_path().generic_string(); }
std::string filename(const std::string& path) { return bfs::path(path).filename().generic_string(); }
std::string absolute(const std::string& path) {
    boost::system::error_code ec;
    auto p = bfs::weakly_canonical(bfs::absolute(path), ec);
    return p.generic_string();
}

int64_t mtime(const std::string& path) {
    boost::system::error_code ec;
    auto t = bfs::last_write_time(path, ec);
    if (ec) return 0;
    return int64_t(t) * 1000000000LL;
}

std::optional<FileStamp> stamp(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
#ifdef __APPLE__
    int64_t ns = int64_t(st.st_mtimespec.tv_sec) * 1000000000 + st.st_mtimespec.tv_nsec;
#else
    int64_t ns = int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
#endif
    return FileStamp{ns, int64_t(st.st_size), uint64_t(st.st_ino)};
}

int64_t now_ns() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

}  // namespace tk::fs
