#pragma once

#include "common/result.h"
#include "model/key_check.h"
#include "source/column.h"

#include <QJsonObject>

#include <optional>

#include <atomic>

namespace sluice::model {

struct Preview
{
    QString model;
    QList<source::Column> columns;
    QList<source::Row> rows;
    qint64 elapsedMs = 0;       // time to the rows, checks excluded
    qint64 checksElapsedMs = 0;
    KeyCheck checks;
    std::optional<qint64> estimatedBytes; // what reading the whole model costs, where the warehouse says (BigQuery)

    QJsonObject toJson() const;
};

// The first `limit` rows of a model (LIMIT pushed into the warehouse) and the
// model checks.
// The model's pieces are compiled first (model/model_query.h), with `config`
// for an audience's model.
Result<Preview> previewModel(source::SourceConnection &connection, const workspace::ModelConfig &model, int limit,
                             const std::atomic_bool *cancel = nullptr, const workspace::Config *config = nullptr);

// One page of a model, for the GUI's lazy table.
Result<QList<source::Row>> fetchPage(source::SourceConnection &connection, const workspace::ModelConfig &model,
                                     qint64 offset, int count, QList<source::Column> *columns,
                                     const std::atomic_bool *cancel = nullptr);

} // namespace sluice::model
