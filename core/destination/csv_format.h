#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// RFC 4180 both ways: a cell holding a comma, a quote, a line feed, a
// carriage return or edge spaces is quoted (quotes doubled); a quoted cell
// may span lines. Records end with LF or CRLF.
namespace sluice::destination::csv {

QString cell(const QString &text);
QString record(const QStringList &cells); // the cells joined, without the line end
// A record's JSON value as its cell: text as it is, null empty, others as JSON.
QString text(const QJsonValue &value);
// Every record of `text`; an unterminated quote is an error (`ok` false).
QList<QStringList> parse(const QString &text, bool *ok = nullptr);

} // namespace sluice::destination::csv
