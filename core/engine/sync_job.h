#pragma once

#include "engine/sync_engine.h"
#include "workspace/workspace.h"

#include <QJsonObject>
#include <QObject>

#include <atomic>

class QThreadPool;

namespace sluice::engine {

// The pool syncs run on (GUI and agent), separate from Qt's global pool.
QThreadPool &syncPool();

// A sync run (or plan) as a long job for the GUI and the agent, shaped the
// way qBittorrent shapes its jobs: parameters in, a summary out, progress /
// finished / failed signals, and cancellation through an atomic flag. The run
// happens on a pool thread with its own state-database connection; signals
// reach receivers on their own threads.
class SyncJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncJob)

public:
    struct Params
    {
        workspace::Workspace workspace;
        QString sync;
        bool fullResync = false;
        bool planOnly = false;
    };

    explicit SyncJob(Params params, QObject *parent = nullptr);
    ~SyncJob() override;

    void start();
    void requestInterruption() { m_cancel = true; }
    bool isRunning() const { return m_running; }

signals:
    // At most four times a second, and once more when a stage completes.
    void progress(const QString &stage, qint64 done, qint64 total, double recordsPerSecond, qint64 etaSeconds);
    // While records go: how many the destination took and refused so far.
    void delivering(qint64 delivered, qint64 rejected);
    // A run's plan is made: added, changed, removed, unchanged, excluded, invalid.
    void planned(const QList<qint64> &counts);
    // What the run (or plan) came to; its exit code is summary.exitCode().
    void finished(const sluice::engine::RunSummary &summary);
    // Nothing ran: configuration, lock, an unreachable source before the run.
    void failed(const QString &message, int exitCode);

private:
    Params m_params;
    std::atomic_bool m_cancel{false};
    std::atomic_bool m_running{false};
    std::atomic<qint64> m_rejected{0};
};

} // namespace sluice::engine

Q_DECLARE_METATYPE(sluice::engine::RunSummary)
