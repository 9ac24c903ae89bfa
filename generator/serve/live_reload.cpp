#include "serve/live_reload.h"

#include <nlohmann/json.hpp>

#include "util/strings.h"

namespace tk {

const std::string& live_reload_script() {
    // The overlay is built with textContent only: error messages quote the editor's text, which
    // must never become markup.
    static const std::string js = R"JS((function () {
  "use strict";
  var me = document.currentScript;
  var build = me ? me.getAttribute("data-build") : "";
  var base = "/__toolkit/";
  var overlay = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function style() {
    if (document.getElementById("toolkit-overlay-css")) return;
    var link = el("link");
    link.id = "toolkit-overlay-css";
    link.rel = "stylesheet";
    link.href = base + "overlay.css";
    document.head.appendChild(link);
  }
  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }
  function show(errors) {
    hide();
    if (!errors || !errors.length) return;
    style();
    overlay = el("section", "toolkit-errors");
    overlay.setAttribute("role", "alert");
    overlay.setAttribute("aria-label", "Build errors");
    var n = errors.length;
    overlay.appendChild(el("h2", "toolkit-errors__title", n + (n === 1 ? " error" : " errors") + " in the last build"));
    overlay.appendChild(el("p", "toolkit-errors__hint",
      "This page shows the last good build. Fix the file and save: the page reloads by itself."));
    errors.forEach(function (e) {
      var item = el("div", "toolkit-errors__item");
      item.appendChild(el("p", "toolkit-errors__location", e.location));
      item.appendChild(el("p", "toolkit-errors__message", e.message));
      if (e.source) item.appendChild(el("pre", "toolkit-errors__source", e.source + "\n" + e.caret));
      overlay.appendChild(item);
    });
    var close = el("button", "toolkit-errors__close", "Hide");
    close.type = "button";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }
  function check() {
    fetch(base + "errors.json", {cache: "no-store"})
      .then(function (r) { return r.json(); })
      .then(function (d) { show(d.errors); })
      .catch(function () {});
  }
  if (!window.EventSource) return;
  var events = new EventSource(base + "events");
  events.addEventListener("hello", function (e) {
    if (build && e.data !== build) location.reload();
    else check();
  });
  events.addEventListener("reload", function () { location.reload(); });
  events.addEventListener("errors", check);
})();
)JS";
    return js;
}

const std::string& overlay_css() {
    static const std::string css = R"CSS(.toolkit-errors {
  position: fixed; inset: 1rem; z-index: 2147483647; overflow: auto;
  max-width: 60rem; margin: 0 auto; padding: 1.5rem;
  background: #fff; color: #0b0c0c; border: 5px solid #d4351c; box-shadow: 0 0 0 100vmax rgba(0, 0, 0, 0.5);
  font: 1rem/1.4 system-ui, sans-serif; text-align: left;
}
.toolkit-errors__title { margin: 0 0 0.5rem; font-size: 1.5rem; color: #d4351c; }
.toolkit-errors__hint { margin: 0 0 1rem; }
.toolkit-errors__item { margin: 0 0 1rem; padding: 0 0 1rem; border-bottom: 1px solid #b1b4b6; }
.toolkit-errors__location { margin: 0; font-family: ui-monospace, monospace; font-weight: bold; }
.toolkit-errors__message { margin: 0.25rem 0; }
.toolkit-errors__source { margin: 0; padding: 0.5rem; background: #f3f2f1; overflow: auto; font-family: ui-monospace, monospace; }
.toolkit-errors__close { font: inherit; padding: 0.25rem 1rem; }
)CSS";
    return css;
}

std::string inject_live_reload(std::string_view html, uint64_t build) {
    std::string tag = "<script src=\"/__toolkit/livereload.js\" data-build=\"" + std::to_string(build) + "\"></script>\n";
    std::string out(html);
    size_t at = out.rfind("</body>");
    if (at == std::string::npos) at = out.rfind("</BODY>");
    if (at == std::string::npos) out += tag;
    else out.insert(at, tag);
    return out;
}

std::string errors_json(const std::vector<Diagnostic>& errors, uint64_t build) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& d : errors) {
        std::string location = d.loc.path;
        if (d.loc.line > 0) location.append(":").append(std::to_string(d.loc.line));
        if (d.loc.line > 0 && d.loc.col > 0) location.append(":").append(std::to_string(d.loc.col));
        // The caret line of the terminal's message (without its indent), so both show the same.
        std::string caret;
        std::string formatted = d.format();
        auto lines = split(formatted, '\n');
        if (lines.size() >= 3 && lines[2].size() > 2) caret = std::string(lines[2].substr(2));
        list.push_back({{"file", d.loc.path},
                        {"line", d.loc.line},
                        {"col", d.loc.col},
                        {"location", location},
                        {"severity", d.severity == Severity::Error ? "error" : "warning"},
                        {"message", d.message},
                        {"source", d.source_line},
                        {"caret", caret}});
    }
    nlohmann::json j = {{"build", build}, {"errors", list}};
    // Invalid UTF-8 in a message (a file that is not UTF-8) is replaced, not a reason to fail.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string no_build_page() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>The site has errors</title>\n"
           "</head>\n<body>\n<h1>The site could not be built</h1>\n<p>The errors are shown here and in the terminal. "
           "Fix them and save: this page reloads by itself.</p>\n</body>\n</html>\n";
}

}  // namespace tk
