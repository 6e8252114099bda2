#pragma once

#include "engine/diff_strategy.h"
#include "engine/identity_conflicts.h"
#include "engine/plan_internal.h"
#include "engine/record_digest.h"
#include "engine/record_mapper.h"
#include "mapping/transform.h"
#include "model/key_check.h"
#include "source/source_connection.h"

#include <QElapsedTimer>

#include <future>
#include <optional>

// One plan, stage by stage: prepare (connect, describe, drift, mapping),
// check keys, load the state (local or in the warehouse), stream the model
// row by row (govern, map and validate, diff, plan), settle what the
// warehouse kept back, hold identity conflicts, plan removals. Each stage is
// a member function; what they share is the builder's state.
namespace sluice::engine {

class PlanBuilder final
{
public:
    PlanBuilder(const workspace::Workspace &workspace, store::StateStore &store, const QString &sync, const SyncOptions &options,
                bool keepOperations);
    Result<SyncPlan> build();

private:
    std::optional<Error> prepare();
    void measureDrift();
    std::optional<Error> judgeKeys(Result<model::KeyCheck> checked);
    std::optional<Error> startKeyChecks();
    std::optional<Error> prepareFields();
    std::optional<Error> loadState();
    std::optional<Error> stream();
    bool onRow(const source::RowView &row);
    bool excludeForConsent(const source::RowView &row, const QString &key);
    // Writes the record's JSON; false when a field held it back as invalid.
    bool mapRow(const source::RowView &row, const QString &key);
    void diffAndPlan(const source::RowView &row, const QString &key, quint64 keyHash);
    void holdInvalid(const QString &key, const QString &reason);
    std::optional<Error> settleWarehouse();
    std::optional<Error> holdIdentityConflicts();
    std::optional<Error> planRemovals();
    Error at(const Error &e) const; // the error, prefixed with the sync and model

    const workspace::Workspace &m_workspace;
    store::StateStore &m_store;
    const SyncOptions &m_options;
    const bool m_keepOperations;
    workspace::SyncConfig m_sync;
    workspace::ModelConfig m_model;
    QString m_owner;
    SyncPlan m_plan;
    QElapsedTimer m_stage;

    std::unique_ptr<source::SourceConnection> m_source;
    QList<source::Column> m_columns;
    QHash<QString, int> m_index;
    model::KeyCheck m_keys;
    std::future<Result<model::KeyCheck>> m_concurrentCheck;

    QList<int> m_keyIndexes;
    int m_consentIndex = -1, m_freshnessIndex = -1;
    std::unique_ptr<RecordMapper> m_mapper;
    std::unique_ptr<DiffStrategy> m_diff; // what the destination holds, and each row judged against it
    destination::OpKind m_sendKind = destination::OpKind::Upsert;

    qint64 m_expectedRows = -1; // the last run's model rows: extract's total on a terminal
    qint64 m_extracted = 0, m_nullKeys = 0, m_excludedCount = 0, m_excludedTotal = 0;
    std::unique_ptr<IdentityConflicts> m_conflicts; // what each record became, so that a conflict found later can undo its count
};

} // namespace sluice::engine
