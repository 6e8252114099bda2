#pragma once

// What the warehouse diff (WarehouseDiff) needs of a warehouse's SQL: where
// a sync's state lives and how it is created and kept, how a row's source
// columns are digested in SQL, and what the warehouse can do in one pass.
// One implementation per warehouse that can run the diff: PostgreSQL,
// SQLite and MySQL / MariaDB; Snowflake, BigQuery and Redshift each add one.
#include "common/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace sluice::source {
class SourceConnection;
}

namespace sluice::engine {

class WarehouseDialect
{
public:
    virtual ~WarehouseDialect() = default;
    // The dialect of a source driver; nullptr where the warehouse diff cannot run.
    static std::unique_ptr<WarehouseDialect> of(const QString &driver);

    // The sync's state table; by default sluice_state.<sync>.
    virtual QString stateTable(const source::SourceConnection &c, const QString &sync) const;
    // The state key's type: the model key's own where the warehouse compares
    // it as it is (the join then needs no cast); empty: text.
    virtual QString nativeKeyType(const QStringList &, const QHash<QString, QString> &) const { return {}; }
    // Creates the state table (and what holds it) if missing, adapted to
    // `keyType` (see nativeKeyType): whether its key now has that type.
    virtual Result<bool> ensureStateTable(source::SourceConnection &c, const QString &table, const QString &keyType) = 0;
    // One expression over the model's columns (m.<column>) that changes when any of `used` does.
    virtual QString sourceDigest(const source::SourceConnection &c, const QStringList &used, const QHash<QString, QString> &types) const = 0;
    virtual QString isDistinctFrom() const = 0;
    // "a differs from b", NULLs compared as values.
    virtual QString distinct(const QString &a, const QString &b) const { return a + QLatin1Char(' ') + isDistinctFrom() + QLatin1Char(' ') + b; }
    // A state column's name as the SQL writes it (key and match are reserved words in some dialects).
    virtual QString column(const QString &name) const { return name; }
    // The model's key expression as the state key compares with it.
    virtual QString stateKey(const QString &expression) const { return expression; }
    // Rows (each "(key, src, hash, match, updated_run)") written over what the state has,
    // or only where it has no row for the key.
    virtual QString upsertSql(const QString &table, const QStringList &rows) const;
    virtual QString insertMissingSql(const QString &table, const QStringList &rows) const;
    // The longest statement the warehouse takes, in characters (state writes
    // are split to fit); 0: no limit Sluice needs to mind.
    virtual qsizetype maxStatementChars() const { return 0; }
    // Removed keys are found with NOT IN over the model's keys rather than a
    // correlated NOT EXISTS: MariaDB runs NOT EXISTS against a derived table
    // as a nested loop (20k rows: 20 s) but materializes NOT IN (40 ms);
    // PostgreSQL's planner does the opposite with wide text keys.
    virtual bool removalsByNotIn() const { return false; }
    // The candidates query finds the state's rows the model lost in the same pass (a full join).
    virtual bool removalsInCandidates() const { return false; }
    // Written after the candidates' inner query so that the digest is computed once a row.
    virtual QString fence() const { return {}; }
    // A digest as a literal of the state's src column: empty is not known (NULL).
    virtual QString digestLiteral(const QString &src) const;
    // The digest of a record marked before it is first sent (not known: NULL).
    virtual QString pendingDigest() const { return QStringLiteral("NULL"); }
    // Session settings for the candidates query's plan.
    virtual Result<void> tuneFor(source::SourceConnection &, const QString &) { return {}; }
    // After a run wrote state: statistics, and the state kept in good order.
    virtual Result<void> analyze(source::SourceConnection &c, const QString &table, const QString &sync) = 0;
    // Whether the state table carries a label naming its owner (the sync,
    // destination and object), read and written by these two.
    virtual bool labelsState() const { return false; }
    virtual Result<QString> stateLabel(source::SourceConnection &, const QString &) { return QString(); }
    virtual Result<void> setStateLabel(source::SourceConnection &, const QString &, const QString &) { return {}; }
    // Whether an empty state is told cheaply and Sluice computes the same
    // digests as the SQL (SourceDigest): a first run then reads the model as it is.
    virtual bool digestsInSluice() const { return false; }

protected:
    // `c`'s CREATE SCHEMA statement for the state; its error says where the state lives and what to grant.
    static Result<void> createStateSchema(source::SourceConnection &c, const QString &sql, const QString &where, const QString &grant);
    // The used columns' text joined by `separator`, NULL as `nullText`: what the MD5 digests hash.
    static QString joinedText(const source::SourceConnection &c, const QStringList &used, const QString &nullText, const QString &separator);
};

} // namespace sluice::engine
