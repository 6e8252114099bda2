#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QVariant>

namespace sluice::source {

// What a warehouse column holds, in the words a mapping needs. Values keep
// their exact form: decimals stay strings (no float loss), timestamps are
// ISO-8601 strings in UTC ("2026-01-31T12:00:00.5Z").
enum class ColumnType { Text, Integer, Decimal, Float, Boolean, Timestamp, Date, Json, Bytes, Unknown };

QString columnTypeName(ColumnType type);
// The type of a column from the name a warehouse gives its type in
// INFORMATION_SCHEMA ("numeric", "double precision", "decimal(20,2)",
// "timestamp with time zone", "varbinary", ...).
ColumnType columnTypeFromName(const QString &name);

struct Column
{
    QString name;
    ColumnType type = ColumnType::Unknown;
    QString nativeType; // as the warehouse names it (int8, numeric, TEXT, ...)
};

using Row = QList<QVariant>;

QJsonValue toJson(const QVariant &value, ColumnType type);
// The same value as compact JSON text appended to `out`, without building a
// QJsonValue: the hot path of planning a million records.
void appendJson(QByteArray &out, const QVariant &value);
void appendJsonString(QByteArray &out, QStringView text);
// A value as text for display and keys; null is an empty QString with isNull().
QString toText(const QVariant &value);

struct TableInfo
{
    QString schema;
    QString name;
    bool isView = false;
    QList<Column> columns;
};

} // namespace sluice::source
