#pragma once

// The local diff and the warehouse diff side by side over one model, as
// each warehouse's test checks them: a workspace whose two mirror syncs
// (by_local, by_warehouse) read the same model into two JSON Lines files,
// run through the CLI; after each pair of runs, what differs between them.
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace sluice::test {

struct DiffRuns
{
    QJsonObject local;     // the by_local run's --json document
    QJsonObject warehouse; // the by_warehouse run's
    QString differences;   // counts or file contents that differ, in words; empty: none

    QJsonObject counts() const { return warehouse.value(QStringLiteral("counts")).toObject(); }
    int count(const char *key) const { return counts().value(QLatin1String(key)).toInt(-1); }
    int rowsExtracted() const { return warehouse.value(QStringLiteral("timings")).toObject().value(QStringLiteral("rows_extracted")).toInt(-1); }
};

// Writes `dir`/sluice.json: source `sourceJson` as "dw", model "accounts"
// (`sql`, key `key`), both syncs mapping `columns` to fields of the same names
// (lower case). Other files the source needs (a key) are the caller's.
bool writeDiffWorkspace(const QString &dir, const QByteArray &sourceJson, const QString &sql, const QString &key, const QStringList &columns,
                        QString *error);

// Runs by_local, then by_warehouse, with the sluice binary `binary`.
DiffRuns runBothDiffs(const QString &binary, const QString &dir, const QString &step);

} // namespace sluice::test
