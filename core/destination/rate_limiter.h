#pragma once

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <vector>

namespace sluice::destination {

// Paces requests evenly: `requests` per `perSeconds`, one every interval,
// on a fixed schedule. A token bucket that allowed bursts would let a burst
// plus its refill land inside one window of an API that counts a sliding
// window, and earn 429s. The schedule is absolute, so a send that goes out
// a little late (a timer, building a batch) does not push every later one
// back; only a send later than a whole interval restarts the schedule.
// Catching up is bounded by the window itself: a send waits until the one
// `requests` sends before it is a whole window old, so no window of
// `perSeconds` ever holds more than `requests` sends.
class RateLimiter final
{
public:
    // 2% under the limit absorbs network jitter: arrivals bunch up a little
    // on the way, and a 429 costs far more than the margin.
    static constexpr double safety = 0.98;

    RateLimiter(double requests = 0, double perSeconds = 1)
        : m_intervalMs(requests > 0 && perSeconds > 0 ? perSeconds * 1000.0 / (requests * safety) : 0),
          m_windowMs(perSeconds * 1000.0),
          m_recent(unlimited() ? 0 : size_t(std::max(1.0, std::floor(requests))), -1e18)
    {
        m_clock.start();
    }

    bool unlimited() const { return m_intervalMs <= 0; }

    qint64 waitMs() const
    {
        if (unlimited())
            return 0;
        const double now = nowMs();
        const double earliest = std::max(m_next, m_recent[m_oldest] + m_windowMs);
        return now >= earliest ? 0 : qint64(std::ceil(earliest - now));
    }

    void take()
    {
        if (unlimited())
            return;
        const double now = nowMs();
        if (now - m_next > m_intervalMs)
            m_next = now; // idle for a while: start a new schedule, no burst
        m_next = std::max(m_next, 0.0) + m_intervalMs;
        m_recent[m_oldest] = now;
        m_oldest = (m_oldest + 1) % m_recent.size();
    }

private:
    double nowMs() const { return double(m_clock.nsecsElapsed()) / 1e6; }

    double m_intervalMs;
    double m_windowMs;
    double m_next = 0;
    std::vector<double> m_recent; // the last `requests` send times, a ring
    size_t m_oldest = 0;
    QElapsedTimer m_clock;
};

} // namespace sluice::destination
