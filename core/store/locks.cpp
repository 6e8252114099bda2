// Locks in the state database: who holds one, and whether that holder still
// exists. A PID alone is not enough (PIDs are reused, and a lock may come
// from another host sharing the workspace), so a lock records the host, the
// PID and the process's start (boot id and start tick from /proc).
#include "store/state_store.h"

#include "store/sqlite_raw.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <csignal>
#include <unistd.h>

namespace sluice::store {

using namespace detail;

namespace {

// "<boot id>/<start tick>" of a process on this machine, empty when unknown.
QString processStart(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    // Field 2 (the command) may hold spaces; fields after its ')' are plain.
    const QList<QByteArray> rest = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (rest.size() < 20)
        return {};
    QFile boot(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    const QByteArray bootId = boot.open(QIODevice::ReadOnly) ? boot.readAll().trimmed() : QByteArray();
    return QString::fromLatin1(bootId + '/' + rest.at(19)); // field 22: starttime
}

bool sameProcessAlive(qint64 pid, const QString &recordedStart)
{
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno != EPERM))
        return false;
    // Older locks recorded no start: trust the PID as before.
    return recordedStart.isEmpty() || processStart(pid) == recordedStart;
}

} // namespace

std::optional<StateStore::LockHolder> StateStore::lockHolder(const QString &name) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT owner_pid, host, acquired_at, process_start FROM locks WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec() || !q.next())
        return std::nullopt;
    LockHolder h;
    h.pid = q.value(0).toLongLong();
    h.host = q.value(1).toString();
    h.since = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
    h.local = h.host == QHostInfo::localHostName();
    h.alive = h.local && sameProcessAlive(h.pid, q.value(3).toString());
    return h;
}

Result<void> StateStore::acquireLock(const QString &name, QString *recoveredFrom)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // BEGIN IMMEDIATE: two processes racing for the lock serialize here.
    if (QSqlQuery begin(db); !execPatiently(begin, QStringLiteral("BEGIN IMMEDIATE")))
        return storeError(QCoreApplication::translate("sluice::store", "lock %1").arg(name), begin.lastError());
    if (const std::optional<LockHolder> holder = lockHolder(name)) {
        if (holder->alive || !holder->local) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            const QString since = holder->since.toString(Qt::ISODate);
            return Error{holder->alive
                             ? QCoreApplication::translate("sluice::store", "%1 is already running (process %2 on %3 since %4); wait for it to finish")
                                   .arg(name).arg(holder->pid).arg(holder->host, since)
                             : QCoreApplication::translate("sluice::store", "%1 is locked by process %2 on another host, %3, since %4; if that run "
                                                           "is gone, clear the lock with: sluice unlock %5")
                                   .arg(name).arg(holder->pid).arg(holder->host, since, name.section(QLatin1Char(' '), 1)),
                         Error::Kind::Config};
        }
        if (recoveredFrom)
            *recoveredFrom = QStringLiteral("process %1 (no longer running)").arg(holder->pid);
    }
    QSqlQuery take(db);
    take.prepare(QStringLiteral("INSERT OR REPLACE INTO locks(name, owner_pid, host, acquired_at, process_start) VALUES (?, ?, ?, ?, ?)"));
    take.addBindValue(name);
    take.addBindValue(qint64(::getpid()));
    take.addBindValue(QHostInfo::localHostName());
    take.addBindValue(isoNow());
    take.addBindValue(processStart(::getpid()));
    if (!take.exec()) {
        const QSqlError e = take.lastError();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return storeError(QCoreApplication::translate("sluice::store", "lock %1").arg(name), e);
    }
    if (!QSqlQuery(db).exec(QStringLiteral("COMMIT")))
        return storeError(QCoreApplication::translate("sluice::store", "lock %1").arg(name), db.lastError());
    return {};
}

void StateStore::releaseLock(const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM locks WHERE name = ? AND owner_pid = ? AND host = ?"));
    q.addBindValue(name);
    q.addBindValue(qint64(::getpid()));
    q.addBindValue(QHostInfo::localHostName());
    q.exec();
}

Result<void> StateStore::clearLock(const QString &name)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM locks WHERE name = ?"));
    q.addBindValue(name);
    if (!q.exec())
        return storeError(QCoreApplication::translate("sluice::store", "lock %1").arg(name), q.lastError());
    return {};
}

namespace {

QString deliveredPath(const QString &databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QStringLiteral("/delivered-syncs");
}

} // namespace

bool StateStore::hasDelivered(const QString &sync) const
{
    QFile f(deliveredPath(m_path));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    const QByteArray wanted = sync.toUtf8();
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line == wanted)
            return true;
    return false;
}

void StateStore::noteDelivered(const QString &sync)
{
    if (hasDelivered(sync))
        return;
    QFile f(deliveredPath(m_path));
    if (f.open(QIODevice::Append)) {
        f.write(sync.toUtf8() + '\n');
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
}

} // namespace sluice::store
