#include "store/state_store.h"

#include "source/column.h"
#include "store/sqlite_raw.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <xxhash.h>

#include <algorithm>

// The per-record sync state of the local diff: what the destination holds,
// as Sluice last saw it accept. Read and written through SQLite's own API
// on Qt's connection (same handle, same transaction).
namespace sluice::store {

using namespace detail;

quint64 recordKeyHash(QByteArrayView utf8)
{
    return XXH3_64bits(utf8.data(), size_t(utf8.size()));
}

quint64 recordKeyHash(QStringView key)
{
    // Most keys are short ASCII (ids, e-mails): narrowed on the stack.
    char buffer[128];
    if (key.size() <= qsizetype(sizeof buffer)) {
        const char16_t *p = key.utf16();
        bool ascii = true;
        for (qsizetype i = 0; i < key.size() && ascii; ++i) {
            ascii = p[i] < 0x80;
            buffer[i] = char(p[i]);
        }
        if (ascii)
            return recordKeyHash(QByteArrayView(buffer, key.size()));
    }
    return recordKeyHash(QByteArrayView(key.toUtf8()));
}

StateStore::StateStore(QString path, QString connection) : m_path(std::move(path)), m_connection(std::move(connection))
{
}

StateStore::~StateStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    // What the file is like now that it is closed: the next open may skip quick_check (state_store.cpp).
    const QFileInfo db(m_path);
    QFile stamp(m_path + QStringLiteral(".checked"));
    if (m_checkedAt > 0 && db.exists() && QFileInfo(m_path + QStringLiteral("-wal")).size() == 0 && stamp.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        stamp.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        stamp.write(QByteArray::number(db.size()) + ' ' + QByteArray::number(db.lastModified().toMSecsSinceEpoch()) + ' ' + QByteArray::number(m_checkedAt));
    }
}

namespace {

// Keys marked pending, one a row and a batch at a time, that the state
// does not hold: what the destination may hold although no run settled it.
#define SLUICE_PENDING_KEYS                                                                                                                \
    "(SELECT key FROM record_pending WHERE sync = ?1 UNION SELECT j.value FROM pending_batches b, json_each(b.keys) j WHERE b.sync = ?1) p " \
    "WHERE NOT EXISTS (SELECT 1 FROM record_state s WHERE s.sync = ?1 AND s.key = p.key)"

// The state's rows, then the pending keys.
const char *stateRows(const char *columns)
{
    if (qstrcmp(columns, "key") == 0)
        return "SELECT key_hash, key, hash FROM record_state WHERE sync = ?1 UNION ALL SELECT NULL, key, 'pending' FROM " SLUICE_PENDING_KEYS;
    return "SELECT key_hash, hash, key FROM record_state WHERE sync = ?1 UNION ALL SELECT NULL, 'pending', key FROM " SLUICE_PENDING_KEYS;
}

} // namespace

void StateStore::forEachRecordState(const QString &sync, const std::function<void(quint64, QByteArrayView)> &visit) const
{
    RawStatement q(rawHandle(QSqlDatabase::database(m_connection)), stateRows("hash"));
    if (!q.ok())
        return;
    q.bind(1, sync);
    while (q.next())
        visit(q.isNull(0) ? recordKeyHash(q.bytes(2)) : q.integer(0), q.bytes(1)); // the key is read only when its hash is missing
}

void StateStore::forEachRecordKey(const QString &sync, const std::function<bool(quint64)> &wanted,
                                  const std::function<void(const QString &, QByteArrayView)> &visit) const
{
    RawStatement q(rawHandle(QSqlDatabase::database(m_connection)), stateRows("key"));
    if (!q.ok())
        return;
    q.bind(1, sync);
    while (q.next()) {
        const quint64 hash = q.isNull(0) ? recordKeyHash(q.bytes(1)) : q.integer(0);
        if (wanted(hash))
            visit(q.text(1), q.bytes(2));
    }
}

QStringList StateStore::keysWithHashes(const QString &sync, std::vector<quint64> hashes) const
{
    // One pass over the state (about 150 ms a million records): an index on
    // the key hash would make every first delivery write at a random place.
    QStringList keys;
    if (hashes.empty())
        return keys;
    std::sort(hashes.begin(), hashes.end());
    forEachRecordKey(sync, [&](quint64 h) { return std::binary_search(hashes.begin(), hashes.end(), h); },
                     [&](const QString &key, QByteArrayView) { keys.append(key); });
    return keys;
}

Result<void> StateStore::commitOutcomes(const QString &sync, const QString &runId, const QList<Accepted> &accepted,
                                        const QList<Held> &held, bool recordState)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!beginWrite(db))
        return storeError(QCoreApplication::translate("sluice::store", "recording outcomes of sync %1").arg(sync), db.lastError());
    QSqlQuery resolve(db), hold(db);
    resolve.prepare(QStringLiteral("UPDATE rejections SET resolved_run = ? WHERE sync = ? AND key = ? AND resolved_run IS NULL"));
    hold.prepare(QStringLiteral("INSERT INTO rejections(sync, key, kind, reason, run_id, attempts, first_seen) "
                                "VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT(sync, key) DO UPDATE SET kind = excluded.kind, "
                                "reason = excluded.reason, run_id = excluded.run_id, "
                                "attempts = CASE WHEN rejections.resolved_run IS NULL THEN rejections.attempts + 1 ELSE 1 END, "
                                "first_seen = CASE WHEN rejections.resolved_run IS NULL THEN rejections.first_seen ELSE excluded.first_seen END, "
                                "resolved_run = NULL"));
    const QString now = isoNow();
    // Only keys with an open rejection need resolving: one query, not one per record.
    QSet<QString> open;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT key FROM rejections WHERE sync = ? AND resolved_run IS NULL"));
        q.addBindValue(sync);
        q.exec();
        while (q.next())
            open.insert(q.value(0).toString());
    }
    auto failed = [&](QSqlQuery &q) {
        const QSqlError e = q.lastError();
        db.rollback();
        return storeError(QCoreApplication::translate("sluice::store", "recording outcomes of sync %1").arg(sync), e);
    };
    RawStatement upsertState(rawHandle(db), "INSERT INTO record_state(sync, key, hash, updated_run, key_hash) VALUES (?, ?, ?, ?, ?) "
                                            "ON CONFLICT(sync, key) DO UPDATE SET hash = excluded.hash, updated_run = excluded.updated_run");
    RawStatement removeState(rawHandle(db), "DELETE FROM record_state WHERE sync = ? AND key = ?");
    RawStatement unmark(rawHandle(db), "DELETE FROM record_pending WHERE sync = ? AND key = ?");
    if (!upsertState.ok() || !removeState.ok() || !unmark.ok()) {
        const QString problem = upsertState.ok() ? (removeState.ok() ? unmark.error() : removeState.error()) : upsertState.error();
        db.rollback();
        return storeError(QCoreApplication::translate("sluice::store", "recording outcomes of sync %1").arg(sync), problem);
    }
    upsertState.bind(1, sync);
    upsertState.bind(4, runId);
    removeState.bind(1, sync);
    unmark.bind(1, sync);
    // Pending marks are few (what is in flight): most records have none to clear.
    const bool marked = recordState && hasPending(sync);
    for (const Accepted &a : accepted) {
        if (recordState) {
            RawStatement &q = a.deleted ? removeState : upsertState;
            q.bind(2, a.key);
            if (!a.deleted) {
                q.bind(3, a.hash);
                q.bind(5, recordKeyHash(a.key));
            }
            if (marked)
                unmark.bind(2, a.key);
            if (!q.run() || (marked && !unmark.run())) {
                const Error e = storeError(QCoreApplication::translate("sluice::store", "recording outcomes of sync %1").arg(sync), q.error());
                db.rollback();
                return e;
            }
        }
        if (!open.contains(a.key))
            continue;
        resolve.addBindValue(runId);
        resolve.addBindValue(sync);
        resolve.addBindValue(a.key);
        if (!resolve.exec())
            return failed(resolve);
    }
    for (const Held &h : held) {
        hold.addBindValue(sync);
        hold.addBindValue(h.key);
        hold.addBindValue(h.kind);
        hold.addBindValue(h.reason);
        hold.addBindValue(runId);
        hold.addBindValue(now);
        if (!hold.exec())
            return failed(hold);
    }
    if (!db.commit())
        return storeError(QCoreApplication::translate("sluice::store", "recording outcomes of sync %1").arg(sync), db.lastError());
    return {};
}

Result<void> StateStore::markPending(const QString &sync, const QString &runId, const QStringList &keys)
{
    QByteArray array("[");
    for (const QString &key : keys) {
        if (array.size() > 1)
            array.append(',');
        source::appendJsonString(array, key);
    }
    array.append(']');
    RawStatement q(rawHandle(QSqlDatabase::database(m_connection)), "INSERT INTO pending_batches(sync, run_id, keys) VALUES (?, ?, ?)");
    q.bind(1, sync);
    q.bind(2, runId);
    q.bindBytes(3, array);
    if (!q.ok() || !q.run())
        return storeError(QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync), q.error());
    return {};
}

Result<void> StateStore::settlePending(const QString &sync, const QString &runId, bool clean)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const QString what = QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync);
    if (clean) { // every marked record settled: its state says what the destination holds
        RawStatement q(rawHandle(db), "DELETE FROM pending_batches WHERE sync = ? AND run_id = ?");
        q.bind(1, sync);
        q.bind(2, runId);
        if (!q.ok() || !q.run())
            return storeError(what, q.error());
        return {};
    }
    if (!beginWrite(db))
        return storeError(what, db.lastError());
    RawStatement adopt(rawHandle(db), "INSERT OR IGNORE INTO record_pending(sync, key, run_id) SELECT ?1, p.key, ?2 FROM " SLUICE_PENDING_KEYS);
    RawStatement drop(rawHandle(db), "DELETE FROM pending_batches WHERE sync = ?");
    adopt.bind(1, sync);
    adopt.bind(2, runId);
    drop.bind(1, sync);
    if (!adopt.ok() || !adopt.run() || !drop.ok() || !drop.run()) {
        const QString problem = adopt.ok() ? drop.error() : adopt.error();
        db.rollback();
        return storeError(what, problem);
    }
    if (!db.commit())
        return storeError(what, db.lastError());
    return {};
}

Result<void> StateStore::clearPending(const QString &sync, const QStringList &keys)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const QString what = QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync);
    if (!beginWrite(db))
        return storeError(what, db.lastError());
    RawStatement q(rawHandle(db), "DELETE FROM record_pending WHERE sync = ? AND key = ?");
    if (!q.ok()) {
        const QString problem = q.error();
        db.rollback();
        return storeError(what, problem);
    }
    q.bind(1, sync);
    for (const QString &key : keys) {
        q.bind(2, key);
        if (!q.run()) {
            const QString problem = q.error();
            db.rollback();
            return storeError(what, problem);
        }
    }
    if (!db.commit())
        return storeError(what, db.lastError());
    return {};
}

bool StateStore::hasPending(const QString &sync) const
{
    RawStatement q(rawHandle(QSqlDatabase::database(m_connection)), "SELECT 1 FROM record_pending WHERE sync = ? LIMIT 1");
    if (!q.ok())
        return true; // cannot tell: clear them as if there were
    q.bind(1, sync);
    return q.next();
}

Result<void> StateStore::forgetState(const QString &sync)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    for (const QString &table : {QStringLiteral("record_state"), QStringLiteral("record_pending"), QStringLiteral("pending_batches")}) {
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE sync = ?").arg(table));
        q.addBindValue(sync);
        if (!q.exec())
            return storeError(QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync), q.lastError());
    }
    return {};
}

} // namespace sluice::store
