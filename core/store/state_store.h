#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <functional>
#include <optional>
#include <memory>
#include <vector>

// .sluice/state.db: every SQL statement about Sluice's own state lives behind
// this class. One instance owns one connection and is used on the thread that
// opened it (Qt SQL connections are per thread).
namespace sluice::store {

struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString object;
    QString detail;
};

struct RunRecord
{
    QString id;
    QString sync;
    QString status;
    QDateTime startedAt;
    QDateTime finishedAt;
    QJsonObject counts;
    QJsonObject metrics;
    QString error;
};

// The 64-bit hash the state keeps beside each record key: XXH3-64 of the
// key's UTF-8 bytes. Stored, so it must never change.
quint64 recordKeyHash(QByteArrayView utf8);
quint64 recordKeyHash(QStringView key);

class StateStore final
{
public:
    static constexpr int currentSchemaVersion = 9;

    // Opens (creating with owner-only permissions and migrating as needed).
    // `upToVersion` exists so tests can build an older database.
    static Result<std::unique_ptr<StateStore>> open(const QString &path, int upToVersion = currentSchemaVersion);
    // Another connection to this store's file, for another thread: used
    // only there, and only while this store is open.
    Result<std::unique_ptr<StateStore>> openCompanion() const;
    ~StateStore();
    Q_DISABLE_COPY_MOVE(StateStore)

    int schemaVersion() const;
    QString path() const { return m_path; }

    Result<void> appendAudit(const QString &actor, const QString &action, const QString &object,
                             const QString &detail);
    QList<AuditEntry> audit(int limit = 100) const;

    Result<void> insertRun(const RunRecord &run);
    Result<void> updateRun(const RunRecord &run);
    // Counts so far, while a run delivers: a run that dies still says what settled.
    Result<void> updateRunCounts(const QString &runId, const QJsonObject &counts);
    QList<RunRecord> runs(const QString &sync = {}, int limit = 100) const;
    std::optional<RunRecord> run(const QString &id) const;

    // Run history for metrics and charts (core/store/run_history.cpp).
    // A sync's runs started in [from, until), newest first.
    QList<RunRecord> runsBetween(const QString &sync, const QDateTime &from, const QDateTime &until) const;
    // When the sync's last succeeded run before `at` started; invalid when none.
    QDateTime lastSucceededBefore(const QString &sync, const QDateTime &at) const;
    // Finished runs in [since, until) summed per bucket of `bucketSeconds`,
    // by the warehouse of the state (SQL), so a year of runs costs one scan.
    struct RunBucket
    {
        qint64 index = 0; // bucket number from `since`
        qint64 runs = 0, succeeded = 0, partial = 0, failed = 0;
        qint64 delivered = 0, rejected = 0;
        qint64 matched = 0, matchSent = 0; // runs whose destination reported matches only
        std::optional<qint64> maxFreshnessLagSeconds; // of succeeded and partial runs
        qint64 drift = 0;
    };
    // `sync` empty: every sync.
    QList<RunBucket> runBuckets(const QString &sync, const QDateTime &since, const QDateTime &until, qint64 bucketSeconds) const;
    // Failed runs and schema drifts in [since, until), oldest first (markers on a chart).
    struct RunEvent
    {
        QDateTime at;
        QString sync;
        bool drift = false; // else a failed run
        QString detail;     // the run's error
    };
    QList<RunEvent> runEvents(const QString &sync, const QDateTime &since, const QDateTime &until, int limit = 2000) const;

    // Alerts (core/store/alert_store.cpp): each rule's state per sync, and
    // every notice given (fired, recovered, repeated, suppressed).
    struct AlertState
    {
        QString sync, rule;
        bool firing = false;
        QDateTime since;        // when it last changed
        QDateTime lastNotified; // the last notice sent for it
        int repeats = 0;        // "still firing" notices since it fired
        QList<QDateTime> transitions; // recent changes, for damping a flapping rule
    };
    AlertState alertState(const QString &sync, const QString &rule) const; // a new one when none is kept
    QList<AlertState> alertStates(const QString &sync = {}) const;
    Result<void> saveAlertState(const AlertState &state);
    struct AlertEvent
    {
        qint64 id = 0;
        QDateTime at;
        QString sync, rule, kind, message, runId;
        bool delivered = false;
        QString delivery; // where it went, or why it did not
    };
    Result<qint64> appendAlertEvent(const AlertEvent &event);
    Result<void> noteAlertDelivery(const QList<qint64> &ids, bool delivered, const QString &delivery);
    QList<AlertEvent> alertEvents(const QString &sync, const QDateTime &since, int limit = 1000) const;
    // Notices recorded since `since` that no one has sent yet, claimed as
    // `claim` in one statement: of runs finishing together (processes
    // included), the first to claim sends them all, once.
    QList<AlertEvent> claimAlertEvents(const QString &claim, const QDateTime &since);

    // Paused schedules (core/store/alert_store.cpp): the agent runs no
    // paused sync on its schedule ("Run now" still runs it).
    static QString allSyncs() { return QStringLiteral("*"); }
    struct Pause
    {
        QString sync;    // a sync, or allSyncs()
        QDateTime until; // invalid: until resumed
    };
    Result<void> pause(const QString &sync, const QDateTime &until);
    Result<void> resume(const QString &sync); // allSyncs(): every pause
    QList<Pause> pauses(const QDateTime &now) const; // those in force
    bool isPaused(const QString &sync, const QDateTime &now) const;

    // What the destination holds, as Sluice last saw it accept: the key's
    // recordKeyHash() -> content hash (32 hex digits, or "pending" for a
    // record sent but not yet settled), streamed so the caller can keep it
    // compact. Keys are not decoded.
    void forEachRecordState(const QString &sync, const std::function<void(quint64 keyHash, QByteArrayView hash)> &visit) const;
    // The same rows with their keys, decoded only for the key hashes `wanted` accepts.
    void forEachRecordKey(const QString &sync, const std::function<bool(quint64 keyHash)> &wanted,
                          const std::function<void(const QString &key, QByteArrayView hash)> &visit) const;
    // The keys stored under these key hashes (one pass over the state).
    QStringList keysWithHashes(const QString &sync, std::vector<quint64> hashes) const;

    struct Accepted
    {
        QString key;
        QString hash;    // empty for a delete
        bool deleted = false;
    };
    struct Held
    {
        QString key;
        QString kind;   // "invalid" or "rejected"
        QString reason;
    };
    // One transaction: accepted records advance the state (and resolve their
    // open rejections); held ones are recorded with attempts and first-seen.
    // With recordState false (warehouse diff) only rejections are touched.
    Result<void> commitOutcomes(const QString &sync, const QString &runId, const QList<Accepted> &accepted,
                                const QList<Held> &held, bool recordState = true);
    Result<void> forgetState(const QString &sync);
    // Write-ahead marks for records about to be sent for the first time
    // ("pending"): a batch's keys a line in a file beside the database (one
    // per sync). settlePending at the end of a run (and at the start of the
    // next, for a run that stopped): `clean` when every marked record
    // settled, and the marks go; otherwise the marks of records the state
    // does not hold become one row per key, cleared as they settle
    // (commitOutcomes) or when the destination refused them (clearPending).
    Result<void> markPending(const QString &sync, const QString &runId, const QStringList &keys);
    Result<void> settlePending(const QString &sync, const QString &runId, bool clean);
    Result<void> clearPending(const QString &sync, const QStringList &keys);
    bool hasPending(const QString &sync) const;

    // What a record was last delivered with, for destinations that remove a
    // record by those values (an audience member's hashed identifiers).
    Result<void> keepIdentities(const QString &sync, const QList<QPair<QString, QByteArray>> &kept, const QStringList &removed);
    Result<QHash<QString, QByteArray>> identities(const QString &sync, const QStringList &keys) const;

    struct Rejection
    {
        QString key;
        QString kind;
        QString reason;
        QString runId;
        int attempts = 0;
        QDateTime firstSeen;
        QString resolvedRun;
    };
    QList<Rejection> rejections(const QString &sync, bool includeResolved, const QString &runId = {}) const;
    // When the oldest record still held back (invalid or rejected, not yet
    // delivered) was first held; invalid when none is.
    QDateTime oldestHeld(const QString &sync) const;

    // A named lock (a sync's, across GUI, agent and CLI). A lock whose
    // process is gone, on this host, is taken over: the holder is known by
    // host, PID and the process's start, so a reused PID is not mistaken for it.
    Result<void> acquireLock(const QString &name, QString *recoveredFrom = nullptr);
    void releaseLock(const QString &name);
    struct LockHolder
    {
        qint64 pid = 0;
        QString host;
        QDateTime since;
        bool alive = false; // on this host and still the same process; unknown elsewhere: false
        bool local = false;
    };
    std::optional<LockHolder> lockHolder(const QString &name) const;
    Result<void> clearLock(const QString &name);

    // The record ledger: what happened to each record in each run, the
    // destination's words included. A payload is kept only where the sync's
    // PII rule allows it (see engine); its hash always.
    struct LedgerEntry
    {
        QString key;
        QString op;      // upsert, update, insert, delete, append; "hold" for a record held back before sending
        QString outcome; // delivered, rejected, invalid
        QString reason;
        QString payloadHash;
        QByteArray payload;
        QString runId;   // filled when read
        QDateTime at;    // filled when read
    };
    Result<void> appendLedger(const QString &sync, const QString &runId, const QList<LedgerEntry> &entries);
    QList<LedgerEntry> history(const QString &sync, const QString &key, int limit = 1000) const;
    // Records a run held back or saw rejected, as that run left them.
    QList<LedgerEntry> heldInRun(const QString &sync, const QString &runId) const;
    // Ledger rows older than `days`, removed a slice at a time; the count removed.
    qint64 pruneLedger(int days);

    // Syncs that delivered at least once, kept also beside the database
    // (`delivered-syncs` in its folder), so that a state lost with the
    // database itself is noticed instead of read as "nothing sent yet".
    bool hasDelivered(const QString &sync) const;
    void noteDelivered(const QString &sync);
    // Runs left "running" by a process that died are marked failed.
    void closeInterruptedRuns(const QString &sync);

    // The column names and types a model had when last run (for drift).
    Result<void> saveModelSchema(const QString &model, const QJsonObject &schema);
    QJsonObject modelSchema(const QString &model) const;

private:
    StateStore(QString path, QString connection);
    Result<void> migrate(int upToVersion);
    static Result<std::unique_ptr<StateStore>> connect(const QString &path);
    QString markPath(const QString &sync) const;
    QString writeStates(const QString &sync, const QString &runId, const QList<Accepted> &accepted);
    QString writeRejections(const QString &sync, const QString &runId, const QList<Accepted> &accepted, const QList<Held> &held);
    QStringList markedKeys(const QString &sync) const;
    void forEachMarkedOnly(const QString &sync, const std::function<void(const QString &)> &visit) const;

    QString m_path;
    qint64 m_checkedAt = 0; // when the file last passed quick_check (see lastIntegrityCheck)
    static qint64 lastIntegrityCheck(const QString &path);
    QString m_connection;
};

} // namespace sluice::store
