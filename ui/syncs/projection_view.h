#pragma once

#include "engine/sync_projection.h"
#include "workspace/workspace.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

// The projection preview: the first rows of a sync exactly as its
// destination would receive them, beside their source rows, with held rows
// and their reasons. Built on a worker thread from the sync as it stands in
// the editor (saved or not).
namespace sluice::ui {

class ProjectionModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role { OutcomeRole = Qt::UserRole + 1 };
    explicit ProjectionModel(QObject *parent = nullptr);
    void setProjection(const engine::Projection &projection);
    const engine::Projection &projection() const { return m_projection; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    engine::Projection m_projection;
    QList<QJsonObject> m_sent; // each row's record, parsed once
};

class ProjectionView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectionView)

public:
    explicit ProjectionView(QWidget *parent = nullptr);
    // Builds the preview of `sync` in `workspace` (a copy: the editor's draft).
    void build(const workspace::Workspace &workspace, const QString &sync);
    ProjectionModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

signals:
    void built(); // the preview is shown (or its failure is)

private:
    void showRow(const QModelIndex &index);

    ProjectionModel *m_model;
    QLabel *m_summary;
    QComboBox *m_limit;
    QPushButton *m_rebuild;
    QTableView *m_table;
    QTableWidget *m_detail;
    QLabel *m_why;
    quint64 m_generation = 0;
    std::optional<workspace::Workspace> m_workspace;
    QString m_sync;
};

} // namespace sluice::ui
