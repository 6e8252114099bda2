#pragma once

#include "common/result.h"
#include "model/audience.h"

#include <QJsonObject>

#include <atomic>

namespace sluice::source {
class SourceConnection;
}

// How many rows an audience holds, and how two audiences overlap, counted by
// the warehouse in one scan of their model with the conditions' values bound
// as parameters.
namespace sluice::model {

struct AudienceSize
{
    QString audience;
    QString model;
    qint64 rows = 0;      // rows meeting the conditions
    qint64 modelRows = 0; // rows of the model
    qint64 elapsedMs = 0;
    QString sql;          // what was counted, with placeholders
    QVariantList params;

    QJsonObject toJson() const;
};

struct AudienceOverlap
{
    QString a, b, model;
    qint64 onlyA = 0, both = 0, onlyB = 0, modelRows = 0;
    qint64 elapsedMs = 0;

    QJsonObject toJson() const;
};

// The model an audience narrows (the model itself for a plain model), and its
// conditions (an empty "all" group for a plain model).
struct AudienceBase
{
    workspace::ModelConfig model;
    workspace::AudienceNode conditions;
    SqlDialect dialect = SqlDialect::Sqlite;
};
Result<AudienceBase> audienceBase(const workspace::Config &config, const QString &name);

Result<AudienceSize> countAudience(source::SourceConnection &connection, const AudienceBase &base,
                                   const std::atomic_bool *cancel = nullptr);
Result<AudienceOverlap> overlapAudiences(source::SourceConnection &connection, const AudienceBase &a, const AudienceBase &b,
                                         const std::atomic_bool *cancel = nullptr);

} // namespace sluice::model
