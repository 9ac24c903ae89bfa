#include "content/content_tree.h"

#include <algorithm>
#include <mutex>
#include <optional>

#include "content/page_cache.h"
#include "content/page_loader.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "util/strings.h"
#include "util/url.h"

namespace tk {

const Page* ContentTree::find(std::string_view id) const {
    auto it = by_id.find(std::string(id));
    return it == by_id.end() ? nullptr : &pages[it->second];
}

const Stage* ContentTree::stage_of(const Page& p) const {
    for (const auto& s : stages)
        if (s.id == p.stage) return &s;
    return nullptr;
}

const Page* ContentTree::home() const { return find(""); }

namespace {

std::string id_for(const std::string& rel_md) {
    std::string id = rel_md.substr(0, rel_md.size() - 3);
    if (id == "_index") return "";
    if (ends_with(id, "/_index")) return id.substr(0, id.size() - 7);
    return id;
}

bool hidden_or_data(const std::string& rel) {
    for (auto part : split(rel, '/'))
        if (starts_with(part, ".") || part == "_data") return true;
    return false;
}

/// One page, with the fields that come from its place in the tree.
Page load_one(const std::string& display, const std::string& rel, std::string raw, const PageContext& ctx,
              const std::vector<std::string_view>& parts, const Config& config, Diagnostics& diags) {
    Page page = load_page(display, rel, std::move(raw), ctx, config, diags);
    page.id = id_for(rel);
    size_t slash = rel.rfind('/');
    page.dir = slash == std::string::npos ? "" : rel.substr(0, slash);
    page.stage = ctx.in_stage_folder ? std::string(parts[0])
                                     : (ctx.is_index && !ctx.is_root && page.type == PageType::Stage ? page.id : "");
    page.url = url_for_id(page.id);
    return page;
}

/// A page lent by the cache, with the diagnostics it gave when it was parsed.
void take(PageCache::Entry& e, std::optional<Page>& out, Diagnostics& diags) {
    for (const auto& d : e.diags) diags.add(d);
    if (!e.parsed) return;
    out = std::move(e.page);
    e.page.reset();
    e.home = false;
}

}  // namespace

ContentTree load_content(const Config& config, bool drafts, Diagnostics& diags, PageCache* cache) {
    ContentTree tree;
    std::string root = config.content_dir();
    if (!fs::is_dir(root)) {
        diags.error({root, 0, 0}, "content folder not found");
        return tree;
    }
    std::vector<std::string> walk_errors;
    auto entries = fs::walk(root, walk_errors);
    for (const auto& e : walk_errors) diags.error({e.substr(0, e.find(": ")), 0, 0}, e.substr(e.find(": ") + 2));

    // Stage folders: top-level folders with an _index.md.
    std::vector<std::string> md_files;
    for (const auto& e : entries) {
        if (e.is_dir || hidden_or_data(e.rel)) continue;
        if (ends_with(e.rel, ".md")) md_files.push_back(e.rel);
        else tree.files.push_back({e.rel, fs::join(root, e.rel)});
    }
    auto has_index = [&](const std::string& dir) {
        return std::binary_search(md_files.begin(), md_files.end(), dir + "/_index.md");
    };
    std::sort(md_files.begin(), md_files.end());

    std::vector<std::optional<Page>> loaded(md_files.size());
    std::string display_root = root;
    parallel_for(md_files.size(), [&](size_t i) {
        const std::string& rel = md_files[i];
        std::string display = fs::join(display_root, rel);
        if (starts_with(display, "./")) display = display.substr(2);
        auto parts = split(rel, '/');
        PageContext ctx;
        ctx.is_index = fs::filename(rel) == "_index.md";
        ctx.is_root = rel == "_index.md";
        ctx.in_stage_folder = parts.size() >= 2 && has_index(std::string(parts[0]));

        // Serve: a file unchanged since it was parsed is not parsed again, and if stat shows
        // that, not even read.
        uint64_t place = 0;
        std::optional<fs::FileStamp> stamp;
        int64_t read_at = 0;
        PageCache::Entry* hit = nullptr;
        if (cache) {
            place = hash_combine(cache->settings, uint64_t(ctx.in_stage_folder) | uint64_t(ctx.is_index) << 1 |
                                                      uint64_t(ctx.is_root) << 2);
            stamp = fs::stamp(fs::join(root, rel));
            read_at = fs::now_ns();
            hit = cache->find(rel);
            if (hit && (hit->home || !hit->parsed)) {
                hit->seen = true;
            } else {
                hit = nullptr;
            }
            constexpr int64_t k_clock_tick_ns = 20'000'000;  // coarser than any file system's timestamps
            if (hit && stamp && hit->place == place && hit->stamp == *stamp &&
                hit->stamp.mtime_ns + k_clock_tick_ns < hit->read_at_ns) {
                take(*hit, loaded[i], diags);
                return;
            }
        }
        std::string err;
        auto raw = fs::read_file(fs::join(root, rel), err);
        if (!raw) {
            diags.error({display, 0, 0}, "cannot read file: " + err);
            return;
        }
        if (cache) {
            uint64_t key = hash_combine(hash64(*raw), place);
            if (hit && hit->key == key) {
                // Same bytes: the same page, with the new stamp so that next time stat suffices.
                hit->stamp = stamp.value_or(fs::FileStamp{});
                hit->read_at_ns = read_at;
                take(*hit, loaded[i], diags);
                return;
            }
            Diagnostics local;
            PageCache::Entry& e = cache->put(rel);
            e = PageCache::Entry{};
            e.key = key;
            e.place = place;
            e.stamp = stamp.value_or(fs::FileStamp{});
            e.read_at_ns = read_at;
            e.seen = true;
            loaded[i] = load_one(display, rel, std::move(*raw), ctx, parts, config, local);
            e.parsed = loaded[i].has_value();
            e.diags = local.sorted();
            diags.merge(local);
            return;
        }
        loaded[i] = load_one(display, rel, std::move(*raw), ctx, parts, config, diags);
    });
    for (auto& p : loaded) {
        if (!p) continue;
        if (p->draft && !drafts) continue;
        tree.pages.push_back(std::move(*p));
    }
    index_content(tree, diags);
    return tree;
}

void index_content(ContentTree& tree, Diagnostics& diags) {
    std::sort(tree.pages.begin(), tree.pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });
    tree.by_id.clear();
    tree.by_rel_path.clear();
    tree.by_url.clear();
    tree.stages.clear();
    tree.sequence.clear();
    tree.sequence_pos.clear();
    for (size_t i = 0; i < tree.pages.size(); ++i) {
        const Page& p = tree.pages[i];
        tree.by_id[p.id] = i;
        tree.by_rel_path[p.rel_path] = i;
        auto [it, fresh] = tree.by_url.emplace(p.url, i);
        if (!fresh) {
            const Page& other = tree.pages[it->second];
            diags.error({p.source_path, 0, 0}, "writes the same URL " + p.url + " as " + other.source_path);
        }
    }
    for (size_t i = 0; i < tree.pages.size(); ++i) {
        const Page& p = tree.pages[i];
        if (p.type == PageType::Stage) tree.stages.push_back({p.id, i, 0, {}});
    }
    std::sort(tree.stages.begin(), tree.stages.end(), [&](const Stage& a, const Stage& b) {
        const Page& pa = tree.pages[a.page];
        const Page& pb = tree.pages[b.page];
        if (pa.weight != pb.weight) return pa.weight < pb.weight;
        return pa.title < pb.title;
    });
    for (size_t s = 0; s < tree.stages.size(); ++s) {
        Stage& st = tree.stages[s];
        st.number = int(s + 1);
        for (size_t i = 0; i < tree.pages.size(); ++i)
            if (tree.pages[i].stage == st.id && tree.pages[i].in_stage_listing()) st.items.push_back(i);
        std::sort(st.items.begin(), st.items.end(), [&](size_t a, size_t b) {
            const Page& pa = tree.pages[a];
            const Page& pb = tree.pages[b];
            if (pa.weight != pb.weight) return pa.weight < pb.weight;
            if (pa.title != pb.title) return pa.title < pb.title;
            return pa.id < pb.id;
        });
        tree.sequence.push_back(st.page);
        tree.sequence.insert(tree.sequence.end(), st.items.begin(), st.items.end());
    }
    for (size_t i = 0; i < tree.sequence.size(); ++i) tree.sequence_pos[tree.pages[tree.sequence[i]].id] = i;
}

}  // namespace tk
