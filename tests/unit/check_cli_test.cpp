// `toolkit check` as a person runs it: the binary on fixture sites, exact output and exit code.
#include <gtest/gtest.h>

#include <array>
#include <boost/filesystem.hpp>
#include <cstdio>
#include <sys/wait.h>

#include "util/fs.h"

namespace {

struct CliRun {
    int code = -1;
    std::string out;
};

CliRun run(const std::string& args) {
    std::string cmd = std::string("cd ") + TOOLKIT_SOURCE_DIR + " && " + TOOLKIT_BINARY + " " + args + " 2>&1";
    CliRun r;
    FILE* p = popen(cmd.c_str(), "r");
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string temp_dir(const char* pattern) {
    return (boost::filesystem::temp_directory_path() / boost::filesystem::unique_path(pattern)).string();
}

}  // namespace

TEST(CheckCli, ReportsThePlantedFaultsAndFails) {
    CliRun r2 = run("check tests/check/fixture --base-url /");
    EXPECT_EQ(r2.code, 1);
    EXPECT_EQ(r2.out,
              "broken: /about/#contact\n"
              "  no id \"contact\" on /about/\n"
              "  - on /guides/ line 12: <a href=\"/about/#contact\">\n"
              "\n"
              "broken: /about/#no-such-section\n"
              "  no id \"no-such-section\" on /about/\n"
              "  - on / line 13: <a href=\"/about/#no-such-section\">\n"
              "\n"
              "broken: /guides/missing-page/\n"
              "  no such page (tests/check/fixture/guides/missing-page/index.html does not exist)\n"
              "  - on / line 14: <a href=\"/guides/missing-page/\">\n"
              "\n"
              "broken: /images/logo-2x.png\n"
              "  no such file (tests/check/fixture/images/logo-2x.png does not exist)\n"
              "  - on / line 21: <img srcset=\"/images/logo-2x.png\">\n"
              "\n"
              "broken: /images/missing.png\n"
              "  no such file (tests/check/fixture/images/missing.png does not exist)\n"
              "  - on / line 20: <img src=\"/images/missing.png\">\n"
              "\n"
              "Checked 3 pages and 23 links: 5 broken targets.\n");
}

TEST(CheckCli, AConfigNamedButMissingIsAnError) {
    CliRun r = run("check tests/check/fixture --config tests/check/no-such-config.toml");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.out.find("Check failed: the config has errors."), std::string::npos) << r.out;
}

TEST(CheckCli, JsonFormatAndUsageErrors) {
    CliRun json = run("check tests/check/fixture --base-url / --format json");
    EXPECT_EQ(json.code, 1);
    EXPECT_NE(json.out.find("\"target\": \"/guides/missing-page/\""), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"broken\": 5"), std::string::npos);
    EXPECT_EQ(run("check tests/check/fixture --format yaml").code, 2);
    EXPECT_EQ(run("check --no-such-option").code, 2);
}

TEST(CheckCli, BuiltSitePassesAndNamesTheMarkdownOfABrokenLink) {
    std::string out = temp_dir("check-built-%%%%%%%%");
    std::string site = out + "/site";
    CliRun build = run("build --config tests/sites/basic/config.toml -o " + site + " --quiet");
    ASSERT_EQ(build.code, 0) << build.out;
    ASSERT_TRUE(tk::fs::exists(site + ".linkmap.json"));
    CliRun ok = run("check " + site + " --config tests/sites/basic/config.toml");
    EXPECT_EQ(ok.code, 0) << ok.out;
    EXPECT_NE(ok.out.find(": nothing broken."), std::string::npos) << ok.out;

    // Remove a page that others link to: the report names the Markdown lines of those links.
    std::string e;
    ASSERT_TRUE(tk::fs::remove_all(site + "/strategy/problem", e)) << e;
    CliRun bad = run("check " + site + " --config tests/sites/basic/config.toml");
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.out.find("broken: /toolkit/strategy/problem/\n"), std::string::npos) << bad.out;
    EXPECT_NE(bad.out.find("  - on /toolkit/preparation/pipeline/ line 22: <a href=\"/toolkit/strategy/problem/#start-with-users\">\n"
                           "      from tests/sites/basic/content/preparation/pipeline.md:12:68\n"),
              std::string::npos)
        << bad.out;
    tk::fs::remove_all(out, e);
}

TEST(CheckCli, StalePages) {
    std::string env = "SOURCE_DATE_EPOCH=4102444800 ";  // 2100-01-01: everything is late
    std::string cmd = std::string("cd ") + TOOLKIT_SOURCE_DIR + " && " + env + TOOLKIT_BINARY +
                      " check --stale --config tests/sites/basic/config.toml";
    FILE* p = popen(cmd.c_str(), "r");
    std::string text;
    std::array<char, 4096> buf;
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) text.append(buf.data(), n);
    EXPECT_EQ(WEXITSTATUS(pclose(p)), 0);
    EXPECT_NE(text.find("content/strategy/problem.md"), std::string::npos) << text;
    EXPECT_NE(text.find("(today is 2100-01-01)"), std::string::npos) << text;
    std::string strict = std::string("cd ") + TOOLKIT_SOURCE_DIR + " && " + env + TOOLKIT_BINARY +
                         " check --stale --strict --config tests/sites/basic/config.toml >/dev/null";
    EXPECT_EQ(WEXITSTATUS(std::system(strict.c_str())), 1);
}
