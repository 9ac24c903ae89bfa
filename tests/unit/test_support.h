#pragma once
// Small helpers for tests that need real files, processes and git repositories.
#include <stdlib.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <boost/filesystem.hpp>

namespace tk::test {

/// A fresh folder under $TMPDIR, removed with everything in it at the end of the test.
class TempDir {
public:
    TempDir() {
        const char* base = std::getenv("TMPDIR");
        std::string tmpl = std::string(base && *base ? base : "/tmp") + "/toolkit-test-XXXXXX";
        char* made = mkdtemp(tmpl.data());
        m_path = made ? made : "";
    }
    ~TempDir() {
        boost::system::error_code ec;
        if (!m_path.empty()) boost::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return m_path; }
    std::string operator/(const std::string& rel) const { return m_path + "/" + rel; }

private:
    std::string m_path;
};

inline void write_text(const std::string& path, const std::string& text) {
    boost::filesystem::create_directories(boost::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Runs a shell command; returns its exit status and (optionally) its standard output.
inline int sh(const std::string& cmd, std::string* out = nullptr) {
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return -1;
    std::array<char, 4096> buf;
    std::string text;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) text.append(buf.data(), n);
    int status = pclose(p);
    if (out) *out = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Quotes a string for the shell.
inline std::string q(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// Copies a fixture site (config.toml and content/) into `dest`, pointing its theme at the
/// fixture theme by absolute path so the copy builds anywhere.
inline void copy_tree(const std::string& from, const std::string& to) {
    namespace bfs = boost::filesystem;
    bfs::create_directories(to);
    for (bfs::recursive_directory_iterator it(from), end; it != end; ++it) {
        bfs::path target = bfs::path(to) / it->path().lexically_relative(from);
        if (bfs::is_directory(it->path())) bfs::create_directories(target);
        else bfs::copy_file(it->path(), target, bfs::copy_options::overwrite_existing);
    }
}

/// With `own_theme`, the fixture theme is copied to dest/theme too, for tests that edit it.
inline void copy_fixture(const std::string& name, const std::string& dest, bool own_theme = false) {
    namespace bfs = boost::filesystem;
    bfs::path src = bfs::path(TOOLKIT_SOURCE_DIR) / "tests/sites" / name;
    copy_tree((src / "content").string(), dest + "/content");
    std::string config = read_text((src / "config.toml").string());
    std::string theme = std::string(TOOLKIT_SOURCE_DIR) + "/tests/themes/minimal";
    if (own_theme) {
        copy_tree(theme, dest + "/theme");
        theme = dest + "/theme";
    }
    size_t at = config.find("theme = ");
    size_t eol = config.find('\n', at);
    config.replace(at, eol - at, "theme = \"" + theme + "\"");
    write_text(dest + "/config.toml", config);
}

/// A git repository whose commits have fixed dates and a fixed author, untouched by the
/// user's git configuration.
class GitRepo {
public:
    explicit GitRepo(std::string dir) : m_dir(std::move(dir)) {
        boost::filesystem::create_directories(m_dir);
        git("init -q -b main");
    }
    const std::string& dir() const { return m_dir; }
    int git(const std::string& args, std::string* out = nullptr, const std::string& date = "2026-01-01T12:00:00Z") const {
        std::string env = "GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=Editor "
                          "GIT_AUTHOR_EMAIL=editor@example.org GIT_COMMITTER_NAME=Editor "
                          "GIT_COMMITTER_EMAIL=editor@example.org GIT_AUTHOR_DATE=" + date +
                          " GIT_COMMITTER_DATE=" + date + " ";
        return sh("cd " + q(m_dir) + " && " + env + "git -c commit.gpgsign=false " + args + " 2>&1", out);
    }
    void write(const std::string& rel, const std::string& text) const { write_text(m_dir + "/" + rel, text); }
    /// Stages everything and commits with the message at the given ISO date.
    int commit(const std::string& message, const std::string& date) const {
        git("add -A");
        return git("commit -q --allow-empty -m " + q(message), nullptr, date);
    }

private:
    std::string m_dir;
};

}  // namespace tk::test
