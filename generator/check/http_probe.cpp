// The only file that calls libcurl: the multi interface, one easy handle per request.
#include "check/http_probe.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "util/strings.h"

namespace tk {

namespace {

using Clock = std::chrono::steady_clock;
using EasyPtr = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;
using MultiPtr = std::unique_ptr<CURLM, decltype(&curl_multi_cleanup)>;
using ListPtr = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

/// GET is only asked for its status line: the first byte of the body ends the transfer.
size_t discard_body(char*, size_t, size_t, void*) { return 0; }

struct Job {
    size_t index = 0;
    int attempt = 0;  // retries done so far
    bool get = false;
    Clock::time_point not_before{};
};

struct Host {
    std::deque<Job> queue;
    int active = 0;
};

/// A request in flight: removed from the multi handle before its easy handle is freed.
struct Transfer {
    Transfer(CURLM* multi, EasyPtr easy, Job job, std::string host)
        : m_multi(multi), m_easy(std::move(easy)), m_job(job), m_host(std::move(host)) {}
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;
    ~Transfer() {
        if (m_easy) curl_multi_remove_handle(m_multi, m_easy.get());
    }
    CURLM* m_multi;
    EasyPtr m_easy;
    Job m_job;
    std::string m_host;
};

bool is_retryable_error(CURLcode rc) {
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_UNSUPPORTED_PROTOCOL:
        case CURLE_URL_MALFORMAT:
        case CURLE_TOO_MANY_REDIRECTS:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
            return false;  // asking again gives the same answer
        default:
            return true;
    }
}

}  // namespace

std::string host_key(const std::string& url) {
    size_t scheme = url.find("://");
    if (scheme == std::string::npos) return to_lower_ascii(url);
    size_t end = url.find_first_of("/?#", scheme + 3);
    return to_lower_ascii(url.substr(0, end));
}

std::vector<ProbeResult> probe_urls(const std::vector<std::string>& urls, const ProbeOptions& opt,
                                    const ProbeProgressFn& progress) {
    global_init();
    std::vector<ProbeResult> results(urls.size());
    if (urls.empty()) return results;
    MultiPtr multi(curl_multi_init(), curl_multi_cleanup);
    ListPtr headers(curl_slist_append(nullptr, "Accept: text/html,application/xhtml+xml,*/*;q=0.8"), curl_slist_free_all);

    std::map<std::string, Host> hosts;  // sorted: requests start in a stable order
    for (size_t i = 0; i < urls.size(); ++i) hosts[host_key(urls[i])].queue.push_back({i});
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> active;
    size_t done = 0;
    auto last_report = Clock::now() - std::chrono::seconds(1);

    auto start = [&](const Job& job, const std::string& host) {
        EasyPtr easy(curl_easy_init(), curl_easy_cleanup);
        CURL* e = easy.get();
        curl_easy_setopt(e, CURLOPT_URL, urls[job.index].c_str());
        curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(e, CURLOPT_MAXREDIRS, 10L);
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, opt.timeout_ms);
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, std::min(opt.timeout_ms, 10000L));
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_USERAGENT, opt.user_agent.c_str());
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers.get());
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard_body);
        if (job.get) curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
        else curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
        curl_multi_add_handle(multi.get(), e);
        ++hosts[host].active;
        ++results[job.index].attempts;
        active.emplace(e, std::make_unique<Transfer>(multi.get(), std::move(easy), job, host));
    };

    auto report = [&](bool force) {
        if (!progress) return;
        auto now = Clock::now();
        if (!force && now - last_report < std::chrono::milliseconds(100)) return;
        last_report = now;
        size_t waiting = 0;
        for (const auto& [k, h] : hosts) waiting += h.queue.empty() ? 0 : 1;
        progress({done, urls.size(), waiting});
    };

    auto finish = [&](CURL* e, CURLcode rc) {
        auto node = active.extract(e);
        Transfer& t = *node.mapped();
        Job job = t.m_job;
        Host& host = hosts[t.m_host];
        --host.active;
        ProbeResult& r = results[job.index];
        long code = 0, redirects = 0;
        char* effective = nullptr;
        curl_off_t retry_after = 0;
        curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
        curl_easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &redirects);
        curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &effective);
        curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &retry_after);
        // A GET ended on purpose at its first body byte has its answer.
        bool transport_error = rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && code > 0);
        r.http_status = int(code);
        r.redirects = int(redirects);
        r.used_get = job.get;
        r.error = transport_error ? curl_easy_strerror(rc) : "";
        r.final_url = effective && urls[job.index] != effective ? effective : "";

        // Many servers answer HEAD with 403, 404 or 405 and GET with 200: ask again with GET.
        if (!job.get && !transport_error && code >= 400 && code != 429) {
            host.queue.push_front({job.index, job.attempt, true, {}});
            return;
        }
        bool retry = transport_error ? is_retryable_error(rc) : (code >= 500 || code == 429);
        if (retry && job.attempt < opt.retries) {
            long wait = opt.backoff_ms << job.attempt;
            if (code == 429 && retry_after > 0) wait = long(std::min<curl_off_t>(retry_after * 1000, opt.max_retry_after_ms));
            host.queue.push_back({job.index, job.attempt + 1, job.get, Clock::now() + std::chrono::milliseconds(wait)});
            return;
        }
        ++done;
        report(true);
    };

    while (done < urls.size()) {
        auto now = Clock::now();
        auto next_ready = Clock::time_point::max();
        for (auto& [key, h] : hosts) {
            while (h.active < opt.per_host && int(active.size()) < opt.total) {
                auto it = std::find_if(h.queue.begin(), h.queue.end(), [&](const Job& j) { return j.not_before <= now; });
                if (it == h.queue.end()) break;
                Job job = *it;
                h.queue.erase(it);
                start(job, key);
            }
            for (const Job& j : h.queue)
                if (j.not_before > now) next_ready = std::min(next_ready, j.not_before);
        }
        int running = 0;
        curl_multi_perform(multi.get(), &running);
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi.get(), &left)) {
            if (msg->msg == CURLMSG_DONE) finish(msg->easy_handle, msg->data.result);
        }
        report(false);
        if (done >= urls.size()) break;
        long wait_ms = 100;
        if (active.empty() && next_ready != Clock::time_point::max()) {
            auto until = std::chrono::duration_cast<std::chrono::milliseconds>(next_ready - Clock::now()).count();
            wait_ms = std::clamp<long>(long(until), 1, 1000);
        }
        curl_multi_poll(multi.get(), nullptr, 0, int(wait_ms), nullptr);
    }
    report(true);
    return results;
}

}  // namespace tk
