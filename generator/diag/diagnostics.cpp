#include "diag/diagnostics.h"

#include <algorithm>
#include <tuple>

#include "util/strings.h"

namespace tk {

std::string Diagnostic::headline() const {
    std::string out = loc.path;
    if (loc.line > 0) {
        out += ":" + std::to_string(loc.line);
        if (loc.col > 0) out += ":" + std::to_string(loc.col);
    }
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    out += message;
    return out;
}

std::string Diagnostic::format() const {
    std::string out = headline() + "\n";
    if (loc.line > 0 && !source_line.empty()) {
        out += "  " + source_line + "\n  ";
        // Keep tabs so the caret lines up under tabbed text.
        size_t i = 0;
        int col = 1;
        while (col < loc.col && i < source_line.size()) {
            size_t before = i;
            next_code_point(source_line, i);
            out += source_line[before] == '\t' ? '\t' : ' ';
            ++col;
        }
        out += "^\n";
    }
    return out;
}

void Diagnostics::error(SourceLocation loc, std::string message, std::string_view source_text) {
    Diagnostic d{Severity::Error, std::move(loc), std::move(message), {}};
    if (!source_text.empty() && d.loc.line > 0) d.source_line = std::string(line_at(source_text, d.loc.line));
    add(std::move(d));
}

void Diagnostics::warning(SourceLocation loc, std::string message, std::string_view source_text) {
    Diagnostic d{Severity::Warning, std::move(loc), std::move(message), {}};
    if (!source_text.empty() && d.loc.line > 0) d.source_line = std::string(line_at(source_text, d.loc.line));
    add(std::move(d));
}

void Diagnostics::add(Diagnostic d) {
    std::lock_guard lock(m_mutex);
    m_items.push_back(std::move(d));
}

void Diagnostics::merge(const Diagnostics& other) {
    auto items = other.sorted();
    std::lock_guard lock(m_mutex);
    m_items.insert(m_items.end(), items.begin(), items.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
    std::lock_guard lock(m_mutex);
    return size_t(std::count_if(m_items.begin(), m_items.end(),
                                [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

size_t Diagnostics::warning_count() const {
    std::lock_guard lock(m_mutex);
    return size_t(std::count_if(m_items.begin(), m_items.end(),
                                [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> items;
    {
        std::lock_guard lock(m_mutex);
        items = m_items;
    }
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.loc.path, a.loc.line, a.loc.col, a.message) <
               std::tie(b.loc.path, b.loc.line, b.loc.col, b.message);
    });
    items.erase(std::unique(items.begin(), items.end(),
                            [](const Diagnostic& a, const Diagnostic& b) {
                                return a.headline() == b.headline();
                            }),
                items.end());
    return items;
}

std::string Diagnostics::format_all() const {
    std::string out;
    for (const auto& d : sorted()) out += d.format();
    return out;
}

}  // namespace tk
