#include "model/preview.h"

#include "model/model_query.h"
#include "source/source_connection.h"

#include <QElapsedTimer>
#include <QJsonArray>

namespace sluice::model {

Result<QList<source::Row>> fetchPage(source::SourceConnection &connection, const workspace::ModelConfig &model,
                                     qint64 offset, int count, QList<source::Column> *columns,
                                     const std::atomic_bool *cancel)
{
    QList<source::Row> rows;
    source::RowSink sink;
    sink.columns = [&](const QList<source::Column> &c) {
        if (columns)
            *columns = c;
    };
    sink.row = [&](const source::Row &r) {
        rows.append(r);
        return true;
    };
    QString sql = QStringLiteral("SELECT * FROM %1 LIMIT %2").arg(source::wrapModelSql(model.sql)).arg(count);
    if (offset > 0)
        sql += QStringLiteral(" OFFSET %1").arg(offset);
    Result<void> r = connection.stream(sql, sink, cancel);
    if (!r)
        return r.error();
    return rows;
}

Result<Preview> previewModel(source::SourceConnection &connection, const workspace::ModelConfig &model, int limit,
                             const std::atomic_bool *cancel, const workspace::Config *config)
{
    Preview p;
    p.model = model.name;
    QElapsedTimer timer;
    timer.start();
    const workspace::Config none;
    if (Result<void> compiled = compileModel(connection, model, config ? *config : none); !compiled)
        return compiled.error();
    Result<QList<source::Row>> rows = fetchPage(connection, model, 0, limit, &p.columns, cancel);
    if (!rows)
        return rows.error();
    p.rows = std::move(rows).value();
    p.elapsedMs = timer.elapsed();
    timer.restart();
    Result<KeyCheck> checks = checkKeys(connection, model, p.columns);
    if (!checks)
        return checks.error();
    p.checks = std::move(checks).value();
    p.checksElapsedMs = timer.elapsed();
    p.estimatedBytes = connection.estimateBytes(model.sql);
    return p;
}

QJsonObject Preview::toJson() const
{
    QJsonArray cols;
    for (const source::Column &c : columns)
        cols.append(QJsonObject{{QStringLiteral("name"), c.name},
                                {QStringLiteral("type"), source::columnTypeName(c.type)},
                                {QStringLiteral("native_type"), c.nativeType}});
    QJsonArray rowArray;
    for (const source::Row &r : rows) {
        QJsonObject o;
        for (qsizetype i = 0; i < columns.size(); ++i)
            o.insert(columns[i].name, source::toJson(r.value(i), columns[i].type));
        rowArray.append(o);
    }
    QJsonObject o{{QStringLiteral("model"), model},
                  {QStringLiteral("columns"), cols},
                  {QStringLiteral("rows"), rowArray},
                  {QStringLiteral("row_count"), double(rows.size())},
                  {QStringLiteral("elapsed_ms"), double(elapsedMs)},
                  {QStringLiteral("checks_elapsed_ms"), double(checksElapsedMs)},
                  {QStringLiteral("checks"), checks.toJson()}};
    if (estimatedBytes)
        o.insert(QStringLiteral("estimated_bytes"), double(*estimatedBytes));
    return o;
}

} // namespace sluice::model
