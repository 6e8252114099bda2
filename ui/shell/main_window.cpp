#include "shell/main_window.h"

#include "dashboard/dashboard_screen.h"
#include "shell/agent_status.h"
#include "models/models_screen.h"
#include "shell/placeholder_screen.h"
#include "shell/workspace_document.h"
#include "sources/sources_screen.h"
#include "runs/runs_screen.h"
#include "syncs/syncs_screen.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>

namespace sluice::ui {

namespace {

const char *sluiceStyleSheet()
{
    return R"(
QListWidget#navigation { background: #1f2633; color: #d5dbe5; border: none; font-size: 14px; padding-top: 8px; }
QListWidget#navigation::item { padding: 10px 14px; }
QListWidget#navigation::item:selected { background: #2f6fde; color: white; }
QLabel#screenTitle { font-size: 20px; font-weight: 600; padding: 4px 0 8px 0; }
QLabel#placeholderText { color: #555; font-size: 13px; }
QLabel#checkOk { color: #1c7c3c; font-weight: 600; }
QLabel#checkBad { color: #b3261e; font-weight: 600; }
QLabel#status { color: #444; }
QPlainTextEdit#sqlEditor { font-family: monospace; font-size: 13px; }
)";
}

} // namespace

MainWindow::MainWindow(workspace::Workspace workspace, QWidget *parent)
    : QMainWindow(parent),
      m_document(new WorkspaceDocument(std::move(workspace), this)),
      m_navigation(new QListWidget(this)),
      m_stack(new QStackedWidget(this))
{
    setWindowTitle(tr("Sluice — %1").arg(m_document->workspace().dir()));
    setStyleSheet(QString::fromLatin1(sluiceStyleSheet()));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(190);
    m_navigation->setIconSize(QSize(18, 18));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *page = new QWidget(central);
    auto *pageLayout = new QHBoxLayout(page);
    pageLayout->setContentsMargins(14, 10, 14, 10);
    pageLayout->addWidget(m_stack);
    layout->addWidget(page, 1);
    setCentralWidget(central);

    addScreen(tr("Sources"), new SourcesScreen(m_document, this), QStyle::SP_DriveNetIcon);
    m_models = new ModelsScreen(m_document, this);
    addScreen(tr("Models"), m_models, QStyle::SP_FileDialogDetailedView);
    m_syncs = new SyncsScreen(m_document, this);
    addScreen(tr("Syncs"), m_syncs, QStyle::SP_BrowserReload);
    auto *runs = new RunsScreen(m_document, this);
    addScreen(tr("Runs"), runs, QStyle::SP_FileDialogListView);
    connect(m_syncs, &SyncsScreen::jobFinished, runs, &RunsScreen::refresh);
    auto *dashboard = new DashboardScreen(m_document, this);
    addScreen(tr("Dashboard"), dashboard, QStyle::SP_ComputerIcon);
    connect(m_syncs, &SyncsScreen::jobFinished, dashboard, &DashboardScreen::refresh);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);
    statusBar()->showMessage(tr("Workspace: %1").arg(m_document->workspace().configPath()));
    m_agent = new AgentStatus(m_document->workspace().dir(), this);
    statusBar()->addPermanentWidget(m_agent);
    connect(m_syncs, &SyncsScreen::jobFinished, m_agent, &AgentStatus::refresh);
}

MainWindow::~MainWindow() = default;

void MainWindow::addScreen(const QString &title, QWidget *screen, int icon)
{
    auto *item = new QListWidgetItem(style()->standardIcon(static_cast<QStyle::StandardPixmap>(icon)), title, m_navigation);
    item->setSizeHint(QSize(180, 40));
    m_stack->addWidget(screen);
}

void MainWindow::takeScreenshotWhenPreviewed(const QString &file)
{
    m_navigation->setCurrentRow(1);
    connect(m_models, &ModelsScreen::previewSettled, this, [this, file] { grabAfter(file, 300); });
    QTimer::singleShot(200, m_models, &ModelsScreen::previewCurrent);
}

void MainWindow::showScreen(const QString &name)
{
    static const QStringList names{QStringLiteral("sources"), QStringLiteral("models"), QStringLiteral("syncs"), QStringLiteral("runs"),
                                   QStringLiteral("dashboard")};
    const int row = int(names.indexOf(name.toLower()));
    if (row >= 0)
        m_navigation->setCurrentRow(row);
}

void MainWindow::grabAfter(const QString &file, int milliseconds)
{
    QTimer::singleShot(milliseconds, this, [this, file] {
        grab().save(file);
        qApp->quit();
    });
}

void MainWindow::takeScreenshotAfterRun(const QString &file)
{
    m_navigation->setCurrentRow(2);
    connect(m_syncs, &SyncsScreen::jobFinished, this, [this, file] { grabAfter(file, 300); });
    QTimer::singleShot(200, m_syncs, &SyncsScreen::runCurrent);
}

} // namespace sluice::ui
