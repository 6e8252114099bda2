#include "models/preview_worker.h"

#include "model/model_query.h"

#include "model/preview.h"
#include "source/source_connection.h"

#include <QElapsedTimer>

namespace sluice::ui {

PreviewWorker::PreviewWorker(workspace::Workspace workspace, std::shared_ptr<Shared> shared)
    : m_workspace(std::move(workspace)), m_shared(std::move(shared))
{
}

PreviewWorker::~PreviewWorker() = default;

bool PreviewWorker::stale(quint64 generation) const { return generation != m_shared->generation.load(); }

void PreviewWorker::setWorkspace(const workspace::Workspace &workspace)
{
    m_workspace = workspace;
    m_connection.reset(); // the source may have changed
    m_connectionSource.clear();
}

void PreviewWorker::start(quint64 generation, const workspace::ModelConfig &model, int chunk)
{
    if (stale(generation))
        return;
    m_shared->cancel = false;
    m_model = model;
    if (!m_connection || m_connectionSource != model.source) {
        m_connection.reset();
        const workspace::SourceConfig source = m_workspace.config().sources.value(model.source);
        Result<std::unique_ptr<source::SourceConnection>> c = source::SourceConnection::open(source, m_workspace);
        if (!c) {
            emit failed(generation, c.error().message);
            return;
        }
        m_connection = std::move(c).value();
        m_connectionSource = model.source;
    }
    if (Result<void> compiled = model::compileModel(*m_connection, model, m_workspace.config()); !compiled) {
        emit failed(generation, compiled.error().message);
        return;
    }
    QList<source::Column> columns;
    Result<QList<source::Row>> rows = model::fetchPage(*m_connection, model, 0, chunk, &columns, &m_shared->cancel);
    if (stale(generation))
        return;
    if (!rows) {
        emit failed(generation, rows.error().message);
        return;
    }
    emit columnsReady(generation, columns);
    emit rowsReady(generation, rows.value(), rows->size() == chunk);

    QElapsedTimer timer;
    timer.start();
    Result<model::KeyCheck> checks = model::checkKeys(*m_connection, model, columns);
    if (stale(generation))
        return;
    if (!checks) {
        emit failed(generation, checks.error().message);
        return;
    }
    emit checksReady(generation, checks.value(), timer.elapsed());
}

void PreviewWorker::fetch(quint64 generation, qint64 offset, int chunk)
{
    if (stale(generation) || !m_connection)
        return;
    Result<QList<source::Row>> rows = model::fetchPage(*m_connection, m_model, offset, chunk, nullptr, &m_shared->cancel);
    if (stale(generation))
        return;
    if (!rows) {
        emit failed(generation, rows.error().message);
        return;
    }
    emit rowsReady(generation, rows.value(), rows->size() == chunk);
}

} // namespace sluice::ui
