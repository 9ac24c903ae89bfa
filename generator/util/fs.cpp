#include "util/fs.h"

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
    bfs::path base(root);
    std::vector<bfs::path> stack{base};
    while (!stack.empty()) {
        bfs::path dir = stack.back();
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
            std::string rel = p.lexically_relative(base).generic_string();
            boost::system::error_code ec2;
            bool d = bfs::is_directory(p, ec2);
            out.push_back({rel, d});
            if (d) stack.push_back(p);
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
    if (ec) {
        error = from + ": " + ec.message();
        return false;
    }
    return true;
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

}  // namespace tk::fs
