#pragma once

// Records as rows of PostgreSQL's COPY text format, for the table
// destination's fast path: a batch of records no run has delivered goes in
// with one COPY instead of an INSERT reading a JSON array. Each row must equal
// what json_populate_recordset makes of the same JSON, which is what the
// statement path writes; where COPY cannot say the same (a NUL character,
// JSON it cannot read), the batch takes the statement path.
#include <QByteArray>
#include <QList>
#include <QStringView>

namespace sluice::destination {

// How a column of the target table takes its value.
enum class CopyColumn : quint8 {
    Value, // text, numbers, booleans, times...: a string unescaped, anything else as written
    Json,  // json / jsonb: the JSON value itself, a string with its quotes
};

// Appends one line: the record's key, then each of `columns` (UTF-8 names)
// read from its compact JSON object; absent or null is NULL. Returns false,
// leaving `out` as it was, where COPY cannot carry the record as the
// statement path would.
bool appendCopyRow(QByteArray &out, QStringView key, QByteArrayView fieldsJson, const QList<QByteArray> &columns, const QList<CopyColumn> &kinds);

} // namespace sluice::destination
