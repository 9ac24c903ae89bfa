#pragma once
// What the site needs from git: when each content file last changed, and the change notes
// (`Change-note:` trailers) with the files they touched. Read in one walk over history.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tk {

/// A commit that carries a `Change-note:` trailer.
struct GitChange {
    std::string commit;              // full hex id: a stable identity for feeds
    int64_t time = 0;                // commit time, seconds since the epoch
    std::string note;
    std::vector<std::string> paths;  // files it changed under the prefix, relative to the repo root, sorted
};

/// The history of one repository, as a plain value: tests build one by hand.
struct GitHistory {
    bool available = false;  // a repository was read
    bool shallow = false;    // a shallow clone: dates are those of the clone's oldest commit
    std::string why;         // when not available: why there are no dates (for a note to the editor)
    std::string head;        // HEAD's commit id, to notice a new commit
    std::map<std::string, int64_t> last_change;  // "content/x.md" -> commit time of its last change
    std::vector<GitChange> changes;              // newest first
    std::set<std::string> uncommitted;           // changed or new files (only when asked for: serve)

    std::optional<int64_t> last_change_of(const std::string& path) const {
        auto it = last_change.find(path);
        if (it == last_change.end()) return std::nullopt;
        return it->second;
    }
};

struct GitOptions {
    std::string prefix = "content/";  // only paths under this folder of the repo count
    bool status = false;              // also list uncommitted changes (git status)
};

/// Reads the repository whose top folder is `root` (a site inside a bigger repository gets no
/// dates: its fixture pages would otherwise change with every commit to the project).
GitHistory read_git_history(const std::string& root, const GitOptions& options);

/// HEAD's commit id at `root`, or "" (cheap: serve checks it before each rebuild).
std::string git_head(const std::string& root);

/// Files under the prefix with uncommitted changes (including untracked ones).
std::set<std::string> git_uncommitted(const std::string& root, const std::string& prefix);

/// The value of the last `Change-note:` trailer of a commit message, or "".
std::string change_note_of(const std::string& message);

}  // namespace tk
