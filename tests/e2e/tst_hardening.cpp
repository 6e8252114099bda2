// Issue #10's regressions, driven as an operator's scripts drive Sluice: the
// real binary, the demo warehouse (200 rows) and loopback sinks that answer
// the way careless or hostile servers do. Each test names the item it guards.
#include "webhook_sink.h"
#include "workspace/workspace_init.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

namespace {

constexpr int kRows = 200;

QJsonObject counts(const QJsonObject &run)
{
    return run.value(QStringLiteral("counts")).toObject();
}

} // namespace

class TestHardening final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void redirectsAreNeverDeliveries_data();
    void redirectsAreNeverDeliveries();
    void credentialsNeverFollowARedirect();
    void refusedCredentialsFailTheRunWithoutRejectingRecords();
    void retryAfterBeyondTheCeilingEndsTheRunHonestly();
    void retryAfterAsAnHttpDateIsHonoured();
    void timeoutBoundsTheWholeRequest();

private:
    struct Run
    {
        int code = -1;
        QJsonObject json;
        QByteArray err;
    };
    Run sluice(const QStringList &args, const QStringList &env = {});
    void writeHookConfig(const QString &url, const QJsonObject &extra = {});
    void writeConfig(const QJsonObject &config);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::WebhookSink> m_sink;
    QString m_ws;
};

TestHardening::Run TestHardening::sluice(const QStringList &args, const QStringList &env)
{
    QProcess p;
    QStringList environment = QProcess::systemEnvironment();
    environment.append(env);
    p.setEnvironment(environment);
    p.start(QStringLiteral(SLUICE_BINARY), args + QStringList{QStringLiteral("--workspace"), m_ws});
    p.waitForFinished(180000);
    return {p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object(), p.readAllStandardError()};
}

void TestHardening::writeConfig(const QJsonObject &config)
{
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
}

void TestHardening::writeHookConfig(const QString &url, const QJsonObject &extra)
{
    QJsonObject hook{{QStringLiteral("type"), QStringLiteral("webhook")},
                     {QStringLiteral("url"), url},
                     {QStringLiteral("batch_size"), 20},
                     {QStringLiteral("concurrency"), 2},
                     {QStringLiteral("timeout_s"), 2},
                     {QStringLiteral("backoff_ms"), 50},
                     {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Authorization"), QJsonObject{{QStringLiteral("env"), QStringLiteral("HOOK_TOKEN")}}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        hook.insert(it.key(), it.value());
    const QJsonArray fields{QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")}},
                            QJsonObject{{QStringLiteral("source"), QStringLiteral("first_name")}, {QStringLiteral("destination"), QStringLiteral("first_name")}}};
    writeConfig(QJsonObject{
        {QStringLiteral("version"), 1},
        {QStringLiteral("sources"), QJsonObject{{QStringLiteral("demo"), QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")}, {QStringLiteral("path"), QStringLiteral("demo/warehouse.db")}}}}},
        {QStringLiteral("destinations"), QJsonObject{{QStringLiteral("hook"), hook}}},
        {QStringLiteral("models"), QJsonObject{{QStringLiteral("customers"), QJsonObject{{QStringLiteral("source"), QStringLiteral("demo")},
                                                                                        {QStringLiteral("primary_key"), QStringLiteral("customer_id")},
                                                                                        {QStringLiteral("sql"), QStringLiteral("select customer_id, email, first_name from customer_360")}}}}},
        {QStringLiteral("syncs"), QJsonObject{{QStringLiteral("to_hook"), QJsonObject{{QStringLiteral("model"), QStringLiteral("customers")},
                                                                                      {QStringLiteral("destination"), QStringLiteral("hook")},
                                                                                      {QStringLiteral("mode"), QStringLiteral("upsert")},
                                                                                      {QStringLiteral("fields"), fields}}}}}});
}

void TestHardening::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sink = std::make_unique<test::WebhookSink>();
    m_ws = m_dir->filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = kRows;
    QVERIFY(workspace::initWorkspace(m_ws, options).ok());
    writeHookConfig(m_sink->url());
    qputenv("HOOK_TOKEN", "Bearer hardening-s3cr3t");
}

void TestHardening::cleanup()
{
    m_sink.reset();
    m_dir.reset();
}

// #10.1: a 3xx is never a delivery, and the records are still to send.
void TestHardening::redirectsAreNeverDeliveries_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("301") << 301;
    QTest::newRow("302") << 302;
    QTest::newRow("303") << 303;
    QTest::newRow("307") << 307;
    QTest::newRow("308") << 308;
}

void TestHardening::redirectsAreNeverDeliveries()
{
    QFETCH(int, status);
    test::WebhookSink elsewhere;
    m_sink->failNextWith(1000, status, {{"Location", elsewhere.url().toUtf8()}});
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 0);
    QVERIFY2(r.err.contains("redirect"), r.err.constData());
    QCOMPARE(elsewhere.requests(), 0);
    for (const test::WebhookSink::Received &seen : m_sink->received())
        QCOMPARE(seen.method, QByteArray("POST"));
    // Nothing was marked delivered: the next run sends all of it.
    m_sink->clearFaults();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), kRows);
    QCOMPARE(m_sink->records().size(), kRows);
}

// #10.2: a secret header never reaches another origin.
void TestHardening::credentialsNeverFollowARedirect()
{
    test::WebhookSink elsewhere;
    const QString otherOrigin = QStringLiteral("http://localhost:%1/ingest").arg(elsewhere.port());
    m_sink->failNextWith(1000, 307, {{"Location", otherOrigin.toUtf8()}});
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(elsewhere.requests(), 0);
    QVERIFY(!r.err.contains("hardening-s3cr3t"));
    QVERIFY(!QJsonDocument(r.json).toJson().contains("hardening-s3cr3t"));
    // The origin that was configured did get it, so the header was really sent.
    QVERIFY(!m_sink->received().isEmpty());
    QCOMPARE(m_sink->received().first().headers.value("authorization"), QByteArray("Bearer hardening-s3cr3t"));
}

// #10.11: 401 fails the run as refused credentials after a handful of requests.
void TestHardening::refusedCredentialsFailTheRunWithoutRejectingRecords()
{
    m_sink->failNext(1000, 401);
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
    QVERIFY(r.json.value(QStringLiteral("rejections")).toArray().isEmpty());
    QVERIFY2(m_sink->requests() <= 2, qPrintable(QString::number(m_sink->requests()))); // concurrency 2
    const QString message = r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("destination hook")) && message.contains(QStringLiteral("refused the credentials")), qPrintable(message));
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("rejections")).toArray().size(), 0);
    m_sink->clearFaults();
    m_sink->failNext(1000, 403);
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
}

// #10.10: a day-long Retry-After does not hold the run (and its lock) for a day.
void TestHardening::retryAfterBeyondTheCeilingEndsTheRunHonestly()
{
    m_sink->failNext(1, 429, 86400);
    QElapsedTimer clock;
    clock.start();
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(r.code, 1);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    const QString message = r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("destination hook")) && message.contains(QStringLiteral("86400 s")), qPrintable(message));
    const int delivered = counts(r.json).value(QStringLiteral("delivered")).toInt();
    QVERIFY(delivered < kRows);
    QCOMPARE(m_sink->records().size(), delivered); // what it reports delivered, arrived
    m_sink->clearFaults();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), kRows - delivered);
    QCOMPARE(m_sink->records().size(), kRows);
}

// #10.10: Retry-After as an HTTP date is a wait, not "retry in 0.1 s".
void TestHardening::retryAfterAsAnHttpDateIsHonoured()
{
    writeHookConfig(m_sink->url(), {{QStringLiteral("concurrency"), 1}, {QStringLiteral("batch_size"), 500}});
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(3);
    const QByteArray date = QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    m_sink->failNextWith(1, 503, {{"Retry-After", date}});
    QElapsedTimer clock;
    clock.start();
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(m_sink->requests(), 2);
    QVERIFY2(clock.elapsed() >= 1500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_sink->records().size(), kRows);
}

// #10.12: timeout_s bounds a request that trickles its answer.
void TestHardening::timeoutBoundsTheWholeRequest()
{
    writeHookConfig(m_sink->url(), {{QStringLiteral("concurrency"), 1}, {QStringLiteral("batch_size"), 500}, {QStringLiteral("max_attempts"), 2}});
    m_sink->trickleNext(5, 300); // a 13-byte answer over ~4 s, against timeout_s 2
    QElapsedTimer clock;
    clock.start();
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(clock.elapsed() < 9000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("within 2 s")), r.err.constData());
}

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
