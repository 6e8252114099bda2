#pragma once

#include <QElapsedTimer>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

// One live line on a terminal's stderr while a long verb works: the stage,
// records done of the total when known, records per second, the time left,
// and records rejected so far. Redrawn at most ten times a second, and once
// a second by a ticker when nothing moves; cleared before anything else is
// said. Off when stderr is not a terminal (or TERM=dumb), under --json and
// with --quiet: piped output never holds a control character.
namespace sluice::cli {

class ProgressLine final
{
public:
    // `interrupt`, when set, turns the line into "stopping after the batch in flight…".
    ProgressLine(bool wanted, const std::atomic_bool *interrupt = nullptr);
    ~ProgressLine();
    ProgressLine(const ProgressLine &) = delete;
    ProgressLine &operator=(const ProgressLine &) = delete;

    bool enabled() const { return m_enabled; }
    void update(const QString &stage, qint64 done, qint64 total);
    std::atomic<qint64> rejected{0};
    // Clears the line and stops the ticker; call before printing anything.
    void finish();

    // Whether stderr is a terminal that can take the line.
    static bool terminal();

private:
    QString render() const; // under m_mutex
    void draw();            // under m_mutex
    void tick();

    bool m_enabled = false;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    const std::atomic_bool *m_interrupt = nullptr;
    QString m_stage;
    qint64 m_count = 0;
    qint64 m_total = -1;
    QElapsedTimer m_stageClock, m_lastDraw, m_runClock;
    std::deque<std::pair<qint64, qint64>> m_samples; // (ms into the stage, done): the rate of the last few seconds
    bool m_drawn = false;
    std::thread m_ticker;
};

} // namespace sluice::cli
