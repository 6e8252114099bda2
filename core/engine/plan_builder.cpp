#include "engine/plan_builder.h"

#include "connector/connector_info.h"

#include "engine/operation_spill.h"
#include "mapping/field_schema.h"
#include "source/row_view.h"
#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sluice::engine {

namespace {

// A plan that sends nothing keeps this many operations to show.
constexpr qsizetype kSamples = 5;

// A state that vanished must not read as "nothing sent yet": that resends
// every record. The sync delivered before (noted beside the database, or in
// its run history) yet the state holds nothing: say so, and resend only when
// asked to.
std::optional<Error> lostState(const store::StateStore &store, const QString &sync, const SyncOptions &options, qint64 stateRecords)
{
    if (options.fullResync || stateRecords != 0)
        return std::nullopt;
    // The latest run that delivered anything: if it sent more than removals,
    // the destination holds records and the state cannot be empty.
    const QList<store::RunRecord> runs = store.runs(sync, 1000);
    const auto latest = std::find_if(runs.begin(), runs.end(), [](const store::RunRecord &r) {
        return r.counts.value(QStringLiteral("delivered")).toInteger() > 0;
    });
    const bool deliveredBefore = latest != runs.end()
                                 && latest->counts.value(QStringLiteral("delivered")).toInteger() > latest->counts.value(QStringLiteral("removed")).toInteger();
    if (!deliveredBefore && !(runs.isEmpty() && store.hasDelivered(sync)))
        return std::nullopt;
    return Error{QCoreApplication::translate("sluice::engine", "sync %1: it has delivered records before, but its state (what the destination holds) "
                    "is empty: the state database or the warehouse's state table was lost or replaced, or the sync's diff strategy changed. Nothing was sent. "
                    "To send every record again, run it with --full-resync")
                     .arg(sync),
                 Error::Kind::Config};
}

std::optional<Error> massDelete(const workspace::SyncConfig &sync, const SyncOptions &options, qint64 removed, qint64 held)
{
    if (options.allowMassDelete || removed == 0 || held <= 0 || double(removed) <= sync.maxDeleteShare * double(held))
        return std::nullopt;
    return Error{QCoreApplication::translate("sluice::engine", "sync %1: this mirror run would remove %2 of the %3 records the destination holds "
                    "(%4 %), more than its max_delete_share (%5 %); nothing was sent. If the model really lost those rows, "
                    "run it with --allow-mass-delete or raise max_delete_share")
                     .arg(sync.name)
                     .arg(removed)
                     .arg(held)
                     .arg(qRound(100.0 * double(removed) / double(held)))
                     .arg(qRound(100.0 * sync.maxDeleteShare)),
                 Error::Kind::Query};
}

} // namespace

PlanBuilder::PlanBuilder(const workspace::Workspace &workspace, store::StateStore &store, const QString &sync, const SyncOptions &options,
                         bool keepOperations)
    : m_workspace(workspace), m_store(store), m_options(options), m_keepOperations(keepOperations)
{
    m_sync = workspace.config().syncs.value(sync);
    m_model = workspace.config().models.value(m_sync.model);
    m_owner = QCoreApplication::translate("sluice::engine", "sync %1: model %2").arg(sync, m_model.name);
}

Error PlanBuilder::at(const Error &e) const
{
    return {m_owner + QStringLiteral(": ") + e.message, e.kind};
}

Result<SyncPlan> PlanBuilder::build()
{
    if (Result<void> known = requireSync(m_workspace, m_sync.name); !known)
        return known.error();
    // What a terminal shows while each stage runs (extract: of the rows the last run read).
    const QList<store::RunRecord> last = m_store.runs(m_sync.name, 1);
    m_expectedRows = last.isEmpty() ? -1 : qint64(last.first().metrics.value(QStringLiteral("model_rows")).toDouble(-1));
    auto stageStarts = [this](const char *name, qint64 total) {
        if (m_options.progress)
            m_options.progress(QLatin1String(name), 0, total);
    };
    // The state first: whether the warehouse diff starts from nothing decides where the keys are checked.
    for (auto stage : {&PlanBuilder::prepare, &PlanBuilder::loadState, &PlanBuilder::startKeyChecks, &PlanBuilder::prepareFields,
                       &PlanBuilder::stream, &PlanBuilder::settleWarehouse}) {
        if (stage == &PlanBuilder::loadState)
            stageStarts("state", -1);
        if (stage == &PlanBuilder::stream)
            stageStarts("extract", m_expectedRows > 0 ? m_expectedRows : -1);
        if (std::optional<Error> e = (this->*stage)())
            return *e;
    }
    if (std::optional<Error> e = holdIdentityConflicts())
        return *e;
    stageStarts("diff", -1);
    if (std::optional<Error> e = planRemovals())
        return *e;
    std::sort(m_plan.invalid.begin(), m_plan.invalid.end(), [](const HeldRecord &a, const HeldRecord &b) {
        return a.key.size() != b.key.size() ? a.key.size() < b.key.size() : a.key < b.key;
    });
    m_plan.counts.excluded = m_excludedTotal;
    m_plan.counts.invalid = m_plan.invalid.size();
    m_plan.coverage = m_mapper->coverage();
    m_plan.timings.insert(QStringLiteral("diff_ms"), double(m_stage.restart()));
    return std::move(m_plan);
}

// Governance and mapping rules, the connection, the model's columns and their drift.
std::optional<Error> PlanBuilder::prepare()
{
    if (const QStringList problems = governanceProblems(m_workspace, m_sync.name); !problems.isEmpty())
        return configError(problems.join(QLatin1Char('\n')));
    if (m_sync.fields.isEmpty())
        return configError(QCoreApplication::translate("sluice::engine", "sync %1: no fields are mapped").arg(m_sync.name));
    m_plan.sync = m_sync.name;
    m_plan.mode = m_sync.mode;
    m_plan.runId = newRunId();
    m_stage.start();
    const bool inWarehouse = m_sync.diff == DiffKind::Warehouse;
    m_plan.warehouseDiff = inWarehouse;
    Result<std::unique_ptr<source::SourceConnection>> conn = source::SourceConnection::open(
        m_workspace.config().sources.value(m_model.source), m_workspace,
        inWarehouse ? source::SourceConnection::Access::ReadWrite : source::SourceConnection::Access::ReadOnly);
    if (!conn)
        return at(conn.error());
    m_source = std::move(conn).value();
    m_source->setSync(m_sync.name);
    m_plan.estimatedBytes = m_source->estimateBytes(m_model.sql);
    Result<QList<source::Column>> columns = m_source->describe(m_model.sql);
    if (!columns)
        return at(columns.error());
    m_columns = columns.value();
    for (int i = 0; i < m_columns.size(); ++i) {
        m_index.insert(m_columns[i].name, i);
        m_plan.schema.insert(m_columns[i].name, source::columnTypeName(m_columns[i].type));
    }
    measureDrift();
    if (const QStringList problems = mappingProblems(m_workspace, m_sync.name, m_columns); !problems.isEmpty())
        return configError(problems.join(QLatin1Char('\n')));
    const bool tracksMatch = std::any_of(m_sync.fields.begin(), m_sync.fields.end(), [&](const workspace::FieldMapping &f) {
        return !m_sync.matchDestination.isEmpty() && f.destination == m_sync.matchDestination;
    });
    m_diff = DiffStrategy::create({m_workspace, m_store, m_options, m_sync, m_model, *m_source, m_columns, m_plan, m_keepOperations, tracksMatch,
                                   [this] { return m_conflicts->matchValues(); },
                                   [this](const QString &value, const QString &key) { m_conflicts->note(value, key, Fate::Unchanged, false); }});
    return std::nullopt;
}

// Schema drift against the previous run.
void PlanBuilder::measureDrift()
{
    const QJsonObject previous = m_store.modelSchema(m_model.name);
    if (previous.isEmpty())
        return;
    QJsonArray added, removed, changed;
    for (auto it = m_plan.schema.begin(); it != m_plan.schema.end(); ++it) {
        if (!previous.contains(it.key()))
            added.append(it.key());
        else if (previous.value(it.key()) != it.value())
            changed.append(QJsonObject{{QStringLiteral("column"), it.key()}, {QStringLiteral("was"), previous.value(it.key())}, {QStringLiteral("now"), it.value()}});
    }
    for (auto it = previous.begin(); it != previous.end(); ++it)
        if (!m_plan.schema.contains(it.key()))
            removed.append(it.key());
    if (!added.isEmpty() || !removed.isEmpty() || !changed.isEmpty())
        m_plan.drift = QJsonObject{{QStringLiteral("added"), added}, {QStringLiteral("removed"), removed}, {QStringLiteral("type_changed"), changed}};
}

std::optional<Error> PlanBuilder::judgeKeys(Result<model::KeyCheck> checked)
{
    if (!checked)
        return at(checked.error());
    m_keys = checked.value();
    if (!m_keys.ok())
        return Error{m_keys.problems(m_model.name).join(QLatin1Char('\n')) + QCoreApplication::translate("sluice::engine", "\nsync %1: nothing was sent; fix the model's key first").arg(m_sync.name),
                     m_keys.missingColumns.isEmpty() ? Error::Kind::Query : Error::Kind::Config};
    return std::nullopt;
}

// The model's keys must be present, unique and not NULL before anything is
// sent. The warehouse diff asks the warehouse (unchanged rows never leave
// it); the local diff watches the rows it streams anyway and asks the
// warehouse only to confirm and describe a problem it saw.
std::optional<Error> PlanBuilder::startKeyChecks()
{
    const bool present = std::all_of(m_model.primaryKey.begin(), m_model.primaryKey.end(), [&](const QString &k) { return m_index.contains(k); });
    if (!present)
        return judgeKeys(model::checkKeys(*m_source, m_model, m_columns)); // names the missing key column
    const workspace::SourceConfig sourceConfig = m_workspace.config().sources.value(m_model.source);
    if (m_diff->checksKeysFirst() && sourceConfig.driver == QLatin1String("postgres")) {
        // On PostgreSQL the key check runs on a second connection while the
        // diff query runs: two statements, two server processes, one wait.
        m_concurrentCheck = std::async(std::launch::async, [workspace = &m_workspace, sourceConfig, model = m_model, described = m_columns]() -> Result<model::KeyCheck> {
            Result<std::unique_ptr<source::SourceConnection>> second = source::SourceConnection::open(sourceConfig, *workspace);
            if (!second)
                return second.error();
            return model::checkKeys(*second.value(), model, described);
        });
    } else if (m_diff->checksKeysFirst()) {
        if (std::optional<Error> e = judgeKeys(model::checkKeys(*m_source, m_model, m_columns)))
            return e;
    }
    m_plan.timings.insert(QStringLiteral("check_ms"), double(m_stage.restart()));
    return std::nullopt;
}

// Named column positions, transform chains and the destination's rules.
std::optional<Error> PlanBuilder::prepareFields()
{
    for (const QString &k : m_model.primaryKey)
        m_keyIndexes.append(m_index.value(k));
    m_consentIndex = m_sync.consentColumn.isEmpty() ? -1 : m_index.value(m_sync.consentColumn);
    m_freshnessIndex = m_model.freshness.isEmpty() ? -1 : m_index.value(m_model.freshness);
    Result<std::unique_ptr<RecordMapper>> mapper = RecordMapper::create(m_workspace, m_sync, m_index);
    if (!mapper)
        return mapper.error();
    m_mapper = std::move(mapper).value();
    m_sendKind = sendKind(m_sync.mode);
    m_conflicts = std::make_unique<IdentityConflicts>(m_workspace.stateDir() + QStringLiteral("/tmp"));
    if (m_keepOperations) {
        // A run keeps its plan on disk until delivery: memory follows one chunk, not the change.
        m_plan.spill = std::make_shared<OperationSpill>();
        if (Result<void> r = m_plan.spill->open(m_workspace.stateDir() + QStringLiteral("/tmp")); !r)
            return r.error();
    }
    return std::nullopt;
}

// What the destination holds: the local state, or the warehouse's state table.
// Only records that will be sent are kept whole; an unchanged row leaves
// nothing behind, so memory follows the change, not the model.
std::optional<Error> PlanBuilder::loadState()
{
    if (std::optional<Error> e = m_diff->load())
        return e;
    if (std::optional<Error> lost = lostState(m_store, m_sync.name, m_options, m_diff->held()))
        return lost;
    m_plan.timings.insert(QStringLiteral("state_load_ms"), double(m_stage.restart()));
    return std::nullopt;
}

std::optional<Error> PlanBuilder::stream()
{
    source::RowSink sink;
    sink.view = [this](const source::RowView &row) { return onRow(row); };
    sink.copy = m_diff->readsByCopy(); // COPY reads fastest
    sink.invalidText = &m_plan.invalidText;
    const QString extractSql = m_diff->extractSql();
    const Result<void> streamed = m_source->stream(extractSql, sink, m_options.cancel);
    if (m_concurrentCheck.valid()) {
        // A key problem explains a failed diff query better than its own message.
        if (std::optional<Error> e = judgeKeys(m_concurrentCheck.get()))
            return e;
    }
    if (!streamed)
        return at(streamed.error());
    if (!m_diff->checksKeysFirst() && (m_nullKeys > 0 || m_diff->keysInDoubt())) {
        if (std::optional<Error> e = judgeKeys(model::checkKeys(*m_source, m_model, m_columns)))
            return e;
    }
    m_plan.timings.insert(QStringLiteral("extract_map_ms"), double(m_stage.restart()));
    m_plan.bytesBilled = m_source->bytesBilled();
    return std::nullopt;
}

// One model row: govern, map, diff, plan. Always true: a row never stops the stream.
bool PlanBuilder::onRow(const source::RowView &row)
{
    if (m_diff->tookRemoval(row))
        return true;
    ++m_plan.modelRows;
    if (m_options.progress && m_plan.modelRows % 10000 == 0)
        m_options.progress(QStringLiteral("extract"), m_plan.modelRows, m_expectedRows >= m_plan.modelRows ? m_expectedRows : -1);
    for (const int k : std::as_const(m_keyIndexes))
        m_nullKeys += row.isNull(k);
    const QString key = model::recordKey(row, m_keyIndexes);
    const quint64 keyHash = m_diff->arriving(key);
    if (m_freshnessIndex >= 0) {
        const QString f = row.text(m_freshnessIndex);
        if (f > m_plan.freshnessMax)
            m_plan.freshnessMax = f;
    }
    ++m_extracted;
    if (excludeForConsent(row, key) || !mapRow(row, key))
        return true;
    diffAndPlan(row, key, keyHash);
    return true;
}

bool PlanBuilder::excludeForConsent(const source::RowView &row, const QString &key)
{
    if (m_consentIndex < 0 || consented(row.value(m_consentIndex)))
        return false;
    ++m_excludedCount;
    m_diff->excluded(row, key);
    return true;
}

void PlanBuilder::holdInvalid(const QString &key, const QString &reason)
{
    m_diff->invalid(key);
    m_plan.invalid.append({key, HeldKind::Invalid, reason});
}

// The record as its destination receives it, or held back as invalid.
bool PlanBuilder::mapRow(const source::RowView &row, const QString &key)
{
    if (const QString problem = m_mapper->map(row); !problem.isEmpty()) {
        holdInvalid(key, problem);
        return false;
    }
    return true;
}

void PlanBuilder::diffAndPlan(const source::RowView &row, const QString &key, quint64 keyHash)
{
    const Digest digest = m_mapper->digest();
    const QString match = m_mapper->matchValue();
    const DiffStrategy::Verdict verdict = m_diff->judge(row, key, keyHash, digest, match);
    const bool isNew = verdict.isNew;
    const auto [fate, send] = planByMode(m_sync.mode, isNew, verdict.unchanged);
    switch (fate) {
    case Fate::Unchanged: ++m_plan.counts.unchanged; break;
    case Fate::Added: ++m_plan.counts.added; break;
    case Fate::Changed: ++m_plan.counts.changed; break;
    }
    if (m_mapper->matches())
        m_conflicts->note(match, key, fate, send);
    if (!send)
        return;
    ++m_plan.operationCount;
    if (m_plan.spill || m_plan.operations.size() < kSamples) {
        destination::Operation op{key, m_sendKind, QByteArray(m_mapper->json().constData(), m_mapper->json().size()), digest.toHex()};
        op.isNew = isNew;
        if (m_plan.spill)
            m_plan.spill->append(op, {verdict.ws.src, verdict.ws.match});
        if (m_plan.operations.size() < kSamples)
            m_plan.operations.append(std::move(op));
    }
}

// The strategy's account of what the stream did not see (the warehouse diff's unchanged rows).
std::optional<Error> PlanBuilder::settleWarehouse()
{
    m_excludedTotal = m_excludedCount;
    return m_diff->settle(m_keys.rowCount, m_extracted, m_excludedTotal);
}

// Identity conflicts: two rows, one match value; the destination would merge them.
std::optional<Error> PlanBuilder::holdIdentityConflicts()
{
    Result<QList<IdentityConflicts::Conflict>> found = m_conflicts->conflicts();
    m_conflicts.reset();
    if (!found)
        return at(found.error());
    QSet<QString> conflicted;
    for (const IdentityConflicts::Conflict &conflict : found.value()) {
        for (const IdentityConflicts::Holder &holder : conflict.holders) {
            QStringList others;
            for (const IdentityConflicts::Holder &other : conflict.holders)
                if (other.key != holder.key)
                    others.append(other.key);
            conflicted.insert(holder.key);
            switch (holder.fate) {
            case Fate::Unchanged: --m_plan.counts.unchanged; break; // held back now, though unchanged
            case Fate::Added: --m_plan.counts.added; break;
            case Fate::Changed: --m_plan.counts.changed; break;
            }
            if (holder.sent)
                --m_plan.operationCount;
            m_plan.invalid.append({holder.key, HeldKind::Invalid, identityConflictReason(holder.key, others, m_sync.matchDestination)});
        }
    }
    if (!conflicted.isEmpty())
        m_plan.operations.removeIf([&](const destination::Operation &op) { return conflicted.contains(op.key); });
    m_plan.conflicted = conflicted; // a spilled plan skips them when read back
    return std::nullopt;
}

// Mirror: what left the model, or lost consent, is removed from the destination.
std::optional<Error> PlanBuilder::planRemovals()
{
    if (m_sync.mode != SyncMode::Mirror)
        return std::nullopt;
    QStringList removed = m_diff->removed();
    std::sort(removed.begin(), removed.end());
    for (const QString &key : std::as_const(removed)) {
        ++m_plan.operationCount;
        const destination::Operation op{key, destination::OpKind::Delete, {}, {}};
        if (m_plan.spill)
            m_plan.spill->append(op);
        if (m_plan.operations.size() < kSamples)
            m_plan.operations.append(op);
    }
    m_plan.counts.removed = removed.size();
    const qint64 held = m_diff->held();
    return massDelete(m_sync, m_options, removed.size(), held);
}

Result<SyncPlan> planSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &sync, const SyncOptions &options)
{
    return PlanBuilder(workspace, store, sync, options, false).build();
}

Result<SyncPlan> planSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &sync, const SyncOptions &options,
                          bool keepOperations)
{
    return PlanBuilder(workspace, store, sync, options, keepOperations).build();
}

} // namespace sluice::engine
