#include <gtest/gtest.h>

#include "check/link_cache.h"

using namespace tk;

namespace {
constexpr int64_t k_day = 24 * 3600;
}

TEST(CheckCache, EntriesExpireAtTheMaximumAge) {
    LinkCache c;
    c.put("https://a.org/", {1000, 200, ""});
    EXPECT_TRUE(c.fresh("https://a.org/", 1000, 7 * k_day));
    EXPECT_TRUE(c.fresh("https://a.org/", 1000 + 7 * k_day - 1, 7 * k_day));
    EXPECT_FALSE(c.fresh("https://a.org/", 1000 + 7 * k_day, 7 * k_day));
    EXPECT_FALSE(c.fresh("https://a.org/", 999, 7 * k_day));  // from the future: clock moved back
    EXPECT_FALSE(c.fresh("https://b.org/", 1000, 7 * k_day));
}

TEST(CheckCache, PruneDropsOldEntries) {
    LinkCache c;
    c.put("https://old.org/", {0, 200, ""});
    c.put("https://new.org/", {10 * k_day, 200, ""});
    c.prune(10 * k_day, 7 * k_day);
    EXPECT_EQ(c.size(), 1u);
    EXPECT_TRUE(c.fresh("https://new.org/", 10 * k_day, 7 * k_day));
}

TEST(CheckCache, RoundTripsThroughJson) {
    LinkCache c;
    c.put("https://b.org/", {20, 200, "https://b.org/home"});
    c.put("https://a.org/", {10, 403, ""});
    std::string json = c.to_json();
    EXPECT_EQ(json,
              "{\n \"links\": {\n  \"https://a.org/\": {\n   \"checked\": 10,\n   \"status\": 403\n  },\n"
              "  \"https://b.org/\": {\n   \"checked\": 20,\n   \"final_url\": \"https://b.org/home\",\n   \"status\": 200\n  }\n },\n"
              " \"version\": 1\n}\n");
    LinkCache d;
    std::string error;
    ASSERT_TRUE(d.from_json(json, error)) << error;
    auto b = d.fresh("https://b.org/", 30, 100);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->final_url, "https://b.org/home");
    EXPECT_EQ(d.fresh("https://a.org/", 30, 100)->http_status, 403);
}

TEST(CheckCache, RejectsOtherFiles) {
    LinkCache c;
    std::string error;
    EXPECT_FALSE(c.from_json("{\"version\": 2, \"links\": {}}", error));
    EXPECT_FALSE(c.from_json("not json", error));
    EXPECT_FALSE(c.from_json("{\"version\": 1, \"links\": {\"x\": {\"status\": 200}}}", error));
    EXPECT_EQ(c.size(), 0u);
}
