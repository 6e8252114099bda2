#include "source/row_view.h"

#include <cstring>

namespace sluice::source {

namespace {

bool ascii(const char *p, int size)
{
    return isAscii(p, size);
}

} // namespace

bool isAscii(const char *p, int size)
{
    // Eight bytes at a time: any high bit set means a byte past ASCII.
    quint64 high = 0;
    int i = 0;
    for (; i + 8 <= size; i += 8) {
        quint64 w;
        std::memcpy(&w, p + i, 8);
        high |= w;
    }
    for (; i < size; ++i)
        high |= static_cast<unsigned char>(p[i]);
    return !(high & 0x8080808080808080ULL);
}

void appendAsciiJsonString(QByteArray &out, const char *p, int size)
{
    static const char hex[] = "0123456789abcdef";
    const qsizetype start = out.size();
    out.resize(start + qsizetype(size) * 6 + 2);
    char *d = out.data() + start;
    *d++ = '"';
    for (const char *end = p + size; p < end; ++p) {
        const char c = *p;
        if (c >= 0x20 && c != '"' && c != '\\') {
            *d++ = c;
            continue;
        }
        *d++ = '\\';
        switch (c) {
        case '"': *d++ = '"'; break;
        case '\\': *d++ = '\\'; break;
        case '\n': *d++ = 'n'; break;
        case '\r': *d++ = 'r'; break;
        case '\t': *d++ = 't'; break;
        case '\b': *d++ = 'b'; break;
        case '\f': *d++ = 'f'; break;
        default:
            *d++ = 'u';
            *d++ = '0';
            *d++ = '0';
            *d++ = hex[(c >> 4) & 0xf];
            *d++ = hex[c & 0xf];
            break;
        }
    }
    *d++ = '"';
    out.resize(d - out.constData());
}

QByteArray isoTimestamp(const char *text, int length)
{
    QByteArray b(text, length);
    if (b.size() > 10 && b[10] == ' ')
        b[10] = 'T';
    if (b.endsWith("+00"))
        b.chop(3);
    if (b.size() > 10 && b[10] == 'T')
        b.append('Z');
    return b;
}

QVariant fromPostgresText(const TextValue &value, ColumnType type)
{
    if (!value.data)
        return QVariant();
    switch (type) {
    case ColumnType::Boolean: return QVariant(value.data[0] == 't');
    case ColumnType::Integer: return QVariant(QByteArray::fromRawData(value.data, value.size).toLongLong());
    case ColumnType::Float: return QVariant(QByteArray::fromRawData(value.data, value.size).toDouble());
    case ColumnType::Timestamp: return QVariant(QString::fromLatin1(isoTimestamp(value.data, value.size)));
    default: return QVariant(QString::fromUtf8(value.data, value.size));
    }
}

int countInvalidText(const RowView &row)
{
    int n = 0;
    for (int c = 0; c < row.size(); ++c) {
        if (row.hasText()) {
            const TextValue v = row.raw(c);
            if (v.data && !v.ascii && !ascii(v.data, v.size) && !QByteArrayView(v.data, v.size).isValidUtf8())
                ++n;
        } else if (const QVariant value = row.value(c); value.typeId() == QMetaType::QString && value.toString().contains(QChar(QChar::ReplacementCharacter))) {
            ++n; // decoded by the driver already: its replacement character is all that is left
        }
    }
    return n;
}

bool RowView::isNull(int c) const
{
    if (m_row) {
        const QVariant &v = m_row->at(c);
        return v.isNull() || !v.isValid();
    }
    return !m_values[c].data;
}

QVariant RowView::value(int c) const
{
    return m_row ? m_row->at(c) : fromPostgresText(m_values[c], m_types[c]);
}

QString RowView::text(int c) const
{
    if (m_row)
        return toText(m_row->at(c));
    const TextValue &v = m_values[c];
    if (!v.data)
        return QString();
    switch (m_types[c]) {
    case ColumnType::Integer: // PostgreSQL prints integers as QString::number() does
    case ColumnType::Text:
    case ColumnType::Decimal:
    case ColumnType::Date:
    case ColumnType::Json:
    case ColumnType::Bytes:
    case ColumnType::Unknown:
        return QString::fromUtf8(v.data, v.size);
    default:
        return toText(fromPostgresText(v, m_types[c]));
    }
}

qint64 RowView::integer(int c) const
{
    if (m_row || m_types[c] != ColumnType::Integer)
        return value(c).toLongLong();
    const TextValue &v = m_values[c];
    return v.data ? QByteArray::fromRawData(v.data, v.size).toLongLong() : 0;
}

void RowView::appendJson(QByteArray &out, int c) const
{
    if (m_row) {
        source::appendJson(out, m_row->at(c));
        return;
    }
    const TextValue &v = m_values[c];
    if (!v.data) {
        appendBytes(out, "null", 4);
        return;
    }
    switch (m_types[c]) {
    case ColumnType::Boolean:
        v.data[0] == 't' ? appendBytes(out, "true", 4) : appendBytes(out, "false", 5);
        return;
    case ColumnType::Integer:
        if (v.size <= 15) { // |n| < 10^15 < 2^53: a JSON number, digits as PostgreSQL wrote them
            appendBytes(out, v.data, v.size);
            return;
        }
        break;
    case ColumnType::Timestamp:
        if (v.size < 48 && ascii(v.data, v.size)) { // the rewrite of isoTimestamp(), without a heap buffer
            char iso[50];
            int n = v.size;
            std::memcpy(iso, v.data, size_t(n));
            if (n > 10 && iso[10] == ' ')
                iso[10] = 'T';
            if (n >= 3 && iso[n - 3] == '+' && iso[n - 2] == '0' && iso[n - 1] == '0')
                n -= 3;
            if (n > 10 && iso[10] == 'T')
                iso[n++] = 'Z';
            appendAsciiJsonString(out, iso, n);
            return;
        }
        break;
    case ColumnType::Float:
        break;
    default:
        if (v.ascii || ascii(v.data, v.size)) {
            appendAsciiJsonString(out, v.data, v.size);
            return;
        }
        break;
    }
    source::appendJson(out, fromPostgresText(v, m_types[c]));
}

} // namespace sluice::source
