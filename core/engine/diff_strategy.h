#pragma once

// How a plan tells what changed: a DiffStrategy knows what the destination
// holds and judges each streamed row against it. Two today:
//   LocalDiff      the state in Sluice's database (KnownRecords); the model
//                  is read whole and compared here.
//   WarehouseDiff- the state in the warehouse (WarehouseDiff over a
//   Strategy       WarehouseDialect); the warehouse returns only rows that
//                  are new or changed, and counts the rest itself.
// PlanBuilder streams the rows, governs and maps them; the strategy is asked
// at each step that depends on where the state lives.
#include "engine/known_records.h"
#include "engine/record_digest.h"
#include "engine/source_digest.h"
#include "engine/sync_engine.h"
#include "engine/warehouse_diff.h"
#include "engine/warehouse_dialect.h"

#include <optional>

namespace sluice::source {
class RowView;
class SourceConnection;
struct Column;
}

namespace sluice::engine {

// What a strategy reads of the sync, and where it reports.
struct DiffContext
{
    const workspace::Workspace &workspace;
    store::StateStore &store;
    const SyncOptions &options;
    const workspace::SyncConfig &sync;
    const workspace::ModelConfig &model;
    source::SourceConnection &source;
    const QList<source::Column> &columns;
    SyncPlan &plan;
    bool keepOperations;
    bool tracksMatch; // the sync matches records on a destination field (identity conflicts)
    // Identity conflicts: the match values of the rows streamed, and a record
    // the state holds under one of them that did not leave the warehouse.
    std::function<Result<QStringList>()> matchValues;
    std::function<void(const QString &matchValue, const QString &key)> holdsMatch;
};

class DiffStrategy
{
public:
    struct Verdict
    {
        bool isNew = true;     // the destination never accepted it
        bool unchanged = false;
        SyncPlan::WarehouseState ws; // what the warehouse's state will keep of it
    };

    explicit DiffStrategy(DiffContext context) : m_ctx(std::move(context)) {}
    virtual ~DiffStrategy() = default;
    static std::unique_ptr<DiffStrategy> create(DiffContext context);

    // What the destination holds, ready to compare with.
    virtual std::optional<Error> load() = 0;
    // The model's keys are checked in SQL before the stream (the stream does not see every row).
    virtual bool checksKeysFirst() const { return false; }
    // How many records the destination holds (-1: not known).
    virtual qint64 held() = 0;
    // The statement streamed, and whether COPY may read it.
    virtual QString extractSql() = 0;
    virtual bool readsByCopy() const = 0;
    // A streamed row that is no model row (a removal found in the same pass): taken.
    virtual bool tookRemoval(const source::RowView &) { return false; }
    // A model row arrives (before it is mapped): its key's hash, for judge().
    virtual quint64 arriving(const QString &) { return 0; }
    virtual void excluded(const source::RowView &row, const QString &key) = 0; // no consent
    virtual void invalid(const QString &key) = 0;                              // held back
    virtual Verdict judge(const source::RowView &row, const QString &key, quint64 keyHash, const Digest &digest, const QString &match) = 0;
    // Once the stream ended (`extracted` rows of the model's `keyRows`, as
    // its key check counted them): what did not leave the warehouse counted,
    // removals found; `excludedTotal` is the model's rows without consent.
    virtual std::optional<Error> settle(qint64, qint64, qint64 &) { return std::nullopt; }
    // Whether the streamed keys looked duplicated or NULL (the keys are then checked in SQL).
    virtual bool keysInDoubt() { return false; }
    // Mirror: the keys the destination holds that the model no longer has (or that lost consent).
    virtual QStringList removed() = 0;

protected:
    bool resendAll() const { return m_ctx.options.fullResync || m_ctx.sync.mode == SyncMode::Append; }
    DiffContext m_ctx;
};

} // namespace sluice::engine
