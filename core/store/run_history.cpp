// Run history read for metrics and charts: ranges and per-bucket sums done
// in SQL over the runs table (indexed by sync and start), so a dashboard over
// a year of 15-minute runs reads a few hundred rows, not a year of them.
#include "store/state_store.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace sluice::store {

namespace {

// Runs store started_at as UTC ISO text with milliseconds: text order is time order.
QString stamp(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

RunRecord runFrom(const QSqlQuery &q)
{
    RunRecord r;
    r.id = q.value(0).toString();
    r.sync = q.value(1).toString();
    r.status = q.value(2).toString();
    r.startedAt = QDateTime::fromString(q.value(3).toString(), Qt::ISODateWithMs);
    r.finishedAt = QDateTime::fromString(q.value(4).toString(), Qt::ISODateWithMs);
    r.counts = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
    r.metrics = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).object();
    r.error = q.value(7).toString();
    return r;
}

const QString runColumns = QStringLiteral("SELECT id, sync, status, started_at, finished_at, counts, metrics, error FROM runs ");

} // namespace

std::optional<RunRecord> StateStore::run(const QString &id) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(runColumns + QStringLiteral("WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return runFrom(q);
}

QList<RunRecord> StateStore::runs(const QString &sync, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(runColumns + QStringLiteral("WHERE (coalesce(?, '') = '' OR sync = ?) ORDER BY started_at DESC LIMIT ?"));
    q.addBindValue(sync);
    q.addBindValue(sync);
    q.addBindValue(limit);
    q.exec();
    QList<RunRecord> out;
    while (q.next())
        out.append(runFrom(q));
    return out;
}

QList<RunRecord> StateStore::runsBetween(const QString &sync, const QDateTime &from, const QDateTime &until) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(runColumns + QStringLiteral("WHERE sync = ? AND started_at >= ? AND started_at < ? ORDER BY started_at DESC"));
    q.addBindValue(sync);
    q.addBindValue(stamp(from));
    q.addBindValue(stamp(until));
    q.exec();
    QList<RunRecord> out;
    while (q.next())
        out.append(runFrom(q));
    return out;
}

QDateTime StateStore::lastSucceededBefore(const QString &sync, const QDateTime &at) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT max(started_at) FROM runs WHERE sync = ? AND started_at < ? AND status = 'succeeded'"));
    q.addBindValue(sync);
    q.addBindValue(stamp(at));
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return {};
    return QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
}

QList<StateStore::RunBucket> StateStore::runBuckets(const QString &sync, const QDateTime &since, const QDateTime &until, qint64 bucketSeconds) const
{
    // One pass: each finished run lands in its bucket; the JSON columns are
    // read by SQLite's json_extract. A run's lag is the one it recorded from
    // the model's freshness column, else its own duration (metrics.cpp).
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "WITH r AS (SELECT status, "
        "  CAST((unixepoch(started_at) - :since) / :bucket AS INTEGER) AS b, "
        "  coalesce(json_extract(counts, '$.delivered'), 0) AS delivered, "
        "  coalesce(json_extract(counts, '$.rejected'), 0) AS rejected, "
        "  json_extract(metrics, '$.matched') AS matched, "
        "  coalesce(json_extract(metrics, '$.match_sent'), coalesce(json_extract(counts, '$.delivered'), 0) "
        "           + coalesce(json_extract(counts, '$.rejected'), 0)) AS match_sent, "
        "  json_extract(metrics, '$.schema_drift') IS NOT NULL AS drift, "
        "  CASE WHEN status IN ('succeeded', 'partial') THEN coalesce(json_extract(metrics, '$.freshness_lag_s'), "
        "       unixepoch(finished_at) - unixepoch(started_at)) END AS lag "
        "  FROM runs WHERE (coalesce(:sync, '') = '' OR sync = :sync) AND started_at >= :from AND started_at < :until AND status != 'running') "
        "SELECT b, count(*), sum(status = 'succeeded'), sum(status = 'partial'), sum(status = 'failed'), sum(delivered), sum(rejected), "
        "  coalesce(sum(matched), 0), coalesce(sum(CASE WHEN matched IS NOT NULL THEN match_sent END), 0), max(lag), sum(drift) "
        "FROM r GROUP BY b ORDER BY b"));
    q.bindValue(QStringLiteral(":since"), since.toSecsSinceEpoch());
    q.bindValue(QStringLiteral(":bucket"), qMax<qint64>(1, bucketSeconds));
    q.bindValue(QStringLiteral(":sync"), sync);
    q.bindValue(QStringLiteral(":from"), stamp(since));
    q.bindValue(QStringLiteral(":until"), stamp(until));
    if (!q.exec())
        qWarning("runBuckets: %s", qPrintable(q.lastError().text()));
    QList<RunBucket> out;
    while (q.next()) {
        RunBucket b;
        b.index = q.value(0).toLongLong();
        b.runs = q.value(1).toLongLong();
        b.succeeded = q.value(2).toLongLong();
        b.partial = q.value(3).toLongLong();
        b.failed = q.value(4).toLongLong();
        b.delivered = q.value(5).toLongLong();
        b.rejected = q.value(6).toLongLong();
        b.matched = q.value(7).toLongLong();
        b.matchSent = q.value(8).toLongLong();
        if (!q.value(9).isNull())
            b.maxFreshnessLagSeconds = q.value(9).toLongLong();
        b.drift = q.value(10).toLongLong();
        out.append(b);
    }
    return out;
}

QList<StateStore::RunEvent> StateStore::runEvents(const QString &sync, const QDateTime &since, const QDateTime &until, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT started_at, sync, status, json_extract(metrics, '$.schema_drift') IS NOT NULL, coalesce(error, '') FROM runs "
                             "WHERE (coalesce(:sync, '') = '' OR sync = :sync) AND started_at >= :from AND started_at < :until "
                             "AND (status = 'failed' OR json_extract(metrics, '$.schema_drift') IS NOT NULL) ORDER BY started_at LIMIT :limit"));
    q.bindValue(QStringLiteral(":sync"), sync);
    q.bindValue(QStringLiteral(":from"), stamp(since));
    q.bindValue(QStringLiteral(":until"), stamp(until));
    q.bindValue(QStringLiteral(":limit"), limit);
    q.exec();
    QList<RunEvent> out;
    while (q.next()) {
        const QDateTime at = QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
        if (q.value(3).toBool())
            out.append({at, q.value(1).toString(), true, QString()});
        if (q.value(2).toString() == QLatin1String("failed"))
            out.append({at, q.value(1).toString(), false, q.value(4).toString()});
    }
    return out;
}

} // namespace sluice::store
