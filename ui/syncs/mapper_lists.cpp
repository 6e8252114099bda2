#include "syncs/mapper_lists.h"

#include "syncs/mapping_model.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QMimeData>

namespace sluice::ui {

namespace {

enum { NameColumn, TypeColumn, NoteColumn, Columns };

QString badgeText(MappingModel::Badges badges)
{
    QStringList parts;
    if (badges & MappingModel::RequiredUnmapped)
        parts.append(QCoreApplication::translate("sluice::ui::FieldListModel", "⚠ required, not mapped"));
    if (badges & MappingModel::TypeMismatch)
        parts.append(QCoreApplication::translate("sluice::ui::FieldListModel", "⚠ type"));
    if (badges & MappingModel::NeedsHash)
        parts.append(QCoreApplication::translate("sluice::ui::FieldListModel", "✕ must be hashed"));
    return parts.join(QStringLiteral(" · "));
}

} // namespace

ColumnListModel::ColumnListModel(MappingModel *mapping, QObject *parent) : QAbstractListModel(parent), m_mapping(mapping)
{
    connect(m_mapping, &MappingModel::changed, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int ColumnListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mapping->columns().size());
}

int ColumnListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns;
}

QVariant ColumnListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const source::Column &c = m_mapping->columns().at(index.row());
    const bool key = m_mapping->primaryKey().contains(c.name);
    const QStringList targets = m_mapping->destinationsOf(c.name);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return c.name;
        if (index.column() == TypeColumn)
            return source::columnTypeName(c.type);
        return key ? tr("key") : QVariant();
    case Qt::ToolTipRole:
        return targets.isEmpty() ? tr("%1 (%2): not mapped").arg(c.name, c.nativeType)
                                 : tr("%1 (%2) → %3").arg(c.name, c.nativeType, targets.join(QStringLiteral(", ")));
    case Qt::FontRole:
        if (index.column() == NameColumn && !targets.isEmpty()) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case NameRole: return c.name;
    case MappedRole: return !targets.isEmpty();
    default: return {};
    }
}

QVariant ColumnListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Model column");
    case TypeColumn: return tr("Type");
    case NoteColumn: return tr("Note");
    default: return {};
    }
}

Qt::ItemFlags ColumnListModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled : Qt::NoItemFlags;
}

QStringList ColumnListModel::mimeTypes() const
{
    return {QString::fromLatin1(kColumnMime)};
}

QMimeData *ColumnListModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kColumnMime), m_mapping->columns().at(indexes.first().row()).name.toUtf8());
    return data;
}

int ColumnListModel::rowOf(const QString &column) const
{
    const QList<source::Column> &all = m_mapping->columns();
    for (qsizetype i = 0; i < all.size(); ++i)
        if (all[i].name == column)
            return int(i);
    return -1;
}

FieldListModel::FieldListModel(MappingModel *mapping, QObject *parent) : QAbstractListModel(parent), m_mapping(mapping)
{
    connect(m_mapping, &MappingModel::changed, this, [this] {
        beginResetModel();
        endResetModel();
    });
}

int FieldListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mapping->fields().size());
}

int FieldListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns;
}

QVariant FieldListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QList<MappingModel::Field> all = m_mapping->fields();
    const MappingModel::Field &f = all.at(index.row());
    const int at = m_mapping->mappingFor(f.info.name);
    const MappingModel::Badges badges = m_mapping->badges(f.info.name);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return f.info.required ? f.info.name + QStringLiteral(" *") : f.info.name;
        if (index.column() == TypeColumn) {
            const QString type = f.info.type.isEmpty() ? tr("any") : f.info.type;
            return f.identifierKind.isEmpty() ? type : QStringLiteral("%1 · %2").arg(type, f.identifierKind);
        }
        {
            QStringList note;
            if (at >= 0 && !m_mapping->mappings().at(at).transforms.isEmpty())
                note.append(tr("%nƒ", nullptr, int(m_mapping->mappings().at(at).transforms.size())));
            if (const QString b = badgeText(badges); !b.isEmpty())
                note.append(b);
            return note.join(QStringLiteral("  "));
        }
    case Qt::ToolTipRole: {
        QString tip = f.info.label.isEmpty() ? f.info.name : QStringLiteral("%1 (%2)").arg(f.info.label, f.info.name);
        if (f.info.maxLength > 0)
            tip += QLatin1Char('\n') + tr("At most %n character(s)", nullptr, f.info.maxLength);
        if (at >= 0)
            tip += QLatin1Char('\n') + tr("From %1").arg(m_mapping->mappings().at(at).source);
        return tip;
    }
    case Qt::ForegroundRole:
        return badges != MappingModel::NoBadge && index.column() == NoteColumn ? QVariant(QColor(0xb0, 0x3a, 0x2e)) : QVariant();
    case Qt::FontRole:
        if (index.column() == NameColumn && at >= 0) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case NameRole: return f.info.name;
    case MappedRole: return at >= 0;
    case BadgesRole: return int(badges);
    default: return {};
    }
}

QVariant FieldListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Destination field");
    case TypeColumn: return tr("Type");
    case NoteColumn: return tr("Note");
    default: return {};
    }
}

Qt::ItemFlags FieldListModel::flags(const QModelIndex &index) const
{
    return index.isValid() ? Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled : Qt::ItemIsDropEnabled;
}

QStringList FieldListModel::mimeTypes() const
{
    return {QString::fromLatin1(kColumnMime)};
}

bool FieldListModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int row, int, const QModelIndex &parent) const
{
    // An open destination also takes a drop below its fields: a new field, named as the column.
    return data && data->hasFormat(QString::fromLatin1(kColumnMime)) && (parent.isValid() || row >= 0 || m_mapping->open());
}

bool FieldListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const int target = parent.isValid() ? parent.row() : row;
    const QList<MappingModel::Field> all = m_mapping->fields();
    if (target < 0 || target >= all.size()) {
        if (!m_mapping->open())
            return false;
        const QString column = QString::fromUtf8(data->data(QString::fromLatin1(kColumnMime)));
        m_mapping->connectFields(column, column);
        return false;
    }
    m_mapping->connectFields(QString::fromUtf8(data->data(QString::fromLatin1(kColumnMime))), all.at(target).info.name);
    return false; // the mapping changed; nothing for the view to move
}

int FieldListModel::rowOf(const QString &field) const
{
    const QList<MappingModel::Field> all = m_mapping->fields();
    for (qsizetype i = 0; i < all.size(); ++i)
        if (all[i].info.name == field)
            return int(i);
    return -1;
}

} // namespace sluice::ui
