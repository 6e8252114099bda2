#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;
class QFormLayout;

namespace sluice::ui {

class WorkspaceDocument;

// Lists the workspace's sources, tests a connection and browses the schema.
// Connecting and introspecting run on a pool thread, never on the UI thread.
class SourcesScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesScreen)

public:
    explicit SourcesScreen(WorkspaceDocument *document, QWidget *parent = nullptr);

    void testCurrent();
    // Opens the generated form for a new or an existing source or destination.
    void addSource();
    void addDestination();
    void editSelected();
    // Generates the demo warehouse into the workspace and adds it as source "demo".
    void addDemoWarehouse();

signals:
    void testFinished(bool ok);
    void demoWarehouseAdded(bool ok);

private:
    void reload();
    void showSource(const QString &name);

    WorkspaceDocument *m_document;
    QListWidget *m_list;
    QListWidget *m_destinations;
    QFormLayout *m_details;
    QPushButton *m_test;
    QLabel *m_status;
    QTreeWidget *m_schema;
    QPushButton *m_addDemo = nullptr;
    quint64 m_generation = 0;
};

} // namespace sluice::ui
