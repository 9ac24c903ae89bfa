#pragma once
// A built site held in memory (serve): the same files a build writes, by output path.
#include <map>
#include <memory>
#include <string>

namespace tk {

struct MemoryFile {
    std::shared_ptr<const std::string> data;  // the bytes; null for a copied file
    std::string source;                         // a copied file: where to read it
};

using MemoryFiles = std::map<std::string, MemoryFile>;  // "strategy/x/index.html" -> file

}  // namespace tk
