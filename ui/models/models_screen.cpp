#include "models/models_screen.h"

#include "model/model_query.h"
#include "model/audience.h"
#include "model/dbt_import.h"
#include "models/audience_builder.h"
#include "models/preview_table_model.h"
#include "models/traits_panel.h"
#include "models/sql_highlighter.h"
#include "shell/workspace_document.h"

#include "shell/icons.h"

#include <QElapsedTimer>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QMenu>
#include <QTabWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace sluice::ui {

namespace {
constexpr int chunkSize = 200;
}

ModelsScreen::ModelsScreen(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent),
      m_document(document),
      m_list(new QTreeWidget(this)),
      m_tabs(new QTabWidget(this)),
      m_sqlTab(new QWidget(this)),
      m_traits(new TraitsPanel(document, this)),
      m_audience(new AudienceBuilder(document, this)),
      m_new(new QToolButton(this)),
      m_delete(new QPushButton(tr("Delete"), this)),
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
    m_delete->setIcon(sluiceIcon(QStringLiteral("sluice-remove")));
    m_preview->setIcon(sluiceIcon(QStringLiteral("sluice-preview")));
    m_cancel->setIcon(sluiceIcon(QStringLiteral("sluice-stop")));
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
    // Until a preview has columns to show, the empty table says what it is for.
    auto *empty = new QLabel(tr("Preview reads the model's first rows from the warehouse and checks its primary key there. "
                                "Nothing is sent anywhere."),
                             m_view->viewport());
    empty->setObjectName(QStringLiteral("previewEmpty"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    empty->setMinimumWidth(420);
    empty->setForegroundRole(QPalette::PlaceholderText);
    auto *emptyLayout = new QVBoxLayout(m_view->viewport());
    emptyLayout->addWidget(empty, 0, Qt::AlignCenter);
    auto showEmpty = [this, empty] { empty->setVisible(m_table->columnCount() == 0); };
    connect(m_table, &QAbstractItemModel::modelReset, empty, showEmpty);
    connect(m_table, &QAbstractItemModel::columnsInserted, empty, showEmpty);
    connect(m_table, &QAbstractItemModel::columnsRemoved, empty, showEmpty);
    connect(m_table, &QAbstractItemModel::layoutChanged, empty, showEmpty);
    m_list->setMaximumWidth(260);
    m_list->setHeaderHidden(true);
    m_list->setObjectName(QStringLiteral("modelTree"));
    m_new->setText(tr("+ New"));
    m_new->setPopupMode(QToolButton::InstantPopup);
    auto *newMenu = new QMenu(m_new);
    newMenu->addAction(tr("Model…"), this, &ModelsScreen::newModel);
    newMenu->addAction(tr("Audience of the selected model…"), this, &ModelsScreen::newAudience);
    newMenu->addAction(tr("Import dbt manifest…"), this, &ModelsScreen::importDbt);
    m_new->setMenu(newMenu);
    m_cancel->setEnabled(false);
    buildLayout();
    connectWorker();
    connectActions();
    reload();
}

void ModelsScreen::buildLayout()
{
    auto *title = new QLabel(tr("Models"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    auto *editor = m_sqlTab;
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

    m_tabs->addTab(editor, tr("SQL"));
    m_tabs->addTab(m_traits, tr("Traits"));
    m_tabs->addTab(m_audience, tr("Audience"));
    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_tabs);
    vertical->addWidget(m_view);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 4);
    vertical->setSizes({380, 480});
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    auto *sideButtons = new QHBoxLayout;
    sideButtons->addWidget(m_new);
    sideButtons->addWidget(m_delete);
    sideButtons->addStretch(1);
    sideLayout->addLayout(sideButtons);
    sideLayout->addWidget(m_list, 1);
    auto *horizontal = new QSplitter(this);
    horizontal->addWidget(side);
    horizontal->addWidget(vertical);
    horizontal->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(horizontal, 1);
}

// The preview runs on its own thread; its answers carry a generation so that
// those of a superseded preview are dropped.
void ModelsScreen::connectWorker()
{
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
                const QString name = currentName();
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
}

void ModelsScreen::connectActions()
{
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { showModel(currentName()); });
    connect(m_audience, &AudienceBuilder::saved, this, [this] {
        m_status->setText(tr("Saved audience %1 to sluice.json").arg(currentName()));
        previewCurrent();
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QString name = currentName();
        if (name.isEmpty())
            return;
        if (QMessageBox::question(this, tr("Delete %1?").arg(name), tr("Remove %1 from sluice.json? Syncs that use it must be changed first.").arg(name))
            != QMessageBox::Yes)
            return;
        if (Result<void> r = m_document->removeModel(name); !r)
            QMessageBox::warning(this, tr("Cannot delete %1").arg(name), r.error().message);
        else
            reload();
    });
    connect(m_preview, &QPushButton::clicked, this, &ModelsScreen::previewCurrent);
    auto *run = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_sql);
    run->setContext(Qt::WidgetWithChildrenShortcut);
    connect(run, &QShortcut::activated, this, &ModelsScreen::previewCurrent);
    m_preview->setToolTip(tr("Run the model in its warehouse and show its first rows (Ctrl+Return)"));
    connect(m_cancel, &QPushButton::clicked, this, &ModelsScreen::cancelPreview);
    connect(m_save, &QPushButton::clicked, this, &ModelsScreen::saveCurrent);
    connect(m_document, &WorkspaceDocument::changed, this, [this] {
        // Another screen, a dialog or an import changed the models: the tree follows.
        QTimer::singleShot(0, this, &ModelsScreen::reload);
        PreviewWorker *worker = m_worker;
        QMetaObject::invokeMethod(
            worker, [worker, ws = m_document->workspace()] { worker->setWorkspace(ws); }, Qt::QueuedConnection);
    });
}

ModelsScreen::~ModelsScreen()
{
    m_shared->generation = 0;
    m_shared->cancel = true;
    m_thread->quit();
    m_thread->wait();
}

QString ModelsScreen::currentName() const
{
    return m_list->currentItem() ? m_list->currentItem()->data(0, Qt::UserRole).toString() : QString();
}

void ModelsScreen::selectModel(const QString &name)
{
    for (QTreeWidgetItemIterator it(m_list); *it; ++it)
        if ((*it)->data(0, Qt::UserRole).toString() == name)
            m_list->setCurrentItem(*it);
}

// Audiences are children of their model: an audience is a model that
// inherits its key.
void ModelsScreen::reload()
{
    const QString keep = currentName();
    const QSignalBlocker block(m_list);
    m_list->clear();
    const auto &models = m_document->workspace().config().models;
    QHash<QString, QTreeWidgetItem *> items;
    for (const workspace::ModelConfig &m : models) {
        if (m.isAudience())
            continue;
        auto *item = new QTreeWidgetItem(m_list, {m.name});
        item->setData(0, Qt::UserRole, m.name);
        item->setToolTip(0, m.description.isEmpty() ? tr("model %1 · source %2").arg(m.name, m.source) : m.description);
        items.insert(m.name, item);
    }
    for (const workspace::ModelConfig &m : models) {
        if (!m.isAudience())
            continue;
        auto *item = new QTreeWidgetItem(items.value(m.audience->model), {QStringLiteral("◎ ") + m.name});
        if (!items.contains(m.audience->model))
            m_list->addTopLevelItem(item);
        item->setData(0, Qt::UserRole, m.name);
        item->setToolTip(0, m.description.isEmpty() ? model::describeConditions(m.audience->root) : m.description);
    }
    m_list->expandAll();
    if (!keep.isEmpty())
        selectModel(keep);
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    if (m_list->topLevelItemCount() == 0)
        m_status->setText(tr("This workspace has no models yet."));
    showModel(currentName());
}

void ModelsScreen::showModel(const QString &name)
{
    const auto &models = m_document->workspace().config().models;
    if (!models.contains(name))
        return;
    const workspace::ModelConfig &m = models.value(name);
    m_source->setText(m.isAudience() ? tr("%1 (audience of %2)").arg(m.source, m.audience->model) : m.source);
    m_primaryKey->setText(m.primaryKey.join(QStringLiteral(", ")));
    m_primaryKey->setReadOnly(m.isAudience());
    m_sql->setPlainText(m.isAudience() ? m.sql : m.definedSql);
    m_sql->setReadOnly(m.isAudience());
    m_save->setEnabled(!m.isAudience());
    m_tabs->setTabVisible(1, !m.isAudience());
    m_tabs->setTabVisible(2, m.isAudience());
    m_tabs->setTabText(1, tr("Traits (%1)").arg(m.traits.size()));
    m_tabs->setTabText(0, m.isAudience() ? tr("SQL (compiled)") : tr("SQL"));
    if (m.isAudience()) {
        m_audience->setAudience(name);
        m_tabs->setCurrentWidget(m_audience);
    } else {
        m_traits->setModel(name);
        if (m_tabs->currentWidget() == m_audience)
            m_tabs->setCurrentWidget(m_sqlTab);
    }
    m_table->reset(++m_shared->generation);
    m_checks->clear();
    m_status->clear();
}

void ModelsScreen::newModel()
{
    const auto &config = m_document->workspace().config();
    if (config.sources.isEmpty()) {
        QMessageBox::information(this, tr("New model"), tr("Add a source first: a model is SQL that runs in one."));
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New model"), tr("Name (letters, digits, _):"), QLineEdit::Normal, QString(), &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    if (config.models.contains(name)) {
        QMessageBox::warning(this, tr("New model"), tr("A model or audience named %1 exists already.").arg(name));
        return;
    }
    const QJsonObject model{{QStringLiteral("source"), config.sources.firstKey()},
                            {QStringLiteral("sql"), QStringLiteral("select 1 as id")},
                            {QStringLiteral("primary_key"), QStringLiteral("id")}};
    if (Result<void> r = m_document->setModel(name, model); !r) {
        QMessageBox::warning(this, tr("New model"), r.error().message);
        return;
    }
    reload();
    selectModel(name);
    m_tabs->setCurrentWidget(m_sqlTab);
    m_sql->setFocus();
}

void ModelsScreen::newAudience()
{
    const auto &config = m_document->workspace().config();
    QString parent = currentName();
    if (config.models.value(parent).isAudience())
        parent = config.models.value(parent).audience->model;
    if (parent.isEmpty()) {
        QMessageBox::information(this, tr("New audience"), tr("Select the model the audience narrows first."));
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New audience of %1").arg(parent), tr("Name:"), QLineEdit::Normal, QString(), &ok).trimmed();
    if (!ok || name.isEmpty())
        return;
    if (config.models.contains(name)) {
        QMessageBox::warning(this, tr("New audience"), tr("A model or audience named %1 exists already.").arg(name));
        return;
    }
    const QJsonObject audience{{QStringLiteral("audience"), QJsonObject{{QStringLiteral("model"), parent},
                                                                        {QStringLiteral("match"), QStringLiteral("all")},
                                                                        {QStringLiteral("conditions"), QJsonArray{}}}}};
    if (Result<void> r = m_document->setModel(name, audience); !r) {
        QMessageBox::warning(this, tr("New audience"), r.error().message);
        return;
    }
    reload();
    selectModel(name);
}

void ModelsScreen::importDbt()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a dbt manifest"), QString(), tr("dbt manifest (manifest.json);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    const auto &config = m_document->workspace().config();
    QString source;
    if (config.sources.size() > 1) {
        bool ok = false;
        source = QInputDialog::getItem(this, tr("Import a dbt manifest"), tr("The source the dbt models live in:"), config.sources.keys(), 0, false, &ok);
        if (!ok)
            return;
    }
    // A manifest can be tens of megabytes: read and parse it off the UI thread.
    auto *watcher = new QFutureWatcher<Result<model::DbtImport>>(this);
    connect(watcher, &QFutureWatcher<Result<model::DbtImport>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<model::DbtImport> imported = watcher->result();
        if (!imported) {
            QMessageBox::warning(this, tr("Import a dbt manifest"), imported.error().message);
            return;
        }
        if (Result<void> r = m_document->replaceJson(imported->workspaceJson); !r) {
            QMessageBox::warning(this, tr("Import a dbt manifest"), r.error().message);
            return;
        }
        reload();
        QMessageBox::information(this, tr("Import a dbt manifest"), imported->report().join(QLatin1Char('\n')));
    });
    model::DbtOptions options;
    options.source = source;
    watcher->setFuture(QtConcurrent::run([path, options, json = m_document->workspace().json(), config]() -> Result<model::DbtImport> {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return configError(QCoreApplication::translate("sluice::ui", "cannot read %1: %2").arg(path, file.errorString()));
        return model::importDbtManifest(json, config, file.readAll(), options);
    }));
}

workspace::ModelConfig ModelsScreen::editedModel() const
{
    workspace::ModelConfig m = m_document->workspace().config().models.value(currentName());
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
