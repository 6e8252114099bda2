// Every SaaS connector against the emulator of its documented API, through
// the real binary, with the same behaviours asked of each: the first sync
// equals the model, a second sends nothing, the tool's refusals carry its
// words and are retried, a 429 storm ends with every record delivered once
// and the emulator's limit never passed, faults are retried, a wrong
// credential fails the run without rejecting records or printing the secret,
// check tells a bad token from an unreachable host, and request bodies are
// what the tool documents. One row per connector; HubSpot is the first.
#include "tst_connectors.h"


void TestConnectors::connectors()
{
    QTest::addColumn<QString>("connector");
    for (const QString &name : connectorNames())
        QTest::newRow(qPrintable(name)) << name;
}

void TestConnectors::use(const QString &name)
{
    m_connector = makeConnector(name);
    writeConfig(m_connector->server().baseUrl());
}

TestConnectors::Run TestConnectors::sluice(const QStringList &args, const QStringList &env)
{
    QProcess p;
    QStringList environment = QProcess::systemEnvironment();
    environment.append(QStringLiteral("CONNECTOR_SECRET=") + QString::fromLatin1(kSecret));
    environment.append(env);
    p.setEnvironment(environment);
    p.start(QStringLiteral(SLUICE_BINARY), args + QStringList{QStringLiteral("--workspace"), m_ws});
    p.waitForFinished(180000);
    return {p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object(), p.readAllStandardError()};
}

void TestConnectors::writeConfig(const QString &baseUrl, const QJsonObject &destinationExtra, const QJsonArray &extraFields)
{
    QJsonObject dest = m_connector->destination();
    dest.insert(QStringLiteral("base_url"), baseUrl);
    dest.insert(QStringLiteral("timeout_s"), 5);
    dest.insert(QStringLiteral("backoff_ms"), 50);
    for (auto it = destinationExtra.begin(); it != destinationExtra.end(); ++it)
        dest.insert(it.key(), it.value());
    QJsonObject sync = m_connector->sync();
    sync.insert(QStringLiteral("model"), QStringLiteral("customers"));
    sync.insert(QStringLiteral("destination"), QStringLiteral("crm"));
    sync.insert(QStringLiteral("mode"), QStringLiteral("upsert"));
    QJsonArray fields = sync.value(QStringLiteral("fields")).toArray();
    for (const QJsonValue &f : extraFields)
        fields.append(f);
    sync.insert(QStringLiteral("fields"), fields);
    const QJsonObject config{
        {QStringLiteral("version"), 1},
        {QStringLiteral("sources"), QJsonObject{{QStringLiteral("demo"), QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")}, {QStringLiteral("path"), QStringLiteral("demo/warehouse.db")}}}}},
        {QStringLiteral("destinations"), QJsonObject{{QStringLiteral("crm"), dest}}},
        {QStringLiteral("models"), QJsonObject{{QStringLiteral("customers"), QJsonObject{{QStringLiteral("source"), QStringLiteral("demo")},
                                                                                        {QStringLiteral("primary_key"), QStringLiteral("customer_id")},
                                                                                        {QStringLiteral("sql"), QStringLiteral("select * from customer_360")}}}}},
        {QStringLiteral("syncs"), QJsonObject{{QStringLiteral("to_crm"), sync}}}};
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
}

QHash<QString, QString> TestConnectors::expected(const QJsonObject &run)
{
    QSet<QString> held;
    for (const QJsonValue &v : run.value(QStringLiteral("rejections")).toArray())
        held.insert(v.toObject().value(QStringLiteral("key")).toString());
    QHash<QString, QString> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("model"));
        db.setDatabaseName(m_ws + QStringLiteral("/demo/warehouse.db"));
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("select customer_id, email, first_name from customer_360"));
        while (q.next())
            if (!held.contains(q.value(0).toString()))
                rows.insert(m_connector->idOf(q.value(0).toString(), q.value(1).toString()), q.value(2).toString());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("model"));
    return rows;
}

void TestConnectors::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ws = m_dir->filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = kRows;
    QVERIFY(workspace::initWorkspace(m_ws, options).ok());
    // A connector's own tests are named after it (salesforceBodies...).
    const QStringList knownNames{QStringLiteral("hubspot"), QStringLiteral("braze"), QStringLiteral("salesforce"), QStringLiteral("iterable"),
                                 QStringLiteral("mixpanel"), QStringLiteral("klaviyo"), QStringLiteral("intercom")};
    QString name = QTest::currentDataTag() ? QString::fromLatin1(QTest::currentDataTag()) : QString();
    if (!knownNames.contains(name))
        name.clear(); // a data tag of the connector's own test (a mode)
    for (const QString &known : knownNames)
        if (name.isEmpty() && QString::fromLatin1(QTest::currentTestFunction()).startsWith(known))
            name = known;
    if (!connectorNames().contains(name))
        QSKIP("another connector was asked for (CONNECTOR)");
    use(name);
}

void TestConnectors::cleanup()
{
    m_connector.reset();
    m_dir.reset();
}

void TestConnectors::firstSyncEqualsTheModelAndASecondSendsNothing()
{
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData()); // 3: the demo's shared inboxes or bad e-mails are held back
    const QHash<QString, QString> rows = expected(r.json);
    QVERIFY(rows.size() > kRows * 8 / 10);
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), rows.size());
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), conflictsAtTool(r.json));
    const QHash<QString, QJsonObject> records = m_connector->records();
    QCOMPARE(records.size(), rows.size());
    for (auto it = rows.begin(); it != rows.end(); ++it)
        QCOMPARE(records.value(it.key()).value(m_connector->nameField()).toString(), it.value());
    const int requests = m_connector->server().requestCount();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 0);
    QCOMPARE(counts(r.json).value(QStringLiteral("unchanged")).toInt(), rows.size());
    if (conflictsAtTool(r.json) == 0) // rejected records are retried each run
        for (const test::EmulatorServer::Request &q : m_connector->server().requests().mid(requests))
            QVERIFY2(q.path != m_connector->writePath(), qPrintable(q.path));
}

void TestConnectors::refusedRecordsCarryTheToolsWordsAndAreRetried()
{
    const Run probe = sluice({QStringLiteral("plan"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(probe.code == 0, probe.err.constData());
    const QHash<QString, QString> rows = expected(probe.json);
    // A record the tool will refuse, found by its id in the tool.
    QString key, id;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("pick"));
        db.setDatabaseName(m_ws + QStringLiteral("/demo/warehouse.db"));
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("select customer_id, email from customer_360 order by customer_id"));
        while (q.next() && key.isEmpty())
            if (rows.contains(m_connector->idOf(q.value(0).toString(), q.value(1).toString())))
                key = q.value(0).toString(), id = m_connector->idOf(key, q.value(1).toString());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pick"));
    m_connector->refuse(id, QStringLiteral("Contact is blocked by a workflow rule"));
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 1 + conflictsAtTool(r.json));
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QJsonObject rejected;
    for (const QJsonValue &v : r.json.value(QStringLiteral("rejections")).toArray())
        if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("rejected")
            && !v.toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("identity conflict at")))
            rejected = v.toObject();
    QCOMPARE(rejected.value(QStringLiteral("key")).toString(), key);
    QVERIFY2(rejected.value(QStringLiteral("reason")).toString().contains(m_connector->refusalReason(QStringLiteral("Contact is blocked by a workflow rule"))),
             qPrintable(rejected.value(QStringLiteral("reason")).toString()));
    m_connector->refuse({}, {});
    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 1);
    QVERIFY(m_connector->records().contains(id));
    r = sluice({QStringLiteral("history"), QStringLiteral("to_crm"), key, QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("events")).toArray().size(), 2);
}

void TestConnectors::rateLimitStormDeliversEachRecordOnce()
{
    // Sluice's own pacing off (a huge rate_limit), batches of 10: the emulator's
    // window of 12 requests throttles most of them.
    QJsonObject storm = m_connector->stormSettings();
    storm.insert(QStringLiteral("concurrency"), 4);
    storm.insert(QStringLiteral("rate_limit"), QJsonObject{{QStringLiteral("requests"), 1000}, {QStringLiteral("per_seconds"), 1}});
    storm.insert(QStringLiteral("max_attempts"), 20);
    writeConfig(m_connector->server().baseUrl(), storm);
    m_connector->setRateLimit(12);
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
    const QHash<QString, QString> rows = expected(r.json);
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), rows.size());
    QVERIFY(m_connector->throttled() > 0);
    QVERIFY(m_connector->maxInWindow() <= 12);
    const QHash<QString, int> writes = m_connector->writes();
    QCOMPARE(writes.size(), rows.size());
    for (auto it = writes.begin(); it != writes.end(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));
}

void TestConnectors::serverErrorsAndDroppedConnectionsAreRetried()
{
    m_connector->server().failNext(3, 502, "<html>Bad gateway</html>");
    m_connector->server().dropNext(2);
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
    const QHash<QString, QString> rows = expected(r.json);
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), rows.size());
    QCOMPARE(m_connector->records().size(), rows.size());
}

void TestConnectors::wrongCredentialsFailTheRunAndRejectNothing()
{
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")}, {QStringLiteral("CONNECTOR_SECRET=expired-secret-value")});
    QCOMPARE(r.code, 1);
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
    QVERIFY(!r.err.contains("expired-secret-value"));
    QVERIFY(!QJsonDocument(r.json).toJson().contains("expired-secret-value"));
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(m_connector->refusedRunWords()), r.err.constData());
    QVERIFY(m_connector->records().isEmpty());
    m_connector->revokePermission();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(m_connector->permissionWords()), r.err.constData());
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    for (const QJsonValue &v : r.json.value(QStringLiteral("rejections")).toArray())
        QCOMPARE(v.toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("invalid"));
}

void TestConnectors::checkTellsABadSecretFromAnUnreachableHost()
{
    Run r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = sluice({QStringLiteral("check"), QStringLiteral("--json")}, {QStringLiteral("CONNECTOR_SECRET=wrong")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(m_connector->refusedSecretWords().toUtf8()), r.err.constData());
    int port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
    }
    writeConfig(QStringLiteral("http://127.0.0.1:%1").arg(port));
    r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("destination crm: cannot reach"), r.err.constData());
}

// The first write request of a run, one request at a time, against
// tests/e2e/golden/<connector>.json: method, path, and the body with every
// list cut to its first two entries. SLUICE_UPDATE_GOLDEN=1 rewrites them.
void TestConnectors::firstWriteMatchesItsGoldenFile()
{
    writeConfig(m_connector->server().baseUrl(), {{QStringLiteral("concurrency"), 1}});
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_crm")}).code != 2);
    test::EmulatorServer::Request first;
    for (const test::EmulatorServer::Request &q : m_connector->server().requests())
        if (q.method != "GET" && q.path.startsWith(m_connector->writePath()) && first.method.isEmpty())
            first = q;
    QVERIFY(!first.method.isEmpty());
    std::function<QJsonValue(const QJsonValue &)> trim = [&](const QJsonValue &v) -> QJsonValue {
        if (v.isArray()) {
            QJsonArray out;
            const QJsonArray all = v.toArray();
            for (qsizetype i = 0; i < qMin<qsizetype>(2, all.size()); ++i)
                out.append(trim(all[i]));
            return out;
        }
        if (v.isObject()) {
            QJsonObject out;
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                out.insert(it.key(), trim(it.value()));
            return out;
        }
        return v;
    };
    const QJsonDocument body = QJsonDocument::fromJson(first.body);
    const QJsonObject actual{{QStringLiteral("method"), QString::fromLatin1(first.method)},
                             {QStringLiteral("path"), first.path},
                             {QStringLiteral("content_type"), QString::fromLatin1(first.header("content-type"))},
                             {QStringLiteral("body"), trim(body.isArray() ? QJsonValue(body.array()) : QJsonValue(body.object()))}};
    const QString path = QStringLiteral(GOLDEN_DIR "/%1.json").arg(QString::fromLatin1(QTest::currentDataTag()));
    QFile golden(path);
    if (qEnvironmentVariableIsSet("SLUICE_UPDATE_GOLDEN")) {
        QVERIFY(golden.open(QIODevice::WriteOnly | QIODevice::Truncate));
        golden.write(QJsonDocument(actual).toJson());
        return;
    }
    QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(path));
    const QJsonObject expected = QJsonDocument::fromJson(golden.readAll()).object();
    QVERIFY2(expected == actual, QJsonDocument(actual).toJson().constData());
}


QTEST_GUILESS_MAIN(TestConnectors)
