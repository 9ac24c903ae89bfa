#include "serve/routes.h"

#include "util/strings.h"

namespace tk {

bool safe_path(std::string_view path) {
    if (path.empty() || path[0] != '/') return false;  // absolute-form targets and the like
    if (path.find('\0') != std::string_view::npos || path.find('\\') != std::string_view::npos) return false;
    if (path.find("//") != std::string_view::npos) return false;
    for (auto seg : split(path.substr(1), '/'))
        if (seg == "." || seg == "..") return false;
    return true;
}

Route route(std::string_view path, const std::string& base_path, const MemoryFiles& files) {
    Route r;
    if (!safe_path(path)) return r;
    std::string p(path);
    if (!starts_with(p, base_path)) {
        // "/" and "/toolkit" lead to the site; anything else outside the base path is not there.
        if (p == "/" || p + "/" == base_path) {
            r.kind = Route::Redirect;
            r.location = base_path;
        }
        return r;
    }
    std::string rel = p.substr(base_path.size());
    if (rel.empty() || rel.back() == '/') rel += "index.html";
    if (files.count(rel)) {
        r.kind = Route::File;
        r.key = rel;
        return r;
    }
    // "/toolkit/strategy/x" -> "/toolkit/strategy/x/", as GitHub Pages does.
    if (files.count(rel + "/index.html")) {
        r.kind = Route::Redirect;
        r.location = p + "/";
    }
    return r;
}

std::string content_type(std::string_view path) {
    static const std::pair<const char*, const char*> k_types[] = {
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".xml", "application/xml"},
        {".txt", "text/plain; charset=utf-8"},
        {".md", "text/markdown; charset=utf-8"},
        {".csv", "text/csv; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
        {".avif", "image/avif"},
        {".ico", "image/x-icon"},
        {".pdf", "application/pdf"},
        {".woff2", "font/woff2"},
        {".woff", "font/woff"},
        {".ttf", "font/ttf"},
        {".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {".odt", "application/vnd.oasis.opendocument.text"},
        {".ods", "application/vnd.oasis.opendocument.spreadsheet"},
        {".zip", "application/zip"},
        {".wasm", "application/wasm"},
    };
    // The Atom feed says what it is, so feed readers pointed at the preview recognise it.
    if (ends_with(path, "feed.xml")) return "application/atom+xml";
    std::string lower = to_lower_ascii(path);
    for (const auto& [ext, type] : k_types)
        if (ends_with(lower, ext)) return type;
    return "application/octet-stream";
}

}  // namespace tk
