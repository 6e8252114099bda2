// Each SaaS tool's own behaviours against its emulator, through the real
// binary: request bodies as the tool documents them, its limits, its
// authentication and its job APIs. The behaviours asked of every connector
// are in tst_connectors.cpp.
#include "tst_connectors.h"

#include "destination/destination.h"
#include "workspace/workspace.h"

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
    // HubSpot's results say which records were new: the run records created and updated.
    const Run r = sluice({QStringLiteral("runs"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(QJsonDocument(r.json).toJson(QJsonDocument::Compact).contains(QStringLiteral("\"match\":{\"created\":%1}").arg(m_connector->records().size()).toUtf8()),
             QJsonDocument(r.json).toJson().constData());
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

namespace {

// The names of the objects the workspace's "crm" destination lists.
QStringList objectNames(const QString &workspaceDir, QStringList *labels = nullptr)
{
    qputenv("CONNECTOR_SECRET", kSecret); // what the sluice processes these tests start are given
    auto ws = workspace::Workspace::open(workspaceDir);
    if (!ws)
        return {QStringLiteral("workspace: ") + ws.error().message};
    auto d = destination::Destination::create(ws.value().config().destinations.value(QStringLiteral("crm")), ws.value());
    if (!d)
        return {QStringLiteral("destination: ") + d.error().message};
    auto objects = d.value()->objects();
    if (!objects)
        return {QStringLiteral("objects: ") + objects.error().message};
    QStringList names;
    for (const destination::ObjectInfo &o : objects.value()) {
        names.append(o.name);
        if (labels)
            labels->append(o.label);
    }
    return names;
}

} // namespace

// The sync editor's object list: the standard objects and the account's
// custom ones, under the name a sync writes them by.
void TestConnectors::hubspotListsItsObjectsWithTheCustomOnes()
{
    QStringList labels;
    const QStringList names = objectNames(m_ws, &labels);
    QCOMPARE(names, (QStringList{QStringLiteral("contacts"), QStringLiteral("companies"), QStringLiteral("deals"), QStringLiteral("tickets"),
                                 QStringLiteral("p4242_pets")}));
    QCOMPARE(labels.last(), QStringLiteral("Pets"));
    bool asked = false;
    for (const test::EmulatorServer::Request &q : m_connector->server().requests())
        asked = asked || (q.method == "GET" && q.path == QLatin1String("/crm/v3/schemas") && q.header("authorization") == QByteArray("Bearer ") + kSecret);
    QVERIFY(asked);
    // A proxy without the schemas API: the standard objects still list.
    static_cast<test::HubSpotEmulator &>(m_connector->server()).setObjectsOnly(true);
    QCOMPARE(objectNames(m_ws).size(), 4);
}

// Only sObjects the token may create and update are offered (not a history object).
void TestConnectors::salesforceListsTheSObjectsASyncCanWrite()
{
    QCOMPARE(objectNames(m_ws), (QStringList{QStringLiteral("Account"), QStringLiteral("Contact"), QStringLiteral("Lead"),
                                             QStringLiteral("Loyalty_Member__c")}));
}

void TestConnectors::salesforceBodiesAreWhatSalesforceDocuments()
{
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_crm")}).code != 2);
    QList<test::EmulatorServer::Request> writes;
    for (const test::EmulatorServer::Request &q : m_connector->server().requests())
        if (q.method == "PATCH")
            writes.append(q);
    QVERIFY(!writes.isEmpty());
    const test::EmulatorServer::Request &first = writes.first();
    QCOMPARE(first.path, QStringLiteral("/services/data/v62.0/composite/sobjects/Contact/External_Id__c"));
    QCOMPARE(first.header("authorization"), QByteArray("Bearer ") + kSecret);
    QVERIFY(first.header("content-type").startsWith("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(first.body).object();
    QCOMPARE(body.value(QStringLiteral("allOrNone")), QJsonValue(false)); // each record stands alone
    const QJsonArray records = body.value(QStringLiteral("records")).toArray();
    QVERIFY(!records.isEmpty() && records.size() <= 200);
    const QJsonObject record = records.first().toObject();
    QCOMPARE(record.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("Contact"));
    QCOMPARE(QStringList(record.keys()), (QStringList{QStringLiteral("Email"), QStringLiteral("External_Id__c"), QStringLiteral("FirstName"),
                                                      QStringLiteral("LTV__c"), QStringLiteral("LastName"), QStringLiteral("attributes")}));
    QVERIFY(record.value(QStringLiteral("LTV__c")).isDouble());
    // Created and updated, as Salesforce reported them, recorded with each run.
    Run r = sluice({QStringLiteral("runs"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    const int delivered = int(m_connector->records().size());
    QVERIFY2(QJsonDocument(r.json).toJson(QJsonDocument::Compact).contains(QStringLiteral("\"match\":{\"created\":%1}").arg(delivered).toUtf8()),
             QJsonDocument(r.json).toJson().constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--full-resync"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("updated")).toInt(), delivered);
    QVERIFY(!r.json.value(QStringLiteral("match")).toObject().contains(QStringLiteral("created")));
    // Every record sent again found its Contact: the match rate of the window is the resync's.
    r = sluice({QStringLiteral("metrics"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("to_crm")).toObject().value(QStringLiteral("match_rate")), QJsonValue(1.0));
}

// OAuth (refresh-token grant) with no base_url: the instance comes from the
// token answer; a session that expires mid-run is renewed once and the run
// goes on, every record written once, no secret printed.
void TestConnectors::salesforceOAuthRenewsAnExpiredSessionMidRun()
{
    auto &org = static_cast<test::SalesforceEmulator &>(m_connector->server());
    org.setOAuthClient(QStringLiteral("sluice-connected-app"), QStringLiteral("client-secret-value"), QStringLiteral("refresh-token-value"));
    org.expireSessionsAfter(6);
    QJsonObject destination{{QStringLiteral("type"), QStringLiteral("salesforce")},
                            {QStringLiteral("oauth"), QJsonObject{{QStringLiteral("token_url"), QString(m_connector->server().baseUrl() + QStringLiteral("/services/oauth2/token"))},
                                                                  {QStringLiteral("client_id"), QStringLiteral("sluice-connected-app")},
                                                                  {QStringLiteral("client_secret"), QJsonObject{{QStringLiteral("env"), QStringLiteral("SF_CLIENT_SECRET")}}},
                                                                  {QStringLiteral("refresh_token"), QJsonObject{{QStringLiteral("env"), QStringLiteral("SF_REFRESH")}}}}},
                            {QStringLiteral("batch_size"), 20},
                            {QStringLiteral("backoff_ms"), 50}};
    writeConfig(m_connector->server().baseUrl());
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    config.insert(QStringLiteral("destinations"), QJsonObject{{QStringLiteral("crm"), destination}});
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
    f.close();
    const QStringList env{QStringLiteral("SF_CLIENT_SECRET=client-secret-value"), QStringLiteral("SF_REFRESH=refresh-token-value")};
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")}, env);
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
    const QHash<QString, QString> rows = expected(r.json);
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), rows.size());
    QCOMPARE(org.tokensIssued(), 2);
    for (int n : m_connector->writes())
        QCOMPARE(n, 1);
    QVERIFY(!r.err.contains("client-secret-value") && !r.err.contains("refresh-token-value"));
}

// The org's 24-hour API allowance runs out mid-run: the run fails with
// Salesforce's words and rejects nothing; once allowed again, the next run
// sends only what had not arrived.
void TestConnectors::salesforceDailyLimitEndsTheRunAndTheRestGoesNext()
{
    auto &org = static_cast<test::SalesforceEmulator &>(m_connector->server());
    writeConfig(m_connector->server().baseUrl(), {{QStringLiteral("batch_size"), 20}, {QStringLiteral("concurrency"), 1}});
    org.setDailyLimit(6);
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
    const QString message = r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("API request limit")) && message.contains(QStringLiteral("TotalRequests")), qPrintable(message));
    const int first = m_connector->records().size();
    QVERIFY(first > 0 && first <= 5 * 20);
    org.setDailyLimit(15000);
    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
    QCOMPARE(m_connector->records().size(), expected(r.json).size());
    for (int n : m_connector->writes())
        QCOMPARE(n, 1);
}

// What describe says of Contact (LastName required, FirstName at most 40
// characters) holds records back before sending, never truncating them.
void TestConnectors::salesforceLimitsFromDescribeHoldRecordsBeforeSending()
{
    writeConfig(m_connector->server().baseUrl(), {},
                {mapField(QStringLiteral("account_name"), QStringLiteral("Description"))});
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    // FirstName from a template long enough to pass 40 characters for some rows.
    text.replace("\"source\": \"first_name\"", "\"source\": \"first_name\",\n \"transform\": [\"template:{first_name} {last_name} of {account_name} <{email}>\"]");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 3, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
    int tooLong = 0;
    for (const QJsonValue &v : r.json.value(QStringLiteral("rejections")).toArray())
        tooLong += v.toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("takes at most 40")) ? 1 : 0;
    QVERIFY(tooLong > 0);
    for (const QJsonObject &contact : m_connector->records())
        QVERIFY(contact.value(QStringLiteral("FirstName")).toString().size() <= 40);
}

// A delivery of at least bulk_threshold records goes as a Bulk API 2.0 job:
// created, its CSV uploaded, closed, polled, and its failedResults mapped
// back to the records by external ID.
void TestConnectors::salesforceBackfillsGoThroughBulkApi()
{
    writeConfig(m_connector->server().baseUrl(), {{QStringLiteral("bulk_threshold"), 100}});
    m_connector->refuse(QStringLiteral("7"), QStringLiteral("Account is frozen for review"));
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 1);
    QString reason;
    for (const QJsonValue &v : r.json.value(QStringLiteral("rejections")).toArray())
        if (v.toObject().value(QStringLiteral("key")).toString() == QLatin1String("7"))
            reason = v.toObject().value(QStringLiteral("reason")).toString();
    QVERIFY2(reason.contains(QStringLiteral("FIELD_CUSTOM_VALIDATION_EXCEPTION")) && reason.contains(QStringLiteral("Account is frozen for review")), qPrintable(reason));
    const QHash<QString, QString> rows = expected(r.json);
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), rows.size());
    QCOMPARE(m_connector->records().size(), rows.size());
    QStringList steps;
    for (const test::EmulatorServer::Request &q : m_connector->server().requests()) {
        if (q.path.contains(QStringLiteral("/jobs/ingest")))
            steps.append(QString::fromLatin1(q.method) + QLatin1Char(' ') + q.path.section(QLatin1Char('/'), 6));
        QVERIFY2(!q.path.contains(QStringLiteral("/composite/sobjects")), qPrintable(q.path)); // no REST writes
        if (q.method == "PUT")
            QVERIFY(q.header("content-type").startsWith("text/csv"));
    }
    QVERIFY2(steps.size() >= 5 && steps[0] == QLatin1String("POST ") && steps[1].startsWith(QStringLiteral("PUT ")) && steps[2].startsWith(QStringLiteral("PATCH ")),
             qPrintable(steps.join(QStringLiteral("; "))));
    QVERIFY2(steps.size() >= 2 && steps[steps.size() - 2].contains(QStringLiteral("failedResults")) && steps.last().contains(QStringLiteral("successfulResults")),
             qPrintable(steps.join(QStringLiteral("; "))));
    // successfulResults' sf__Created counts what the job created.
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("created")).toInt(), rows.size());
}

void TestConnectors::salesforceBulkJobFailingPartWaySendsOnlyWhatItDidNotProcess_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("upsert") << QStringLiteral("upsert");
    QTest::newRow("insert") << QStringLiteral("insert");
}

// Salesforce stops an ingest job part way (state Failed): the records it
// processed are settled from successfulResults and failedResults, the run
// fails with the job's errorMessage, and the next run sends only the records
// the job never processed. With insert, a resent processed record would be
// a duplicate Contact.
void TestConnectors::salesforceBulkJobFailingPartWaySendsOnlyWhatItDidNotProcess()
{
    QFETCH(QString, mode);
    auto &org = static_cast<test::SalesforceEmulator &>(m_connector->server());
    writeConfig(m_connector->server().baseUrl(), {{QStringLiteral("bulk_threshold"), 100}});
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonObject syncs = config.value(QStringLiteral("syncs")).toObject();
    QJsonObject sync = syncs.value(QStringLiteral("to_crm")).toObject();
    sync.insert(QStringLiteral("mode"), mode);
    syncs.insert(QStringLiteral("to_crm"), sync);
    config.insert(QStringLiteral("syncs"), syncs);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
    f.close();
    m_connector->refuse(QStringLiteral("7"), QStringLiteral("Account is frozen for review"));
    org.failNextJobAfter(60, QStringLiteral("InternalServerError : Processing stopped"));

    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 1, r.err.constData());
    const QString message = r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("Processing stopped")) && message.contains(QStringLiteral("60 of its")), qPrintable(message));
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 1); // key 7 was among the processed
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 59);
    QCOMPARE(m_connector->records().size(), 59);

    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3); // key 7 is sent again and refused again
    const int rest = counts(r.json).value(QStringLiteral("delivered")).toInt();
    QCOMPARE(m_connector->records().size(), 59 + rest);
    QCOMPARE(m_connector->records().size(), expected(r.json).size());
    const QHash<QString, int> writes = m_connector->writes();
    for (auto it = writes.begin(); it != writes.end(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 written %2 times").arg(it.key()).arg(it.value())));
}

void TestConnectors::iterableBodiesAreWhatIterableDocuments()
{
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_crm")}).code != 2);
    QList<test::EmulatorServer::Request> posts;
    for (const test::EmulatorServer::Request &q : m_connector->server().requests())
        if (q.method == "POST")
            posts.append(q);
    QVERIFY(!posts.isEmpty());
    QCOMPARE(posts.first().path, QStringLiteral("/api/users/bulkUpdate"));
    QCOMPARE(posts.first().header("api-key"), kSecret);
    QVERIFY(posts.first().header("authorization").isEmpty());
    const QJsonObject user = QJsonDocument::fromJson(posts.first().body).object().value(QStringLiteral("users")).toArray().first().toObject();
    QCOMPARE(QStringList(user.keys()), (QStringList{QStringLiteral("dataFields"), QStringLiteral("email")}));
    const QJsonObject data = user.value(QStringLiteral("dataFields")).toObject();
    QCOMPARE(QStringList(data.keys()), (QStringList{QStringLiteral("firstName"), QStringLiteral("ltv")}));
    QVERIFY(data.value(QStringLiteral("ltv")).isDouble());
}

// Iterable drops a field whose value clashes with the project's type for it
// and still counts the user updated: Sluice reports those users rejected,
// naming the field, so no value goes missing unseen.
void TestConnectors::iterableFieldsItDropsAreRejectedNotLost()
{
    writeConfig(m_connector->server().baseUrl(), {}, {mapField(QStringLiteral("last_seen_at"), QStringLiteral("signupDate"), {QStringLiteral("template:day {last_seen_at}")})});
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 1 || r.code == 3, r.err.constData()); // every user lost the field: nothing counts as delivered
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), counts(r.json).value(QStringLiteral("added")).toInt());
    bool named = false;
    for (const QJsonValue &v : r.json.value(QStringLiteral("rejections")).toArray())
        named = named || v.toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("dropped signupDate"));
    QVERIFY(named);
}

void TestConnectors::mixpanelBodiesAreWhatMixpanelDocuments()
{
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_crm")}).code != 2);
    const test::EmulatorServer::Request first = m_connector->server().requests().last();
    QCOMPARE(first.path, QStringLiteral("/engage"));
    QCOMPARE(first.query.queryItemValue(QStringLiteral("verbose")), QStringLiteral("1")); // or Mixpanel's refusals hide behind a bare 200
    const QJsonArray updates = QJsonDocument::fromJson(first.body).array();
    QVERIFY(!updates.isEmpty() && updates.size() <= 2000);
    const QJsonObject update = updates.first().toObject();
    QCOMPARE(QStringList(update.keys()), (QStringList{QStringLiteral("$distinct_id"), QStringLiteral("$ignore_time"), QStringLiteral("$set"), QStringLiteral("$token")}));
    QCOMPARE(update.value(QStringLiteral("$token")).toString(), QString::fromLatin1(kSecret));
    QCOMPARE(QStringList(update.value(QStringLiteral("$set")).toObject().keys()), (QStringList{QStringLiteral("$email"), QStringLiteral("$first_name"), QStringLiteral("ltv")}));
    for (const QJsonObject &profile : m_connector->records())
        QVERIFY(!profile.contains(QStringLiteral("$last_seen"))); // a sync is not activity
}

// Under mirror, a profile whose row left the model is deleted by the
// $distinct_id it was delivered with (kept in the state, nothing more).
void TestConnectors::mixpanelMirrorRemovesProfilesThatLeaveTheModel()
{
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    text.replace("\"mode\": \"upsert\"", "\"mode\": \"mirror\"");
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
    const int before = int(m_connector->records().size());
    QVERIFY(m_connector->records().contains(QStringLiteral("3")));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        db.setDatabaseName(m_ws + QStringLiteral("/demo/warehouse.db"));
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("delete from users where user_id <= 5")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("removed")).toInt(), 5);
    QCOMPARE(int(m_connector->records().size()), before - 5);
    QVERIFY(!m_connector->records().contains(QStringLiteral("3")));
    bool deleted = false;
    for (const test::EmulatorServer::Request &q : m_connector->server().requests())
        for (const QJsonValue &u : QJsonDocument::fromJson(q.body).array())
            if (u.toObject().contains(QStringLiteral("$delete"))) {
                deleted = true;
                QCOMPARE(u.toObject().value(QStringLiteral("$token")).toString(), QString::fromLatin1(kSecret));
            }
    QVERIFY(deleted);
}

// A job of profiles, JSON:API as Klaviyo documents it; 130 refusals come
// back over two pages of import errors and land on the right records.
void TestConnectors::klaviyoJobsAreSubmittedPolledAndTheirErrorsReadPageByPage()
{
    QHash<QString, QString> refusals;
    for (int id = 1; id <= 130; ++id)
        refusals.insert(QString::number(id), QStringLiteral("Profile %1 is suppressed").arg(id));
    static_cast<test::KlaviyoEmulator &>(m_connector->server()).refuse(refusals);
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 130);
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), expected(r.json).size());
    const Run listed = sluice({QStringLiteral("rejections"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    for (const QJsonValue &v : listed.json.value(QStringLiteral("rejections")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("kind")).toString() == QLatin1String("rejected"))
            QVERIFY2(o.value(QStringLiteral("reason")).toString().endsWith(QStringLiteral("Profile %1 is suppressed").arg(o.value(QStringLiteral("key")).toString())),
                     qPrintable(o.value(QStringLiteral("reason")).toString()));
    }
    int errorPages = 0;
    test::EmulatorServer::Request job;
    for (const test::EmulatorServer::Request &q : m_connector->server().requests()) {
        errorPages += q.path.endsWith(QStringLiteral("/import-errors")) ? 1 : 0;
        if (q.method == "POST")
            job = q;
    }
    QCOMPARE(errorPages, 2);
    QCOMPARE(job.path, QStringLiteral("/api/profile-bulk-import-jobs"));
    QVERIFY(job.header("content-type").startsWith("application/vnd.api+json"));
    QCOMPARE(job.header("authorization"), QByteArray("Klaviyo-API-Key ") + kSecret);
    QVERIFY(!job.header("revision").isEmpty());
    const QJsonObject data = QJsonDocument::fromJson(job.body).object().value(QStringLiteral("data")).toObject();
    QCOMPARE(data.value(QStringLiteral("type")).toString(), QStringLiteral("profile-bulk-import-job"));
    const QJsonObject profile = data.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("profiles")).toObject().value(QStringLiteral("data")).toArray().first().toObject();
    QCOMPARE(profile.value(QStringLiteral("type")).toString(), QStringLiteral("profile"));
    const QJsonObject attributes = profile.value(QStringLiteral("attributes")).toObject();
    QCOMPARE(QStringList(attributes.keys()), (QStringList{QStringLiteral("email"), QStringLiteral("external_id"), QStringLiteral("first_name"), QStringLiteral("properties")}));
    QVERIFY(attributes.value(QStringLiteral("properties")).toObject().value(QStringLiteral("ltv")).isDouble()); // custom properties keep their type
}

// Sent again (a full resync), each contact meets Intercom's 409, is read back
// and updated in place: no duplicate, no second contact. A row that shares
// only its e-mail with another record's contact is rejected as an identity
// conflict instead of overwriting that contact.
void TestConnectors::intercomUpdatesItsOwnContactsAndNeverMergesAnother()
{
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
    const int contacts = int(m_connector->records().size());
    const int conflicts = conflictsAtTool(r.json);
    QVERIFY(conflicts > 0); // the demo's shared inboxes
    for (const QJsonValue &v : r.json.value(QStringLiteral("rejections")).toArray())
        if (v.toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("identity conflict at")))
            QVERIFY2(v.toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("under external_id")), qPrintable(v.toObject().value(QStringLiteral("reason")).toString()));
    const QHash<QString, QJsonObject> before = m_connector->records();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_crm"), QStringLiteral("--full-resync"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
    QCOMPARE(int(m_connector->records().size()), contacts);
    QCOMPARE(conflictsAtTool(r.json), conflicts);
    for (auto it = before.begin(); it != before.end(); ++it)
        QCOMPARE(m_connector->records().value(it.key()).value(QStringLiteral("id")), it.value().value(QStringLiteral("id")));
    int puts = 0;
    for (const test::EmulatorServer::Request &q : m_connector->server().requests())
        puts += q.method == "PUT" ? 1 : 0;
    QCOMPARE(puts, contacts);
}
