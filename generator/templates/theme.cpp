#include "templates/theme.h"

#include <algorithm>

#include "util/fs.h"
#include "util/hash.h"
#include "util/strings.h"

namespace tk {

bool Theme::load(const std::string& dir, Diagnostics& diags) {
    m_dir = dir;
    std::string tdir = fs::join(dir, "templates");
    if (!fs::is_dir(tdir)) {
        diags.error({tdir, 0, 0}, "theme templates folder not found");
        return false;
    }
    std::vector<std::string> errors;
    auto entries = fs::walk(tdir, errors);
    for (const auto& e : errors) diags.error({tdir, 0, 0}, e);
    std::vector<std::pair<std::string, std::string>> layouts;
    for (const auto& e : entries) {
        if (e.is_dir || !ends_with(e.rel, ".mustache")) continue;
        std::string path = fs::join(tdir, e.rel);
        std::string err;
        auto text = fs::read_file(path, err);
        if (!text) {
            diags.error({path, 0, 0}, "cannot read template: " + err);
            continue;
        }
        m_sources[path] = normalise_newlines(*text);
        std::string name = e.rel.substr(0, e.rel.size() - 9);
        if (starts_with(name, "partials/")) m_partial_files[name.substr(9)] = path;
        else layouts.push_back({name, path});
    }
    for (const auto& [path, text] : m_sources) m_fingerprint = hash_combine(hash_combine(m_fingerprint, hash64(path)), hash64(text));
    // Serve: the same text as last time needs no compiling again.
    if (m_cache && m_cache->theme && m_cache->theme->m_fingerprint == m_fingerprint && errors.empty()) {
        m_layouts = m_cache->theme->m_layouts;
        m_partials = m_cache->theme->m_partials;
        return true;
    }
    size_t before = diags.error_count();
    for (const auto& [name, path] : layouts) compile(name, path, m_layouts[name], diags);
    for (const auto& [name, path] : m_partial_files) compile(name, path, m_partials[name], diags);
    bool ok = diags.error_count() == before;
    if (ok && m_cache) m_cache->theme = std::make_shared<const Theme>(*this);
    return ok;
}

namespace {

/// What kainjow's own escape gives (& < > " ' as entities), copied a run at a time where
/// kainjow appends each character on its own: every {{value}} of every page goes through here.
std::string escape_html(const std::string& s) {
    std::string out;
    out.reserve(s.size() + 16);
    html_escape_to(out, s, /*apostrophe=*/true);
    return out;
}

}  // namespace

bool Theme::compile(const std::string& name, const std::string& file, Compiled& c, Diagnostics& diags) {
    std::vector<std::string> stack;
    if (!expand(file, m_sources[file], 0, stack, c, diags)) return false;
    c.tmpl = std::make_shared<mustache::mustache>(c.text);
    c.tmpl->set_custom_escape(escape_html);
    if (!c.tmpl->is_valid()) {
        report(c, c.tmpl->error_message(), diags);
        return false;
    }
    return true;
}

/// Inlines {{> name}} tags, remembering where each piece of text came from.
bool Theme::expand(const std::string& file, const std::string& text, int depth, std::vector<std::string>& stack,
                   Compiled& c, Diagnostics& diags) {
    if (std::find(stack.begin(), stack.end(), file) != stack.end() || depth > 16) {
        diags.error({file, 0, 0}, "partial includes itself (through " + stack.back() + ")");
        return false;
    }
    stack.push_back(file);
    size_t pos = 0;
    bool ok = true;
    while (pos <= text.size()) {
        size_t tag = text.find("{{>", pos);
        size_t upto = tag == std::string::npos ? text.size() : tag;
        if (upto > pos) {
            c.map.push_back({c.text.size(), c.text.size() + (upto - pos), file, pos});
            c.text.append(text, pos, upto - pos);
        }
        if (tag == std::string::npos) break;
        size_t close = text.find("}}", tag);
        if (close == std::string::npos) {
            auto lc = line_col_at(text, tag);
            diags.error({file, lc.line, lc.col}, "unclosed partial tag", text);
            ok = false;
            break;
        }
        std::string name(trim(std::string_view(text).substr(tag + 3, close - tag - 3)));
        auto it = m_partial_files.find(name);
        if (it == m_partial_files.end()) {
            auto lc = line_col_at(text, tag);
            std::vector<std::string> names;
            for (const auto& [n, p] : m_partial_files) names.push_back(n);
            std::string msg = "no partial '" + name + "' in templates/partials/";
            if (auto near = nearest(name, names)) msg += " (did you mean '" + *near + "'?)";
            diags.error({file, lc.line, lc.col}, msg, text);
            ok = false;
        } else {
            ok = expand(it->second, m_sources[it->second], depth + 1, stack, c, diags) && ok;
        }
        pos = close + 2;
    }
    stack.pop_back();
    return ok;
}

SourceLocation Theme::locate(const Compiled& c, size_t offset) const {
    for (const auto& s : c.map) {
        if (offset >= s.start && offset < s.end) {
            auto it = m_sources.find(s.file);
            auto lc = line_col_at(it->second, s.file_offset + (offset - s.start));
            return {s.file, lc.line, lc.col};
        }
    }
    if (!c.map.empty()) return {c.map.back().file, 0, 0};
    return {m_dir, 0, 0};
}

void Theme::report(const Compiled& c, const std::string& message, Diagnostics& diags) const {
    // kainjow says "Unclosed section "x" at 123": a byte offset in the expanded text.
    size_t at = message.rfind(" at ");
    SourceLocation loc{c.map.empty() ? m_dir : c.map.front().file, 0, 0};
    std::string msg = message;
    if (at != std::string::npos) {
        try {
            size_t off = std::stoul(message.substr(at + 4));
            loc = locate(c, off);
            msg = message.substr(0, at);
        } catch (...) {
        }
    }
    if (!msg.empty()) msg[0] = char(tolower(static_cast<unsigned char>(msg[0])));
    auto it = m_sources.find(loc.path);
    diags.error(loc, "template error: " + msg, it == m_sources.end() ? std::string_view{} : std::string_view(it->second));
}

namespace {

/// What kainjow's context render writes to: appends to a string.
struct Appender {
    std::string& out;
    Appender& operator<<(const std::string& s) {
        out += s;
        return *this;
    }
};

/// The views a template reads, innermost last. kainjow's own context finds a dotted name
/// ({{page.title}}) by splitting it through a stringstream into new strings on every lookup,
/// which was a third of rendering; this one walks the name's parts in place, with the same
/// rules (each view from the innermost out; every part must resolve within one view).
class ViewContext : public mustache::basic_context<std::string> {
public:
    explicit ViewContext(const mustache::data* outer) { m_views.push_back(outer); }
    void push(const mustache::data* view) override { m_views.push_back(view); }
    void pop() override { m_views.pop_back(); }

    const mustache::data* get(const std::string& name) const override {
        if (name.size() == 1 && name[0] == '.') return m_views.back();
        if (name.find('.') == std::string::npos) return get_partial(name);
        for (auto it = m_views.rbegin(); it != m_views.rend(); ++it) {
            const mustache::data* v = *it;
            for (size_t start = 0; v && start < name.size();) {
                size_t end = name.find('.', start);
                if (end == std::string::npos) end = name.size();
                m_part.assign(name, start, end - start);
                v = v->get(m_part);
                start = end + 1;
            }
            if (v) return v;
        }
        return nullptr;
    }

    const mustache::data* get_partial(const std::string& name) const override {
        for (auto it = m_views.rbegin(); it != m_views.rend(); ++it)
            if (const mustache::data* v = (*it)->get(name)) return v;
        return nullptr;
    }

private:
    std::vector<const mustache::data*> m_views;
    mutable std::string m_part;  // one name part at a time, without a new string each
};

}  // namespace

bool Theme::render_compiled(const Compiled& c, const mustache::data* base, const mustache::data& view, std::string& out,
                            Diagnostics& diags) const {
    // kainjow's render is const in practice on valid templates; the object is shared by the workers.
    auto* tmpl = const_cast<mustache::mustache*>(c.tmpl.get());
    if (tmpl->is_valid()) {
        ViewContext ctx(base ? base : &view);
        if (base) ctx.push(&view);  // looked up first
        Appender sink{out};
        tmpl->render(ctx, sink);
    }
    if (!tmpl->is_valid()) {
        report(c, tmpl->error_message(), diags);
        return false;
    }
    return true;
}

bool Theme::render_cached(const std::string& name, const Compiled& c, const mustache::data* base, const mustache::data& view,
                          std::string& out, Diagnostics& diags) const {
    std::optional<uint64_t> fp = m_cache ? view_fingerprint(view) : std::nullopt;
    if (fp && base) {
        auto base_fp = view_fingerprint(*base);
        fp = base_fp ? std::optional(hash_combine(*base_fp, *fp)) : std::nullopt;
    }
    if (!fp) return render_compiled(c, base, view, out, diags);
    uint64_t key = hash_combine(hash_combine(m_fingerprint, hash64(name)), *fp);
    if (auto hit = m_cache->entries.find(key)) {
        out += *hit;
        ++m_cache->reused;
        return true;
    }
    ++m_cache->rendered;
    std::string html;
    if (!render_compiled(c, base, view, html, diags)) return false;
    out += html;
    m_cache->entries.store(key, std::move(html));
    return true;
}

bool Theme::render(const std::string& layout, const mustache::data& view, std::string& out, Diagnostics& diags) const {
    return render_layout(layout, nullptr, view, out, diags);
}

bool Theme::render(const std::string& layout, const mustache::data& base, const mustache::data& view, std::string& out,
                   Diagnostics& diags) const {
    return render_layout(layout, &base, view, out, diags);
}

bool Theme::render_layout(const std::string& layout, const mustache::data* base, const mustache::data& view,
                          std::string& out, Diagnostics& diags) const {
    auto it = m_layouts.find(layout);
    if (it == m_layouts.end() || !it->second.tmpl) {
        diags.error({fs::join(fs::join(m_dir, "templates"), layout + ".mustache"), 0, 0}, "layout not found in theme");
        return false;
    }
    return render_cached("layout " + layout, it->second, base, view, out, diags);
}

bool Theme::render_partial(const std::string& name, const mustache::data& view, std::string& out,
                           Diagnostics& diags) const {
    auto it = m_partials.find(name);
    if (it == m_partials.end() || !it->second.tmpl) {
        diags.error({fs::join(fs::join(m_dir, "templates/partials"), name + ".mustache"), 0, 0}, "partial not found in theme");
        return false;
    }
    return render_cached("partial " + name, it->second, nullptr, view, out, diags);
}

}  // namespace tk
