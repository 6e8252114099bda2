#include "gui_main.h"

#include "shell/appearance.h"
#include "shell/main_window.h"
#include "shell/welcome_window.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QThreadPool>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>
#include <functional>
#include <memory>

namespace sluice::ui {

void installTranslations()
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QLocale(), QStringLiteral("sluice"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

namespace {

struct GuiOptions
{
    QString workspace, screenshot, syncsShot, show, grab;
};

GuiOptions parseOptions(const QApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("sluice::ui", "Sluice: Reverse ETL for sync operators"));
    parser.addHelpOption();
    const QCommandLineOption workspace(QStringLiteral("workspace"), QApplication::translate("sluice::ui", "The workspace directory."), QStringLiteral("DIR"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QApplication::translate("sluice::ui", "Preview the first model, save a screenshot to FILE and quit."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption syncsShot(QStringLiteral("screenshot-syncs"),
                                       QApplication::translate("sluice::ui", "Run the first sync, save a screenshot of the Syncs screen to FILE and quit."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption show(QStringLiteral("show"),
                                  QApplication::translate("sluice::ui", "Open on SCREEN: sources, models, syncs, runs or dashboard."),
                                  QStringLiteral("SCREEN"));
    const QCommandLineOption grab(QStringLiteral("grab"),
                                  QApplication::translate("sluice::ui", "Save a screenshot of the window to FILE after two seconds and quit."),
                                  QStringLiteral("FILE"));
    parser.addOptions({show, grab, workspace, screenshot, syncsShot});
    parser.process(app);
    return {parser.value(workspace), parser.value(screenshot), parser.value(syncsShot), parser.value(show), parser.value(grab)};
}

// A workspace named (--workspace, SLUICE_WORKSPACE) or the current folder
// when it is one; empty: the welcome window.
QString workspaceToOpen(const GuiOptions &options)
{
    if (!options.workspace.isEmpty())
        return options.workspace;
    if (qEnvironmentVariableIsSet("SLUICE_WORKSPACE"))
        return qEnvironmentVariable("SLUICE_WORKSPACE");
    if (QFileInfo::exists(QDir::current().filePath(workspace::Workspace::configFileName())))
        return QDir::currentPath();
    return {};
}

} // namespace

int runGui(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fputs("sluice: no display found (DISPLAY is not set). Use the CLI instead, e.g.\n"
                   "  sluice preview customer_360 --workspace DIR\n"
                   "or run the GUI under a display (xvfb-run sluice --workspace DIR).\n",
                   stderr);
        return 2;
    }
    QApplication app(argc, argv);
    // Work still on the pool (a sync editor reading a model's columns) ends
    // before the application, whose exit closes every database connection.
    struct DrainPool
    {
        ~DrainPool() { QThreadPool::globalInstance()->waitForDone(); }
    } drainPool;
    QApplication::setApplicationName(QStringLiteral("Sluice"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sluice"));
    QApplication::setOrganizationName(QStringLiteral("Sluice"));
    installTranslations();
    if (savedAppearance() != Appearance::FollowSystem)
        applyAppearance(savedAppearance());

    const GuiOptions options = parseOptions(app);
    const QString dir = workspaceToOpen(options);
    std::unique_ptr<MainWindow> window;
    WelcomeWindow welcome;
    std::function<QString(const QString &)> open = [&](const QString &chosen) -> QString {
        Result<workspace::Workspace> ws = workspace::Workspace::open(chosen);
        if (!ws)
            return QApplication::translate("sluice::ui", "Sluice cannot open the workspace in %1:\n\n%2").arg(QDir(chosen).absolutePath(), ws.error().message);
        WelcomeWindow::rememberWorkspace(chosen);
        std::unique_ptr<MainWindow> previous = std::move(window);
        window = std::make_unique<MainWindow>(std::move(ws).value());
        window->resize(1480, 900);
        QObject::connect(window.get(), &MainWindow::openRequested, &welcome, [&](const QString &next) {
            if (const QString problem = open(next); !problem.isEmpty())
                QMessageBox::warning(window.get(), QApplication::translate("sluice::ui", "Cannot open workspace"), problem);
        });
        window->show();
        if (previous) { // shown first, so that closing the old one does not end the application
            previous->close();
            previous.release()->deleteLater(); // the menu action that asked is still running
        }
        return {};
    };
    QObject::connect(&welcome, &WelcomeWindow::chosen, &welcome, [&](const QString &chosen) {
        if (const QString problem = open(chosen); !problem.isEmpty()) {
            welcome.showProblem(problem);
            return;
        }
        welcome.hide();
    });
    if (dir.isEmpty()) {
        welcome.show();
        return app.exec();
    }
    if (const QString problem = open(dir); !problem.isEmpty()) {
        welcome.show();
        welcome.showProblem(problem);
        return app.exec();
    }
    if (!options.screenshot.isEmpty())
        window->takeScreenshotWhenPreviewed(options.screenshot);
    if (!options.show.isEmpty())
        window->showScreen(options.show);
    if (!options.grab.isEmpty())
        window->grabAfter(options.grab, 2000);
    if (!options.syncsShot.isEmpty())
        window->takeScreenshotAfterRun(options.syncsShot);
    return app.exec();
}

} // namespace sluice::ui
