#include "source/column.h"

#include <QLocale>

#include <cmath>

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

ColumnType columnTypeFromName(const QString &name)
{
    const QString t = name.section(QLatin1Char('('), 0, 0).trimmed().toLower();
    static const QStringList integers{QStringLiteral("tinyint"), QStringLiteral("smallint"), QStringLiteral("mediumint"), QStringLiteral("int"),
                                      QStringLiteral("integer"), QStringLiteral("bigint"), QStringLiteral("int2"), QStringLiteral("int4"),
                                      QStringLiteral("int8"), QStringLiteral("year"), QStringLiteral("bit")};
    if (integers.contains(t) || t.endsWith(QLatin1String(" unsigned")))
        return ColumnType::Integer;
    if (t == QLatin1String("numeric") || t == QLatin1String("decimal") || t == QLatin1String("number") || t == QLatin1String("money"))
        return ColumnType::Decimal;
    if (t == QLatin1String("real") || t == QLatin1String("float") || t == QLatin1String("double") || t == QLatin1String("double precision")
        || t == QLatin1String("float4") || t == QLatin1String("float8"))
        return ColumnType::Float;
    if (t == QLatin1String("boolean") || t == QLatin1String("bool"))
        return ColumnType::Boolean;
    if (t.startsWith(QLatin1String("timestamp")) || t.startsWith(QLatin1String("datetime")))
        return ColumnType::Timestamp;
    if (t == QLatin1String("date"))
        return ColumnType::Date;
    if (t.startsWith(QLatin1String("json")) || t == QLatin1String("variant") || t == QLatin1String("object") || t == QLatin1String("array"))
        return ColumnType::Json;
    if (t == QLatin1String("bytea") || t.contains(QLatin1String("blob")) || t.contains(QLatin1String("binary")))
        return ColumnType::Bytes;
    return ColumnType::Text;
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

void appendJsonString(QByteArray &out, QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    // Written through a raw pointer into room for the worst case (\u00XX is
    // six bytes for one UTF-16 unit), then trimmed: no per-byte append.
    const qsizetype start = out.size();
    out.resize(start + text.size() * 6 + 2);
    char *d = out.data() + start;
    *d++ = '"';
    const char16_t *p = text.utf16();
    const char16_t *end = p + text.size();
    while (p < end) {
        const char16_t c = *p++;
        if (c < 0x80) {
            if (c >= 0x20 && c != u'"' && c != u'\\') {
                *d++ = char(c);
                continue;
            }
            *d++ = '\\';
            switch (c) {
            case u'"': *d++ = '"'; break;
            case u'\\': *d++ = '\\'; break;
            case u'\n': *d++ = 'n'; break;
            case u'\r': *d++ = 'r'; break;
            case u'\t': *d++ = 't'; break;
            case u'\b': *d++ = 'b'; break;
            case u'\f': *d++ = 'f'; break;
            default:
                *d++ = 'u';
                *d++ = '0';
                *d++ = '0';
                *d++ = hex[c >> 4];
                *d++ = hex[c & 0xf];
                break;
            }
            continue;
        }
        char32_t cp = c;
        if (QChar::isHighSurrogate(c) && p < end && QChar::isLowSurrogate(*p))
            cp = QChar::surrogateToUcs4(c, *p++);
        else if (QChar::isSurrogate(c))
            cp = 0xfffd; // a lone surrogate has no UTF-8 form
        if (cp < 0x800) {
            *d++ = char(0xc0 | (cp >> 6));
            *d++ = char(0x80 | (cp & 0x3f));
        } else if (cp < 0x10000) {
            *d++ = char(0xe0 | (cp >> 12));
            *d++ = char(0x80 | ((cp >> 6) & 0x3f));
            *d++ = char(0x80 | (cp & 0x3f));
        } else {
            *d++ = char(0xf0 | (cp >> 18));
            *d++ = char(0x80 | ((cp >> 12) & 0x3f));
            *d++ = char(0x80 | ((cp >> 6) & 0x3f));
            *d++ = char(0x80 | (cp & 0x3f));
        }
    }
    *d++ = '"';
    out.resize(d - out.constData());
}

void appendJson(QByteArray &out, const QVariant &value)
{
    if (value.isNull() || !value.isValid()) {
        out.append("null", 4);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::Bool:
        value.toBool() ? out.append("true", 4) : out.append("false", 5);
        return;
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong: {
        const qlonglong v = value.toLongLong();
        const bool exact = v <= (1LL << 53) && v >= -(1LL << 53); // as toJson: beyond 2^53, text
        char digits[24];
        char *d = digits + sizeof digits;
        quint64 magnitude = v < 0 ? 0 - quint64(v) : quint64(v);
        do {
            *--d = char('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude);
        if (v < 0)
            *--d = '-';
        if (!exact)
            out.append('"');
        out.append(d, digits + sizeof digits - d);
        if (!exact)
            out.append('"');
        return;
    }
    case QMetaType::Double: {
        const double d = value.toDouble();
        if (!std::isfinite(d))
            out.append("null", 4);
        else
            out.append(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
        return;
    }
    case QMetaType::QString:
        appendJsonString(out, *static_cast<const QString *>(value.constData())); // no copy
        return;
    case QMetaType::QByteArray:
        out.append('"').append(value.toByteArray().toBase64()).append('"');
        return;
    default:
        appendJsonString(out, value.toString());
        return;
    }
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
