// Chooses the face: a CLI verb, the tray agent, or the GUI. Nothing else.
#include "cli/cli.h"
#include "gui_main.h"
#include "tray/tray_agent.h"

#include <QCoreApplication>
#include <QDir>

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
    // `sluice agent` on a desktop: the tray icon (headless with --no-tray, under systemd, or without a display).
    const bool display = qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
    if (args.value(0) == QLatin1String("agent") && display && !args.contains(QStringLiteral("--no-tray")) && !args.contains(QStringLiteral("--help"))
        && !args.contains(QStringLiteral("-h"))) {
        const qsizetype at = args.indexOf(QStringLiteral("--workspace"));
        const QString dir = at >= 0 ? args.value(at + 1)
                                    : qEnvironmentVariableIsSet("SLUICE_WORKSPACE") ? qEnvironmentVariable("SLUICE_WORKSPACE") : QDir::currentPath();
        return sluice::ui::runTrayAgent(argc, argv, dir);
    }
    // Anything that is not an option is a verb; the CLI answers unknown ones.
    if (!args.isEmpty() && (sluice::cli::isVerb(args.first()) || !args.first().startsWith(QLatin1Char('-')))) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("Sluice"));
        QCoreApplication::setApplicationVersion(QStringLiteral(SLUICE_VERSION));
        sluice::ui::installTranslations();
        return sluice::cli::run(args);
    }
    return sluice::ui::runGui(argc, argv);
}
