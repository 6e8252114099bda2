#pragma once

#include <QElapsedTimer>

#include <algorithm>

namespace sluice::destination {

// A token bucket: `requests` per `perSeconds`, with bursts up to `requests`.
// waitMs() says how long until the next request may go; take() spends a token.
class RateLimiter final
{
public:
    RateLimiter(double requests = 0, double perSeconds = 1)
        : m_capacity(requests), m_tokens(requests), m_ratePerMs(perSeconds > 0 ? requests / (perSeconds * 1000.0) : 0)
    {
        m_clock.start();
    }

    bool unlimited() const { return m_capacity <= 0; }

    qint64 waitMs()
    {
        if (unlimited())
            return 0;
        refill();
        if (m_tokens >= 1.0)
            return 0;
        return qint64((1.0 - m_tokens) / m_ratePerMs) + 1;
    }

    void take()
    {
        if (unlimited())
            return;
        refill();
        m_tokens -= 1.0;
    }

private:
    void refill()
    {
        const qint64 now = m_clock.elapsed();
        m_tokens = std::min(m_capacity, m_tokens + double(now - m_last) * m_ratePerMs);
        m_last = now;
    }

    double m_capacity;
    double m_tokens;
    double m_ratePerMs;
    qint64 m_last = 0;
    QElapsedTimer m_clock;
};

} // namespace sluice::destination
