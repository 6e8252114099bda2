#include "source/column.h"

#include <QLocale>

namespace sluice::source {

QString columnTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::Text: return QStringLiteral("text");
    case ColumnType::Integer: return QStringLiteral("integer");
    case ColumnType::Decimal: return QStringLiteral("decimal");
    case ColumnType::Float: return QStringLiteral("float");
    case ColumnType::Boolean: return QStringLiteral("boolean");
    case ColumnType::Timestamp: return QStringLiteral("timestamp");
    case ColumnType::Date: return QStringLiteral("date");
    case ColumnType::Json: return QStringLiteral("json");
    case ColumnType::Bytes: return QStringLiteral("bytes");
    case ColumnType::Unknown: break;
    }
    return QStringLiteral("unknown");
}

QJsonValue toJson(const QVariant &value, ColumnType type)
{
    if (value.isNull() || !value.isValid())
        return QJsonValue::Null;
    switch (value.typeId()) {
    case QMetaType::Bool: return value.toBool();
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong: {
        const qlonglong v = value.toLongLong();
        // Beyond 2^53 a JSON reader loses digits: keep those exact as text.
        if (v > (1LL << 53) || v < -(1LL << 53))
            return QString::number(v);
        return static_cast<double>(v);
    }
    case QMetaType::Double: return value.toDouble();
    case QMetaType::QByteArray: return QString::fromLatin1(value.toByteArray().toBase64());
    default: break;
    }
    Q_UNUSED(type)
    return value.toString();
}

QString toText(const QVariant &value)
{
    if (value.isNull() || !value.isValid())
        return QString();
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    return value.toString();
}

} // namespace sluice::source
