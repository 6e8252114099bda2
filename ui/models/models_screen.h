#pragma once

#include "models/preview_worker.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTabWidget;
class QTreeWidget;
class QToolButton;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QThread;
class QElapsedTimer;

namespace sluice::ui {

class AudienceBuilder;
class PreviewTableModel;
class TraitsPanel;
class WorkspaceDocument;

// Write a model's SQL, pick its primary key, preview its rows lazily and see
// the model checks inline. The preview runs on PreviewWorker's thread.
class ModelsScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ModelsScreen)

public:
    explicit ModelsScreen(WorkspaceDocument *document, QWidget *parent = nullptr);
    ~ModelsScreen() override;

    void previewCurrent();
    void cancelPreview();
    void saveCurrent();
    PreviewTableModel *previewModel() const { return m_table; }
    void selectModel(const QString &name);
    QString currentName() const;
    TraitsPanel *traitsPanel() const { return m_traits; }
    AudienceBuilder *audienceBuilder() const { return m_audience; }
    // New ▾: a model, an audience of the current model, or a dbt import.
    void newModel();
    void newAudience();
    void importDbt();

signals:
    // Rows and checks are in, or the preview failed or was cancelled.
    void previewSettled();

private:
    void buildLayout();
    void connectWorker();
    void connectActions();
    void reload();
    void showModel(const QString &name);
    void setBusy(bool busy);
    void updateStatus();
    workspace::ModelConfig editedModel() const;

    WorkspaceDocument *m_document;
    QTreeWidget *m_list;
    QTabWidget *m_tabs;
    QWidget *m_sqlTab;
    TraitsPanel *m_traits;
    AudienceBuilder *m_audience;
    QToolButton *m_new;
    QPushButton *m_delete;
    QLabel *m_source;
    QLineEdit *m_primaryKey;
    QPlainTextEdit *m_sql;
    QPushButton *m_preview;
    QPushButton *m_cancel;
    QPushButton *m_save;
    QLabel *m_status;
    QLabel *m_checks;
    QTableView *m_view;
    PreviewTableModel *m_table;
    QThread *m_thread;
    PreviewWorker *m_worker;
    std::shared_ptr<PreviewWorker::Shared> m_shared;
    std::unique_ptr<QElapsedTimer> m_timer;
    qint64 m_firstRowsMs = -1;
};

} // namespace sluice::ui
