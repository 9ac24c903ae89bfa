#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "search/gzip.h"
#include "search/index_builder.h"
#include "search/index_writer.h"

using namespace tk;

namespace {

uint64_t varint(const std::string& s, size_t& i) {
    uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
        uint8_t b = uint8_t(s[i++]);
        v |= uint64_t(b & 0x7F) << shift;
        if (!(b & 0x80)) return v;
    }
}

struct DecodedTerm {
    std::string term;
    std::vector<uint32_t> docs;
    std::vector<uint8_t> impacts;
};

// Reads a shard as search.js does (docs/search.md).
std::vector<DecodedTerm> decode_shard(const std::string& gz) {
    std::string s = gunzip(gz);
    size_t i = 0;
    uint64_t n = varint(s, i);
    std::vector<DecodedTerm> out;
    std::string prev;
    for (uint64_t k = 0; k < n; ++k) {
        size_t shared = varint(s, i), len = varint(s, i);
        DecodedTerm t;
        t.term = prev.substr(0, shared) + s.substr(i, len);
        i += len;
        size_t df = varint(s, i), bytes = varint(s, i), end = i + bytes;
        uint32_t doc = 0;
        for (size_t d = 0; d < df; ++d) t.docs.push_back(doc += uint32_t(varint(s, i)));  // the first is absolute
        for (size_t d = 0; d < df; ++d) t.impacts.push_back(uint8_t(s[i++]));
        EXPECT_EQ(i, end);
        prev = t.term;
        out.push_back(std::move(t));
    }
    EXPECT_EQ(i, s.size());
    return out;
}

const IndexFile* file(const std::vector<IndexFile>& files, const std::string& rel) {
    for (const auto& f : files)
        if (f.rel == rel) return &f;
    return nullptr;
}

/// The shard a term belongs to, found as the browser does: the last key <= term.
size_t shard_for(const nlohmann::json& shards, const std::string& term) {
    size_t found = 0;
    for (size_t i = 0; i < shards.size(); ++i)
        if (shards[i][0].get<std::string>() <= term) found = i;
    return found;
}

BuiltIndex sample_index(size_t terms) {
    BuiltIndex idx;
    for (size_t t = 0; t < terms; ++t) {
        // Many shared prefixes, some long postings lists, a non-ASCII word.
        std::string term = t % 50 == 0 ? "zürich" + std::to_string(t) : "term" + std::to_string(t * 7919 % 100000);
        idx.terms.push_back(term);
    }
    std::sort(idx.terms.begin(), idx.terms.end());
    idx.terms.erase(std::unique(idx.terms.begin(), idx.terms.end()), idx.terms.end());
    for (size_t t = 0; t < idx.terms.size(); ++t) {
        std::vector<uint32_t> docs;
        std::vector<uint8_t> imp;
        for (uint32_t d = uint32_t(t % 3); d < 300; d += uint32_t(1 + t % 17)) {
            docs.push_back(d);
            imp.push_back(uint8_t(1 + (d * 31 + t) % 255));
        }
        idx.docs.push_back(docs);
        idx.impacts.push_back(imp);
    }
    for (int d = 0; d < 300; ++d) {
        idx.page_data.push_back(gzip("{\"u\":\"/p" + std::to_string(d) + "/\"}"));
        idx.stage.push_back(uint8_t(d % 6));
        idx.type.push_back(uint8_t(d % 4));
        idx.audiences.push_back(uint32_t(d % 8));
    }
    return idx;
}

}  // namespace

TEST(SearchIndex, ShardKeysAreShortestSeparatingPrefixes) {
    EXPECT_EQ(shard_key("apple", "banana"), "b");
    EXPECT_EQ(shard_key("tender", "tenders"), "tenders");
    EXPECT_EQ(shard_key("standard", "standstil"), "stands");
    EXPECT_EQ(shard_key("zz", "zürich"), "z\xc3\xbc");  // never half a UTF-8 sequence
}

TEST(SearchIndex, EveryTermIsInTheShardItsKeyPointsTo) {
    BuiltIndex idx = sample_index(2000);
    IndexLayout layout;
    layout.shard_bytes = 2048;
    layout.bundle = 64;
    auto files = encode_index(idx, Synonyms{}, SearchFacets{}, layout);
    ASSERT_EQ(files[0].rel, "search/manifest.json");
    auto m = nlohmann::json::parse(files[0].data);
    const auto& shards = m["shards"];
    ASSERT_GT(shards.size(), 10u);
    EXPECT_EQ(shards[0][0], "");
    for (size_t i = 1; i < shards.size(); ++i) EXPECT_LT(shards[i - 1][0].get<std::string>(), shards[i][0].get<std::string>());
    size_t seen = 0;
    for (size_t i = 0; i < shards.size(); ++i) {
        const IndexFile* f = file(files, "search/t/" + shards[i][1].get<std::string>() + ".gz");
        ASSERT_TRUE(f) << i;
        for (const auto& t : decode_shard(f->data)) {
            EXPECT_EQ(shard_for(shards, t.term), i) << t.term;
            size_t k = size_t(std::find(idx.terms.begin(), idx.terms.end(), t.term) - idx.terms.begin());
            ASSERT_LT(k, idx.terms.size());
            EXPECT_EQ(t.docs, idx.docs[k]) << t.term;
            EXPECT_EQ(t.impacts, idx.impacts[k]) << t.term;
            ++seen;
        }
    }
    EXPECT_EQ(seen, idx.terms.size());
}

TEST(SearchIndex, PageDataIsPackedByBundleUnderContentHashes) {
    BuiltIndex idx = sample_index(100);
    auto files = encode_index(idx, Synonyms{}, SearchFacets{}, IndexLayout{});
    auto m = nlohmann::json::parse(files[0].data);
    ASSERT_EQ(m["docs"], 300);
    ASSERT_EQ(m["bundles"].size(), 5u);  // 300 pages, 64 a bundle
    EXPECT_EQ(m["version"], 2);
    // The filters file ends with each page's size in its pack: the last pack holds pages 256-299
    // end to end, so page 299 is the last bytes of it.
    const IndexFile* filters = file(files, "search/f." + m["filters"].get<std::string>() + ".gz");
    ASSERT_TRUE(filters);
    std::string fdata = gunzip(filters->data);
    size_t pos = 0;
    ASSERT_EQ(varint(fdata, pos), 300u);
    size_t aud_bytes = varint(fdata, pos);
    pos += 300 * (2 + aud_bytes);
    std::vector<uint64_t> sizes;
    for (int d = 0; d < 300; ++d) sizes.push_back(varint(fdata, pos));
    EXPECT_EQ(pos, fdata.size());
    const IndexFile* pack = file(files, "search/p/" + m["bundles"][4].get<std::string>() + ".bin");
    ASSERT_TRUE(pack);
    size_t start = 0;
    for (int d = 256; d < 299; ++d) start += sizes[d];
    EXPECT_EQ(start + sizes[299], pack->data.size());
    EXPECT_EQ(gunzip(pack->data.substr(start, sizes[299])), "{\"u\":\"/p299/\"}");
    EXPECT_EQ(gunzip(pack->data.substr(0, sizes[256])), "{\"u\":\"/p256/\"}");
    // One file per pack, none per page.
    size_t packs = 0;
    for (const auto& f : files) packs += f.rel.rfind("search/p/", 0) == 0;
    EXPECT_EQ(packs, 5u);
    // Changing one page changes its bundle's name and no other.
    idx.page_data[299] = gzip("{\"u\":\"/changed/\"}");
    auto m2 = nlohmann::json::parse(encode_index(idx, Synonyms{}, SearchFacets{}, IndexLayout{})[0].data);
    EXPECT_EQ(m2["bundles"][0], m["bundles"][0]);
    EXPECT_NE(m2["bundles"][4], m["bundles"][4]);
}

TEST(SearchIndex, OutputIsDeterministic) {
    auto a = encode_index(sample_index(500), Synonyms{}, SearchFacets{}, IndexLayout{});
    auto b = encode_index(sample_index(500), Synonyms{}, SearchFacets{}, IndexLayout{});
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].rel, b[i].rel);
        EXPECT_EQ(a[i].data, b[i].data);
    }
}

TEST(SearchIndex, ImpactFavoursTitlesAndShortFields) {
    std::array<double, k_field_count> avg{6, 20, 25, 800};
    FieldWeights w;
    auto title = impact({1, 0, 0, 0}, {5, 20, 25, 800}, avg, w);
    auto body_once = impact({0, 0, 0, 1}, {5, 20, 25, 800}, avg, w);
    auto body_once_long = impact({0, 0, 0, 1}, {5, 20, 25, 3000}, avg, w);
    auto everywhere = impact({1, 1, 1, 6}, {5, 20, 25, 800}, avg, w);
    EXPECT_GT(title, body_once);
    EXPECT_GT(body_once, body_once_long);
    EXPECT_GT(everywhere, title);
    EXPECT_GE(body_once_long, 1);
}

TEST(SearchIndex, BuildsPostingsWithSynonymGroupsFromPages) {
    Diagnostics d;
    Analyzer a;
    auto syn = Synonyms::parse("s.toml", "[[synonym]]\nterms = [\"OJEU\", \"Find a Tender\"]\n", a, d);
    std::vector<SearchDoc> docs(3);
    docs[0].title = "Publish on Find a Tender";
    docs[0].sections = {{"", "", "Notices go to Find a Tender."}};
    docs[1].title = "Old rules";
    docs[1].sections = {{"ojeu", "OJEU", "The OJEU was replaced."}};
    docs[2].title = "Pay suppliers on time: a supplier's guide";
    docs[2].stage = 2;
    docs[2].audiences = 5;
    auto idx = build_index(docs.size(), [&](size_t i) { return docs[i]; }, syn);
    auto find = [&](const std::string& t) { return size_t(std::find(idx.terms.begin(), idx.terms.end(), t) - idx.terms.begin()); };
    ASSERT_LT(find("~0"), idx.terms.size());
    EXPECT_EQ(idx.docs[find("~0")], (std::vector<uint32_t>{0, 1}));
    EXPECT_EQ(idx.docs[find("tender")], (std::vector<uint32_t>{0}));
    // "suppliers" and "supplier's" are one term, listed once for the page.
    EXPECT_EQ(idx.docs[find("supplier")], (std::vector<uint32_t>{2}));
    EXPECT_EQ(find("the"), idx.terms.size());  // stop word
    EXPECT_TRUE(std::is_sorted(idx.terms.begin(), idx.terms.end()));
    EXPECT_EQ(idx.stage[2], 2);
    EXPECT_EQ(idx.audiences[2], 5u);
    EXPECT_EQ(gunzip(idx.page_data[1]),
              "{\"u\":\"\",\"t\":\"Old rules\",\"k\":\"\",\"g\":\"\",\"m\":\"\",\"s\":[[\"ojeu\",\"OJEU\",\"The OJEU was replaced.\"]]}");
}
