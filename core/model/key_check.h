#pragma once

#include "common/result.h"
#include "source/column.h"
#include "workspace/config.h"

#include <QJsonObject>
#include <QPair>

namespace sluice::source {
class SourceConnection;
class RowView;
}

namespace sluice::model {

// The model checks (DESIGN.md "check model"): primary key present, non-null,
// unique. They run as SQL in the warehouse over the whole model; no rows are
// pulled to the workstation to count them.
struct KeyCheck
{
    QStringList primaryKey;
    QStringList missingColumns;
    qint64 rowCount = -1;
    qint64 nullKeys = 0;
    qint64 duplicateKeys = 0; // key values that occur more than once
    qint64 duplicateRows = 0; // rows carrying such a key
    QList<QPair<QString, qint64>> duplicateExamples;

    bool ok() const { return missingColumns.isEmpty() && nullKeys == 0 && duplicateKeys == 0; }
    QStringList problems(const QString &model) const;
    QJsonObject toJson() const;
};

Result<KeyCheck> checkKeys(source::SourceConnection &connection, const workspace::ModelConfig &model,
                           const QList<source::Column> &columns);

// A record's key as DESIGN.md defines it: the primary key's parts as text,
// joined with '|'.
// A composite key's parts joined with '|', each part's '|' and '\\' escaped
// with '\\' (an ordinary key reads as DESIGN.md shows it: "a|b").
QString joinKeyParts(const QStringList &parts);
// The same key formed in SQL (PostgreSQL and SQLite) from quoted column expressions.
QString recordKeySql(const source::SourceConnection &connection, const QStringList &quotedColumns);
QString recordKey(const source::Row &row, const QList<int> &keyIndexes);
QString recordKey(const source::RowView &row, const QList<int> &keyIndexes);

} // namespace sluice::model
