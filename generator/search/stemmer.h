#pragma once
// English stemming with Snowball (libstemmer), remembered per word. Not thread-safe, like the
// stemmer under it: make one per thread.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sb_stemmer;

namespace tk {

class Stemmer {
public:
    Stemmer();
    ~Stemmer();
    Stemmer(const Stemmer&) = delete;
    Stemmer& operator=(const Stemmer&) = delete;

    /// The stem of a folded word ("tendering" -> "tender"). The reference stays valid for the
    /// stemmer's life, so callers may keep it as the term's identity.
    const std::string& stem(std::string_view word);

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> m_stemmer;
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> m_memo;
};

}  // namespace tk
