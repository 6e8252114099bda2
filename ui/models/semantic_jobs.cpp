#include "models/semantic_jobs.h"

#include "model/model_query.h"
#include "source/source_connection.h"

#include <QtConcurrent/QtConcurrentRun>

namespace sluice::ui {

void WarehouseCancel::cancel()
{
    m_cancelled = true;
    std::lock_guard lock(m_mutex);
    if (m_interrupt)
        m_interrupt();
}

void WarehouseCancel::arm(std::function<void()> interrupt)
{
    std::lock_guard lock(m_mutex);
    m_interrupt = std::move(interrupt);
}

void WarehouseCancel::disarm()
{
    std::lock_guard lock(m_mutex);
    m_interrupt = {};
}

namespace {

Result<std::unique_ptr<source::SourceConnection>> connectFor(const workspace::Workspace &ws, const workspace::ModelConfig &model)
{
    return source::SourceConnection::open(ws.config().sources.value(model.source), ws);
}

} // namespace

QFuture<TraitsResult> computeTraits(const workspace::Workspace &workspace, const workspace::ModelConfig &model)
{
    return QtConcurrent::run([workspace, model] {
        TraitsResult out;
        Result<std::unique_ptr<source::SourceConnection>> c = connectFor(workspace, model);
        if (!c) {
            out.error = c.error().message;
            return out;
        }
        out.traits = model::traitDistributions(*c.value(), model);
        return out;
    });
}

QFuture<QStringList> frequentValues(const workspace::Workspace &workspace, const workspace::ModelConfig &model, const QString &column)
{
    return QtConcurrent::run([workspace, model, column] {
        QStringList values;
        Result<std::unique_ptr<source::SourceConnection>> c = connectFor(workspace, model);
        if (!c)
            return values;
        Result<model::Distribution> d = model::distributionOf(*c.value(), model.sql, column, QStringLiteral("text"), nullptr, 50);
        if (d)
            for (const auto &[value, rows] : d->top)
                values.append(value);
        return values;
    });
}

QFuture<ColumnsResult> describeModel(const workspace::Workspace &workspace, const workspace::ModelConfig &model)
{
    return QtConcurrent::run([workspace, model] {
        ColumnsResult out;
        Result<std::unique_ptr<source::SourceConnection>> c = connectFor(workspace, model);
        if (!c) {
            out.error = c.error().message;
            return out;
        }
        // One row, not none: SQLite types an expression column by its values.
        source::RowSink sink;
        sink.columns = [&](const QList<source::Column> &columns) { out.columns = columns; };
        sink.row = [](const source::Row &) { return false; };
        if (Result<void> r = c.value()->stream(QStringLiteral("SELECT * FROM %1 LIMIT 1").arg(source::wrapModelSql(model.sql)), sink); !r)
            out.error = r.error().message;
        return out;
    });
}

QFuture<CountResult> countAudience(const workspace::Workspace &workspace, const model::AudienceBase &base,
                                   const std::optional<model::AudienceBase> &other, std::shared_ptr<WarehouseCancel> cancel)
{
    return QtConcurrent::run([workspace, base, other, cancel] {
        CountResult out;
        Result<std::unique_ptr<source::SourceConnection>> c = connectFor(workspace, base.model);
        if (!c) {
            out.error = c.error().message;
            return out;
        }
        cancel->arm(c.value()->interrupter());
        Result<model::AudienceSize> size = model::countAudience(*c.value(), base, cancel->flag());
        if (size && other) {
            Result<model::AudienceOverlap> overlap = model::overlapAudiences(*c.value(), base, *other, cancel->flag());
            if (overlap)
                out.overlap = overlap.value();
            else
                out.error = overlap.error().message;
        }
        cancel->disarm();
        out.cancelled = cancel->flag()->load();
        if (size)
            out.size = size.value();
        else if (out.error.isEmpty())
            out.error = size.error().message;
        return out;
    });
}

} // namespace sluice::ui
