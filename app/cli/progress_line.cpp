#include "cli/progress_line.h"

#include <QCoreApplication>
#include <QLocale>

#include <cstdio>
#include <sys/ioctl.h>
#include <unistd.h>

namespace sluice::cli {

namespace {

int terminalWidth()
{
    winsize w{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0)
        return w.ws_col;
    return 80;
}

QString clock(qint64 seconds)
{
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3").arg(seconds / 3600).arg(seconds / 60 % 60, 2, 10, QLatin1Char('0')).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString stageName(const QString &stage)
{
    if (stage == QLatin1String("state"))
        return QCoreApplication::translate("sluice::cli", "reading state");
    if (stage == QLatin1String("extract"))
        return QCoreApplication::translate("sluice::cli", "extract");
    if (stage == QLatin1String("diff"))
        return QCoreApplication::translate("sluice::cli", "diff");
    if (stage == QLatin1String("deliver"))
        return QCoreApplication::translate("sluice::cli", "deliver");
    if (stage == QLatin1String("commit"))
        return QCoreApplication::translate("sluice::cli", "commit");
    if (stage == QLatin1String("preview"))
        return QCoreApplication::translate("sluice::cli", "running the model and its key checks");
    return stage;
}

} // namespace

bool ProgressLine::terminal()
{
    const QByteArray term = qgetenv("TERM");
    return isatty(STDERR_FILENO) == 1 && term != "dumb";
}

ProgressLine::ProgressLine(bool wanted, const std::atomic_bool *interrupt) : m_enabled(wanted && terminal()), m_interrupt(interrupt)
{
    if (!m_enabled)
        return;
    m_runClock.start();
    m_ticker = std::thread([this] { tick(); });
}

ProgressLine::~ProgressLine()
{
    finish();
}

void ProgressLine::update(const QString &stage, qint64 done, qint64 total)
{
    if (!m_enabled)
        return;
    std::lock_guard lock(m_mutex);
    if (stage != m_stage) {
        m_stage = stage;
        m_stageClock.start();
        m_lastDraw.invalidate(); // a new stage shows at once
        m_samples.clear();
    }
    m_count = done;
    if (done > 0) {
        const qint64 now = m_stageClock.elapsed();
        m_samples.emplace_back(now, done);
        while (m_samples.size() > 2 && m_samples.front().first < now - 5000)
            m_samples.pop_front();
    }
    m_total = total;
    if (!m_lastDraw.isValid() || m_lastDraw.elapsed() >= 100)
        draw();
}

void ProgressLine::finish()
{
    if (!m_enabled)
        return;
    {
        std::lock_guard lock(m_mutex);
        if (m_done)
            return;
        m_done = true;
        if (m_drawn)
            std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
    m_wake.notify_all();
    if (m_ticker.joinable())
        m_ticker.join();
}

QString ProgressLine::render() const
{
    const QLocale locale;
    QString line = stageName(m_stage.isEmpty() ? QStringLiteral("state") : m_stage);
    const double seconds = m_stageClock.isValid() ? qMax(0.001, m_stageClock.elapsed() / 1000.0) : 0.001;
    if (m_count > 0 || m_total > 0) {
        if (m_total > 0)
            line += QStringLiteral("  ") + QCoreApplication::translate("sluice::cli", "%1 of %2 (%3 %)").arg(locale.toString(m_count), locale.toString(m_total),
                                                                       locale.toString(100.0 * double(m_count) / double(m_total), 'f', 1));
        else
            line += QStringLiteral("  ") + locale.toString(m_count);
        // Records per second over the last few seconds (the whole stage
        // until then): a slow start does not weigh on the time left.
        // No rate until a second has passed: one early sample says nothing.
        double rate = seconds >= 1.0 ? double(m_count) / seconds : 0.0;
        if (m_samples.size() >= 2 && m_samples.back().first - m_samples.front().first >= 1000)
            rate = double(m_samples.back().second - m_samples.front().second) * 1000.0 / double(m_samples.back().first - m_samples.front().first);
        if (m_count > 0 && rate > 0)
            line += QStringLiteral("  ") + QCoreApplication::translate("sluice::cli", "%1 records/s").arg(locale.toString(qRound64(rate)));
        if (m_total > 0 && rate > 0 && m_count < m_total)
            line += QStringLiteral("  ") + QCoreApplication::translate("sluice::cli", "%1 left").arg(clock(qint64(double(m_total - m_count) / rate + 0.5)));
    }
    if (const qint64 r = rejected.load(); r > 0)
        line += QStringLiteral("  ") + QCoreApplication::translate("sluice::cli", "%1 rejected").arg(locale.toString(r));
    line += QStringLiteral("  [%1]").arg(clock(m_runClock.elapsed() / 1000));
    if (m_interrupt && m_interrupt->load())
        line = QCoreApplication::translate("sluice::cli", "stopping after the batch in flight…") + QStringLiteral("  ") + line;
    return line;
}

void ProgressLine::draw()
{
    if (m_done)
        return;
    QString line = render();
    const int width = terminalWidth() - 1;
    if (line.size() > width)
        line = line.left(qMax(0, width - 1)) + QChar(0x2026);
    const QByteArray bytes = "\r\033[K" + line.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
    m_drawn = true;
    m_lastDraw.start();
}

void ProgressLine::tick()
{
    std::unique_lock lock(m_mutex);
    bool stopping = false;
    while (!m_done) {
        m_wake.wait_for(lock, std::chrono::milliseconds(200));
        const bool now = m_interrupt && m_interrupt->load();
        if (!m_done && (now != stopping || !m_lastDraw.isValid() || m_lastDraw.elapsed() >= 900))
            draw();
        stopping = now;
    }
}

} // namespace sluice::cli
