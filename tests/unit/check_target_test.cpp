#include <gtest/gtest.h>

#include "check/target.h"

using namespace tk;

namespace {
const BaseUrl k_base = BaseUrl::parse("https://org.github.io/toolkit/");

Target at(std::string_view href, std::string_view page = "/toolkit/strategy/x/") { return classify_link(href, page, k_base); }
}  // namespace

TEST(CheckTarget, MapsLinksUnderTheBasePathToSitePaths) {
    EXPECT_EQ(at("/toolkit/x/").path, "/x/");
    EXPECT_EQ(at("/toolkit/x/").kind, Target::Kind::Internal);
    EXPECT_EQ(at("/toolkit/").path, "/");
    EXPECT_EQ(at("/toolkit").path, "/");
    EXPECT_EQ(at("../../design/y/").path, "/design/y/");
    EXPECT_EQ(at("../y/").path, "/strategy/y/");
    EXPECT_EQ(at("z/").path, "/strategy/x/z/");
    EXPECT_EQ(at("../../").path, "/");
    EXPECT_EQ(at("/toolkit/a%20b.pdf?download=1").path, "/a b.pdf");
    EXPECT_EQ(at("https://org.github.io/toolkit/design/").path, "/design/");
    EXPECT_EQ(at("https://org.github.io/toolkit/design/").kind, Target::Kind::Internal);
}

TEST(CheckTarget, LinksOutsideTheBasePathAreOutside) {
    Target t = at("/design/y/");
    EXPECT_EQ(t.kind, Target::Kind::Outside);
    EXPECT_EQ(t.path, "/design/y/");
    EXPECT_EQ(at("../../../other/").kind, Target::Kind::Outside);  // climbs above /toolkit/
    EXPECT_EQ(at("https://org.github.io/other/").kind, Target::Kind::Outside);
}

TEST(CheckTarget, KeepsFragments) {
    Target t = at("../y/#write-outcomes");
    EXPECT_EQ(t.path, "/strategy/y/");
    EXPECT_TRUE(t.has_fragment);
    EXPECT_EQ(t.fragment, "write-outcomes");
    Target self = at("#top-of-page");
    EXPECT_EQ(self.path, "/strategy/x/");
    EXPECT_EQ(self.fragment, "top-of-page");
    EXPECT_EQ(at("#caf%C3%A9").fragment, "caf\xC3\xA9");
    EXPECT_FALSE(at("/toolkit/x/").has_fragment);
}

TEST(CheckTarget, SortsExternalAndIgnoredLinks) {
    Target e = at("https://www.legislation.gov.uk/ukpga/2023/54#section-16");
    EXPECT_EQ(e.kind, Target::Kind::External);
    EXPECT_EQ(e.path, "https://www.legislation.gov.uk/ukpga/2023/54");
    EXPECT_EQ(at("//cdn.example.org/a.js").path, "https://cdn.example.org/a.js");
    EXPECT_EQ(at("HTTP://Example.org/").kind, Target::Kind::External);
    for (const char* href : {"mailto:a@b.org", "tel:+442079460000", "javascript:void(0)", "data:image/png;base64,AA", ""})
        EXPECT_EQ(at(href).kind, Target::Kind::Ignored) << href;
    EXPECT_EQ(at("  /toolkit/x/\n").path, "/x/");
}

TEST(CheckTarget, HonoursBaseElement) {
    EXPECT_EQ(classify_link("y/", "/toolkit/a/", k_base, "/toolkit/b/").path, "/b/y/");
    Target t = classify_link("y/", "/toolkit/a/", k_base, "https://elsewhere.org/docs/");
    EXPECT_EQ(t.kind, Target::Kind::External);
    EXPECT_EQ(t.path, "https://elsewhere.org/docs/y/");
}

TEST(CheckTarget, ResolvesSitePathsToFiles) {
    SiteFiles files;
    files.add_file("index.html");
    files.add_file("x/index.html");
    files.add_dir("x");
    files.add_file("x/diagram.png");
    files.add_dir("empty");
    EXPECT_EQ(files.resolve("/"), "index.html");
    EXPECT_EQ(files.resolve("/x/"), "x/index.html");
    EXPECT_EQ(files.resolve("/x"), "x/index.html");  // servers redirect /x to /x/
    EXPECT_EQ(files.resolve("/x/diagram.png"), "x/diagram.png");
    EXPECT_FALSE(files.resolve("/y/"));
    EXPECT_FALSE(files.resolve("/empty/"));
    EXPECT_FALSE(files.resolve("/x/diagram.png/"));
    EXPECT_EQ(SiteFiles::expected_file("/y/"), "y/index.html");
}

TEST(CheckTarget, ServedUrlsCarryTheBasePath) {
    EXPECT_EQ(served_url("index.html", k_base), "/toolkit/");
    EXPECT_EQ(served_url("strategy/x/index.html", k_base), "/toolkit/strategy/x/");
    EXPECT_EQ(served_url("404.html", k_base), "/toolkit/404.html");
}

TEST(CheckTarget, RemovesDotSegments) {
    EXPECT_EQ(remove_dot_segments("/a/b/../c"), "/a/c");
    EXPECT_EQ(remove_dot_segments("/a/./b/."), "/a/b/");
    EXPECT_EQ(remove_dot_segments("/a/.."), "/");
    EXPECT_EQ(remove_dot_segments("/../.."), "/");
}
