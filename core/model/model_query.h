#pragma once

#include "common/result.h"
#include "workspace/config.h"

namespace sluice::source {
class SourceConnection;
}

// A model's query as every reader runs it: the operator's SQL, its traits
// computed by the warehouse beside its columns, and for an audience its
// model's query narrowed by the audience's conditions.
namespace sluice::model {

// SELECT sluice_model.*, (expression) AS "trait", ... FROM (sql) AS sluice_model
QString queryWithTraits(const QString &sql, const QList<workspace::TraitConfig> &traits);

struct ModelProblem
{
    QString path; // in sluice.json, as "models/high_value/audience/model"
    QString object;
    QString message;
};

// Sets each model's `sql` (and an audience's source, key, PII and freshness,
// which are its model's). Called by the config parser once every model is read.
QList<ModelProblem> resolveModelQueries(workspace::Config &config);

// Compiles the model in the warehouse a piece at a time, so that an error
// names the piece at fault: the model's SQL, a trait ("model customers:
// trait is_high_value: <the warehouse's words>"), an audience's condition on
// a column the model does not have.
Result<void> compileModel(source::SourceConnection &connection, const workspace::ModelConfig &model,
                          const workspace::Config &config);

} // namespace sluice::model
