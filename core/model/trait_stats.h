#pragma once

#include "common/result.h"
#include "source/column.h"
#include "workspace/config.h"

#include <QJsonObject>

#include <atomic>

namespace sluice::source {
class SourceConnection;
}

// What a trait's values look like over the whole model, computed by the
// warehouse: the share of empty values always, then by kind the share that
// is true, the range and a five-bar histogram, or the most frequent values.
namespace sluice::model {

struct Distribution
{
    enum class Kind { Boolean, Numeric, Time, Text };
    QString name;
    Kind kind = Kind::Text;
    source::ColumnType type = source::ColumnType::Unknown;
    qint64 rows = 0;
    qint64 nulls = 0;
    qint64 distinct = 0;
    qint64 trueCount = 0;            // Boolean
    QVariant min, max;               // Numeric, Time
    QList<qint64> histogram;         // Numeric: five equal-width bars from min to max
    QList<QPair<QString, qint64>> top; // Text (and Boolean): up to five values, most frequent first
    QString error;                   // the warehouse refused the trait: its words

    double nullShare() const { return rows > 0 ? double(nulls) / double(rows) : 0.0; }
    QJsonObject toJson() const;
    // One line: "8.1 % true · 0 % empty", "12.5 – 4,210.9 · 2 % empty", "vip 41 %, repeat 30 % …"
    QString summary() const;
};

// The distribution of one column of `sql` (a model's query, or a trait's).
Result<Distribution> distributionOf(source::SourceConnection &connection, const QString &sql, const QString &column,
                                    const QString &declaredType = {}, const std::atomic_bool *cancel = nullptr, int topValues = 5);

// Every trait of the model, each computed on its own so that one the
// warehouse refuses does not hide the others (its `error` says why).
QList<Distribution> traitDistributions(source::SourceConnection &connection, const workspace::ModelConfig &model,
                                       const std::atomic_bool *cancel = nullptr);

} // namespace sluice::model
