// Chooses the face: a CLI verb, the tray agent, or the GUI. Nothing else.
#include "cli/cli.h"
#include "gui_main.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args.append(QString::fromLocal8Bit(argv[i]));
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
