#include "model/key_check.h"

#include "source/row_view.h"
#include "source/source_connection.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sluice::model {

namespace {

// A composite key's parts are joined with '|' (DESIGN.md); a part holding '|'
// or '\\' has them escaped, so ('x|y', 'z') and ('x', 'y|z') stay two keys.
void appendPart(QString &key, const QString &part)
{
    if (!part.contains(QLatin1Char('|')) && !part.contains(QLatin1Char('\\'))) {
        key += part;
        return;
    }
    for (const QChar c : part) {
        if (c == QLatin1Char('|') || c == QLatin1Char('\\'))
            key += QLatin1Char('\\');
        key += c;
    }
}

} // namespace

QString joinKeyParts(const QStringList &parts)
{
    if (parts.size() == 1)
        return parts.first();
    QString key;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            key += QLatin1Char('|');
        appendPart(key, parts[i]);
    }
    return key;
}

QString recordKey(const source::Row &row, const QList<int> &keyIndexes)
{
    if (keyIndexes.size() == 1)
        return source::toText(row.value(keyIndexes.first()));
    QString key;
    for (qsizetype i = 0; i < keyIndexes.size(); ++i) {
        if (i > 0)
            key += QLatin1Char('|');
        appendPart(key, source::toText(row.value(keyIndexes[i])));
    }
    return key;
}

QString recordKey(const source::RowView &row, const QList<int> &keyIndexes)
{
    if (keyIndexes.size() == 1)
        return row.text(keyIndexes.first());
    QString key;
    for (qsizetype i = 0; i < keyIndexes.size(); ++i) {
        if (i > 0)
            key += QLatin1Char('|');
        appendPart(key, row.text(keyIndexes[i]));
    }
    return key;
}

QString recordKeySql(const source::SourceConnection &connection, const QStringList &quotedColumns)
{
    if (quotedColumns.size() == 1)
        return connection.castToText(quotedColumns.first());
    QStringList parts;
    for (const QString &c : quotedColumns)
        parts.append(QStringLiteral("replace(replace(%1, %2, %3), '|', %4)")
                         .arg(connection.castToText(c), connection.literal(QStringLiteral("\\")), connection.literal(QStringLiteral("\\\\")),
                              connection.literal(QStringLiteral("\\|"))));
    return parts.join(QStringLiteral(" || '|' || "));
}

QStringList KeyCheck::problems(const QString &model) const
{
    QStringList out;
    for (const QString &c : missingColumns)
        out.append(QCoreApplication::translate("sluice::model", "model %1: primary key column %2 not found in the model's columns").arg(model, c));
    if (nullKeys > 0) {
        const int n = nullKeys > INT_MAX ? INT_MAX : int(nullKeys);
        out.append(QCoreApplication::translate("sluice::model", "model %1: %n row(s) have a NULL primary key", nullptr, n).arg(model));
    }
    if (duplicateKeys > 0) {
        QStringList examples;
        for (const auto &e : duplicateExamples)
            examples.append(QCoreApplication::translate("sluice::model", "%1 (%2 rows)").arg(e.first).arg(e.second));
        out.append(QCoreApplication::translate("sluice::model", "model %1: %2 primary key value(s) occur more than once, in %3 rows; for example %4")
                       .arg(model)
                       .arg(duplicateKeys)
                       .arg(duplicateRows)
                       .arg(examples.join(QStringLiteral(", "))));
    }
    return out;
}

QJsonObject KeyCheck::toJson() const
{
    QJsonArray examples;
    for (const auto &e : duplicateExamples)
        examples.append(QJsonObject{{QStringLiteral("key"), e.first}, {QStringLiteral("rows"), double(e.second)}});
    return QJsonObject{
        {QStringLiteral("ok"), ok()},
        {QStringLiteral("primary_key"), QJsonArray::fromStringList(primaryKey)},
        {QStringLiteral("primary_key_present"), missingColumns.isEmpty()},
        {QStringLiteral("missing_key_columns"), QJsonArray::fromStringList(missingColumns)},
        {QStringLiteral("row_count"), rowCount < 0 ? QJsonValue() : QJsonValue(double(rowCount))},
        {QStringLiteral("null_keys"), double(nullKeys)},
        {QStringLiteral("duplicate_keys"), double(duplicateKeys)},
        {QStringLiteral("duplicate_rows"), double(duplicateRows)},
        {QStringLiteral("duplicate_examples"), examples},
    };
}

Result<KeyCheck> checkKeys(source::SourceConnection &connection, const workspace::ModelConfig &model,
                           const QList<source::Column> &columns)
{
    KeyCheck check;
    check.primaryKey = model.primaryKey;
    for (const QString &k : model.primaryKey) {
        const bool present = std::any_of(columns.begin(), columns.end(),
                                         [&](const source::Column &c) { return c.name == k; });
        if (!present)
            check.missingColumns.append(k);
    }
    if (!check.missingColumns.isEmpty())
        return check;

    const QString from = source::wrapModelSql(model.sql);
    QStringList quoted, isNull, notNull;
    for (const QString &k : model.primaryKey) {
        const QString q = connection.quoteIdentifier(k);
        quoted.append(q);
        isNull.append(q + QStringLiteral(" IS NULL"));
        notNull.append(q + QStringLiteral(" IS NOT NULL"));
    }
    // Grouped by the key as Sluice forms it: in SQLite 1 and '1' are two
    // values but one key, and a composite key is its joined text. PostgreSQL's
    // single-column keys group natively (each type's text form is its own).
    const bool native = model.primaryKey.size() == 1 && connection.driver() == QLatin1String("postgres");
    const QString keys = native ? quoted.first() : recordKeySql(connection, quoted) + QStringLiteral(" AS sluice_key");
    const QString keyOrder = native ? quoted.first() : QStringLiteral("sluice_key");

    source::RowSink sink;
    sink.row = [&](const source::Row &r) {
        check.rowCount = r.value(0).toLongLong();
        check.nullKeys = r.value(1).toLongLong();
        return true;
    };
    Result<void> r = connection.stream(QStringLiteral("SELECT count(*), coalesce(sum(CASE WHEN %1 THEN 1 ELSE 0 END), 0) FROM %2")
                                           .arg(isNull.join(QStringLiteral(" OR ")), from),
                                       sink);
    if (!r)
        return r.error();

    const QString groups = QStringLiteral("SELECT %1, count(*) AS sluice_n FROM %2 WHERE %3 GROUP BY %4 HAVING count(*) > 1")
                               .arg(keys, from, notNull.join(QStringLiteral(" AND ")), native ? keys : QStringLiteral("1"));
    sink.row = [&](const source::Row &row) {
        check.duplicateKeys = row.value(0).toLongLong();
        check.duplicateRows = row.value(1).toLongLong();
        return true;
    };
    r = connection.stream(QStringLiteral("SELECT count(*), coalesce(sum(sluice_n), 0) FROM (%1) AS sluice_dups").arg(groups), sink);
    if (!r)
        return r.error();
    if (check.duplicateKeys > 0) {
        sink.row = [&](const source::Row &row) {
            check.duplicateExamples.append({source::toText(row.value(0)), row.value(1).toLongLong()});
            return true;
        };
        r = connection.stream(groups + QStringLiteral(" ORDER BY sluice_n DESC, %1 LIMIT 5").arg(keyOrder), sink);
        if (!r)
            return r.error();
    }
    return check;
}

} // namespace sluice::model
