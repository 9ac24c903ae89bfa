// Both watchers see saves, new folders, renames, deletions and config.toml, once a burst settles.
#include <gtest/gtest.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "serve/watcher.h"
#include "test_support.h"

using namespace tk;

namespace {

class Recorder {
public:
    void operator()(const std::vector<std::string>& changed) {
        std::lock_guard lock(m_mutex);
        m_bursts.push_back(changed);
        m_cv.notify_all();
    }
    /// Waits (up to a generous timeout, not a timing assertion) for a burst naming `path`.
    bool wait_for(const std::string& path) {
        std::unique_lock lock(m_mutex);
        return m_cv.wait_for(lock, std::chrono::seconds(20), [&] {
            for (const auto& b : m_bursts)
                for (const auto& p : b)
                    if (p.find(path) != std::string::npos) return true;
            return false;
        });
    }
    size_t bursts() {
        std::lock_guard lock(m_mutex);
        return m_bursts.size();
    }
    void clear() {
        std::lock_guard lock(m_mutex);
        m_bursts.clear();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    std::vector<std::vector<std::string>> m_bursts;
};

void exercise(std::unique_ptr<Watcher> w, const test::TempDir& tmp) {
    Recorder rec;
    w->start([&](const std::vector<std::string>& c) { rec(c); });

    test::write_text(tmp / "site/content/a.md", "changed");
    EXPECT_TRUE(rec.wait_for("content/a.md"));

    // A burst of saves is reported together, once it has settled.
    rec.clear();
    for (int i = 0; i < 5; ++i) test::write_text(tmp / "site/content/b.md", "b" + std::to_string(i));
    test::write_text(tmp / "site/content/c.md", "c");
    EXPECT_TRUE(rec.wait_for("content/c.md"));
    EXPECT_TRUE(rec.wait_for("content/b.md"));

    // A new folder and a file in it, a rename, a deletion.
    test::write_text(tmp / "site/content/new/d.md", "d");
    EXPECT_TRUE(rec.wait_for("new/d.md"));
    test::write_text(tmp / "site/content/new/e.md", "e");  // inside the folder made after start
    EXPECT_TRUE(rec.wait_for("new/e.md"));
    boost::filesystem::rename(tmp / "site/content/a.md", tmp / "site/content/renamed.md");
    EXPECT_TRUE(rec.wait_for("renamed.md"));
    boost::filesystem::remove(tmp / "site/content/c.md");
    rec.clear();
    test::write_text(tmp / "site/content/z.md", "z");
    EXPECT_TRUE(rec.wait_for("z.md"));

    // config.toml, saved as editors do (a new file renamed over the old one); other files beside it are ignored.
    rec.clear();
    test::write_text(tmp / "site/notes.txt", "not watched");
    test::write_text(tmp / "site/config.toml.tmp", "title = \"B\"\n");
    boost::filesystem::rename(tmp / "site/config.toml.tmp", tmp / "site/config.toml");
    EXPECT_TRUE(rec.wait_for("config.toml"));

    // A folder added while running (the theme named by a changed config).
    test::write_text(tmp / "theme/templates/page.mustache", "x");
    w->add_dir(tmp / "theme");
    test::write_text(tmp / "theme/templates/page.mustache", "y");
    EXPECT_TRUE(rec.wait_for("page.mustache"));
    w->stop();
    w->stop();  // twice is fine
}

WatchOptions options(const test::TempDir& tmp, bool poll) {
    test::write_text(tmp / "site/content/a.md", "a");
    test::write_text(tmp / "site/config.toml", "title = \"A\"\n");
    WatchOptions o;
    o.dirs = {tmp / "site/content"};
    o.files = {tmp / "site/config.toml"};
    o.poll = poll;
    o.poll_interval = std::chrono::milliseconds(50);
    return o;
}

}  // namespace

TEST(ServeWatcher, Inotify) {
    test::TempDir tmp;
    auto w = make_watcher(options(tmp, false));
#ifdef __linux__
    EXPECT_STREQ(w->kind(), "inotify");
#endif
    exercise(std::move(w), tmp);
}

TEST(ServeWatcher, Polling) {
    test::TempDir tmp;
    auto w = make_watcher(options(tmp, true));
    EXPECT_STREQ(w->kind(), "polling");
    exercise(std::move(w), tmp);
}

#ifdef __linux__
namespace {

/// Records start_prepared's calls: each prepare gets a number; publishing records that number.
struct Prepared {
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<std::vector<std::string>> prepared;
    std::vector<size_t> published;
    std::vector<std::chrono::steady_clock::time_point> published_at;
    std::function<void(size_t)> during_prepare;  // called inside prepare n (without the lock)

    Watcher::Publish prepare(const std::vector<std::string>& changed) {
        size_t n;
        {
            std::lock_guard lock(mutex);
            prepared.push_back(changed);
            n = prepared.size();
        }
        if (during_prepare) during_prepare(n);
        return [this, n] {
            std::lock_guard lock(mutex);
            published.push_back(n);
            published_at.push_back(std::chrono::steady_clock::now());
            cv.notify_all();
        };
    }
    bool wait_published(size_t count) {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, std::chrono::seconds(20), [&] { return published.size() >= count; });
    }
};

/// An inotify watcher on `tmp`'s site with this settle time, started with `rec` as its prepare.
std::unique_ptr<Watcher> start_prepared(test::TempDir& tmp, std::chrono::milliseconds settle, Prepared& rec) {
    WatchOptions o = options(tmp, false);
    o.settle = settle;
    auto w = make_watcher(o);
    w->start_prepared([&rec](const std::vector<std::string>& c) { return rec.prepare(c); });
    return w;
}

bool names(const std::vector<std::string>& changed, const std::string& part) {
    for (const auto& c : changed)
        if (c.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST(ServeWatcher, PreparesAtOnceAndPublishesOnlyAfterTheBurstSettles) {
    test::TempDir tmp;
    const std::chrono::milliseconds settle(300);
    Prepared rec;
    auto w = start_prepared(tmp, settle, rec);
    // Saved as many editors do, by a rename into place: one event. A write in place is several
    // (create, modify, close), which a loaded machine may deliver apart, and each later one would
    // rightly drop the prepared build and prepare again.
    test::write_text(tmp / "a.md.new", "changed");
    auto saved = std::chrono::steady_clock::now();
    ASSERT_EQ(std::rename((tmp / "a.md.new").c_str(), (tmp / "site/content/a.md").c_str()), 0);
    ASSERT_TRUE(rec.wait_published(1));
    std::lock_guard lock(rec.mutex);
    ASSERT_EQ(rec.prepared.size(), 1u);
    EXPECT_TRUE(names(rec.prepared[0], "content/a.md"));
    EXPECT_EQ(rec.published, std::vector<size_t>{1});
    // Published no sooner than the settle time after the save (a lower bound, not a speed test).
    EXPECT_GE(rec.published_at[0] - saved, settle);
    w->stop();
}

TEST(ServeWatcher, ASaveDuringThePreparedBuildDropsItAndBuildsAgain) {
    test::TempDir tmp;
    Prepared rec;
    // While the first build runs, another file is saved.
    rec.during_prepare = [&](size_t n) {
        if (n == 1) test::write_text(tmp / "site/content/b.md", "saved during the build");
    };
    auto w = start_prepared(tmp, std::chrono::milliseconds(200), rec);
    test::write_text(tmp / "site/content/a.md", "changed");
    ASSERT_TRUE(rec.wait_published(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // nothing more may come
    std::lock_guard lock(rec.mutex);
    ASSERT_EQ(rec.prepared.size(), 2u);
    EXPECT_TRUE(names(rec.prepared[1], "content/a.md"));
    EXPECT_TRUE(names(rec.prepared[1], "content/b.md"));
    EXPECT_EQ(rec.published, std::vector<size_t>{2});  // the first build was never published
    w->stop();
}
#endif
