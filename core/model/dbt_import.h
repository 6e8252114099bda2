#pragma once

#include "common/result.h"
#include "workspace/config.h"

#include <QJsonObject>

// dbt's manifest.json into sluice.json: each selected dbt model becomes a
// Sluice model reading its relation, keyed by the column dbt tests as both
// unique and not_null (or declares as its primary key); descriptions of
// models and columns come along, and a column's description also describes a
// trait of that name. Importing again changes descriptions only.
namespace sluice::model {

struct DbtOptions
{
    QString source;      // empty: the workspace's only source
    QStringList select;  // dbt model names; empty: every model
};

struct DbtImport
{
    QJsonObject workspaceJson;
    QStringList created;
    QStringList updated;
    QList<QPair<QString, QString>> skipped; // dbt model, why
    int columnDescriptions = 0;
    int traitDescriptions = 0;

    QJsonObject toJson() const;
    QStringList report() const;
};

Result<DbtImport> importDbtManifest(const QJsonObject &workspaceJson, const workspace::Config &config, const QByteArray &manifest,
                                    const DbtOptions &options);

} // namespace sluice::model
