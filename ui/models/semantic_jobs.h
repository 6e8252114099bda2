#pragma once

#include "model/audience_stats.h"
#include "model/trait_stats.h"
#include "source/column.h"
#include "workspace/workspace.h"

#include <QFuture>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

// The Models screen's warehouse work, each job on a pool thread with its own
// connection: trait distributions, an audience's columns, its size and its
// overlap with another. The UI thread only starts them and reads results.
namespace sluice::ui {

// Lets the UI thread stop a job's statement in the warehouse (PQcancel on
// PostgreSQL), not just ignore its answer.
class WarehouseCancel final
{
public:
    void cancel();
    void arm(std::function<void()> interrupt);
    void disarm();
    const std::atomic_bool *flag() const { return &m_cancelled; }

private:
    std::mutex m_mutex;
    std::function<void()> m_interrupt;
    std::atomic_bool m_cancelled{false};
};

struct TraitsResult
{
    QList<model::Distribution> traits;
    QString error;
};

struct ColumnsResult
{
    QList<source::Column> columns;
    QString error;
};

struct CountResult
{
    std::optional<model::AudienceSize> size;
    std::optional<model::AudienceOverlap> overlap;
    QString error;
    bool cancelled = false;
};

QFuture<TraitsResult> computeTraits(const workspace::Workspace &workspace, const workspace::ModelConfig &model);
// The most frequent values of a text column, offered while a condition is typed.
QFuture<QStringList> frequentValues(const workspace::Workspace &workspace, const workspace::ModelConfig &model, const QString &column);
QFuture<ColumnsResult> describeModel(const workspace::Workspace &workspace, const workspace::ModelConfig &model);
// The size of `base`, and its overlap with `other` when given.
QFuture<CountResult> countAudience(const workspace::Workspace &workspace, const model::AudienceBase &base,
                                   const std::optional<model::AudienceBase> &other, std::shared_ptr<WarehouseCancel> cancel);

} // namespace sluice::ui
