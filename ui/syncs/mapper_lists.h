#pragma once

#include <QAbstractListModel>

// The mapper's two lists as item models over one MappingModel: the model's
// columns (dragged from) and the destination's fields (dropped on). Both
// reset when the mapping changes; a drop of a column on a field connects
// them through the MappingModel, so it is one undo step.
namespace sluice::ui {

class MappingModel;

inline constexpr char kColumnMime[] = "application/x-sluice-column";

class ColumnListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { NameRole = Qt::UserRole + 1, MappedRole };
    explicit ColumnListModel(MappingModel *mapping, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::LinkAction | Qt::CopyAction; }
    int rowOf(const QString &column) const;

private:
    MappingModel *m_mapping;
};

class FieldListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { NameRole = Qt::UserRole + 1, MappedRole, BadgesRole };
    explicit FieldListModel(MappingModel *mapping, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::LinkAction | Qt::CopyAction | Qt::MoveAction; }
    int rowOf(const QString &field) const;

private:
    MappingModel *m_mapping;
};

} // namespace sluice::ui
