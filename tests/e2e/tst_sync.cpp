// Syncs as an operator's scripts run them: the real `sluice` binary against
// the demo warehouse, a jsonl file and a loopback webhook sink that misbehaves
// on request.
#include "webhook_sink.h"
#include "workspace/workspace_init.h"

#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace sluice;

class TestSync final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void fileMirrorSendsOnlyWhatChanged();
    void planSendsNothing();
    void webhookSurvivesFaultsAndReportsRejections();
    void unreachableDestinationFailsWithoutAdvancingState();
    void badInputSendsNothing();
    void destinationSchemaHoldsBackWhatWouldBeDistorted();
    void consentAndModes();
    void secondRunRefusesAndStaleLockIsRecovered();
    void killDashNineNeverLosesARecord();
    void interruptStopsCleanly();

private:
    struct Run
    {
        int code = -1;
        QJsonObject json;
        QByteArray err;
    };
    Run sluice(const QStringList &args, const QStringList &env = {});
    void writeConfig(const QString &hookUrl);
    bool sql(const QString &statement);
    QHash<QString, QString> modelFirstNames(); // key -> first_name, as the model has them
    QHash<QString, QJsonObject> fileRecords(const QString &path);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::WebhookSink> m_sink;
    QString m_ws;
};

// The same suite proves both diff strategies: SLUICE_TEST_DIFF=warehouse runs it
// with the state inside the (SQLite) warehouse.
static QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

static QString diff()
{
    return qEnvironmentVariableIsSet("SLUICE_TEST_DIFF") ? qEnvironmentVariable("SLUICE_TEST_DIFF") : QStringLiteral("local");
}

TestSync::Run TestSync::sluice(const QStringList &args, const QStringList &env)
{
    QProcess p;
    QStringList environment = QProcess::systemEnvironment();
    environment.append(env);
    p.setEnvironment(environment);
    p.start(QStringLiteral(SLUICE_BINARY), args + QStringList{QStringLiteral("--workspace"), m_ws});
    p.waitForFinished(180000);
    return {p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object(), p.readAllStandardError()};
}

void TestSync::writeConfig(const QString &hookUrl)
{
    const QString fields = QStringLiteral(R"([{"source": "customer_id", "destination": "id"},
        {"source": "first_name", "destination": "first_name"}, {"source": "ltv", "destination": "ltv", "transform": ["round:2"]}])");
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral(R"({"version": 1,
  "sources": {"demo": {"driver": "sqlite", "path": "demo/warehouse.db"}},
  "destinations": {
    "file": {"type": "jsonl", "path": "out/all.jsonl"},
    "hook": {"type": "webhook", "url": "%1", "batch_size": 50, "concurrency": 3, "timeout_s": 2, "backoff_ms": 50,
             "headers": {"Authorization": {"env": "SLUICE_TEST_HOOK_TOKEN"}}}},
  "models": {"customers": {"source": "demo", "primary_key": "customer_id", "freshness": "updated_at", "pii": ["email"],
    "sql": "select customer_id, email, first_name, ltv, marketing_consent, updated_at from customer_360"}},
  "syncs": {
    "to_file": {"model": "customers", "destination": "file", "mode": "mirror", "diff": "%3", "fields": %2},
    "to_hook": {"model": "customers", "destination": "hook", "mode": "mirror", "diff": "%3", "fields": %2}}}
)").arg(hookUrl, fields, diff()).toUtf8());
}

bool TestSync::sql(const QString &statement)
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

QHash<QString, QString> TestSync::modelFirstNames()
{
    QHash<QString, QString> out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("model"));
        db.setDatabaseName(m_ws + QStringLiteral("/demo/warehouse.db"));
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("select customer_id, first_name from customer_360"));
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("model"));
    return out;
}

QHash<QString, QJsonObject> TestSync::fileRecords(const QString &path)
{
    QHash<QString, QJsonObject> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        out.insert(o.value(QStringLiteral("key")).toString(), o.value(QStringLiteral("fields")).toObject());
    }
    return out;
}

void TestSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sink = std::make_unique<test::WebhookSink>();
    m_ws = m_dir->filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 2000;
    QVERIFY(workspace::initWorkspace(m_ws, options).ok());
    writeConfig(m_sink->url());
    qputenv("SLUICE_TEST_HOOK_TOKEN", "Bearer test-token-s3cr3t");
}

void TestSync::cleanup()
{
    m_sink.reset();
    m_dir.reset();
}

void TestSync::fileMirrorSendsOnlyWhatChanged()
{
    const QString file = m_ws + QStringLiteral("/out/all.jsonl");
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 2000);
    QHash<QString, QString> model = modelFirstNames();
    QHash<QString, QJsonObject> written = fileRecords(file);
    QCOMPARE(QSet<QString>(written.keyBegin(), written.keyEnd()), QSet<QString>(model.keyBegin(), model.keyEnd()));

    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 0);
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("unchanged")).toInt(), 2000);

    QVERIFY(sql(QStringLiteral("update users set first_name = 'Changed' where user_id in (1, 2, 3)")));
    QVERIFY(sql(QStringLiteral("delete from users where user_id in (10, 11)")));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject counts = r.json.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("changed")).toInt(), 3);
    QCOMPARE(counts.value(QStringLiteral("removed")).toInt(), 2);
    QCOMPARE(counts.value(QStringLiteral("delivered")).toInt(), 5);
    written = fileRecords(file);
    QCOMPARE(written.size(), 1998);
    QCOMPARE(written.value(QStringLiteral("2")).value(QStringLiteral("first_name")).toString(), QStringLiteral("Changed"));
    QVERIFY(!written.contains(QStringLiteral("10")));
    // The three changed customers were each found in the file: matched.
    auto matchRate = [this] {
        const Run m = sluice({QStringLiteral("metrics"), QStringLiteral("to_file"), QStringLiteral("--json")});
        return m.json.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("to_file")).toObject().value(QStringLiteral("match_rate"));
    };
    QCOMPARE(matchRate(), QJsonValue(1.0));

    // Someone removes two customers from the file by hand; when they change,
    // they are written again, but they no longer matched: the rate says so
    // (5 of the 7 changed records sent so far were found), and so does an alert.
    QByteArray kept;
    for (const QByteArray &line : readFile(file).split('\n'))
        if (!line.isEmpty() && !line.contains("\"key\":\"4\"}") && !line.contains("\"key\":\"5\"}"))
            kept += line + '\n';
    QFile rewrite(file);
    QVERIFY(rewrite.open(QIODevice::WriteOnly | QIODevice::Truncate));
    rewrite.write(kept);
    rewrite.close();
    QCOMPARE(fileRecords(file).size(), 1996);
    QVERIFY(sql(QStringLiteral("update users set first_name = 'Again' where user_id in (4, 5, 6, 7)")));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(fileRecords(file).size(), 1998);
    QCOMPARE(matchRate().toDouble(), 5.0 / 7.0);
    const Run alerts = sluice({QStringLiteral("alerts"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QVERIFY2(QJsonDocument(alerts.json).toJson().contains("match_rate_below"), QJsonDocument(alerts.json).toJson().constData());

    // Run history records every run with its counts.
    r = sluice({QStringLiteral("runs"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(QStringLiteral("runs")).toArray().size(), 4);
}

void TestSync::planSendsNothing()
{
    const Run check = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QVERIFY2(check.code == 0, check.err.constData()); // sources, models and the sink are all reachable
    Run r = sluice({QStringLiteral("plan"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("planned"));
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("added")).toInt(), 2000);
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 0);
    QVERIFY(!r.json.value(QStringLiteral("samples")).toArray().isEmpty());
    QVERIFY(!QFile::exists(m_ws + QStringLiteral("/out/all.jsonl")));
    r = sluice({QStringLiteral("plan"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(m_sink->requests(), 0);
}

void TestSync::webhookSurvivesFaultsAndReportsRejections()
{
    m_sink->failNext(2, 429, 1);
    m_sink->failNext(1, 500);
    m_sink->dropNext(1);
    m_sink->delayNext(1, 3000); // past the 2 s timeout
    m_sink->rejectKeys({{QStringLiteral("7"), QStringLiteral("email domain is on the suppression list")}});
    m_sink->badRequestKeys({QStringLiteral("11")});
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("partial"));
    const QJsonObject counts = r.json.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("rejected")).toInt(), 2);
    QCOMPARE(counts.value(QStringLiteral("delivered")).toInt(), 1998);
    // Every accepted record arrived exactly once.
    const QHash<QString, int> deliveries = m_sink->deliveries();
    QCOMPARE(deliveries.size(), 1998);
    for (auto it = deliveries.begin(); it != deliveries.end(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
    QVERIFY(!r.err.contains("test-token-s3cr3t"));
    // Nor does the secret reach the state database or sluice.json.
    for (const QString &file : {QStringLiteral("/.sluice/state.db"), QStringLiteral("/.sluice/state.db-wal"), QStringLiteral("/sluice.json")}) {
        QFile stored(m_ws + file);
        if (stored.open(QIODevice::ReadOnly))
            QVERIFY2(!stored.readAll().contains("test-token-s3cr3t"), qPrintable(file));
    }

    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray rejections = r.json.value(QStringLiteral("rejections")).toArray();
    QCOMPARE(rejections.size(), 2);
    QHash<QString, QJsonObject> byKey;
    for (const QJsonValue &v : rejections)
        byKey.insert(v.toObject().value(QStringLiteral("key")).toString(), v.toObject());
    QCOMPARE(byKey.value(QStringLiteral("7")).value(QStringLiteral("reason")).toString(), QStringLiteral("email domain is on the suppression list"));
    QCOMPARE(byKey.value(QStringLiteral("7")).value(QStringLiteral("kind")).toString(), QStringLiteral("rejected"));
    QVERIFY(byKey.value(QStringLiteral("11")).value(QStringLiteral("reason")).toString().contains(QStringLiteral("record 11 has a field this API refuses")));
    for (const QJsonObject &o : byKey) {
        QCOMPARE(o.value(QStringLiteral("attempts")).toInt(), 1);
        QVERIFY(!o.value(QStringLiteral("run_id")).toString().isEmpty());
        QVERIFY(!o.value(QStringLiteral("first_seen")).toString().isEmpty());
    }

    // The next run retries exactly those records.
    m_sink->clearFaults();
    const int before = m_sink->requests();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 2);
    QCOMPARE(m_sink->requests() - before, 1);
    QCOMPARE(m_sink->records().size(), 2000);
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("rejections")).toArray().size(), 0);
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--all"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("rejections")).toArray().size(), 2);
}

void TestSync::unreachableDestinationFailsWithoutAdvancingState()
{
    int port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
    }
    writeConfig(QStringLiteral("http://127.0.0.1:%1/ingest").arg(port));
    Run r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("destination hook: cannot reach"), r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("destination hook")), r.err.constData());
    r = sluice({QStringLiteral("plan"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("added")).toInt(), 2000);
}

void TestSync::badInputSendsNothing()
{
    // A mapped column that is gone.
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray good = f.readAll();
    f.close();
    auto rewrite = [&](const QByteArray &text) {
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
        f.close();
    };
    rewrite(QByteArray(good).replace("\"source\": \"first_name\"", "\"source\": \"nickname\""));
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("sync to_hook: model customers: column nickname not found"), r.err.constData());
    r = sluice({QStringLiteral("runs"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("runs")).toArray().first().toObject().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY(r.json.value(QStringLiteral("runs")).toArray().first().toObject().value(QStringLiteral("error")).toString().contains(QStringLiteral("nickname")));

    // Duplicate primary keys.
    rewrite(QByteArray(good).replace("from customer_360", "from customer_360 union all select customer_id, email, first_name, ltv, "
                                                          "marketing_consent, updated_at from customer_360 where customer_id < 3"));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("occur more than once") && r.err.contains("nothing was sent"), r.err.constData());

    // SQL the warehouse refuses.
    rewrite(QByteArray(good).replace("select customer_id", "selec customer_id"));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("syntax error"), r.err.constData());

    // A transform that cannot apply is reported per record, the rest is sent.
    rewrite(QByteArray(good).replace("\"transform\": [\"round:2\"]", "\"transform\": [\"round:2\", \"cast:integer\"]"));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    const QJsonArray held = r.json.value(QStringLiteral("rejections")).toArray();
    QVERIFY(!held.isEmpty());
    QVERIFY(held.first().toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("field ltv: cast:integer")));
    rewrite(good);

    // A missing secret.
    qunsetenv("SLUICE_TEST_HOOK_TOKEN");
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("SLUICE_TEST_HOOK_TOKEN is not set"), r.err.constData());

    // Unhashed PII to a destination that requires hashing: caught by check, before any run.
    QFile::remove(m_ws + QStringLiteral("/out/all.jsonl"));
    rewrite(QByteArray(good)
                .replace("\"type\": \"jsonl\", \"path\": \"out/all.jsonl\"", "\"type\": \"jsonl\", \"path\": \"out/all.jsonl\", \"pii\": \"hash\"")
                .replace("{\"source\": \"first_name\", \"destination\": \"first_name\"}", "{\"source\": \"email\", \"destination\": \"email\"}"));
    r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("sends PII column email of model customers unhashed"), r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file")});
    QCOMPARE(r.code, 2);
    QCOMPARE(m_sink->requests(), 0);
    QVERIFY(!QFile::exists(m_ws + QStringLiteral("/out/all.jsonl")));
}

void TestSync::destinationSchemaHoldsBackWhatWouldBeDistorted()
{
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    text.replace("\"path\": \"out/all.jsonl\"", "\"path\": \"out/all.jsonl\", \"field_schema\": {\"first_name\": {\"max_length\": 5, \"required\": true}}");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    const QHash<QString, QString> model = modelFirstNames();
    const QHash<QString, QJsonObject> written = fileRecords(m_ws + QStringLiteral("/out/all.jsonl"));
    int tooLong = 0, empty = 0;
    for (auto it = model.begin(); it != model.end(); ++it) {
        if (it.value().size() > 5) {
            ++tooLong;
            QVERIFY2(!written.contains(it.key()), qPrintable(it.key())); // held back, never cut
        } else if (it.value().isEmpty()) {
            ++empty;
            QVERIFY(!written.contains(it.key()));
        } else {
            QCOMPARE(written.value(it.key()).value(QStringLiteral("first_name")).toString(), it.value());
        }
    }
    QVERIFY(tooLong > 100);
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("invalid")).toInt(), tooLong + empty);
    const QJsonArray held = r.json.value(QStringLiteral("rejections")).toArray();
    QVERIFY(held.first().toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("destination file takes at most 5")));
}

void TestSync::consentAndModes()
{
    // Extra syncs over the same model: consent-governed mirror into csv, and the other modes into jsonl.
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    const QByteArray fields = R"([{"source": "first_name", "destination": "first_name"}])";
    const QByteArray extra = R"(,
      "consented": {"model": "customers", "destination": "csv", "mode": "mirror", "diff": ")" + diff().toUtf8() + R"(",
                    "policy": {"consent": "marketing_consent"}, "fields": )" + fields + R"(},
      "inserts": {"model": "customers", "destination": "ins", "mode": "insert", "diff": ")" + diff().toUtf8() + R"(", "fields": )" + fields + R"(},
      "appends": {"model": "customers", "destination": "app", "mode": "append", "diff": ")" + diff().toUtf8() + R"(", "fields": )" + fields + R"(}}})";
    text.replace(text.lastIndexOf("}}"), 2, extra);
    text.replace("\"destinations\": {", "\"destinations\": {\"csv\": {\"type\": \"csv\", \"path\": \"out/c.csv\"}, "
                                      "\"ins\": {\"type\": \"jsonl\", \"path\": \"out/ins.jsonl\"}, "
                                      "\"app\": {\"type\": \"jsonl\", \"path\": \"out/app.jsonl\"},");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();

    auto csvKeys = [&] {
        QSet<QString> keys;
        QFile c(m_ws + QStringLiteral("/out/c.csv"));
        c.open(QIODevice::ReadOnly);
        const QList<QByteArray> lines = c.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i)
            if (!lines[i].isEmpty())
                keys.insert(QString::fromUtf8(lines[i].split(',').first()));
        return keys;
    };
    Run r = sluice({QStringLiteral("run"), QStringLiteral("consented"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const int excluded = r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("excluded")).toInt();
    QVERIFY(excluded > 100);
    QCOMPARE(csvKeys().size(), 2000 - excluded);
    const QString revoked = *csvKeys().constBegin(); // a customer who consented
    QVERIFY(sql(QStringLiteral("update users set marketing_consent = 0 where user_id = %1").arg(revoked)));
    r = sluice({QStringLiteral("run"), QStringLiteral("consented"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("removed")).toInt(), 1);
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("excluded")).toInt(), excluded + 1);
    QVERIFY(!csvKeys().contains(revoked)); // revoked consent leaves the destination

    // insert: create only; changes to existing records are not sent.
    r = sluice({QStringLiteral("run"), QStringLiteral("inserts"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 2000);
    QVERIFY(sql(QStringLiteral("update users set first_name = 'Later' where user_id = 2")));
    r = sluice({QStringLiteral("run"), QStringLiteral("inserts"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 0);
    QVERIFY(fileRecords(m_ws + QStringLiteral("/out/ins.jsonl")).value(QStringLiteral("2")).value(QStringLiteral("first_name")).toString()
            != QLatin1String("Later"));

    // append: every row, every run; a file keeps every line it was sent.
    for (int i = 0; i < 2; ++i) {
        r = sluice({QStringLiteral("run"), QStringLiteral("appends"), QStringLiteral("--json")});
        QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 2000);
    }
    const QList<QByteArray> appended = readFile(m_ws + QStringLiteral("/out/app.jsonl")).trimmed().split('\n');
    QCOMPARE(appended.size(), 4000);
    QCOMPARE(fileRecords(m_ws + QStringLiteral("/out/app.jsonl")).size(), 2000);

    // A key the model yields twice is refused even when one of the two rows
    // has no consent (the local diff watches excluded rows' keys too), and a
    // NULL key is refused: nothing is sent either way.
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray withModes = f.readAll();
    f.close();
    const QByteArray before = readFile(m_ws + QStringLiteral("/out/c.csv"));
    for (const QByteArray &extraRow : {QByteArray("select customer_id, email, first_name, ltv, 0, updated_at from customer_360 "
                                                  "where customer_id = (select min(customer_id) from customer_360 where marketing_consent = 1)"),
                                       QByteArray("select null, email, first_name, ltv, marketing_consent, updated_at from customer_360 "
                                                  "where customer_id = 5")}) {
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(withModes).replace("from customer_360\"", QByteArray("from customer_360 union all " + extraRow + "\"")));
        f.close();
        r = sluice({QStringLiteral("run"), QStringLiteral("consented")});
        QCOMPARE(r.code, 1);
        QVERIFY2((r.err.contains("occur more than once") || r.err.contains("NULL primary key")) && r.err.contains("nothing was sent"), r.err.constData());
        QCOMPARE(readFile(m_ws + QStringLiteral("/out/c.csv")), before);
    }
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(withModes);
    f.close();
}

void TestSync::secondRunRefusesAndStaleLockIsRecovered()
{
    auto setLock = [&](qint64 pid) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
        db.setDatabaseName(m_ws + QStringLiteral("/.sluice/state.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO locks(name, owner_pid, host, acquired_at) VALUES ('sync to_file', ?, ?, '2026-01-01T00:00:00Z')"));
        q.addBindValue(pid);
        q.addBindValue(QHostInfo::localHostName());
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        db.close();
    };
    setLock(QCoreApplication::applicationPid()); // a live process holds it
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("sync to_file is already running"), r.err.constData());

    setLock(2147483); // a process that no longer exists
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
}

void TestSync::killDashNineNeverLosesARecord()
{
    QRandomGenerator random(20261124);
    int killed = 0;
    for (int round = 0; round < 10; ++round) {
        // Change the model a little every round: edits, deletions.
        QVERIFY(sql(QStringLiteral("update users set first_name = 'R%1' where user_id % 97 = %2").arg(round).arg(round)));
        QVERIFY(sql(QStringLiteral("delete from users where user_id = %1").arg(100 + round * 7)));
        m_sink->delayNext(40, 30); // keep batches in flight long enough to be killed among them
        QProcess p;
        // Odd rounds re-send everything, so there is always a run long enough to kill.
        QStringList args{QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--workspace"), m_ws};
        if (round % 2 == 1 || round == 0)
            args.append(QStringLiteral("--full-resync"));
        p.start(QStringLiteral(SLUICE_BINARY), args);
        QVERIFY(p.waitForStarted());
        QTest::qWait(int(random.bounded(20, 450)));
        if (p.state() == QProcess::Running) {
            ::kill(pid_t(p.processId()), SIGKILL);
            ++killed;
        }
        p.waitForFinished(60000);
        m_sink->clearFaults();
    }
    QVERIFY2(killed >= 5, qPrintable(QString::number(killed)));
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    // The destination ends identical to the model.
    const QHash<QString, QString> model = modelFirstNames();
    const QHash<QString, QJsonObject> records = m_sink->records();
    QCOMPARE(records.size(), model.size());
    for (auto it = model.begin(); it != model.end(); ++it)
        QCOMPARE(records.value(it.key()).value(QStringLiteral("first_name")).toString(), it.value());
    // Interrupted runs are recorded as failed, not left running.
    const Run runs = sluice({QStringLiteral("runs"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    for (const QJsonValue &v : runs.json.value(QStringLiteral("runs")).toArray())
        QVERIFY(v.toObject().value(QStringLiteral("status")).toString() != QLatin1String("running"));
}

void TestSync::interruptStopsCleanly()
{
    m_sink->delayNext(40, 50);
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--workspace"), m_ws, QStringLiteral("--json")});
    QVERIFY(p.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->requests() >= 3, 20000);
    ::kill(pid_t(p.processId()), SIGINT);
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit); // it stopped by itself, after settling
    QCOMPARE(p.exitCode(), 1);
    const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(out.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY(out.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("cancelled")));
    const int delivered = out.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt();
    QVERIFY(delivered > 0 && delivered < 2000);
    m_sink->clearFaults();
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 2000 - delivered);
    QCOMPARE(m_sink->records().size(), 2000);
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
