#pragma once

#include "source/column.h"

#include <QAbstractTableModel>

namespace sluice::ui {

// The lazy preview table (after DB Browser for SQLite): rows arrive in chunks
// from a worker, the view asks for more as the operator scrolls, and answers
// from a superseded preview (an older generation) are dropped.
class PreviewTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreviewTableModel)

public:
    explicit PreviewTableModel(QObject *parent = nullptr);

    void reset(quint64 generation);
    void setColumns(quint64 generation, const QList<source::Column> &columns);
    void appendRows(quint64 generation, const QList<source::Row> &rows, bool more);
    void setTotalRows(quint64 generation, qint64 total);
    void fetchFailed(quint64 generation);

    quint64 generation() const { return m_generation; }
    qint64 loadedRows() const { return m_rows.size(); }
    bool totalKnown() const { return m_total >= 0; }
    // "1,234 rows" when the count is known, "at least 200 rows" while it is not.
    QString rowCountText() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void fetchRequested(quint64 generation, qint64 offset);

private:
    quint64 m_generation = 0;
    QList<source::Column> m_columns;
    QList<source::Row> m_rows;
    qint64 m_total = -1;
    bool m_more = false;
    bool m_fetching = false;
};

} // namespace sluice::ui
