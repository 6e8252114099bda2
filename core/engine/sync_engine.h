#pragma once

#include "common/result.h"
#include "common/sync_types.h"
#include "destination/destination.h"
#include "source/column.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QPair>
#include <QSet>
#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <memory>

namespace sluice::workspace {
class Workspace;
}
namespace sluice::store {
class StateStore;
}
namespace sluice::engine {
class OperationSpill;
}

// One sync run, as DESIGN.md draws it: extract, check model, govern, map,
// validate, diff, plan, deliver, commit, measure. planSync() stops after
// "plan" and sends nothing; runSync() goes on, committing state per settled
// batch so that a crash costs at most the batches in flight.
namespace sluice::engine {

struct Counts
{
    qint64 added = 0, changed = 0, removed = 0, unchanged = 0, excluded = 0, invalid = 0, delivered = 0, rejected = 0;
    QJsonObject toJson() const;
};

struct HeldRecord
{
    QString key;
    HeldKind kind = HeldKind::Invalid;
    QString reason;
};

struct SyncPlan
{
    QString sync;
    QString runId;
    SyncMode mode = SyncMode::Upsert;
    Counts counts;
    // What a run sends, in order. A plan that only plans (planSync) keeps the
    // first few as samples; operationCount counts them all.
    QList<destination::Operation> operations;
    qint64 operationCount = 0;
    QList<HeldRecord> invalid;
    QJsonObject drift; // columns added / removed / type_changed since the last run
    QString freshnessMax;
    qint64 modelRows = 0;
    std::optional<qint64> estimatedBytes; // the warehouse's dry-run estimate of reading the model (BigQuery)
    std::optional<qint64> bytesBilled;    // what the warehouse billed for the plan's (and a run's) statements (BigQuery)
    // Text values that were not valid UTF-8 in the warehouse; each reached
    // the destination with U+FFFD in place of the bad bytes.
    qint64 invalidText = 0;
    QJsonObject timings;
    QJsonObject schema; // column -> type, saved after a run for the next drift check
    // List (audience) destinations: per identifier kind, the rows that carry
    // a valid normalized value ("valid") and those that carry none ("missing").
    QJsonObject coverage;

    // Warehouse diff: what to write into the warehouse's state once accepted.
    bool warehouseDiff = false;
    struct WarehouseState
    {
        QString src;
        QString match;
    };
    QList<QPair<QString, WarehouseState>> warehouseRefresh; // unchanged records whose source digest moved
    QHash<QString, QString> refreshHashes;

    // A run's plan keeps its operations on disk (operations holds samples
    // only); records held as identity conflicts are skipped when read back.
    std::shared_ptr<OperationSpill> spill;
    QSet<QString> conflicted;
};

struct SyncOptions
{
    bool fullResync = false;
    // A mirror run may remove more than the sync's max_delete_share of what the destination holds.
    bool allowMassDelete = false;
    // Operations read back from the plan and handed to a destination at a time.
    qsizetype deliveryChunk = 20000;
    const std::atomic_bool *cancel = nullptr;
    // Stages: state, extract, diff, deliver, commit; total -1 when unknown.
    std::function<void(const QString &stage, qint64 done, qint64 total)> progress;
    std::atomic<qint64> *rejected = nullptr; // when set, counts the records the destination refused so far
    // A run's plan is made, before anything is sent: its counts (delivered and rejected still 0).
    std::function<void(const Counts &counts)> planned;
};

struct RunResult
{
    SyncPlan plan;
    RunStatus status = RunStatus::Planned;
    QList<HeldRecord> rejected;
    QString error;
    qint64 freshnessLagSeconds = -1;
    // What the platform itself reported of the run (an audience's received
    // and invalid entries; matched where it says so).
    QJsonObject match;

    QJsonObject toJson() const;
    int exitCode() const { return exitCodeFor(status); }
};

// What a run came to, for signals and screens (the GUI, the agent): no
// operations, at most a thousand held records.
struct RunSummary
{
    QString sync;
    QString runId;
    RunStatus status = RunStatus::Planned;
    Counts counts;
    qint64 operations = 0;
    QList<HeldRecord> held;
    QString error;
    qint64 freshnessLagSeconds = -1;
    QJsonObject coverage; // an audience's identifier coverage: kind -> {"valid", "missing"}
    QJsonObject match;    // what the platform reported: received, invalid, matched, created, updated
    // A plan's first operations, as the JSON's "samples": op, key, fields (none for a run).
    QJsonArray samples;

    static RunSummary of(const RunResult &result);
    int exitCode() const { return exitCodeFor(status); }
};

Result<SyncPlan> planSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &sync,
                          const SyncOptions &options);
// A run that fails after it started still returns a RunResult (status
// "failed", error set) so that it is recorded and reported; an Error is
// returned only when nothing ran (configuration, lock).
Result<RunResult> runSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &sync,
                          const SyncOptions &options);

// Governance rules that make a sync a configuration error before any run:
// unhashed PII to a destination whose rule is hash, any PII to one whose
// rule is block.
QStringList governanceProblems(const workspace::Workspace &workspace, const QString &sync);

// The sync's mapping compiled against its model's columns: columns it uses
// that the model lacks, an unmapped match or required field, a mode the
// destination does not take. Empty when a run could start.
QStringList mappingProblems(const workspace::Workspace &workspace, const QString &sync, const QList<source::Column> &columns);

QString newRunId();

// Whether the record ledger may keep this sync's payloads: not when a field
// sends a PII column unhashed.
bool ledgerKeepsPayloads(const workspace::Workspace &workspace, const QString &sync);

// The lock a run of `sync` holds in the state database (never translated).
QString syncLockName(const QString &sync);

// A configuration error naming the syncs there are, when `sync` is not one.
Result<void> requireSync(const workspace::Workspace &workspace, const QString &sync);

// The columns a sync reads from its model (fields, templates, match, consent,
// freshness); the warehouse diff digests exactly these.
QStringList columnsUsed(const workspace::SyncConfig &sync, const workspace::ModelConfig &model);

} // namespace sluice::engine
