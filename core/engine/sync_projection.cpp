#include "engine/sync_projection.h"

#include "engine/plan_internal.h"
#include "engine/record_mapper.h"
#include "model/key_check.h"
#include "source/row_view.h"
#include "source/source_connection.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QHash>

namespace sluice::engine {

namespace {

// The rows as a plan would judge them, one at a time, up to the limit.
class Projector
{
public:
    Projector(const workspace::Workspace &ws, const workspace::SyncConfig &sync, const QList<source::Column> &columns, Projection &out)
        : m_sync(sync), m_out(out)
    {
        for (int i = 0; i < columns.size(); ++i)
            m_index.insert(columns[i].name, i);
        const workspace::ModelConfig model = ws.config().models.value(sync.model);
        for (const QString &k : model.primaryKey)
            m_keys.append(m_index.value(k, -1));
        m_consent = sync.consentColumn.isEmpty() ? -1 : m_index.value(sync.consentColumn, -1);
    }
    std::optional<Error> prepare(const workspace::Workspace &ws)
    {
        Result<std::unique_ptr<RecordMapper>> mapper = RecordMapper::create(ws, m_sync, m_index);
        if (!mapper)
            return mapper.error();
        m_mapper = std::move(mapper).value();
        return std::nullopt;
    }
    void take(const source::RowView &row)
    {
        ProjectedRow p;
        p.key = model::recordKey(row, m_keys);
        for (int c = 0; c < row.size(); ++c)
            p.source.append(row.value(c));
        if (m_consent >= 0 && !consented(row.value(m_consent))) {
            p.outcome = ProjectedRow::Outcome::Excluded;
            p.reason = QCoreApplication::translate("sluice::engine", "no consent: %1 is not true").arg(m_sync.consentColumn);
        } else if (const QString problem = m_mapper->map(row); !problem.isEmpty()) {
            p.outcome = ProjectedRow::Outcome::Invalid;
            p.reason = problem;
        } else {
            p.sent = m_mapper->json();
            if (m_mapper->matches())
                m_byMatch[m_mapper->matchValue()].append(int(m_out.rows.size()));
        }
        m_out.rows.append(p);
    }
    // Two rows of the window with one match value: both held, as a plan holds them.
    void holdConflicts()
    {
        for (auto it = m_byMatch.cbegin(); it != m_byMatch.cend(); ++it) {
            if (it->size() < 2)
                continue;
            for (const int i : *it) {
                QStringList others;
                for (const int j : *it)
                    if (j != i)
                        others.append(m_out.rows[j].key);
                ProjectedRow &row = m_out.rows[i];
                row.outcome = ProjectedRow::Outcome::Invalid;
                row.reason = identityConflictReason(row.key, others, m_sync.matchDestination);
                row.sent.clear();
            }
        }
        for (const ProjectedRow &r : std::as_const(m_out.rows))
            (r.outcome == ProjectedRow::Outcome::Send ? m_out.send : r.outcome == ProjectedRow::Outcome::Excluded ? m_out.excluded : m_out.invalid) += 1;
        m_out.coverage = m_mapper->coverage();
    }

private:
    const workspace::SyncConfig &m_sync;
    Projection &m_out;
    QHash<QString, int> m_index;
    QList<int> m_keys;
    int m_consent = -1;
    std::unique_ptr<RecordMapper> m_mapper;
    QHash<QString, QList<int>> m_byMatch;
};

} // namespace

Result<Projection> projectSync(const workspace::Workspace &workspace, const QString &syncName, int limit, const std::atomic_bool *cancel)
{
    if (Result<void> known = requireSync(workspace, syncName); !known)
        return known.error();
    const workspace::SyncConfig sync = workspace.config().syncs.value(syncName);
    const workspace::ModelConfig model = workspace.config().models.value(sync.model);
    if (const QStringList problems = governanceProblems(workspace, syncName); !problems.isEmpty())
        return configError(problems.join(QLatin1Char('\n')));
    auto connection = source::SourceConnection::open(workspace.config().sources.value(model.source), workspace);
    if (!connection)
        return connection.error();
    Result<QList<source::Column>> columns = connection.value()->describe(model.sql);
    if (!columns)
        return columns.error();
    if (const QStringList problems = mappingProblems(workspace, syncName, columns.value()); !problems.isEmpty())
        return configError(problems.join(QLatin1Char('\n')));
    Projection out;
    out.columns = columns.value();
    for (const workspace::FieldMapping &f : sync.fields) {
        out.fields.append(f.destination);
        out.fieldSources.append(f.source);
    }
    Projector projector(workspace, sync, out.columns, out);
    if (std::optional<Error> e = projector.prepare(workspace))
        return *e;
    source::RowSink sink;
    sink.view = [&](const source::RowView &row) {
        if (out.rows.size() >= limit) {
            out.more = true;
            return false;
        }
        projector.take(row);
        return true;
    };
    if (Result<void> streamed = connection.value()->stream(model.sql, sink, cancel); !streamed)
        return streamed.error();
    projector.holdConflicts();
    return out;
}

} // namespace sluice::engine
