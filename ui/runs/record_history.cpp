#include "runs/record_history.h"

#include "shell/workspace_state.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace sluice::ui {

namespace {

struct Loaded
{
    QList<store::StateStore::LedgerEntry> entries;
    QString problem;
};

Loaded load(const QString &dir, const QString &sync, const QString &key)
{
    WorkspaceState state = openWorkspaceState(dir);
    if (!state.store)
        return {{}, state.problem};
    return {state.store->history(sync, key), {}};
}

} // namespace

RecordHistoryDialog::RecordHistoryDialog(const QString &workspaceDir, const QString &sync, const QString &key, QWidget *parent)
    : QDialog(parent), m_table(new QTableWidget(0, 5, this)), m_payload(new QPlainTextEdit(this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Record %1 of sync %2").arg(key, sync));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(900, 520);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setHorizontalHeaderLabels({tr("When (UTC)"), tr("Run"), tr("Operation"), tr("Outcome"), tr("Reason")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_payload->setReadOnly(true);
    m_payload->setObjectName(QStringLiteral("payload"));
    m_payload->setPlaceholderText(tr("The payload sent, where the sync's PII rule lets the ledger keep it (ledger_payloads in sluice.json)."));
    m_status->setText(tr("Reading the ledger…"));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_payload);
    splitter->setStretchFactor(0, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        const QByteArray payload = m_payloads.value(row);
        m_payload->setPlainText(payload.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument::fromJson(payload).toJson(QJsonDocument::Indented)));
    });
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        if (!loaded.problem.isEmpty()) {
            m_status->setText(loaded.problem);
            emit this->loaded(0);
            return;
        }
        m_table->setRowCount(int(loaded.entries.size()));
        for (int i = 0; i < m_table->rowCount(); ++i) {
            const store::StateStore::LedgerEntry &e = loaded.entries[i];
            const QStringList cells{QLocale().toString(e.at.toUTC(), QLocale::ShortFormat), e.runId, e.op, e.outcome, e.reason};
            for (int c = 0; c < cells.size(); ++c)
                m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
            m_payloads.append(e.payload);
        }
        m_status->setText(loaded.entries.isEmpty() ? tr("No send of this record is on record (the ledger keeps what recent runs did).")
                         : loaded.entries.size() == 1 ? tr("1 entry")
                                                      : tr("%1 entries, newest first").arg(loaded.entries.size()));
        emit this->loaded(int(loaded.entries.size()));
    });
    watcher->setFuture(QtConcurrent::run(load, workspaceDir, sync, key));
}

} // namespace sluice::ui
