// Connector throughput against each emulator at the tool's documented rate
// limit, with the connector's default settings: records/s, requests/s as a
// share of the limit, the busiest window the emulator saw, and 429s.
//   bench_connectors [hubspot|braze] [ROWS]
#include "braze_emulator.h"
#include "hubspot_emulator.h"
#include "workspace/workspace_init.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace sluice;

namespace {

struct Setup
{
    QString name;
    int limit;         // requests per window, as documented
    int windowSeconds;
    int rows;
    QByteArray destination; // JSON, %1 = base URL
    QByteArray sync;        // JSON of match and fields
};

void measure(const Setup &s)
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = s.rows;
    if (!workspace::initWorkspace(ws, options).ok())
        qFatal("cannot create the workspace");
    std::unique_ptr<test::EmulatorServer> emulator;
    if (s.name == QLatin1String("hubspot"))
        emulator = std::make_unique<test::HubSpotEmulator>(QStringLiteral("bench-secret"), s.limit);
    else
        emulator = std::make_unique<test::BrazeEmulator>(QStringLiteral("bench-secret"), s.limit);
    QFile f(ws + QStringLiteral("/sluice.json"));
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write("{\"version\": 1, \"sources\": {\"demo\": {\"driver\": \"sqlite\", \"path\": \"demo/warehouse.db\"}},"
            "\"destinations\": {\"crm\": " + QString::fromUtf8(s.destination).arg(emulator->baseUrl()).toUtf8() + "},"
            "\"models\": {\"c\": {\"source\": \"demo\", \"primary_key\": \"customer_id\", \"sql\": \"select * from customer_360\"}},"
            "\"syncs\": {\"s\": {\"model\": \"c\", \"destination\": \"crm\", \"mode\": \"upsert\", " + s.sync + "}}}");
    f.close();
    QProcess p;
    QStringList env = QProcess::systemEnvironment();
    env.append(QStringLiteral("BENCH_SECRET=bench-secret"));
    p.setEnvironment(env);
    QElapsedTimer clock;
    clock.start();
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("s"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    p.waitForFinished(-1);
    const double seconds = clock.elapsed() / 1000.0;
    const QJsonObject run = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const int delivered = run.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt();
    int posts = 0;
    for (const auto &r : emulator->requests())
        posts += r.method == "POST";
    const int busiest = s.name == QLatin1String("hubspot") ? static_cast<test::HubSpotEmulator *>(emulator.get())->maxInWindow()
                                                           : static_cast<test::BrazeEmulator *>(emulator.get())->maxInWindow();
    const int throttled = s.name == QLatin1String("hubspot") ? static_cast<test::HubSpotEmulator *>(emulator.get())->throttled()
                                                             : static_cast<test::BrazeEmulator *>(emulator.get())->throttled();
    const double limitPerSecond = double(s.limit) / s.windowSeconds;
    std::printf("%s: %d rows, %d delivered in %.2f s = %.0f records/s; %d writes = %.2f requests/s, %.1f %% of the documented %.1f/s; "
                "busiest %d-s window %d of %d; %d answers of 429; exit %d\n",
                qPrintable(s.name), s.rows, delivered, seconds, delivered / seconds, posts, posts / seconds, 100.0 * posts / seconds / limitPerSecond,
                limitPerSecond, s.windowSeconds, busiest, s.limit, throttled, p.exitCode());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString which = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("all");
    const QList<Setup> setups{
        {QStringLiteral("hubspot"), 100, 10, argc > 2 ? atoi(argv[2]) : 15000,
         "{\"type\": \"hubspot\", \"token\": {\"env\": \"BENCH_SECRET\"}, \"base_url\": \"%1\"}",
         "\"object\": \"contacts\", \"match\": {\"source\": \"email\", \"destination\": \"email\"}, \"fields\": [{\"source\": \"email\", \"destination\": \"email\", "
         "\"transform\": [\"email\"]}, {\"source\": \"first_name\", \"destination\": \"firstname\"}]"},
        {QStringLiteral("braze"), 3000, 3, argc > 2 ? atoi(argv[2]) : 50000,
         "{\"type\": \"braze\", \"api_key\": {\"env\": \"BENCH_SECRET\"}, \"base_url\": \"%1\"}",
         "\"match\": {\"source\": \"customer_id\", \"destination\": \"external_id\"}, \"fields\": [{\"source\": \"customer_id\", \"destination\": \"external_id\", "
         "\"transform\": [\"cast:string\"]}, {\"source\": \"first_name\", \"destination\": \"first_name\"}]"},
    };
    for (const Setup &s : setups)
        if (which == QLatin1String("all") || which == s.name)
            measure(s);
    return 0;
}
