#pragma once
// A theme's Mustache templates: loaded once, partials inlined once (kainjow re-parses a partial on
// every include otherwise), errors mapped back to the template file, line and column.
#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "templates/render_cache.h"

namespace tk {

namespace mustache = kainjow::mustache;

class Theme {
public:
    /// Loads templates/*.mustache and templates/partials/*.mustache under `dir`.
    bool load(const std::string& dir, Diagnostics& diags);
    bool has(const std::string& layout) const { return m_layouts.count(layout) > 0; }
    /// Renders a layout into `out`; reports a template error with its file:line:col.
    bool render(const std::string& layout, const mustache::data& view, std::string& out, Diagnostics& diags) const;
    /// The same with the view on top of `base`: a name the view cannot resolve is looked up in base
    /// (kainjow's context rules: a dotted name resolves wholly in one of them). What every page
    /// shows alike goes in base once, not into each view.
    bool render(const std::string& layout, const mustache::data& base, const mustache::data& view, std::string& out,
                Diagnostics& diags) const;
    /// Renders a partial on its own (used for fragments built once, such as the stage navigation).
    bool render_partial(const std::string& name, const mustache::data& view, std::string& out, Diagnostics& diags) const;
    const std::string& dir() const { return m_dir; }
    /// Serve: reuse what earlier builds rendered from the same template and an equal view.
    void use_cache(RenderCache* cache) { m_cache = cache; }
    /// Of every template's text: equal fingerprints render equal views alike.
    uint64_t fingerprint() const { return m_fingerprint; }

private:
    struct Segment {
        size_t start;          // offset in the expanded text
        size_t end;
        std::string file;
        size_t file_offset;    // offset in that file where the segment starts
    };
    struct Compiled {
        std::string text;
        std::vector<Segment> map;
        std::shared_ptr<mustache::mustache> tmpl;  // shared with a later build's Theme (serve)
    };
    bool compile(const std::string& name, const std::string& file, Compiled& c, Diagnostics& diags);
    bool expand(const std::string& file, const std::string& text, int depth, std::vector<std::string>& stack,
                Compiled& c, Diagnostics& diags);
    SourceLocation locate(const Compiled& c, size_t offset) const;
    void report(const Compiled& c, const std::string& message, Diagnostics& diags) const;
    bool render_layout(const std::string& layout, const mustache::data* base, const mustache::data& view, std::string& out,
                       Diagnostics& diags) const;
    bool render_compiled(const Compiled& c, const mustache::data* base, const mustache::data& view, std::string& out,
                         Diagnostics& diags) const;
    bool render_cached(const std::string& name, const Compiled& c, const mustache::data* base, const mustache::data& view, std::string& out,
                       Diagnostics& diags) const;

    std::string m_dir;
    std::map<std::string, std::string> m_partial_files;  // name -> path
    std::map<std::string, std::string> m_sources;        // path -> text
    std::map<std::string, Compiled> m_layouts;
    std::map<std::string, Compiled> m_partials;
    RenderCache* m_cache = nullptr;
    uint64_t m_fingerprint = 0;  // of every template's text: a changed theme renders everything again
};

}  // namespace tk
