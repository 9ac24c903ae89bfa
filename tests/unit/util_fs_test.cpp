// util/fs: file contents through POSIX calls, and the errors a build reports for them.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include "test_support.h"
#include "util/fs.h"

using namespace tk;
using namespace tk::test;

TEST(Files, WriteThenReadGivesTheSameBytes) {
    TempDir tmp;
    std::string big(100000, '\0');  // past the read buffer's first size, with NUL and high bytes
    for (size_t i = 0; i < big.size(); ++i) big[i] = char(i * 7919 % 256);
    std::string err;
    ASSERT_TRUE(fs::write_file(tmp / "a.bin", big, err)) << err;
    auto back = fs::read_file(tmp / "a.bin", err);
    ASSERT_TRUE(back) << err;
    EXPECT_EQ(*back, big);
    ASSERT_TRUE(fs::write_file(tmp / "b.txt", std::vector<std::string_view>{"one ", "two", ""}, err)) << err;
    EXPECT_EQ(fs::read_file(tmp / "b.txt", err).value_or("?"), "one two");
    ASSERT_TRUE(fs::write_file(tmp / "b.txt", std::string_view("short"), err)) << err;  // truncates
    EXPECT_EQ(fs::read_file(tmp / "b.txt", err).value_or("?"), "short");
    ASSERT_TRUE(fs::write_file(tmp / "empty", std::string_view(), err)) << err;
    EXPECT_EQ(fs::read_file(tmp / "empty", err).value_or("?"), "");
}

TEST(Files, ReadErrorsSayWhy) {
    TempDir tmp;
    std::string err;
    EXPECT_FALSE(fs::read_file(tmp / "missing.md", err));
    EXPECT_EQ(err, "no such file");
    EXPECT_FALSE(fs::read_file(tmp.path(), err));
    EXPECT_EQ(err, "is a directory");
    EXPECT_FALSE(fs::write_file(tmp / "no/such/folder/x", std::string_view("x"), err));
    EXPECT_EQ(err, "cannot write " + tmp / "no/such/folder/x");
    if (geteuid() != 0) {  // root reads anything
        write_text(tmp / "secret.md", "x");
        chmod((tmp / "secret.md").c_str(), 0);
        EXPECT_FALSE(fs::read_file(tmp / "secret.md", err));
        EXPECT_EQ(err, "cannot be read (permission denied)");
    }
}

TEST(Files, MakeDirIsOneFolderAndFineIfThere) {
    TempDir tmp;
    std::string err;
    EXPECT_TRUE(fs::make_dir(tmp / "a", err)) << err;
    EXPECT_TRUE(fs::make_dir(tmp / "a", err)) << err;
    EXPECT_TRUE(fs::is_dir(tmp / "a"));
    EXPECT_FALSE(fs::make_dir(tmp / "b/c", err));  // its parent is not there
}
