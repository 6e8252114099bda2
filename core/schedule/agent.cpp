#include "schedule/agent.h"

#include "engine/sync_engine.h"
#include "engine/sync_job.h"
#include "schedule/outlook.h"
#include "store/state_store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace sluice::schedule {

namespace {

constexpr qint64 kLogBytes = 1024 * 1024; // then agent.log becomes agent.log.1, and so on
constexpr int kLogFiles = 3;

} // namespace

Agent::Agent(QString workspaceDir, Options options, QObject *parent)
    : QObject(parent), m_dir(std::move(workspaceDir)), m_options(options)
{
    connect(&m_timer, &QTimer::timeout, this, &Agent::tick);
}

Agent::~Agent()
{
    for (engine::SyncJob *job : std::as_const(m_running))
        job->requestInterruption();
    qDeleteAll(m_running); // each waits for its run to settle
    if (m_store && m_locked)
        m_store->releaseLock(QStringLiteral("agent"));
}

Result<void> Agent::start()
{
    Result<workspace::Workspace> ws = workspace::Workspace::open(m_dir);
    if (!ws)
        return ws.error();
    auto store = store::StateStore::open(ws->stateDbPath());
    if (!store)
        return store.error();
    m_store = std::move(store).value();
    if (Result<void> lock = m_store->acquireLock(QStringLiteral("agent")); !lock) {
        const auto holder = m_store->lockHolder(QStringLiteral("agent"));
        if (!holder)
            return lock.error();
        return Error{tr("an agent already runs for workspace %1 (process %2 on %3 since %4); one agent runs a workspace's schedules")
                         .arg(ws->dir())
                         .arg(holder->pid)
                         .arg(holder->host, holder->since.toLocalTime().toString(Qt::ISODate)),
                     Error::Kind::Config};
    }
    m_locked = true;
    QDir().mkpath(ws->stateDir() + QStringLiteral("/logs"));
    m_logFile.setFileName(ws->stateDir() + QStringLiteral("/logs/agent.log"));
    m_since = QDateTime::currentDateTimeUtc();
    m_workspace.reset();
    reloadIfChanged();
    if (!m_workspace)
        return Error{tr("sluice.json could not be read; the agent did not start"), Error::Kind::Config};
    write(tr("agent started for workspace %1 (process %2), at most %3 syncs at once")
              .arg(ws->dir())
              .arg(QCoreApplication::applicationPid())
              .arg(m_options.concurrency));
    m_timer.start(m_options.tickMs);
    QMetaObject::invokeMethod(this, &Agent::tick, Qt::QueuedConnection);
    return {};
}

void Agent::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_timer.stop();
    write(m_running.isEmpty() ? tr("stopping") : tr("stopping: letting %n run(s) settle their batches in flight", nullptr, int(m_running.size())));
    for (engine::SyncJob *job : std::as_const(m_running))
        job->requestInterruption();
    if (m_running.isEmpty()) {
        if (m_locked)
            m_store->releaseLock(QStringLiteral("agent"));
        m_locked = false;
        emit stopped();
    }
}

void Agent::reloadIfChanged()
{
    const QFileInfo file(QDir(m_dir).filePath(workspace::Workspace::configFileName()));
    if (m_workspace && file.lastModified() == m_configStamp && file.size() == m_configSize)
        return;
    m_configStamp = file.lastModified();
    m_configSize = file.size();
    Result<workspace::Workspace> ws = workspace::Workspace::open(m_dir);
    if (!ws) {
        write(m_workspace ? tr("sluice.json changed but cannot be used; keeping the last good schedules:\n%1").arg(ws.error().message)
                          : tr("sluice.json cannot be used:\n%1").arg(ws.error().message));
        return;
    }
    QHash<QString, Schedule> schedules;
    for (const workspace::SyncConfig &sync : ws->config().syncs) {
        Result<Schedule> s = Schedule::from(sync.schedule, sync.name);
        if (s && s->kind() != Schedule::Kind::Manual)
            schedules.insert(sync.name, s.value());
    }
    const bool first = !m_workspace;
    m_workspace = std::move(ws).value();
    m_schedules = schedules;
    QStringList described;
    for (auto it = m_schedules.begin(); it != m_schedules.end(); ++it)
        described.append(QStringLiteral("%1 (%2)").arg(it.key(), it.value().describe()));
    write((first ? tr("schedules: %1") : tr("sluice.json changed; schedules now: %1"))
              .arg(described.isEmpty() ? tr("none (every sync is manual)") : described.join(QStringLiteral(", "))));
}

LastRun Agent::lastRun(const QString &sync) const
{
    return lastRunOf(*m_store, sync);
}

void Agent::tick()
{
    if (m_stopping)
        return;
    reloadIfChanged();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Timed schedules first, then those that follow another sync: a child
    // never starts beside the parent run it should follow.
    for (const bool followers : {false, true}) {
        for (auto it = m_schedules.begin(); it != m_schedules.end() && m_running.size() < m_options.concurrency; ++it) {
            const QString &sync = it.key();
            const Schedule &schedule = it.value();
            if ((schedule.kind() == Schedule::Kind::After) != followers || m_running.contains(sync) || m_notBefore.value(sync) > now)
                continue;
            if (m_store->isPaused(sync, now)) // a missed slot runs once after the pause
                continue;
            if (followers && m_running.contains(schedule.parent()))
                continue;
            const LastRun parent = followers ? lastRun(schedule.parent()) : LastRun{};
            const QDateTime due = schedule.nextDue(lastRun(sync), parent, m_since);
            if (due.isValid() && due <= now)
                launch(sync);
        }
    }
}

bool Agent::runNow(const QString &sync)
{
    if (m_stopping || !m_workspace || m_running.contains(sync) || !m_workspace->config().syncs.contains(sync))
        return false;
    launch(sync, true);
    return true;
}

QStringList Agent::syncs() const
{
    return m_workspace ? m_workspace->config().syncs.keys() : QStringList();
}

void Agent::launch(const QString &sync, bool asked)
{
    write(asked ? tr("sync %1: run now, as asked").arg(sync) : tr("sync %1: starting a scheduled run").arg(sync));
    auto *job = new engine::SyncJob({*m_workspace, sync, false, false});
    m_running.insert(sync, job);
    emit runStarted(sync);
    auto done = [this, sync, job](int exitCode, const QString &line) {
        write(line);
        m_running.remove(sync);
        job->deleteLater();
        emit runFinished(sync, exitCode);
        if (m_stopping && m_running.isEmpty()) {
            if (m_locked)
                m_store->releaseLock(QStringLiteral("agent"));
            m_locked = false;
            emit stopped();
        }
    };
    connect(job, &engine::SyncJob::finished, this, [done, sync](const engine::RunSummary &s) {
        const engine::Counts &c = s.counts;
        done(s.exitCode(), tr("sync %1: run %2 %3: %4 delivered, %5 rejected, %6 invalid%7")
                               .arg(sync, s.runId, toString(s.status))
                               .arg(c.delivered)
                               .arg(c.rejected)
                               .arg(c.invalid)
                               .arg(s.error.isEmpty() ? QString() : QStringLiteral(" — ") + s.error));
    });
    connect(job, &engine::SyncJob::failed, this, [this, done, sync](const QString &message, int exitCode) {
        // Nothing ran (locked by another run, misconfigured): try again later, not every tick.
        m_notBefore.insert(sync, QDateTime::currentDateTimeUtc().addSecs(m_options.retryAfterRefusalSeconds));
        done(exitCode, tr("sync %1: not run: %2 (next try in %3 s)").arg(sync, message).arg(m_options.retryAfterRefusalSeconds));
    });
    job->start();
}

void Agent::write(const QString &line)
{
    const QString stamped = QDateTime::currentDateTime().toString(Qt::ISODate) + QLatin1Char(' ') + line;
    emit log(line);
    if (m_logFile.fileName().isEmpty())
        return;
    if (m_logFile.size() > kLogBytes) {
        m_logFile.close();
        const QString base = m_logFile.fileName();
        QFile::remove(base + QStringLiteral(".%1").arg(kLogFiles));
        for (int i = kLogFiles - 1; i >= 1; --i)
            QFile::rename(base + QStringLiteral(".%1").arg(i), base + QStringLiteral(".%1").arg(i + 1));
        QFile::rename(base, base + QStringLiteral(".1"));
    }
    if (!m_logFile.isOpen() && !m_logFile.open(QIODevice::Append | QIODevice::Text))
        return;
    m_logFile.write(stamped.toUtf8() + '\n');
    m_logFile.flush();
}

} // namespace sluice::schedule
