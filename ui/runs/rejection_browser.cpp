#include "runs/rejection_browser.h"

#include "destination/csv_format.h"
#include "runs/record_history.h"
#include "shell/workspace_state.h"

#include "shell/icons.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace sluice::ui {

RejectionsModel::RejectionsModel(QObject *parent) : QAbstractTableModel(parent) {}

QString RejectionsModel::pattern(const QString &reason)
{
    static const QRegularExpression quoted(QStringLiteral("\"[^\"]*\"|“[^”]*”|'[^']*'"));
    static const QRegularExpression number(QStringLiteral("\\b\\d+(\\.\\d+)?\\b"));
    QString p = reason;
    p.replace(quoted, QStringLiteral("…"));
    p.replace(number, QStringLiteral("N"));
    return p.trimmed();
}

void RejectionsModel::setRejections(const QList<store::StateStore::Rejection> &rejections)
{
    beginResetModel();
    m_rows = rejections;
    m_patterns.clear();
    for (const store::StateStore::Rejection &r : m_rows)
        m_patterns.append(pattern(r.reason));
    endResetModel();
}

int RejectionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RejectionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns;
}

QVariant RejectionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::StateStore::Rejection &r = m_rows.at(index.row());
    if (role == PatternRole)
        return m_patterns.at(index.row());
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Key: return r.key;
    case Kind: return r.kind == QLatin1String("invalid") ? tr("invalid (not sent)") : tr("rejected by the destination");
    case Reason: return r.reason;
    case Run: return r.runId;
    case Attempts: return r.attempts;
    case FirstSeen: return QLocale().toString(r.firstSeen.toUTC(), QLocale::ShortFormat);
    default: return {};
    }
}

QVariant RejectionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Key: return tr("Key");
    case Kind: return tr("Held as");
    case Reason: return tr("Reason");
    case Run: return tr("Run");
    case Attempts: return tr("Attempts");
    case FirstSeen: return tr("First held (UTC)");
    default: return {};
    }
}

void RejectionFilter::setPattern(const QString &pattern)
{
    m_pattern = pattern;
    invalidateFilter();
}

void RejectionFilter::setKeyText(const QString &text)
{
    m_key = text.trimmed();
    invalidateFilter();
}

bool RejectionFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex key = sourceModel()->index(row, RejectionsModel::Key, parent);
    if (!m_pattern.isEmpty() && key.data(RejectionsModel::PatternRole).toString() != m_pattern)
        return false;
    return m_key.isEmpty() || key.data().toString().contains(m_key, Qt::CaseInsensitive);
}

bool RejectionFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QString a = left.data().toString(), b = right.data().toString();
    bool aNumber = false, bNumber = false;
    const double x = a.toDouble(&aNumber), y = b.toDouble(&bNumber);
    if (aNumber && bNumber)
        return x < y;
    return QString::localeAwareCompare(a, b) < 0;
}

RejectionBrowser::RejectionBrowser(const QString &workspaceDir, const QString &sync, QWidget *parent)
    : QDialog(parent),
      m_dir(workspaceDir),
      m_sync(sync),
      m_model(new RejectionsModel(this)),
      m_filter(new RejectionFilter(this)),
      m_reasons(new QComboBox(this)),
      m_search(new QLineEdit(this)),
      m_table(new QTableView(this)),
      m_payload(new QPlainTextEdit(this)),
      m_status(new QLabel(this))
{
    setWindowTitle(tr("Records held back by sync %1").arg(sync));
    resize(1100, 640);
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(RejectionsModel::Key, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RejectionsModel::Reason, QHeaderView::Stretch);
    m_search->setPlaceholderText(tr("Search by key"));
    m_search->setClearButtonEnabled(true);
    m_payload->setReadOnly(true);
    m_payload->setPlaceholderText(tr("The payload, where the sync's PII rule lets the ledger keep it (ledger_payloads in sluice.json)."));
    auto *retry = new QPushButton(tr("Retry rejected now"), this);
    retry->setIcon(sluiceIcon(QStringLiteral("sluice-retry")));
    retry->setToolTip(tr("Run the sync now: every record held back is sent again"));
    auto *exportButton = new QPushButton(tr("Export CSV…"), this);
    exportButton->setIcon(sluiceIcon(QStringLiteral("sluice-export")));
    auto *history = new QPushButton(tr("Record history…"), this);
    history->setIcon(sluiceIcon(QStringLiteral("sluice-history")));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Reason"), this));
    bar->addWidget(m_reasons, 2);
    bar->addWidget(m_search, 1);
    bar->addWidget(history);
    bar->addWidget(exportButton);
    bar->addWidget(retry);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_payload);
    split->setStretchFactor(0, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_reasons, &QComboBox::currentIndexChanged, this, [this] { m_filter->setPattern(m_reasons->currentData().toString()); });
    connect(m_search, &QLineEdit::textChanged, m_filter, &RejectionFilter::setKeyText);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &RejectionBrowser::showPayload);
    auto openHistory = [this] {
        const QModelIndex current = m_table->currentIndex();
        const QString key = current.isValid() ? current.siblingAtColumn(RejectionsModel::Key).data().toString() : m_search->text().trimmed();
        if (!key.isEmpty())
            (new RecordHistoryDialog(m_dir, m_sync, key, this))->show();
    };
    connect(history, &QPushButton::clicked, this, openHistory);
    connect(m_table, &QTableView::doubleClicked, this, openHistory);
    connect(retry, &QPushButton::clicked, this, [this] { emit retryRequested(m_sync); });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the records held back"), m_dir + QStringLiteral("/%1-held.csv").arg(m_sync),
                                                          tr("CSV files (*.csv)"));
        QString problem;
        if (!path.isEmpty() && !exportCsv(path, &problem))
            m_status->setText(problem);
    });
    reload();
}

void RejectionBrowser::reload()
{
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Reading the records held back…"));
    using Answer = QPair<QList<store::StateStore::Rejection>, QString>;
    auto *watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcher<Answer>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Answer answer = watcher->result();
        m_model->setRejections(answer.first);
        fillReasons();
        m_status->setText(!answer.second.isEmpty() ? answer.second
                          : answer.first.isEmpty() ? tr("Sync %1 holds nothing back: every record reached the destination.").arg(m_sync)
                                                   : tr("%n record(s) held back: invalid before sending, or rejected by the destination. Each is sent again by the sync's next run.",
                                                        nullptr, int(answer.first.size())));
        emit loaded(int(answer.first.size()));
    });
    const QString dir = m_dir, sync = m_sync;
    watcher->setFuture(QtConcurrent::run([dir, sync]() -> Answer {
        WorkspaceState state = openWorkspaceState(dir);
        if (!state.store)
            return {{}, state.problem};
        return {state.store->rejections(sync, false), {}};
    }));
}

void RejectionBrowser::fillReasons()
{
    QHash<QString, int> counts;
    for (int r = 0; r < m_model->rowCount(); ++r)
        counts[m_model->index(r, 0).data(RejectionsModel::PatternRole).toString()] += 1;
    QStringList patterns = counts.keys();
    std::sort(patterns.begin(), patterns.end(), [&](const QString &a, const QString &b) { return counts[a] != counts[b] ? counts[a] > counts[b] : a < b; });
    const QSignalBlocker block(m_reasons);
    m_reasons->clear();
    m_reasons->addItem(tr("Every reason (%1)").arg(m_model->rowCount()), QString());
    for (const QString &p : patterns)
        m_reasons->addItem(tr("%1 (%2)").arg(p).arg(counts[p]), p);
    m_filter->setPattern({});
}

void RejectionBrowser::showPayload(const QModelIndex &index)
{
    m_payload->clear();
    if (!index.isValid())
        return;
    const QString key = index.siblingAtColumn(RejectionsModel::Key).data().toString();
    const QString dir = m_dir, sync = m_sync;
    auto *watcher = new QFutureWatcher<QByteArray>(this);
    connect(watcher, &QFutureWatcher<QByteArray>::finished, this, [this, watcher, key] {
        watcher->deleteLater();
        const QModelIndex current = m_table->currentIndex();
        if (!current.isValid() || current.siblingAtColumn(RejectionsModel::Key).data().toString() != key)
            return; // another row was picked meanwhile
        const QByteArray payload = watcher->result();
        m_payload->setPlainText(payload.isEmpty() ? tr("The ledger keeps no payload of record %1 (the sync's PII rule, or ledger_payloads).").arg(key)
                                                  : QString::fromUtf8(QJsonDocument::fromJson(payload).toJson(QJsonDocument::Indented)));
    });
    watcher->setFuture(QtConcurrent::run([dir, sync, key]() -> QByteArray {
        WorkspaceState state = openWorkspaceState(dir);
        if (!state.store)
            return {};
        for (const store::StateStore::LedgerEntry &e : state.store->history(sync, key, 20))
            if (!e.payload.isEmpty())
                return e.payload; // the newest kept
        return {};
    }));
}

bool RejectionBrowser::exportCsv(const QString &path, QString *problem) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (problem)
            *problem = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(destination::csv::record({QStringLiteral("key"), QStringLiteral("kind"), QStringLiteral("reason"), QStringLiteral("run_id"), QStringLiteral("attempts"),
                            QStringLiteral("first_seen")}).toUtf8() + "\r\n");
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const store::StateStore::Rejection &r = m_model->rejections().at(m_filter->mapToSource(m_filter->index(row, 0)).row());
        file.write(destination::csv::record({r.key, r.kind, r.reason, r.runId, QString::number(r.attempts), r.firstSeen.toUTC().toString(Qt::ISODate)}).toUtf8() + "\r\n");
    }
    if (!file.commit()) {
        if (problem)
            *problem = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace sluice::ui
