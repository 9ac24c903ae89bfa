#include <gtest/gtest.h>

#include "check/exclude.h"

using namespace tk;

TEST(CheckExclude, PlainHostsCoverTheirSubdomains) {
    ExcludeList ex({"linkedin.com"});
    EXPECT_EQ(ex.match("https://www.linkedin.com/in/someone"), "linkedin.com");
    EXPECT_TRUE(ex.match("http://linkedin.com"));
    EXPECT_TRUE(ex.match("https://LinkedIn.com:443/x"));
    EXPECT_FALSE(ex.match("https://notlinkedin.com/"));
    EXPECT_FALSE(ex.match("https://example.org/linkedin.com"));
}

TEST(CheckExclude, Wildcards) {
    ExcludeList ex({"*.gov.uk"});
    EXPECT_TRUE(ex.match("https://www.legislation.gov.uk/ukpga/2023/54"));
    EXPECT_FALSE(ex.match("https://gov.uk.example.org/"));
    EXPECT_TRUE(ExcludeList({"https://example.org/a*/c"}).match("https://example.org/ab/b/c/d"));
}

TEST(CheckExclude, HostAndPathPrefix) {
    ExcludeList ex({"example.org/private/"});
    EXPECT_TRUE(ex.match("https://example.org/private/x"));
    EXPECT_FALSE(ex.match("https://example.org/public/x"));
}

TEST(CheckExclude, WholeUrlPrefix) {
    ExcludeList ex({"https://example.org/tmp"});
    EXPECT_TRUE(ex.match("https://example.org/tmp/1"));
    EXPECT_FALSE(ex.match("http://example.org/tmp/1"));
}

TEST(CheckExclude, EmptyListAndBlankPatterns) {
    ExcludeList ex({"", "   "});
    EXPECT_TRUE(ex.empty());
    EXPECT_FALSE(ex.match("https://example.org/"));
}

TEST(CheckExclude, GlobMatch) {
    EXPECT_TRUE(glob_match("a*c", "abbbc", false));
    EXPECT_FALSE(glob_match("a*c", "abbbcd", false));
    EXPECT_TRUE(glob_match("a*c", "abbbcd", true));
    EXPECT_TRUE(glob_match("*", "", false));
}
