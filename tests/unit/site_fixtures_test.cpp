// Golden fixture sites (tests/sites/<case>/expected/), invalid fixture sites with pinned stderr and
// exit code (tests/sites-invalid/<case>/), and determinism. Runs the real `toolkit` binary.
// Set UPDATE_GOLDEN=1 to rewrite the expected files after an intended change.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <boost/filesystem.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace bfs = boost::filesystem;

namespace {

const std::string k_src = TOOLKIT_SOURCE_DIR;
const std::string k_bin = TOOLKIT_BINARY;

struct RunResult {
    int code;
    std::string out;
    std::string err;
};

std::string slurp(const bfs::path& p) {
    std::ifstream in(p.string(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

RunResult run_in(const bfs::path& dir, const std::string& args) {
    bfs::path tmp = bfs::temp_directory_path() / bfs::unique_path("tk-run-%%%%%%%%");
    bfs::create_directories(tmp);
    std::string cmd = "cd '" + dir.string() + "' && SOURCE_DATE_EPOCH=1795000000 '" + k_bin + "' " + args + " >'" +
                      (tmp / "out").string() + "' 2>'" + (tmp / "err").string() + "'";
    int status = std::system(cmd.c_str());
    RunResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(tmp / "out"), slurp(tmp / "err")};
    bfs::remove_all(tmp);
    return r;
}

std::map<std::string, std::string> tree(const bfs::path& root) {
    std::map<std::string, std::string> files;
    for (bfs::recursive_directory_iterator it(root), end; it != end; ++it)
        if (bfs::is_regular_file(it->path())) files[it->path().lexically_relative(root).generic_string()] = slurp(it->path());
    return files;
}

std::vector<bfs::path> cases(const std::string& dir) {
    std::vector<bfs::path> out;
    bfs::path root = bfs::path(k_src) / dir;
    if (!bfs::exists(root)) return out;
    for (bfs::directory_iterator it(root), end; it != end; ++it)
        if (bfs::is_directory(it->path())) out.push_back(it->path());
    std::sort(out.begin(), out.end());
    return out;
}

/// Removes a build's output folder and the link map the build writes beside it.
void remove_output(const bfs::path& out) {
    bfs::remove_all(out);
    bfs::remove(out.string() + ".linkmap.json");
}

bool updating() { return std::getenv("UPDATE_GOLDEN") != nullptr; }

}  // namespace

TEST(FixtureSites, BuildAsExpected) {
    auto all = cases("tests/sites");
    ASSERT_FALSE(all.empty());
    for (const auto& c : all) {
        SCOPED_TRACE(c.filename().string());
        bfs::path out = bfs::temp_directory_path() / bfs::unique_path("tk-out-%%%%%%%%");
        RunResult r = run_in(c, "build --config config.toml --quiet -o '" + out.string() + "'");
        ASSERT_EQ(r.code, 0) << r.err;
        bfs::path expected = c / "expected";
        if (updating()) {
            bfs::remove_all(expected);
            bfs::create_directories(expected.parent_path());
            std::system(("cp -r '" + out.string() + "' '" + expected.string() + "'").c_str());
        }
        auto got = tree(out);
        auto want = tree(expected);
        std::vector<std::string> got_names, want_names;
        for (auto& [k, v] : got) got_names.push_back(k);
        for (auto& [k, v] : want) want_names.push_back(k);
        EXPECT_EQ(got_names, want_names);
        for (auto& [k, v] : want)
            if (got.count(k)) {
                EXPECT_EQ(got[k], v) << "differs: " << k;
            }
        EXPECT_EQ(r.err, "");
        remove_output(out);
    }
}

TEST(FixtureSites, InvalidSitesFailWithPinnedDiagnosticsAndKeepOutput) {
    auto all = cases("tests/sites-invalid");
    ASSERT_FALSE(all.empty());
    for (const auto& c : all) {
        SCOPED_TRACE(c.filename().string());
        // A previous site that must survive the failed build untouched.
        bfs::path out = bfs::temp_directory_path() / bfs::unique_path("tk-prev-%%%%%%%%");
        bfs::create_directories(out / "old");
        std::ofstream(( out / "index.html").string()) << "previous site";
        std::ofstream((out / "old" / "page.html").string()) << "old page";
        auto before = tree(out);
        std::string extra;
        if (bfs::exists(c / "args")) extra = " " + slurp(c / "args");
        while (!extra.empty() && (extra.back() == '\n' || extra.back() == ' ')) extra.pop_back();
        RunResult r = run_in(c, "build --config config.toml -o '" + out.string() + "'" + extra);
        std::string err = r.err;
        // The output path is random: pin the rest.
        for (size_t p; (p = err.find(out.string())) != std::string::npos;) err.replace(p, out.string().size(), "OUT");
        if (updating()) {
            std::ofstream(( c / "expected-stderr.txt").string()) << err;
            std::ofstream(( c / "expected-exit").string()) << r.code << "\n";
        }
        EXPECT_EQ(err, slurp(c / "expected-stderr.txt"));
        EXPECT_EQ(std::to_string(r.code) + "\n", slurp(c / "expected-exit"));
        EXPECT_NE(r.code, 0);
        EXPECT_EQ(tree(out), before);
        // Nothing is left behind beside the output either.
        for (bfs::directory_iterator it(out.parent_path()), end; it != end; ++it)
            EXPECT_EQ(it->path().filename().string().find("." + out.filename().string() + ".tmp"), std::string::npos);
        remove_output(out);
    }
}

TEST(FixtureSites, SameInputGivesByteIdenticalOutput) {
    bfs::path site = bfs::path(k_src) / "tests/sites/basic";
    bfs::path a = bfs::temp_directory_path() / bfs::unique_path("tk-a-%%%%%%%%");
    bfs::path b = bfs::temp_directory_path() / bfs::unique_path("tk-b-%%%%%%%%");
    ASSERT_EQ(run_in(site, "build --quiet -o '" + a.string() + "'").code, 0);
    ASSERT_EQ(run_in(site, "build --quiet -o '" + b.string() + "'").code, 0);
    EXPECT_EQ(tree(a), tree(b));
    remove_output(a);
    remove_output(b);
}

TEST(FixtureSites, BuildsIntoAnotherFileSystem) {
    // Static files are copied; the kernel may refuse a copy between file systems (EXDEV), which
    // must not fail the build. /dev/shm is tmpfs on Linux, so a different device from the source.
    struct stat src{}, shm{};
    if (stat(k_src.c_str(), &src) != 0 || stat("/dev/shm", &shm) != 0 || src.st_dev == shm.st_dev)
        GTEST_SKIP() << "no second file system at /dev/shm";
    bfs::path site = bfs::path(k_src) / "tests/sites/basic";
    bfs::path out = bfs::path("/dev/shm") / bfs::unique_path("tk-xdev-%%%%%%%%");
    RunResult r = run_in(site, "build --quiet -o '" + out.string() + "'");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(tree(out), tree(site / "expected"));
    remove_output(out);
}

TEST(Cli, ExitCodes) {
    bfs::path site = bfs::path(k_src) / "tests/sites/basic";
    EXPECT_EQ(run_in(site, "--version").code, 0);
    EXPECT_EQ(run_in(site, "help").code, 0);
    EXPECT_EQ(run_in(site, "build --no-such-flag").code, 2);
    EXPECT_EQ(run_in(site, "frobnicate").code, 2);
    RunResult missing = run_in(site, "build --config nope.toml");
    EXPECT_EQ(missing.code, 1);
    EXPECT_EQ(missing.err, "nope.toml: error: cannot read config file: no such file\nBuild failed: the config has errors.\n");
}
