// External link checks against a server on 127.0.0.1 started by the test: no other network.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <boost/filesystem.hpp>
#include <chrono>
#include <thread>

#include "check/external_check.h"
#include "check/http_probe.h"
#include "util/fs.h"

using namespace tk;

namespace {

class TestServer {
public:
    TestServer() {
        m_server.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
        while (!m_server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~TestServer() {
        m_server.stop();
        m_thread.join();
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }
    int max_in_flight() const { return m_max_in_flight; }
    int requests(const std::string& path) {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_counts[path];
    }

private:
    void handle(const httplib::Request& req, httplib::Response& res) {
        int now = ++m_in_flight;
        for (int m = m_max_in_flight; now > m && !m_max_in_flight.compare_exchange_weak(m, now);) {}
        int count;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            count = ++m_counts[req.path];
        }
        const std::string& p = req.path;
        bool head = req.method == "HEAD";
        if (p == "/ok" || p.rfind("/slow", 0) == 0) {
            if (p.rfind("/slow", 0) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            res.status = 200;
        } else if (p == "/no-head") {
            res.status = head ? 405 : 200;
        } else if (p == "/moved") {
            res.status = 301;
            res.set_header("Location", "/ok");
        } else if (p == "/wall") {
            res.status = 403;
        } else if (p == "/flaky") {
            res.status = count == 1 ? 503 : 200;
        } else if (p == "/hang") {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            res.status = 200;
        } else {
            res.status = 404;
        }
        res.set_content("<!DOCTYPE html><title>t</title>", "text/html");
        --m_in_flight;
    }

    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::atomic<int> m_in_flight{0};
    std::atomic<int> m_max_in_flight{0};
    std::mutex m_mutex;
    std::map<std::string, int> m_counts;
};

ProbeOptions fast_options() {
    ProbeOptions o;
    o.timeout_ms = 700;
    o.retries = 1;
    o.backoff_ms = 10;
    return o;
}

}  // namespace

TEST(CheckExternal, ProbesWithHeadThenGetRedirectsAndRetries) {
    TestServer server;
    std::vector<std::string> urls;
    for (const char* p : {"/ok", "/gone", "/no-head", "/moved", "/wall", "/flaky", "/hang"}) urls.push_back(server.url(p));
    std::vector<ProbeProgress> progress;
    auto r = probe_urls(urls, fast_options(), [&](const ProbeProgress& p) { progress.push_back(p); });
    ASSERT_EQ(r.size(), urls.size());
    EXPECT_EQ(r[0].http_status, 200);
    EXPECT_FALSE(r[0].used_get);
    EXPECT_EQ(r[0].attempts, 1);
    EXPECT_EQ(r[1].http_status, 404);
    EXPECT_TRUE(r[1].used_get);  // HEAD 404 is asked again with GET before it counts
    EXPECT_EQ(r[2].http_status, 200);
    EXPECT_TRUE(r[2].used_get);
    EXPECT_EQ(r[3].http_status, 200);
    EXPECT_EQ(r[3].final_url, server.url("/ok"));
    EXPECT_EQ(r[3].redirects, 1);
    EXPECT_EQ(r[4].http_status, 403);
    EXPECT_EQ(r[5].http_status, 200);  // 503, then a retry after the backoff
    EXPECT_EQ(r[5].attempts, 2);
    EXPECT_EQ(r[6].http_status, 0);    // timed out, twice
    EXPECT_EQ(r[6].attempts, 2);
    EXPECT_FALSE(r[6].error.empty());
    ASSERT_FALSE(progress.empty());
    EXPECT_EQ(progress.back().done, urls.size());
    EXPECT_EQ(progress.back().total, urls.size());
}

TEST(CheckExternal, KeepsToTheLimitPerHost) {
    TestServer server;
    std::vector<std::string> urls;
    for (int i = 0; i < 12; ++i) urls.push_back(server.url("/slow/" + std::to_string(i)));
    ProbeOptions o = fast_options();
    o.per_host = 2;
    auto r = probe_urls(urls, o);
    for (const auto& x : r) EXPECT_EQ(x.http_status, 200);
    EXPECT_LE(server.max_in_flight(), 2);
    EXPECT_GE(server.max_in_flight(), 1);
}

TEST(CheckExternal, CachesWhatWorksAndAsksAgainWhatIsBroken) {
    TestServer server;
    std::string cache = (boost::filesystem::temp_directory_path() / boost::filesystem::unique_path("links-%%%%%%%%.json")).string();
    ExternalUses uses;
    for (const char* p : {"/ok", "/gone", "/wall", "/moved"}) uses[server.url(p)].push_back({"/", "a", "href", server.url(p), 3, {}});
    uses["https://skipped.example.org/x"].push_back({"/", "a", "href", "https://skipped.example.org/x", 4, {}});
    ExternalOptions o;
    o.probe = fast_options();
    o.exclude.add("skipped.example.org");
    o.cache_path = cache;
    o.now = 1'000'000;
    Diagnostics diags;

    CheckReport first;
    check_external(uses, o, first, diags);
    EXPECT_EQ(first.summary.external_links, 5u);
    EXPECT_EQ(first.summary.external_excluded, 1u);
    EXPECT_EQ(first.summary.external_checked, 4u);
    EXPECT_EQ(first.summary.external_cached, 0u);
    ASSERT_EQ(first.findings.size(), 3u);
    EXPECT_EQ(first.findings[0].status, LinkStatus::Broken);
    EXPECT_EQ(first.findings[0].target, server.url("/gone"));
    EXPECT_EQ(first.findings[0].reason, "HTTP 404");
    EXPECT_EQ(first.findings[1].status, LinkStatus::Blocked);
    EXPECT_EQ(first.findings[2].status, LinkStatus::Redirected);
    EXPECT_EQ(first.findings[2].final_url, server.url("/ok"));

    CheckReport second;
    check_external(uses, o, second, diags);
    EXPECT_EQ(second.summary.external_cached, 3u);
    EXPECT_EQ(second.summary.external_checked, 1u);  // only the broken one
    EXPECT_EQ(second.findings.size(), 3u);
    EXPECT_EQ(server.requests("/ok"), 2);  // once itself, once at the end of /moved: both in the first run

    o.now += 8 * 24 * 3600;  // past the maximum age: everything is asked again
    CheckReport third;
    check_external(uses, o, third, diags);
    EXPECT_EQ(third.summary.external_cached, 0u);
    EXPECT_EQ(third.summary.external_checked, 4u);
    EXPECT_EQ(diags.warning_count(), 0u) << diags.format_all();
    std::string e;
    fs::remove_all(cache, e);
}
