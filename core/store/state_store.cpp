#include "store/state_store.h"
#include "common/logging.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QHostInfo>
#include <QUuid>
#include <QElapsedTimer>
#include <QThread>

#include "store/sqlite_raw.h"

#include <csignal>
#include <unistd.h>

#include <algorithm>
#include <atomic>

namespace sluice::store {

namespace {


// Each entry moves the schema from version index to index + 1.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> m{
        // 1: runs and the audit log.
        {QStringLiteral("CREATE TABLE runs (id TEXT PRIMARY KEY, sync TEXT NOT NULL, status TEXT NOT NULL, "
                        "started_at TEXT NOT NULL, finished_at TEXT, counts TEXT NOT NULL DEFAULT '{}', "
                        "metrics TEXT NOT NULL DEFAULT '{}', error TEXT)"),
         QStringLiteral("CREATE INDEX runs_by_sync ON runs(sync, started_at)"),
         QStringLiteral("CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, "
                        "actor TEXT NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL, detail TEXT)")},
        // 2: model schemas (drift), per-record sync state, rejections, locks.
        {QStringLiteral("CREATE TABLE model_schemas (model TEXT PRIMARY KEY, schema TEXT NOT NULL, "
                        "updated_at TEXT NOT NULL)"),
         QStringLiteral("CREATE TABLE record_state (sync TEXT NOT NULL, key TEXT NOT NULL, hash TEXT NOT NULL, "
                        "updated_run TEXT NOT NULL, PRIMARY KEY (sync, key)) WITHOUT ROWID"),
         QStringLiteral("CREATE TABLE rejections (sync TEXT NOT NULL, key TEXT NOT NULL, kind TEXT NOT NULL, "
                        "reason TEXT NOT NULL, run_id TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 1, "
                        "first_seen TEXT NOT NULL, resolved_run TEXT, PRIMARY KEY (sync, key))"),
         QStringLiteral("CREATE TABLE locks (name TEXT PRIMARY KEY, owner_pid INTEGER NOT NULL, "
                        "host TEXT NOT NULL, acquired_at TEXT NOT NULL)")},
        // 3: a stable 64-bit hash of each record key, so the local diff loads
        // two integers a record and decodes a key only when it needs it.
        {QStringLiteral("ALTER TABLE record_state ADD COLUMN key_hash INTEGER"),
         QStringLiteral("UPDATE record_state SET key_hash = sluice_key_hash(key)"),
         QStringLiteral("CREATE INDEX record_state_by_key_hash ON record_state(sync, key_hash)")},
        // 4: a lock names its process by start time too, so a reused PID is not mistaken for the holder.
        {QStringLiteral("ALTER TABLE locks ADD COLUMN process_start TEXT")},
        // 5: the record ledger: every outcome of every record, per run.
        {QStringLiteral("CREATE TABLE ledger (id INTEGER PRIMARY KEY, sync TEXT NOT NULL, key TEXT NOT NULL, run_id TEXT NOT NULL, "
                        "at TEXT NOT NULL, op TEXT NOT NULL, outcome TEXT NOT NULL, reason TEXT, payload_hash TEXT, payload TEXT)"),
         QStringLiteral("CREATE INDEX ledger_by_key ON ledger(sync, key)"),
         // Only what a run held back is looked up by run: a small index, cheap to keep.
         QStringLiteral("CREATE INDEX ledger_held_by_run ON ledger(run_id) WHERE outcome <> 'delivered'")},
        // 6: what a list member was added with, so that it can be removed.
        {QStringLiteral("CREATE TABLE member_identity (sync TEXT NOT NULL, key TEXT NOT NULL, identity TEXT NOT NULL, "
                        "PRIMARY KEY (sync, key)) WITHOUT ROWID")},
        // 7: alerts: each rule's state per sync, and every notice it gave.
        {QStringLiteral("CREATE TABLE alert_state (sync TEXT NOT NULL, rule TEXT NOT NULL, firing INTEGER NOT NULL, since TEXT, "
                        "last_notified TEXT, repeats INTEGER NOT NULL DEFAULT 0, transitions TEXT NOT NULL DEFAULT '', "
                        "PRIMARY KEY (sync, rule)) WITHOUT ROWID"),
         QStringLiteral("CREATE TABLE alert_events (id INTEGER PRIMARY KEY, at TEXT NOT NULL, sync TEXT NOT NULL, rule TEXT NOT NULL, "
                        "kind TEXT NOT NULL, message TEXT NOT NULL, run_id TEXT, delivered INTEGER NOT NULL DEFAULT 0, delivery TEXT)"),
         QStringLiteral("CREATE INDEX alert_events_by_time ON alert_events(at)")},
        // 8: paused schedules: a sync, or '*' for all; until a time, or until resumed.
        {QStringLiteral("CREATE TABLE pauses (sync TEXT PRIMARY KEY, until TEXT, at TEXT NOT NULL)")},
        // 9: records marked before they are first sent are marked a batch at a
        // time in a file beside the database (StateStore::markPending), no
        // longer in record_state, which is written once a record settles. A
        // run that ends cleanly drops its marks; marks left by a run that
        // stopped become one row per key here (record_pending), cleared as
        // those records settle. The key_hash index goes: on every first
        // delivery it took a write at a random place, the largest cost of a
        // large run, to speed up a lookup that a scan does as well.
        {QStringLiteral("CREATE TABLE record_pending (sync TEXT NOT NULL, key TEXT NOT NULL, run_id TEXT NOT NULL, "
                        "PRIMARY KEY (sync, key)) WITHOUT ROWID"),
         QStringLiteral("INSERT INTO record_pending SELECT sync, key, updated_run FROM record_state WHERE hash = 'pending'"),
         QStringLiteral("DELETE FROM record_state WHERE hash = 'pending'"),
         QStringLiteral("DROP INDEX record_state_by_key_hash")},
    };
    return m;
}

} // namespace

namespace detail {

bool execPatiently(QSqlQuery &q, const QString &sql)
{
    // SQLite skips its busy handler where waiting could deadlock (a database
    // switching to WAL under another process, say): wait here instead.
    QElapsedTimer waited;
    waited.start();
    while (!q.exec(sql)) {
        const int primary = q.lastError().nativeErrorCode().toInt() & 0xff; // extended codes keep the primary in the low byte
        if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) || waited.hasExpired(30000))
            return false;
        QThread::msleep(20);
    }
    return true;
}

bool beginWrite(QSqlDatabase &db)
{
    QSqlQuery q(db);
    return execPatiently(q, QStringLiteral("BEGIN IMMEDIATE"));
}

QString isoNow() { return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs); }

Error storeError(const QString &what, const QString &problem)
{
    return {QObject::tr("state database: %1: %2").arg(what, problem), Error::Kind::Internal};
}

Error storeError(const QString &what, const QSqlError &e)
{
    return storeError(what, e.text());
}

} // namespace detail

using namespace detail;

namespace {

// sluice_key_hash(key) in SQL, for the migration that fills key_hash.
void sqlKeyHash(sqlite3_context *context, int, sqlite3_value **argv)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const int size = sqlite3_value_bytes(argv[0]);
    sqlite3_result_int64(context, sqlite3_int64(recordKeyHash(QByteArrayView(text, size))));
}

} // namespace

// quick_check reads the whole file (0.43 s at 1M records and 1M ledger
// rows). It runs when the file may have changed outside a clean close by
// Sluice: no stamp, the file's size or time differs from the stamp's, a
// write-ahead log left behind, or a day since the last check. The stamp
// (`state.db.checked`: size, modification time, time of the last check) is
// written when a store closes. Returns the time of that check, or 0 when one is due.
qint64 StateStore::lastIntegrityCheck(const QString &path)
{
    QFile stamp(path + QStringLiteral(".checked"));
    const QFileInfo db(path);
    if (!db.exists() || QFileInfo(path + QStringLiteral("-wal")).size() > 0 || !stamp.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> parts = stamp.readAll().trimmed().split(' ');
    if (parts.size() != 3 || parts[0].toLongLong() != db.size() || parts[1].toLongLong() != db.lastModified().toMSecsSinceEpoch())
        return 0;
    const qint64 checkedAt = parts[2].toLongLong();
    return QDateTime::currentMSecsSinceEpoch() - checkedAt < 24LL * 3600 * 1000 ? checkedAt : 0;
}

// A connection of its own to the file, configured as every one of Sluice's.
Result<std::unique_ptr<StateStore>> StateStore::connect(const QString &path)
{
    static std::atomic_int counter{0};
    const QString connection = QStringLiteral("sluice-state-%1").arg(counter.fetch_add(1));
    std::unique_ptr<StateStore> store(new StateStore(path, connection));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return storeError(QCoreApplication::translate("sluice::store", "cannot open %1").arg(path), db.lastError());
    QSqlQuery q(db);
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        if (!execPatiently(q, QString::fromLatin1(pragma)))
            return storeError(QString::fromLatin1(pragma), q.lastError());
    }
    if (sqlite3 *handle = rawHandle(db))
        sqlite3_create_function_v2(handle, "sluice_key_hash", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, sqlKeyHash, nullptr, nullptr, nullptr);
    return store;
}

Result<std::unique_ptr<StateStore>> StateStore::openCompanion() const
{
    // Checked and migrated by this store already; writes no stamp when it
    // closes. It writes in bulk: the log is copied back into the database
    // every 32 MB rather than every 4, so a page written often is copied once.
    Result<std::unique_ptr<StateStore>> companion = connect(m_path);
    if (companion)
        QSqlQuery(QSqlDatabase::database(companion.value()->m_connection)).exec(QStringLiteral("PRAGMA wal_autocheckpoint=8192"));
    return companion;
}

Result<std::unique_ptr<StateStore>> StateStore::open(const QString &path, int upToVersion)
{
    const QFileInfo info(path);
    QDir().mkpath(info.absolutePath());
    QFile::setPermissions(info.absolutePath(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!info.exists()) {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return Error{QCoreApplication::translate("sluice::store", "cannot create the state database %1: %2").arg(path, f.errorString()), Error::Kind::Internal};
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    const qint64 checkedAt = lastIntegrityCheck(path);
    Result<std::unique_ptr<StateStore>> opened = connect(path);
    if (!opened)
        return opened.error();
    std::unique_ptr<StateStore> store = std::move(opened).value();
    QSqlDatabase db = QSqlDatabase::database(store->m_connection);
    QSqlQuery q(db);
    // A damaged database must not read as an empty state: that would resend everything.
    store->m_checkedAt = checkedAt;
    if (checkedAt > 0) {
        // Unchanged since Sluice last closed it after a check, within a day: no need to read it all again.
    } else if (q.exec(QStringLiteral("PRAGMA quick_check(5)")) && q.next() && q.value(0).toString() != QLatin1String("ok")) {
        QStringList problems{q.value(0).toString()};
        while (q.next())
            problems.append(q.value(0).toString());
        return Error{QCoreApplication::translate("sluice::store", "the state database %1 is damaged (%2); nothing was read or sent. "
                                                 "Restore it from a backup, or move it aside and run each sync with --full-resync")
                         .arg(path, problems.join(QStringLiteral("; "))),
                     Error::Kind::Internal};
    } else if (q.lastError().isValid()) {
        return Error{QCoreApplication::translate("sluice::store", "the state database %1 cannot be read (%2); nothing was read or sent. "
                                                 "Restore it from a backup, or move it aside and run each sync with --full-resync")
                         .arg(path, q.lastError().text()),
                     Error::Kind::Internal};
    }
    if (store->m_checkedAt <= 0)
        store->m_checkedAt = QDateTime::currentMSecsSinceEpoch();
    // A statement left open holds a read snapshot, which no write can upgrade (SQLITE_BUSY_SNAPSHOT).
    q.finish();
    if (Result<void> r = store->migrate(upToVersion); !r)
        return r.error();
    return store;
}

int StateStore::schemaVersion() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.exec(QStringLiteral("PRAGMA user_version"));
    const int version = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return version;
}

Result<void> StateStore::migrate(int upToVersion)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const QString what = QCoreApplication::translate("sluice::store", "migrating %1").arg(m_path);
    for (;;) {
        // BEGIN IMMEDIATE: two processes opening a new database migrate one
        // after the other; the second finds the work done.
        QSqlQuery q(db);
        if (!execPatiently(q, QStringLiteral("BEGIN IMMEDIATE")))
            return storeError(what, q.lastError());
        const int from = schemaVersion();
        if (from > currentSchemaVersion) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return Error{QCoreApplication::translate("sluice::store", "the state database %1 is at schema version %2, newer than this Sluice (%3); "
                            "upgrade Sluice")
                             .arg(m_path)
                             .arg(from)
                             .arg(currentSchemaVersion),
                         Error::Kind::Config};
        }
        if (from >= upToVersion) {
            QSqlQuery(db).exec(QStringLiteral("COMMIT"));
            return {};
        }
        qCInfo(lcStore) << "migrating" << m_path << "to schema version" << from + 1;
        for (const QString &sql : migrations().at(from)) {
            if (!q.exec(sql)) {
                const QSqlError e = q.lastError();
                QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
                return storeError(QCoreApplication::translate("sluice::store", "migration to version %1").arg(from + 1), e);
            }
        }
        q.exec(QStringLiteral("PRAGMA user_version = %1").arg(from + 1));
        if (!QSqlQuery(db).exec(QStringLiteral("COMMIT")))
            return storeError(QCoreApplication::translate("sluice::store", "migration to version %1").arg(from + 1), db.lastError());
    }
}

Result<void> StateStore::appendAudit(const QString &actor, const QString &action, const QString &object,
                                     const QString &detail)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO audit_log(at, actor, action, object, detail) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(isoNow());
    q.addBindValue(actor);
    q.addBindValue(action);
    q.addBindValue(object);
    q.addBindValue(detail);
    if (!q.exec())
        return storeError(QCoreApplication::translate("sluice::store", "audit log"), q.lastError());
    return {};
}

QList<AuditEntry> StateStore::audit(int limit) const
{
    QList<AuditEntry> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT id, at, actor, action, object, detail FROM audit_log ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    q.exec();
    while (q.next())
        out.append({q.value(0).toLongLong(), QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs),
                    q.value(2).toString(), q.value(3).toString(), q.value(4).toString(), q.value(5).toString()});
    return out;
}

namespace {
QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject parseObject(const QString &s) { return QJsonDocument::fromJson(s.toUtf8()).object(); }
} // namespace

Result<void> StateStore::insertRun(const RunRecord &run)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO runs(id, sync, status, started_at, finished_at, counts, metrics, error) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(run.id);
    q.addBindValue(run.sync);
    q.addBindValue(run.status);
    q.addBindValue(run.startedAt.toUTC().toString(Qt::ISODateWithMs));
    q.addBindValue(run.finishedAt.isValid() ? run.finishedAt.toUTC().toString(Qt::ISODateWithMs) : QVariant());
    q.addBindValue(compact(run.counts));
    q.addBindValue(compact(run.metrics));
    q.addBindValue(run.error.isEmpty() ? QVariant() : QVariant(run.error));
    if (!q.exec())
        return storeError(QCoreApplication::translate("sluice::store", "recording run %1").arg(run.id), q.lastError());
    return {};
}

Result<void> StateStore::updateRun(const RunRecord &run)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE runs SET status = ?, finished_at = ?, counts = ?, metrics = ?, error = ? "
                             "WHERE id = ?"));
    q.addBindValue(run.status);
    q.addBindValue(run.finishedAt.isValid() ? run.finishedAt.toUTC().toString(Qt::ISODateWithMs) : QVariant());
    q.addBindValue(compact(run.counts));
    q.addBindValue(compact(run.metrics));
    q.addBindValue(run.error.isEmpty() ? QVariant() : QVariant(run.error));
    q.addBindValue(run.id);
    if (!q.exec())
        return storeError(QCoreApplication::translate("sluice::store", "recording run %1").arg(run.id), q.lastError());
    return {};
}

Result<void> StateStore::updateRunCounts(const QString &runId, const QJsonObject &counts)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE runs SET counts = ? WHERE id = ?"));
    q.addBindValue(compact(counts));
    q.addBindValue(runId);
    if (!q.exec())
        return storeError(QCoreApplication::translate("sluice::store", "recording run %1").arg(runId), q.lastError());
    return {};
}

Result<void> StateStore::saveModelSchema(const QString &model, const QJsonObject &schema)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT INTO model_schemas(model, schema, updated_at) VALUES (?, ?, ?) "
                             "ON CONFLICT(model) DO UPDATE SET schema = excluded.schema, "
                             "updated_at = excluded.updated_at"));
    q.addBindValue(model);
    q.addBindValue(compact(schema));
    q.addBindValue(isoNow());
    if (!q.exec())
        return storeError(QCoreApplication::translate("sluice::store", "schema of model %1").arg(model), q.lastError());
    return {};
}

QDateTime StateStore::oldestHeld(const QString &sync) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT min(first_seen) FROM rejections WHERE sync = ? AND resolved_run IS NULL"));
    q.addBindValue(sync);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return {};
    return QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs);
}

QList<StateStore::Rejection> StateStore::rejections(const QString &sync, bool includeResolved, const QString &runId) const
{
    QList<Rejection> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT key, kind, reason, run_id, attempts, first_seen, resolved_run FROM rejections "
                             "WHERE sync = ? AND (? OR resolved_run IS NULL) AND (coalesce(?, '') = '' OR run_id = ?) ORDER BY first_seen, key"));
    q.addBindValue(sync);
    q.addBindValue(includeResolved ? 1 : 0);
    q.addBindValue(runId);
    q.addBindValue(runId);
    q.exec();
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                    q.value(4).toInt(), QDateTime::fromString(q.value(5).toString(), Qt::ISODateWithMs), q.value(6).toString()});
    return out;
}

void StateStore::closeInterruptedRuns(const QString &sync)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE runs SET status = 'failed', finished_at = ?, "
                             "error = 'interrupted: the process running it stopped before it finished' "
                             "WHERE sync = ? AND status = 'running'"));
    q.addBindValue(isoNow());
    q.addBindValue(sync);
    q.exec();
}

QJsonObject StateStore::modelSchema(const QString &model) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT schema FROM model_schemas WHERE model = ?"));
    q.addBindValue(model);
    q.exec();
    return q.next() ? parseObject(q.value(0).toString()) : QJsonObject();
}

} // namespace sluice::store