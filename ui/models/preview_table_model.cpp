#include "models/preview_table_model.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

namespace sluice::ui {

PreviewTableModel::PreviewTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void PreviewTableModel::reset(quint64 generation)
{
    beginResetModel();
    m_generation = generation;
    m_columns.clear();
    m_rows.clear();
    m_total = -1;
    m_more = false;
    m_fetching = false;
    endResetModel();
}

void PreviewTableModel::setColumns(quint64 generation, const QList<source::Column> &columns)
{
    if (generation != m_generation)
        return;
    beginResetModel();
    m_columns = columns;
    m_rows.clear();
    endResetModel();
}

void PreviewTableModel::appendRows(quint64 generation, const QList<source::Row> &rows, bool more)
{
    if (generation != m_generation)
        return;
    // Views may ask for more while the rows go in: only after the insert is
    // the next offset known, so only then may another fetch start.
    m_fetching = true;
    if (!rows.isEmpty()) {
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        m_rows.append(rows);
        endInsertRows();
    }
    m_fetching = false;
    m_more = more;
    if (!more && m_total < 0) {
        m_total = m_rows.size();
    }
}

void PreviewTableModel::setTotalRows(quint64 generation, qint64 total)
{
    if (generation == m_generation)
        m_total = total;
}

void PreviewTableModel::fetchFailed(quint64 generation)
{
    if (generation == m_generation) {
        m_fetching = false;
        m_more = false;
    }
}

QString PreviewTableModel::rowCountText() const
{
    const QLocale locale;
    if (m_total >= 0)
        return tr("%1 rows in the model, %2 loaded").arg(locale.toString(m_total), locale.toString(m_rows.size()));
    return tr("at least %1 rows").arg(locale.toString(m_rows.size()));
}

int PreviewTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreviewTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PreviewTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant &value = m_rows.at(index.row()).at(index.column());
    const source::ColumnType type = m_columns.at(index.column()).type;
    switch (role) {
    case Qt::DisplayRole:
        if (value.isNull())
            return QStringLiteral("NULL");
        return source::toText(value);
    case Qt::ToolTipRole:
        return value.isNull() ? tr("NULL (no value)") : source::toText(value);
    case Qt::ForegroundRole:
        if (value.isNull())
            return QBrush(Qt::gray);
        return {};
    case Qt::FontRole:
        if (value.isNull()) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (type == source::ColumnType::Integer || type == source::ColumnType::Decimal || type == source::ColumnType::Float)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant PreviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_columns.size())
        return {};
    const source::Column &c = m_columns.at(section);
    if (role == Qt::DisplayRole)
        return QStringLiteral("%1\n%2").arg(c.name, source::columnTypeName(c.type));
    if (role == Qt::ToolTipRole)
        return tr("%1: %2 (warehouse type %3)").arg(c.name, source::columnTypeName(c.type), c.nativeType);
    return {};
}

bool PreviewTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_fetching;
}

void PreviewTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    emit fetchRequested(m_generation, m_rows.size());
}

} // namespace sluice::ui
