#include <gtest/gtest.h>

#include "git/history.h"
#include "test_support.h"

using namespace tk;
using namespace tk::test;

namespace {
// 2026-01-05T10:00:00Z and friends as seconds since the epoch.
constexpr int64_t k_jan5 = 1767607200;
constexpr int64_t k_feb1 = 1769940000;
constexpr int64_t k_mar1 = 1772359200;
}  // namespace

TEST(GitHistory, ChangeNoteTrailer) {
    EXPECT_EQ(change_note_of("Fix typo\n"), "");
    EXPECT_EQ(change_note_of("Update thresholds\n\nNew values from 1 January.\n\nChange-note: Thresholds updated for 2026\n"),
              "Thresholds updated for 2026");
    EXPECT_EQ(change_note_of("Subject\n\nchange-note:   Lower case key  \nSigned-off-by: A <a@example.org>\n"),
              "Lower case key");
    // A "Change-note:" inside the body, not in the final trailer block, is not a trailer.
    EXPECT_EQ(change_note_of("Subject\n\nChange-note: not a trailer\n\nMore text here.\n"), "");
}

TEST(GitHistory, LastChangeOfEachFileFromOneWalk) {
    TempDir tmp;
    GitRepo repo(tmp.path());
    repo.write("content/a.md", "a1");
    repo.write("content/strategy/b.md", "b1");
    repo.write("README.md", "r1");
    ASSERT_EQ(repo.commit("First", "2026-01-05T10:00:00Z"), 0);
    repo.write("content/strategy/b.md", "b2");
    ASSERT_EQ(repo.commit("Change b\n\nChange-note: Rewrote the strategy page", "2026-02-01T10:00:00Z"), 0);
    repo.write("README.md", "r2");  // outside content/: no effect
    ASSERT_EQ(repo.commit("Readme", "2026-03-01T10:00:00Z"), 0);

    GitHistory h = read_git_history(tmp.path(), {});
    ASSERT_TRUE(h.available) << h.why;
    EXPECT_FALSE(h.shallow);
    EXPECT_EQ(h.last_change.size(), 2u);
    EXPECT_EQ(h.last_change_of("content/a.md"), k_jan5);
    EXPECT_EQ(h.last_change_of("content/strategy/b.md"), k_feb1);
    EXPECT_FALSE(h.last_change_of("README.md"));
    ASSERT_EQ(h.changes.size(), 1u);
    EXPECT_EQ(h.changes[0].note, "Rewrote the strategy page");
    EXPECT_EQ(h.changes[0].time, k_feb1);
    EXPECT_EQ(h.changes[0].paths, std::vector<std::string>{"content/strategy/b.md"});
    EXPECT_EQ(h.changes[0].commit.size(), 40u);
    EXPECT_EQ(h.head.size(), 40u);
}

TEST(GitHistory, NotesNewestFirstAndMergesSkipped) {
    TempDir tmp;
    GitRepo repo(tmp.path());
    repo.write("content/a.md", "a1");
    repo.write("content/b.md", "b1");
    ASSERT_EQ(repo.commit("Start\n\nChange-note: First version", "2026-01-05T10:00:00Z"), 0);
    repo.git("checkout -q -b topic");
    repo.write("content/b.md", "b2");
    ASSERT_EQ(repo.commit("Topic work\n\nChange-note: New section on b", "2026-02-01T10:00:00Z"), 0);
    repo.git("checkout -q main");
    repo.write("content/a.md", "a2");
    ASSERT_EQ(repo.commit("Typo", "2026-02-01T11:00:00Z"), 0);
    ASSERT_EQ(repo.git("merge -q --no-ff topic -m Merge", nullptr, "2026-03-01T10:00:00Z"), 0);

    GitHistory h = read_git_history(tmp.path(), {});
    ASSERT_TRUE(h.available);
    // b's last change is the topic commit, not the merge that brought it in.
    EXPECT_EQ(h.last_change_of("content/b.md"), k_feb1);
    EXPECT_EQ(h.last_change_of("content/a.md"), k_feb1 + 3600);
    ASSERT_EQ(h.changes.size(), 2u);
    EXPECT_EQ(h.changes[0].note, "New section on b");
    EXPECT_EQ(h.changes[1].note, "First version");
    EXPECT_EQ(h.changes[1].paths, (std::vector<std::string>{"content/a.md", "content/b.md"}));
}

TEST(GitHistory, UncommittedChangesOnlyWhenAsked) {
    TempDir tmp;
    GitRepo repo(tmp.path());
    repo.write("content/a.md", "a1");
    repo.write("content/b.md", "b1");
    ASSERT_EQ(repo.commit("Start", "2026-01-05T10:00:00Z"), 0);
    repo.write("content/a.md", "a2");
    repo.write("content/new/c.md", "c1");
    repo.write("notes.txt", "outside");

    EXPECT_TRUE(read_git_history(tmp.path(), {}).uncommitted.empty());
    GitOptions opts;
    opts.status = true;
    GitHistory h = read_git_history(tmp.path(), opts);
    EXPECT_EQ(h.uncommitted, (std::set<std::string>{"content/a.md", "content/new/c.md"}));
    EXPECT_EQ(h.last_change_of("content/a.md"), k_jan5);
}

TEST(GitHistory, NoRepositoryOrNotItsTopFolder) {
    TempDir tmp;
    GitHistory h = read_git_history(tmp.path(), {});
    EXPECT_FALSE(h.available);
    EXPECT_EQ(h.why, "not the top folder of a git repository");

    GitRepo repo(tmp.path());
    repo.write("site/content/a.md", "a1");
    ASSERT_EQ(repo.commit("Start", "2026-01-05T10:00:00Z"), 0);
    EXPECT_FALSE(read_git_history(tmp / "site", {}).available);
    EXPECT_EQ(git_head(tmp / "site"), "");
    EXPECT_EQ(git_head(tmp.path()).size(), 40u);
}

TEST(GitHistory, EmptyRepository) {
    TempDir tmp;
    GitRepo repo(tmp.path());
    GitHistory h = read_git_history(tmp.path(), {});
    EXPECT_FALSE(h.available);
    EXPECT_EQ(h.why, "its repository has no commits yet");
}

TEST(GitHistory, ShallowCloneIsFlagged) {
    TempDir tmp;
    GitRepo repo(tmp / "origin");
    repo.write("content/a.md", "a1");
    repo.write("content/b.md", "b1");
    ASSERT_EQ(repo.commit("Start", "2026-01-05T10:00:00Z"), 0);
    repo.write("content/b.md", "b2");
    ASSERT_EQ(repo.commit("Change b", "2026-03-01T10:00:00Z"), 0);
    std::string out;
    ASSERT_EQ(sh("git clone -q --depth 1 file://" + q(tmp / "origin") + " " + q(tmp / "clone") + " 2>&1", &out), 0) << out;

    GitHistory full = read_git_history(tmp / "origin", {});
    EXPECT_FALSE(full.shallow);
    EXPECT_EQ(full.last_change_of("content/a.md"), k_jan5);
    GitHistory h = read_git_history(tmp / "clone", {});
    ASSERT_TRUE(h.available) << h.why;
    EXPECT_TRUE(h.shallow);
    // The clone only knows its one commit, so every file seems to have changed then: wrong, hence the warning.
    EXPECT_EQ(h.last_change_of("content/a.md"), k_mar1);
    EXPECT_EQ(h.last_change_of("content/b.md"), k_mar1);
}
