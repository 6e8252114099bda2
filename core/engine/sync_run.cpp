#include "engine/sync_engine.h"

#include "alerts/alerts.h"
#include "common/logging.h"
#include "connector/connector_info.h"

#include "engine/plan_internal.h"
#include "engine/operation_spill.h"
#include "engine/state_writer.h"
#include "engine/warehouse_diff.h"
#include "engine/warehouse_dialect.h"
#include "mapping/transform.h"
#include "source/source_connection.h"
#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <limits>
#include <optional>

namespace sluice::engine {

namespace {

// The run's spilled plan as a destination reads it.
class PlanSource final : public destination::OperationSource
{
public:
    PlanSource(std::function<Result<void>()> rewind, std::function<bool(qsizetype, QList<destination::Operation> &)> next, qint64 count)
        : m_rewind(std::move(rewind)), m_next(std::move(next)), m_count(count)
    {
    }
    Result<void> rewind() override { return m_rewind(); }
    bool next(qsizetype n, QList<destination::Operation> &ops) override { return m_next(n, ops); }
    qint64 count() const override { return m_count; }

private:
    std::function<Result<void>()> m_rewind;
    std::function<bool(qsizetype, QList<destination::Operation> &)> m_next;
    qint64 m_count;
};

} // namespace

bool ledgerKeepsPayloads(const workspace::Workspace &workspace, const QString &syncName)
{
    // A payload that carries a PII column in clear stays out of the ledger;
    // its hash is kept either way.
    const workspace::Config &config = workspace.config();
    const workspace::SyncConfig sync = config.syncs.value(syncName);
    const workspace::ModelConfig model = config.models.value(sync.model);
    for (const workspace::FieldMapping &f : sync.fields) {
        bool pii = model.pii.contains(f.source);
        for (const QString &step : f.transform)
            for (const QString &column : model.pii)
                pii = pii || step.contains(QLatin1Char('{') + column + QLatin1Char('}'));
        if (!pii)
            continue;
        auto chain = mapping::TransformChain::parse(f.transform, f.destination);
        if (!chain || !chain->hashes())
            return false;
    }
    return true;
}

QString syncLockName(const QString &sync)
{
    return QStringLiteral("sync ") + sync;
}

namespace {

// One run after its plan, step by step: the warehouse's state connection,
// the records held back before sending, delivery with state committed per
// settled batch, and the run's record. The plan itself is PlanBuilder's.
class SyncRunner final
{
public:
    SyncRunner(const workspace::Workspace &workspace, store::StateStore &store, const QString &sync, const SyncOptions &options)
        : m_workspace(workspace), m_store(store), m_options(options), m_sync(workspace.config().syncs.value(sync))
    {
        const connector::ConnectorInfo *info = connector::findDestination(workspace.config().destinations.value(m_sync.destination).type);
        m_keepIdentities = info && info->keepsIdentities;
        if (m_keepIdentities)
            m_identityFields = info->identityFields;
    }

    Result<RunResult> run();

private:
    std::optional<Result<RunResult>> planned(); // set when the run ends at its plan
    void openWarehouseState();
    void recordHeldBack();
    void deliver(destination::Destination &target);
    void markSending(const QList<destination::Operation> &ops);
    void settle(const QList<destination::Operation> &ops, const QList<destination::Outcome> &outcomes);
    using OperationOf = std::function<const destination::Operation *(qsizetype)>; // the operation of the i-th outcome
    void settleSlice(const OperationOf &opOf, const QList<destination::Outcome> &outcomes, qsizetype from, qsizetype to);
    void recordSettled();
    void fillRemovals(QList<destination::Operation> &ops);
    QByteArray identityOf(const destination::Operation &op) const;
    void fail(const Result<void> &r)
    {
        if (!r && m_failure.isEmpty())
            m_failure = r.error().message;
    }
    void finish(const QString &recoveredLock);

    const workspace::Workspace &m_workspace;
    store::StateStore &m_store;
    const SyncOptions &m_options;
    const workspace::SyncConfig m_sync;
    RunResult m_result;
    store::RunRecord m_record;
    QElapsedTimer m_total, m_deliver;
    qint64 m_commitMs = 0; // state commits, part of delivery time
    // Match rate: of the records expected to be at the destination already
    // (delivered before by this sync, or sent to update), how many were.
    qint64 m_matchJudged = 0, m_matched = 0;
    QString m_failure;
    bool m_keepPayloads = true;
    bool m_keepIdentities = false; // the destination removes a record by what it was sent with
    QStringList m_identityFields;  // ... by these fields of it (empty: all)
    std::unique_ptr<source::SourceConnection> m_warehouseConnection;
    std::unique_ptr<WarehouseDialect> m_dialect;
    std::optional<WarehouseDiff> m_warehouse;
    QHash<QString, OperationSpill::Extra> m_chunkExtras; // the warehouse state of the chunk being delivered
    StateWriter::Settled m_settled; // settled, not yet recorded (recordSettled)
    QList<WarehouseDiff::StateRow> m_settledRows;
    std::unique_ptr<StateWriter> m_writer; // local diff: the state written beside the delivery
};

Result<RunResult> SyncRunner::run()
{
    if (Result<void> known = requireSync(m_workspace, m_sync.name); !known)
        return known.error();
    // Never translated: a German GUI and a C-locale cron job must take the same lock.
    const QString lockName = syncLockName(m_sync.name);
    QString recovered;
    if (Result<void> lock = m_store.acquireLock(lockName, &recovered); !lock)
        return lock.error();
    m_store.closeInterruptedRuns(m_sync.name);
    struct Unlock
    {
        store::StateStore &s;
        QString name;
        ~Unlock() { s.releaseLock(name); }
    } unlock{m_store, lockName};
    // The pending marks a run that stopped left: one row per record the state does not hold.
    if (Result<void> adopted = m_store.settlePending(m_sync.name, QString(), false); !adopted)
        return adopted.error();

    // Build the destination first: a missing secret must stop the run before anything is read.
    Result<std::unique_ptr<destination::Destination>> target =
        destination::Destination::create(m_workspace.config().destinations.value(m_sync.destination), m_workspace);
    if (!target)
        return target.error();
    m_record.sync = m_sync.name;
    m_record.status = toString(RunStatus::Running);
    m_record.startedAt = QDateTime::currentDateTimeUtc();
    m_record.id = newRunId();
    m_total.start();
    qCInfo(lcEngine) << "run" << m_record.id << "of sync" << m_sync.name << "started";
    if (std::optional<Result<RunResult>> ended = planned())
        return std::move(*ended);
    openWarehouseState();
    recordHeldBack();
    m_keepPayloads = ledgerKeepsPayloads(m_workspace, m_sync.name);
    m_deliver.start();
    if (m_failure.isEmpty() && m_result.plan.operationCount > 0) {
        if (!m_warehouse)
            m_writer = std::make_unique<StateWriter>(m_store, m_sync.name, m_record.id);
        deliver(*target.value());
        if (m_writer) {
            fail(m_writer->drain());
            m_commitMs += m_writer->busyMs();
            m_writer.reset();
        }
    }
    if (!m_warehouse) {
        // Every record marked before sending has settled, unless the run stopped short.
        const bool clean = m_failure.isEmpty() && !(m_options.cancel && m_options.cancel->load());
        fail(m_store.settlePending(m_sync.name, m_record.id, clean));
    }
    if (m_options.progress)
        m_options.progress(QStringLiteral("commit"), 0, -1);
    if (m_warehouse && m_result.plan.counts.delivered > 0)
        (void)m_warehouse->analyze(); // statistics only: a failure here costs nothing but speed
    finish(recovered);
    return std::move(m_result);
}

std::optional<Result<RunResult>> SyncRunner::planned()
{
    Result<SyncPlan> plan = planSync(m_workspace, m_store, m_sync.name, m_options, true);
    if (!plan) {
        // Recorded either way: a mapped column that vanished is an incident the run history must show.
        m_record.status = toString(RunStatus::Failed);
        m_record.finishedAt = QDateTime::currentDateTimeUtc();
        m_record.error = plan.error().message;
        (void)m_store.insertRun(m_record);
        if (plan.error().kind == Error::Kind::Config)
            return Result<RunResult>(plan.error());
        m_result.plan.sync = m_sync.name;
        m_result.plan.runId = m_record.id;
        m_result.plan.mode = m_sync.mode;
        m_result.status = RunStatus::Failed;
        m_result.error = plan.error().message;
        return Result<RunResult>(std::move(m_result));
    }
    m_result.plan = std::move(plan).value();
    m_result.plan.runId = m_record.id;
    if (Result<void> r = m_store.insertRun(m_record); !r)
        return Result<RunResult>(r.error());
    if (m_options.planned)
        m_options.planned(m_result.plan.counts);
    return std::nullopt;
}

// Warehouse diff: the state lives in the warehouse; a connection of its own writes it.
void SyncRunner::openWarehouseState()
{
    if (!m_result.plan.warehouseDiff)
        return;
    const workspace::ModelConfig model = m_workspace.config().models.value(m_sync.model);
    const workspace::SourceConfig sourceConfig = m_workspace.config().sources.value(model.source);
    auto c = source::SourceConnection::open(sourceConfig, m_workspace, source::SourceConnection::Access::ReadWrite);
    if (!c) {
        m_result.status = RunStatus::Failed;
        m_failure = c.error().message;
        return;
    }
    m_warehouseConnection = std::move(c).value();
    m_warehouseConnection->setSync(m_sync.name);
    m_dialect = WarehouseDialect::of(sourceConfig.driver); // the plan made sure there is one
    if (!m_dialect) {
        m_failure = QCoreApplication::translate("sluice::engine", "sync %1: the warehouse diff cannot run on source %2").arg(m_sync.name, model.source);
        return;
    }
    m_warehouse.emplace(*m_warehouseConnection, *m_dialect, m_sync.name, model.primaryKey, columnsUsed(m_sync, model), m_sync.consentColumn);
    QList<WarehouseDiff::StateRow> refresh;
    for (const auto &[key, ws] : std::as_const(m_result.plan.warehouseRefresh))
        refresh.append({key, ws.src, m_result.plan.refreshHashes.value(key), ws.match, false});
    fail(m_warehouse->commit(refresh, m_record.id));
}

void SyncRunner::recordHeldBack()
{
    QList<store::StateStore::Held> invalid;
    QList<store::StateStore::LedgerEntry> heldBack;
    for (const HeldRecord &h : std::as_const(m_result.plan.invalid)) {
        invalid.append({h.key, toString(h.kind), h.reason});
        heldBack.append({h.key, QStringLiteral("hold"), toString(h.kind), h.reason, {}, {}, {}, {}});
    }
    if (Result<void> r = m_store.commitOutcomes(m_sync.name, m_record.id, {}, invalid); !r)
        fail(r);
    else
        fail(m_store.appendLedger(m_sync.name, m_record.id, heldBack));
}

void SyncRunner::deliver(destination::Destination &target)
{
    destination::DeliveryContext context;
    context.sync = m_sync.name;
    context.runId = m_record.id;
    context.object = m_sync.object;
    context.matchField = m_sync.matchDestination;
    context.consentGranted = !m_sync.consentColumn.isEmpty();
    context.cancel = m_options.cancel;
    context.runTotal = m_result.plan.spill->count();
    context.runDeletes = m_result.plan.spill->deletes();
    context.fullResync = m_options.fullResync;
    qint64 before = 0; // delivered in earlier chunks
    const qint64 total = m_result.plan.operationCount;
    if (m_options.progress)
        m_options.progress(QStringLiteral("deliver"), 0, total);
    context.progress = [this, &before, total](qint64 done, qint64) {
        if (m_options.progress)
            m_options.progress(QStringLiteral("deliver"), before + done, total);
    };
    context.sending = [this](const QList<destination::Operation> &ops) { markSending(ops); };
    // Counts add up over the run's deliveries; a range's bounds widen (its low the lowest, its high the highest).
    context.report = [this](const QString &measure, qint64 value) {
        const QJsonValue before = m_result.match.value(measure);
        qint64 now = before.toInteger() + value;
        if (measure.endsWith(QLatin1String("_low_pct")))
            now = before.isDouble() ? qMin(before.toInteger(), value) : value;
        else if (measure.endsWith(QLatin1String("_high_pct")))
            now = before.isDouble() ? qMax(before.toInteger(), value) : value;
        m_result.match.insert(measure, double(now));
    };
    context.settled = [this](const QList<destination::Operation> &ops, const QList<destination::Outcome> &outcomes) { settle(ops, outcomes); };
    int nextBatch = 1;
    context.nextBatch = &nextBatch;
    OperationSpill &spill = *m_result.plan.spill;
    if (Result<void> r = spill.rewind(); !r) {
        m_failure = r.error().message;
        return;
    }
    if (target.wholeRun()) {
        // A file destination reads the plan itself (twice: to write, then to
        // settle); each chunk it reads brings its extras along for settling.
        PlanSource source([&spill] { return spill.rewind(); },
                          [this, &spill](qsizetype n, QList<destination::Operation> &ops) {
                              const bool more = spill.next(n, m_result.plan.conflicted, ops, m_chunkExtras);
                              if (more && m_keepIdentities)
                                  fillRemovals(ops);
                              return more;
                          },
                          spill.count());
        if (Result<void> r = target.deliverRun(source, context); !r)
            m_failure = r.error().message;
    }
    // Otherwise the plan is read back and delivered a chunk at a time.
    const qsizetype chunk = qMax<qsizetype>(1, m_options.deliveryChunk);
    QList<destination::Operation> ops;
    while (!target.wholeRun() && m_failure.isEmpty() && spill.next(chunk, m_result.plan.conflicted, ops, m_chunkExtras)) {
        if (m_keepIdentities)
            fillRemovals(ops);
        if (Result<void> r = target.deliver(ops, context); !r)
            m_failure = r.error().message;
        before += ops.size();
        if (m_options.cancel && m_options.cancel->load())
            break;
    }
    if (m_failure.isEmpty() && !(m_options.cancel && m_options.cancel->load()) && !spill.complete())
        m_failure = QCoreApplication::translate("sluice::engine", "sync %1: the plan kept on disk could not be read back whole; "
                                                "what was not read was not sent, and goes with the next run").arg(m_sync.name);
}

// A removal carries only its key; a list destination removes a member by
// the identifiers it was added with, kept in the state when it was delivered.
void SyncRunner::fillRemovals(QList<destination::Operation> &ops)
{
    QStringList keys;
    for (const destination::Operation &op : std::as_const(ops))
        if (op.kind == destination::OpKind::Delete && op.fieldsJson.isEmpty())
            keys.append(op.key);
    if (keys.isEmpty())
        return;
    Result<QHash<QString, QByteArray>> kept = m_store.identities(m_sync.name, keys);
    if (!kept) {
        fail(kept.error());
        return;
    }
    for (destination::Operation &op : ops)
        if (op.kind == destination::OpKind::Delete && op.fieldsJson.isEmpty())
            op.fieldsJson = kept->value(op.key);
}

// What the state keeps of a delivered record to remove it later: the
// connector's identity fields only, never more of the record than needed.
QByteArray SyncRunner::identityOf(const destination::Operation &op) const
{
    if (m_identityFields.isEmpty())
        return op.fieldsJson;
    const QJsonObject fields = op.fields();
    QJsonObject identity;
    for (const QString &name : m_identityFields)
        identity.insert(name, fields.value(name));
    return QJsonDocument(identity).toJson(QJsonDocument::Compact);
}

// Records about to reach the destination for the first time are marked
// before they go: after a crash the next run still knows to update or delete them.
void SyncRunner::markSending(const QList<destination::Operation> &ops)
{
    QStringList fresh;
    for (const destination::Operation &op : ops)
        if (op.kind != destination::OpKind::Delete && op.isNew)
            fresh.append(op.key);
    if (!fresh.isEmpty())
        fail(m_warehouse ? m_warehouse->markPending(fresh, m_record.id) : m_store.markPending(m_sync.name, m_record.id, fresh));
}

// A batch settled: the state advances for what the destination accepted,
// rejections keep their reason, the ledger keeps both, the run its counts.
void SyncRunner::settle(const QList<destination::Operation> &ops, const QList<destination::Outcome> &outcomes)
{
    // Most destinations answer in the order they were sent: the i-th outcome
    // is then the i-th operation's, and no key needs hashing to find it.
    bool aligned = ops.size() == outcomes.size();
    for (qsizetype i = 0; aligned && i < ops.size(); ++i)
        aligned = ops[i].key == outcomes[i].key;
    QHash<QString, const destination::Operation *> byKey;
    if (!aligned)
        for (const destination::Operation &op : ops)
            byKey.insert(op.key, &op);
    const OperationOf opOf = [&](qsizetype i) { return aligned ? &ops[i] : byKey.value(outcomes[i].key); };
    // A destination that takes the whole run at once (a file) settles it in
    // slices, so that a terminal sees the state being committed, and so that
    // the state writer's queue holds a few thousand records, not a file's worth.
    const qsizetype slice = m_writer ? 4096 : 50000;
    for (qsizetype from = 0; from < outcomes.size(); from += slice) {
        settleSlice(opOf, outcomes, from, qMin(from + slice, outcomes.size()));
        if (m_options.progress && outcomes.size() > slice)
            m_options.progress(QStringLiteral("commit"), qMin(from + slice, outcomes.size()), outcomes.size());
    }
}

void SyncRunner::settleSlice(const OperationOf &opOf, const QList<destination::Outcome> &outcomes, qsizetype from, qsizetype to)
{
    QList<store::StateStore::Accepted> accepted;
    QList<const destination::Operation *> acceptedOps;
    QList<store::StateStore::Held> held;
    QList<store::StateStore::LedgerEntry> ledger;
    QStringList refusedNew;
    const auto policy = m_workspace.config().ledgerPayloads;
    for (qsizetype i = from; i < to; ++i) {
        const destination::Outcome &o = outcomes[i];
        const destination::Operation *op = opOf(i);
        if (!op)
            continue;
        if (o.existed && (op->kind == destination::OpKind::Update || !op->isNew)) {
            ++m_matchJudged;
            m_matched += *o.existed;
        }
        const bool keep = m_keepPayloads && (policy == workspace::Config::LedgerPayloads::All
                                             || (policy == workspace::Config::LedgerPayloads::Rejected && !o.accepted));
        ledger.append({o.key, destination::opName(op->kind), o.accepted ? QStringLiteral("delivered") : QStringLiteral("rejected"), o.reason, op->hash,
                       keep ? op->fieldsJson : QByteArray(), {}, {}});
        if (o.accepted) {
            accepted.append({o.key, op->hash, op->kind == destination::OpKind::Delete});
            acceptedOps.append(op);
            ++m_result.plan.counts.delivered;
            continue;
        }
        held.append({o.key, QStringLiteral("rejected"), o.reason});
        m_result.rejected.append({o.key, HeldKind::Rejected, o.reason});
        ++m_result.plan.counts.rejected;
        if (m_options.rejected)
            m_options.rejected->fetch_add(1);
        if (op->isNew)
            refusedNew.append(o.key);
    }
    if (m_warehouse) {
        for (const store::StateStore::Accepted &a : std::as_const(accepted)) {
            const OperationSpill::Extra ws = m_chunkExtras.value(a.key);
            m_settledRows.append({a.key, ws.src, a.hash, ws.match, a.deleted});
        }
    }
    if (m_keepIdentities) {
        for (qsizetype i = 0; i < accepted.size(); ++i) {
            if (accepted[i].deleted)
                m_settled.identitiesRemoved.append(accepted[i].key);
            else
                m_settled.identitiesKept.append({accepted[i].key, identityOf(*acceptedOps[i])});
        }
    }
    m_settled.accepted += accepted;
    m_settled.held += held;
    m_settled.ledger += ledger;
    m_settled.refusedNew += refusedNew;
    recordSettled();
}

// What settled, written to the state right away: beside the delivery on
// the state writer's thread (local diff), or here (the warehouse diff, whose
// state is the warehouse's). A pipelining destination has the next batch on
// the wire meanwhile. (Writing 20,000 records at once was slower: the
// destination then waited.)
void SyncRunner::recordSettled()
{
    StateWriter::Settled s = std::exchange(m_settled, {});
    const QList<WarehouseDiff::StateRow> rows = std::exchange(m_settledRows, {});
    if (s.ledger.isEmpty() && s.refusedNew.isEmpty())
        return;
    s.keepIdentities = m_keepIdentities;
    s.counts = m_result.plan.counts.toJson();
    if (m_writer) {
        m_writer->record(std::move(s));
        return;
    }
    QElapsedTimer commit;
    commit.start();
    if (!s.refusedNew.isEmpty())
        fail(m_warehouse ? m_warehouse->clearPending(s.refusedNew) : m_store.clearPending(m_sync.name, s.refusedNew));
    if (m_warehouse)
        fail(m_warehouse->commit(rows, m_record.id));
    fail(m_store.commitOutcomes(m_sync.name, m_record.id, s.accepted, s.held, !m_warehouse));
    if (m_keepIdentities)
        fail(m_store.keepIdentities(m_sync.name, s.identitiesKept, s.identitiesRemoved));
    fail(m_store.appendLedger(m_sync.name, m_record.id, s.ledger));
    if (!s.accepted.isEmpty())
        m_store.noteDelivered(m_sync.name);
    // What settled so far, so a run that dies still says what it delivered.
    (void)m_store.updateRunCounts(m_record.id, s.counts);
    m_commitMs += commit.elapsed();
}

// The run's status, freshness and measures, recorded.
void SyncRunner::finish(const QString &recoveredLock)
{
    SyncPlan &plan = m_result.plan;
    plan.timings.insert(QStringLiteral("deliver_ms"), double(m_deliver.elapsed()));
    plan.timings.insert(QStringLiteral("state_commit_ms"), double(m_commitMs));
    plan.timings.insert(QStringLiteral("total_ms"), double(m_total.elapsed()));
    const Counts &c = plan.counts;
    if (!m_failure.isEmpty()) {
        m_result.status = RunStatus::Failed;
        m_result.error = m_failure;
    } else if (c.invalid + c.rejected == 0) {
        m_result.status = RunStatus::Succeeded;
    } else {
        m_result.status = c.delivered > 0 || plan.operationCount == 0 ? RunStatus::Partial : RunStatus::Failed;
    }
    m_record.finishedAt = QDateTime::currentDateTimeUtc();
    if (!plan.freshnessMax.isEmpty()) {
        QDateTime newest = QDateTime::fromString(plan.freshnessMax, Qt::ISODateWithMs);
        if (!newest.isValid())
            newest = QDateTime::fromString(plan.freshnessMax, Qt::ISODate);
        if (newest.isValid())
            m_result.freshnessLagSeconds = newest.secsTo(m_record.finishedAt);
    }
    (void)m_store.saveModelSchema(m_sync.model, plan.schema);
    m_record.status = toString(m_result.status);
    m_record.error = m_result.error;
    m_record.counts = c.toJson();
    if (m_warehouseConnection && m_warehouseConnection->bytesBilled()) // the state's statements bill too
        m_result.plan.bytesBilled = plan.bytesBilled.value_or(0) + *m_warehouseConnection->bytesBilled();
    QJsonObject metrics{{QStringLiteral("timings"), plan.timings}, {QStringLiteral("model_rows"), double(plan.modelRows)}};
    if (plan.bytesBilled)
        metrics.insert(QStringLiteral("bytes_billed"), double(*plan.bytesBilled));
    if (!plan.drift.isEmpty())
        metrics.insert(QStringLiteral("schema_drift"), plan.drift);
    if (m_result.freshnessLagSeconds >= 0)
        metrics.insert(QStringLiteral("freshness_lag_s"), double(m_result.freshnessLagSeconds));
    if (!recoveredLock.isEmpty())
        metrics.insert(QStringLiteral("recovered_lock_from"), recoveredLock);
    if (plan.invalidText > 0)
        metrics.insert(QStringLiteral("invalid_utf8_values"), double(plan.invalidText));
    if (!m_result.match.isEmpty())
        metrics.insert(QStringLiteral("match"), m_result.match);
    if (m_matchJudged > 0) {
        // matched / match_sent is the run's match rate (core/metrics).
        metrics.insert(QStringLiteral("matched"), double(m_matched));
        metrics.insert(QStringLiteral("match_sent"), double(m_matchJudged));
    } else if (m_result.match.contains(QStringLiteral("matched"))) {
        metrics.insert(QStringLiteral("matched"), m_result.match.value(QStringLiteral("matched")));
    }
    if (m_options.cancel && m_options.cancel->load())
        metrics.insert(QStringLiteral("cancelled"), true); // stopped on request: its slot is still to run
    m_record.metrics = metrics;
    (void)m_store.updateRun(m_record);
    qCInfo(lcEngine).noquote() << "run" << m_record.id << "of sync" << m_sync.name << "finished:" << m_record.status
                               << QJsonDocument(m_record.counts).toJson(QJsonDocument::Compact);
    m_store.pruneLedger(m_workspace.config().ledgerRetentionDays); // after the run is recorded: it never waits on this
}

} // namespace

Result<RunResult> runSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &syncName,
                          const SyncOptions &options)
{
    if (Result<void> known = requireSync(workspace, syncName); !known)
        return known.error();
    const QDateTime started = QDateTime::currentDateTimeUtc().addSecs(-1);
    Result<RunResult> result = SyncRunner(workspace, store, syncName, options).run();
    // Alerts judge the run as recorded; a plan that failed is a failed run too.
    const QList<store::RunRecord> latest = store.runs(syncName, 1);
    if (!latest.isEmpty() && latest.first().startedAt >= started)
        alerts::evaluate(workspace, store, latest.first());
    return result;
}

} // namespace sluice::engine
