#include "shell/welcome_window.h"

#include "workspace/workspace.h"
#include "workspace/workspace_init.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace sluice::ui {

namespace {

const QString recentKey = QStringLiteral("recentWorkspaces");
constexpr int recentKept = 8;

} // namespace

WelcomeWindow::WelcomeWindow(QWidget *parent)
    : QWidget(parent), m_recent(new QListWidget(this)), m_status(new QLabel(this))
{
    setWindowTitle(tr("Sluice"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 24);
    auto *title = new QLabel(tr("Welcome to Sluice"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    title->setStyleSheet(QStringLiteral("font-size: 22px; font-weight: 600;"));
    layout->addWidget(title);
    auto *intro = new QLabel(tr("A workspace is a folder with sluice.json (sources, models, destinations, syncs) "
                                "and the state of its syncs. Open one, start a new one, or look around the demo: "
                                "a customer-360 warehouse synced to local files."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *buttons = new QHBoxLayout;
    auto add = [&](const QString &text, const QString &name, void (WelcomeWindow::*slot)()) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
        m_buttons.append(b);
    };
    add(tr("Open workspace…"), QStringLiteral("openWorkspace"), &WelcomeWindow::openExisting);
    add(tr("New workspace…"), QStringLiteral("newWorkspace"), &WelcomeWindow::createNew);
    add(tr("Open the demo"), QStringLiteral("openDemo"), &WelcomeWindow::openDemo);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addWidget(new QLabel(tr("Recent workspaces (double-click to open)"), this));
    m_recent->setObjectName(QStringLiteral("recentWorkspaces"));
    const QStringList recent = recentWorkspaces();
    for (const QString &dir : recent)
        m_recent->addItem(dir);
    if (recent.isEmpty()) {
        auto *none = new QListWidgetItem(tr("None yet: the workspaces you open are listed here."), m_recent);
        none->setFlags(Qt::NoItemFlags);
    }
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        if (item->flags() & Qt::ItemIsEnabled)
            emit chosen(item->text());
    });
    layout->addWidget(m_recent, 1);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("welcomeStatus"));
    layout->addWidget(m_status);
    resize(720, 460);
}

QStringList WelcomeWindow::recentWorkspaces()
{
    QStringList out;
    for (const QString &dir : QSettings().value(recentKey).toStringList())
        if (QFileInfo::exists(QDir(dir).filePath(workspace::Workspace::configFileName())))
            out.append(dir);
    return out;
}

void WelcomeWindow::rememberWorkspace(const QString &dir)
{
    const QString absolute = QFileInfo(dir).absoluteFilePath();
    QStringList list = QSettings().value(recentKey).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    QSettings().setValue(recentKey, list.mid(0, recentKept));
}

QString WelcomeWindow::demoDir()
{
    if (qEnvironmentVariableIsSet("SLUICE_DEMO_DIR"))
        return qEnvironmentVariable("SLUICE_DEMO_DIR");
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/sluice/demo");
}

void WelcomeWindow::showProblem(const QString &text)
{
    setBusy(false, text);
}

void WelcomeWindow::setBusy(bool busy, const QString &text)
{
    for (QPushButton *b : std::as_const(m_buttons))
        b->setEnabled(!busy);
    m_recent->setEnabled(!busy);
    m_status->setText(text);
}

void WelcomeWindow::openExisting()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a workspace (the folder holding sluice.json)"), QDir::homePath());
    if (!dir.isEmpty())
        emit chosen(dir);
}

void WelcomeWindow::createNew()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("New workspace: choose an empty folder"), QDir::homePath());
    if (dir.isEmpty())
        return;
    if (Result<void> made = workspace::initWorkspace(dir, {}); !made) {
        showProblem(made.error().message);
        return;
    }
    emit chosen(dir);
}

// The demo warehouse takes a few seconds to generate: not on the UI thread.
void WelcomeWindow::openDemo()
{
    const QString dir = demoDir();
    if (QFileInfo::exists(QDir(dir).filePath(workspace::Workspace::configFileName()))) {
        emit chosen(dir);
        return;
    }
    setBusy(true, tr("Creating the demo workspace in %1…").arg(dir));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, dir] {
        const QString problem = watcher->result();
        watcher->deleteLater();
        if (!problem.isEmpty()) {
            showProblem(tr("The demo workspace could not be made: %1").arg(problem));
            return;
        }
        setBusy(false);
        emit chosen(dir);
    });
    watcher->setFuture(QtConcurrent::run([dir] {
        workspace::InitOptions options;
        options.demo = true;
        const Result<void> made = workspace::initWorkspace(dir, options);
        return made ? QString() : made.error().message;
    }));
}

} // namespace sluice::ui
