#pragma once

#include "common/result.h"
#include "engine/source_digest.h"

#include <QList>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sluice::source {
class SourceConnection;
struct Column;
}

namespace sluice::engine {

class WarehouseDialect;

// The warehouse diff (DESIGN.md): the state of a sync lives in the warehouse
// itself, in sluice_state.<sync> (PostgreSQL) or sluice_state__<sync>
// (SQLite), and one SQL statement run by the warehouse returns only the rows
// that are new or whose source columns changed. Unchanged rows never leave
// it. Each state row keeps the record's key, a digest of the source columns
// the sync reads ("src", compared in SQL), the hash of the mapped record
// (compared in Sluice, so both strategies agree to the record) and the match
// value (for identity conflicts with records that did not change). On
// PostgreSQL the key keeps the model key's type (where it is an integer,
// uuid or text) and the digest is a bigint; the table is kept in key order.
class WarehouseDiff final
{
public:
    // `dialect` outlives it (WarehouseDialect::of the source's driver).
    WarehouseDiff(source::SourceConnection &connection, WarehouseDialect &dialect, const QString &sync, const QStringList &keyColumns,
                  const QStringList &usedColumns, const QString &consentColumn, const QHash<QString, QString> &nativeTypes = {});

    Result<void> ensureStateTable();

    // Model columns, then sluice_src, sluice_hash (previous), sluice_match (previous), sluice_is_new,
    // sluice_state_key, sluice_state_src, sluice_removed (and sluice_consent_ok with a consent column).
    QString candidatesSql(const QString &modelSql, bool fullResync, bool withRemoved) const;
    // Whether candidatesSql(..., withRemoved = true) also returns the removed
    // records (PostgreSQL); otherwise removedKeysSql() finds them.
    bool removedInCandidates(bool mirror) const;
    // Before the candidates query runs: session settings for its plan.
    Result<void> tuneFor(const QString &candidatesSql);
    // After a run that wrote state: reclaim dead state rows, refresh statistics,
    // store the state in key order again when it has scattered.
    Result<void> analyze();
    // PostgreSQL: the state table names what it describes (its comment:
    // the sync, its destination and object). A state written for another
    // destination (the same sync name in another workspace, say) is refused
    // rather than diffed against: its records are not this destination's.
    Result<void> claim(const QString &destination, const QString &object);
    // PostgreSQL: whether the state holds no record at all (a sync's first
    // run, or the first after its state was dropped). Then the model is read
    // as it is, and Sluice computes the source digests itself (sourceDigest()):
    // there is nothing to compare them with. Always false on SQLite.
    Result<bool> stateIsEmpty();
    // Records the state says the destination holds (pending ones included).
    Result<qint64> stateCount();
    // Sluice's copy of the source digest over the model's `columns`, as
    // sourceExpression() computes it (PostgreSQL only).
    std::optional<SourceDigest> sourceDigest(const QList<source::Column> &columns) const;
    QString removedKeysSql(const QString &modelSql) const;
    QString excludedCountSql(const QString &modelSql) const;
    QString stateMatchesSql(const QStringList &matchValues) const;

    struct StateRow
    {
        QString key;
        QString src;
        QString hash;
        QString match;
        bool deleted = false;
    };
    Result<void> commit(const QList<StateRow> &rows, const QString &runId);
    // Write-ahead marks for first-time records (see StateStore::markPending).
    Result<void> markPending(const QStringList &keys, const QString &runId);
    Result<void> clearPending(const QStringList &keys);

private:
    QString keyExpression() const;
    QString sourceExpression() const;
    QString consentExpression() const;
    QString text(const QString &column) const;
    // Writes the `count` items that `item` makes (empty: skipped) in
    // statements of at most kStateChunk items and of the dialect's length.
    Result<void> inStatements(qsizetype count, const std::function<QString(qsizetype)> &item,
                              const std::function<Result<void>(const QStringList &)> &write) const;

    source::SourceConnection &m_connection;
    WarehouseDialect &m_dialect;
    QString m_sync;
    QString m_table;
    QStringList m_keys;
    QStringList m_used;
    QHash<QString, QString> m_types; // column -> the warehouse's type name (source::Column::nativeType)
    QString m_consent;
    bool m_nativeKey = false; // the state's key has the model key's type (WarehouseDialect::nativeKeyType)
};

} // namespace sluice::engine
