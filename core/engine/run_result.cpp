// A run's result as the CLI prints it (--json) and as signals carry it.
#include "engine/sync_engine.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sluice::engine {

namespace {

QJsonArray heldJson(const QList<HeldRecord> &held)
{
    QJsonArray out;
    for (const HeldRecord &h : held)
        out.append(QJsonObject{{QStringLiteral("key"), h.key}, {QStringLiteral("kind"), toString(h.kind)}, {QStringLiteral("reason"), h.reason}});
    return out;
}

// A plan's first operations: op, key and (but for a delete) the fields sent.
QJsonArray samplesOf(const SyncPlan &plan)
{
    QJsonArray samples;
    for (qsizetype i = 0; i < plan.operations.size() && i < 5; ++i) {
        const destination::Operation &op = plan.operations[i];
        QJsonObject s{{QStringLiteral("op"), destination::opName(op.kind)}, {QStringLiteral("key"), op.key}};
        if (op.kind != destination::OpKind::Delete)
            s.insert(QStringLiteral("fields"), op.fields());
        samples.append(s);
    }
    return samples;
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
    if (!plan.coverage.isEmpty())
        o.insert(QStringLiteral("coverage"), plan.coverage);
    if (!match.isEmpty())
        o.insert(QStringLiteral("match"), match);
    if (plan.invalidText > 0)
        o.insert(QStringLiteral("invalid_utf8_values"), double(plan.invalidText));
    if (!plan.freshnessMax.isEmpty())
        o.insert(QStringLiteral("freshness"), QJsonObject{{QStringLiteral("max"), plan.freshnessMax},
                                                          {QStringLiteral("lag_s"), freshnessLagSeconds < 0 ? QJsonValue() : QJsonValue(double(freshnessLagSeconds))}});
    if (plan.estimatedBytes)
        o.insert(QStringLiteral("estimated_bytes"), double(*plan.estimatedBytes));
    if (plan.bytesBilled)
        o.insert(QStringLiteral("bytes_billed"), double(*plan.bytesBilled));
    if (status == RunStatus::Planned) {
        o.insert(QStringLiteral("operations"), double(plan.operationCount));
        o.insert(QStringLiteral("samples"), samplesOf(plan));
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
    s.coverage = result.plan.coverage;
    s.match = result.match;
    if (result.status == RunStatus::Planned)
        s.samples = samplesOf(result.plan);
    return s;
}

} // namespace sluice::engine
