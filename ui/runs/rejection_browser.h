#pragma once

#include "store/state_store.h"

#include <QAbstractTableModel>
#include <QDialog>
#include <QSortFilterProxyModel>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

// The records a sync holds back, as an operator works through them: filter
// by kind of reason, search by key, the payload as the PII rule let the
// ledger keep it, the record's history, "retry rejected now" (a run of the
// sync) and an export to CSV. Read off the UI thread.
namespace sluice::ui {

class RejectionsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Key, Kind, Reason, Run, Attempts, FirstSeen, Columns };
    enum Role { PatternRole = Qt::UserRole + 1 };
    explicit RejectionsModel(QObject *parent = nullptr);
    void setRejections(const QList<store::StateStore::Rejection> &rejections);
    const QList<store::StateStore::Rejection> &rejections() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // A reason with its record-specific parts (quoted values, numbers) taken
    // out, so that reasons of one kind group together.
    static QString pattern(const QString &reason);

private:
    QList<store::StateStore::Rejection> m_rows;
    QStringList m_patterns;
};

class RejectionFilter final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setPattern(const QString &pattern);
    void setKeyText(const QString &text);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override; // keys and counts as numbers where they are

private:
    QString m_pattern, m_key;
};

class RejectionBrowser final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RejectionBrowser)

public:
    RejectionBrowser(const QString &workspaceDir, const QString &sync, QWidget *parent = nullptr);
    void reload();
    // Writes the rows the filter shows to `path` as CSV; false with the reason when it cannot.
    bool exportCsv(const QString &path, QString *problem = nullptr) const;
    RejectionsModel *model() const { return m_model; }
    RejectionFilter *filter() const { return m_filter; }
    QComboBox *reasons() const { return m_reasons; }
    QLineEdit *search() const { return m_search; }

signals:
    void loaded(int rows);
    // "Retry rejected now": the sync's next run resends every held record.
    void retryRequested(const QString &sync);

private:
    void fillReasons();
    void showPayload(const QModelIndex &index);

    QString m_dir, m_sync;
    RejectionsModel *m_model;
    RejectionFilter *m_filter;
    QComboBox *m_reasons;
    QLineEdit *m_search;
    QTableView *m_table;
    QPlainTextEdit *m_payload;
    QLabel *m_status;
    quint64 m_generation = 0;
};

} // namespace sluice::ui
