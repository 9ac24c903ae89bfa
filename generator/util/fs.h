#pragma once
// File system access, through Boost.Filesystem. Errors are returned, never thrown.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tk::fs {

struct Entry {
    std::string rel;   // path relative to the walked root, '/'-separated
    bool is_dir;
};

/// Reads a whole file. On failure returns nullopt and sets `error`.
std::optional<std::string> read_file(const std::string& path, std::string& error);
bool write_file(const std::string& path, std::string_view data, std::string& error);
bool write_file(const std::string& path, const std::vector<std::string_view>& pieces, std::string& error);
/// Walks a tree, sorted by path; unreadable directories are reported in `errors` (path: reason).
std::vector<Entry> walk(const std::string& root, std::vector<std::string>& errors);
bool exists(const std::string& path);
bool is_dir(const std::string& path);
bool create_dirs(const std::string& path, std::string& error);
/// One folder whose parent exists; not an error if it is there already.
bool make_dir(const std::string& path, std::string& error);
bool copy_file(const std::string& from, const std::string& to, std::string& error);
bool remove_all(const std::string& path, std::string& error);
bool rename(const std::string& from, const std::string& to, std::string& error);
std::string join(const std::string& a, const std::string& b);
std::string parent(const std::string& path);
std::string filename(const std::string& path);
std::string absolute(const std::string& path);
/// Modification time in nanoseconds, or 0.
int64_t mtime(const std::string& path);

/// What stat says of a file, to notice a change without reading it.
struct FileStamp {
    int64_t mtime_ns = 0;
    int64_t size = -1;
    uint64_t inode = 0;
    bool operator==(const FileStamp& o) const { return mtime_ns == o.mtime_ns && size == o.size && inode == o.inode; }
};
std::optional<FileStamp> stamp(const std::string& path);
/// The wall clock in nanoseconds (the clock file modification times are in).
int64_t now_ns();

}  // namespace tk::fs
