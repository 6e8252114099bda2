#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace sluice::ui {

// One record's story in one sync, from the ledger (as `sluice history SYNC
// KEY`): every run that sent it or held it back, what it did (upsert,
// delete, hold), how it ended and in whose words, and the payload where the
// sync's PII rule let the ledger keep it. Read off the UI thread.
class RecordHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordHistoryDialog)

public:
    RecordHistoryDialog(const QString &workspaceDir, const QString &sync, const QString &key, QWidget *parent = nullptr);

signals:
    void loaded(int entries);

private:
    QTableWidget *m_table;
    QPlainTextEdit *m_payload;
    QLabel *m_status;
    QList<QByteArray> m_payloads;
};

} // namespace sluice::ui
