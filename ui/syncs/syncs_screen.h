#pragma once

#include "engine/sync_engine.h"

#include <QJsonObject>
#include <QWidget>

class QGridLayout;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace sluice::engine {
class SyncJob;
}

namespace sluice::ui {

class RejectionBrowser;
class SyncEditor;
class WorkspaceDocument;

// Plan or run a sync and see what it would send, what it sent, and every
// record held back with its reason. The work runs in an engine::SyncJob.
class SyncsScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncsScreen)

public:
    explicit SyncsScreen(WorkspaceDocument *document, QWidget *parent = nullptr);
    ~SyncsScreen() override;

    void planCurrent() { start(true); }
    void runCurrent() { start(false); }
    // Backfill (a full resync): says how many records go where, and runs once confirmed.
    void confirmBackfill();
    static QString backfillMessage(const workspace::Workspace &ws, const QString &sync, qint64 modelRows, qint64 held);
    void cancel();
    // Opens the sync editor (name empty: a new sync), not modal to the app.
    SyncEditor *openEditor(const QString &name);
    // The records the sync holds back, in a browser of their own.
    RejectionBrowser *openRejections(const QString &name);

signals:
    // The run or plan came to `summary`; after a failure to start, an empty one (no run id).
    void jobFinished(const sluice::engine::RunSummary &summary);

private:
    void buildCounts();
    void connectActions();
    void reload();
    void showSync(const QString &name);
    void start(bool planOnly, bool fullResync = false);
    void showSummary(const engine::RunSummary &summary);
    // The sync's last recorded run (read off the UI thread): its counts and
    // status, or an empty state when it has none.
    void loadLastRun(const QString &name);
    void showCounts(const QList<qint64> &values);
    void setBusy(bool busy);

    WorkspaceDocument *m_document;
    QListWidget *m_list;
    QLabel *m_details;
    QPushButton *m_plan;
    QPushButton *m_run;
    QPushButton *m_cancel;
    QPushButton *m_backfill;
    QProgressBar *m_progress;
    QLabel *m_status;
    QGridLayout *m_counts;
    QList<QLabel *> m_countLabels;
    QWidget *m_countsBox = nullptr;
    QLabel *m_heldEmpty = nullptr; // the held-back table's empty state
    void setHeldEmptyText(const QString &text);
    quint64 m_lastRunGeneration = 0;
    QTableWidget *m_held;
    QWidget *m_samplesBox = nullptr; // a plan's first operations, shown after a plan only
    QTableWidget *m_samples = nullptr;
    void buildSamples(QWidget *parent);
    void showSamples(const engine::RunSummary &summary);
    QPushButton *m_new;
    QPushButton *m_edit;
    QPushButton *m_heldButton;
    engine::SyncJob *m_job = nullptr;
};

} // namespace sluice::ui
