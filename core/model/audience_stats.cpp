#include "model/audience_stats.h"

#include "source/source_connection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>

namespace sluice::model {

namespace {

Result<source::Row> firstRow(source::SourceConnection &connection, const QString &sql, const QVariantList &params,
                             const std::atomic_bool *cancel)
{
    source::Row first;
    source::RowSink sink;
    sink.columns = [](const QList<source::Column> &) {};
    sink.row = [&](const source::Row &row) {
        first = row;
        return false;
    };
    if (Result<void> r = connection.streamParams(sql, params, sink, cancel); !r)
        return r.error();
    return first;
}

qint64 count(const source::Row &row, int i)
{
    return row.value(i).isNull() ? 0 : row.value(i).toLongLong(); // sum() over no rows is NULL
}

} // namespace

Result<AudienceBase> audienceBase(const workspace::Config &config, const QString &name)
{
    if (!config.models.contains(name))
        return configError(QCoreApplication::translate("sluice::model", "unknown audience \"%1\" (models and audiences: %2)").arg(name, config.models.keys().join(QStringLiteral(", "))));
    AudienceBase base;
    const workspace::ModelConfig &m = config.models[name];
    base.model = m.isAudience() ? config.models.value(m.audience->model) : m;
    base.conditions.group = true;
    if (m.isAudience())
        base.conditions = m.audience->root;
    const std::optional<SqlDialect> dialect = dialectOf(config.sources.value(base.model.source).driver);
    if (!dialect)
        return configError(QCoreApplication::translate("sluice::model", "%1: audiences are counted in PostgreSQL and SQLite sources").arg(name));
    base.dialect = *dialect;
    return base;
}

Result<AudienceSize> countAudience(source::SourceConnection &connection, const AudienceBase &base, const std::atomic_bool *cancel)
{
    QElapsedTimer timer;
    timer.start();
    AudienceSize size;
    size.model = base.model.name;
    const BoundSql where = compileConditions(base.conditions, base.dialect, Binding::Parameters);
    size.sql = QStringLiteral("SELECT count(*), sum(CASE WHEN %1 THEN 1 ELSE 0 END) FROM %2")
                   .arg(where.sql, source::wrapModelSql(base.model.sql));
    size.params = where.params;
    Result<source::Row> row = firstRow(connection, size.sql, size.params, cancel);
    if (!row)
        return row.error();
    size.modelRows = count(row.value(), 0);
    size.rows = count(row.value(), 1);
    size.elapsedMs = timer.elapsed();
    return size;
}

Result<AudienceOverlap> overlapAudiences(source::SourceConnection &connection, const AudienceBase &a, const AudienceBase &b,
                                         const std::atomic_bool *cancel)
{
    if (a.model.name != b.model.name || a.model.sql != b.model.sql)
        return configError(QCoreApplication::translate("sluice::model", "only audiences of one model overlap: these narrow %1 and %2").arg(a.model.name, b.model.name));
    QElapsedTimer timer;
    timer.start();
    const BoundSql first = compileConditions(a.conditions, a.dialect, Binding::Parameters);
    const BoundSql second = compileConditions(b.conditions, b.dialect, Binding::Parameters, int(first.params.size()) + 1);
    const QString sql = QStringLiteral(
                            "SELECT count(*), sum(CASE WHEN a = 1 AND b = 0 THEN 1 ELSE 0 END), sum(CASE WHEN a = 1 AND b = 1 THEN 1 ELSE 0 END), "
                            "sum(CASE WHEN a = 0 AND b = 1 THEN 1 ELSE 0 END) FROM (SELECT CASE WHEN %1 THEN 1 ELSE 0 END AS a, "
                            "CASE WHEN %2 THEN 1 ELSE 0 END AS b FROM %3) AS sluice_overlap")
                            .arg(first.sql, second.sql, source::wrapModelSql(a.model.sql));
    Result<source::Row> row = firstRow(connection, sql, first.params + second.params, cancel);
    if (!row)
        return row.error();
    AudienceOverlap o;
    o.model = a.model.name;
    o.modelRows = count(row.value(), 0);
    o.onlyA = count(row.value(), 1);
    o.both = count(row.value(), 2);
    o.onlyB = count(row.value(), 3);
    o.elapsedMs = timer.elapsed();
    return o;
}

QJsonObject AudienceSize::toJson() const
{
    QJsonArray bound;
    for (const QVariant &p : params)
        bound.append(QJsonValue::fromVariant(p));
    return {{QStringLiteral("audience"), audience},
            {QStringLiteral("model"), model},
            {QStringLiteral("rows"), double(rows)},
            {QStringLiteral("model_rows"), double(modelRows)},
            {QStringLiteral("share"), modelRows > 0 ? double(rows) / double(modelRows) : 0.0},
            {QStringLiteral("elapsed_ms"), double(elapsedMs)},
            {QStringLiteral("sql"), sql},
            {QStringLiteral("params"), bound}};
}

QJsonObject AudienceOverlap::toJson() const
{
    return {{QStringLiteral("a"), a},
            {QStringLiteral("b"), b},
            {QStringLiteral("model"), model},
            {QStringLiteral("only_a"), double(onlyA)},
            {QStringLiteral("both"), double(both)},
            {QStringLiteral("only_b"), double(onlyB)},
            {QStringLiteral("model_rows"), double(modelRows)},
            {QStringLiteral("elapsed_ms"), double(elapsedMs)}};
}

} // namespace sluice::model
