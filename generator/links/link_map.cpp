#include "links/link_map.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "util/fs.h"

namespace tk {

using nlohmann::json;

std::string link_map_path(std::string output_dir) {
    while (output_dir.size() > 1 && output_dir.back() == '/') output_dir.pop_back();
    return output_dir + ".linkmap.json";
}

LinkMap make_link_map(const ContentTree& tree, const std::vector<RenderedMarkdown>& markdown) {
    LinkMap map;
    for (size_t i = 0; i < tree.pages.size() && i < markdown.size(); ++i) {
        if (markdown[i].links.empty()) continue;
        auto& out = map[tree.pages[i].url];
        for (const auto& l : markdown[i].links) out.push_back({l.url.empty() ? l.href : l.url, l.loc});
    }
    return map;
}

std::string link_map_json(const LinkMap& map) {
    // Sorted by page, so the same build writes the same bytes.
    std::vector<const LinkMap::value_type*> pages;
    for (const auto& p : map) pages.push_back(&p);
    std::sort(pages.begin(), pages.end(), [](auto* a, auto* b) { return a->first < b->first; });
    json j = json::object();
    for (const auto* p : pages) {
        json links = json::array();
        for (const auto& s : p->second) links.push_back({s.href, s.loc.path, s.loc.line, s.loc.col});
        j[p->first] = std::move(links);
    }
    return json{{"version", 1}, {"pages", std::move(j)}}.dump() + "\n";
}

std::optional<LinkMap> parse_link_map(const std::string& text, std::string& error) {
    LinkMap map;
    try {
        json doc = json::parse(text);
        if (doc.value("version", 0) != 1) {
            error = "not a version 1 link map";
            return std::nullopt;
        }
        for (const auto& [page, links] : doc.at("pages").items()) {
            auto& out = map[page];
            for (const auto& l : links)
                out.push_back({l.at(0).get<std::string>(), {l.at(1).get<std::string>(), l.at(2).get<int>(), l.at(3).get<int>()}});
        }
    } catch (const json::exception& e) {
        error = e.what();
        return std::nullopt;
    }
    return map;
}

void write_link_map(const std::string& output_dir, const std::string& json, Diagnostics& diags) {
    std::string path = link_map_path(output_dir), error;
    if (!fs::write_file(path, json, error))
        diags.warning({path, 0, 0}, "cannot write the link map for `toolkit check`: " + error);
}

}  // namespace tk
