#pragma once

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace sluice::ui {

class WorkspaceDocument;

// Run history from .sluice/state.db: when, which sync, how it ended, what it
// moved, how fresh the data was, and whether the model's schema drifted.
// Selecting a run lists the records whose latest attempt it held back. Reads happen off the UI thread.
class RunsScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunsScreen)

public:
    explicit RunsScreen(WorkspaceDocument *document, QWidget *parent = nullptr);
    void refresh();

signals:
    void refreshed(int runs);

private:
    void showRejections(int row);
    // The selected run's stage timings, rows read and bytes billed, in words.
    QString detailOf(const QJsonObject &metrics) const;

    WorkspaceDocument *m_document;
    QTableWidget *m_runs;
    QTableWidget *m_held;
    QLabel *m_status;
    QLabel *m_detail;    // the selected run's stages
    QLabel *m_heldEmpty; // what the held table shows when it has no row
    quint64 m_generation = 0;
    QHash<QString, QList<QStringList>> m_heldByRun; // run id -> key, kind, attempts, reason
    QHash<QString, QJsonObject> m_metricsByRun;     // run id -> the run's metrics (timings, model rows, bytes billed)
};

} // namespace sluice::ui
