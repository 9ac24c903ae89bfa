#include "site/site.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <future>
#include <iterator>
#include <latch>
#include <map>
#include <mutex>
#include <unordered_set>

#include "content/content_tree.h"
#include "content/site_data.h"
#include "links/graph.h"
#include "links/link_map.h"
#include "links/page_hooks.h"
#include "links/resolver.h"
#include "markdown/renderer.h"
#include "output/assets.h"
#include "site/build_cache.h"
#include "site/extras.h"
#include "site/history.h"
#include "site/page_markdown.h"
#include "site/page_render.h"
#include "output/output_dir.h"
#include "render/view.h"
#include "search/search_index.h"
#include "templates/theme.h"
#include "tools/site_tools.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace tk {

BuildDate build_date() {
    std::time_t t = std::time(nullptr);
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(sde, &end, 10);
        if (end && *end == '\0') t = std::time_t(v);
    }
    std::tm tm{};
    gmtime_r(&t, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

class PhaseTimer {
public:
    explicit PhaseTimer(std::vector<PhaseTime>& out) : m_out(out), m_start(Clock::now()), m_phase(m_start), m_cpu(cpu_ms()) {}
    void done(const char* name) {
        double cpu = cpu_ms();
        m_out.push_back({name, ms_since(m_phase), cpu - m_cpu});
        m_phase = Clock::now();
        m_cpu = cpu;
    }
    double total() const { return ms_since(m_start); }

private:
    static double cpu_ms() {
        timespec ts{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
        return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
    }
    std::vector<PhaseTime>& m_out;
    Clock::time_point m_start, m_phase;
    double m_cpu;
};

/// "/strategy/x/" -> "strategy/x/index.html"
std::string output_path(const std::string& site_path) {
    std::string p = site_path.substr(1);
    if (p.empty() || p.back() == '/') p += "index.html";
    return p;
}

const char* k_generated[] = {"/templates/", "/tools/", "/glossary/", "/search/", "/sitemap.xml", "/robots.txt", "/404.html",
                             "/whats-new/", "/whats-new/feed.xml"};

/// A page that nothing links to and no listing shows is hard to find: warn. Links in the theme's
/// own chrome (header, footer) count: they are read from the rendered home page.
void report_orphans(const ContentTree& tree, const LinkGraph& graph, const BaseUrl& base, const std::string& home_html,
                    Diagnostics& diags) {
    std::unordered_set<std::string> chrome;
    const std::string attr = "href=\"";
    for (size_t pos = 0; (pos = home_html.find(attr, pos)) != std::string::npos;) {
        pos += attr.size();
        size_t end = home_html.find('"', pos);
        std::string href = home_html.substr(pos, end - pos);
        if (starts_with(href, base.path)) chrome.insert("/" + href.substr(base.path.size()));
    }
    for (size_t i = 0; i < tree.pages.size(); ++i) {
        const Page& p = tree.pages[i];
        if (p.type != PageType::Page || !graph.in[i].empty() || chrome.count(p.url)) continue;
        diags.warning({p.source_path, 0, 0}, "orphan page: no page links to " + p.url + " and no listing shows it");
    }
}

}  // namespace

BuildResult Site::build(Diagnostics& diags) {
    BuildResult result;
    PhaseTimer timer(result.phases);
    if (!m_options.base_url.empty()) {
        m_config.base_url = m_options.base_url;
        m_config.base = BaseUrl::parse(m_options.base_url);
    }
    result.output = m_options.output.empty() ? fs::join(m_config.root, m_config.output_dir) : m_options.output;
    if (m_cache) m_cache->begin(settings_key(m_config, m_options));
    struct FinishCache {
        BuildCache* cache;
        const BuildResult& result;
        ~FinishCache() {
            if (cache) cache->finish(result.ok);
        }
    } finish_cache{m_cache, result};

    // Work that one core does runs beside the phases, each with std::async: get() waits for it
    // where its result is needed, and the future's destructor on any other way out.
    // 1b (started first). Git history while the content loads: when each page last changed, and
    // the change notes. Serve also asks which files have uncommitted changes (they show today's
    // date there).
    std::future<GitHistory> history_read;
    double history_ms = 0;
    if (!m_history)
        history_read = std::async(std::launch::async, [&, root = m_config.root, serve = m_options.serve] {
            auto start = Clock::now();
            GitHistory h = read_git_history(root, {"content/", serve});
            history_ms = ms_since(start);
            return h;
        });

    // 2 (started early). The theme's templates and static files, while the content loads.
    Theme theme;
    theme.use_cache(m_cache ? &m_cache->renders : nullptr);
    std::vector<Asset> assets;
    std::future<void> theme_load = std::async(std::launch::async, [&] {
        theme.load(m_config.theme_dir(), diags);
        assets = plan_assets(fs::join(m_config.theme_dir(), "static"), diags);
    });

    // 1. Content and data.
    ContentTree tree = load_content(m_config, m_options.drafts, diags, m_cache ? &m_cache->pages : nullptr);
    // Serve: the cache lent the pages; they go back when the build ends, however it ends.
    struct GiveBack {
        PageCache* cache;
        ContentTree& tree;
        ~GiveBack() {
            if (cache) cache->give_back(tree.pages);
        }
    } give_back{m_cache ? &m_cache->pages : nullptr, tree};
    SiteData data = load_site_data(m_config.content_dir(), diags);
    SiteTools tools;
    tools.load(m_config, data, diags);
    timer.done("load content");

    GitHistory history = m_history ? *m_history : history_read.get();
    if (!history.available)
        result.notes.push_back("pages get no \"Last updated\" dates (" + (m_config.root.empty() ? std::string(".") : m_config.root) +
                               ": " + history.why + ")");
    else if (history.shallow)
        diags.warning({m_config.path, 0, 0},
                      "this is a shallow clone, so \"Last updated\" dates and change notes are wrong: fetch the whole "
                      "history (git fetch --unshallow; in CI, actions/checkout with fetch-depth: 0)");
    timer.done("wait for git history");

    // 2. Theme.
    theme_load.get();
    std::map<std::string, std::string> asset_urls;
    for (const auto& a : assets) asset_urls[a.key] = m_config.base.rel("/" + a.rel);
    timer.done("wait for theme");

    // 3. Links: every path the build makes, then each page's Markdown.
    std::unordered_set<std::string> generated(std::begin(k_generated), std::end(k_generated));
    for (const auto& a : assets) generated.insert("/" + a.rel);
    for (auto& path : tools.generated_paths(tree)) generated.insert(std::move(path));
    for (const char* g : k_generated) {
        if (std::string(g).back() != '/') continue;
        auto it = tree.by_url.find(g);
        if (it != tree.by_url.end() && tree.pages[it->second].id != "glossary")
            diags.error({tree.pages[it->second].source_path, 0, 0},
                        std::string("writes the URL ") + g + ", which the generator makes itself");
    }
    LinkResolver resolver(tree, m_config.base, generated);
    for (const auto& p : tree.pages) {
        for (const auto& r : p.related) {
            if (tree.find(r.value)) continue;
            std::vector<std::string> ids;
            for (const auto& q : tree.pages) ids.push_back(q.id);
            std::string msg = "unknown page id '" + r.value + "' in related";
            if (auto n = nearest(r.value, ids)) msg += " (did you mean '" + *n + "'?)";
            diags.error(r.loc, msg, p.text);
        }
    }
    for (const auto& g : data.glossary) {
        for (const auto& s : g.see) {
            if (tree.find(s.value)) continue;
            std::vector<std::string> ids;
            for (const auto& q : tree.pages) ids.push_back(q.id);
            std::string msg = "unknown page id '" + s.value + "' in see";
            if (auto n = nearest(s.value, ids)) msg += " (did you mean '" + *n + "'?)";
            diags.error(s.loc, msg);
        }
    }

    std::vector<RenderedMarkdown> markdown(tree.pages.size());
    struct GiveBackMarkdown {  // serve: as the pages above
        MarkdownCache* cache;
        const ContentTree& tree;
        std::vector<RenderedMarkdown>& markdown;
        ~GiveBackMarkdown() {
            if (cache) cache->give_back(tree, markdown);
        }
    } give_back_markdown{m_cache ? &m_cache->markdown : nullptr, tree, markdown};
    std::vector<std::vector<size_t>> page_links(tree.pages.size());
    std::vector<std::vector<AnchorCheck>> anchors(tree.pages.size());
    MarkdownCache* markdown_cache = m_cache ? &m_cache->markdown : nullptr;
    if (markdown_cache) markdown_cache->links_state = link_state(tree, generated, m_config.base);
    parallel_for(tree.pages.size(), [&](size_t i) {
        PageMarkdown r = render_page_markdown(tree.pages[i], resolver, data, m_config, markdown_cache, diags);
        markdown[i] = std::move(r.md);
        page_links[i] = std::move(r.links);
        anchors[i] = std::move(r.anchors);
    });
    timer.done("render markdown");

    // 4. Anchors (only now is every heading known), the link graph, orphans, reviews.
    std::vector<std::string> glossary_ids;
    for (const auto& g : data.glossary) glossary_ids.push_back(g.anchor);
    for (char c = 'a'; c <= 'z'; ++c) glossary_ids.push_back(std::string("letter-") + c);
    for (size_t i = 0; i < tree.pages.size(); ++i) {
        for (const auto& a : anchors[i]) {
            std::vector<std::string> ids;
            std::string where;
            if (a.target == -1) {
                ids = glossary_ids;
                where = "/glossary/";
            } else {
                size_t t = a.target == -2 ? i : size_t(a.target);
                for (const auto& h : markdown[t].headings) ids.push_back(h.id);
                where = a.target == -2 ? "this page" : "'" + relative_path(tree.pages[i].dir, tree.pages[t].rel_path) + "'";
            }
            if (std::find(ids.begin(), ids.end(), a.anchor) != ids.end()) continue;
            diags.error(a.loc, "no heading '#" + a.anchor + "' in " + where + LinkResolver::anchor_suggestion(a.anchor, ids),
                        tree.pages[i].text);
        }
    }
    LinkGraph graph(tree.pages.size());
    for (size_t i = 0; i < tree.pages.size(); ++i) {
        for (size_t t : page_links[i]) graph.add(i, t);
        for (const auto& r : tree.pages[i].related)
            if (auto it = tree.by_id.find(r.value); it != tree.by_id.end()) graph.add(i, it->second);
    }
    BuildDate bd = build_date();
    toml::date today{uint16_t(bd.year), uint8_t(bd.month), uint8_t(bd.day)};
    ViewInputs inputs{m_config, tree, data, graph, markdown, asset_urls, today, m_options.serve,
                      page_dates(tree, history, m_options.serve ? std::optional(today) : std::nullopt), true};
    ViewBuilder views(inputs);
    for (const auto& p : tree.pages) {
        if (!p.in_stage_listing() || !views.due_for_review(p)) continue;
        std::string msg = "due for review since " + views.review_due(p);
        if (!p.owner.empty()) msg += " (owner: " + p.owner + ")";
        diags.warning({p.source_path, 0, 0}, msg);
    }
    // Aliases: each makes a redirect page, and must not collide with a real page or another alias.
    std::map<std::string, const Page*> alias_owner;
    for (const auto& p : tree.pages) {
        for (const auto& a : p.aliases) {
            std::string path = a.value;
            if (path.back() != '/' && path.find('.', path.rfind('/')) == std::string::npos) path += '/';
            if (auto it = tree.by_url.find(path); it != tree.by_url.end()) {
                diags.error(a.loc, "alias '" + a.value + "' is the URL of " + tree.pages[it->second].source_path, p.text);
                continue;
            }
            if (generated.count(path)) {
                diags.error(a.loc, "alias '" + a.value + "' is a URL the generator makes itself", p.text);
                continue;
            }
            auto [it, fresh] = alias_owner.emplace(path, &p);
            if (!fresh) diags.error(a.loc, "alias '" + a.value + "' is also an alias of " + it->second->source_path, p.text);
        }
    }
    tools.prepare(m_config, tree, markdown, asset_urls, diags);
    timer.done("resolve links");
    if (diags.has_errors()) return result;
    // The map from output links back to Markdown, for `toolkit check` (serve has no folder to
    // check): made alongside the pages, written beside the site once it is in place.
    std::future<std::string> link_map;
    if (!m_memory)
        link_map = std::async(std::launch::async, [&] { return link_map_json(make_link_map(tree, markdown)); });

    // 5. Pages: the stage navigation once per stage, then every page in parallel, written as it is made.
    OutputDir out(result.output, m_memory);
    if (!out.begin(diags)) return result;
    // 5b. The search index (written under search/), on a thread of its own: its analysis of every
    // page takes both cores first; then, while one core makes its postings and files, the pages
    // and extras below take the rest, so no core waits for the other.
    double search_ms = 0;
    std::latch analysed(1);
    std::atomic<bool> analysed_said{false};
    auto say_analysed = [&] {
        if (!analysed_said.exchange(true)) analysed.count_down();
    };
    std::future<void> search = std::async(std::launch::async, [&] {
        auto start = Clock::now();
        try {
            build_search_index({m_config, tree, data, markdown, m_cache ? &m_cache->search : nullptr, say_analysed}, out,
                               diags);
        } catch (const std::exception& e) {
            diags.error({fs::join(result.output, "search"), 0, 0}, std::string("cannot build the search index: ") + e.what());
        }
        say_analysed();  // the index had no pages, or failed
        search_ms = ms_since(start);
    });
    analysed.wait();
    timer.done("search: analyse pages");
    // One navigation per stage, or per group of pages of a stage over the step_nav_limit.
    std::vector<std::vector<StageNav>> navs(tree.stages.size());
    for (size_t s = 0; s < tree.stages.size(); ++s) navs[s].resize(views.stage_nav_groups(s));
    std::vector<std::pair<size_t, size_t>> nav_jobs;
    for (size_t s = 0; s < navs.size(); ++s)
        for (size_t g = 0; g < navs[s].size(); ++g) nav_jobs.push_back({s, g});
    parallel_for(nav_jobs.size(), [&](size_t j) {
        auto [s, g] = nav_jobs[j];
        std::string raw;
        if (!render_stage_nav(views, theme, s, g, m_cache ? &m_cache->pages_html : nullptr, raw, diags)) return;
        StageNav& nav = navs[s][g];
        nav.html.reserve(raw.size());
        for (size_t k = 0; k < raw.size();) {
            if (raw[k] == '\x1E') {
                size_t end = raw.find('\x1F', k);
                size_t page = std::stoul(raw.substr(k + 1, end - k - 1));
                nav.marks[page] = nav.html.size();
                k = end + 1;
            } else {
                nav.html += raw[k++];
            }
        }
        if (m_cache) nav.hash = hash64(nav.html);
    });
    std::unordered_map<std::string, size_t> stage_index;
    for (size_t s = 0; s < tree.stages.size(); ++s) stage_index[tree.stages[s].id] = s;
    // The navigation a page shows: its stage's, or the group of it that holds the page; none
    // outside the stages.
    auto nav_of = [&](size_t page) -> const StageNav* {
        const std::string& stage = tree.pages[page].stage;
        auto it = stage.empty() ? stage_index.end() : stage_index.find(stage);
        return it == stage_index.end() ? nullptr : &navs[it->second][views.stage_nav_group(it->second, page)];
    };
    std::atomic<size_t> written{0};
    std::string home_html;
    PageHtmlCache* page_cache = m_cache ? &m_cache->pages_html : nullptr;
    // 6. The generated pages besides (listings, the search page's list of every page, tool steps...)
    // are made in the same loop, first, since each is one long job: the pages then fill both
    // cores around them.
    ExtraOutputs extras{m_config, tree, views, theme, out, diags, page_cache};
    const std::function<size_t()> extra_jobs[] = {
        [&] { return extras.search_page(); },
        [&] { return extras.listings(); },
        [&] {
            return tools.write_steps(tree, views, theme, out, [&](size_t page) {
                const StageNav* nav = nav_of(page);
                return nav ? nav->for_page(page) : std::string();
            }, diags);
        },
        [&] { return extras.whats_new(history); },
        [&] { return tree.find("glossary") ? size_t(0) : extras.glossary(); },
        [&] { return extras.not_found(); },
        [&] { return extras.redirects(alias_owner); },
        [&] {
            extras.robots();
            return size_t(0);
        },
    };
    const size_t extra_count = std::size(extra_jobs);
    parallel_for(extra_count + tree.pages.size(), [&](size_t k) {
        if (k < extra_count) {
            written += extra_jobs[k]();
            return;
        }
        size_t i = k - extra_count;
        const Page& p = tree.pages[i];
        auto html = make_page(views, theme, tools, i, nav_of(i), page_cache, diags);
        if (!html) return;
        if (out.write(output_path(p.url), html, diags)) ++written;
        if (p.type == PageType::Home) home_html = *html;
    });
    timer.done("render pages");
    report_orphans(tree, graph, m_config.base, home_html, diags);
    extras.sitemap();  // last: it lists the generated pages that were written
    timer.done("write sitemap");

    // 7. Static files: page-bundle files beside their pages, theme assets fingerprinted.
    parallel_for(tree.files.size(), [&](size_t i) { out.copy(tree.files[i].source, tree.files[i].rel, diags); });
    for (const auto& a : assets) out.copy(a.source, a.rel, diags);
    timer.done("copy static files");
    search.get();
    timer.done("wait for search");

    if (m_options.strict && diags.warning_count() > 0)
        diags.error({m_config.path, 0, 0}, "--strict: " + std::to_string(diags.warning_count()) + " warning(s) treated as errors");
    if (diags.has_errors()) {
        out.abort();
        return result;
    }
    result.files = out.file_count();
    if (!out.commit(diags)) return result;
    if (link_map.valid()) write_link_map(result.output, link_map.get(), diags);
    timer.done("swap output");
    // The threads alongside, each from its start to its end (their CPU is in the phases above).
    if (!m_history) result.phases.push_back({"read git history", history_ms, -1});
    result.phases.push_back({"search index", search_ms, -1});
    result.ok = true;
    result.pages = written;
    result.ms = timer.total();
    return result;
}

}  // namespace tk
