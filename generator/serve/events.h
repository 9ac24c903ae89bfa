#pragma once
// Server-Sent Events for live reload. Only the latest event matters (a page reloads or shows the
// errors of the latest build), so the hub keeps one event and a sequence number; each client
// waits for a number higher than the one it has seen.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

namespace tk {

class EventHub {
public:
    /// Sends `event` with `data` to every client.
    void publish(const std::string& event, const std::string& data);
    /// Waits until there is an event newer than `seen` or `timeout` passes. Returns false when
    /// the hub is stopping; otherwise `out` is the event in wire format, or "" on timeout.
    bool wait(uint64_t& seen, std::chrono::milliseconds timeout, std::string& out);
    uint64_t sequence() const;
    /// Wakes every client so its connection ends.
    void stop();
    bool stopped() const;

    /// "event: reload\ndata: 3\n\n" (data lines split on newlines, as the format requires).
    static std::string format(const std::string& event, const std::string& data);

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    uint64_t m_sequence = 0;
    std::string m_event;
    bool m_stopped = false;
};

}  // namespace tk
