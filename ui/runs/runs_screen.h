#pragma once

#include <QHash>
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

    WorkspaceDocument *m_document;
    QTableWidget *m_runs;
    QTableWidget *m_held;
    QLabel *m_status;
    quint64 m_generation = 0;
    QHash<QString, QList<QStringList>> m_heldByRun; // run id -> key, kind, attempts, reason
};

} // namespace sluice::ui
