#include "site/extras.h"

#include "site/history.h"
#include "util/strings.h"

namespace tk {

bool ExtraOutputs::render(const std::string& layout, const mustache::data& view, const std::string& rel) {
    std::string html;
    if (!theme.render(layout, view, html, diags)) return false;
    return out.write(rel, html, diags);
}

size_t ExtraOutputs::listings() {
    size_t n = 0;
    auto v = views.listing_view(PageType::Template, "Templates",  "/templates/",
                                "Every template in the toolkit, by stage: documents to copy and fill in.");
    n += render("listing", v, "templates/index.html");
    v = views.listing_view(PageType::Tool, "Tools", "/tools/",
                           "Every interactive tool in the toolkit, by stage. Nothing you enter leaves your browser.");
    n += render("listing", v, "tools/index.html");
    return n;
}

size_t ExtraOutputs::glossary() {
    return render("glossary", views.glossary_view(""), "glossary/index.html");
}

size_t ExtraOutputs::search_page() {
    if (!theme.has("search")) return 0;
    auto v = views.base_view("Search", "/search/", "Search the toolkit's guidance, templates and tools.");
    v.set("all_pages", views.all_pages_list());
    return render("search", v, "search/index.html");
}

size_t ExtraOutputs::not_found() {
    if (!theme.has("404")) return 0;
    auto v = views.base_view("Page not found", "/404.html", "");
    return render("404", v, "404.html");
}

size_t ExtraOutputs::redirects(const std::map<std::string, const Page*>& aliases) {
    size_t n = 0;
    for (const auto& [path, page] : aliases) {
        auto v = views.base_view(page->title, path, page->summary);
        mustache::data r(mustache::data::type::object);
        r.set("to", config.base.abs(page->url));
        r.set("title", page->title);
        v.set("redirect", r);
        std::string rel = path.substr(1);
        if (rel.empty() || rel.back() == '/') rel += "index.html";
        n += render("redirect", v, rel);
    }
    return n;
}

size_t ExtraOutputs::whats_new(const GitHistory& history) {
    auto changes = change_entries(tree, history);
    out.write("whats-new/feed.xml", atom_feed(config, tree, changes, history), diags);
    if (!theme.has("whats-new") || tree.by_url.count("/whats-new/")) return 0;
    return render("whats-new", whats_new_view(views, tree, config, changes), "whats-new/index.html");
}

void ExtraOutputs::sitemap() {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    std::vector<std::pair<std::string, std::string>> urls;  // path, last change (from git) or ""
    const auto& dates = views.inputs().dates;
    for (const auto& p : tree.pages) {
        auto d = dates.find(p.id);
        urls.push_back({p.url, d == dates.end() ? "" : d->second.last_updated_iso});
    }
    for (const char* g : {"/templates/", "/tools/", "/glossary/", "/search/", "/whats-new/"})
        if (!tree.by_url.count(g) && out.written(std::string(g).substr(1) + "index.html")) urls.push_back({g, ""});
    std::sort(urls.begin(), urls.end());
    for (const auto& [u, lastmod] : urls) {
        xml += "  <url><loc>" + xml_escape(config.base.abs(u)) + "</loc>";
        if (!lastmod.empty()) xml += "<lastmod>" + lastmod + "</lastmod>";
        xml += "</url>\n";
    }
    xml += "</urlset>\n";
    out.write("sitemap.xml", xml, diags);
}

void ExtraOutputs::robots() {
    std::string txt = "User-agent: *\nAllow: /\n";
    if (!config.base.origin.empty()) txt += "Sitemap: " + config.base.abs("/sitemap.xml") + "\n";
    out.write("robots.txt", txt, diags);
}

}  // namespace tk
