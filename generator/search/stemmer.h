#pragma once
// English stemming with Snowball (libstemmer), remembered per word. Not thread-safe, like the
// stemmer under it: make one per thread.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sb_stemmer;

namespace tk {

/// A stem, numbered densely by the stemmer that made it, so callers can count terms in arrays.
struct Stem {
    std::string text;
    uint32_t id = 0;
};

/// Hash for maps looked up by string_view.
struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class Stemmer {
public:
    Stemmer();
    ~Stemmer();
    Stemmer(const Stemmer&) = delete;
    Stemmer& operator=(const Stemmer&) = delete;

    /// The stem of a folded word ("tendering" -> "tender"). Words with the same stem get the same
    /// Stem, which stays valid (and keeps its address) for the stemmer's life.
    const Stem& stem(std::string_view word);
    /// How many different stems this stemmer has made (ids are below this).
    size_t stem_count() const { return m_by_id.size(); }
    const Stem& by_id(uint32_t id) const { return *m_by_id[id]; }

private:
    std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> m_stemmer;
    std::unordered_map<std::string, const Stem*, StringHash, std::equal_to<>> m_memo;   // word -> stem
    std::unordered_map<std::string, Stem, StringHash, std::equal_to<>> m_stems;          // text -> stem
    std::vector<const Stem*> m_by_id;
};

}  // namespace tk
