// Issue #10's regressions, driven as an operator's scripts drive Sluice: the
// real binary, the demo warehouse (200 rows) and loopback sinks that answer
// the way careless or hostile servers do. Each test names the item it guards.
#include "webhook_sink.h"
#include "engine/sync_engine.h"
#include "store/state_store.h"
#include "workspace/workspace.h"
#include "workspace/workspace_init.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QHostInfo>
#include <QSqlError>
#include <QTest>
#include <QTranslator>

#include <csignal>

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
    void csvRoundTripsEveryCharacter();
    void twoSyncsIntoOneFileLoseNothing();
    void checkCompilesWhatARunNeeds();
    void jsonAlwaysPrintsOneDocument();
    void rejectionsNameUnknownRunsAndUnrunSyncs();
    void compositeKeysNeverCollide();
    void firstRunsAtOnceBothMigrate();
    void staleAndForeignLocks();
    void translatedAndUntranslatedRunsShareOneLock();
    void damagedOrLostStateIsSaidOutLoud();
    void mirrorRefusesAMassDelete();
    void invalidUtf8IsCounted();
    void killedRunKeepsWhatSettled();
    void historyTellsARecordsStory();
    void metricsFollowTheRuns();
    void aPlanDeliveredInChunksSendsEachRecordOnce();

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
    QJsonObject fileConfig(const QString &type, const QString &path, const QJsonObject &syncExtra = {});
    bool sql(const QString &statement);

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

// A model of the demo's customers into a file destination, with the sync "to_file".
QJsonObject TestHardening::fileConfig(const QString &type, const QString &path, const QJsonObject &syncExtra)
{
    const QJsonArray fields{QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")}},
                            QJsonObject{{QStringLiteral("source"), QStringLiteral("first_name")}, {QStringLiteral("destination"), QStringLiteral("first_name")}}};
    QJsonObject sync{{QStringLiteral("model"), QStringLiteral("customers")}, {QStringLiteral("destination"), QStringLiteral("file")},
                     {QStringLiteral("mode"), QStringLiteral("mirror")}, {QStringLiteral("fields"), fields}};
    for (auto it = syncExtra.begin(); it != syncExtra.end(); ++it)
        sync.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("version"), 1},
        {QStringLiteral("sources"), QJsonObject{{QStringLiteral("demo"), QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")}, {QStringLiteral("path"), QStringLiteral("demo/warehouse.db")}}}}},
        {QStringLiteral("destinations"), QJsonObject{{QStringLiteral("file"), QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("path"), path}}}}},
        {QStringLiteral("models"), QJsonObject{{QStringLiteral("customers"), QJsonObject{{QStringLiteral("source"), QStringLiteral("demo")},
                                                                                        {QStringLiteral("primary_key"), QStringLiteral("customer_id")},
                                                                                        {QStringLiteral("sql"), QStringLiteral("select customer_id, email, first_name from customer_360")}}}}},
        {QStringLiteral("syncs"), QJsonObject{{QStringLiteral("to_file"), sync}}}};
}

bool TestHardening::sql(const QString &statement)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        db.setDatabaseName(m_ws + QStringLiteral("/demo/warehouse.db"));
        ok = db.open() && QSqlQuery(db).exec(statement);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    return ok;
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

// #10.4: RFC 4180 both ways, through several runs.
void TestHardening::csvRoundTripsEveryCharacter()
{
    writeConfig(fileConfig(QStringLiteral("csv"), QStringLiteral("out/c.csv")));
    const QHash<QString, QString> tricky{{QStringLiteral("1"), QStringLiteral("two\nlines")},
                                        {QStringLiteral("2"), QStringLiteral("carriage\rreturn")},
                                        {QStringLiteral("3"), QStringLiteral("say \"hi\", then go")},
                                        {QStringLiteral("4"), QStringLiteral("Zoë, 日本, 😀")},
                                        {QStringLiteral("5"), QStringLiteral("crlf\r\nend ")}};
    for (auto it = tricky.begin(); it != tricky.end(); ++it) {
        QString value = it.value();
        QVERIFY(sql(QStringLiteral("update users set first_name = '%1' where user_id = %2").arg(value.replace(QLatin1Char('\''), QStringLiteral("''")), it.key())));
    }
    auto fileRows = [&] {
        QFile f(m_ws + QStringLiteral("/out/c.csv"));
        f.open(QIODevice::ReadOnly);
        const QByteArray bytes = f.readAll();
        // Read the way a spreadsheet reads it: quoted cells may hold line breaks.
        QHash<QString, QString> names;
        QList<QStringList> rows;
        QStringList row;
        QString cell;
        bool quoted = false;
        const QString text = QString::fromUtf8(bytes);
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (quoted && c == QLatin1Char('"') && (i + 1 < text.size() ? text[i + 1] : QChar()) == QLatin1Char('"')) { cell += c; ++i; }
            else if (c == QLatin1Char('"')) quoted = !quoted;
            else if (!quoted && c == QLatin1Char(',')) { row.append(cell); cell.clear(); }
            else if (!quoted && c == QLatin1Char('\r') && (i + 1 < text.size() ? text[i + 1] : QChar()) == QLatin1Char('\n')) { }
            else if (!quoted && c == QLatin1Char('\n')) { row.append(cell); rows.append(row); row.clear(); cell.clear(); }
            else cell += c;
        }
        const QStringList header = rows.value(0);
        for (qsizetype r = 1; r < rows.size(); ++r)
            names.insert(rows[r].value(0), rows[r].value(header.indexOf(QStringLiteral("first_name"))));
        return names;
    };
    for (int round = 0; round < 3; ++round) {
        const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), round == 0 ? kRows : 0);
        const QHash<QString, QString> names = fileRows();
        QCOMPARE(names.size(), kRows);
        for (auto it = tricky.begin(); it != tricky.end(); ++it)
            QCOMPARE(names.value(it.key()), it.value());
    }
    QVERIFY(sql(QStringLiteral("update users set first_name = 'plain' where user_id = 3")));
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(counts(r.json).value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(counts(r.json).value(QStringLiteral("unchanged")).toInt(), kRows - 1);
    const QHash<QString, QString> names = fileRows();
    QCOMPARE(names.size(), kRows);
    QCOMPARE(names.value(QStringLiteral("3")), QStringLiteral("plain"));
    QCOMPARE(names.value(QStringLiteral("1")), tricky.value(QStringLiteral("1")));
}

// #10.5: two syncs writing one file at once never lose each other's records.
void TestHardening::twoSyncsIntoOneFileLoseNothing()
{
    QJsonObject config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/shared.jsonl"));
    QJsonObject models = config.value(QStringLiteral("models")).toObject();
    QJsonObject syncs;
    for (const char *half : {"even", "odd"}) {
        QJsonObject model = models.value(QStringLiteral("customers")).toObject();
        model.insert(QStringLiteral("sql"), QStringLiteral("select customer_id, email, first_name from customer_360 where customer_id % 2 = %1")
                                                .arg(qstrcmp(half, "even") == 0 ? 0 : 1));
        models.insert(QString::fromLatin1(half), model);
        QJsonObject sync = config.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("to_file")).toObject();
        sync.insert(QStringLiteral("model"), QString::fromLatin1(half));
        sync.insert(QStringLiteral("mode"), QStringLiteral("upsert"));
        syncs.insert(QStringLiteral("to_file_") + QString::fromLatin1(half), sync);
    }
    config.insert(QStringLiteral("models"), models);
    config.insert(QStringLiteral("syncs"), syncs);
    writeConfig(config);
    for (int round = 0; round < 4; ++round) {
        QVERIFY(sql(QStringLiteral("update users set first_name = 'round%1-' || user_id").arg(round)));
        QProcess a, b;
        a.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_file_even"), QStringLiteral("--workspace"), m_ws});
        b.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_file_odd"), QStringLiteral("--workspace"), m_ws});
        QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
        QCOMPARE(a.exitCode(), 0);
        QCOMPARE(b.exitCode(), 0);
        QFile f(m_ws + QStringLiteral("/out/shared.jsonl"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QHash<QString, QString> names;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.isEmpty()) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                names.insert(o.value(QStringLiteral("key")).toString(), o.value(QStringLiteral("fields")).toObject().value(QStringLiteral("first_name")).toString());
            }
        QCOMPARE(names.size(), kRows);
        for (auto it = names.begin(); it != names.end(); ++it)
            QCOMPARE(it.value(), QStringLiteral("round%1-%2").arg(round).arg(it.key()));
    }
}

// #10.17 and #11: check fails on what a run would fail on.
void TestHardening::checkCompilesWhatARunNeeds()
{
    // A mapped column the model does not have.
    QJsonObject config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/a.jsonl"));
    QJsonObject syncs = config.value(QStringLiteral("syncs")).toObject();
    QJsonObject sync = syncs.value(QStringLiteral("to_file")).toObject();
    QJsonArray fields = sync.value(QStringLiteral("fields")).toArray();
    fields.append(QJsonObject{{QStringLiteral("source"), QStringLiteral("nickname")}, {QStringLiteral("destination"), QStringLiteral("nick")}});
    sync.insert(QStringLiteral("fields"), fields);
    syncs.insert(QStringLiteral("to_file"), sync);
    config.insert(QStringLiteral("syncs"), syncs);
    writeConfig(config);
    Run r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("sync to_file: model customers: column nickname not found"), r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("object")).toString(), QStringLiteral("model customers"));

    // A connector this build does not have.
    config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/a.jsonl"));
    QJsonObject destinations = config.value(QStringLiteral("destinations")).toObject();
    destinations.insert(QStringLiteral("crm"), QJsonObject{{QStringLiteral("type"), QStringLiteral("mixpanel")}, {QStringLiteral("project_token"), QJsonObject{{QStringLiteral("env"), QStringLiteral("HOOK_TOKEN")}}}});
    config.insert(QStringLiteral("destinations"), destinations);
    writeConfig(config);
    r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("destination crm") && r.err.contains("not available in this build"), r.err.constData());

    // A webhook URL that is not http(s) is a configuration error everywhere.
    writeHookConfig(QStringLiteral("ftp://127.0.0.1/ingest"));
    r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("\"url\" must be an http:// or https:// URL"), r.err.constData());

    // An SQLite destination in a folder that does not exist yet: created, as for files.
    config = fileConfig(QStringLiteral("sqlite"), QStringLiteral("not/yet/there.db"));
    sync = config.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("to_file")).toObject();
    sync.insert(QStringLiteral("object"), QStringLiteral("customers"));
    destinations = config.value(QStringLiteral("destinations")).toObject();
    QJsonObject table = destinations.value(QStringLiteral("file")).toObject();
    table.insert(QStringLiteral("create_table"), true);
    destinations.insert(QStringLiteral("file"), table);
    config.insert(QStringLiteral("destinations"), destinations);
    config.insert(QStringLiteral("syncs"), QJsonObject{{QStringLiteral("to_file"), sync}});
    writeConfig(config);
    r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), kRows);
}

// #10.17: --json prints one document, also when the verb fails.
void TestHardening::jsonAlwaysPrintsOneDocument()
{
    qunsetenv("HOOK_TOKEN");
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("HOOK_TOKEN")),
             r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("object")).toString(), QStringLiteral("destination hook"));
    r = sluice({QStringLiteral("run"), QStringLiteral("nope"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
    r = sluice({QStringLiteral("plan"), QStringLiteral("to_hook"), QStringLiteral("--bogus"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
    QFile broken(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("{\"version\": 1, \"syncs\": 3}");
    broken.close();
    r = sluice({QStringLiteral("runs"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("sluice.json:1:")),
             r.err.constData());
}

// #10.17: an unknown run and a sync that never ran are said as such.
void TestHardening::rejectionsNameUnknownRunsAndUnrunSyncs()
{
    Run r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains("has not run yet"), r.err.constData());
    QVERIFY(r.json.value(QStringLiteral("last_run")).isNull());
    QVERIFY(r.json.value(QStringLiteral("rejections")).toArray().isEmpty());
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code == 0);
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--run"), QStringLiteral("BOGUS"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("no run BOGUS"), r.err.constData());
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
}

// #10.3: two rows never share one key silently.
void TestHardening::compositeKeysNeverCollide()
{
    QJsonObject config, model;
    for (const QString &diff : {QStringLiteral("local"), QStringLiteral("warehouse")}) {
    QDir(m_ws + QStringLiteral("/.sluice")).removeRecursively(); // a sync of its own each time
    config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/k-") + diff + QStringLiteral(".jsonl"), {{QStringLiteral("diff"), diff}});
    model = QJsonObject{{QStringLiteral("source"), QStringLiteral("demo")},
                      {QStringLiteral("primary_key"), QJsonArray{QStringLiteral("k1"), QStringLiteral("k2")}},
                      {QStringLiteral("sql"), QStringLiteral("select 'x|y' as k1, 'z' as k2, 'a@example.com' as email, 'A' as first_name "
                                                             "union all select 'x', 'y|z', 'b@example.com', 'B' "
                                                             "union all select 'x\\', '|z', 'c@example.com', 'C'")}};
    config.insert(QStringLiteral("models"), QJsonObject{{QStringLiteral("customers"), model}});
    writeConfig(config);
    Run r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 3);
    QFile f(m_ws + QStringLiteral("/out/k-") + diff + QStringLiteral(".jsonl"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QSet<QString> keys;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.isEmpty())
            keys.insert(QJsonDocument::fromJson(line).object().value(QStringLiteral("key")).toString());
    QCOMPARE(keys, (QSet<QString>{QStringLiteral("x\\|y|z"), QStringLiteral("x|y\\|z"), QStringLiteral("x\\\\|\\|z")}));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(counts(r.json).value(QStringLiteral("unchanged")).toInt(), 3);
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 0);
    }

    // In SQLite 1 and '1' are two values, but one key: refused, nothing sent.
    model.insert(QStringLiteral("primary_key"), QStringLiteral("id"));
    model.insert(QStringLiteral("sql"), QStringLiteral("select 1 as id, 'a@example.com' as email, 'A' as first_name "
                                                       "union all select '1', 'b@example.com', 'B'"));
    config.insert(QStringLiteral("models"), QJsonObject{{QStringLiteral("customers"), model}});
    QJsonObject destinations{{QStringLiteral("file"), QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")}, {QStringLiteral("path"), QStringLiteral("out/one.jsonl")}}}};
    config.insert(QStringLiteral("destinations"), destinations);
    writeConfig(config);
    Run r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("occur more than once"), r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY(!QFile::exists(m_ws + QStringLiteral("/out/one.jsonl")));
}

// #10.13: two first runs on a workspace without a state database.
void TestHardening::firstRunsAtOnceBothMigrate()
{
    QJsonObject config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/a.jsonl"));
    QJsonObject syncs = config.value(QStringLiteral("syncs")).toObject();
    QJsonObject destinations = config.value(QStringLiteral("destinations")).toObject();
    destinations.insert(QStringLiteral("file2"), QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")}, {QStringLiteral("path"), QStringLiteral("out/b.jsonl")}});
    QJsonObject second = syncs.value(QStringLiteral("to_file")).toObject();
    second.insert(QStringLiteral("destination"), QStringLiteral("file2"));
    syncs.insert(QStringLiteral("to_file2"), second);
    config.insert(QStringLiteral("syncs"), syncs);
    config.insert(QStringLiteral("destinations"), destinations);
    writeConfig(config);
    for (int round = 0; round < 5; ++round) {
        QDir(m_ws + QStringLiteral("/.sluice")).removeRecursively();
        QDir(m_ws + QStringLiteral("/out")).removeRecursively();
        QProcess a, b;
        a.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--workspace"), m_ws});
        b.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_file2"), QStringLiteral("--workspace"), m_ws});
        QVERIFY(a.waitForFinished(60000) && b.waitForFinished(60000));
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
    }
}

// #10.14: a lock from another host, or whose PID now belongs to another process.
void TestHardening::staleAndForeignLocks()
{
    QVERIFY(sluice({QStringLiteral("runs")}).code == 0); // creates the state database
    auto setLock = [&](const QString &host, qint64 pid, const QString &start) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
        db.setDatabaseName(m_ws + QStringLiteral("/.sluice/state.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO locks(name, owner_pid, host, acquired_at, process_start) VALUES ('sync to_hook', ?, ?, '2026-11-01T00:00:00.000Z', ?)"));
        q.addBindValue(pid);
        q.addBindValue(host);
        q.addBindValue(start);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        db.close();
    };
    setLock(QStringLiteral("elsewhere.example"), 4242, QStringLiteral("x/1"));
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("elsewhere.example") && r.err.contains("sluice unlock to_hook"), r.err.constData());
    QVERIFY2(!r.err.contains("not positioned"), r.err.constData());
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
    QCOMPARE(m_sink->requests(), 0);

    // unlock asks first; "n" keeps the lock, "y" clears it.
    auto unlock = [&](const QByteArray &answer) {
        QProcess p;
        p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("unlock"), QStringLiteral("to_hook"), QStringLiteral("--workspace"), m_ws});
        p.write(answer);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return std::make_pair(p.exitCode(), p.readAllStandardError());
    };
    auto [code, err] = unlock("n\n");
    QCOMPARE(code, 2);
    QVERIFY2(err.contains("another host"), err.constData());
    QCOMPARE(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code, 2);
    std::tie(code, err) = unlock("y\n");
    QVERIFY2(code == 0, err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());

    // Our own PID, alive, but a different process start: a reused PID, so the lock is stale.
    setLock(QHostInfo::localHostName(), QCoreApplication::applicationPid(), QStringLiteral("another-boot/12345"));
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    // And unlock refuses to clear the lock of a run that is alive.
    setLock(QHostInfo::localHostName(), QCoreApplication::applicationPid(), QString());
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    r = sluice({QStringLiteral("unlock"), QStringLiteral("to_hook"), QStringLiteral("--yes"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("running now"), r.err.constData());
}

namespace {

// Translates every string, as a German GUI would: a lock name that went
// through tr() would differ from the CLI's.
class EverythingTranslated final : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QStringLiteral("übersetzt: ") + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

// #11: a translated (GUI) run and a C-locale CLI run of one sync cannot overlap.
void TestHardening::translatedAndUntranslatedRunsShareOneLock()
{
    writeHookConfig(m_sink->url(), {{QStringLiteral("concurrency"), 1}});
    m_sink->delayNext(10, 400); // ten batches of 20, 0.4 s each: a 4 s run
    QProcess cli;
    QStringList env = QProcess::systemEnvironment();
    env.append(QStringLiteral("LC_ALL=C"));
    cli.setEnvironment(env);
    cli.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--workspace"), m_ws});
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->requests() >= 1, 20000);
    EverythingTranslated german;
    QCoreApplication::installTranslator(&german);
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    auto store = store::StateStore::open(ws->stateDbPath());
    QVERIFY(store.ok());
    const Result<engine::RunResult> gui = engine::runSync(ws.value(), *store.value(), QStringLiteral("to_hook"), {});
    QCoreApplication::removeTranslator(&german);
    QVERIFY(!gui.ok());
    QVERIFY2(gui.error().message.contains(QStringLiteral("already running")), qPrintable(gui.error().message));
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(m_sink->records().size(), kRows);
}

// #10.15: a damaged, emptied or deleted state database is said out loud.
void TestHardening::damagedOrLostStateIsSaidOutLoud()
{
    writeConfig(fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/s.jsonl")));
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_file")}).code == 0);
    const QString db = m_ws + QStringLiteral("/.sluice/state.db");
    QFile::remove(db + QStringLiteral("-wal"));
    QFile::remove(db + QStringLiteral("-shm"));
    for (const char *how : {"deleted", "emptied"}) {
        const QString backup = db + QStringLiteral(".bak");
        QFile::remove(backup);
        QVERIFY(QFile::copy(db, backup));
        QFile::remove(db);
        if (qstrcmp(how, "emptied") == 0) {
            QFile empty(db);
            QVERIFY(empty.open(QIODevice::WriteOnly));
        }
        Run r = sluice({QStringLiteral("plan"), QStringLiteral("to_file"), QStringLiteral("--json")});
        QVERIFY2(r.code == 2, how);
        QVERIFY2(r.err.contains("--full-resync"), r.err.constData());
        r = sluice({QStringLiteral("plan"), QStringLiteral("to_file"), QStringLiteral("--full-resync"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QFile::remove(db);
        QVERIFY(QFile::copy(backup, db));
    }
    // Pages of the record state zeroed: quick_check on open names the damage.
    QVERIFY(sluice({QStringLiteral("plan"), QStringLiteral("to_file")}).code == 0);
    QFile::remove(db + QStringLiteral("-wal"));
    QFile::remove(db + QStringLiteral("-shm"));
    QFile f(db);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 pages = f.size() / 4096;
    QVERIFY(pages > 4);
    for (qint64 page = 2; page < pages; ++page) {
        f.seek(page * 4096);
        f.write(QByteArray(4096, '\0'));
    }
    f.close();
    const Run r = sluice({QStringLiteral("plan"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("damaged") || r.err.contains("cannot be read"), r.err.constData());
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
}

// #10.16: a mirror run that would empty the destination stops first.
void TestHardening::mirrorRefusesAMassDelete()
{
    writeConfig(fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/m.jsonl")));
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_file")}).code == 0);
    const QByteArray before = [&] { QFile f(m_ws + QStringLiteral("/out/m.jsonl")); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    QVERIFY(sql(QStringLiteral("delete from users where user_id > 50")));
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("would remove 150 of the 200") && r.err.contains("--allow-mass-delete"), r.err.constData());
    QFile f(m_ws + QStringLiteral("/out/m.jsonl"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    f.close();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--allow-mass-delete"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("removed")).toInt(), 150);
}

// #10.18: invalid UTF-8 from the warehouse is counted and reported, not hidden.
void TestHardening::invalidUtf8IsCounted()
{
    writeConfig(fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/u.jsonl")));
    QVERIFY(sql(QStringLiteral("update users set first_name = CAST(X'41FF42' AS TEXT) where user_id in (1, 2)")));
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("invalid_utf8_values")).toInt(), 2);
    QVERIFY2(r.err.contains("2 text value(s) in the model were not valid UTF-8"), r.err.constData());
    const Run runs = sluice({QStringLiteral("runs"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(runs.json.value(QStringLiteral("runs")).toArray().first().toObject().value(QStringLiteral("metrics")).toObject()
                 .value(QStringLiteral("invalid_utf8_values")).toInt(), 2);
}

// #10.18: a run killed mid-delivery still reports what it delivered.
void TestHardening::killedRunKeepsWhatSettled()
{
    writeHookConfig(m_sink->url(), {{QStringLiteral("concurrency"), 1}});
    m_sink->delayNext(10, 300);
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--workspace"), m_ws});
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->deliveries().size() >= 100, 30000);
    QTest::qWait(400);
    ::kill(pid_t(p.processId()), SIGKILL);
    p.waitForFinished(10000);
    const int arrived = m_sink->deliveries().size();
    QVERIFY(arrived < kRows);
    const Run runs = sluice({QStringLiteral("runs"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    const QJsonObject run = runs.json.value(QStringLiteral("runs")).toArray().first().toObject();
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    const int recorded = counts(run).value(QStringLiteral("delivered")).toInt();
    // Every batch that settled is counted; at most the one in flight (20 records) arrived unrecorded.
    QVERIFY2(recorded >= arrived - 20 && recorded <= arrived, qPrintable(QStringLiteral("%1 of %2").arg(recorded).arg(arrived)));
}

// #11.5: every send of a record is kept, with the destination's words; a
// past run's rejections stay attached to that run.
void TestHardening::historyTellsARecordsStory()
{
    {
        QFile f(m_ws + QStringLiteral("/sluice.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
        config.insert(QStringLiteral("ledger"), QJsonObject{{QStringLiteral("payloads"), QStringLiteral("all")}});
        f.close();
        writeConfig(config);
    }
    m_sink->rejectKeys({{QStringLiteral("7"), QStringLiteral("email is on the suppression list")}});
    Run first = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(first.code, 3);
    const QString firstRun = first.json.value(QStringLiteral("run_id")).toString();
    m_sink->clearFaults();
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code == 0);
    QVERIFY(sql(QStringLiteral("update users set first_name = 'Renamed' where user_id = 7")));
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code == 0);

    Run h = sluice({QStringLiteral("history"), QStringLiteral("to_hook"), QStringLiteral("7"), QStringLiteral("--json")});
    QVERIFY2(h.code == 0, h.err.constData());
    const QJsonArray events = h.json.value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[0].toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("rejected"));
    QCOMPARE(events[0].toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("email is on the suppression list"));
    QCOMPARE(events[0].toObject().value(QStringLiteral("run_id")).toString(), firstRun);
    QCOMPARE(events[1].toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("delivered"));
    QCOMPARE(events[2].toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("delivered"));
    QCOMPARE(events[2].toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("first_name")).toString(), QStringLiteral("Renamed"));
    QVERIFY(events[1].toObject().value(QStringLiteral("payload_hash")).toString() != events[2].toObject().value(QStringLiteral("payload_hash")).toString());
    QVERIFY(h.json.value(QStringLiteral("in_destination")).toBool());
    QVERIFY2(h.err.contains("rejected: email is on the suppression list"), h.err.constData());

    // The first run's rejection is still that run's, though the record arrived since.
    Run r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--run"), firstRun, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(QStringLiteral("rejections")).toArray().size(), 1);
    QCOMPARE(r.json.value(QStringLiteral("rejections")).toArray().first().toObject().value(QStringLiteral("key")).toString(), QStringLiteral("7"));
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("rejections")).toArray().size(), 0);

    // A field that sends a PII column in clear keeps no payload in the ledger.
    QJsonObject config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/p.jsonl"));
    QJsonObject models = config.value(QStringLiteral("models")).toObject();
    QJsonObject model = models.value(QStringLiteral("customers")).toObject();
    model.insert(QStringLiteral("pii"), QJsonArray{QStringLiteral("email")});
    models.insert(QStringLiteral("customers"), model);
    config.insert(QStringLiteral("models"), models);
    writeConfig(config);
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_file")}).code == 0);
    h = sluice({QStringLiteral("history"), QStringLiteral("to_file"), QStringLiteral("7"), QStringLiteral("--json")});
    QCOMPARE(h.json.value(QStringLiteral("events")).toArray().size(), 1);
    QVERIFY(!h.json.value(QStringLiteral("events")).toArray().first().toObject().contains(QStringLiteral("payload")));
    QVERIFY(!h.json.value(QStringLiteral("events")).toArray().first().toObject().value(QStringLiteral("payload_hash")).toString().isEmpty());
}

// #16 (CLI): the measures follow what the runs did: a failure, then a recovery.
void TestHardening::metricsFollowTheRuns()
{
    Run r = sluice({QStringLiteral("metrics"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(QStringLiteral("workspace")).toObject().value(QStringLiteral("runs")).toInt(), 0);
    QVERIFY(r.json.value(QStringLiteral("workspace")).toObject().value(QStringLiteral("success_rate")).isNull());
    m_sink->failNext(1000, 401);
    QCOMPARE(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code, 1);
    m_sink->clearFaults();
    m_sink->rejectKeys({{QStringLiteral("3"), QStringLiteral("no")}});
    QCOMPARE(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code, 3);
    m_sink->clearFaults();
    QCOMPARE(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code, 0);
    r = sluice({QStringLiteral("metrics"), QStringLiteral("to_hook"), QStringLiteral("--since"), QStringLiteral("24h"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject m = r.json.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("to_hook")).toObject();
    QCOMPARE(m.value(QStringLiteral("runs")).toInt(), 3);
    QCOMPARE(m.value(QStringLiteral("success_rate")).toDouble(), 1.0 / 3.0);
    QCOMPARE(m.value(QStringLiteral("rejection_rate")).toDouble(), 1.0 / 201.0); // 199 + 1 delivered, 1 rejected, of 201 sent
    QVERIFY(m.value(QStringLiteral("mttd_s")).isDouble());
    QVERIFY(m.value(QStringLiteral("mttr_s")).isDouble());
    QVERIFY(m.value(QStringLiteral("freshness_lag_s")).isDouble());
    QVERIFY(m.value(QStringLiteral("match_rate")).isNull());
    QCOMPARE(r.json.value(QStringLiteral("workspace")).toObject().value(QStringLiteral("runs")).toInt(), 3);
    QVERIFY(r.json.contains(QStringLiteral("since")) && r.json.contains(QStringLiteral("until")));
    QVERIFY2(r.err.contains("time to resolve"), r.err.constData());
    r = sluice({QStringLiteral("metrics"), QStringLiteral("--since"), QStringLiteral("fortnight"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
}

// #11.2: a run's plan waits on disk and goes out a chunk at a time; batch
// numbers (and so Idempotency-Keys) continue across chunks, a refused record
// in a later chunk is still isolated, and a mirror removal arrives last.
void TestHardening::aPlanDeliveredInChunksSendsEachRecordOnce()
{
    writeHookConfig(m_sink->url(), {{QStringLiteral("batch_size"), 7}});
    m_sink->rejectKeys({{QStringLiteral("150"), QStringLiteral("no")}});
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    auto store = store::StateStore::open(ws->stateDbPath());
    QVERIFY(store.ok());
    engine::SyncOptions options;
    options.deliveryChunk = 30; // 200 records: seven chunks
    qint64 lastDone = 0, lastTotal = 0;
    options.progress = [&](const QString &stage, qint64 done, qint64 total) {
        if (stage == QLatin1String("deliver"))
            lastDone = done, lastTotal = total;
    };
    const Result<engine::RunResult> run = engine::runSync(ws.value(), *store.value(), QStringLiteral("to_hook"), options);
    QVERIFY(run.ok());
    QCOMPARE(toString(run->status), QStringLiteral("partial"));
    QCOMPARE(run->plan.counts.delivered, kRows - 1);
    QCOMPARE(run->plan.counts.rejected, 1);
    QCOMPARE(lastDone, kRows);
    QCOMPARE(lastTotal, kRows);
    QCOMPARE(m_sink->records().size(), kRows - 1);
    const QList<QByteArray> keys = m_sink->idempotencyKeys();
    QCOMPARE(QSet<QByteArray>(keys.begin(), keys.end()).size(), keys.size()); // never one key for two batches
    const QHash<QString, int> deliveries = m_sink->deliveries();
    for (auto it = deliveries.begin(); it != deliveries.end(); ++it)
        QCOMPARE(it.value(), 1);
    QVERIFY(QDir(m_ws + QStringLiteral("/.sluice/tmp")).entryList(QDir::Files).isEmpty()); // the plan's file is gone
}

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
