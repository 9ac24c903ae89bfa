#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <future>
#include <thread>

#include "serve/events.h"
#include "serve/http_server.h"
#include "serve/live_reload.h"
#include "serve/routes.h"
#include "test_support.h"
#include "util/fs.h"

using namespace tk;

namespace {

MemoryFiles site() {
    MemoryFiles f;
    for (const char* k : {"index.html", "strategy/index.html", "strategy/x/index.html", "style.1234.css", "404.html"})
        f[k] = {std::make_shared<const std::string>("x"), ""};
    f["strategy/diagram.png"] = {nullptr, "/site/content/strategy/diagram.png"};
    return f;
}

}  // namespace

TEST(ServeRoutes, PrettyUrlsUnderTheBasePath) {
    auto files = site();
    Route r = route("/toolkit/strategy/x/", "/toolkit/", files);
    EXPECT_EQ(r.kind, Route::File);
    EXPECT_EQ(r.key, "strategy/x/index.html");
    EXPECT_EQ(route("/toolkit/", "/toolkit/", files).key, "index.html");
    EXPECT_EQ(route("/toolkit/style.1234.css", "/toolkit/", files).key, "style.1234.css");
    EXPECT_EQ(route("/toolkit/strategy/diagram.png", "/toolkit/", files).key, "strategy/diagram.png");

    r = route("/toolkit/strategy/x", "/toolkit/", files);
    EXPECT_EQ(r.kind, Route::Redirect);
    EXPECT_EQ(r.location, "/toolkit/strategy/x/");
    EXPECT_EQ(route("/", "/toolkit/", files).location, "/toolkit/");
    EXPECT_EQ(route("/toolkit", "/toolkit/", files).location, "/toolkit/");

    EXPECT_EQ(route("/strategy/x/", "/toolkit/", files).kind, Route::NotFound);  // outside the base path
    EXPECT_EQ(route("/toolkit/nothing/", "/toolkit/", files).kind, Route::NotFound);
    EXPECT_EQ(route("/strategy/x/", "/", files).key, "strategy/x/index.html");
}

TEST(ServeRoutes, NothingOutsideTheSite) {
    auto files = site();
    for (const char* bad : {"/toolkit/../etc/passwd", "/toolkit/strategy/../../x", "/toolkit/./index.html",
                            "/toolkit//etc/passwd", "//etc/passwd", "/toolkit/..", "toolkit/index.html",
                            "http://example.org/toolkit/", "/toolkit/a\\..\\b", ""}) {
        SCOPED_TRACE(bad);
        EXPECT_FALSE(safe_path(bad));
        EXPECT_EQ(route(bad, "/toolkit/", files).kind, Route::NotFound);
    }
    EXPECT_FALSE(safe_path(std::string("/toolkit/a\0b", 12)));
    EXPECT_TRUE(safe_path("/toolkit/a..b/c.d/"));
}

TEST(ServeRoutes, ContentTypes) {
    EXPECT_EQ(content_type("a/index.html"), "text/html; charset=utf-8");
    EXPECT_EQ(content_type("style.1234.css"), "text/css; charset=utf-8");
    EXPECT_EQ(content_type("site.js"), "text/javascript; charset=utf-8");
    EXPECT_EQ(content_type("whats-new/feed.xml"), "application/atom+xml");
    EXPECT_EQ(content_type("sitemap.xml"), "application/xml");
    EXPECT_EQ(content_type("x/PLAN.PDF"), "application/pdf");
    EXPECT_EQ(content_type("x.svg"), "image/svg+xml");
    EXPECT_EQ(content_type("search/index.json"), "application/json");
    EXPECT_EQ(content_type("x.unknown"), "application/octet-stream");
}

TEST(ServeRoutes, CopiedFilesOnlyFromInsideTheSite) {
    test::TempDir tmp;
    test::write_text(tmp / "site/content/a.png", "png");
    test::write_text(tmp / "outside.txt", "secret");
    boost::filesystem::create_symlink(tmp / "outside.txt", tmp / "site/content/link.png");
    std::vector<std::string> roots = {fs::absolute(tmp / "site/content")};
    EXPECT_TRUE(inside_roots(tmp / "site/content/a.png", roots));
    EXPECT_FALSE(inside_roots(tmp / "site/content/link.png", roots));
    EXPECT_FALSE(inside_roots(tmp / "site/content/../../outside.txt", roots));
    EXPECT_FALSE(inside_roots(tmp / "site/contentx/a.png", roots));
}

TEST(ServeLiveReload, ScriptGoesBeforeTheBodyEnds) {
    EXPECT_EQ(inject_live_reload("<html><body><p>x</p></body></html>", 7),
              "<html><body><p>x</p><script src=\"/__toolkit/livereload.js\" data-build=\"7\"></script>\n</body></html>");
    EXPECT_EQ(inject_live_reload("<p>fragment</p>", 1),
              "<p>fragment</p><script src=\"/__toolkit/livereload.js\" data-build=\"1\"></script>\n");
    // The overlay builds its DOM from text: no innerHTML anywhere in the script.
    EXPECT_EQ(live_reload_script().find("innerHTML"), std::string::npos);
    EXPECT_NE(live_reload_script().find("textContent"), std::string::npos);
    EXPECT_NE(live_reload_script().find("new EventSource(base + \"events\")"), std::string::npos);
}

TEST(ServeLiveReload, ErrorsAsJson) {
    // Set field by field: g++ 12 warns falsely (-Wmaybe-uninitialized) on a Diagnostic made by
    // aggregate initialisation and then copied.
    auto error = [](std::string path, int line, int col, std::string message, std::string source) {
        Diagnostic d;
        d.loc.path = std::move(path);
        d.loc.line = line;
        d.loc.col = col;
        d.message = std::move(message);
        d.source_line = std::move(source);
        return std::vector<Diagnostic>{d};
    };
    EXPECT_EQ(errors_json(error("content/a.md", 2, 3, "unknown key 'titel' (did you mean 'title'?)", "titel = \"<A>\""), 4),
              "{\"build\":4,\"errors\":[{\"caret\":\"  ^\",\"col\":3,\"file\":\"content/a.md\",\"line\":2,"
              "\"location\":\"content/a.md:2:3\",\"message\":\"unknown key 'titel' (did you mean 'title'?)\","
              "\"severity\":\"error\",\"source\":\"titel = \\\"<A>\\\"\"}]}");
    EXPECT_EQ(errors_json(error("content/b.md", 0, 0, "cannot read file", ""), 1),
              "{\"build\":1,\"errors\":[{\"caret\":\"\",\"col\":0,\"file\":\"content/b.md\",\"line\":0,"
              "\"location\":\"content/b.md\",\"message\":\"cannot read file\",\"severity\":\"error\",\"source\":\"\"}]}");
    EXPECT_EQ(errors_json({}, 2), "{\"build\":2,\"errors\":[]}");
}

TEST(ServeEvents, LatestEventReachesEveryWaitingClient) {
    EXPECT_EQ(EventHub::format("reload", "3"), "event: reload\ndata: 3\n\n");
    EXPECT_EQ(EventHub::format("errors", "a\nb"), "event: errors\ndata: a\ndata: b\n\n");
    EventHub hub;
    uint64_t seen = hub.sequence();
    std::string out;
    EXPECT_TRUE(hub.wait(seen, std::chrono::milliseconds(1), out));
    EXPECT_EQ(out, "");  // nothing new: a keep-alive is due
    std::thread t([&] { hub.publish("reload", "2"); });
    EXPECT_TRUE(hub.wait(seen, std::chrono::seconds(10), out));
    t.join();
    EXPECT_EQ(out, "event: reload\ndata: 2\n\n");
    hub.publish("errors", "1");
    hub.publish("reload", "3");
    EXPECT_TRUE(hub.wait(seen, std::chrono::seconds(10), out));
    EXPECT_EQ(out, "event: reload\ndata: 3\n\n");  // only the latest matters
    hub.stop();
    EXPECT_FALSE(hub.wait(seen, std::chrono::seconds(10), out));
}

// cpp-httplib 0.11's stop() does nothing until the server runs: a stop that came right after
// start() used to leave the listening thread waiting for ever, and serve with it.
TEST(PreviewServerStart, AStopRightAfterStartReturns) {
    for (int i = 0; i < 25; ++i) {
        EventHub hub;
        PreviewServer server(hub);
        std::string err;
        ASSERT_GT(server.bind("127.0.0.1", 0, err), 0) << err;
        std::promise<void> stopped;
        auto done = stopped.get_future();
        std::thread t([&] {
            server.start();
            server.stop();
            stopped.set_value();
        });
        if (done.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
            std::fprintf(stderr, "stop() after start() did not return (round %d)\n", i);
            std::_Exit(1);  // the thread still holds the server: no orderly way on
        }
        t.join();
    }
}
