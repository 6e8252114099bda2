#include "model/trait_stats.h"

#include "model/audience.h"
#include "model/model_query.h"
#include "source/source_connection.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <cmath>

namespace sluice::model {

namespace {

Result<QList<source::Row>> rowsOf(source::SourceConnection &connection, const QString &sql, const std::atomic_bool *cancel)
{
    QList<source::Row> rows;
    source::RowSink sink;
    sink.columns = [](const QList<source::Column> &) {};
    sink.row = [&](const source::Row &row) {
        rows.append(row);
        return true;
    };
    if (Result<void> r = connection.stream(sql, sink, cancel); !r)
        return r.error();
    return rows;
}

Distribution::Kind kindOf(source::ColumnType type, const QString &declared)
{
    using T = source::ColumnType;
    if (declared == QLatin1String("boolean") || type == T::Boolean)
        return Distribution::Kind::Boolean;
    if (declared == QLatin1String("integer") || declared == QLatin1String("number") || type == T::Integer || type == T::Decimal || type == T::Float)
        return Distribution::Kind::Numeric;
    if (declared == QLatin1String("timestamp") || declared == QLatin1String("date") || type == T::Timestamp || type == T::Date)
        return Distribution::Kind::Time;
    return Distribution::Kind::Text;
}

QString number(double d)
{
    return d == std::floor(d) && std::fabs(d) < 9.0e15 ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
}

Result<void> histogram(source::SourceConnection &connection, const QString &from, const QString &col, Distribution &d,
                       const std::atomic_bool *cancel)
{
    bool okMin = false, okMax = false;
    const double lo = d.min.toDouble(&okMin), hi = d.max.toDouble(&okMax);
    d.histogram = QList<qint64>(5, 0);
    if (!okMin || !okMax)
        return {};
    if (hi <= lo) {
        d.histogram[0] = d.rows - d.nulls;
        return {};
    }
    const QString bucket = QStringLiteral("CASE WHEN %1 >= %3 THEN 4 ELSE CAST(floor((%1 - %2) * 5.0 / (%3 - %2)) AS integer) END")
                               .arg(col, number(lo), number(hi));
    Result<QList<source::Row>> rows = rowsOf(connection, QStringLiteral("SELECT %1 AS b, count(*) FROM %2 WHERE %3 IS NOT NULL GROUP BY 1")
                                                             .arg(bucket, from, col), cancel);
    if (!rows)
        return rows.error();
    for (const source::Row &r : rows.value())
        if (const int b = r.value(0).toInt(); b >= 0 && b < 5)
            d.histogram[b] += r.value(1).toLongLong();
    return {};
}

} // namespace

Result<Distribution> distributionOf(source::SourceConnection &connection, const QString &sql, const QString &column,
                                    const QString &declaredType, const std::atomic_bool *cancel, int topValues)
{
    Distribution d;
    d.name = column;
    Result<QList<source::Column>> columns = connection.describe(sql);
    if (!columns)
        return columns.error();
    for (const source::Column &c : columns.value())
        if (c.name == column)
            d.type = c.type;
    const QString col = quoteName(column);
    const QString from = source::wrapModelSql(sql);
    d.kind = kindOf(d.type, declaredType);
    const QString truth = d.kind == Distribution::Kind::Boolean ? QStringLiteral("sum(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(col) : QStringLiteral("0");
    // PostgreSQL has no min() or max() of a boolean.
    const QString range = d.kind == Distribution::Kind::Boolean ? QStringLiteral("NULL, NULL") : QStringLiteral("min(%1), max(%1)").arg(col);
    Result<QList<source::Row>> head = rowsOf(connection, QStringLiteral("SELECT count(*), count(%1), count(DISTINCT %1), %2, %3 FROM %4")
                                                             .arg(col, range, truth, from), cancel);
    if (!head)
        return head.error();
    const source::Row r = head->value(0);
    d.rows = r.value(0).toLongLong();
    d.nulls = d.rows - r.value(1).toLongLong();
    d.distinct = r.value(2).toLongLong();
    d.min = r.value(3);
    d.max = r.value(4);
    d.trueCount = r.value(5).toLongLong();
    // SQLite types an expression only by its values.
    const int t = d.min.typeId();
    if (declaredType.isEmpty() && d.type == source::ColumnType::Unknown && (t == QMetaType::LongLong || t == QMetaType::Int || t == QMetaType::Double))
        d.kind = Distribution::Kind::Numeric;
    if (d.kind == Distribution::Kind::Numeric) {
        if (Result<void> h = histogram(connection, from, col, d, cancel); !h)
            return h.error();
    } else if (d.kind != Distribution::Kind::Time) {
        Result<QList<source::Row>> top = rowsOf(connection, QStringLiteral("SELECT %1, count(*) FROM %2 WHERE %1 IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT %3")
                                                                .arg(col, from).arg(topValues), cancel);
        if (!top)
            return top.error();
        for (const source::Row &t : top.value())
            d.top.append({source::toText(t.value(0)), t.value(1).toLongLong()});
    }
    return d;
}

QList<Distribution> traitDistributions(source::SourceConnection &connection, const workspace::ModelConfig &model,
                                       const std::atomic_bool *cancel)
{
    QList<Distribution> out;
    const QString own = model.definedSql.isEmpty() ? model.sql : model.definedSql;
    for (const workspace::TraitConfig &t : model.traits) {
        Result<Distribution> d = distributionOf(connection, queryWithTraits(own, {t}), t.name, t.type, cancel);
        if (d) {
            out.append(d.value());
        } else {
            Distribution failed;
            failed.name = t.name;
            failed.error = d.error().message;
            out.append(failed);
        }
    }
    return out;
}

QJsonObject Distribution::toJson() const
{
    static const char *kinds[] = {"boolean", "numeric", "time", "text"};
    QJsonObject o{{QStringLiteral("name"), name}};
    if (!error.isEmpty()) {
        o.insert(QStringLiteral("error"), error);
        return o;
    }
    o.insert(QStringLiteral("kind"), QLatin1String(kinds[int(kind)]));
    o.insert(QStringLiteral("type"), source::columnTypeName(type));
    o.insert(QStringLiteral("rows"), double(rows));
    o.insert(QStringLiteral("nulls"), double(nulls));
    o.insert(QStringLiteral("null_share"), nullShare());
    o.insert(QStringLiteral("distinct"), double(distinct));
    if (kind == Kind::Boolean)
        o.insert(QStringLiteral("true_share"), rows - nulls > 0 ? double(trueCount) / double(rows - nulls) : 0.0);
    if (kind == Kind::Numeric || kind == Kind::Time) {
        o.insert(QStringLiteral("min"), QJsonValue::fromVariant(min));
        o.insert(QStringLiteral("max"), QJsonValue::fromVariant(max));
    }
    if (kind == Kind::Numeric) {
        QJsonArray bars;
        for (qint64 h : histogram)
            bars.append(double(h));
        o.insert(QStringLiteral("histogram"), bars);
    }
    if (!top.isEmpty()) {
        QJsonArray values;
        for (const auto &[value, n] : top)
            values.append(QJsonObject{{QStringLiteral("value"), value}, {QStringLiteral("rows"), double(n)}});
        o.insert(QStringLiteral("top"), values);
    }
    return o;
}

QString Distribution::summary() const
{
    if (!error.isEmpty())
        return QCoreApplication::translate("sluice::model", "✕ %1").arg(error);
    const QLocale locale;
    const QString empty = QCoreApplication::translate("sluice::model", "%1 % empty").arg(locale.toString(nullShare() * 100.0, 'f', 1));
    const qint64 present = rows - nulls;
    switch (kind) {
    case Kind::Boolean:
        return QCoreApplication::translate("sluice::model", "%1 % true · %2").arg(locale.toString(present > 0 ? 100.0 * double(trueCount) / double(present) : 0.0, 'f', 1), empty);
    case Kind::Numeric:
    case Kind::Time:
        if (present == 0)
            return empty;
        return QCoreApplication::translate("sluice::model", "%1 to %2 · %3").arg(source::toText(min), source::toText(max), empty);
    case Kind::Text:
        break;
    }
    if (!top.isEmpty() && top.first().second == 1)
        return QCoreApplication::translate("sluice::model", "%1 distinct values, none repeated · %2").arg(locale.toString(distinct), empty);
    QStringList parts;
    for (const auto &[value, n] : top)
        parts.append(QCoreApplication::translate("sluice::model", "%1 %2 %").arg(value.isEmpty() ? QCoreApplication::translate("sluice::model", "(blank)") : value, locale.toString(present > 0 ? 100.0 * double(n) / double(present) : 0.0, 'f', 0)));
    return QCoreApplication::translate("sluice::model", "%1 distinct: %2 · %3").arg(locale.toString(distinct), parts.join(QStringLiteral(", ")), empty);
}

} // namespace sluice::model
