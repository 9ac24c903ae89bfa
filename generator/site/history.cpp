#include "site/history.h"

#include <algorithm>
#include <ctime>

#include "content/site_data.h"
#include "util/strings.h"

namespace tk {

namespace {

constexpr size_t k_feed_entries = 50;
const std::string k_content_prefix = "content/";

std::tm utc(int64_t time) {
    std::time_t t = std::time_t(time);
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm;
}

std::string iso_date(const toml::date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", int(d.year), int(d.month), int(d.day));
    return buf;
}

/// An Atom id must be an absolute IRI: the entry's URL when the site has an origin, else a URN.
std::string entry_id(const Config& config, const ChangeEntry& c) {
    if (!config.base.origin.empty()) return config.base.abs("/whats-new/") + "#" + c.anchor;
    return "urn:toolkit:change:" + c.commit;
}

}  // namespace

toml::date date_of(int64_t time) {
    std::tm tm = utc(time);
    return toml::date{uint16_t(tm.tm_year + 1900), uint8_t(tm.tm_mon + 1), uint8_t(tm.tm_mday)};
}

std::string rfc3339(int64_t time) {
    std::tm tm = utc(time);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::unordered_map<std::string, PageDates> page_dates(const ContentTree& tree, const GitHistory& history,
                                                      std::optional<toml::date> today) {
    std::unordered_map<std::string, PageDates> out;
    for (const auto& p : tree.pages) {
        std::string path = k_content_prefix + p.rel_path;
        std::optional<toml::date> d;
        if (today && history.uncommitted.count(path)) d = today;
        else if (auto t = history.last_change_of(path)) d = date_of(*t);
        if (d) out[p.id] = PageDates{format_date(*d), iso_date(*d)};
    }
    return out;
}

std::vector<ChangeEntry> change_entries(const ContentTree& tree, const GitHistory& history) {
    std::vector<ChangeEntry> out;
    for (const auto& c : history.changes) {
        ChangeEntry e{"change-" + c.commit.substr(0, 12), c.commit, c.time, c.note, {}};
        for (const auto& path : c.paths) {
            if (!starts_with(path, k_content_prefix)) continue;
            auto it = tree.by_rel_path.find(path.substr(k_content_prefix.size()));
            if (it != tree.by_rel_path.end()) e.pages.push_back(it->second);
        }
        std::sort(e.pages.begin(), e.pages.end(), [&](size_t a, size_t b) {
            std::string ta = to_lower_ascii(tree.pages[a].title), tb = to_lower_ascii(tree.pages[b].title);
            return ta != tb ? ta < tb : a < b;
        });
        out.push_back(std::move(e));
    }
    return out;
}

mustache::data whats_new_view(const ViewBuilder& views, const ContentTree& tree, const Config& config,
                              const std::vector<ChangeEntry>& changes) {
    mustache::data v = views.base_view("What's changed", "/whats-new/",
                                       "Changes to the toolkit's guidance, templates and tools, newest first.");
    mustache::data list(mustache::data::type::list);
    for (const auto& c : changes) {
        mustache::data o(mustache::data::type::object);
        o.set("id", c.anchor);
        o.set("date", format_date(date_of(c.time)));
        o.set("datetime", iso_date(date_of(c.time)));
        o.set("note", c.note);
        mustache::data pages(mustache::data::type::list);
        for (size_t i : c.pages) {
            mustache::data p(mustache::data::type::object);
            p.set("title", tree.pages[i].title);
            p.set("url", config.base.rel(tree.pages[i].url));
            pages.push_back(p);
        }
        o.set("pages", pages);
        o.set("has_pages", !c.pages.empty());
        list.push_back(o);
    }
    v.set("changes", list);
    v.set("has_changes", !changes.empty());
    return v;
}

std::string atom_feed(const Config& config, const ContentTree& tree, const std::vector<ChangeEntry>& changes,
                      const GitHistory& history) {
    int64_t updated = 0;
    for (const auto& c : changes) updated = std::max(updated, c.time);
    if (changes.empty())
        for (const auto& [path, t] : history.last_change) updated = std::max(updated, t);
    std::string page = config.base.abs("/whats-new/");
    std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"";
    x += " xml:lang=\"" + xml_escape(config.language) + "\">\n";
    x += "  <title>" + xml_escape("What's changed: " + config.title) + "</title>\n";
    x += "  <id>" + xml_escape(config.base.origin.empty() ? "urn:toolkit:whats-new" : page) + "</id>\n";
    x += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         xml_escape(config.base.abs("/whats-new/feed.xml")) + "\"/>\n";
    x += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(page) + "\"/>\n";
    x += "  <updated>" + rfc3339(updated) + "</updated>\n";
    x += "  <author><name>" + xml_escape(config.title) + "</name></author>\n";
    for (size_t k = 0; k < changes.size() && k < k_feed_entries; ++k) {
        const ChangeEntry& c = changes[k];
        x += "  <entry>\n";
        x += "    <id>" + xml_escape(entry_id(config, c)) + "</id>\n";
        x += "    <title>" + xml_escape(c.note) + "</title>\n";
        x += "    <updated>" + rfc3339(c.time) + "</updated>\n";
        x += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(page + "#" + c.anchor) + "\"/>\n";
        if (!c.pages.empty()) {
            std::string html = "<p>Pages changed:</p><ul>";
            for (size_t i : c.pages)
                html += "<li><a href=\"" + attr_escape(config.base.abs(tree.pages[i].url)) + "\">" +
                        html_escape(tree.pages[i].title) + "</a></li>";
            html += "</ul>";
            x += "    <content type=\"html\">" + xml_escape(html) + "</content>\n";
        }
        x += "  </entry>\n";
    }
    x += "</feed>\n";
    return x;
}

}  // namespace tk
