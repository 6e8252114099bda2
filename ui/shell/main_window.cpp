#include "shell/main_window.h"

#include "shell/appearance.h"

#include "dashboard/dashboard_screen.h"
#include "shell/agent_status.h"
#include "shell/icons.h"
#include "shell/welcome_window.h"
#include "models/models_screen.h"
#include "shell/placeholder_screen.h"
#include "shell/workspace_document.h"
#include "sources/sources_screen.h"
#include "workspace/workspace_init.h"
#include "runs/runs_screen.h"
#include "syncs/syncs_screen.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QStatusBar>
#include <QActionGroup>
#include <QStyle>
#include <QTimer>

namespace sluice::ui {

namespace {

// One stylesheet for both palettes: colours that carry meaning take the
// light or the dark variant of UI.md's table from the palette the desktop
// gives (Qt 6.4 has no colour-scheme hint); the rest are palette roles.
QString sluiceStyleSheet(const QPalette &palette)
{
    const bool dark = isDark(palette);
    return QStringLiteral(R"(
QListWidget#navigation { background: #1f2633; color: #d5dbe5; border: none; font-size: 14px; padding-top: 8px; }
QListWidget#navigation::item { padding: 10px 14px; }
QListWidget#navigation::item:selected { background: #2f6fde; color: white; }
QLabel#screenTitle { font-size: 20px; font-weight: 600; padding: 4px 0 8px 0; }
QLabel#placeholderText { color: palette(placeholder-text); font-size: 13px; }
QLabel#checkOk { color: %1; font-weight: 600; }
QLabel#checkBad { color: %2; font-weight: 600; }
QLabel#status { color: palette(window-text); }
QPlainTextEdit#sqlEditor { font-family: monospace; font-size: 13px; }
)")
        .arg(dark ? QStringLiteral("#5CC98A") : QStringLiteral("#1C7C3C"), dark ? QStringLiteral("#F2807A") : QStringLiteral("#B3261E"));
}

} // namespace

MainWindow::MainWindow(workspace::Workspace workspace, QWidget *parent)
    : QMainWindow(parent),
      m_document(new WorkspaceDocument(std::move(workspace), this)),
      m_navigation(new QListWidget(this)),
      m_stack(new QStackedWidget(this))
{
    // The workspace's folder; the desktop adds " — Sluice" (the application's display name).
    setWindowTitle(m_document->workspace().dir());
    m_darkStyle = isDark(palette());
    setStyleSheet(sluiceStyleSheet(palette()));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(190);
    m_navigation->setIconSize(QSize(18, 18));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *page = new QWidget(central);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(14, 10, 14, 10);
    // sluice.json changed on disk: a banner, never a modal.
    m_banner = new QLabel(page);
    m_banner->setObjectName(QStringLiteral("diskBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel#diskBanner { background: palette(alternate-base); border: 1px solid palette(mid); padding: 6px; }"));
    m_banner->hide();
    pageLayout->addWidget(m_banner);
    pageLayout->addWidget(m_stack, 1);
    connect(m_document, &WorkspaceDocument::reloadedFromDisk, this, [this](bool merged) {
        m_banner->setText(merged ? tr("sluice.json had changed on disk: Sluice read it again and applied your edit on top of it, so nothing of the hand edit was lost.")
                                 : tr("sluice.json changed on disk and was read again."));
        m_banner->show();
        QTimer::singleShot(15000, m_banner, &QWidget::hide);
    });
    connect(m_document, &WorkspaceDocument::invalidOnDisk, this, [this](const QString &problem) {
        m_banner->setText(tr("sluice.json changed on disk but cannot be used: %1\nSluice keeps showing the last valid version until the file is fixed.").arg(problem));
        m_banner->show();
    });
    layout->addWidget(page, 1);
    setCentralWidget(central);

    addScreen(tr("Sources"), new SourcesScreen(m_document, this), QStringLiteral("sluice-source"));
    m_models = new ModelsScreen(m_document, this);
    addScreen(tr("Models"), m_models, QStringLiteral("sluice-model"));
    m_syncs = new SyncsScreen(m_document, this);
    addScreen(tr("Syncs"), m_syncs, QStringLiteral("sluice-sync"));
    auto *runs = new RunsScreen(m_document, this);
    addScreen(tr("Runs"), runs, QStringLiteral("sluice-runs"));
    connect(m_syncs, &SyncsScreen::jobFinished, runs, &RunsScreen::refresh);
    auto *dashboard = new DashboardScreen(m_document, this);
    addScreen(tr("Dashboard"), dashboard, QStringLiteral("sluice-dashboard"));
    connect(m_syncs, &SyncsScreen::jobFinished, dashboard, &DashboardScreen::refresh);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);
    statusBar()->showMessage(tr("Workspace: %1").arg(m_document->workspace().configPath()));
    m_agent = new AgentStatus(m_document->workspace().dir(), this);
    statusBar()->addPermanentWidget(m_agent);
    connect(m_syncs, &SyncsScreen::jobFinished, m_agent, &AgentStatus::refresh);
    buildMenus();
    restoreGeometry(QSettings().value(QStringLiteral("mainWindow/geometry")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    QMainWindow::closeEvent(event);
}

// File: open, new, the demo, recent workspaces, quit; View: the screens by
// Ctrl+1 to Ctrl+5.
void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open workspace…"), QKeySequence::Open, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a workspace (the folder holding sluice.json)"), m_document->workspace().dir());
        if (!dir.isEmpty())
            emit openRequested(dir);
    });
    file->addAction(tr("&New workspace…"), QKeySequence::New, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("New workspace: choose an empty folder"), QDir::homePath());
        if (dir.isEmpty())
            return;
        if (Result<void> made = workspace::initWorkspace(dir, {}); !made) {
            QMessageBox::warning(this, tr("New workspace"), made.error().message);
            return;
        }
        emit openRequested(dir);
    });
    file->addAction(tr("Open the &demo"), this, [this] {
        const QString dir = WelcomeWindow::demoDir();
        if (!QFileInfo::exists(QDir(dir).filePath(workspace::Workspace::configFileName()))) {
            QMessageBox::information(this, tr("Open the demo"), tr("The demo is made from the welcome window the first time (it takes a few seconds): "
                                                                  "start Sluice without a workspace, or run scripts/run-demo.sh."));
            return;
        }
        emit openRequested(dir);
    });
    QMenu *recent = file->addMenu(tr("Open &recent"));
    for (const QString &dir : WelcomeWindow::recentWorkspaces())
        if (QFileInfo(dir).absoluteFilePath() != QFileInfo(m_document->workspace().dir()).absoluteFilePath())
            recent->addAction(dir, this, [this, dir] { emit openRequested(dir); });
    recent->setEnabled(!recent->isEmpty());
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int row = 0; row < m_navigation->count(); ++row)
        view->addAction(m_navigation->item(row)->text(), QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)), this,
                        [this, row] { m_navigation->setCurrentRow(row); });
    view->addSeparator();
    QMenu *appearance = view->addMenu(tr("&Appearance"));
    auto *group = new QActionGroup(appearance);
    const Appearance current = savedAppearance();
    const std::pair<Appearance, QString> choices[] = {{Appearance::FollowSystem, tr("Follow the system")},
                                                      {Appearance::Light, tr("Light")},
                                                      {Appearance::Dark, tr("Dark")}};
    for (const auto &[which, label] : choices) {
        QAction *a = appearance->addAction(label, this, [which] { applyAppearance(which); });
        a->setCheckable(true);
        a->setChecked(which == current);
        a->setObjectName(QStringLiteral("appearance%1").arg(int(which)));
        group->addAction(a);
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    // Light and dark follow the palette as it changes (the desktop's, or
    // View ▸ Appearance): the colours that carry meaning take its variant.
    if (event->type() == QEvent::PaletteChange && isDark(palette()) != m_darkStyle) {
        m_darkStyle = isDark(palette());
        setStyleSheet(sluiceStyleSheet(palette()));
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::addScreen(const QString &title, QWidget *screen, const QString &icon)
{
    // The navigation is dark in either palette: light glyphs, white when selected.
    auto *item = new QListWidgetItem(sluiceIcon(icon, QColor(0xd5, 0xdb, 0xe5), Qt::white), title, m_navigation);
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
