// sluice-emulator: a destination's emulator on loopback, for trying a
// connector by hand without its real service:
//   sluice-emulator hubspot --port 8099 --token pat-test [--limit 100]
// then a destination with "base_url": "http://127.0.0.1:8099". It prints
// each request and stops on Ctrl-C.
#include "braze_emulator.h"
#include "google_emulator.h"
#include "hubspot_emulator.h"
#include "intercom_emulator.h"
#include "iterable_emulator.h"
#include "meta_emulator.h"
#include "klaviyo_emulator.h"
#include "mixpanel_emulator.h"
#include "salesforce_emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <memory>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Runs a destination API's emulator on 127.0.0.1."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("kind"), QStringLiteral("the emulator: hubspot, braze, salesforce, iterable, mixpanel, klaviyo, intercom, meta or google"));
    parser.addOption({QStringLiteral("port"), QStringLiteral("port to listen on (default: any free one)"), QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("token"), QStringLiteral("the token it accepts"), QStringLiteral("TOKEN"), QStringLiteral("pat-test")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("requests per rate window (HubSpot: 10 s, Braze and Salesforce: 3 s, Iterable, Mixpanel and Klaviyo: 1 s, Intercom: 10 s)"), QStringLiteral("N"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("audience"), QStringLiteral("meta: the custom audience id it keeps"), QStringLiteral("ID"), QStringLiteral("23850000000000001")});
    parser.addOption({QStringLiteral("user-list"), QStringLiteral("google: the user list id it keeps"), QStringLiteral("ID"), QStringLiteral("987654321")});
    parser.addOption({QStringLiteral("client-id"), QStringLiteral("google: the OAuth client id it accepts"), QStringLiteral("ID"), QStringLiteral("sluice-demo")});
    parser.addOption({QStringLiteral("client-secret"), QStringLiteral("google: the OAuth client secret it accepts"), QStringLiteral("SECRET"), QStringLiteral("demo-client-secret")});
    parser.addOption({QStringLiteral("refresh-token"), QStringLiteral("google: the refresh token it accepts"), QStringLiteral("TOKEN"), QStringLiteral("demo-refresh-token")});
    parser.process(app);
    QTextStream out(stdout);
    const QString kind = parser.positionalArguments().value(0);
    const quint16 port = quint16(parser.value(QStringLiteral("port")).toUInt());
    std::unique_ptr<sluice::test::EmulatorServer> emulator;
    if (kind == QLatin1String("hubspot"))
        emulator = std::make_unique<sluice::test::HubSpotEmulator>(parser.value(QStringLiteral("token")), parser.value(QStringLiteral("limit")).toInt(), port);
    else if (kind == QLatin1String("braze"))
        emulator = std::make_unique<sluice::test::BrazeEmulator>(parser.value(QStringLiteral("token")), parser.value(QStringLiteral("limit")).toInt(), port);
    else if (kind == QLatin1String("salesforce"))
        emulator = std::make_unique<sluice::test::SalesforceEmulator>(parser.value(QStringLiteral("token")), parser.value(QStringLiteral("limit")).toInt(), port);
    else if (kind == QLatin1String("iterable"))
        emulator = std::make_unique<sluice::test::IterableEmulator>(parser.value(QStringLiteral("token")), parser.value(QStringLiteral("limit")).toInt(), port);
    else if (kind == QLatin1String("mixpanel"))
        emulator = std::make_unique<sluice::test::MixpanelEmulator>(parser.value(QStringLiteral("token")), parser.value(QStringLiteral("limit")).toInt(), port);
    else if (kind == QLatin1String("klaviyo"))
        emulator = std::make_unique<sluice::test::KlaviyoEmulator>(parser.value(QStringLiteral("token")), parser.value(QStringLiteral("limit")).toInt(), port);
    else if (kind == QLatin1String("intercom"))
        emulator = std::make_unique<sluice::test::IntercomEmulator>(parser.value(QStringLiteral("token")), parser.value(QStringLiteral("limit")).toInt(), 10000, port);
    else if (kind == QLatin1String("meta"))
        emulator = std::make_unique<sluice::test::MetaEmulator>(parser.value(QStringLiteral("token")), parser.value(QStringLiteral("audience")),
                                                                parser.value(QStringLiteral("limit")).toInt(), port);
    else if (kind == QLatin1String("google"))
        emulator = std::make_unique<sluice::test::GoogleEmulator>(parser.value(QStringLiteral("client-id")), parser.value(QStringLiteral("client-secret")),
                                                                  parser.value(QStringLiteral("refresh-token")), QStringLiteral("1234567890"),
                                                                  parser.value(QStringLiteral("user-list")), port);
    if (!emulator) {
        out << "sluice-emulator: known emulators: hubspot, braze, salesforce, iterable, mixpanel, klaviyo, intercom, meta, google\n";
        return 2;
    }
    if (kind == QLatin1String("google"))
        out << kind << " emulator on " << emulator->baseUrl() << " (client " << parser.value(QStringLiteral("client-id")) << ", secret "
            << parser.value(QStringLiteral("client-secret")) << ", refresh token " << parser.value(QStringLiteral("refresh-token")) << ")\n";
    else
        out << kind << " emulator on " << emulator->baseUrl() << " (secret " << parser.value(QStringLiteral("token")) << ")\n";
    out.flush();
    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
    std::signal(SIGTERM, [](int) { QCoreApplication::quit(); });
    int shown = 0;
    QTimer report;
    QObject::connect(&report, &QTimer::timeout, [&] {
        const auto requests = emulator->requests();
        for (; shown < requests.size(); ++shown)
            out << requests[shown].method << ' ' << requests[shown].path << '\n';
        out.flush();
    });
    report.start(500);
    return app.exec();
}
