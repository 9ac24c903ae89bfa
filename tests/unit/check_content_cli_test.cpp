#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace {

struct ToolRun {
    int code = -1;
    std::string out;
};

/// Runs the toolkit binary from the source folder; stdout only.
ToolRun run_toolkit(const std::string& args) {
    std::string cmd = std::string("cd '") + TOOLKIT_SOURCE_DIR + "' && '" + TOOLKIT_BINARY + "' " + args + " 2>/dev/null";
    ToolRun r;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
    int status = pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

}  // namespace

TEST(ContentCheckCli, ReportsEveryFindingSortedWithASummary) {
    ToolRun r = run_toolkit("check --content --config tests/check-sites/content-check/config.toml");
    EXPECT_EQ(r.code, 1);
    const std::string dir = "tests/check-sites/content-check/content/strategy/";
    EXPECT_EQ(r.out,
              dir + "broken.md:1:1: [front-matter] missing required key 'summary'\n"
              "  +++\n"
              "  ^\n"
              // A page whose front matter has errors is still checked: every problem at once.
              + dir + "broken.md:1:1: [sources-required] a guidance page needs at least one source: list the law or guidance it rests on in 'sources'\n"
              "  +++\n"
              "  ^\n"
              + dir + "plan.md:1:1: [sources-required] a guidance page needs at least one source: list the law or guidance it rests on in 'sources'\n"
              "  +++\n"
              "  ^\n"
              + dir + "plan.md:3:19: [words-to-avoid] 'leverage' is on the GOV.UK list of words to avoid: say what it means in plain words\n"
              "  summary = \"How to leverage what you know.\"\n"
              "                    ^\n"
              + dir + "plan.md:10:1: [sentence-length] sentence of 31 words: split it or cut words (at most 25)\n"
              "  A plan says what you will buy, when and how, so that the whole team and every supplier can see the steps, the dates and the decisions well before they happen.\n"
              "  ^\n"
              + dir + "plan.md:12:16: [typed-value] £5 million is typed, but it is a value in values.toml: use {{< value kpi.contract_value >}}\n"
              "  Contracts over £5 million must publish key performance indicators. Do not publish them on Contracts Finder.\n"
              "                 ^\n"
              + dir + "plan.md:12:91: [superseded-term] 'Contracts Finder' is a term from the old rules: use the current term, or say in the same passage what replaced it\n"
              "  Contracts over £5 million must publish key performance indicators. Do not publish them on Contracts Finder.\n"
              "                                                                                            ^\n"
              + dir + "plan.md:17:34: [words-to-avoid] 'deliver' is on the GOV.UK list of words to avoid: say what it means in plain words\n"
              "  Run `toolkit check --content` to deliver nothing by mistake.\n"
              "                                   ^\n"
              "Content check: 8 findings in 4 files\n");
}

