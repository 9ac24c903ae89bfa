#include "output/output_dir.h"

#include <unistd.h>

#include "util/fs.h"

namespace tk {

OutputDir::~OutputDir() {
    if (m_open) abort();
}

bool OutputDir::begin(Diagnostics& diags) {
    if (m_memory) {
        m_memory->clear();
        m_open = true;
        return true;
    }
    std::string target = m_target;
    while (target.size() > 1 && target.back() == '/') target.pop_back();
    m_target = target;
    std::string parent = fs::parent(fs::absolute(target));
    std::string name = fs::filename(target);
    m_staging = fs::join(parent, "." + name + ".tmp-" + std::to_string(getpid()));
    std::string err;
    if (fs::exists(m_staging)) fs::remove_all(m_staging, err);
    if (!fs::create_dirs(m_staging, err)) {
        diags.error({m_staging, 0, 0}, "cannot create the output folder: " + err);
        return false;
    }
    m_open = true;
    return true;
}

bool OutputDir::ensure_parent(const std::string& rel, Diagnostics& diags) {
    size_t slash = rel.rfind('/');
    if (slash == std::string::npos) return true;
    return ensure_dir(rel.substr(0, slash), diags);
}

/// Makes the folder `dir` (relative to the output) and its parents, each with one mkdir: the
/// folders made so far are remembered, so no parent is looked at twice.
bool OutputDir::ensure_dir(const std::string& dir, Diagnostics& diags) {
    {
        std::lock_guard lock(m_mutex);
        if (m_dirs.count(dir)) return true;
    }
    size_t slash = dir.rfind('/');
    if (slash != std::string::npos && !ensure_dir(dir.substr(0, slash), diags)) return false;
    std::string err;
    if (!fs::make_dir(fs::join(m_staging, dir), err)) {
        diags.error({fs::join(m_target, dir), 0, 0}, "cannot create folder: " + err);
        return false;
    }
    std::lock_guard lock(m_mutex);
    m_dirs.insert(dir);
    return true;
}

bool OutputDir::write(const std::string& rel, std::string_view data, Diagnostics& diags) {
    if (m_memory) {
        auto bytes = std::make_shared<const std::string>(data);
        std::lock_guard lock(m_mutex);
        (*m_memory)[rel] = {std::move(bytes), ""};
        m_files.insert(rel);
        return true;
    }
    if (!ensure_parent(rel, diags)) return false;
    std::string err;
    if (!fs::write_file(fs::join(m_staging, rel), data, err)) {
        diags.error({fs::join(m_target, rel), 0, 0}, "cannot write: " + err);
        return false;
    }
    std::lock_guard lock(m_mutex);
    m_files.insert(rel);
    return true;
}

bool OutputDir::write(const std::string& rel, const std::vector<std::string_view>& pieces, Diagnostics& diags) {
    if (m_memory) {
        std::string joined;
        size_t size = 0;
        for (auto p : pieces) size += p.size();
        joined.reserve(size);
        for (auto p : pieces) joined += p;
        auto bytes = std::make_shared<const std::string>(std::move(joined));
        std::lock_guard lock(m_mutex);
        (*m_memory)[rel] = {std::move(bytes), ""};
        m_files.insert(rel);
        return true;
    }
    if (!ensure_parent(rel, diags)) return false;
    std::string err;
    if (!fs::write_file(fs::join(m_staging, rel), pieces, err)) {
        diags.error({fs::join(m_target, rel), 0, 0}, "cannot write: " + err);
        return false;
    }
    std::lock_guard lock(m_mutex);
    m_files.insert(rel);
    return true;
}

bool OutputDir::write(const std::string& rel, std::shared_ptr<const std::string> data, Diagnostics& diags) {
    if (!m_memory) return write(rel, std::string_view(*data), diags);
    std::lock_guard lock(m_mutex);
    (*m_memory)[rel] = {std::move(data), ""};
    m_files.insert(rel);
    return true;
}

bool OutputDir::copy(const std::string& source, const std::string& rel, Diagnostics& diags) {
    if (m_memory) {
        std::lock_guard lock(m_mutex);
        (*m_memory)[rel] = {nullptr, source};
        m_files.insert(rel);
        return true;
    }
    if (!ensure_parent(rel, diags)) return false;
    std::string err;
    if (!fs::copy_file(source, fs::join(m_staging, rel), err)) {
        diags.error({source, 0, 0}, "cannot copy: " + err);
        return false;
    }
    std::lock_guard lock(m_mutex);
    m_files.insert(rel);
    return true;
}

bool OutputDir::written(const std::string& rel) const {
    std::lock_guard lock(m_mutex);
    return m_files.count(rel) > 0;
}

size_t OutputDir::file_count() const {
    std::lock_guard lock(m_mutex);
    return m_files.size();
}

bool OutputDir::commit(Diagnostics& diags) {
    if (m_memory) {
        m_open = false;
        return true;
    }
    std::string err;
    std::string old = m_staging + ".old";
    bool had_old = fs::exists(m_target);
    if (had_old && !fs::rename(m_target, old, err)) {
        diags.error({m_target, 0, 0}, "cannot replace the output folder: " + err);
        abort();
        return false;
    }
    if (!fs::rename(m_staging, m_target, err)) {
        diags.error({m_target, 0, 0}, "cannot move the new site into place: " + err);
        if (had_old) fs::rename(old, m_target, err);
        abort();
        return false;
    }
    m_open = false;
    if (had_old) fs::remove_all(old, err);
    return true;
}

void OutputDir::abort() {
    if (m_memory) {
        m_memory->clear();
        m_open = false;
        return;
    }
    std::string err;
    fs::remove_all(m_staging, err);
    m_open = false;
}

}  // namespace tk
