// Every SaaS connector against the emulator of its documented API, through
// the real binary, with the same behaviours asked of each: the first sync
// equals the model, a second sends nothing, the tool's refusals carry its
// words and are retried, a 429 storm ends with every record delivered once
// and the emulator's limit never passed, faults are retried, a wrong
// credential fails the run without rejecting records or printing the secret,
// check tells a bad token from an unreachable host, and request bodies are
// what the tool documents. One row per connector; HubSpot is the first.
#include "braze_emulator.h"
#include "hubspot_emulator.h"
#include "workspace/workspace_init.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSet>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

namespace {

constexpr int kRows = 300;
const QByteArray kSecret = "pat-na1-7e5d3c1b-emulated-secret";

QJsonObject counts(const QJsonObject &run)
{
    return run.value(QStringLiteral("counts")).toObject();
}

} // namespace

// What the suite needs of each connector and its emulator.
class Connector
{
public:
    virtual ~Connector() = default;
    virtual test::EmulatorServer &server() = 0;
    virtual QJsonObject destination() const = 0;               // without base_url
    virtual QJsonObject sync() const = 0;                      // object, match, mode, fields
    virtual QString idOf(const QString &customerId, const QString &email) const = 0; // the record's id in the tool
    virtual QHash<QString, QJsonObject> records() const = 0;   // id -> fields as the tool keeps them
    virtual QString nameField() const = 0;
    virtual void refuse(const QString &id, const QString &words) = 0;
    virtual void setRateLimit(int requests) = 0;
    virtual int rateWindowSeconds() const = 0;
    virtual int throttled() const = 0;
    virtual int maxInWindow() const = 0;
    virtual QHash<QString, int> writes() const = 0;
    virtual void revokePermission() = 0;
    virtual QString permissionWords() const = 0;               // what a refused permission's error names
    virtual QString refusedSecretWords() const = 0;            // what check says of a wrong secret
    virtual QString writePath() const = 0;
};

class HubSpot final : public Connector
{
public:
    test::EmulatorServer &server() override { return m_emulator; }
    QJsonObject destination() const override
    {
        return {{QStringLiteral("type"), QStringLiteral("hubspot")}, {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), QStringLiteral("CONNECTOR_SECRET")}}}};
    }
    QJsonObject sync() const override
    {
        return {{QStringLiteral("object"), QStringLiteral("contacts")},
                {QStringLiteral("match"), QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")}}},
                {QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")},
                                                                  {QStringLiteral("transform"), QJsonArray{QStringLiteral("email")}}},
                                                      QJsonObject{{QStringLiteral("source"), QStringLiteral("first_name")}, {QStringLiteral("destination"), QStringLiteral("firstname")}},
                                                      QJsonObject{{QStringLiteral("source"), QStringLiteral("ltv")}, {QStringLiteral("destination"), QStringLiteral("ltv_score")},
                                                                  {QStringLiteral("transform"), QJsonArray{QStringLiteral("round:2")}}}}}};
    }
    QString idOf(const QString &, const QString &email) const override { return email.trimmed().toLower(); }
    QHash<QString, QJsonObject> records() const override { return m_emulator.records(); }
    QString nameField() const override { return QStringLiteral("firstname"); }
    void refuse(const QString &id, const QString &words) override { m_emulator.refuse({{id, words}}); }
    void setRateLimit(int requests) override { m_emulator.setRateLimit(requests); }
    int rateWindowSeconds() const override { return 10; }
    int throttled() const override { return m_emulator.throttled(); }
    int maxInWindow() const override { return m_emulator.maxInWindow(); }
    QHash<QString, int> writes() const override { return m_emulator.writes(); }
    void revokePermission() override { m_emulator.setScopes(false); }
    QString permissionWords() const override { return QStringLiteral("crm.objects.contacts.write"); }
    QString refusedSecretWords() const override { return QStringLiteral("HubSpot refused the token (HTTP 401)"); }
    QString writePath() const override { return QStringLiteral("/crm/v3/objects/contacts/batch/upsert"); }

private:
    test::HubSpotEmulator m_emulator{QString::fromLatin1(kSecret)};
};

class Braze final : public Connector
{
public:
    test::EmulatorServer &server() override { return m_emulator; }
    QJsonObject destination() const override
    {
        return {{QStringLiteral("type"), QStringLiteral("braze")}, {QStringLiteral("api_key"), QJsonObject{{QStringLiteral("env"), QStringLiteral("CONNECTOR_SECRET")}}}};
    }
    QJsonObject sync() const override
    {
        return {{QStringLiteral("match"), QJsonObject{{QStringLiteral("source"), QStringLiteral("customer_id")}, {QStringLiteral("destination"), QStringLiteral("external_id")}}},
                {QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("customer_id")}, {QStringLiteral("destination"), QStringLiteral("external_id")},
                                                                  {QStringLiteral("transform"), QJsonArray{QStringLiteral("cast:string")}}},
                                                      QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")},
                                                                  {QStringLiteral("transform"), QJsonArray{QStringLiteral("email")}}},
                                                      QJsonObject{{QStringLiteral("source"), QStringLiteral("first_name")}, {QStringLiteral("destination"), QStringLiteral("first_name")}},
                                                      QJsonObject{{QStringLiteral("source"), QStringLiteral("ltv")}, {QStringLiteral("destination"), QStringLiteral("lifetime_value")}}}}};
    }
    QString idOf(const QString &customerId, const QString &) const override { return customerId; }
    QHash<QString, QJsonObject> records() const override { return m_emulator.users(); }
    QString nameField() const override { return QStringLiteral("first_name"); }
    void refuse(const QString &id, const QString &words) override { m_emulator.refuse({{id, words}}); }
    void setRateLimit(int requests) override { m_emulator.setRateLimit(requests); }
    int rateWindowSeconds() const override { return 3; }
    int throttled() const override { return m_emulator.throttled(); }
    int maxInWindow() const override { return m_emulator.maxInWindow(); }
    QHash<QString, int> writes() const override { return m_emulator.writes(); }
    void revokePermission() override { m_emulator.setPermission(false); }
    QString permissionWords() const override { return QStringLiteral("users.track"); }
    QString refusedSecretWords() const override { return QStringLiteral("Braze refused the REST API key (HTTP 401)"); }
    QString writePath() const override { return QStringLiteral("/users/track"); }

private:
    test::BrazeEmulator m_emulator{QString::fromLatin1(kSecret)};
};

class TestConnectors final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firstSyncEqualsTheModelAndASecondSendsNothing_data() { connectors(); }
    void firstSyncEqualsTheModelAndASecondSendsNothing();
    void refusedRecordsCarryTheToolsWordsAndAreRetried_data() { connectors(); }
    void refusedRecordsCarryTheToolsWordsAndAreRetried();
    void rateLimitStormDeliversEachRecordOnce_data() { connectors(); }
    void rateLimitStormDeliversEachRecordOnce();
    void serverErrorsAndDroppedConnectionsAreRetried_data() { connectors(); }
    void serverErrorsAndDroppedConnectionsAreRetried();
    void wrongCredentialsFailTheRunAndRejectNothing_data() { connectors(); }
    void wrongCredentialsFailTheRunAndRejectNothing();
    void checkTellsABadSecretFromAnUnreachableHost_data() { connectors(); }
    void checkTellsABadSecretFromAnUnreachableHost();
    void hubspotBodiesAreWhatHubSpotDocuments();
    void hubspotFieldsItLacksOrRefusesAreCaughtBeforeSending();
    void brazeBodiesAreWhatBrazeDocuments();
    void hubspotWithoutPropertiesApiStillSyncs();

private:
    struct Run
    {
        int code = -1;
        QJsonObject json;
        QByteArray err;
    };
    static void connectors();
    void use(const QString &name);
    Run sluice(const QStringList &args, const QStringList &env = {});
    void writeConfig(const QString &baseUrl, const QJsonObject &destinationExtra = {}, const QJsonArray &extraFields = {});
    // id in the tool -> first name, for every model row the run did not hold back
    QHash<QString, QString> expected(const QJsonObject &run);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Connector> m_connector;
    QString m_ws;
};

void TestConnectors::connectors()
{
    QTest::addColumn<QString>("connector");
    QTest::newRow("hubspot") << QStringLiteral("hubspot");
    QTest::newRow("braze") << QStringLiteral("braze");
}

void TestConnectors::use(const QString &name)
{
    if (name == QLatin1String("braze"))
        m_connector = std::make_unique<Braze>();
    else
        m_connector = std::make_unique<HubSpot>();
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
    use(QTest::currentDataTag() ? QString::fromLatin1(QTest::currentDataTag()) : QStringLiteral("hubspot"));
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
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
    const QHash<QString, QJsonObject> records = m_connector->records();
    QCOMPARE(records.size(), rows.size());
    for (auto it = rows.begin(); it != rows.end(); ++it)
        QCOMPARE(records.value(it.key()).value(m_connector->nameField()).toString(), it.value());
    const int requests = m_connector->server().requestCount();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 0);
    QCOMPARE(counts(r.json).value(QStringLiteral("unchanged")).toInt(), rows.size());
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
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 1);
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QJsonObject rejected;
    for (const QJsonValue &v : r.json.value(QStringLiteral("rejections")).toArray())
        if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("rejected"))
            rejected = v.toObject();
    QCOMPARE(rejected.value(QStringLiteral("key")).toString(), key);
    QVERIFY2(rejected.value(QStringLiteral("reason")).toString().contains(QStringLiteral("Contact is blocked by a workflow rule")),
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
    writeConfig(m_connector->server().baseUrl(), {{QStringLiteral("batch_size"), 10}, {QStringLiteral("concurrency"), 4},
                                                  {QStringLiteral("rate_limit"), QJsonObject{{QStringLiteral("requests"), 1000}, {QStringLiteral("per_seconds"), 1}}},
                                                  {QStringLiteral("max_attempts"), 20}});
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
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("HTTP 401")), r.err.constData());
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

void TestConnectors::hubspotBodiesAreWhatHubSpotDocuments()
{
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_crm")}).code != 2);
    QList<test::EmulatorServer::Request> posts;
    for (const test::EmulatorServer::Request &q : m_connector->server().requests())
        if (q.method == "POST")
            posts.append(q);
    QVERIFY(!posts.isEmpty());
    const test::EmulatorServer::Request &first = posts.first();
    QCOMPARE(first.path, QStringLiteral("/crm/v3/objects/contacts/batch/upsert"));
    QCOMPARE(first.header("authorization"), QByteArray("Bearer ") + kSecret);
    QVERIFY(first.header("content-type").startsWith("application/json"));
    const QJsonArray inputs = QJsonDocument::fromJson(first.body).object().value(QStringLiteral("inputs")).toArray();
    QVERIFY(inputs.size() <= 100);
    const QJsonObject input = inputs.first().toObject();
    QCOMPARE(QStringList(input.keys()), (QStringList{QStringLiteral("id"), QStringLiteral("idProperty"), QStringLiteral("properties")}));
    QCOMPARE(input.value(QStringLiteral("idProperty")).toString(), QStringLiteral("email"));
    const QJsonObject properties = input.value(QStringLiteral("properties")).toObject();
    QCOMPARE(input.value(QStringLiteral("id")).toString(), properties.value(QStringLiteral("email")).toString());
    QCOMPARE(QStringList(properties.keys()), (QStringList{QStringLiteral("email"), QStringLiteral("firstname"), QStringLiteral("ltv_score")}));
    for (auto it = properties.begin(); it != properties.end(); ++it)
        QVERIFY2(it.value().isString() || it.value().isNull(), qPrintable(it.key())); // HubSpot keeps property values as text
}

void TestConnectors::hubspotFieldsItLacksOrRefusesAreCaughtBeforeSending()
{
    writeConfig(m_connector->server().baseUrl(), {}, {QJsonObject{{QStringLiteral("source"), QStringLiteral("plan")}, {QStringLiteral("destination"), QStringLiteral("plan_tier")}}});
    Run r = sluice({QStringLiteral("plan"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("destination crm has no field plan_tier in contacts"), r.err.constData());
    r = sluice({QStringLiteral("check")});
    QCOMPARE(r.code, 2);
    writeConfig(m_connector->server().baseUrl(), {}, {QJsonObject{{QStringLiteral("source"), QStringLiteral("lifecycle_stage")}, {QStringLiteral("destination"), QStringLiteral("lifecyclestage")}}});
    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 3, r.err.constData()); // the demo's own stages ("new", "repeat", ...) are not HubSpot's
    bool explained = false;
    for (const QJsonValue &v : r.json.value(QStringLiteral("rejections")).toArray())
        explained = explained || v.toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("accepts only subscriber, lead"));
    QVERIFY(explained);
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0); // nothing HubSpot would refuse was sent
    const QStringList stages{QStringLiteral("subscriber"), QStringLiteral("lead"), QStringLiteral("marketingqualifiedlead"), QStringLiteral("salesqualifiedlead"),
                             QStringLiteral("opportunity"), QStringLiteral("customer"), QStringLiteral("evangelist"), QStringLiteral("other")};
    for (const QJsonObject &contact : m_connector->records())
        QVERIFY(stages.contains(contact.value(QStringLiteral("lifecyclestage")).toString()));
}

void TestConnectors::brazeBodiesAreWhatBrazeDocuments()
{
    use(QStringLiteral("braze"));
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_crm")}).code != 2);
    const test::EmulatorServer::Request first = m_connector->server().requests().first();
    QCOMPARE(first.method, QByteArray("POST"));
    QCOMPARE(first.path, QStringLiteral("/users/track"));
    QCOMPARE(first.header("authorization"), QByteArray("Bearer ") + kSecret);
    const QJsonArray attributes = QJsonDocument::fromJson(first.body).object().value(QStringLiteral("attributes")).toArray();
    QVERIFY(!attributes.isEmpty() && attributes.size() <= 75);
    const QJsonObject a = attributes.first().toObject();
    QVERIFY(a.value(QStringLiteral("external_id")).isString());
    QCOMPARE(QStringList(a.keys()), (QStringList{QStringLiteral("email"), QStringLiteral("external_id"), QStringLiteral("first_name"), QStringLiteral("lifetime_value")}));
    QVERIFY(a.value(QStringLiteral("lifetime_value")).isDouble()); // Braze keeps numbers as numbers
}

// A proxy or sandbox offering only the objects API: check proves the token
// by reading a contact, and records are validated by field_schema alone.
void TestConnectors::hubspotWithoutPropertiesApiStillSyncs()
{
    static_cast<test::HubSpotEmulator &>(m_connector->server()).setObjectsOnly(true);
    Run r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), expected(r.json).size());
    QCOMPARE(m_connector->records().size(), expected(r.json).size());
}

QTEST_GUILESS_MAIN(TestConnectors)
#include "tst_connectors.moc"
