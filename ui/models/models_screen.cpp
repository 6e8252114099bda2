#include "models/models_screen.h"

#include "model/model_query.h"
#include "models/preview_table_model.h"
#include "models/sql_highlighter.h"
#include "shell/workspace_document.h"

#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace sluice::ui {

namespace {
constexpr int chunkSize = 200;
}

ModelsScreen::ModelsScreen(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent),
      m_document(document),
      m_list(new QListWidget(this)),
      m_source(new QLabel(this)),
      m_primaryKey(new QLineEdit(this)),
      m_sql(new QPlainTextEdit(this)),
      m_preview(new QPushButton(tr("Preview"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)),
      m_save(new QPushButton(tr("Save to sluice.json"), this)),
      m_status(new QLabel(this)),
      m_checks(new QLabel(this)),
      m_view(new QTableView(this)),
      m_table(new PreviewTableModel(this)),
      m_thread(new QThread(this)),
      m_shared(std::make_shared<PreviewWorker::Shared>()),
      m_timer(std::make_unique<QElapsedTimer>())
{
    auto *title = new QLabel(tr("Models"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    m_sql->setObjectName(QStringLiteral("sqlEditor"));
    m_sql->setLineWrapMode(QPlainTextEdit::NoWrap);
    new SqlHighlighter(m_sql->document());
    m_primaryKey->setPlaceholderText(tr("column, or columns separated by commas"));
    m_status->setObjectName(QStringLiteral("status"));
    m_checks->setWordWrap(true);
    m_checks->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setModel(m_table);
    m_view->setAlternatingRowColors(true);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->verticalHeader()->setDefaultSectionSize(22);
    m_list->setMaximumWidth(200);
    m_cancel->setEnabled(false);

    auto *editor = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(editor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    form->addRow(tr("Source:"), m_source);
    form->addRow(tr("Primary key:"), m_primaryKey);
    editorLayout->addLayout(form);
    editorLayout->addWidget(m_sql, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_preview);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);
    buttons->addWidget(m_status, 1);
    editorLayout->addLayout(buttons);
    editorLayout->addWidget(m_checks);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(editor);
    vertical->addWidget(m_view);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 4);
    vertical->setSizes({240, 620});
    auto *horizontal = new QSplitter(this);
    horizontal->addWidget(m_list);
    horizontal->addWidget(vertical);
    horizontal->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(horizontal, 1);

    m_worker = new PreviewWorker(m_document->workspace(), m_shared);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();

    connect(m_worker, &PreviewWorker::columnsReady, m_table, &PreviewTableModel::setColumns);
    connect(m_worker, &PreviewWorker::rowsReady, this, [this](quint64 generation, const QList<source::Row> &rows, bool more) {
        if (generation != m_table->generation())
            return;
        if (m_firstRowsMs < 0)
            m_firstRowsMs = m_timer->elapsed();
        m_table->appendRows(generation, rows, more);
        updateStatus();
    });
    connect(m_worker, &PreviewWorker::checksReady, this,
            [this](quint64 generation, const model::KeyCheck &checks, qint64 elapsedMs) {
                if (generation != m_table->generation())
                    return;
                m_table->setTotalRows(generation, checks.rowCount);
                const QString name = m_list->currentItem() ? m_list->currentItem()->text() : QString();
                if (checks.ok()) {
                    m_checks->setObjectName(QStringLiteral("checkOk"));
                    m_checks->setText(tr("✓ Primary key %1 is present, never NULL and unique over %2 rows (checked in "
                                         "the warehouse in %3 ms).")
                                          .arg(checks.primaryKey.join(QStringLiteral(", ")),
                                               QLocale().toString(checks.rowCount))
                                          .arg(elapsedMs));
                } else {
                    m_checks->setObjectName(QStringLiteral("checkBad"));
                    m_checks->setText(QStringLiteral("✗ ") + checks.problems(name).join(QStringLiteral("\n✗ ")));
                }
                m_checks->style()->polish(m_checks);
                setBusy(false);
                updateStatus();
                emit previewSettled();
            });
    connect(m_worker, &PreviewWorker::failed, this, [this](quint64 generation, const QString &message) {
        if (generation != m_table->generation())
            return;
        m_table->fetchFailed(generation);
        m_checks->setObjectName(QStringLiteral("checkBad"));
        m_checks->setText(message);
        m_checks->style()->polish(m_checks);
        setBusy(false);
        m_status->setText(tr("Preview failed"));
        emit previewSettled();
    });
    connect(m_table, &PreviewTableModel::fetchRequested, this, [this](quint64 generation, qint64 offset) {
        PreviewWorker *worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker, generation, offset] { worker->fetch(generation, offset, chunkSize); }, Qt::QueuedConnection);
    });
    connect(m_list, &QListWidget::currentTextChanged, this, &ModelsScreen::showModel);
    connect(m_preview, &QPushButton::clicked, this, &ModelsScreen::previewCurrent);
    connect(m_cancel, &QPushButton::clicked, this, &ModelsScreen::cancelPreview);
    connect(m_save, &QPushButton::clicked, this, &ModelsScreen::saveCurrent);
    connect(m_document, &WorkspaceDocument::changed, this, [this] {
        PreviewWorker *worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker, ws = m_document->workspace()] { worker->setWorkspace(ws); }, Qt::QueuedConnection);
    });
    reload();
}

ModelsScreen::~ModelsScreen()
{
    m_shared->generation = 0;
    m_shared->cancel = true;
    m_thread->quit();
    m_thread->wait();
}

void ModelsScreen::reload()
{
    m_list->clear();
    for (const QString &name : m_document->workspace().config().models.keys())
        m_list->addItem(name);
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        m_status->setText(tr("This workspace has no models yet."));
}

void ModelsScreen::showModel(const QString &name)
{
    const auto &models = m_document->workspace().config().models;
    if (!models.contains(name))
        return;
    const workspace::ModelConfig &m = models.value(name);
    m_source->setText(m.source);
    m_primaryKey->setText(m.primaryKey.join(QStringLiteral(", ")));
    m_sql->setPlainText(m.isAudience() ? m.sql : m.definedSql);
    m_sql->setReadOnly(m.isAudience());
    m_table->reset(++m_shared->generation);
    m_checks->clear();
    m_status->clear();
}

workspace::ModelConfig ModelsScreen::editedModel() const
{
    workspace::ModelConfig m = m_document->workspace().config().models.value(m_list->currentItem()->text());
    if (!m.isAudience()) {
        m.definedSql = m_sql->toPlainText();
        m.sql = model::queryWithTraits(m.definedSql, m.traits);
    }
    m.primaryKey.clear();
    for (const QString &k : m_primaryKey->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        m.primaryKey.append(k.trimmed());
    return m;
}

void ModelsScreen::previewCurrent()
{
    if (!m_list->currentItem())
        return;
    const workspace::ModelConfig model = editedModel();
    if (model.primaryKey.isEmpty()) {
        m_checks->setObjectName(QStringLiteral("checkBad"));
        m_checks->setText(tr("Name the primary key column(s) first: every record Sluice sends is identified by it."));
        m_checks->style()->polish(m_checks);
        return;
    }
    m_shared->cancel = true; // stop whatever the worker is still running
    const quint64 generation = ++m_shared->generation;
    m_table->reset(generation);
    m_firstRowsMs = -1;
    m_timer->start();
    m_checks->setObjectName(QStringLiteral("status"));
    m_checks->setText(tr("Running the model checks in the warehouse…"));
    m_checks->style()->polish(m_checks);
    m_status->setText(tr("Fetching the first rows…"));
    setBusy(true);
    PreviewWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, generation, model] { worker->start(generation, model, chunkSize); }, Qt::QueuedConnection);
}

void ModelsScreen::cancelPreview()
{
    // A new generation makes every answer still on its way stale.
    m_shared->cancel = true;
    const quint64 generation = ++m_shared->generation;
    Q_UNUSED(generation)
    m_table->fetchFailed(m_table->generation());
    setBusy(false);
    m_status->setText(tr("Cancelled; %1 shown").arg(m_table->rowCountText()));
    m_checks->clear();
    emit previewSettled();
}

void ModelsScreen::saveCurrent()
{
    if (!m_list->currentItem())
        return;
    const workspace::ModelConfig m = editedModel();
    Result<void> r = m_document->updateModel(m.name, m.definedSql, m.primaryKey);
    if (!r)
        QMessageBox::warning(this, tr("Cannot save model %1").arg(m.name), r.error().message);
    else
        m_status->setText(tr("Saved model %1 to sluice.json").arg(m.name));
}

void ModelsScreen::setBusy(bool busy)
{
    m_preview->setEnabled(!busy);
    m_cancel->setEnabled(busy);
}

void ModelsScreen::updateStatus()
{
    QString text = m_table->rowCountText();
    if (m_firstRowsMs >= 0)
        text += tr(" · first rows in %1 ms").arg(m_firstRowsMs);
    m_status->setText(text);
}

} // namespace sluice::ui
