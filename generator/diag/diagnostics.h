#pragma once
// Diagnostics: every error a person sees names path:line:col, shows the line and a caret.
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace tk {

struct SourceLocation {
    std::string path;  // as the user knows it: "content/strategy/x.md"
    int line = 0;      // 1-based; 0 when the error is about the whole file
    int col = 0;
};

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLocation loc;
    std::string message;
    std::string source_line;  // the text of loc.line, when known

    /// "path:line:col: error: message"
    std::string headline() const;
    /// The headline, then the source line and a caret under loc.col.
    std::string format() const;
};

/// Collects diagnostics from every phase (thread-safe); reported together at the end.
class Diagnostics {
public:
    void error(SourceLocation loc, std::string message, std::string_view source_text = {});
    void warning(SourceLocation loc, std::string message, std::string_view source_text = {});
    void add(Diagnostic d);
    void merge(const Diagnostics& other);

    bool has_errors() const;
    size_t error_count() const;
    size_t warning_count() const;
    /// Sorted by path, line, column, then message: the same input reports in the same order.
    std::vector<Diagnostic> sorted() const;
    /// All diagnostics, formatted and sorted.
    std::string format_all() const;

private:
    mutable std::mutex m_mutex;
    std::vector<Diagnostic> m_items;
};

}  // namespace tk
