#pragma once

#include "model/key_check.h"
#include "source/column.h"
#include "workspace/workspace.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace sluice::source {
class SourceConnection;
}

namespace sluice::ui {

// Runs a model preview on its own thread and connection. Every request and
// every answer carries a generation: the screen bumps it when the operator
// starts another preview, and the worker skips work for older generations.
class PreviewWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewWorker)

public:
    struct Shared
    {
        std::atomic<quint64> generation{0};
        std::atomic_bool cancel{false};
    };

    PreviewWorker(workspace::Workspace workspace, std::shared_ptr<Shared> shared);
    ~PreviewWorker() override;

    // Run on the worker's thread: call through QMetaObject::invokeMethod(worker, lambda, Qt::QueuedConnection).
    void start(quint64 generation, const sluice::workspace::ModelConfig &model, int chunk);
    void fetch(quint64 generation, qint64 offset, int chunk);
    void setWorkspace(const sluice::workspace::Workspace &workspace);

signals:
    void columnsReady(quint64 generation, const QList<sluice::source::Column> &columns);
    void rowsReady(quint64 generation, const QList<sluice::source::Row> &rows, bool more);
    void checksReady(quint64 generation, const sluice::model::KeyCheck &checks, qint64 elapsedMs);
    void failed(quint64 generation, const QString &message);

private:
    bool stale(quint64 generation) const;

    workspace::Workspace m_workspace;
    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<source::SourceConnection> m_connection;
    QString m_connectionSource;
    workspace::ModelConfig m_model;
};

} // namespace sluice::ui
