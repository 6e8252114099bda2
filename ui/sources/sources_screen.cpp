#include "sources/sources_screen.h"

#include "demo/demo_warehouse.h"
#include "shell/icons.h"
#include "shell/workspace_document.h"
#include "sources/connection_dialog.h"
#include "source/source_connection.h"

#include <QElapsedTimer>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QDir>
#include <QtConcurrent/QtConcurrentRun>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace sluice::ui {

namespace {

struct SourceProbe
{
    QString error;
    QList<source::TableInfo> tables;
    qint64 elapsedMs = 0;
};

SourceProbe probe(const workspace::SourceConfig &config, const workspace::Workspace &ws)
{
    SourceProbe p;
    QElapsedTimer timer;
    timer.start();
    Result<std::unique_ptr<source::SourceConnection>> c = source::SourceConnection::open(config, ws);
    if (!c) {
        p.error = c.error().message;
        return p;
    }
    p.elapsedMs = timer.elapsed();
    Result<QList<source::TableInfo>> tables = c.value()->introspect();
    if (!tables)
        p.error = tables.error().message;
    else
        p.tables = std::move(tables).value();
    return p;
}

} // namespace

SourcesScreen::SourcesScreen(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent),
      m_document(document),
      m_list(new QListWidget(this)),
      m_destinations(new QListWidget(this)),
      m_details(new QFormLayout),
      m_test(new QPushButton(tr("Test connection"), this)),
      m_status(new QLabel(this)),
      m_schema(new QTreeWidget(this))
{
    m_test->setIcon(sluiceIcon(QStringLiteral("sluice-test")));
    auto *title = new QLabel(tr("Sources"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_schema->setHeaderLabels({tr("Schema / table / column"), tr("Type")});
    m_schema->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setMaximumWidth(260);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(m_details);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_test);
    buttons->addWidget(m_status, 1);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(new QLabel(tr("Schema"), right));
    rightLayout->addWidget(m_schema, 1);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *addSource = new QPushButton(tr("+ Source…"), left);
    auto *addDestination = new QPushButton(tr("+ Destination…"), left);
    addSource->setIcon(sluiceIcon(QStringLiteral("sluice-source")));
    addDestination->setIcon(sluiceIcon(QStringLiteral("sluice-destination")));
    auto *edit = new QPushButton(tr("Edit…"), left);
    edit->setIcon(sluiceIcon(QStringLiteral("sluice-edit")));
    auto *adds = new QHBoxLayout;
    adds->addWidget(addSource);
    adds->addWidget(addDestination);
    adds->addWidget(edit);
    leftLayout->addLayout(adds);
    m_addDemo = new QPushButton(tr("+ The demo warehouse"), left);
    m_addDemo->setToolTip(tr("Generate the demo customer warehouse (SQLite, 10,000 customers) in this workspace and add it as source \"demo\""));
    leftLayout->addWidget(m_addDemo);
    connect(m_addDemo, &QPushButton::clicked, this, &SourcesScreen::addDemoWarehouse);
    leftLayout->addWidget(new QLabel(tr("Sources"), left));
    leftLayout->addWidget(m_list, 2);
    leftLayout->addWidget(new QLabel(tr("Destinations"), left));
    leftLayout->addWidget(m_destinations, 1);
    m_destinations->setObjectName(QStringLiteral("destinations"));
    m_destinations->setMaximumWidth(360);
    m_list->setMaximumWidth(360);
    connect(addSource, &QPushButton::clicked, this, &SourcesScreen::addSource);
    connect(addDestination, &QPushButton::clicked, this, &SourcesScreen::addDestination);
    connect(edit, &QPushButton::clicked, this, &SourcesScreen::editSelected);
    connect(m_destinations, &QListWidget::itemDoubleClicked, this, [this] {
        m_list->clearSelection();
        editSelected();
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] {
        m_destinations->clearSelection();
        editSelected();
    });
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(splitter, 1);

    connect(m_list, &QListWidget::currentTextChanged, this, &SourcesScreen::showSource);
    connect(m_test, &QPushButton::clicked, this, &SourcesScreen::testCurrent);
    connect(m_document, &WorkspaceDocument::changed, this, &SourcesScreen::reload);
    reload();
}

// The demo warehouse takes a few seconds to generate: on a worker thread.
void SourcesScreen::addDemoWarehouse()
{
    const QString dir = m_document->workspace().dir();
    m_addDemo->setEnabled(false);
    m_status->setText(tr("Generating the demo warehouse…"));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QString problem = watcher->result();
        if (problem.isEmpty()) {
            const Result<void> added = m_document->setEntry(QStringLiteral("sources"), QStringLiteral("demo"),
                                                            QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")},
                                                                        {QStringLiteral("path"), QStringLiteral("demo/warehouse.db")}});
            m_status->setText(added ? tr("Source demo added: the demo customer warehouse.") : added.error().message);
        } else {
            m_status->setText(tr("The demo warehouse could not be made: %1").arg(problem));
        }
        reload();
        emit demoWarehouseAdded(problem.isEmpty());
    });
    watcher->setFuture(QtConcurrent::run([dir]() -> QString {
        QDir(dir).mkpath(QStringLiteral("demo"));
        Result<void> made = demo::generateDemoWarehouse(QDir(dir).filePath(QStringLiteral("demo/warehouse.db")), {});
        return made ? QString() : made.error().message;
    }));
}

void SourcesScreen::addSource()
{
    ConnectionDialog dialog(m_document, ConnectionDialog::Kind::Source, {}, this);
    dialog.exec();
}

void SourcesScreen::addDestination()
{
    ConnectionDialog dialog(m_document, ConnectionDialog::Kind::Destination, {}, this);
    dialog.exec();
}

void SourcesScreen::editSelected()
{
    if (QListWidgetItem *d = m_destinations->currentItem(); d && d->isSelected()) {
        ConnectionDialog dialog(m_document, ConnectionDialog::Kind::Destination, d->text().section(QLatin1Char(' '), 0, 0), this);
        dialog.exec();
    } else if (QListWidgetItem *s = m_list->currentItem()) {
        ConnectionDialog dialog(m_document, ConnectionDialog::Kind::Source, s->text(), this);
        dialog.exec();
    }
}

void SourcesScreen::reload()
{
    if (m_addDemo)
        m_addDemo->setVisible(!m_document->workspace().config().sources.contains(QStringLiteral("demo")));
    const QString current = m_list->currentItem() ? m_list->currentItem()->text() : QString();
    m_list->clear();
    for (const QString &name : m_document->workspace().config().sources.keys())
        m_list->addItem(name);
    m_destinations->clear();
    for (const workspace::DestinationConfig &d : m_document->workspace().config().destinations)
        m_destinations->addItem(QStringLiteral("%1 (%2)").arg(d.name, d.type));
    const auto found = m_list->findItems(current, Qt::MatchExactly);
    m_list->setCurrentRow(found.isEmpty() ? 0 : m_list->row(found.first()));
    if (m_list->count() == 0) {
        m_status->setText(tr("This workspace has no sources yet: + Source… connects a warehouse."));
        m_test->setEnabled(false);
    }
}

void SourcesScreen::showSource(const QString &name)
{
    while (m_details->rowCount() > 0)
        m_details->removeRow(0);
    m_schema->clear();
    m_status->clear();
    const auto &sources = m_document->workspace().config().sources;
    if (!sources.contains(name))
        return;
    const workspace::SourceConfig &s = sources.value(name);
    m_details->addRow(tr("Name:"), new QLabel(s.name));
    m_details->addRow(tr("Driver:"), new QLabel(s.driver));
    if (s.driver == QLatin1String("sqlite")) {
        m_details->addRow(tr("File:"), new QLabel(m_document->workspace().resolvePath(s.path)));
    } else {
        m_details->addRow(tr("Host:"), new QLabel(QStringLiteral("%1:%2").arg(s.host).arg(s.port > 0 ? s.port : 5432)));
        m_details->addRow(tr("Database:"), new QLabel(s.database));
        m_details->addRow(tr("User:"), new QLabel(s.user));
        // Where the password comes from, never the password.
        QString secret = tr("none");
        if (s.password)
            secret = s.password->kind == workspace::SecretRef::Kind::Env ? tr("environment variable %1").arg(s.password->name)
                     : s.password->kind == workspace::SecretRef::Kind::File ? tr("file %1").arg(s.password->name)
                                                                             : tr("keychain entry %1").arg(s.password->name);
        m_details->addRow(tr("Password:"), new QLabel(secret));
    }
    m_test->setEnabled(true);
    testCurrent();
}

void SourcesScreen::testCurrent()
{
    if (!m_list->currentItem())
        return;
    const QString name = m_list->currentItem()->text();
    const workspace::SourceConfig config = m_document->workspace().config().sources.value(name);
    const workspace::Workspace ws = m_document->workspace();
    const quint64 generation = ++m_generation;
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setText(tr("Connecting to %1…").arg(name));
    m_test->setEnabled(false);
    auto *watcher = new QFutureWatcher<SourceProbe>(this);
    connect(watcher, &QFutureWatcher<SourceProbe>::finished, this, [this, watcher, generation, name] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // the operator moved on to another source
        m_test->setEnabled(true);
        const SourceProbe p = watcher->result();
        m_schema->clear();
        if (!p.error.isEmpty()) {
            m_status->setObjectName(QStringLiteral("checkBad"));
            m_status->setText(p.error);
            m_status->style()->polish(m_status);
            emit testFinished(false);
            return;
        }
        m_status->setObjectName(QStringLiteral("checkOk"));
        m_status->setText(tr("Connected to %1 in %2 ms; %n table(s) and view(s)", nullptr, int(p.tables.size()))
                              .arg(name)
                              .arg(p.elapsedMs));
        m_status->style()->polish(m_status);
        QHash<QString, QTreeWidgetItem *> schemas;
        for (const source::TableInfo &t : p.tables) {
            QTreeWidgetItem *&schema = schemas[t.schema];
            if (!schema) {
                schema = new QTreeWidgetItem(m_schema, {t.schema, tr("schema")});
                schema->setExpanded(true);
            }
            auto *table = new QTreeWidgetItem(schema, {t.name, t.isView ? tr("view") : tr("table")});
            for (const source::Column &c : t.columns)
                new QTreeWidgetItem(table, {c.name, c.nativeType.isEmpty() ? source::columnTypeName(c.type) : c.nativeType});
        }
        emit testFinished(true);
    });
    watcher->setFuture(QtConcurrent::run([config, ws] { return probe(config, ws); }));
}

} // namespace sluice::ui
