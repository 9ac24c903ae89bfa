#include <gtest/gtest.h>

#include "check/external_check.h"
#include "check/report.h"

using namespace tk;

namespace {
CheckReport sample() {
    CheckReport r;
    r.summary.pages = 2;
    r.summary.links = 1234;
    Finding redirect{LinkStatus::Redirected, true, "http://a.org/", "redirects to https://a.org/ (1 redirect): link there instead",
                     200, "https://a.org/", {{"/", "a", "href", "http://a.org/", 9, {}}}};
    Finding missing{LinkStatus::Broken, false, "/toolkit/x/", "no such page (site/x/index.html does not exist)", 0, "",
                    {{"/toolkit/b/", "a", "href", "../x/", 4, {{"content/b.md", 3, 7}}},
                     {"/toolkit/", "a", "href", "x/", 12, {}}}};
    r.findings = {redirect, missing};
    r.sort();
    return r;
}
}  // namespace

TEST(CheckReport, TextGroupsUsesByTarget) {
    EXPECT_EQ(format_text(sample()),
              "broken: /toolkit/x/\n"
              "  no such page (site/x/index.html does not exist)\n"
              "  - on /toolkit/ line 12: <a href=\"x/\">\n"
              "  - on /toolkit/b/ line 4: <a href=\"../x/\">\n"
              "      from content/b.md:3:7\n"
              "\n"
              "redirected: http://a.org/\n"
              "  redirects to https://a.org/ (1 redirect): link there instead\n"
              "  - on / line 9: <a href=\"http://a.org/\">\n"
              "\n"
              "Checked 2 pages and 1,234 links: 1 broken target, 1 redirected.\n");
}

TEST(CheckReport, JsonForMachines) {
    const char* expected = R"json({
  "findings": [
    {
      "external": false,
      "reason": "no such page (site/x/index.html does not exist)",
      "status": "broken",
      "target": "/toolkit/x/",
      "uses": [
        {
          "attribute": "href",
          "element": "a",
          "href": "x/",
          "line": 12,
          "page": "/toolkit/",
          "sources": []
        },
        {
          "attribute": "href",
          "element": "a",
          "href": "../x/",
          "line": 4,
          "page": "/toolkit/b/",
          "sources": [
            {
              "col": 7,
              "file": "content/b.md",
              "line": 3
            }
          ]
        }
      ]
    },
    {
      "external": true,
      "final_url": "https://a.org/",
      "http_status": 200,
      "reason": "redirects to https://a.org/ (1 redirect): link there instead",
      "status": "redirected",
      "target": "http://a.org/",
      "uses": [
        {
          "attribute": "href",
          "element": "a",
          "href": "http://a.org/",
          "line": 9,
          "page": "/",
          "sources": []
        }
      ]
    }
  ],
  "summary": {
    "blocked": 0,
    "broken": 1,
    "links": 1234,
    "pages": 2,
    "redirected": 1
  }
}
)json";
    EXPECT_EQ(format_json(sample()), expected);
}

TEST(CheckReport, SummaryWhenClean) {
    CheckReport r;
    r.summary.pages = 1;
    r.summary.links = 1;
    EXPECT_EQ(summary_line(r), "Checked 1 page and 1 link: nothing broken.");
    r.summary.external_enabled = true;
    r.summary.external_links = 3;
    r.summary.external_checked = 1;
    r.summary.external_cached = 1;
    r.summary.external_excluded = 1;
    EXPECT_EQ(summary_line(r), "Checked 1 page and 1 link (3 external URLs: 1 asked, 1 cached, 1 excluded): nothing broken.");
}

TEST(CheckReport, JudgesAnswers) {
    auto status = [](int code, std::string final_url = "") {
        ProbeResult r;
        r.http_status = code;
        r.final_url = std::move(final_url);
        r.redirects = r.final_url.empty() ? 0 : 2;
        auto v = judge(r);
        return v ? std::string(link_status_name(v->status)) : std::string("ok");
    };
    EXPECT_EQ(status(200), "ok");
    EXPECT_EQ(status(204), "ok");
    EXPECT_EQ(status(200, "https://b.org/"), "redirected");
    EXPECT_EQ(status(404), "broken");
    EXPECT_EQ(status(410), "broken");
    EXPECT_EQ(status(500), "broken");
    EXPECT_EQ(status(301), "broken");  // a redirect with nowhere to go
    EXPECT_EQ(status(403), "blocked");
    EXPECT_EQ(status(429), "blocked");
    EXPECT_EQ(status(999), "blocked");
    ProbeResult none;
    none.error = "Couldn't resolve host name";
    EXPECT_EQ(judge(none)->reason, "no answer: Couldn't resolve host name");
}

TEST(CheckReport, TextShowsTenUsesAndCountsTheRest) {
    CheckReport r;
    Finding f{LinkStatus::Broken, false, "/x/", "no such page", 0, "", {}};
    for (int i = 0; i < 12; ++i) f.uses.push_back({"/p" + std::to_string(10 + i) + "/", "a", "href", "/x/", 1, {}});
    r.findings = {f};
    std::string text = format_text(r);
    EXPECT_NE(text.find("  - on /p19/ line 1: <a href=\"/x/\">\n  - and on 2 more (--format json lists every one)\n\n"),
              std::string::npos)
        << text;
    EXPECT_EQ(text.find("/p20/"), std::string::npos);
    f.uses.resize(11);  // one more than ten is shown, not counted
    r.findings = {f};
    EXPECT_NE(format_text(r).find("/p20/"), std::string::npos);
}
