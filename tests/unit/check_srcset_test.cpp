#include <gtest/gtest.h>

#include "check/srcset.h"

using namespace tk;

using V = std::vector<std::string>;

TEST(CheckSrcset, ReadsUrlsAndDropsDescriptors) {
    EXPECT_EQ(parse_srcset("a.png 1x, b.png 2x"), (V{"a.png", "b.png"}));
    EXPECT_EQ(parse_srcset("small.jpg 480w,large.jpg 1080w"), (V{"small.jpg", "large.jpg"}));
    EXPECT_EQ(parse_srcset("  one.png  "), (V{"one.png"}));
    EXPECT_EQ(parse_srcset(""), V{});
}

TEST(CheckSrcset, CommasInsideUrlsAndDescriptors) {
    // A URL may contain commas; only a trailing comma ends it.
    EXPECT_EQ(parse_srcset("a.png,b.png 2x"), (V{"a.png,b.png"}));
    EXPECT_EQ(parse_srcset("a.png, b.png"), (V{"a.png", "b.png"}));
    EXPECT_EQ(parse_srcset("a.png,, b.png 2x"), (V{"a.png", "b.png"}));
    EXPECT_EQ(parse_srcset("a.png f(1,2), b.png"), (V{"a.png", "b.png"}));
    EXPECT_EQ(parse_srcset("data:image/png;base64,AAAA 1x, c.png 2x"), (V{"data:image/png;base64,AAAA", "c.png"}));
}
