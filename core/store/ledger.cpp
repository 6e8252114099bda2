// The record ledger: one row per record per outcome, so that an operator can
// read a record's story across runs ("sluice history SYNC KEY") and a past
// run's rejections stay with that run. Written per settled batch, pruned by
// age after a run, a slice at a time so that a large prune never holds the
// database for long.
#include "store/state_store.h"

#include "store/sqlite_raw.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace sluice::store {

using namespace detail;

Result<void> StateStore::appendLedger(const QString &sync, const QString &runId, const QList<LedgerEntry> &entries)
{
    if (entries.isEmpty())
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const QString what = QCoreApplication::translate("sluice::store", "record ledger of sync %1").arg(sync);
    if (!beginWrite(db))
        return storeError(what, db.lastError());
    RawStatement insert(rawHandle(db), "INSERT INTO ledger(sync, key, run_id, at, op, outcome, reason, payload_hash, payload) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert.ok()) {
        const QString problem = insert.error();
        db.rollback();
        return storeError(what, problem);
    }
    insert.bind(1, sync);
    insert.bind(3, runId);
    insert.bind(4, isoNow());
    QString op, outcome; // the same for most rows: bound again only when they change
    for (const LedgerEntry &e : entries) {
        insert.bind(2, e.key);
        if (e.op != op || op.isNull())
            insert.bind(5, op = e.op);
        if (e.outcome != outcome || outcome.isNull())
            insert.bind(6, outcome = e.outcome);
        e.reason.isEmpty() ? insert.bindNull(7) : insert.bind(7, e.reason);
        e.payloadHash.isEmpty() ? insert.bindNull(8) : insert.bind(8, e.payloadHash);
        e.payload.isEmpty() ? insert.bindNull(9) : insert.bindBytes(9, e.payload);
        if (!insert.run()) {
            const QString problem = insert.error();
            db.rollback();
            return storeError(what, problem);
        }
    }
    if (!db.commit())
        return storeError(what, db.lastError());
    return {};
}

namespace {

QList<StateStore::LedgerEntry> readLedger(QSqlQuery &q)
{
    QList<StateStore::LedgerEntry> out;
    while (q.next()) {
        StateStore::LedgerEntry e;
        e.key = q.value(0).toString();
        e.runId = q.value(1).toString();
        e.at = QDateTime::fromString(q.value(2).toString(), Qt::ISODateWithMs);
        e.op = q.value(3).toString();
        e.outcome = q.value(4).toString();
        e.reason = q.value(5).toString();
        e.payloadHash = q.value(6).toString();
        e.payload = q.value(7).toByteArray();
        out.append(e);
    }
    return out;
}

} // namespace

QList<StateStore::LedgerEntry> StateStore::history(const QString &sync, const QString &key, int limit) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT key, run_id, at, op, outcome, reason, payload_hash, payload FROM ledger "
                             "WHERE sync = ? AND key = ? ORDER BY id DESC LIMIT ?"));
    q.addBindValue(sync);
    q.addBindValue(key);
    q.addBindValue(limit);
    q.exec();
    QList<LedgerEntry> out = readLedger(q);
    std::reverse(out.begin(), out.end()); // oldest first: a story reads forward
    return out;
}

QList<StateStore::LedgerEntry> StateStore::heldInRun(const QString &sync, const QString &runId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT key, run_id, at, op, outcome, reason, payload_hash, payload FROM ledger "
                             "WHERE run_id = ? AND sync = ? AND outcome <> 'delivered' ORDER BY id"));
    q.addBindValue(runId);
    q.addBindValue(sync);
    q.exec();
    return readLedger(q);
}

qint64 StateStore::pruneLedger(int days)
{
    // Rows are appended in time order, so the oldest are the lowest ids: a
    // slice at a time from the front, while it is older than the cutoff
    // (no index on time to keep up on every insert).
    const QString cutoff = QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::ISODateWithMs);
    qint64 removed = 0;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    for (;;) {
        q.prepare(QStringLiteral("DELETE FROM ledger WHERE id IN (SELECT id FROM ledger ORDER BY id LIMIT 10000) AND at < ?"));
        q.addBindValue(cutoff);
        if (!q.exec())
            break;
        const int n = q.numRowsAffected();
        removed += n;
        if (n < 10000)
            break;
    }
    return removed;
}

} // namespace sluice::store
