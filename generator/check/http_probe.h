#pragma once
// Asks web servers whether URLs exist: many at once, a few per host, HEAD first and GET when a
// server mishandles HEAD, redirects followed, failures retried with backoff, a timeout each.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace tk {

struct ProbeOptions {
    int per_host = 2;          // requests in flight to one host
    int total = 16;            // requests in flight in all
    long timeout_ms = 20000;   // per request, connecting included
    int retries = 2;           // tries after the first, for timeouts, 5xx and 429
    long backoff_ms = 1000;    // wait before the first retry; doubled for each one after
    long max_retry_after_ms = 60000;  // a 429's Retry-After is honoured up to this
    std::string user_agent = "toolkit-link-check/1 (+https://github.com/)";
};

struct ProbeResult {
    int http_status = 0;     // the last response's status; 0 when none came
    std::string error;       // why no response came (DNS, connection, timeout, TLS)
    std::string final_url;   // where redirects ended, when not the URL asked for
    int redirects = 0;
    int attempts = 0;        // requests made, HEAD and GET together
    bool used_get = false;   // HEAD was not good enough
};

struct ProbeProgress {
    size_t done = 0;
    size_t total = 0;
    size_t hosts_waiting = 0;  // hosts with requests queued behind their limit or a backoff
};
using ProbeProgressFn = std::function<void(const ProbeProgress&)>;

/// One result per URL, in the order given. Only http and https are ever requested.
std::vector<ProbeResult> probe_urls(const std::vector<std::string>& urls, const ProbeOptions& options,
                                    const ProbeProgressFn& progress = {});

/// "https://WWW.Example.com:443/x" -> "https://www.example.com:443": requests are limited per key.
std::string host_key(const std::string& url);

}  // namespace tk
