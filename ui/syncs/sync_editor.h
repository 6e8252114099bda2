#pragma once

#include "source/column.h"
#include "workspace/workspace.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QListWidget;
class QTabWidget;
class QTimer;

// Builds or edits one sync without touching sluice.json by hand: its
// settings (model, destination, object, mode, match, consent, diff,
// schedule) and its fields in the visual mapper. It validates as the
// operator types, with `sluice check`'s own messages (the whole workspace
// is parsed with this sync in it), and saves only a valid sync. The model's
// columns and a sample row, and the destination's fields, are read on
// worker threads: the dialog never waits on a warehouse or an API.
namespace sluice::ui {

class MapperView;
class MappingModel;
class ProjectionView;
class AlertRulesEditor;
class WorkspaceDocument;

class SyncEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEditor)

public:
    // `name` empty: a new sync.
    SyncEditor(WorkspaceDocument *document, const QString &name, QWidget *parent = nullptr);
    ~SyncEditor() override;

    // The sync as sluice.json will hold it.
    QJsonObject syncJson() const;
    QString syncName() const;
    QStringList problems() const { return m_problems; }
    MappingModel *mapping() const { return m_mapping; }
    MapperView *mapper() const { return m_mapper; }
    QTabWidget *tabs() const { return m_tabs; }
    ProjectionView *projection() const { return m_projection; }
    AlertRulesEditor *alerts() const { return m_alerts; }
    // Builds the projection preview of the sync as it stands in the editor.
    void preview();
    bool save();
    // Closes without saving; with unsaved edits, only once the operator
    // agrees to discard them (a question named "discardConfirmation").
    void reject() override;

signals:
    // Columns and fields have been read (or failed to be): for tests and the status line.
    void columnsLoaded();
    void fieldsLoaded();
    // The destination's objects have been listed (or could not be).
    void objectsLoaded();

private:
    bool edited() const;
    void buildSettings(QWidget *page);
    void loadSync();
    void modelChanged();
    void destinationChanged();
    void loadFields();
    void loadObjects();
    void validate();
    void setStatus(const QString &text);

    WorkspaceDocument *m_document;
    QString m_original; // the name being edited; empty for a new sync
    QJsonObject m_raw;  // the sync as it stood, keys the editor does not show included
    MappingModel *m_mapping;
    MapperView *m_mapper;
    ProjectionView *m_projection;
    AlertRulesEditor *m_alerts;
    std::optional<workspace::Workspace> m_draft; // the workspace with this sync as edited, when valid
    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QComboBox *m_model;
    QComboBox *m_destination;
    QComboBox *m_object;
    QComboBox *m_mode;
    QComboBox *m_matchSource;
    QComboBox *m_matchField;
    QComboBox *m_consent;
    QComboBox *m_diff;
    QComboBox *m_scheduleKind;
    QLineEdit *m_scheduleValue;
    QListWidget *m_problemList;
    QDialogButtonBox *m_buttons;
    QTimer *m_validateTimer;
    QStringList m_problems;
    quint64 m_columnsGeneration = 0, m_fieldsGeneration = 0, m_objectsGeneration = 0;
    QList<source::Column> m_columns;
    bool m_touched = false; // a setting changed by the operator since the last save
};

} // namespace sluice::ui
