#include "search/stop_words.h"

#include <algorithm>

namespace tk {

namespace {
// Function words, pronouns, auxiliaries and modal verbs, and their contractions without the
// apostrophe. Not here on purpose: "above", "below" (thresholds), "further" (further competition),
// "new", "use", "open": words a reader of this toolkit searches for.
const char* const k_words[] = {
    "a", "about", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "arent", "as",
    "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "cannot", "cant",
    "could", "couldnt", "did", "didnt", "do", "does", "doesnt", "doing", "dont", "down", "during", "each",
    "few", "for", "from", "had", "hadnt", "has", "hasnt", "have", "havent", "having", "he", "her", "here",
    "hers", "herself", "hes", "him", "himself", "his", "how", "i", "if", "im", "in", "into", "is", "isnt",
    "it", "its", "itself", "ive", "just", "may", "me", "might", "more", "most", "must", "my", "myself", "no",
    "nor", "not", "of", "off", "on", "once", "only", "or", "other", "ought", "our", "ours", "ourselves", "out",
    "over", "own", "same", "shall", "she", "should", "shouldnt", "so", "some", "such", "than", "that",
    "thats", "the", "their", "theirs", "them", "themselves", "then", "there", "theres", "these", "they",
    "theyre", "theyve", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was",
    "wasnt", "we", "were", "werent", "weve", "what", "whats", "when", "where", "which", "while", "who",
    "whom", "why", "will", "with", "wont", "would", "wouldnt", "you", "youd", "youll", "your", "youre",
    "yours", "yourself", "yourselves", "youve",
};
}  // namespace

const std::vector<std::string_view>& stop_words() {
    static const std::vector<std::string_view> list = [] {
        std::vector<std::string_view> v(std::begin(k_words), std::end(k_words));
        std::sort(v.begin(), v.end());
        return v;
    }();
    return list;
}

bool is_stop_word(std::string_view word) {
    const auto& list = stop_words();
    return std::binary_search(list.begin(), list.end(), word);
}

}  // namespace tk
