#include "engine/sync_engine.h"
#include "common/logging.h"

#include "engine/plan_internal.h"
#include "engine/warehouse_diff.h"
#include "mapping/transform.h"
#include "source/source_connection.h"
#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace sluice::engine {

namespace {


QJsonArray heldJson(const QList<HeldRecord> &held)
{
    QJsonArray out;
    for (const HeldRecord &h : held)
        out.append(QJsonObject{{QStringLiteral("key"), h.key}, {QStringLiteral("kind"), toString(h.kind)}, {QStringLiteral("reason"), h.reason}});
    return out;
}

} // namespace

QJsonObject RunResult::toJson() const
{
    QJsonObject o{{QStringLiteral("sync"), plan.sync},
                  {QStringLiteral("run_id"), plan.runId},
                  {QStringLiteral("status"), toString(status)},
                  {QStringLiteral("mode"), toString(plan.mode)},
                  {QStringLiteral("counts"), plan.counts.toJson()},
                  {QStringLiteral("rejections"), heldJson(plan.invalid + rejected)},
                  {QStringLiteral("model_rows"), double(plan.modelRows)},
                  {QStringLiteral("timings"), plan.timings}};
    if (!error.isEmpty()) {
        const QString object = objectNamedBy(error);
        o.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), error},
                                                      {QStringLiteral("object"), object.isEmpty() ? QStringLiteral("sync ") + plan.sync : object}});
    }
    if (!plan.drift.isEmpty())
        o.insert(QStringLiteral("schema_drift"), plan.drift);
    if (plan.invalidText > 0)
        o.insert(QStringLiteral("invalid_utf8_values"), double(plan.invalidText));
    if (!plan.freshnessMax.isEmpty())
        o.insert(QStringLiteral("freshness"), QJsonObject{{QStringLiteral("max"), plan.freshnessMax},
                                                          {QStringLiteral("lag_s"), freshnessLagSeconds < 0 ? QJsonValue() : QJsonValue(double(freshnessLagSeconds))}});
    if (status == RunStatus::Planned) {
        QJsonArray samples;
        for (qsizetype i = 0; i < plan.operations.size() && i < 5; ++i) {
            const destination::Operation &op = plan.operations[i];
            QJsonObject s{{QStringLiteral("op"), destination::opName(op.kind)}, {QStringLiteral("key"), op.key}};
            if (op.kind != destination::OpKind::Delete)
                s.insert(QStringLiteral("fields"), op.fields());
            samples.append(s);
        }
        o.insert(QStringLiteral("operations"), double(plan.operationCount));
        o.insert(QStringLiteral("samples"), samples);
    }
    return o;
}

RunSummary RunSummary::of(const RunResult &result)
{
    RunSummary s;
    s.sync = result.plan.sync;
    s.runId = result.plan.runId;
    s.status = result.status;
    s.counts = result.plan.counts;
    s.operations = result.plan.operationCount;
    s.held = (result.plan.invalid + result.rejected).mid(0, 1000);
    s.error = result.error;
    s.freshnessLagSeconds = result.freshnessLagSeconds;
    return s;
}

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
        auto chain = mapping::TransformChain::parse(f.transform);
        if (!chain || !chain->hashes())
            return false;
    }
    return true;
}

QString syncLockName(const QString &sync)
{
    return QStringLiteral("sync ") + sync;
}

Result<RunResult> runSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &syncName,
                          const SyncOptions &options)
{
    const workspace::Config &config = workspace.config();
    if (Result<void> known = requireSync(workspace, syncName); !known)
        return known.error();
    const workspace::SyncConfig sync = config.syncs.value(syncName);
    // Never translated: a German GUI and a C-locale cron job must take the same lock.
    const QString lockName = syncLockName(syncName);
    QString recovered;
    if (Result<void> lock = store.acquireLock(lockName, &recovered); !lock)
        return lock.error();
    store.closeInterruptedRuns(syncName);
    struct Unlock
    {
        store::StateStore &s;
        QString name;
        ~Unlock() { s.releaseLock(name); }
    } unlock{store, lockName};

    // Build the destination first: a missing secret must stop the run before anything is read.
    Result<std::unique_ptr<destination::Destination>> target =
        destination::Destination::create(config.destinations.value(sync.destination), workspace);
    if (!target)
        return target.error();

    RunResult result;
    store::RunRecord record;
    record.sync = syncName;
    record.status = toString(RunStatus::Running);
    record.startedAt = QDateTime::currentDateTimeUtc();
    record.id = newRunId();
    QElapsedTimer total;
    total.start();

    qCInfo(lcEngine) << "run" << record.id << "of sync" << syncName << "started";
    Result<SyncPlan> plan = planSync(workspace, store, syncName, options, true);
    if (!plan) {
        // Recorded either way: a mapped column that vanished is an incident the run history must show.
        record.status = toString(RunStatus::Failed);
        record.finishedAt = QDateTime::currentDateTimeUtc();
        record.error = plan.error().message;
        (void)store.insertRun(record);
        if (plan.error().kind == Error::Kind::Config)
            return plan.error();
        result.plan.sync = syncName;
        result.plan.runId = record.id;
        result.plan.mode = sync.mode;
        result.status = RunStatus::Failed;
        result.error = plan.error().message;
        return result;
    }
    result.plan = std::move(plan).value();
    result.plan.runId = record.id;
    if (Result<void> r = store.insertRun(record); !r)
        return r.error();

    // Warehouse diff: the state lives in the warehouse; a connection of its own writes it.
    std::unique_ptr<source::SourceConnection> warehouseConnection;
    std::optional<WarehouseDiff> warehouse;
    if (result.plan.warehouseDiff) {
        const workspace::ModelConfig model = config.models.value(sync.model);
        const workspace::SourceConfig sourceConfig = config.sources.value(model.source);
        auto c = source::SourceConnection::open(sourceConfig, workspace, source::SourceConnection::Access::ReadWrite);
        if (!c) {
            result.status = RunStatus::Failed;
            result.error = c.error().message;
        } else {
            warehouseConnection = std::move(c).value();
            warehouse.emplace(*warehouseConnection, sourceConfig.driver == QLatin1String("postgres"), syncName, model.primaryKey,
                              columnsUsed(sync, model), sync.consentColumn);
            QList<WarehouseDiff::StateRow> refresh;
            for (const auto &[key, ws] : std::as_const(result.plan.warehouseRefresh))
                refresh.append({key, ws.src, result.plan.refreshHashes.value(key), ws.match, false});
            if (Result<void> r = warehouse->commit(refresh, record.id); !r)
                result.error = r.error().message;
        }
    }
    QList<store::StateStore::Held> invalid;
    QList<store::StateStore::LedgerEntry> heldBack;
    for (const HeldRecord &h : std::as_const(result.plan.invalid)) {
        invalid.append({h.key, toString(h.kind), h.reason});
        heldBack.append({h.key, QStringLiteral("hold"), toString(h.kind), h.reason, {}, {}, {}, {}});
    }
    QString failure = result.error;
    if (Result<void> r = store.commitOutcomes(syncName, record.id, {}, invalid); !r)
        failure = r.error().message;
    else if (Result<void> l = store.appendLedger(syncName, record.id, heldBack); !l)
        failure = l.error().message;
    const bool keepPayloads = ledgerKeepsPayloads(workspace, syncName);

    QElapsedTimer deliver;
    deliver.start();
    qint64 commitMs = 0; // state commits, part of delivery time
    if (failure.isEmpty() && !result.plan.operations.isEmpty()) {
        destination::DeliveryContext context;
        context.sync = syncName;
        context.runId = record.id;
        context.object = sync.object;
        context.matchField = sync.matchDestination;
        context.cancel = options.cancel;
        context.progress = [&](qint64 done, qint64 all) {
            if (options.progress)
                options.progress(QStringLiteral("deliver"), done, all);
        };
        context.sending = [&](const QList<destination::Operation> &ops) {
            QStringList fresh;
            for (const destination::Operation &op : ops)
                if (op.kind != destination::OpKind::Delete && op.isNew)
                    fresh.append(op.key);
            if (fresh.isEmpty())
                return;
            Result<void> r = warehouse ? warehouse->markPending(fresh, record.id) : store.markPending(syncName, record.id, fresh);
            if (!r && failure.isEmpty())
                failure = r.error().message;
        };
        context.settled = [&](const QList<destination::Operation> &ops, const QList<destination::Outcome> &outcomes) {
            QHash<QString, const destination::Operation *> byKey;
            for (const destination::Operation &op : ops)
                byKey.insert(op.key, &op);
            QList<store::StateStore::Accepted> accepted;
            QList<store::StateStore::Held> held;
            QList<store::StateStore::LedgerEntry> ledger;
            for (const destination::Outcome &o : outcomes) {
                const destination::Operation *op = byKey.value(o.key);
                if (!op)
                    continue;
                ledger.append({o.key, destination::opName(op->kind), o.accepted ? QStringLiteral("delivered") : QStringLiteral("rejected"), o.reason,
                               op->hash, keepPayloads ? op->fieldsJson : QByteArray(), {}, {}});
                if (o.accepted) {
                    accepted.append({o.key, op->hash, op->kind == destination::OpKind::Delete});
                    ++result.plan.counts.delivered;
                } else {
                    held.append({o.key, QStringLiteral("rejected"), o.reason});
                    result.rejected.append({o.key, HeldKind::Rejected, o.reason});
                    ++result.plan.counts.rejected;
                }
            }
            QElapsedTimer commit;
            commit.start();
            QStringList refusedNew;
            for (const store::StateStore::Held &h : std::as_const(held))
                if (const destination::Operation *op = byKey.value(h.key); op && op->isNew)
                    refusedNew.append(h.key);
            if (!refusedNew.isEmpty()) {
                Result<void> r = warehouse ? warehouse->clearPending(refusedNew) : store.clearPending(syncName, refusedNew);
                if (!r && failure.isEmpty())
                    failure = r.error().message;
            }
            if (warehouse) {
                QList<WarehouseDiff::StateRow> rows;
                for (const store::StateStore::Accepted &a : std::as_const(accepted)) {
                    const SyncPlan::WarehouseState ws = result.plan.warehouseState.value(a.key);
                    rows.append({a.key, ws.src, a.hash, ws.match, a.deleted});
                }
                if (Result<void> r = warehouse->commit(rows, record.id); !r && failure.isEmpty())
                    failure = r.error().message;
            }
            if (Result<void> r = store.commitOutcomes(syncName, record.id, accepted, held, !warehouse); !r && failure.isEmpty())
                failure = r.error().message;
            if (Result<void> r = store.appendLedger(syncName, record.id, ledger); !r && failure.isEmpty())
                failure = r.error().message;
            if (!accepted.isEmpty())
                store.noteDelivered(syncName);
            // What settled so far, so a run that dies still says what it delivered.
            (void)store.updateRunCounts(record.id, result.plan.counts.toJson());
            commitMs += commit.elapsed();
        };
        if (Result<void> r = target.value()->deliver(result.plan.operations, context); !r)
            failure = r.error().message;
    }
    if (warehouse && result.plan.counts.delivered > 0)
        (void)warehouse->analyze(); // statistics only: a failure here costs nothing but speed
    result.plan.timings.insert(QStringLiteral("deliver_ms"), double(deliver.elapsed()));
    result.plan.timings.insert(QStringLiteral("state_commit_ms"), double(commitMs));
    result.plan.timings.insert(QStringLiteral("total_ms"), double(total.elapsed()));

    const Counts &c = result.plan.counts;
    if (!failure.isEmpty()) {
        result.status = RunStatus::Failed;
        result.error = failure;
    } else if (c.invalid + c.rejected == 0) {
        result.status = RunStatus::Succeeded;
    } else {
        result.status = c.delivered > 0 || result.plan.operations.isEmpty() ? RunStatus::Partial : RunStatus::Failed;
    }
    record.finishedAt = QDateTime::currentDateTimeUtc();
    if (!result.plan.freshnessMax.isEmpty()) {
        QDateTime newest = QDateTime::fromString(result.plan.freshnessMax, Qt::ISODateWithMs);
        if (!newest.isValid())
            newest = QDateTime::fromString(result.plan.freshnessMax, Qt::ISODate);
        if (newest.isValid())
            result.freshnessLagSeconds = newest.secsTo(record.finishedAt);
    }
    (void)store.saveModelSchema(config.syncs.value(syncName).model, result.plan.schema);
    record.status = toString(result.status);
    record.error = result.error;
    record.counts = c.toJson();
    QJsonObject metrics{{QStringLiteral("timings"), result.plan.timings}, {QStringLiteral("model_rows"), double(result.plan.modelRows)}};
    if (!result.plan.drift.isEmpty())
        metrics.insert(QStringLiteral("schema_drift"), result.plan.drift);
    if (result.freshnessLagSeconds >= 0)
        metrics.insert(QStringLiteral("freshness_lag_s"), double(result.freshnessLagSeconds));
    if (!recovered.isEmpty())
        metrics.insert(QStringLiteral("recovered_lock_from"), recovered);
    if (result.plan.invalidText > 0)
        metrics.insert(QStringLiteral("invalid_utf8_values"), double(result.plan.invalidText));
    if (options.cancel && options.cancel->load())
        metrics.insert(QStringLiteral("cancelled"), true); // stopped on request: its slot is still to run
    record.metrics = metrics;
    (void)store.updateRun(record);
    qCInfo(lcEngine).noquote() << "run" << record.id << "of sync" << syncName << "finished:" << record.status << QJsonDocument(record.counts).toJson(QJsonDocument::Compact);
    store.pruneLedger(config.ledgerRetentionDays); // after the run is recorded: it never waits on this
    return result;
}

} // namespace sluice::engine
