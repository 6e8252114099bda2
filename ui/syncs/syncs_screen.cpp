#include "syncs/syncs_screen.h"

#include "engine/sync_job.h"
#include "shell/workspace_document.h"
#include "store/state_store.h"
#include "runs/rejection_browser.h"
#include "shell/icons.h"
#include "syncs/sync_editor.h"

#include <QFutureWatcher>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace sluice::ui {

namespace {

// A progress bar shown only while a plan or run is under way; its room is kept so nothing moves.
void hideUntilBusy(QProgressBar *bar)
{
    bar->setRange(0, 1);
    bar->setValue(0);
    bar->setTextVisible(false);
    QSizePolicy keep = bar->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    bar->setSizePolicy(keep);
    bar->hide();
}

const char *countKeys[] = {"added", "changed", "removed", "unchanged", "excluded", "invalid", "delivered", "rejected"};

} // namespace

SyncsScreen::SyncsScreen(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent),
      m_document(document),
      m_list(new QListWidget(this)),
      m_details(new QLabel(this)),
      m_plan(new QPushButton(tr("Plan"), this)),
      m_run(new QPushButton(tr("Run now"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_backfill(new QPushButton(tr("Backfill…"), this)),
      m_progress(new QProgressBar(this)),
      m_status(new QLabel(this)),
      m_counts(new QGridLayout),
      m_held(new QTableWidget(0, 3, this)),
    m_new(new QPushButton(tr("New sync…"), this)),
    m_edit(new QPushButton(tr("Edit…"), this)),
    m_heldButton(new QPushButton(tr("Held back…"), this))
{
    m_plan->setIcon(sluiceIcon(QStringLiteral("sluice-plan")));
    m_cancel->setIcon(sluiceIcon(QStringLiteral("sluice-stop")));
    m_new->setIcon(sluiceIcon(QStringLiteral("sluice-add")));
    m_heldButton->setIcon(sluiceIcon(QStringLiteral("sluice-filter")));
    auto *title = new QLabel(tr("Syncs"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    m_list->setMaximumWidth(240);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hideUntilBusy(m_progress);
    m_cancel->setEnabled(false);
    m_held->setHorizontalHeaderLabels({tr("Key"), tr("Held back as"), tr("Reason")});
    m_held->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_held->verticalHeader()->hide();
    m_held->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_held->setAlternatingRowColors(true);
    m_heldEmpty = new QLabel(m_held->viewport());
    m_heldEmpty->setObjectName(QStringLiteral("heldEmpty"));
    m_heldEmpty->setWordWrap(true);
    m_heldEmpty->setAlignment(Qt::AlignCenter);
    m_heldEmpty->setMinimumWidth(520);
    m_heldEmpty->setForegroundRole(QPalette::PlaceholderText);
    auto *emptyLayout = new QVBoxLayout(m_held->viewport());
    emptyLayout->addWidget(m_heldEmpty, 0, Qt::AlignCenter);
    setHeldEmptyText(tr("Records a run holds back, invalid before sending or refused by the destination, appear here with the reason."));

    buildCounts();

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_details);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_edit);
    buttons->addSpacing(12);
    buttons->addWidget(m_plan);
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_backfill);
    buttons->addStretch();
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_progress);
    rightLayout->addWidget(m_status);
    m_countsBox = new QWidget(right);
    m_countsBox->setLayout(m_counts);
    m_counts->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_countsBox);
    buildSamples(right);
    rightLayout->addWidget(m_samplesBox);
    rightLayout->addWidget(new QLabel(tr("Records held back (invalid before sending, or rejected by the destination)"), right));
    rightLayout->addWidget(m_held, 1);
    auto *heldBar = new QHBoxLayout;
    heldBar->addStretch();
    heldBar->addWidget(m_heldButton);
    rightLayout->addLayout(heldBar);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_new);
    left->setMaximumWidth(240);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(splitter, 1);

    connectActions();
    reload();
}

SyncsScreen::~SyncsScreen() = default;

// The buttons' icons, tips and shortcuts, and what each one does.
void SyncsScreen::connectActions()
{
    connect(m_list, &QListWidget::currentTextChanged, this, &SyncsScreen::showSync);
    connect(m_plan, &QPushButton::clicked, this, &SyncsScreen::planCurrent);
    connect(m_run, &QPushButton::clicked, this, &SyncsScreen::runCurrent);
    connect(m_cancel, &QPushButton::clicked, this, &SyncsScreen::cancel);
    m_backfill->setIcon(sluiceIcon(QStringLiteral("sluice-backfill")));
    m_edit->setIcon(sluiceIcon(QStringLiteral("sluice-mapping")));
    m_run->setIcon(sluiceIcon(QStringLiteral("sluice-sync")));
    m_backfill->setToolTip(tr("Send every record again, including those the destination has (Ctrl+Shift+R); asks first"));
    m_backfill->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_backfill, &QPushButton::clicked, this, &SyncsScreen::confirmBackfill);
    connect(m_new, &QPushButton::clicked, this, [this] { openEditor({}); });
    m_heldButton->setToolTip(tr("Browse every record this sync holds back: filter by reason, search by key, export, retry"));
    connect(m_heldButton, &QPushButton::clicked, this, [this] {
        if (m_list->currentItem())
            openRejections(m_list->currentItem()->text());
    });
    connect(m_edit, &QPushButton::clicked, this, [this] {
        if (m_list->currentItem())
            openEditor(m_list->currentItem()->text());
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) { openEditor(item->text()); });
    connect(m_document, &WorkspaceDocument::changed, this, &SyncsScreen::reload);
}

void SyncsScreen::buildCounts()
{
    const QStringList countTitles{tr("Added"), tr("Changed"), tr("Removed"), tr("Unchanged"),
                                  tr("Excluded (no consent)"), tr("Invalid"), tr("Delivered"), tr("Rejected")};
    for (int i = 0; i < countTitles.size(); ++i) {
        auto *caption = new QLabel(countTitles[i], this);
        auto *value = new QLabel(QStringLiteral("0"), this);
        value->setObjectName(QStringLiteral("count_") + QLatin1String(countKeys[i]));
        value->setStyleSheet(QStringLiteral("font-size: 18px; font-weight: 600;"));
        m_counts->addWidget(value, 0, i);
        m_counts->addWidget(caption, 1, i);
        m_countLabels.append(value);
    }
}

RejectionBrowser *SyncsScreen::openRejections(const QString &name)
{
    auto *browser = new RejectionBrowser(m_document->workspace().dir(), name, this);
    browser->setAttribute(Qt::WA_DeleteOnClose);
    connect(browser, &RejectionBrowser::retryRequested, this, [this, browser](const QString &sync) {
        const auto found = m_list->findItems(sync, Qt::MatchExactly);
        if (found.isEmpty() || m_job)
            return;
        m_list->setCurrentItem(found.first());
        runCurrent();
        connect(this, &SyncsScreen::jobFinished, browser, &RejectionBrowser::reload, Qt::SingleShotConnection);
    });
    browser->show();
    return browser;
}

SyncEditor *SyncsScreen::openEditor(const QString &name)
{
    auto *editor = new SyncEditor(m_document, name, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor] {
        const auto found = m_list->findItems(editor->syncName(), Qt::MatchExactly);
        if (!found.isEmpty())
            m_list->setCurrentItem(found.first());
    });
    editor->open();
    return editor;
} // m_job, a child, waits for its run to stop

void SyncsScreen::reload()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    m_list->clear();
    for (const QString &name : m_document->workspace().config().syncs.keys())
        m_list->addItem(name);
    const auto found = m_list->findItems(current, Qt::MatchExactly);
    m_list->setCurrentRow(found.isEmpty() ? 0 : m_list->row(found.first()));
    if (m_list->count() == 0) {
        m_details->setText(tr("This workspace has no syncs yet. Add one with New sync…"));
        setBusy(false);
        for (QPushButton *b : {m_plan, m_run, m_backfill, m_edit, m_heldButton})
            b->setEnabled(false);
    } else if (!m_job) {
        setBusy(false); // the first sync of a workspace: its actions come alive
        m_edit->setEnabled(true);
        m_heldButton->setEnabled(true);
    }
}

void SyncsScreen::showSync(const QString &name)
{
    const auto &syncs = m_document->workspace().config().syncs;
    if (!syncs.contains(name))
        return;
    const workspace::SyncConfig &s = syncs.value(name);
    const workspace::DestinationConfig d = m_document->workspace().config().destinations.value(s.destination);
    m_details->setText(tr("Model %1 → destination %2 (%3)%4\nMode: %5 · diff: %6 · %n field(s) mapped%7", nullptr, int(s.fields.size()))
                           .arg(s.model, s.destination, d.type, s.object.isEmpty() ? QString() : tr(", object %1").arg(s.object), toString(s.mode), toString(s.diff),
                                s.consentColumn.isEmpty() ? QString() : tr(" · consent column %1").arg(s.consentColumn)));
    loadLastRun(name);
}

void SyncsScreen::showCounts(const QList<qint64> &values)
{
    const QLocale locale;
    for (int i = 0; i < m_countLabels.size(); ++i)
        m_countLabels[i]->setText(locale.toString(values.value(i)));
    m_countsBox->show();
}

void SyncsScreen::loadLastRun(const QString &name)
{
    const quint64 generation = ++m_lastRunGeneration;
    const QString path = m_document->workspace().stateDbPath();
    auto *watcher = new QFutureWatcher<std::optional<store::RunRecord>>(this);
    connect(watcher, &QFutureWatcher<std::optional<store::RunRecord>>::finished, this, [this, watcher, generation, name] {
        watcher->deleteLater();
        if (generation != m_lastRunGeneration || m_job)
            return; // another sync was chosen, or a run began: its own words win
        const std::optional<store::RunRecord> last = watcher->result();
        m_held->setRowCount(0);
        m_samplesBox->hide(); // a plan's samples belong to the sync they were planned for
        if (!last) {
            setHeldEmptyText(tr("Records a run holds back, invalid before sending or refused by the destination, appear here with the reason."));
            m_countsBox->hide();
            m_status->setText(tr("Not run yet. Plan shows what a run would send and sends nothing; Run now sends it."));
            return;
        }
        QList<qint64> values;
        for (const char *key : countKeys)
            values.append(last->counts.value(QLatin1String(key)).toInteger());
        showCounts(values);
        const qint64 heldBack = values.value(5) + values.value(7);
        setHeldEmptyText(heldBack == 0 ? tr("Nothing held back by run %1: every record it planned was delivered.").arg(last->id)
                                       : tr("Run %1 held back %n record(s): Held back… lists them with the destination's words.", nullptr, int(heldBack)).arg(last->id));
        const QString when = QLocale().toString(last->finishedAt.isValid() ? last->finishedAt.toLocalTime() : last->startedAt.toLocalTime(), QLocale::ShortFormat);
        const QString text = last->status == QLatin1String("succeeded") ? tr("Last run %1 succeeded (%2): every planned record was delivered.").arg(last->id, when)
                             : last->status == QLatin1String("partial") ? tr("Last run %1 was partial (%2): some records were held back; Held back… lists them.").arg(last->id, when)
                             : last->status == QLatin1String("failed")  ? tr("Last run %1 failed (%2): %3").arg(last->id, when, last->error)
                                                                        : tr("Last run %1: %2 (%3)").arg(last->id, last->status, when);
        m_status->setText(text);
    });
    watcher->setFuture(QtConcurrent::run([path, name]() -> std::optional<store::RunRecord> {
        if (!QFileInfo::exists(path))
            return std::nullopt;
        auto store = store::StateStore::open(path);
        if (!store)
            return std::nullopt;
        const QList<store::RunRecord> runs = store.value()->runs(name, 1);
        return runs.isEmpty() ? std::nullopt : std::optional<store::RunRecord>(runs.first());
    }));
}

void SyncsScreen::confirmBackfill()
{
    if (m_job || !m_list->currentItem())
        return;
    const QString name = m_list->currentItem()->text();
    const workspace::Workspace ws = m_document->workspace();
    m_backfill->setEnabled(false);
    // What the destination holds and how many rows the model had, read off the UI thread.
    auto *watcher = new QFutureWatcher<QPair<qint64, qint64>>(this);
    connect(watcher, &QFutureWatcher<QPair<qint64, qint64>>::finished, this, [this, watcher, name, ws] {
        watcher->deleteLater();
        m_backfill->setEnabled(!m_job);
        const auto [modelRows, held] = watcher->result();
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Send everything again?"), backfillMessage(ws, name, modelRows, held), QMessageBox::Cancel, this);
        box->setObjectName(QStringLiteral("backfillConfirmation"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *send = box->addButton(modelRows > 0 ? tr("Send %1 records").arg(QLocale().toString(modelRows)) : tr("Send every record"),
                                           QMessageBox::AcceptRole);
        box->setDefaultButton(QMessageBox::Cancel);
        connect(box, &QMessageBox::buttonClicked, this, [this, send, name](QAbstractButton *clicked) {
            const auto found = m_list->findItems(name, Qt::MatchExactly);
            if (clicked == send && !found.isEmpty()) {
                m_list->setCurrentItem(found.first());
                start(false, true);
            }
        });
        box->open();
    });
    watcher->setFuture(QtConcurrent::run([ws, name]() -> QPair<qint64, qint64> {
        auto store = store::StateStore::open(ws.stateDbPath());
        if (!store)
            return {-1, -1};
        const QList<store::RunRecord> last = store.value()->runs(name, 1);
        const qint64 rows = last.isEmpty() ? -1 : qint64(last.first().metrics.value(QStringLiteral("model_rows")).toDouble(-1));
        qint64 held = 0;
        store.value()->forEachRecordState(name, [&](quint64, QByteArrayView) { ++held; });
        return {rows, held};
    }));
}

QString SyncsScreen::backfillMessage(const workspace::Workspace &ws, const QString &name, qint64 modelRows, qint64 held)
{
    const QLocale locale;
    const workspace::SyncConfig s = ws.config().syncs.value(name);
    const workspace::DestinationConfig d = ws.config().destinations.value(s.destination);
    const QString where = s.object.isEmpty() ? tr("%1 (%2)").arg(s.destination, d.type) : tr("%1 of %2 (%3)").arg(s.object, s.destination, d.type);
    QString text = modelRows >= 0 ? tr("Backfill sends all %1 rows of %2 (as many as its last run read) to %3, including the %4 records the destination already has.")
                                        .arg(locale.toString(modelRows), s.model, where, locale.toString(std::max<qint64>(held, 0)))
                                  : tr("Backfill sends every row of %1 to %2; the sync has not run before.").arg(s.model, where);
    if (!s.consentColumn.isEmpty())
        text += QLatin1Char(' ') + tr("Rows without consent (%1) stay out.").arg(s.consentColumn);
    switch (s.mode) {
    case SyncMode::Upsert: text += QLatin1Char('\n') + tr("Mode upsert: records are updated or created; none are deleted."); break;
    case SyncMode::Update: text += QLatin1Char('\n') + tr("Mode update: only records the destination has are updated."); break;
    case SyncMode::Insert: text += QLatin1Char('\n') + tr("Mode insert: only records the destination lacks are created; the others are left as they are."); break;
    case SyncMode::Mirror: text += QLatin1Char('\n') + tr("Mode mirror: records are updated or created, and those that left the model are removed."); break;
    case SyncMode::Append: text += QLatin1Char('\n') + tr("Mode append: every row is appended again."); break;
    }
    return text;
}

void SyncsScreen::start(bool planOnly, bool fullResync)
{
    if (m_job || !m_list->currentItem())
        return;
    engine::SyncJob::Params params{m_document->workspace(), m_list->currentItem()->text(), fullResync, planOnly};
    m_job = new engine::SyncJob(params, this);
    connect(m_job, &engine::SyncJob::progress, this,
            [this](const QString &stage, qint64 done, qint64 total, double rate, qint64 eta) {
                const QLocale locale;
                if (total > 0) {
                    m_progress->setRange(0, 1000);
                    m_progress->setValue(int(done * 1000 / total));
                } else {
                    m_progress->setRange(0, 0); // unknown: busy
                }
                QString text = stage == QLatin1String("deliver")  ? tr("Delivering %1 of %2 records").arg(locale.toString(done), locale.toString(total))
                               : stage == QLatin1String("extract") ? tr("Reading the model: %1 rows").arg(locale.toString(done))
                               : stage == QLatin1String("state")   ? tr("Reading what was sent before")
                               : stage == QLatin1String("diff")    ? tr("Comparing with what was sent")
                                                                   : tr("Saving the sync's state");
                if (done > 0)
                    text += tr(" · %1 records/s").arg(locale.toString(qint64(rate)));
                if (eta >= 0)
                    text += tr(" · about %n s left", nullptr, int(eta));
                m_status->setText(text);
            });
    connect(m_job, &engine::SyncJob::delivering, this, [this](qint64 delivered, qint64 rejected) {
        m_countLabels[6]->setText(QLocale().toString(delivered));
        m_countLabels[7]->setText(QLocale().toString(rejected));
    });
    connect(m_job, &engine::SyncJob::planned, this, [this](const QList<qint64> &counts) {
        showCounts(counts + QList<qint64>{0, 0}); // delivered and rejected as they stand before sending
    });
    connect(m_job, &engine::SyncJob::finished, this, [this](const engine::RunSummary &summary) {
        showSummary(summary);
        m_job->deleteLater();
        m_job = nullptr;
        setBusy(false);
        emit jobFinished(summary);
    });
    connect(m_job, &engine::SyncJob::failed, this, [this](const QString &message, int) {
        m_status->setText(message);
        m_job->deleteLater();
        m_job = nullptr;
        setBusy(false);
        emit jobFinished(engine::RunSummary());
    });
    m_status->setText(planOnly ? tr("Planning…") : fullResync ? tr("Backfilling…") : tr("Running…"));
    m_countsBox->hide(); // until this run's plan is made: the last run's counts are not this one's
    m_samplesBox->hide();
    m_held->setRowCount(0);
    setHeldEmptyText(tr("What this run holds back appears here when it ends."));
    setBusy(true);
    m_job->start();
}

void SyncsScreen::cancel()
{
    if (m_job)
        m_job->requestInterruption();
}

void SyncsScreen::setBusy(bool busy)
{
    m_plan->setEnabled(!busy);
    m_run->setEnabled(!busy);
    m_backfill->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_list->setEnabled(!busy);
    m_progress->setRange(0, 0);
    m_progress->setVisible(busy);
}

void SyncsScreen::showSummary(const engine::RunSummary &summary)
{
    const QLocale locale;
    const engine::Counts &c = summary.counts;
    const qint64 values[] = {c.added, c.changed, c.removed, c.unchanged, c.excluded, c.invalid, c.delivered, c.rejected};
    for (int i = 0; i < m_countLabels.size(); ++i)
        m_countLabels[i]->setText(locale.toString(values[i]));
    m_countsBox->show();
    QString text;
    switch (summary.status) {
    case RunStatus::Planned: text = tr("Planned: %n operation(s) would be sent; nothing was sent.", nullptr, int(summary.operations)); break;
    case RunStatus::Succeeded: text = tr("Run %1 succeeded: every planned record was delivered.").arg(summary.runId); break;
    case RunStatus::Partial: text = tr("Run %1 is partial: some records were held back; they are retried by the next run.").arg(summary.runId); break;
    case RunStatus::Running:
    case RunStatus::Failed: text = tr("Run %1 failed: %2").arg(summary.runId, summary.error); break;
    }
    // An audience: how many rows carry each identifier (before sending), and
    // what the platform said of what it received (after).
    QStringList coverage;
    for (auto it = summary.coverage.begin(); it != summary.coverage.end(); ++it) {
        const qint64 valid = it.value().toObject().value(QStringLiteral("valid")).toInteger();
        const qint64 all = valid + it.value().toObject().value(QStringLiteral("missing")).toInteger();
        coverage.append(tr("%1 %2 of %3 (%4 %)").arg(it.key(), locale.toString(valid), locale.toString(all))
                            .arg(locale.toString(all > 0 ? 100.0 * double(valid) / double(all) : 0.0, 'f', 1)));
    }
    if (!coverage.isEmpty())
        text += QLatin1Char('\n') + tr("Identifier coverage: %1").arg(coverage.join(QStringLiteral(" · ")));
    QStringList reported;
    for (auto it = summary.match.begin(); it != summary.match.end(); ++it)
        if (!it.key().startsWith(QLatin1String("match_rate_")))
            reported.append(tr("%1 %2").arg(it.key(), locale.toString(it.value().toInteger())));
    if (summary.match.contains(QStringLiteral("match_rate_low_pct")))
        reported.append(tr("matched %1–%2 %").arg(summary.match.value(QStringLiteral("match_rate_low_pct")).toInteger())
                            .arg(summary.match.value(QStringLiteral("match_rate_high_pct")).toInteger()));
    if (!reported.isEmpty())
        text += QLatin1Char('\n') + tr("The destination reported: %1").arg(reported.join(QStringLiteral(" · ")));
    m_status->setText(text);
    m_status->setObjectName(QStringLiteral("syncStatus"));
    showSamples(summary);
    const int shown = int(qMin<qsizetype>(summary.held.size(), 1000));
    m_held->setRowCount(shown);
    for (int i = 0; i < shown; ++i) {
        const engine::HeldRecord &h = summary.held[i];
        m_held->setItem(i, 0, new QTableWidgetItem(h.key));
        m_held->setItem(i, 1, new QTableWidgetItem(h.kind == HeldKind::Rejected ? tr("rejected") : tr("invalid")));
        m_held->setItem(i, 2, new QTableWidgetItem(h.reason));
    }
    setHeldEmptyText(summary.status == RunStatus::Planned ? tr("Nothing would be held back: every row of the model makes a valid record.")
                     : summary.status == RunStatus::Failed ? tr("The run failed before any record was held back: %1").arg(summary.error)
                                                           : tr("Nothing held back: every record of run %1 was delivered.").arg(summary.runId));
}

void SyncsScreen::buildSamples(QWidget *parent)
{
    m_samplesBox = new QWidget(parent);
    auto *layout = new QVBoxLayout(m_samplesBox);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("What the plan would send first (the destination receives these fields)"), m_samplesBox));
    m_samples = new QTableWidget(0, 3, m_samplesBox);
    m_samples->setObjectName(QStringLiteral("planSamples"));
    m_samples->setHorizontalHeaderLabels({tr("Operation"), tr("Key"), tr("Fields")});
    m_samples->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_samples->verticalHeader()->hide();
    m_samples->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_samples->setAlternatingRowColors(true);
    m_samples->setFixedHeight(m_samples->horizontalHeader()->sizeHint().height() + 5 * m_samples->verticalHeader()->defaultSectionSize() + 4);
    layout->addWidget(m_samples);
    m_samplesBox->hide();
}

void SyncsScreen::showSamples(const engine::RunSummary &summary)
{
    m_samples->setRowCount(int(summary.samples.size()));
    for (int i = 0; i < m_samples->rowCount(); ++i) {
        const QJsonObject s = summary.samples.at(i).toObject();
        m_samples->setItem(i, 0, new QTableWidgetItem(s.value(QStringLiteral("op")).toString()));
        m_samples->setItem(i, 1, new QTableWidgetItem(s.value(QStringLiteral("key")).toString()));
        const QJsonObject fields = s.value(QStringLiteral("fields")).toObject();
        auto *sent = new QTableWidgetItem(fields.isEmpty() ? tr("(removed)") : QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
        sent->setToolTip(fields.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Indented)));
        m_samples->setItem(i, 2, sent);
    }
    m_samplesBox->setVisible(summary.status == RunStatus::Planned && !summary.samples.isEmpty());
}

void SyncsScreen::setHeldEmptyText(const QString &text)
{
    m_heldEmpty->setText(text);
    m_heldEmpty->setVisible(m_held->rowCount() == 0);
}

} // namespace sluice::ui
