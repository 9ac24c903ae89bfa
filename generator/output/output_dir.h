#pragma once
// The build writes into a temporary folder beside the output and swaps it in only on success,
// so a failed build leaves the previous site/ exactly as it was. Serve gives it a map instead:
// the files then stay in memory, and copied files are recorded by their source path.
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostics.h"
#include "output/memory_files.h"

namespace tk {

class OutputDir {
public:
    explicit OutputDir(std::string target, MemoryFiles* memory = nullptr)
        : m_target(std::move(target)), m_memory(memory) {}
    ~OutputDir();
    /// Creates the temporary folder.
    bool begin(Diagnostics& diags);
    /// Writes a file under the temporary folder (thread-safe). `rel` is '/'-separated.
    bool write(const std::string& rel, std::string_view data, Diagnostics& diags);
    /// Writes the concatenation of `pieces` without joining them in memory first.
    bool write(const std::string& rel, const std::vector<std::string_view>& pieces, Diagnostics& diags);
    /// Writes shared bytes; in memory they are kept as they are, not copied.
    bool write(const std::string& rel, std::shared_ptr<const std::string> data, Diagnostics& diags);
    bool copy(const std::string& source, const std::string& rel, Diagnostics& diags);
    /// Whether a file was written at `rel` in this build.
    bool written(const std::string& rel) const;
    size_t file_count() const;
    /// Replaces the target with the temporary folder.
    bool commit(Diagnostics& diags);
    /// Removes the temporary folder, leaving the target untouched.
    void abort();
    const std::string& staging() const { return m_staging; }
    const std::string& target() const { return m_target; }

private:
    bool ensure_parent(const std::string& rel, Diagnostics& diags);
    bool ensure_dir(const std::string& dir, Diagnostics& diags);
    std::string m_target;
    std::string m_staging;
    MemoryFiles* m_memory;
    bool m_open = false;
    mutable std::mutex m_mutex;
    std::set<std::string> m_dirs;
    std::set<std::string> m_files;
};

}  // namespace tk
