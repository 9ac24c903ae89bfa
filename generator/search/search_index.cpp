#include "search/search_index.h"

#include <atomic>

#include "search/index_writer.h"
#include "search/synonyms.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/parallel.h"

namespace tk {

namespace {

const char* type_label(PageType t) {
    switch (t) {
        case PageType::Guidance: return "Guidance";
        case PageType::Template: return "Template";
        case PageType::Tool: return "Tool";
        case PageType::Stage: return "Stage";
        case PageType::Home: return "Home";
        case PageType::Page: return "Page";
    }
    return "Page";
}

uint8_t type_filter(PageType t) {
    switch (t) {
        case PageType::Guidance: return 1;
        case PageType::Template: return 2;
        case PageType::Tool: return 3;
        default: return 0;
    }
}

/// The glossary's entries as sections of one page, each linking to its entry.
void add_glossary(SearchDoc& doc, const SiteData& data) {
    for (const auto& g : data.glossary) {
        TextSection s;
        s.anchor = g.anchor;
        s.heading = g.abbr.empty() ? g.term : g.term + " (" + g.abbr + ")";
        s.text = g.definition;
        doc.sections.push_back(std::move(s));
    }
}

}  // namespace

SearchStats build_search_index(const SearchInputs& in, OutputDir& out, Diagnostics& diags) {
    Analyzer analyzer;
    Synonyms synonyms =
        Synonyms::load(fs::join(fs::join(in.config.content_dir(), "_data"), "synonyms.toml"), analyzer, diags);

    SearchFacets facets;
    std::unordered_map<std::string, uint8_t> stage_index;
    for (const auto& s : in.tree.stages) {
        facets.stage.push_back({s.id, in.tree.pages[s.page].title});
        stage_index[s.id] = uint8_t(facets.stage.size());
    }
    facets.type = {{"guidance", "Guidance"}, {"template", "Templates"}, {"tool", "Tools"}};
    std::unordered_map<std::string, uint32_t> audience_bit;
    for (const auto& [id, label] : in.config.audiences) {
        audience_bit[id] = uint32_t(1) << facets.audience.size();
        facets.audience.push_back({id, label});
        if (facets.audience.size() == 32) break;
    }

    // The glossary says which page explains a term: readers who use the term should find it.
    std::unordered_map<std::string, std::vector<std::string>> keywords;
    for (const auto& g : in.data.glossary)
        for (const auto& see : g.see) {
            keywords[see.value].push_back(g.term);
            if (!g.abbr.empty()) keywords[see.value].push_back(g.abbr);
        }

    // Every page, then the glossary as a page of its own unless the content has one.
    const size_t pages = in.tree.pages.size();
    const Page* glossary_page = in.tree.find("glossary");
    bool glossary_doc = !in.data.glossary.empty() && !glossary_page;
    // What a page's entry shows apart from its text: cheap, so serve can key its cache on it.
    auto doc_head = [&](size_t i) {
        SearchDoc doc;
        if (i == pages) {
            doc.url = in.config.base.rel("/glossary/");
            doc.title = "Glossary";
            doc.summary = "Words and abbreviations used in this toolkit, and the old terms they replace.";
            doc.type_label = "Page";
            return doc;
        }
        const Page& p = in.tree.pages[i];
        doc.url = in.config.base.rel(p.url);
        doc.title = p.title;
        doc.summary = p.summary;
        doc.type_label = type_label(p.type);
        if (const Stage* s = in.tree.stage_of(p)) {
            doc.stage_title = in.tree.pages[s->page].title;
            doc.stage = stage_index.at(s->id);
        }
        doc.type = type_filter(p.type);
        for (const auto& a : p.audiences)
            if (auto it = audience_bit.find(a); it != audience_bit.end()) doc.audiences |= it->second;
        if (auto it = keywords.find(p.id); it != keywords.end()) doc.keywords = it->second;
        return doc;
    };
    auto shows_glossary = [&](size_t i) { return i == pages || &in.tree.pages[i] == glossary_page; };
    auto make_doc = [&](size_t i) {
        SearchDoc doc = doc_head(i);
        if (i < pages) doc.sections = page_sections(in.markdown[i].html);
        if (shows_glossary(i)) add_glossary(doc, in.data);
        return doc;
    };
    // Serve: a page is analysed again only when something its SearchDoc is made from changed.
    std::function<uint64_t(size_t)> doc_key;
    if (in.cache) {
        uint64_t glossary_key = 0;
        for (const auto& g : in.data.glossary)
            for (std::string_view part : {std::string_view(g.anchor), std::string_view(g.term),
                                          std::string_view(g.abbr), std::string_view(g.definition)})
                glossary_key = hash_combine(glossary_key, hash64(part));
        doc_key = [&, glossary_key](size_t i) {
            SearchDoc doc = doc_head(i);
            uint64_t k = hash_combine(synonyms.fingerprint(), i);
            for (std::string_view s : {std::string_view(doc.url), std::string_view(doc.title),
                                       std::string_view(doc.summary), std::string_view(doc.type_label),
                                       std::string_view(doc.stage_title)})
                k = hash_combine(k, hash64(s));
            k = hash_combine(k, uint64_t(doc.stage) | uint64_t(doc.type) << 8 | uint64_t(doc.audiences) << 16);
            for (const auto& w : doc.keywords) k = hash_combine(k, hash64(w));
            if (i < pages) k = hash_combine(k, hash64(in.markdown[i].html));
            if (shows_glossary(i)) k = hash_combine(k, glossary_key);
            return k;
        };
    }
    // Page data packs go out as the pages are analysed: a large site's text is never all in memory.
    std::atomic<size_t> page_files{0}, page_bytes{0};
    size_t count = pages + (glossary_doc ? 1 : 0);
    PageBundles bundles(count, IndexLayout{}.bundle, [&](IndexFile f) {
        ++page_files;
        page_bytes += f.data.size();
        out.write(f.rel, f.data, diags);
    });
    BuiltIndex index = build_index(
        count, make_doc, synonyms, FieldWeights{}, [&](size_t page, std::string data) { bundles.add(page, std::move(data)); },
        in.cache, doc_key, in.analysed);
    index.bundles = bundles.hashes();
    index.page_sizes = bundles.sizes();

    SearchStats stats;
    stats.pages = index.pages;
    stats.terms = index.terms.size();
    auto files = encode_index(std::move(index), synonyms, facets);
    stats.files = files.size() + page_files;
    std::atomic<size_t> bytes{page_bytes.load()};
    parallel_for(files.size(), [&](size_t i) {
        bytes += files[i].data.size();
        out.write(files[i].rel, files[i].data, diags);
    });
    stats.bytes = bytes;
    return stats;
}

}  // namespace tk
