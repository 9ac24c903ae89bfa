#pragma once
// Pages parsed by earlier builds (serve): a file whose bytes, place and settings are unchanged
// is not parsed again, and the diagnostics it gave are given again. A file whose modification
// time, size and inode are unchanged is not even read, unless it was written so shortly before
// it was last read that a later write could carry the same time (as git's index does).
//
// Pages are lent, not copied: a build takes an unchanged page out of the cache and gives it
// back when it ends (give_back), so no page is copied on the way. A page a build never gives
// back is parsed again next time.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "content/page.h"
#include "diag/diagnostics.h"
#include "util/fs.h"

namespace tk {

class PageCache {
public:
    struct Entry {
        uint64_t key = 0;          // the file's bytes, its context and the settings
        uint64_t place = 0;        // its context and the settings alone
        fs::FileStamp stamp;       // as it was read
        int64_t read_at_ns = 0;    // when it was read (wall clock)
        bool parsed = false;       // the file gave a page (else only diagnostics)
        bool home = false;         // the page is here, not lent to a build
        std::optional<Page> page;  // while home
        std::vector<Diagnostic> diags;
        bool seen = false;         // used by the current build
    };

    uint64_t settings = 0;  // config and build options: every page is parsed again when they change

    /// The entry for a file under content/, or null. Entries stay where they are while a build
    /// runs, so each thread may use the entry of its own file without a lock.
    Entry* find(const std::string& rel);
    Entry& put(const std::string& rel);
    /// Takes back the pages a build has finished with.
    void give_back(std::vector<Page>& pages);
    /// Forgets files the last build did not see (deleted ones).
    void finish(bool ok);

private:
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_entries;
};

}  // namespace tk
