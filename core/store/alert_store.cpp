// Alert rules' states and notices, kept beside the run history.
#include "store/state_store.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace sluice::store {

namespace {

QString stamp(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromStamp(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

StateStore::AlertState stateFrom(const QSqlQuery &q)
{
    StateStore::AlertState s;
    s.sync = q.value(0).toString();
    s.rule = q.value(1).toString();
    s.firing = q.value(2).toBool();
    s.since = fromStamp(q.value(3));
    s.lastNotified = fromStamp(q.value(4));
    s.repeats = q.value(5).toInt();
    for (const QString &t : q.value(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
        s.transitions.append(QDateTime::fromString(t, Qt::ISODateWithMs));
    return s;
}

} // namespace

StateStore::AlertState StateStore::alertState(const QString &sync, const QString &rule) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT sync, rule, firing, since, last_notified, repeats, transitions FROM alert_state WHERE sync = ? AND rule = ?"));
    q.addBindValue(sync);
    q.addBindValue(rule);
    if (q.exec() && q.next())
        return stateFrom(q);
    AlertState fresh;
    fresh.sync = sync;
    fresh.rule = rule;
    return fresh;
}

QList<StateStore::AlertState> StateStore::alertStates(const QString &sync) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT sync, rule, firing, since, last_notified, repeats, transitions FROM alert_state "
                             "WHERE coalesce(?, '') = '' OR sync = ? ORDER BY sync, rule"));
    q.addBindValue(sync);
    q.addBindValue(sync);
    q.exec();
    QList<AlertState> out;
    while (q.next())
        out.append(stateFrom(q));
    return out;
}

Result<void> StateStore::saveAlertState(const AlertState &s)
{
    QStringList transitions;
    for (const QDateTime &t : s.transitions)
        transitions.append(stamp(t));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO alert_state(sync, rule, firing, since, last_notified, repeats, transitions) VALUES (?, ?, ?, ?, ?, ?, coalesce(?, '')) "
                             "ON CONFLICT(sync, rule) DO UPDATE SET firing = excluded.firing, since = excluded.since, "
                             "last_notified = excluded.last_notified, repeats = excluded.repeats, transitions = excluded.transitions"));
    q.addBindValue(s.sync);
    q.addBindValue(s.rule);
    q.addBindValue(s.firing ? 1 : 0);
    q.addBindValue(s.since.isValid() ? QVariant(stamp(s.since)) : QVariant());
    q.addBindValue(s.lastNotified.isValid() ? QVariant(stamp(s.lastNotified)) : QVariant());
    q.addBindValue(s.repeats);
    q.addBindValue(transitions.join(QLatin1Char(',')));
    if (!q.exec())
        return Error{QStringLiteral("state database: cannot keep the alert state of %1/%2: %3").arg(s.sync, s.rule, q.lastError().text()),
                     Error::Kind::Unreachable};
    return {};
}

Result<qint64> StateStore::appendAlertEvent(const AlertEvent &e)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO alert_events(at, sync, rule, kind, message, run_id, delivered, delivery) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(stamp(e.at));
    q.addBindValue(e.sync);
    q.addBindValue(e.rule);
    q.addBindValue(e.kind);
    q.addBindValue(e.message);
    q.addBindValue(e.runId);
    q.addBindValue(e.delivered ? 1 : 0);
    q.addBindValue(e.delivery);
    if (!q.exec())
        return Error{QStringLiteral("state database: cannot record an alert: %1").arg(q.lastError().text()), Error::Kind::Unreachable};
    return q.lastInsertId().toLongLong();
}

Result<void> StateStore::noteAlertDelivery(const QList<qint64> &ids, bool delivered, const QString &delivery)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE alert_events SET delivered = ?, delivery = ? WHERE id = ?"));
    for (qint64 id : ids) {
        q.addBindValue(delivered ? 1 : 0);
        q.addBindValue(delivery);
        q.addBindValue(id);
        if (!q.exec())
            return Error{QStringLiteral("state database: cannot note an alert's delivery: %1").arg(q.lastError().text()), Error::Kind::Unreachable};
    }
    return {};
}

QList<StateStore::AlertEvent> StateStore::claimAlertEvents(const QString &claim, const QDateTime &since)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE alert_events SET delivery = ? WHERE delivered = 0 AND coalesce(delivery, '') = '' AND at >= ?"));
    q.addBindValue(claim);
    q.addBindValue(stamp(since));
    QList<AlertEvent> out;
    if (!q.exec() || q.numRowsAffected() == 0)
        return out;
    q.prepare(QStringLiteral("SELECT id, at, sync, rule, kind, message, coalesce(run_id, '') FROM alert_events WHERE delivery = ? ORDER BY at, id"));
    q.addBindValue(claim);
    q.exec();
    while (q.next())
        out.append({q.value(0).toLongLong(), fromStamp(q.value(1)), q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                    q.value(5).toString(), q.value(6).toString(), false, claim});
    return out;
}

QList<StateStore::AlertEvent> StateStore::alertEvents(const QString &sync, const QDateTime &since, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT id, at, sync, rule, kind, message, coalesce(run_id, ''), delivered, coalesce(delivery, '') FROM alert_events "
                             "WHERE (coalesce(?, '') = '' OR sync = ?) AND at >= ? ORDER BY at DESC, id DESC LIMIT ?"));
    q.addBindValue(sync);
    q.addBindValue(sync);
    q.addBindValue(stamp(since));
    q.addBindValue(limit);
    q.exec();
    QList<AlertEvent> out;
    while (q.next())
        out.append({q.value(0).toLongLong(), fromStamp(q.value(1)), q.value(2).toString(), q.value(3).toString(), q.value(4).toString(),
                    q.value(5).toString(), q.value(6).toString(), q.value(7).toBool(), q.value(8).toString()});
    return out;
}

Result<void> StateStore::pause(const QString &sync, const QDateTime &until)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO pauses(sync, until, at) VALUES (?, ?, ?) ON CONFLICT(sync) DO UPDATE SET until = excluded.until, at = excluded.at"));
    q.addBindValue(sync);
    q.addBindValue(until.isValid() ? QVariant(stamp(until)) : QVariant());
    q.addBindValue(stamp(QDateTime::currentDateTimeUtc()));
    if (!q.exec())
        return Error{QStringLiteral("state database: cannot pause %1: %2").arg(sync, q.lastError().text()), Error::Kind::Unreachable};
    return {};
}

Result<void> StateStore::resume(const QString &sync)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(sync == allSyncs() ? QStringLiteral("DELETE FROM pauses WHERE ? IS NOT NULL") : QStringLiteral("DELETE FROM pauses WHERE sync = ?"));
    q.addBindValue(sync);
    if (!q.exec())
        return Error{QStringLiteral("state database: cannot resume %1: %2").arg(sync, q.lastError().text()), Error::Kind::Unreachable};
    return {};
}

QList<StateStore::Pause> StateStore::pauses(const QDateTime &now) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT sync, until FROM pauses WHERE until IS NULL OR until > ? ORDER BY sync"));
    q.addBindValue(stamp(now));
    q.exec();
    QList<Pause> out;
    while (q.next())
        out.append({q.value(0).toString(), fromStamp(q.value(1))});
    return out;
}

bool StateStore::isPaused(const QString &sync, const QDateTime &now) const
{
    for (const Pause &p : pauses(now))
        if (p.sync == sync || p.sync == allSyncs())
            return true;
    return false;
}

} // namespace sluice::store
