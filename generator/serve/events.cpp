#include "serve/events.h"

#include "util/strings.h"

namespace tk {

std::string EventHub::format(const std::string& event, const std::string& data) {
    std::string out = "event: " + event + "\n";
    for (auto line : split(data, '\n')) out += "data: " + std::string(line) + "\n";
    return out + "\n";
}

void EventHub::publish(const std::string& event, const std::string& data) {
    {
        std::lock_guard lock(m_mutex);
        ++m_sequence;
        m_event = format(event, data);
    }
    m_cv.notify_all();
}

bool EventHub::wait(uint64_t& seen, std::chrono::milliseconds timeout, std::string& out) {
    std::unique_lock lock(m_mutex);
    m_cv.wait_for(lock, timeout, [&] { return m_stopped || m_sequence > seen; });
    if (m_stopped) return false;
    out.clear();
    if (m_sequence > seen) {
        seen = m_sequence;
        out = m_event;
    }
    return true;
}

uint64_t EventHub::sequence() const {
    std::lock_guard lock(m_mutex);
    return m_sequence;
}

void EventHub::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_cv.notify_all();
}

bool EventHub::stopped() const {
    std::lock_guard lock(m_mutex);
    return m_stopped;
}

}  // namespace tk
