#pragma once

#include "common/result.h"
#include "source/column.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <atomic>

namespace sluice::workspace {
class Workspace;
}

// The projection preview: the first rows of a sync's model exactly as its
// destination would receive them (after consent, mapping, transforms,
// normalization and hashing), each beside its source row, or held back
// with the reason a run would give. Nothing is sent and no state is read
// or written: it answers "what will this look like over there?".
namespace sluice::engine {

struct ProjectedRow
{
    enum class Outcome { Send, Excluded, Invalid };
    QString key;
    Outcome outcome = Outcome::Send;
    QString reason;      // why it is held back (excluded or invalid)
    source::Row source;  // the model row, in the columns' order
    QByteArray sent;     // the record as the destination receives it (Send)
};

struct Projection
{
    QList<source::Column> columns;
    QStringList fields;       // the destination fields, in the mapping's order
    QStringList fieldSources; // the column each field is read from (empty: none)
    QList<ProjectedRow> rows;
    qint64 send = 0, excluded = 0, invalid = 0;
    bool more = false; // the model has rows past the limit
    QJsonObject coverage; // list destinations: identifier kind -> {"valid", "missing"}
};

Result<Projection> projectSync(const workspace::Workspace &workspace, const QString &sync, int limit,
                               const std::atomic_bool *cancel = nullptr);

} // namespace sluice::engine
