// sluice-emulator: a destination's emulator on loopback, for trying a
// connector by hand without its real service:
//   sluice-emulator hubspot --port 8099 --token pat-test [--limit 100]
// then a destination with "base_url": "http://127.0.0.1:8099". It prints
// each request and stops on Ctrl-C.
#include "hubspot_emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <csignal>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs a destination API's emulator on 127.0.0.1."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("kind"), QStringLiteral("the emulator: hubspot"));
    parser.addOption({QStringLiteral("port"), QStringLiteral("port to listen on (default: any free one)"), QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("token"), QStringLiteral("the token it accepts"), QStringLiteral("TOKEN"), QStringLiteral("pat-test")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("requests per ten seconds"), QStringLiteral("N"), QStringLiteral("100")});
    parser.process(app);
    QTextStream out(stdout);
    if (parser.positionalArguments().value(0) != QLatin1String("hubspot")) {
        out << "sluice-emulator: known emulators: hubspot\n";
        return 2;
    }
    sluice::test::HubSpotEmulator hubspot(parser.value(QStringLiteral("token")), parser.value(QStringLiteral("limit")).toInt(),
                                          quint16(parser.value(QStringLiteral("port")).toUInt()));
    out << "HubSpot emulator on " << hubspot.baseUrl() << " (token " << parser.value(QStringLiteral("token")) << ")\n";
    out.flush();
    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
    std::signal(SIGTERM, [](int) { QCoreApplication::quit(); });
    int shown = 0;
    QTimer report;
    QObject::connect(&report, &QTimer::timeout, [&] {
        const auto requests = hubspot.requests();
        for (; shown < requests.size(); ++shown)
            out << requests[shown].method << ' ' << requests[shown].path << '\n';
        out.flush();
    });
    report.start(500);
    return app.exec();
}
