#include "run_history.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace sluice::test {

qint64 writeRunHistory(const QString &stateDbPath, const HistoryOptions &o)
{
    const QString name = QStringLiteral("history-") + QUuid::createUuid().toString(QUuid::Id128);
    qint64 written = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(stateDbPath);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(stateDbPath));
        db.transaction();
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT INTO runs(id, sync, status, started_at, finished_at, counts, metrics, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        const QDateTime first = o.until.addDays(-o.days);
        const QDateTime failFrom = o.until.addDays(-2).addSecs(-3600 * 10);
        const QDateTime driftAt = o.until.addDays(-1).addSecs(-3600 * 15);
        for (qsizetype s = 0; s < o.syncs.size(); ++s) {
            const bool reportsMatches = s % 2 == 0;
            qint64 i = 0;
            for (QDateTime at = first; at < o.until; at = at.addSecs(qint64(o.stepMinutes) * 60), ++i) {
                const qint64 wave = (i * 37 + s * 11) % 97; // a deterministic wobble
                const bool failed = o.failureEpisode && at >= failFrom && at < failFrom.addSecs(qMax(45, 3 * o.stepMinutes) * 60);
                const bool partial = !failed && wave % 23 == 0;
                const qint64 delivered = failed ? 0 : 120 + wave * 3;
                const qint64 rejected = partial ? 1 + wave % 4 : 0;
                QJsonObject metrics{{QStringLiteral("model_rows"), 10000.0}};
                if (!failed) {
                    // Lag climbs after the failure episode until the recovery catches up.
                    const bool catchingUp = o.failureEpisode && at >= failFrom && at < failFrom.addSecs(4 * 3600);
                    metrics.insert(QStringLiteral("freshness_lag_s"), double(catchingUp ? 3000 + wave * 20 : 300 + wave * 9));
                    if (reportsMatches)
                        metrics.insert(QStringLiteral("matched"), double(delivered * (78 + wave % 10) / 100));
                }
                if (o.drift && at <= driftAt && at.addSecs(qint64(o.stepMinutes) * 60) > driftAt)
                    metrics.insert(QStringLiteral("schema_drift"), QJsonObject{{QStringLiteral("added"), QStringLiteral("loyalty_tier")}});
                const QJsonObject counts{{QStringLiteral("added"), double(delivered / 10)}, {QStringLiteral("changed"), double(delivered - delivered / 10)},
                                         {QStringLiteral("delivered"), double(delivered)}, {QStringLiteral("rejected"), double(rejected)},
                                         {QStringLiteral("invalid"), double(wave % 5)}};
                q.addBindValue(QStringLiteral("%1-%2").arg(o.syncs[s]).arg(i));
                q.addBindValue(o.syncs[s]);
                q.addBindValue(failed ? QStringLiteral("failed") : partial ? QStringLiteral("partial") : QStringLiteral("succeeded"));
                q.addBindValue(at.toUTC().toString(Qt::ISODateWithMs));
                q.addBindValue(at.addSecs(failed ? 95 : 40 + wave).toUTC().toString(Qt::ISODateWithMs));
                q.addBindValue(QString::fromUtf8(QJsonDocument(counts).toJson(QJsonDocument::Compact)));
                q.addBindValue(QString::fromUtf8(QJsonDocument(metrics).toJson(QJsonDocument::Compact)));
                q.addBindValue(failed ? QStringLiteral("destination crm: HubSpot answered HTTP 503 for 3 attempts") : QString());
                if (!q.exec())
                    qFatal("cannot write a run: %s", qPrintable(q.lastError().text()));
                ++written;
            }
        }
        db.commit();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return written;
}

} // namespace sluice::test
