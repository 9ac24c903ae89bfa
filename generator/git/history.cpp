#include "git/history.h"

#include <git2.h>

#include <algorithm>
#include <memory>
#include <queue>

#include "util/strings.h"

namespace tk {

namespace {

/// libgit2 handles as unique_ptrs: every object is freed on every path out.
template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const {
        if (p) Free(p);
    }
};
template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;
using Repository = Handle<git_repository, git_repository_free>;
using Commit = Handle<git_commit, git_commit_free>;
using Tree = Handle<git_tree, git_tree_free>;
using TreeEntry = Handle<git_tree_entry, git_tree_entry_free>;
using Diff = Handle<git_diff, git_diff_free>;
using StatusList = Handle<git_status_list, git_status_list_free>;

void init_libgit2() {
    static const int once = git_libgit2_init();
    (void)once;
}

std::string last_error() {
    const git_error* e = git_error_last();
    return e && e->message ? e->message : "unknown error";
}

std::string hex(const git_oid& oid) {
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, &oid);
    return buf;
}

Repository open_repository(const std::string& root, std::string& why) {
    init_libgit2();
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, root.empty() ? "." : root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) != 0) {
        why = "not the top folder of a git repository";
        return nullptr;
    }
    Repository repo(raw);
    if (git_repository_is_bare(repo.get())) {
        why = "a bare repository has no working files";
        return nullptr;
    }
    return repo;
}

/// "content/" -> "content": the folder to look up in a commit's tree.
std::string folder_of(const std::string& prefix) {
    std::string f = prefix;
    while (!f.empty() && f.back() == '/') f.pop_back();
    return f;
}

/// The id of the prefix folder's tree in a commit's tree, or a zero id when there is none.
git_oid subtree_id(git_tree* tree, const std::string& folder) {
    git_oid zero{};
    if (!tree) return zero;
    if (folder.empty()) return *git_tree_id(tree);
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, tree, folder.c_str()) != 0) return zero;
    TreeEntry entry(raw);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return zero;
    return *git_tree_entry_id(entry.get());
}

Tree lookup_tree(git_repository* repo, const git_oid& id) {
    if (git_oid_is_zero(&id)) return nullptr;
    git_tree* raw = nullptr;
    if (git_tree_lookup(&raw, repo, &id) != 0) return nullptr;
    return Tree(raw);
}

Tree commit_tree(git_commit* c) {
    git_tree* raw = nullptr;
    if (git_commit_tree(&raw, c) != 0) return nullptr;
    return Tree(raw);
}

struct WalkPayload {
    std::string base;
    std::set<std::string>* out;
};

int collect_blob(const char* dir, const git_tree_entry* entry, void* payload) {
    auto* p = static_cast<WalkPayload*>(payload);
    if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) p->out->insert(p->base + dir + git_tree_entry_name(entry));
    return 0;
}

/// Every file under the prefix folder in HEAD: the paths that need a date.
std::set<std::string> files_at(git_repository* repo, git_commit* head, const std::string& folder) {
    std::set<std::string> out;
    Tree root = commit_tree(head);
    Tree sub = lookup_tree(repo, subtree_id(root.get(), folder));
    if (!sub) return out;
    WalkPayload payload{folder.empty() ? "" : folder + "/", &out};
    git_tree_walk(sub.get(), GIT_TREEWALK_PRE, collect_blob, &payload);
    return out;
}

/// Files that differ between two versions of the prefix folder (either may be missing).
std::vector<std::string> changed_files(git_repository* repo, git_tree* before, git_tree* after, const std::string& folder) {
    std::vector<std::string> out;
    git_diff* raw = nullptr;
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    if (git_diff_tree_to_tree(&raw, repo, before, after, &opts) != 0) return out;
    Diff diff(raw);
    std::string base = folder.empty() ? "" : folder + "/";
    for (size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
        const git_diff_delta* d = git_diff_get_delta(diff.get(), i);
        const char* path = d->status == GIT_DELTA_DELETED ? d->old_file.path : d->new_file.path;
        out.push_back(base + path);
    }
    return out;
}

}  // namespace

std::string change_note_of(const std::string& message) {
    init_libgit2();
    git_message_trailer_array arr{};
    if (git_message_trailers(&arr, message.c_str()) != 0) return "";
    std::string note;
    for (size_t i = 0; i < arr.count; ++i)
        if (to_lower_ascii(arr.trailers[i].key) == "change-note") note = std::string(trim(arr.trailers[i].value));
    git_message_trailer_array_free(&arr);
    return note;
}

std::string git_head(const std::string& root) {
    std::string why;
    Repository repo = open_repository(root, why);
    if (!repo) return "";
    git_oid head;
    if (git_reference_name_to_id(&head, repo.get(), "HEAD") != 0) return "";
    return hex(head);
}

std::set<std::string> git_uncommitted(const std::string& root, const std::string& prefix) {
    std::set<std::string> out;
    std::string why;
    Repository repo = open_repository(root, why);
    if (!repo) return out;
    git_status_options opts = GIT_STATUS_OPTIONS_INIT;
    opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                 GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
    std::string spec = prefix;
    char* specs[] = {spec.data()};
    if (!spec.empty()) opts.pathspec = {specs, 1};
    git_status_list* raw = nullptr;
    if (git_status_list_new(&raw, repo.get(), &opts) != 0) return out;
    StatusList list(raw);
    for (size_t i = 0, n = git_status_list_entrycount(list.get()); i < n; ++i) {
        const git_status_entry* e = git_status_byindex(list.get(), i);
        const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
        if (!d) continue;
        const char* path = d->new_file.path ? d->new_file.path : d->old_file.path;
        if (path) out.insert(path);
    }
    return out;
}

GitHistory read_git_history(const std::string& root, const GitOptions& options) {
    GitHistory h;
    Repository repo = open_repository(root, h.why);
    if (!repo) return h;
    h.shallow = git_repository_is_shallow(repo.get()) == 1;
    git_oid head_id;
    if (git_reference_name_to_id(&head_id, repo.get(), "HEAD") != 0) {
        h.why = "its repository has no commits yet";
        return h;
    }
    git_commit* head_raw = nullptr;
    if (git_commit_lookup(&head_raw, repo.get(), &head_id) != 0) {
        h.why = "cannot read HEAD: " + last_error();
        return h;
    }
    Commit head(head_raw);
    h.available = true;
    h.head = hex(head_id);
    const std::string folder = folder_of(options.prefix);
    std::set<std::string> wanted = files_at(repo.get(), head.get(), folder);
    size_t remaining = wanted.size();

    // One walk, newest first. Each commit is compared with its parent only when it can still
    // date a file or when it carries a change note; merges are skipped (their changes are
    // already in the commits they merge). Comparing the prefix folder's tree ids first skips
    // the many commits that change nothing in it without diffing anything.
    // The walk is ours rather than git_revwalk's because libgit2 1.5 stops with "object not
    // found" at the edge of a shallow clone; here a missing parent just ends that line.
    struct Queued {
        int64_t time;
        std::string id;
        git_oid oid;
        bool operator<(const Queued& o) const { return time != o.time ? time < o.time : id < o.id; }
    };
    std::priority_queue<Queued> queue;
    std::set<std::string> queued;
    queue.push({int64_t(git_commit_time(head.get())), h.head, head_id});
    queued.insert(h.head);
    while (!queue.empty()) {
        Queued next = queue.top();
        queue.pop();
        git_commit* raw = nullptr;
        if (git_commit_lookup(&raw, repo.get(), &next.oid) != 0) continue;
        Commit commit(raw);
        unsigned parents = git_commit_parentcount(commit.get());
        std::vector<Commit> parent_commits;
        for (unsigned i = 0; i < parents; ++i) {
            git_commit* p = nullptr;
            if (git_commit_parent(&p, commit.get(), i) != 0) continue;  // beyond a shallow clone's edge
            Commit parent(p);
            std::string pid = hex(*git_commit_id(parent.get()));
            if (queued.insert(pid).second)
                queue.push({int64_t(git_commit_time(parent.get())), pid, *git_commit_id(parent.get())});
            parent_commits.push_back(std::move(parent));
        }
        if (parents > 1) continue;
        std::string note = change_note_of(git_commit_message(commit.get()));
        if (remaining == 0 && note.empty()) continue;

        Tree tree = commit_tree(commit.get());
        git_oid now = subtree_id(tree.get(), folder);
        git_oid before{};
        Tree parent_tree;
        if (!parent_commits.empty()) {
            parent_tree = commit_tree(parent_commits[0].get());
            before = subtree_id(parent_tree.get(), folder);
        }
        if (git_oid_equal(&now, &before)) continue;
        Tree a = lookup_tree(repo.get(), before);
        Tree b = lookup_tree(repo.get(), now);
        std::vector<std::string> files = changed_files(repo.get(), a.get(), b.get(), folder);
        int64_t time = int64_t(git_commit_time(commit.get()));
        for (const auto& f : files) {
            if (remaining == 0 || !wanted.count(f)) continue;
            if (h.last_change.emplace(f, time).second) --remaining;
        }
        if (!note.empty() && !files.empty()) {
            std::sort(files.begin(), files.end());
            h.changes.push_back({next.id, time, note, std::move(files)});
        }
    }
    if (options.status) h.uncommitted = git_uncommitted(root, options.prefix);
    return h;
}

}  // namespace tk
