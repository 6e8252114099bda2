// Connector throughput against each emulator at the tool's documented rate
// limit, with the connector's default settings: records/s, requests/s as a
// share of the limit, the busiest window the emulator saw, and 429s.
//   bench_connectors [hubspot|braze|braze-paced|iterable|intercom|salesforce|mixpanel|klaviyo] [ROWS]
// Salesforce, Mixpanel and Klaviyo document no per-window request limit
// that applies here: for them the emulator does not throttle and the figure
// is plain throughput.
#include "braze_emulator.h"
#include "hubspot_emulator.h"
#include "intercom_emulator.h"
#include "iterable_emulator.h"
#include "klaviyo_emulator.h"
#include "mixpanel_emulator.h"
#include "salesforce_emulator.h"
#include "workspace/workspace_init.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace sluice;

namespace {

// An emulator kind: made with a window limit; its busiest window and its 429s read back.
struct Emulator
{
    std::function<std::unique_ptr<test::EmulatorServer>(int limit)> make;
    std::function<int(test::EmulatorServer &)> busiest;
    std::function<int(test::EmulatorServer &)> throttled;
};

template <class E>
Emulator emulator(std::function<std::unique_ptr<test::EmulatorServer>(int)> make)
{
    return {std::move(make), [](test::EmulatorServer &e) { return static_cast<E &>(e).maxInWindow(); },
            [](test::EmulatorServer &e) { return static_cast<E &>(e).throttled(); }};
}

struct Setup
{
    QString name;
    int limit;         // requests per window, as documented (0: none applies)
    int windowSeconds;
    int rows;
    QByteArray destination; // JSON, %1 = base URL
    QByteArray sync;        // JSON of match and fields
    Emulator kind;
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
    std::unique_ptr<test::EmulatorServer> emulator = s.kind.make(s.limit > 0 ? s.limit : 1000000);
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
    const int requests = emulator->requestCount();
    const int busiest = s.kind.busiest(*emulator);
    const int throttled = s.kind.throttled(*emulator);
    if (s.limit <= 0) {
        std::printf("%s: %d rows, %d delivered in %.2f s = %.0f records/s; %d requests = %.2f requests/s (no per-window limit applies); exit %d\n",
                    qPrintable(s.name), s.rows, delivered, seconds, delivered / seconds, requests, requests / seconds, p.exitCode());
        return;
    }
    // Pacing is judged over delivery: from the first write request to the
    // last one as the emulator saw them arrive. The run's start (extracting
    // and planning, a GET of the tool's fields) is in the records/s above.
    QList<qint64> writes;
    for (const test::EmulatorServer::Request &r : emulator->requests())
        if (r.method != "GET")
            writes.append(r.arrivedMs);
    std::sort(writes.begin(), writes.end());
    const double span = writes.size() > 1 ? (writes.last() - writes.first()) / 1000.0 : 0;
    const double paced = span > 0 ? (writes.size() - 1) / span : 0;
    const double limitPerSecond = double(s.limit) / s.windowSeconds;
    std::printf("%s: %d rows, %d delivered in %.2f s = %.0f records/s; %d requests; delivery: %lld writes in %.2f s = %.2f requests/s, "
                "%.1f %% of the documented %.1f/s; busiest %d-s window %d of %d; %d answers of 429; exit %d\n",
                qPrintable(s.name), s.rows, delivered, seconds, delivered / seconds, requests, qlonglong(writes.size()), span, paced,
                100.0 * paced / limitPerSecond, limitPerSecond, s.windowSeconds, busiest, s.limit, throttled, p.exitCode());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString which = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("all");
    auto rows = [&](int fallback) { return argc > 2 ? atoi(argv[2]) : fallback; };
    const QString secret = QStringLiteral("bench-secret");
    const QList<Setup> setups{
        {QStringLiteral("hubspot"), 100, 10, rows(15000),
         "{\"type\": \"hubspot\", \"token\": {\"env\": \"BENCH_SECRET\"}, \"base_url\": \"%1\"}",
         "\"object\": \"contacts\", \"match\": {\"source\": \"email\", \"destination\": \"email\"}, \"fields\": [{\"source\": \"email\", \"destination\": \"email\", "
         "\"transform\": [\"email\"]}, {\"source\": \"first_name\", \"destination\": \"firstname\"}]",
         emulator<test::HubSpotEmulator>([=](int limit) { return std::make_unique<test::HubSpotEmulator>(secret, limit); })},
        {QStringLiteral("braze"), 3000, 3, rows(50000),
         "{\"type\": \"braze\", \"api_key\": {\"env\": \"BENCH_SECRET\"}, \"base_url\": \"%1\"}",
         "\"match\": {\"source\": \"customer_id\", \"destination\": \"external_id\"}, \"fields\": [{\"source\": \"customer_id\", \"destination\": \"external_id\", "
         "\"transform\": [\"cast:string\"]}, {\"source\": \"first_name\", \"destination\": \"first_name\"}]",
         emulator<test::BrazeEmulator>([=](int limit) { return std::make_unique<test::BrazeEmulator>(secret, limit); })},
        // Braze's own limit is out of reach of one workstation's round trips:
        // the same connector held to a limit it can reach (rate_limit set to
        // 300 per 3 s, the emulator enforcing the same) shows its pacing.
        {QStringLiteral("braze-paced"), 300, 3, rows(50000),
         "{\"type\": \"braze\", \"api_key\": {\"env\": \"BENCH_SECRET\"}, \"base_url\": \"%1\", \"rate_limit\": {\"requests\": 300, \"per_seconds\": 3}}",
         "\"match\": {\"source\": \"customer_id\", \"destination\": \"external_id\"}, \"fields\": [{\"source\": \"customer_id\", \"destination\": \"external_id\", "
         "\"transform\": [\"cast:string\"]}, {\"source\": \"first_name\", \"destination\": \"first_name\"}]",
         emulator<test::BrazeEmulator>([=](int limit) { return std::make_unique<test::BrazeEmulator>(secret, limit); })},
        {QStringLiteral("iterable"), 5, 1, rows(50000),
         "{\"type\": \"iterable\", \"api_key\": {\"env\": \"BENCH_SECRET\"}, \"base_url\": \"%1\"}",
         "\"match\": {\"source\": \"email\", \"destination\": \"email\"}, \"fields\": [{\"source\": \"email\", \"destination\": \"email\", "
         "\"transform\": [\"email\"]}, {\"source\": \"first_name\", \"destination\": \"firstName\"}]",
         emulator<test::IterableEmulator>([=](int limit) { return std::make_unique<test::IterableEmulator>(secret, limit); })},
        {QStringLiteral("intercom"), 1666, 10, rows(6000),
         "{\"type\": \"intercom\", \"token\": {\"env\": \"BENCH_SECRET\"}, \"base_url\": \"%1\"}",
         "\"match\": {\"source\": \"customer_id\", \"destination\": \"external_id\"}, \"fields\": [{\"source\": \"customer_id\", \"destination\": \"external_id\", "
         "\"transform\": [\"cast:string\"]}, {\"source\": \"first_name\", \"destination\": \"name\"}]",
         emulator<test::IntercomEmulator>([=](int limit) { return std::make_unique<test::IntercomEmulator>(secret, limit, 10000); })},
        {QStringLiteral("salesforce"), 0, 1, rows(50000),
         "{\"type\": \"salesforce\", \"token\": {\"env\": \"BENCH_SECRET\"}, \"base_url\": \"%1\"}",
         "\"object\": \"Contact\", \"match\": {\"source\": \"customer_id\", \"destination\": \"External_Id__c\"}, \"fields\": [{\"source\": \"customer_id\", "
         "\"destination\": \"External_Id__c\", \"transform\": [\"cast:string\"]}, {\"source\": \"first_name\", \"destination\": \"LastName\", \"transform\": [\"default:-\"]}]",
         emulator<test::SalesforceEmulator>([=](int limit) { return std::make_unique<test::SalesforceEmulator>(secret, limit); })},
        {QStringLiteral("mixpanel"), 0, 1, rows(50000),
         "{\"type\": \"mixpanel\", \"project_token\": {\"env\": \"BENCH_SECRET\"}, \"base_url\": \"%1\"}",
         "\"match\": {\"source\": \"customer_id\", \"destination\": \"$distinct_id\"}, \"fields\": [{\"source\": \"customer_id\", \"destination\": \"$distinct_id\", "
         "\"transform\": [\"cast:string\"]}, {\"source\": \"first_name\", \"destination\": \"$first_name\"}]",
         emulator<test::MixpanelEmulator>([=](int limit) { return std::make_unique<test::MixpanelEmulator>(secret, limit); })},
        {QStringLiteral("klaviyo"), 0, 1, rows(50000),
         "{\"type\": \"klaviyo\", \"api_key\": {\"env\": \"BENCH_SECRET\"}, \"base_url\": \"%1\"}",
         "\"match\": {\"source\": \"customer_id\", \"destination\": \"external_id\"}, \"fields\": [{\"source\": \"customer_id\", \"destination\": \"external_id\", "
         "\"transform\": [\"cast:string\"]}, {\"source\": \"first_name\", \"destination\": \"first_name\"}]",
         emulator<test::KlaviyoEmulator>([=](int limit) { return std::make_unique<test::KlaviyoEmulator>(secret, limit); })},
    };
    for (const Setup &s : setups)
        if (which == QLatin1String("all") || which == s.name)
            measure(s);
    return 0;
}
