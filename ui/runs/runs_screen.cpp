#include "runs/runs_screen.h"

#include "runs/record_history.h"
#include "shell/workspace_document.h"
#include "store/state_store.h"

#include "shell/icons.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace sluice::ui {

namespace {

struct History
{
    QString error;
    QList<store::RunRecord> runs;
    QHash<QString, QList<store::StateStore::Rejection>> heldByRun;
};

History load(const QString &path, const QStringList &syncs)
{
    History h;
    auto store = store::StateStore::open(path);
    if (!store) {
        h.error = store.error().message;
        return h;
    }
    h.runs = store.value()->runs({}, 500);
    for (const QString &sync : syncs)
        for (const store::StateStore::Rejection &r : store.value()->rejections(sync, true))
            h.heldByRun[r.runId].append(r);
    return h;
}

QTableWidgetItem *item(const QString &text)
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(i->flags() & ~Qt::ItemIsEditable);
    return i;
}

} // namespace

RunsScreen::RunsScreen(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_runs(new QTableWidget(0, 9, this)), m_held(new QTableWidget(0, 4, this)), m_status(new QLabel(this)),
      m_detail(new QLabel(this)), m_heldEmpty(new QLabel(m_held->viewport()))
{
    auto *title = new QLabel(tr("Runs"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setIcon(sluiceIcon(QStringLiteral("sluice-retry")));
    m_runs->setHorizontalHeaderLabels({tr("Started (UTC)"), tr("Sync"), tr("Status"), tr("Delivered"), tr("Rejected"), tr("Invalid"),
                                       tr("Changes (+ ~ −)"), tr("Freshness lag"), tr("Notes")});
    m_runs->horizontalHeader()->setSectionResizeMode(8, QHeaderView::Stretch);
    m_runs->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_runs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_runs->verticalHeader()->hide();
    m_runs->setAlternatingRowColors(true);
    m_held->setHorizontalHeaderLabels({tr("Key"), tr("Kind"), tr("Attempts"), tr("Reason")});
    m_held->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_held->verticalHeader()->hide();
    m_held->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_status->setObjectName(QStringLiteral("status"));
    m_runs->setObjectName(QStringLiteral("runsTable"));
    m_held->setObjectName(QStringLiteral("heldTable"));

    m_detail->setObjectName(QStringLiteral("runDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_heldEmpty->setObjectName(QStringLiteral("heldEmpty"));
    m_heldEmpty->setWordWrap(true);
    m_heldEmpty->setAlignment(Qt::AlignCenter);
    m_heldEmpty->setMinimumWidth(420);
    m_heldEmpty->setForegroundRole(QPalette::PlaceholderText);
    auto *emptyLayout = new QVBoxLayout(m_held->viewport());
    emptyLayout->addWidget(m_heldEmpty, 0, Qt::AlignCenter);
    m_heldEmpty->setText(tr("Choose a run to see its stages and the records it held back."));

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 4, 0, 0);
    lowerLayout->addWidget(m_detail);
    lowerLayout->addWidget(m_held, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_runs);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch();
    top->addWidget(m_status);
    top->addWidget(refreshButton);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(refreshButton, &QPushButton::clicked, this, &RunsScreen::refresh);
    connect(m_runs, &QTableWidget::currentCellChanged, this, [this](int row) { showRejections(row); });
    // A held record's whole story: every run that sent it or held it back.
    connect(m_held, &QTableWidget::cellActivated, this, [this](int row) {
        const int run = m_runs->currentRow();
        if (run < 0 || !m_held->item(row, 0) || !m_runs->item(run, 1))
            return;
        auto *dialog = new RecordHistoryDialog(m_document->workspace().dir(), m_runs->item(run, 1)->text(), m_held->item(row, 0)->text(), this);
        dialog->show();
    });
    m_held->setToolTip(tr("Double-click a record to see its history"));
    refresh();
}

void RunsScreen::refresh()
{
    const quint64 generation = ++m_generation;
    const QString path = m_document->workspace().stateDbPath();
    const QStringList syncs = m_document->workspace().config().syncs.keys();
    auto *watcher = new QFutureWatcher<History>(this);
    connect(watcher, &QFutureWatcher<History>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const History h = watcher->result();
        if (!h.error.isEmpty()) {
            m_status->setText(h.error);
            return;
        }
        const QLocale locale;
        m_runs->setRowCount(int(h.runs.size()));
        for (int i = 0; i < h.runs.size(); ++i) {
            const store::RunRecord &r = h.runs[i];
            const QJsonObject c = r.counts;
            QStringList notes;
            if (!r.error.isEmpty())
                notes.append(r.error);
            if (r.metrics.contains(QStringLiteral("schema_drift")))
                notes.append(tr("schema drift: %1").arg(QString::fromUtf8(QJsonDocument(r.metrics.value(QStringLiteral("schema_drift")).toObject())
                                                                                .toJson(QJsonDocument::Compact))));
            const double lag = r.metrics.value(QStringLiteral("freshness_lag_s")).toDouble(-1);
            m_runs->setItem(i, 0, item(r.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
            m_runs->item(i, 0)->setData(Qt::UserRole, r.id);
            m_runs->setItem(i, 1, item(r.sync));
            m_runs->setItem(i, 2, item(r.status));
            m_runs->item(i, 2)->setForeground(r.status == QLatin1String("succeeded") ? QColor(0x1c, 0x7c, 0x3c)
                                              : r.status == QLatin1String("partial") ? QColor(0x9a, 0x4d, 0x00)
                                                                                      : QColor(0xb3, 0x26, 0x1e));
            m_runs->setItem(i, 3, item(locale.toString(c.value(QStringLiteral("delivered")).toInteger())));
            m_runs->setItem(i, 4, item(locale.toString(c.value(QStringLiteral("rejected")).toInteger())));
            m_runs->setItem(i, 5, item(locale.toString(c.value(QStringLiteral("invalid")).toInteger())));
            m_runs->setItem(i, 6, item(QStringLiteral("+%1 ~%2 −%3")
                                           .arg(locale.toString(c.value(QStringLiteral("added")).toInteger()),
                                                locale.toString(c.value(QStringLiteral("changed")).toInteger()),
                                                locale.toString(c.value(QStringLiteral("removed")).toInteger()))));
            m_runs->setItem(i, 7, item(lag < 0 ? QString() : lag < 3600 ? tr("%1 min").arg(qint64(lag / 60)) : tr("%1 h").arg(lag / 3600, 0, 'f', 1)));
            m_runs->setItem(i, 8, item(notes.join(QStringLiteral("; "))));
        }
        for (int c = 0; c < 8; ++c)
            m_runs->resizeColumnToContents(c);
        m_metricsByRun.clear();
        for (const store::RunRecord &r : h.runs)
            m_metricsByRun.insert(r.id, r.metrics);
        m_heldByRun.clear();
        for (auto it = h.heldByRun.begin(); it != h.heldByRun.end(); ++it)
            for (const auto &r : it.value())
                m_heldByRun[it.key()].append({r.key, r.kind, QString::number(r.attempts), r.reason});
        m_status->setText(tr("%n run(s)", nullptr, int(h.runs.size())));
        // The newest run chosen, and shown even when it was already the current row.
        if (!h.runs.isEmpty())
            m_runs->setCurrentCell(0, 0);
        showRejections(m_runs->currentRow());
        emit refreshed(int(h.runs.size()));
    });
    watcher->setFuture(QtConcurrent::run([path, syncs] { return load(path, syncs); }));
}

void RunsScreen::showRejections(int row)
{
    m_held->setRowCount(0);
    if (row < 0 || !m_runs->item(row, 0)) {
        m_detail->clear();
        m_heldEmpty->setText(tr("Choose a run to see its stages and the records it held back."));
        m_heldEmpty->show();
        return;
    }
    const QString run = m_runs->item(row, 0)->data(Qt::UserRole).toString();
    m_detail->setText(tr("Run %1: %2").arg(run, detailOf(m_metricsByRun.value(run))));
    const QList<QStringList> held = m_heldByRun.value(run);
    m_held->setRowCount(int(qMin<qsizetype>(held.size(), 2000)));
    for (int i = 0; i < m_held->rowCount(); ++i)
        for (int c = 0; c < 4; ++c)
            m_held->setItem(i, c, item(held[i][c]));
    m_heldEmpty->setText(tr("Nothing held back: every record this run planned reached the destination, or the run stopped before sending."));
    m_heldEmpty->setVisible(held.isEmpty());
}

QString RunsScreen::detailOf(const QJsonObject &metrics) const
{
    const QLocale locale;
    const QJsonObject timings = metrics.value(QStringLiteral("timings")).toObject();
    // The stages in the order a run goes through them.
    const std::pair<const char *, const char *> stages[] = {
        {"check_ms", QT_TR_NOOP("checks")},          {"state_load_ms", QT_TR_NOOP("state read")}, {"diff_ms", QT_TR_NOOP("diff")},
        {"extract_map_ms", QT_TR_NOOP("read and map")}, {"deliver_ms", QT_TR_NOOP("delivery")},  {"state_commit_ms", QT_TR_NOOP("state saved")},
    };
    QStringList parts;
    for (const auto &[key, label] : stages)
        if (timings.contains(QLatin1String(key)))
            parts.append(tr("%1 %2 ms").arg(tr(label), locale.toString(timings.value(QLatin1String(key)).toInteger())));
    QStringList sentences;
    if (metrics.contains(QStringLiteral("model_rows")))
        sentences.append(tr("%1 model rows").arg(locale.toString(metrics.value(QStringLiteral("model_rows")).toInteger())));
    if (timings.contains(QStringLiteral("rows_extracted")))
        sentences.append(tr("%1 read out of the warehouse").arg(locale.toString(timings.value(QStringLiteral("rows_extracted")).toInteger())));
    if (metrics.contains(QStringLiteral("bytes_billed")))
        sentences.append(tr("%1 billed by the warehouse").arg(locale.formattedDataSize(metrics.value(QStringLiteral("bytes_billed")).toInteger())));
    if (!parts.isEmpty())
        sentences.append(tr("stages: %1").arg(parts.join(QStringLiteral(" · "))));
    if (timings.contains(QStringLiteral("total_ms")))
        sentences.append(tr("%1 ms in all").arg(locale.toString(timings.value(QStringLiteral("total_ms")).toInteger())));
    return sentences.isEmpty() ? tr("no measures recorded") : sentences.join(QStringLiteral("; "));
}

} // namespace sluice::ui
