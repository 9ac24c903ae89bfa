#include "util/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

#include <boost/filesystem.hpp>
#include <algorithm>

namespace bfs = boost::filesystem;

namespace tk::fs {

// File contents go through POSIX calls: an fstream costs a locale set-up per file, which a build of
// thousands of pages pays thousands of times.
namespace {

/// Closes a file descriptor when it goes out of scope.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

bool write_all(int fd, const char* data, size_t size) {
    while (size > 0) {
        ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

bool write_pieces(const std::string& path, const std::string_view* pieces, size_t count, std::string& error) {
    Fd f{::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)};
    if (f.fd < 0) {
        error = "cannot write " + path;
        return false;
    }
    for (const std::string_view* p = pieces; p != pieces + count; ++p) {
        if (!write_all(f.fd, p->data(), p->size())) {
            error = "write failed: " + path;
            return false;
        }
    }
    int fd = f.fd;
    f.fd = -1;
    if (::close(fd) != 0) {
        error = "write failed: " + path;
        return false;
    }
    return true;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::string& error) {
    Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat st {};
    if (f.fd < 0) {
        error = errno == ENOENT || errno == ENOTDIR ? "no such file" : errno == EISDIR ? "is a directory" : "cannot be read (permission denied)";
        return std::nullopt;
    }
    if (::fstat(f.fd, &st) != 0) {
        error = "read error";
        return std::nullopt;
    }
    if (S_ISDIR(st.st_mode)) {
        error = "is a directory";
        return std::nullopt;
    }
    // Read into a buffer of the file's size; past it (a file that grew, or a pipe of size 0) in
    // pieces, so a whole file costs one buffer and no copy.
    std::string data(S_ISREG(st.st_mode) && st.st_size > 0 ? size_t(st.st_size) : 0, '\0');
    size_t got = 0;
    char more[4096];
    for (;;) {
        bool in_place = got < data.size();
        ssize_t n = in_place ? ::read(f.fd, data.data() + got, data.size() - got) : ::read(f.fd, more, sizeof more);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = "read error";
            return std::nullopt;
        }
        if (n == 0) break;
        if (!in_place) data.append(more, size_t(n));
        got += size_t(n);
    }
    data.resize(got);
    return data;
}

bool write_file(const std::string& path, std::string_view data, std::string& error) {
    return write_pieces(path, &data, 1, error);
}

bool write_file(const std::string& path, const std::vector<std::string_view>& pieces, std::string& error) {
    return write_pieces(path, pieces.data(), pieces.size(), error);
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

bool make_dir(const std::string& path, std::string& error) {
    boost::system::error_code ec;
    bfs::create_directory(path, ec);  // one mkdir; no error if the folder is there
    if (ec) {
        error = path + ": " + ec.message();
        return false;
    }
    return true;
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
