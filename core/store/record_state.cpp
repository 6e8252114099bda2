#include "store/state_store.h"

#include "source/column.h"
#include "store/sqlite_raw.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
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

// The state's rows, then the records the next run adopted as pending (see
// settlePending) that it holds no row for.
const char *stateRows(const char *columns)
{
    if (qstrcmp(columns, "key") == 0)
        return "SELECT key_hash, key, hash FROM record_state WHERE sync = ?1 UNION ALL SELECT NULL, key, 'pending' FROM record_pending p "
               "WHERE sync = ?1 AND NOT EXISTS (SELECT 1 FROM record_state s WHERE s.sync = ?1 AND s.key = p.key)";
    return "SELECT key_hash, hash, key FROM record_state WHERE sync = ?1 UNION ALL SELECT NULL, 'pending', key FROM record_pending p "
           "WHERE sync = ?1 AND NOT EXISTS (SELECT 1 FROM record_state s WHERE s.sync = ?1 AND s.key = p.key)";
}

} // namespace

// The marks file: one line a batch, its keys as a JSON array. A line cut
// short (the process died writing it) marks nothing: its batch never left.
QStringList StateStore::markedKeys(const QString &sync) const
{
    QStringList keys;
    QFile f(markPath(sync));
    if (!f.open(QIODevice::ReadOnly))
        return keys;
    QSet<QString> seen;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine();
        if (!line.endsWith('\n'))
            break;
        for (const QJsonValue &v : QJsonDocument::fromJson(line).array())
            if (!seen.contains(v.toString())) {
                seen.insert(v.toString());
                keys.append(v.toString());
            }
    }
    return keys;
}

// The marked keys the state holds nothing for, as `visit` takes them.
void StateStore::forEachMarkedOnly(const QString &sync, const std::function<void(const QString &)> &visit) const
{
    const QStringList marked = markedKeys(sync);
    if (marked.isEmpty())
        return;
    RawStatement known(rawHandle(QSqlDatabase::database(m_connection)),
                       "SELECT 1 FROM record_state WHERE sync = ?1 AND key = ?2 UNION ALL SELECT 1 FROM record_pending WHERE sync = ?1 AND key = ?2");
    if (!known.ok())
        return;
    known.bind(1, sync);
    for (const QString &key : marked) {
        known.bind(2, key);
        const bool held = known.next();
        known.reset();
        if (!held)
            visit(key);
    }
}

void StateStore::forEachRecordState(const QString &sync, const std::function<void(quint64, QByteArrayView)> &visit) const
{
    {
        RawStatement q(rawHandle(QSqlDatabase::database(m_connection)), stateRows("hash"));
        if (!q.ok())
            return;
        q.bind(1, sync);
        while (q.next())
            visit(q.isNull(0) ? recordKeyHash(q.bytes(2)) : q.integer(0), q.bytes(1)); // the key is read only when its hash is missing
    }
    forEachMarkedOnly(sync, [&](const QString &key) { visit(recordKeyHash(key), QByteArrayView("pending")); });
}

void StateStore::forEachRecordKey(const QString &sync, const std::function<bool(quint64)> &wanted,
                                  const std::function<void(const QString &, QByteArrayView)> &visit) const
{
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
    forEachMarkedOnly(sync, [&](const QString &key) {
        if (wanted(recordKeyHash(key)))
            visit(key, QByteArrayView("pending"));
    });
}

namespace {

// sluice_wanted(key_hash): whether the hash is one of those sought (a sorted
// vector behind the function), so that SQLite filters the scan itself and
// only the rows sought come back.
void sqlWanted(sqlite3_context *context, int, sqlite3_value **argv)
{
    const auto *wanted = static_cast<const std::vector<quint64> *>(sqlite3_user_data(context));
    const quint64 h = quint64(sqlite3_value_int64(argv[0]));
    // No hash (a row older than the column): returned, and hashed by the caller.
    sqlite3_result_int(context, sqlite3_value_type(argv[0]) == SQLITE_NULL || std::binary_search(wanted->begin(), wanted->end(), h));
}

} // namespace

QStringList StateStore::keysWithHashes(const QString &sync, std::vector<quint64> hashes) const
{
    // One pass over the state, filtered in SQLite: an index on the key hash
    // would make every first delivery write at a random place. Rows without
    // a hash and pending marks are few, and hashed here.
    QStringList keys;
    if (hashes.empty())
        return keys;
    std::sort(hashes.begin(), hashes.end());
    sqlite3 *db = rawHandle(QSqlDatabase::database(m_connection));
    sqlite3_create_function_v2(db, "sluice_wanted", 1, SQLITE_UTF8, &hashes, sqlWanted, nullptr, nullptr, nullptr);
    {
        RawStatement q(db, "SELECT key FROM record_state WHERE sync = ?1 AND sluice_wanted(key_hash) "
                           "UNION ALL SELECT key FROM record_pending p WHERE sync = ?1 "
                           "AND NOT EXISTS (SELECT 1 FROM record_state s WHERE s.sync = ?1 AND s.key = p.key)");
        if (q.ok()) {
            q.bind(1, sync);
            while (q.next()) {
                const QByteArrayView key = q.bytes(0);
                if (std::binary_search(hashes.begin(), hashes.end(), recordKeyHash(key)))
                    keys.append(QString::fromUtf8(key));
            }
        }
    }
    sqlite3_create_function_v2(db, "sluice_wanted", 1, SQLITE_UTF8, nullptr, nullptr, nullptr, nullptr, nullptr); // the vector goes
    forEachMarkedOnly(sync, [&](const QString &key) {
        if (std::binary_search(hashes.begin(), hashes.end(), recordKeyHash(key)))
            keys.append(key);
    });
    return keys;
}

Result<void> StateStore::commitOutcomes(const QString &sync, const QString &runId, const QList<Accepted> &accepted,
                                        const QList<Held> &held, bool recordState)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const QString what = QCoreApplication::translate("sluice::store", "recording outcomes of sync %1").arg(sync);
    if (!beginWrite(db))
        return storeError(what, db.lastError());
    QString problem = recordState ? writeStates(sync, runId, accepted) : QString();
    if (problem.isEmpty())
        problem = writeRejections(sync, runId, accepted, held);
    if (!problem.isEmpty()) {
        db.rollback();
        return storeError(what, problem);
    }
    if (!db.commit())
        return storeError(what, db.lastError());
    return {};
}

// What the destination now holds of each accepted record; its pending mark cleared.
QString StateStore::writeStates(const QString &sync, const QString &runId, const QList<Accepted> &accepted)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    RawStatement upsertState(rawHandle(db), "INSERT INTO record_state(sync, key, hash, updated_run, key_hash) VALUES (?, ?, ?, ?, ?) "
                                            "ON CONFLICT(sync, key) DO UPDATE SET hash = excluded.hash, updated_run = excluded.updated_run");
    RawStatement removeState(rawHandle(db), "DELETE FROM record_state WHERE sync = ? AND key = ?");
    RawStatement unmark(rawHandle(db), "DELETE FROM record_pending WHERE sync = ? AND key = ?");
    if (!upsertState.ok() || !removeState.ok() || !unmark.ok())
        return upsertState.ok() ? (removeState.ok() ? unmark.error() : removeState.error()) : upsertState.error();
    upsertState.bind(1, sync);
    upsertState.bind(4, runId);
    removeState.bind(1, sync);
    unmark.bind(1, sync);
    // Pending marks are few (left by a run that stopped): most records have none to clear.
    const bool marked = hasPending(sync);
    for (const Accepted &a : accepted) {
        RawStatement &q = a.deleted ? removeState : upsertState;
        q.bind(2, a.key);
        if (!a.deleted) {
            q.bind(3, a.hash);
            q.bind(5, recordKeyHash(a.key));
        }
        if (marked)
            unmark.bind(2, a.key);
        if (!q.run() || (marked && !unmark.run()))
            return q.error();
    }
    return {};
}

// Rejections: an accepted record's open one resolved, a held record's kept
// (its attempts counted while it stays open).
QString StateStore::writeRejections(const QString &sync, const QString &runId, const QList<Accepted> &accepted, const QList<Held> &held)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // Only keys with an open rejection need resolving. Fewer of those than
    // records here: their keys, read at once; more: asked record by record.
    QSet<QString> open;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT key FROM rejections WHERE sync = ? AND resolved_run IS NULL LIMIT ?"));
    q.addBindValue(sync);
    q.addBindValue(accepted.size() + 1);
    q.exec();
    while (q.next())
        open.insert(q.value(0).toString());
    const bool askEach = open.size() > accepted.size();
    q.prepare(QStringLiteral("UPDATE rejections SET resolved_run = ? WHERE sync = ? AND key = ? AND resolved_run IS NULL"));
    for (const Accepted &a : accepted) {
        if (!askEach && !open.contains(a.key))
            continue;
        q.addBindValue(runId);
        q.addBindValue(sync);
        q.addBindValue(a.key);
        if (!q.exec())
            return q.lastError().text();
    }
    q.prepare(QStringLiteral("INSERT INTO rejections(sync, key, kind, reason, run_id, attempts, first_seen) "
                             "VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT(sync, key) DO UPDATE SET kind = excluded.kind, "
                             "reason = excluded.reason, run_id = excluded.run_id, "
                             "attempts = CASE WHEN rejections.resolved_run IS NULL THEN rejections.attempts + 1 ELSE 1 END, "
                             "first_seen = CASE WHEN rejections.resolved_run IS NULL THEN rejections.first_seen ELSE excluded.first_seen END, "
                             "resolved_run = NULL"));
    const QString now = isoNow();
    for (const Held &h : held) {
        for (const QVariant &v : {QVariant(sync), QVariant(h.key), QVariant(h.kind), QVariant(h.reason), QVariant(runId), QVariant(now)})
            q.addBindValue(v);
        if (!q.exec())
            return q.lastError().text();
    }
    return {};
}

QString StateStore::markPath(const QString &sync) const
{
    return m_path + QStringLiteral("-marks-") + QString::fromLatin1(sync.toUtf8().toHex());
}

// A line appended to a file: no lock taken on the database, so marking never
// waits for the state being written beside the delivery. Like the
// database's own log, it survives the process dying, not the machine.
Result<void> StateStore::markPending(const QString &sync, const QString &, const QStringList &keys)
{
    QByteArray line("[");
    for (const QString &key : keys) {
        if (line.size() > 1)
            line.append(',');
        source::appendJsonString(line, key);
    }
    line.append("]\n");
    QFile f(markPath(sync));
    const bool fresh = !f.exists();
    if (!f.open(QIODevice::Append) || f.write(line) != line.size() || !f.flush())
        return Error{QCoreApplication::translate("sluice::store", "state of sync %1: cannot mark records about to be sent in %2: %3")
                         .arg(sync, f.fileName(), f.errorString()),
                     Error::Kind::Internal};
    if (fresh)
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return {};
}

Result<void> StateStore::settlePending(const QString &sync, const QString &runId, bool clean)
{
    const QString marks = markPath(sync);
    if (!QFile::exists(marks))
        return {};
    const QString what = QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync);
    if (!clean) {
        QSqlDatabase db = QSqlDatabase::database(m_connection);
        if (!beginWrite(db))
            return storeError(what, db.lastError());
        RawStatement adopt(rawHandle(db), "INSERT OR IGNORE INTO record_pending(sync, key, run_id) SELECT ?1, ?2, ?3 "
                                          "WHERE NOT EXISTS (SELECT 1 FROM record_state WHERE sync = ?1 AND key = ?2)");
        adopt.bind(1, sync);
        adopt.bind(3, runId);
        for (const QString &key : markedKeys(sync)) {
            adopt.bind(2, key);
            if (!adopt.ok() || !adopt.run()) {
                const QString problem = adopt.error();
                db.rollback();
                return storeError(what, problem);
            }
        }
        if (!db.commit())
            return storeError(what, db.lastError());
    }
    if (!QFile::remove(marks))
        return Error{QCoreApplication::translate("sluice::store", "%1: cannot remove %2").arg(what, marks), Error::Kind::Internal};
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
    QFile::remove(markPath(sync));
    for (const QString &table : {QStringLiteral("record_state"), QStringLiteral("record_pending")}) {
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE sync = ?").arg(table));
        q.addBindValue(sync);
        if (!q.exec())
            return storeError(QCoreApplication::translate("sluice::store", "state of sync %1").arg(sync), q.lastError());
    }
    return {};
}

} // namespace sluice::store
