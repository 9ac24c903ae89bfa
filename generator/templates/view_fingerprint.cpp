#include <algorithm>
#include <memory>
#include <vector>

#include "templates/render_cache.h"
#include "util/hash.h"

namespace tk {

namespace mustache = kainjow::mustache;

namespace {

// kainjow's data offers no way to list an object's keys, and the fingerprint needs them. A
// pointer to the private member, named in an explicit instantiation (where access is not
// checked: C++20 [temp.spec]/6), reads them without changing the library.
using ObjectMember = std::unique_ptr<mustache::object> mustache::data::*;
ObjectMember object_member();
template <ObjectMember M>
struct ObjectAccess {
    friend ObjectMember object_member() { return M; }
};
template struct ObjectAccess<&mustache::data::obj_>;

enum Tag : uint64_t { k_string = 1, k_true, k_false, k_list, k_object, k_empty };

bool fingerprint(const mustache::data& d, uint64_t& out) {
    if (d.is_string()) {
        out = hash64(d.string_value(), k_string);
        return true;
    }
    if (d.is_true() || d.is_false()) {
        out = d.is_true() ? k_true : k_false;
        return true;
    }
    if (d.is_list()) {
        std::vector<uint64_t> items;
        items.reserve(d.list_value().size() + 1);
        items.push_back(k_list);
        for (const auto& item : d.list_value()) {
            uint64_t h;
            if (!fingerprint(item, h)) return false;
            items.push_back(h);
        }
        out = hash64({reinterpret_cast<const char*>(items.data()), items.size() * sizeof(uint64_t)});
        return true;
    }
    if (d.is_object()) {
        const auto& obj = d.*object_member();
        std::vector<std::pair<const std::string*, uint64_t>> members;
        members.reserve(obj->size());
        for (const auto& [key, value] : *obj) {
            uint64_t h;
            if (!fingerprint(value, h)) return false;
            members.push_back({&key, h});
        }
        std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return *a.first < *b.first; });
        std::vector<uint64_t> items;
        items.reserve(2 * members.size() + 1);
        items.push_back(k_object);
        for (const auto& [key, value] : members) {
            items.push_back(hash64(*key));
            items.push_back(value);
        }
        out = hash64({reinterpret_cast<const char*>(items.data()), items.size() * sizeof(uint64_t)});
        return true;
    }
    if (d.is_invalid()) {
        out = k_empty;
        return true;
    }
    return false;  // partials and lambdas
}

}  // namespace

std::optional<uint64_t> view_fingerprint(const mustache::data& view) {
    uint64_t h;
    if (!fingerprint(view, h)) return std::nullopt;
    return h;
}

}  // namespace tk
