#include "serve/http_server.h"

#include <httplib.h>

#include <chrono>

#include "serve/live_reload.h"
#include "serve/routes.h"
#include "util/fs.h"
#include "util/strings.h"

namespace tk {

namespace {

constexpr auto k_keep_alive = std::chrono::seconds(15);  // a comment line keeps each event stream open
constexpr size_t k_threads = 32;                         // each open page holds one for its event stream

}  // namespace

bool inside_roots(const std::string& path, const std::vector<std::string>& roots) {
    std::string real = fs::absolute(path);
    for (const auto& r : roots)
        if (starts_with(real, r + "/")) return true;
    return false;
}

struct PreviewServer::Impl {
    httplib::Server server;
};

PreviewServer::PreviewServer(EventHub& hub) : m_impl(std::make_unique<Impl>()), m_hub(hub) {
    auto& svr = m_impl->server;
    svr.new_task_queue = [] { return new httplib::ThreadPool(k_threads); };
    svr.set_keep_alive_timeout(1);  // so that stopping does not wait for idle connections
    // httplib's default also sets SO_REUSEPORT, which would let a second preview share the port.
    svr.set_socket_options([](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const char*>(&yes), sizeof yes);
    });
    svr.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        if (req.method == "GET" || req.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
        res.status = 405;
        res.set_header("Allow", "GET, HEAD");
        res.set_content("Method not allowed: the preview only reads.\n", "text/plain; charset=utf-8");
        return httplib::Server::HandlerResponse::Handled;
    });
    svr.Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
        auto st = state();
        res.set_header("Cache-Control", "no-store");
        res.set_header("X-Content-Type-Options", "nosniff");
        const std::string& path = req.path;
        auto send_html = [&](const std::string& html, int status) {
            res.status = status;
            res.set_content(inject_live_reload(html, st ? st->build : 0), "text/html; charset=utf-8");
        };
        if (starts_with(path, k_tool_prefix)) {
            std::string name = path.substr(k_tool_prefix.size());
            if (name == "livereload.js") return res.set_content(live_reload_script(), "text/javascript; charset=utf-8");
            if (name == "overlay.css") return res.set_content(overlay_css(), "text/css; charset=utf-8");
            if (name == "errors.json")
                return res.set_content(st ? st->errors_json : "{\"build\":0,\"errors\":[]}", "application/json");
            if (name == "events") {
                uint64_t build = st ? st->build : 0;
                res.set_chunked_content_provider("text/event-stream", [this, build, first = true, seen = m_hub.sequence()](
                                                                          size_t, httplib::DataSink& sink) mutable {
                    std::string out;
                    if (first) {
                        // Tells a page that missed builds while it was away whether to reload.
                        first = false;
                        out = "retry: 500\n\n" + EventHub::format("hello", std::to_string(build));
                    } else if (!m_hub.wait(seen, k_keep_alive, out)) {
                        return false;
                    }
                    if (out.empty()) out = ": keep-alive\n\n";
                    return sink.write(out.data(), out.size());
                });
                return;
            }
            res.status = 404;
            return res.set_content("Not found\n", "text/plain; charset=utf-8");
        }
        if (!st || !st->files) {
            if (!safe_path(path)) {
                res.status = 404;
                return res.set_content("Not found\n", "text/plain; charset=utf-8");
            }
            return send_html(no_build_page(), 503);
        }
        Route r = route(path, st->base_path, *st->files);
        if (r.kind == Route::Redirect) {
            std::string location = r.location;
            if (size_t q = req.target.find('?'); q != std::string::npos) location += req.target.substr(q);
            return res.set_redirect(location, 302);
        }
        if (r.kind == Route::File) {
            const MemoryFile& f = st->files->at(r.key);
            std::string err;
            std::optional<std::string> bytes;
            if (f.data) bytes = *f.data;
            else if (inside_roots(f.source, st->roots)) bytes = fs::read_file(f.source, err);
            if (bytes) {
                std::string type = content_type(r.key);
                if (starts_with(type, "text/html")) return send_html(*bytes, 200);
                return res.set_content(std::move(*bytes), type);
            }
        }
        auto nf = st->files->find("404.html");
        if (nf != st->files->end() && nf->second.data) return send_html(*nf->second.data, 404);
        res.status = 404;
        res.set_content("Not found\n", "text/plain; charset=utf-8");
    });
}

PreviewServer::~PreviewServer() { stop(); }

int PreviewServer::bind(const std::string& host, int port, std::string& error) {
    int got = port == 0 ? m_impl->server.bind_to_any_port(host) : (m_impl->server.bind_to_port(host, port) ? port : -1);
    if (got < 0) error = "cannot listen on " + host + ":" + std::to_string(port) + " (in use, or not an address of this machine)";
    return got;
}

void PreviewServer::start() {
    m_listening_ended = false;
    m_thread = std::thread([this] {
        m_impl->server.listen_after_bind();
        m_listening_ended = true;
    });
    // cpp-httplib's stop() does nothing until the server runs: a stop that came first would leave
    // the thread waiting for connections for ever. So start() returns once it runs (or failed).
    while (!m_impl->server.is_running() && !m_listening_ended) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void PreviewServer::stop() {
    m_hub.stop();
    m_impl->server.stop();
    if (m_thread.joinable()) m_thread.join();
}

void PreviewServer::update(std::shared_ptr<const SiteState> state) {
    std::lock_guard lock(m_mutex);
    m_state = std::move(state);
}

std::shared_ptr<const SiteState> PreviewServer::state() const {
    std::lock_guard lock(m_mutex);
    return m_state;
}

}  // namespace tk
