#pragma once

#include "source/column.h"

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <cstring>

// One row as the engine reads it, whichever way it arrived: converted values
// (Qt SQL drivers), or PostgreSQL's own text for each column, converted only
// when asked. Every accessor answers exactly what the converted Row would:
// value(c) equals the Row's value, text(c) equals toText() of it, and
// appendJson(out, c) writes the same bytes as appendJson() of it. The text
// form lets a column that needs no transform go from the wire to JSON
// without a QVariant or a UTF-16 round trip.
namespace sluice::source {

// A value in PostgreSQL's text format; data == nullptr is NULL.
struct TextValue
{
    const char *data = nullptr;
    int size = 0;
    bool ascii = false; // known to be all ASCII (false: not known)
};

// "2026-01-31 12:00:00.5+00" (DateStyle ISO, TimeZone UTC) -> "2026-01-31T12:00:00.5Z".
QByteArray isoTimestamp(const char *text, int length);
// Appends `n` bytes: QByteArray::append goes through insert(), which weighs
// more than the copy itself on the plan's hot path.
inline void appendBytes(QByteArray &out, const char *p, qsizetype n)
{
    const qsizetype at = out.size();
    out.resize(at + n);
    std::memcpy(out.data() + at, p, size_t(n));
}

// Whether every byte is ASCII.
bool isAscii(const char *p, int size);
// ASCII text as a JSON string, escaped as appendJsonString() escapes it.
void appendAsciiJsonString(QByteArray &out, const char *p, int size);
// A column in PostgreSQL's text format converted to Sluice's exact value.
QVariant fromPostgresText(const TextValue &value, ColumnType type);

class RowView final
{
public:
    explicit RowView(const Row &row) : m_row(&row), m_size(int(row.size())) {}
    RowView(const TextValue *values, const ColumnType *types, int size) : m_values(values), m_types(types), m_size(size) {}

    int size() const { return m_size; }
    bool isNull(int c) const;
    QVariant value(int c) const;
    QString text(int c) const;
    // value(c).toLongLong(), without the QVariant for text-format rows.
    qint64 integer(int c) const;
    void appendJson(QByteArray &out, int c) const;
    // Whether the row holds PostgreSQL's text for each column, and that text
    // (data == nullptr: NULL). raw() only when hasText().
    bool hasText() const { return m_values != nullptr; }
    TextValue raw(int c) const { return m_values[c]; }

private:
    const Row *m_row = nullptr;
    const TextValue *m_values = nullptr;
    const ColumnType *m_types = nullptr;
    int m_size = 0;
};

} // namespace sluice::source
