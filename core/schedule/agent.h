#pragma once

#include "common/result.h"
#include "schedule/schedule.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <memory>

namespace sluice::store {
class StateStore;
}
namespace sluice::engine {
class SyncJob;
struct RunSummary;
} // namespace sluice::engine

// The agent left running on a workstation: one per workspace (a lock in the
// state database), it runs each sync when its schedule says, at most
// `concurrency` at once on the engine's pool, re-reads sluice.json when it
// changes (a broken file keeps the last good schedules, said once), and on
// stop lets the batches in flight settle, records the runs as cancelled and
// releases its lock. The tray (later) and the headless `sluice agent` drive
// the same object; it talks to people only through `log`.
namespace sluice::schedule {

class Agent final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Agent)

public:
    struct Options
    {
        int concurrency = 2;
        int tickMs = 1000;
        qint64 retryAfterRefusalSeconds = 60; // a sync that could not start (locked, misconfigured) waits this long
    };
    Agent(QString workspaceDir, Options options, QObject *parent = nullptr);
    ~Agent() override;

    Result<void> start();
    void stop();
    bool isStopping() const { return m_stopping; }
    // Runs a sync now, outside its schedule (the tray's "Run now"); false when it is already running.
    bool runNow(const QString &sync);
    QStringList syncs() const;
    bool isRunning(const QString &sync) const { return m_running.contains(sync); }
    QString workspaceDir() const { return m_dir; }

signals:
    void log(const QString &line);
    void runStarted(const QString &sync);
    void runFinished(const QString &sync, int exitCode);
    void stopped();

private:
    void tick();
    void reloadIfChanged();
    void launch(const QString &sync, bool asked = false);
    LastRun lastRun(const QString &sync) const;
    void write(const QString &line);

    QString m_dir;
    Options m_options;
    std::optional<workspace::Workspace> m_workspace;
    QHash<QString, Schedule> m_schedules;
    std::unique_ptr<store::StateStore> m_store;
    QHash<QString, engine::SyncJob *> m_running;
    QHash<QString, QDateTime> m_notBefore;
    QDateTime m_since;
    QDateTime m_configStamp;
    qint64 m_configSize = -1;
    QTimer m_timer;
    QFile m_logFile;
    bool m_stopping = false;
    bool m_locked = false;
};

} // namespace sluice::schedule
