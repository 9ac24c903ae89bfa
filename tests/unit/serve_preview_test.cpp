// `toolkit serve` end to end: the real binary on a free port, a temporary copy of a fixture site
// edited, renamed and broken while it runs, and what a browser would see over HTTP.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <regex>
#include <thread>

#include "test_support.h"
#include "util/fs.h"
#include "util/strings.h"

using namespace tk;
using namespace tk::test;

namespace {

/// Polls `ok` until it holds or a generous deadline passes (a timeout, not a timing assertion).
bool eventually(const std::function<bool()>& ok) {
    for (int i = 0; i < 400; ++i) {
        if (ok()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return ok();
}

class ServeProcess {
public:
    ServeProcess(const std::string& dir, const std::string& args) : m_dir(dir) {
        static int count = 0;
        m_log = dir + "/.serve-" + std::to_string(++count);
        std::string cmd = "cd " + q(dir) + " && exec " + q(TOOLKIT_BINARY) + " serve " + args + " >" + q(m_log + ".out") +
                          " 2>" + q(m_log + ".err");
        m_pid = fork();
        if (m_pid == 0) {
            execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
    }
    ~ServeProcess() {
        if (m_pid > 0) stop(SIGKILL);
    }
    /// Waits for "Serving http://127.0.0.1:PORT/..." and returns the port (0 if it never came).
    int wait_ready() {
        std::smatch m;
        eventually([&] {
            std::string o = out();
            return std::regex_search(o, m, std::regex(R"(Serving http://127\.0\.0\.1:(\d+)/)")) || exited();
        });
        std::string o = out();
        if (!std::regex_search(o, m, std::regex(R"(Serving http://127\.0\.0\.1:(\d+)/)"))) return 0;
        return std::stoi(m[1]);
    }
    /// Sends `sig` and returns the exit status.
    int stop(int sig = SIGTERM) {
        if (m_pid <= 0) return m_status;
        kill(m_pid, sig);
        int status = 0;
        waitpid(m_pid, &status, 0);
        m_pid = -1;
        m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        return m_status;
    }
    bool exited() {
        int status = 0;
        if (m_pid > 0 && waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            m_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        return m_pid <= 0;
    }
    std::string out() const { return read_text(m_log + ".out"); }
    std::string err() const { return read_text(m_log + ".err"); }

private:
    std::string m_dir;
    std::string m_log;
    pid_t m_pid = -1;
    int m_status = -1;
};

/// The live-reload event stream, as a browser's EventSource reads it.
class EventStream {
public:
    explicit EventStream(int port) : m_client("127.0.0.1", port) {
        m_client.set_read_timeout(std::chrono::seconds(60));
        m_thread = std::thread([this] {
            m_client.Get("/__toolkit/events", [this](const char* data, size_t len) {
                std::lock_guard lock(m_mutex);
                m_buffer.append(data, len);
                for (size_t end; (end = m_buffer.find("\n\n")) != std::string::npos;) {
                    std::string block = m_buffer.substr(0, end);
                    m_buffer.erase(0, end + 2);
                    std::smatch m;
                    if (std::regex_search(block, m, std::regex(R"(event: (\w+)\ndata: (.*))"))) m_events.push_back(m[1]);
                }
                m_cv.notify_all();
                return !m_closing;
            });
        });
    }
    ~EventStream() {
        m_closing = true;
        m_client.stop();
        if (m_thread.joinable()) m_thread.join();
    }
    size_t count() {
        std::lock_guard lock(m_mutex);
        return m_events.size();
    }
    /// Waits for an event named `name` after the first `after` events; true if it came.
    bool wait(const std::string& name, size_t after) {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, std::chrono::seconds(20), [&] {
            for (size_t i = after; i < m_events.size(); ++i)
                if (m_events[i] == name) return true;
            return false;
        });
    }

private:
    httplib::Client m_client;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::string m_buffer;
    std::vector<std::string> m_events;
    std::atomic<bool> m_closing{false};
};

/// Sends a request exactly as written (no client normalises the path) and returns the status line.
std::string raw_request(int port, const std::string& request) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        close(fd);
        return "connect failed";
    }
    [[maybe_unused]] ssize_t w = write(fd, request.data(), request.size());
    std::string reply;
    char buf[4096];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) reply.append(buf, size_t(n));
    close(fd);
    return reply.substr(0, reply.find("\r\n"));
}

void replace_in(const std::string& path, const std::string& from, const std::string& to) {
    std::string text = read_text(path);
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    write_text(path, text);
}

std::string strip_script(std::string html) {
    std::regex script(R"(<script src="/__toolkit/livereload\.js" data-build="\d+"></script>\n)");
    return std::regex_replace(html, script, "");
}

}  // namespace

TEST(ServePreview, EditsRenamesDeletionsAndErrorsReachTheBrowser) {
    TempDir tmp;
    std::string site = tmp / "site";
    copy_fixture("basic", site);
    write_text(site + "/content/strategy/later.md",
               "+++\ntitle = \"Coming later\"\nsummary = \"Not yet.\"\naudiences = [\"digital\"]\n"
               "last_reviewed = 2026-11-01\ndraft = true\n+++\n\nSoon.\n");
    write_text(tmp / "outside.txt", "a secret outside the site");
    boost::filesystem::create_symlink(tmp / "outside.txt", site + "/content/strategy/leak.txt");
    write_text(site + "/content/strategy/plan.txt", "a file beside the pages");

    ServeProcess serve(site, "--port 0");
    int port = serve.wait_ready();
    ASSERT_GT(port, 0) << serve.out() << serve.err();
    httplib::Client http("127.0.0.1", port);

    // Pages, pretty URLs and the base path, as on the published site; drafts shown and marked.
    auto page = http.Get("/toolkit/strategy/problem/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(page->body.find("<h1>Start from the problem</h1>"), std::string::npos);
    EXPECT_NE(page->body.find("<script src=\"/__toolkit/livereload.js\" data-build=\"1\"></script>\n</body>"),
              std::string::npos);
    auto draft = http.Get("/toolkit/strategy/later/");
    ASSERT_TRUE(draft);
    EXPECT_NE(draft->body.find("<p class=\"draft\">Draft</p>"), std::string::npos);
    auto root = http.Get("/");
    ASSERT_TRUE(root);
    EXPECT_EQ(root->status, 302);
    EXPECT_EQ(root->get_header_value("Location"), "/toolkit/");
    auto slashless = http.Get("/toolkit/strategy/problem");
    EXPECT_EQ(slashless->status, 302);
    EXPECT_EQ(slashless->get_header_value("Location"), "/toolkit/strategy/problem/");
    std::smatch css;
    ASSERT_TRUE(std::regex_search(page->body, css, std::regex(R"re(href="(/toolkit/style\.[0-9a-f]+\.css)")re")));
    EXPECT_EQ(http.Get(css[1].str())->get_header_value("Content-Type"), "text/css; charset=utf-8");
    EXPECT_EQ(http.Get("/toolkit/whats-new/feed.xml")->get_header_value("Content-Type"), "application/atom+xml");
    EXPECT_EQ(http.Get("/toolkit/strategy/plan.txt")->body, "a file beside the pages");
    EXPECT_EQ(http.Get("/__toolkit/livereload.js")->get_header_value("Content-Type"), "text/javascript; charset=utf-8");

    // Safety: nothing outside the site, only GET and HEAD.
    EXPECT_EQ(http.Get("/toolkit/strategy/leak.txt")->status, 404);  // a symlink that leads outside
    for (const char* path : {"/toolkit/../../../../etc/passwd", "/toolkit/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                             "/toolkit/%2E%2E%2F%2E%2E%2Fetc/passwd", "//etc/passwd", "/toolkit//etc/passwd",
                             "/toolkit/strategy/..%2f..%2f..%2fetc/passwd"}) {
        SCOPED_TRACE(path);
        EXPECT_EQ(raw_request(port, std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                  "HTTP/1.1 404 Not Found");
    }
    EXPECT_EQ(raw_request(port, "GET http://example.org/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
              "HTTP/1.1 404 Not Found");
    auto post = http.Post("/toolkit/", "x", "text/plain");
    EXPECT_EQ(post->status, 405);
    EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
    EXPECT_EQ(http.Delete("/toolkit/")->status, 405);
    auto head = http.Head("/toolkit/strategy/problem/");
    EXPECT_EQ(head->status, 200);
    EXPECT_EQ(head->body, "");

    EventStream events(port);
    ASSERT_TRUE(events.wait("hello", 0));

    // An edit: a reload event, then the new text.
    size_t seen = events.count();
    replace_in(site + "/content/strategy/problem.md", "Talk to them.", "Talk to them every week.");
    ASSERT_TRUE(events.wait("reload", seen)) << serve.err();
    EXPECT_NE(http.Get("/toolkit/strategy/problem/")->body.find("Talk to them every week."), std::string::npos);

    // A rename: the old URL is gone at once, the new one is there.
    seen = events.count();
    boost::filesystem::rename(site + "/content/preparation/register.md", site + "/content/preparation/ledger.md");
    replace_in(site + "/content/preparation/pipeline.md", "(register.md)", "(ledger.md)");
    ASSERT_TRUE(eventually([&] { return http.Get("/toolkit/preparation/ledger/")->status == 200; })) << serve.err();
    EXPECT_EQ(http.Get("/toolkit/preparation/register/")->status, 404);
    EXPECT_NE(http.Get("/toolkit/preparation/register/")->body.find("Page not found"), std::string::npos);
    EXPECT_TRUE(events.wait("reload", seen));

    // A deletion, with its alias.
    replace_in(site + "/content/preparation/pipeline.md", "related = [\"preparation/finder\"]\n", "");
    boost::filesystem::remove(site + "/content/preparation/finder.md");
    ASSERT_TRUE(eventually([&] { return http.Get("/toolkit/preparation/finder/")->status == 404; })) << serve.err();
    EXPECT_EQ(http.Get("/toolkit/old/finder/")->status, 404);

    // A typo in front matter: every page shows the errors (the overlay reads errors.json), the
    // terminal says the same, and the last good build stays up.
    seen = events.count();
    replace_in(site + "/content/strategy/problem.md", "title = \"Start", "titel = \"Start");
    ASSERT_TRUE(events.wait("errors", seen)) << serve.err();
    auto errors = http.Get("/__toolkit/errors.json");
    EXPECT_EQ(errors->get_header_value("Content-Type"), "application/json");
    EXPECT_NE(errors->body.find("\"location\":\"content/strategy/problem.md:2:1\",\"message\":\"unknown key 'titel' "
                                "(did you mean 'title'?)\",\"severity\":\"error\",\"source\":\"titel = \\\"Start from the "
                                "problem\\\"\""),
              std::string::npos)
        << errors->body;
    // The typo is the only error: the page stays in the tree, so the pages that link to it
    // (pipeline.md does) report nothing.
    EXPECT_EQ(errors->body.find("content/preparation/pipeline.md"), std::string::npos) << errors->body;
    size_t reported = 0;
    for (size_t at = 0; (at = errors->body.find("\"severity\":\"error\"", at)) != std::string::npos; ++at) ++reported;
    EXPECT_EQ(reported, 1u) << errors->body;
    EXPECT_TRUE(eventually([&] {
        return serve.err().find("content/strategy/problem.md:2:1: error: unknown key 'titel' (did you mean 'title'?)\n"
                                "  titel = \"Start from the problem\"\n  ^\n") != std::string::npos;
    })) << serve.err();
    auto still = http.Get("/toolkit/strategy/problem/");
    EXPECT_EQ(still->status, 200);
    EXPECT_NE(still->body.find("Talk to them every week."), std::string::npos);
    EXPECT_NE(still->body.find("/__toolkit/livereload.js"), std::string::npos);

    // Fixing it clears the errors and reloads the pages.
    seen = events.count();
    replace_in(site + "/content/strategy/problem.md", "titel = \"Start", "title = \"Start");
    ASSERT_TRUE(events.wait("reload", seen)) << serve.err();
    EXPECT_NE(http.Get("/__toolkit/errors.json")->body.find("\"errors\":[]"), std::string::npos);

    // After all that, the served site is what a full build of the same files gives.
    std::string err;
    ASSERT_EQ(sh("cd " + q(site) + " && " + q(TOOLKIT_BINARY) + " build --drafts --quiet -o " + q(tmp / "full") + " 2>&1",
                 &err),
              0)
        << err;
    std::vector<std::string> walk_errors;
    size_t compared = 0;
    for (const auto& e : fs::walk(tmp / "full", walk_errors)) {
        if (e.is_dir || e.rel == "strategy/leak.txt") continue;
        std::string url = "/toolkit/" + e.rel;
        if (ends_with(url, "/index.html")) url.resize(url.size() - 10);
        auto res = http.Get(url);
        ASSERT_TRUE(res) << url;
        EXPECT_EQ(res->status, 200) << url;
        EXPECT_EQ(strip_script(res->body), read_text(tmp / ("full/" + e.rel))) << url;
        ++compared;
    }
    EXPECT_GT(compared, 15u);

    // Ctrl-C (or SIGTERM) stops it cleanly.
    EXPECT_EQ(serve.stop(SIGINT), 0);
    EXPECT_NE(serve.out().find("Stopping."), std::string::npos);
}

TEST(ServePreview, StaysUpWhenTheFirstBuildFails) {
    TempDir tmp;
    std::string site = tmp / "site";
    copy_fixture("basic", site);
    replace_in(site + "/content/strategy/problem.md", "title = \"Start", "titel = \"Start");
    ServeProcess serve(site, "--port 0 --poll");
    int port = serve.wait_ready();
    ASSERT_GT(port, 0) << serve.err();
    EXPECT_NE(serve.out().find("(polling)"), std::string::npos);
    httplib::Client http("127.0.0.1", port);
    auto page = http.Get("/toolkit/");
    EXPECT_EQ(page->status, 503);
    EXPECT_NE(page->body.find("The site could not be built"), std::string::npos);
    EXPECT_NE(page->body.find("/__toolkit/livereload.js"), std::string::npos);
    EXPECT_NE(http.Get("/__toolkit/errors.json")->body.find("unknown key 'titel'"), std::string::npos);

    EventStream events(port);
    ASSERT_TRUE(events.wait("hello", 0));
    size_t seen = events.count();
    replace_in(site + "/content/strategy/problem.md", "titel = \"Start", "title = \"Start");
    ASSERT_TRUE(events.wait("reload", seen)) << serve.err();
    EXPECT_EQ(http.Get("/toolkit/")->status, 200);
    EXPECT_NE(http.Get("/__toolkit/errors.json")->body.find("\"errors\":[]"), std::string::npos);
    EXPECT_EQ(serve.stop(SIGTERM), 0);
}

TEST(ServePreview, SaysSoWhenNotOnlyThisMachineCanSeeIt) {
    TempDir tmp;
    copy_fixture("basic", tmp / "site");
    ServeProcess loopback(tmp / "site", "--port 0");
    ASSERT_GT(loopback.wait_ready(), 0);
    EXPECT_EQ(loopback.err().find("warning: listening on"), std::string::npos);
    EXPECT_EQ(loopback.stop(), 0);

    ServeProcess any(tmp / "site", "--port 0 --bind 0.0.0.0");
    ASSERT_GT(any.wait_ready(), 0);
    EXPECT_NE(any.err().find("warning: listening on 0.0.0.0, not just this machine"), std::string::npos);
    EXPECT_EQ(any.stop(), 0);
}

TEST(ServePreview, APortInUseIsAUsageError) {
    TempDir tmp;
    copy_fixture("basic", tmp / "site");
    ServeProcess first(tmp / "site", "--port 0");
    int port = first.wait_ready();
    ASSERT_GT(port, 0);
    ServeProcess second(tmp / "site", "--port " + std::to_string(port));
    EXPECT_TRUE(eventually([&] { return second.exited(); }));
    EXPECT_EQ(second.stop(), 2);
    EXPECT_NE(second.err().find("error: cannot listen on 127.0.0.1:" + std::to_string(port)), std::string::npos);
    EXPECT_EQ(first.stop(), 0);
}
