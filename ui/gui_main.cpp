#include "gui_main.h"

#include "shell/main_window.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>

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
    QApplication::setApplicationName(QStringLiteral("Sluice"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sluice"));
    QApplication::setOrganizationName(QStringLiteral("Sluice"));
    installTranslations();

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("sluice::ui", "Sluice: Reverse ETL for sync operators"));
    parser.addHelpOption();
    QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                       QApplication::translate("sluice::ui", "The workspace directory."),
                                       QStringLiteral("DIR"));
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                        QApplication::translate("sluice::ui", "Preview the first model, save a screenshot to FILE and quit."),
                                        QStringLiteral("FILE"));
    QCommandLineOption syncsShotOption(QStringLiteral("screenshot-syncs"),
                                       QApplication::translate("sluice::ui", "Run the first sync, save a screenshot of the Syncs screen to FILE and quit."),
                                       QStringLiteral("FILE"));
    QCommandLineOption showOption(QStringLiteral("show"),
                                  QApplication::translate("sluice::ui", "Open on SCREEN: sources, models, syncs, runs or dashboard."),
                                  QStringLiteral("SCREEN"));
    QCommandLineOption grabOption(QStringLiteral("grab"),
                                  QApplication::translate("sluice::ui", "Save a screenshot of the window to FILE after two seconds and quit."),
                                  QStringLiteral("FILE"));
    parser.addOption(showOption);
    parser.addOption(grabOption);
    parser.addOption(workspaceOption);
    parser.addOption(screenshotOption);
    parser.addOption(syncsShotOption);
    parser.process(app);

    QString dir = parser.value(workspaceOption);
    if (dir.isEmpty())
        dir = qEnvironmentVariableIsSet("SLUICE_WORKSPACE") ? qEnvironmentVariable("SLUICE_WORKSPACE") : QDir::currentPath();
    Result<workspace::Workspace> ws = workspace::Workspace::open(dir);
    if (!ws) {
        QMessageBox::critical(nullptr, QApplication::translate("sluice::ui", "Cannot open workspace"),
                              QApplication::translate("sluice::ui", "Sluice cannot open the workspace in %1:\n\n%2")
                                  .arg(QDir(dir).absolutePath(), ws.error().message));
        return 2;
    }
    MainWindow window(std::move(ws).value());
    window.resize(1480, 900);
    window.show();
    if (parser.isSet(screenshotOption))
        window.takeScreenshotWhenPreviewed(parser.value(screenshotOption));
    if (parser.isSet(showOption))
        window.showScreen(parser.value(showOption));
    if (parser.isSet(grabOption))
        window.grabAfter(parser.value(grabOption), 2000);
    if (parser.isSet(syncsShotOption))
        window.takeScreenshotAfterRun(parser.value(syncsShotOption));
    return app.exec();
}

} // namespace sluice::ui
