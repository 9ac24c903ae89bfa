#pragma once
// Builds the Mustache view of each page: the one place where the content model meets templates.
#include <toml++/toml.h>

#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.h"
#include "content/content_tree.h"
#include "content/site_data.h"
#include "links/graph.h"
#include "markdown/renderer.h"
#include "templates/theme.h"

namespace tk {

struct PageDates {
    std::string last_updated;  // formatted, or empty
    std::string last_updated_iso;  // 2026-01-01, for sitemap.xml
};

struct ViewInputs {
    const Config& config;
    const ContentTree& tree;
    const SiteData& data;
    const LinkGraph& graph;
    const std::vector<RenderedMarkdown>& markdown;
    const std::map<std::string, std::string>& assets;  // view key -> URL
    toml::date today;
    bool serve = false;
    std::unordered_map<std::string, PageDates> dates;  // page id -> dates from git
    bool has_feed = false;                              // /whats-new/feed.xml is written
};

/// The stage navigation rendered once per stage; the current page is marked by splicing.
struct StageNav {
    std::string html;
    uint64_t hash = 0;  // of html (serve: pages are reused while their navigation is the same)
    std::unordered_map<size_t, size_t> marks;  // page index -> offset for aria-current
    std::string for_page(size_t page) const;
};

class ViewBuilder {
public:
    explicit ViewBuilder(const ViewInputs& in);
    const mustache::data& site() const { return m_site; }
    const ViewInputs& inputs() const { return m_in; }
    mustache::data base_view(const std::string& title, const std::string& site_path, const std::string& summary) const;
    /// A page's own keys: render it on top of common() (Theme::render with a base).
    mustache::data page_view(size_t page, const std::string& step_nav) const;
    /// What every view starts from: the site, assets, and every key set to "nothing here".
    const mustache::data& common() const { return m_common; }
    /// The step-by-step navigation with stage `stage_index` open, showing its group `group` of
    /// pages (see stage_nav_group; always 0 for a stage within Config::step_nav_limit).
    mustache::data stage_nav_view(size_t stage_index, size_t group = 0) const;
    /// Which group of its stage's pages the step navigation shows on `page`'s pages.
    size_t stage_nav_group(size_t stage_index, size_t page) const;
    /// How many groups stage `stage_index` has (1 unless it is over the limit).
    size_t stage_nav_groups(size_t stage_index) const;
    mustache::data listing_view(PageType type, const std::string& title, const std::string& path,
                                const std::string& summary) const;
    mustache::data glossary_view(const std::string& intro_html) const;
    mustache::data all_pages_list() const;
    std::string layout_for(const Page& p) const;
    std::string review_due(const Page& p) const;  // formatted date or ""
    bool due_for_review(const Page& p) const;

    static std::string mark_token(size_t page);
    static void set_presence(mustache::data& page);

    /// Serve: a fingerprint of everything page_view(page, step_nav) reads (render/view_keys.cpp),
    /// so a page whose inputs are unchanged is not built again. Keep it in step with page_view;
    /// the incremental tests check every reuse against a fresh render.
    uint64_t page_key(size_t page, const std::string& step_nav) const;
    /// The same for listing_view(type, ...) and for all_pages_list() (with base_view).
    uint64_t listing_key(PageType type) const;
    uint64_t stage_nav_key(size_t stage_index, size_t group = 0) const;
    uint64_t all_pages_key() const;

private:
    mustache::data common_view() const;
    std::string report_url(const std::string& title, const std::string& site_path, const std::string& source_path) const;
    mustache::data item(size_t page) const;
    mustache::data labels(const std::vector<std::string>& ids, const Labels& names) const;
    mustache::data list_of(const std::vector<size_t>& pages) const;
    std::string url(const std::string& site_path) const { return m_in.config.base.rel(site_path); }
    std::optional<toml::date> due_date(const Page& p) const;

    const ViewInputs& m_in;
    mustache::data m_site;
    mustache::data m_assets;
    mustache::data m_stages;
    mustache::data m_empty_list;
    mustache::data m_common;  // common_view(), made once
    std::vector<size_t> m_stage_pos;  // per page: its place among its stage's items, or SIZE_MAX
    // page_key's parts, made on first use: what every page shows, and each page as others list it.
    uint64_t site_key() const;
    uint64_t item_key(size_t page) const;
    mutable std::once_flag m_keys_once;
    mutable uint64_t m_site_key = 0;
    mutable std::vector<uint64_t> m_item_keys;
};

}  // namespace tk
