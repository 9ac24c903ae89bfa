#include "check_content_fixture.h"

using namespace tk;

namespace {
std::string check(const std::string& text, bool stage_item = true) {
    std::string out;
    for (const auto& f : check_page(tk::testing::make_page(text, stage_item), tk::testing::make_rules()))
        out += f.headline() + "\n";
    return out;
}
const char* k_head = "+++\ntitle = \"A page\"\nsummary = \"What it is.\"\naudiences = [\"procurement\"]\n"
                     "last_reviewed = 2026-01-01\n";
}  // namespace

TEST(ContentSources, GuidanceWithoutSources) {
    EXPECT_EQ(check(std::string(k_head) + "+++\nBody.\n"),
              "content/strategy/x.md:1:1: [sources-required] a guidance page needs at least one source: list the law "
              "or guidance it rests on in 'sources'\n");
}

TEST(ContentSources, EmptySourcesIsReportedWhereItIsWritten) {
    EXPECT_EQ(check(std::string(k_head) + "type = \"template\"\nsources = []\n+++\nBody.\n"),
              "content/strategy/x.md:7:11: [sources-required] a template page needs at least one source: list the "
              "law or guidance it rests on in 'sources'\n");
}

TEST(ContentSources, OtherPagesNeedNone) {
    EXPECT_EQ(check("+++\ntitle = \"About\"\n+++\nBody.\n", false), "");
}
