#include "store/state_store.h"

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

void StateStore::forEachRecordState(const QString &sync, const std::function<void(quint64, QByteArrayView)> &visit) const
{
    RawStatement q(rawHandle(QSqlDatabase::database(m_connection)), "SELECT key_hash, hash, key FROM record_state WHERE sync = ?");
    if (!q.ok())
        return;
    q.bind(1, sync);
    while (q.next())
        visit(q.isNull(0) ? recordKeyHash(q.bytes(2)) : q.integer(0), q.bytes(1)); // the key is read only when its hash is missing
}

void StateStore::forEachRecordKey(const QString &sync, const std::function<bool(quint64)> &wanted,
                                  const std::function<void(const QString &, QByteArrayView)> &visit) const
{
    RawStatement q(rawHandle(QSqlDatabase::database(m_connection)), "SELECT key_hash, key, hash FROM record_state WHERE sync = ?");
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
    QStringList keys;
    if (hashes.empty())
        return keys;
    sqlite3 *db = rawHandle(QSqlDatabase::database(m_connection));
    if (hashes.size() > 20000) {
        // Many: one pass over the state beats as many index lookups.
        std::sort(hashes.begin(), hashes.end());
        forEachRecordKey(sync, [&](quint64 h) { return std::binary_search(hashes.begin(), hashes.end(), h); },
                         [&](const QString &key, QByteArrayView) { keys.append(key); });
        return keys;
    }
    RawStatement q(db, "SELECT key FROM record_state WHERE sync = ? AND key_hash = ?");
    if (!q.ok())
        return keys;
    q.bind(1, sync);
    for (const quint64 h : hashes) {
        q.bind(2, h);
        while (q.next())
            keys.append(q.text(0));
        q.reset();
    }
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
    if (!upsertState.ok() || !removeState.ok()) {
        const QString problem = upsertState.error();
        db.rollback();
        return storeError(QCoreApplication::translate("sluice::store", "recording outcomes of sync %1").arg(sync), problem);
    }
    upsertState.bind(1, sync);
    upsertState.bind(4, runId);
    removeState.bind(1, sync);
    for (const Accepted &a : accepted) {
        if (recordState) {
            RawStatement &q = a.deleted ? removeState : upsertState;
            q.bind(2, a.key);
            if (!a.deleted) {
                q.bind(3, a.hash);
                q.bind(5, recordKeyHash(a.key));
            }
            if (!q.run()) {
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
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!beginWrite(db))
        return storeError(QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync), db.lastError());
    RawStatement q(rawHandle(db), "INSERT INTO record_state(sync, key, hash, updated_run, key_hash) VALUES (?, ?, 'pending', ?, ?) "
                                  "ON CONFLICT(sync, key) DO NOTHING");
    if (!q.ok()) {
        const QString problem = q.error();
        db.rollback();
        return storeError(QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync), problem);
    }
    q.bind(1, sync);
    q.bind(3, runId);
    for (const QString &key : keys) {
        q.bind(2, key);
        q.bind(4, recordKeyHash(key));
        if (!q.run()) {
            const QString problem = q.error();
            db.rollback();
            return storeError(QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync), problem);
        }
    }
    if (!db.commit())
        return storeError(QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync), db.lastError());
    return {};
}

Result<void> StateStore::clearPending(const QString &sync, const QStringList &keys)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!beginWrite(db))
        return storeError(QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync), db.lastError());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM record_state WHERE sync = ? AND key = ? AND hash = 'pending'"));
    for (const QString &key : keys) {
        q.addBindValue(sync);
        q.addBindValue(key);
        q.exec();
    }
    if (!db.commit())
        return storeError(QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync), db.lastError());
    return {};
}

Result<void> StateStore::forgetState(const QString &sync)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM record_state WHERE sync = ?"));
    q.addBindValue(sync);
    if (!q.exec())
        return storeError(QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync), q.lastError());
    return {};
}

} // namespace sluice::store
