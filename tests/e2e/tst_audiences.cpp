// Audience syncs against Meta's Custom Audiences, through the real binary:
// identifiers hashed before they leave (a raw one is held back, never sent),
// coverage per identifier kind in plan --json, members added and, under
// mirror, removed by the identifiers they were added with; Meta's error
// codes read as Meta means them.
#include "demo_workspace.h"
#include "google_emulator.h"
#include "linkedin_emulator.h"
#include "meta_emulator.h"
#include "workspace/workspace_init.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

namespace {

const QString kToken = QStringLiteral("EAAGemulatedSystemUserToken");
const QString kAudience = QStringLiteral("23850000000000001");

QString sha256(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QJsonObject counts(const QJsonObject &run)
{
    return run.value(QStringLiteral("counts")).toObject();
}

} // namespace

class TestAudiences final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void membersFollowTheModelAndLeaveWithIt();
    void rawIdentifiersAreHeldBackNeverSent();
    void metaErrorsAreReadByTheirCodes();
    void googleCustomerMatchFollowsTheModel();
    void linkedinSegmentFollowsTheModel();
    void demoAudienceReachesMetaAndGoogle();

private:
    struct Run
    {
        int code = -1;
        QJsonObject json;
        QByteArray err;
    };
    Run sluice(const QStringList &args, const QString &token = kToken, const QStringList &env = {});
    void writeConfig(const QJsonArray &fields, const QString &mode = QStringLiteral("mirror"));
    QJsonArray hashedFields() const;
    void sql(const QString &statement);
    QStringList column(const QString &query);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::MetaEmulator> m_meta;
    QString m_ws;
};

void TestAudiences::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ws = m_dir->filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 400;
    QVERIFY(workspace::initWorkspace(m_ws, options).ok());
    m_meta = std::make_unique<test::MetaEmulator>(kToken, kAudience);
    writeConfig(hashedFields());
}

void TestAudiences::cleanup()
{
    m_meta.reset();
    m_dir.reset();
}

TestAudiences::Run TestAudiences::sluice(const QStringList &args, const QString &token, const QStringList &extra)
{
    QProcess p;
    QStringList env = QProcess::systemEnvironment();
    env.append(QStringLiteral("META_TOKEN=") + token);
    env.append(extra);
    p.setEnvironment(env);
    p.start(QStringLiteral(SLUICE_BINARY), args + QStringList{QStringLiteral("--workspace"), m_ws});
    p.waitForFinished(180000);
    return {p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object(), p.readAllStandardError()};
}

QJsonArray TestAudiences::hashedFields() const
{
    return {QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("EMAIL")},
                        {QStringLiteral("transform"), QJsonArray{QStringLiteral("hash:meta")}}},
            QJsonObject{{QStringLiteral("source"), QStringLiteral("customer_id")}, {QStringLiteral("destination"), QStringLiteral("EXTERN_ID")},
                        {QStringLiteral("transform"), QJsonArray{QStringLiteral("cast:string")}}}};
}

void TestAudiences::writeConfig(const QJsonArray &fields, const QString &mode)
{
    const QJsonObject config{
        {QStringLiteral("version"), 1},
        {QStringLiteral("sources"), QJsonObject{{QStringLiteral("demo"), QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")}, {QStringLiteral("path"), QStringLiteral("demo/warehouse.db")}}}}},
        {QStringLiteral("destinations"),
         QJsonObject{{QStringLiteral("ads"), QJsonObject{{QStringLiteral("type"), QStringLiteral("meta")},
                                                        {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), QStringLiteral("META_TOKEN")}}},
                                                        {QStringLiteral("base_url"), m_meta->baseUrl()},
                                                        {QStringLiteral("batch_size"), 100},
                                                        {QStringLiteral("backoff_ms"), 50}}}}},
        {QStringLiteral("models"), QJsonObject{{QStringLiteral("buyers"), QJsonObject{{QStringLiteral("source"), QStringLiteral("demo")},
                                                                                     {QStringLiteral("primary_key"), QStringLiteral("customer_id")},
                                                                                     {QStringLiteral("sql"), QStringLiteral("select * from customer_360")}}}}},
        {QStringLiteral("syncs"), QJsonObject{{QStringLiteral("buyers_to_meta"), QJsonObject{{QStringLiteral("model"), QStringLiteral("buyers")},
                                                                                            {QStringLiteral("destination"), QStringLiteral("ads")},
                                                                                            {QStringLiteral("object"), kAudience},
                                                                                            {QStringLiteral("mode"), mode},
                                                                                            {QStringLiteral("fields"), fields}}}}}};
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
}

void TestAudiences::sql(const QString &statement)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        db.setDatabaseName(m_ws + QStringLiteral("/demo/warehouse.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(statement), qPrintable(statement));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
}

QStringList TestAudiences::column(const QString &query)
{
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("read"));
        db.setDatabaseName(m_ws + QStringLiteral("/demo/warehouse.db"));
        db.open();
        QSqlQuery q(db);
        q.exec(query);
        while (q.next())
            out.append(q.value(0).toString());
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("read"));
    return out;
}

void TestAudiences::membersFollowTheModelAndLeaveWithIt()
{
    // Coverage before sending: every row has an EXTERN_ID; some lack an e-mail.
    Run r = sluice({QStringLiteral("plan"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject coverage = r.json.value(QStringLiteral("coverage")).toObject();
    const int withEmail = int(column(QStringLiteral("select customer_id from customer_360 where coalesce(email, '') <> ''")).size());
    QCOMPARE(coverage.value(QStringLiteral("EMAIL")).toObject().value(QStringLiteral("valid")).toInt(), withEmail);
    QCOMPARE(coverage.value(QStringLiteral("EMAIL")).toObject().value(QStringLiteral("missing")).toInt(), 400 - withEmail);
    QCOMPARE(coverage.value(QStringLiteral("EXTERN_ID")).toObject().value(QStringLiteral("valid")).toInt(), 400);
    QVERIFY(m_meta->payloads().isEmpty()); // a plan sends nothing
    r = sluice({QStringLiteral("plan"), QStringLiteral("buyers_to_meta")});
    QVERIFY2(r.err.contains(QStringLiteral("identifier coverage: EMAIL %1 of 400").arg(withEmail).toUtf8()), r.err.constData());

    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 400);
    QCOMPARE(m_meta->members().size(), 400);
    // What Meta counted, in the run and in the run history.
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("received")).toInt(), 400);
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("invalid")).toInt(), 0);
    const Run history = sluice({QStringLiteral("runs"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")});
    QVERIFY2(QJsonDocument(history.json).toJson(QJsonDocument::Compact).contains("\"match\":{\"invalid\":0,\"received\":400}"),
             QJsonDocument(history.json).toJson().constData());
    // Only hashes leave: no raw e-mail address in any payload.
    const QStringList emails = column(QStringLiteral("select email from customer_360 where coalesce(email, '') <> ''"));
    for (const QJsonObject &payload : m_meta->payloads()) {
        const QByteArray text = QJsonDocument(payload).toJson();
        QVERIFY(!text.contains(emails.first().toUtf8()));
        QCOMPARE(payload.value(QStringLiteral("schema")).toArray(), (QJsonArray{QStringLiteral("EMAIL"), QStringLiteral("EXTERN_ID")}));
    }
    QVERIFY(m_meta->hasIdentifier(sha256(emails.first().trimmed().toLower())));
    // The four batches of 100 were one upload session, its last batch flagged.
    QCOMPARE(m_meta->sessions().size(), 1);
    const test::MetaEmulator::Session added = m_meta->sessions().begin().value();
    QCOMPARE(added.batches.size(), 4);
    QCOMPARE(QSet<int>(added.batches.begin(), added.batches.end()), (QSet<int>{1, 2, 3, 4}));
    QVERIFY(added.closed);
    QCOMPARE(added.afterLast, 0);
    QCOMPARE(added.batches.last(), added.lastSeq); // the flagged batch came alone, after the others
    QCOMPARE(added.received, 400);
    QCOMPARE(added.estimatedTotal, 400);

    // Ten buyers leave the model: mirror removes them by what they were added with.
    const QStringList leaving = column(QStringLiteral("select customer_id from customer_360 where customer_id <= 10"));
    sql(QStringLiteral("delete from users where user_id <= 10"));
    const int payloadsBefore = int(m_meta->payloads().size());
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("removed")).toInt(), 10);
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 10);
    QCOMPARE(m_meta->members().size(), 390);
    QCOMPARE(leaving.size(), 10);
    for (const QString &id : leaving)
        QVERIFY(!m_meta->hasIdentifier(id)); // EXTERN_ID
    QVERIFY(m_meta->hasIdentifier(QStringLiteral("11")));
    QCOMPARE(int(m_meta->payloads().size()), payloadsBefore + 1); // one DELETE of ten members
    // A session of its own, one batch, flagged the last.
    QCOMPARE(m_meta->sessions().size(), 2);
    for (const test::MetaEmulator::Session &session : m_meta->sessions())
        if (session.removal) {
            QCOMPARE(session.batches, QList<int>{1});
            QVERIFY(session.closed);
            QCOMPARE(session.afterLast, 0);
            QCOMPARE(session.received, 10);
        }

    // A member added by hand in Ads Manager; a full resync replaces the
    // audience with the model (usersreplace), so it leaves.
    m_meta->addMember({sha256(QStringLiteral("stray@example.com")), QStringLiteral("999999")});
    QVERIFY(m_meta->hasIdentifier(QStringLiteral("999999")));
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--full-resync"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(!m_meta->hasIdentifier(QStringLiteral("999999")));
    QCOMPARE(m_meta->members().size(), 390);
    QVERIFY(m_meta->hasIdentifier(QStringLiteral("11")));
    bool replaced = false;
    for (const test::MetaEmulator::Session &session : m_meta->sessions())
        if (session.replace) {
            replaced = true;
            QVERIFY(session.closed);
            QCOMPARE(session.received, 390);
            QCOMPARE(session.batches.last(), session.lastSeq);
            QCOMPARE(session.afterLast, 0);
        }
    QVERIFY(replaced);
}

void TestAudiences::rawIdentifiersAreHeldBackNeverSent()
{
    // A raw e-mail mapped to EMAIL: check and run refuse the sync, naming it and the field.
    writeConfig({QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("EMAIL")}},
                 QJsonObject{{QStringLiteral("source"), QStringLiteral("customer_id")}, {QStringLiteral("destination"), QStringLiteral("EXTERN_ID")},
                             {QStringLiteral("transform"), QJsonArray{QStringLiteral("cast:string")}}}},
                QStringLiteral("upsert"));
    Run r = sluice({QStringLiteral("check")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("sync buyers_to_meta: field EMAIL") && r.err.contains("hash:meta"), r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY(m_meta->payloads().isEmpty());
    // Hashed, but not by a SHA-256 (a lower-cased address): held back row by row, never sent.
    writeConfig({QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("EMAIL")},
                             {QStringLiteral("transform"), QJsonArray{QStringLiteral("lowercase"), QStringLiteral("sha256"), QStringLiteral("template:x{email}")}}},
                 QJsonObject{{QStringLiteral("source"), QStringLiteral("customer_id")}, {QStringLiteral("destination"), QStringLiteral("EXTERN_ID")},
                             {QStringLiteral("transform"), QJsonArray{QStringLiteral("cast:string")}}}},
                QStringLiteral("upsert"));
    r = sluice({QStringLiteral("plan"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2); // the chain no longer ends in a hash: refused as well
}

void TestAudiences::metaErrorsAreReadByTheirCodes()
{
    // A bad token is HTTP 400 with code 190: refused credentials, not rejected members.
    Run r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")}, QStringLiteral("EAAGexpired"));
    QCOMPARE(r.code, 1);
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("#190")), r.err.constData());
    QVERIFY(!r.err.contains("EAAGexpired"));
    r = sluice({QStringLiteral("check")}, QStringLiteral("EAAGexpired"));
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("Meta refused the access token"), r.err.constData());
    // A flagged audience takes nothing: the run fails with Meta's reason.
    m_meta->setFlagged(true);
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("flagged")), r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
    // Code 80003 (too many calls to the ad account) is waited out.
    m_meta->setFlagged(false);
    m_meta->setRateLimit(2);
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(m_meta->throttled() > 0);
    QCOMPARE(m_meta->members().size(), 400);
}

// Customer Match through the Data Manager API: hashed e-mails ingested into
// the user list under the operating account, coverage in the plan, what
// Google counted read back, and three members removed when their rows leave.
void TestAudiences::googleCustomerMatchFollowsTheModel()
{
    test::GoogleEmulator google(QStringLiteral("sluice-client"), QStringLiteral("client-secret-value"), QStringLiteral("refresh-token-value"),
                                QStringLiteral("1234567890"), QStringLiteral("987654321"));
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    config.insert(QStringLiteral("destinations"),
                  QJsonObject{{QStringLiteral("ads"),
                               QJsonObject{{QStringLiteral("type"), QStringLiteral("google_ads")},
                                           {QStringLiteral("base_url"), google.baseUrl()},
                                           {QStringLiteral("batch_size"), 100},
                                           {QStringLiteral("oauth"), QJsonObject{{QStringLiteral("token_url"), QString(google.baseUrl() + QStringLiteral("/token"))},
                                                                                 {QStringLiteral("client_id"), QStringLiteral("sluice-client")},
                                                                                 {QStringLiteral("client_secret"), QJsonObject{{QStringLiteral("env"), QStringLiteral("G_SECRET")}}},
                                                                                 {QStringLiteral("refresh_token"), QJsonObject{{QStringLiteral("env"), QStringLiteral("G_REFRESH")}}}}},
                                           {QStringLiteral("operating_account"), QJsonObject{{QStringLiteral("account_type"), QStringLiteral("GOOGLE_ADS")},
                                                                                             {QStringLiteral("account_id"), QStringLiteral("123-456-7890")}}}}}});
    QJsonObject syncs = config.value(QStringLiteral("syncs")).toObject();
    QJsonObject sync = syncs.value(QStringLiteral("buyers_to_meta")).toObject();
    sync.insert(QStringLiteral("object"), QStringLiteral("987654321"));
    sync.insert(QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("EMAIL")},
                                                                 {QStringLiteral("transform"), QJsonArray{QStringLiteral("hash:google")}}}});
    syncs.insert(QStringLiteral("buyers_to_meta"), sync);
    config.insert(QStringLiteral("syncs"), syncs);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
    f.close();
    const QStringList env{QStringLiteral("G_SECRET=client-secret-value"), QStringLiteral("G_REFRESH=refresh-token-value")};

    Run r = sluice({QStringLiteral("check")}, kToken, env);
    QVERIFY2(r.code == 0, r.err.constData());
    r = sluice({QStringLiteral("plan"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")}, kToken, env);
    QVERIFY2(r.code == 0, r.err.constData());
    const int withEmail = int(column(QStringLiteral("select customer_id from customer_360 where coalesce(email, '') <> ''")).size());
    QCOMPARE(r.json.value(QStringLiteral("coverage")).toObject().value(QStringLiteral("EMAIL")).toObject().value(QStringLiteral("valid")).toInt(), withEmail);
    QCOMPARE(counts(r.json).value(QStringLiteral("invalid")).toInt(), 400 - withEmail); // no identifier: held back

    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")}, kToken, env);
    QVERIFY2(r.code == 3, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), withEmail);
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("received")).toInt(), withEmail);
    // Google's match-rate range of the upload (MATCH_RATE_RANGE_51_TO_60), kept with the run.
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("match_rate_low_pct")).toInt(), 51);
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("match_rate_high_pct")).toInt(), 60);
    const QJsonObject body = google.bodies().first();
    QCOMPARE(body.value(QStringLiteral("encoding")).toString(), QStringLiteral("HEX"));
    QCOMPARE(body.value(QStringLiteral("destinations")).toArray().first().toObject().value(QStringLiteral("productDestinationId")).toString(), QStringLiteral("987654321"));
    const QString first = column(QStringLiteral("select email from customer_360 where coalesce(email, '') <> '' order by customer_id limit 1")).first();
    QVERIFY(google.hasIdentifier(sha256(first.trimmed().toLower())));
    QVERIFY(!QJsonDocument(body).toJson().contains(first.toUtf8()));

    // Three buyers with an e-mail of their own leave the model.
    const QStringList leaving = column(QStringLiteral("select email from customer_360 where email in (select email from customer_360 where coalesce(email, '') <> '' "
                                                      "group by email having count(*) = 1) order by customer_id limit 3"));
    QCOMPARE(leaving.size(), 3);
    for (const QString &email : leaving)
        sql(QStringLiteral("delete from users where email = '%1'").arg(email));
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")}, kToken, env);
    QVERIFY2(r.code == 3, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("removed")).toInt(), 3);
    for (const QString &email : leaving)
        QVERIFY(!google.hasIdentifier(sha256(email.trimmed().toLower())));
    QVERIFY(google.hasIdentifier(sha256(first.trimmed().toLower())) || leaving.contains(first));
    QVERIFY(!r.json.value(QStringLiteral("match")).toObject().contains(QStringLiteral("match_rate_low_pct"))); // removals are not matched

    // Sent again when Google matches few of them: the run says so.
    google.setMatchShare(0.12);
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--full-resync"), QStringLiteral("--json")}, kToken, env);
    QVERIFY2(r.code == 3, r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("match_rate_low_pct")).toInt(), 0);
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("match_rate_high_pct")).toInt(), 19);

    // A revoked refresh token fails the run as refused credentials.
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--full-resync"), QStringLiteral("--json")}, kToken,
               {QStringLiteral("G_SECRET=client-secret-value"), QStringLiteral("G_REFRESH=revoked")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("invalid_grant")), r.err.constData());
    QVERIFY(!r.err.contains("client-secret-value"));
}

// LinkedIn DMP segment users: ADD and REMOVE elements with SHA256_EMAIL ids,
// the Rest.li headers LinkedIn requires, one status per element read back.
void TestAudiences::linkedinSegmentFollowsTheModel()
{
    test::LinkedInEmulator linkedin(kToken, QStringLiteral("4500123"));
    const QString refusedEmail = column(QStringLiteral("select email from customer_360 where coalesce(email, '') <> '' order by customer_id limit 1 offset 5")).first();
    linkedin.refuse({sha256(refusedEmail.trimmed().toLower())});
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    config.insert(QStringLiteral("destinations"),
                  QJsonObject{{QStringLiteral("ads"), QJsonObject{{QStringLiteral("type"), QStringLiteral("linkedin")},
                                                                 {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), QStringLiteral("META_TOKEN")}}},
                                                                 {QStringLiteral("base_url"), linkedin.baseUrl()}}}});
    QJsonObject syncs = config.value(QStringLiteral("syncs")).toObject();
    QJsonObject sync = syncs.value(QStringLiteral("buyers_to_meta")).toObject();
    sync.insert(QStringLiteral("object"), QStringLiteral("4500123"));
    sync.insert(QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("SHA256_EMAIL")},
                                                                 {QStringLiteral("transform"), QJsonArray{QStringLiteral("email"), QStringLiteral("sha256")}}}});
    syncs.insert(QStringLiteral("buyers_to_meta"), sync);
    config.insert(QStringLiteral("syncs"), syncs);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
    f.close();
    Run r = sluice({QStringLiteral("check")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")});
    QVERIFY2(r.code == 3, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 1);
    // LinkedIn's per-element statuses, counted with the run: every member received, one refused.
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("received")).toInt(),
             counts(r.json).value(QStringLiteral("delivered")).toInt() + 1);
    QCOMPARE(r.json.value(QStringLiteral("match")).toObject().value(QStringLiteral("invalid")).toInt(), 1);
    bool named = false;
    for (const QJsonValue &v : r.json.value(QStringLiteral("rejections")).toArray())
        named = named || v.toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("exclusion list"));
    QVERIFY(named);
    QVERIFY(!linkedin.members().isEmpty());
    for (const QByteArray &version : linkedin.headersOf("linkedin-version"))
        QVERIFY(!version.isEmpty());
    // Rows leave: they are removed from the segment by their hashed e-mail.
    const QString leaving = column(QStringLiteral("select email from customer_360 where email in (select email from customer_360 where coalesce(email, '') <> '' "
                                                  "group by email having count(*) = 1) order by customer_id limit 1")).first();
    QVERIFY(linkedin.members().contains(sha256(leaving.trimmed().toLower())));
    sql(QStringLiteral("delete from users where email = '%1'").arg(leaving));
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")});
    QCOMPARE(counts(r.json).value(QStringLiteral("removed")).toInt(), 1);
    QVERIFY(!linkedin.members().contains(sha256(leaving.trimmed().toLower())));
    r = sluice({QStringLiteral("run"), QStringLiteral("buyers_to_meta"), QStringLiteral("--json")}, QStringLiteral("wrong"));
    QCOMPARE(r.code, 1);
    QVERIFY(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("INVALID_ACCESS_TOKEN")));
}

// The demo's own audience (init --demo --audiences): high-value customers
// with consent, into the Meta and Google emulators. Members equal the
// model's consenting rows; three that leave are removed from both; the plan
// shows coverage per identifier kind.
void TestAudiences::demoAudienceReachesMetaAndGoogle()
{
    QTemporaryDir dir;
    m_ws = dir.filePath(QStringLiteral("demo"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 600;
    options.demoAudiences = true;
    QVERIFY(workspace::initWorkspace(m_ws, options).ok());
    test::MetaEmulator meta(QStringLiteral("EAAdemo"), QStringLiteral("23850000000000001"));
    test::GoogleEmulator google(QStringLiteral("sluice-demo"), QStringLiteral("demo-client-secret"), QStringLiteral("demo-refresh-token"),
                                QStringLiteral("1234567890"), QStringLiteral("987654321"));
    // The demo points at the emulators' default ports; these run on free ones.
    QVERIFY(test::editConfig(m_ws, [&](QJsonObject &config) {
        QJsonObject destinations = config.value(QStringLiteral("destinations")).toObject();
        QJsonObject m = destinations.value(QStringLiteral("meta_ads")).toObject();
        m.insert(QStringLiteral("base_url"), meta.baseUrl());
        QJsonObject g = destinations.value(QStringLiteral("google_ads")).toObject();
        g.insert(QStringLiteral("base_url"), google.baseUrl());
        QJsonObject oauth = g.value(QStringLiteral("oauth")).toObject();
        oauth.insert(QStringLiteral("token_url"), QString(google.baseUrl() + QStringLiteral("/token")));
        g.insert(QStringLiteral("oauth"), oauth);
        destinations.insert(QStringLiteral("meta_ads"), m);
        destinations.insert(QStringLiteral("google_ads"), g);
        config.insert(QStringLiteral("destinations"), destinations);
    }));
    const QStringList env{QStringLiteral("GOOGLE_CLIENT_SECRET=demo-client-secret"), QStringLiteral("GOOGLE_REFRESH_TOKEN=demo-refresh-token")};
    const QString token = QStringLiteral("EAAdemo");
    QCOMPARE(sluice({QStringLiteral("check")}, token, env).code, 0);

    const QString audience = QStringLiteral("from customer_360 where lifecycle_stage in ('repeat', 'vip')");
    const qsizetype consenting = column(QStringLiteral("select customer_id %1 and marketing_consent").arg(audience)).size();
    QVERIFY(consenting > 50);
    Run plan = sluice({QStringLiteral("plan"), QStringLiteral("high_value_to_meta"), QStringLiteral("--json")}, token, env);
    QCOMPARE(plan.code, 0);
    const QJsonObject coverage = plan.json.value(QStringLiteral("coverage")).toObject();
    for (const char *kind : {"EMAIL", "PHONE", "FN", "LN", "COUNTRY", "EXTERN_ID"})
        QVERIFY2(coverage.contains(QLatin1String(kind)), kind);
    QCOMPARE(coverage.value(QStringLiteral("EXTERN_ID")).toObject().value(QStringLiteral("valid")).toInt(), consenting);

    Run r = sluice({QStringLiteral("run"), QStringLiteral("high_value_to_meta"), QStringLiteral("--json")}, token, env);
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(meta.members().size(), consenting); // every consenting row carries EXTERN_ID at least
    r = sluice({QStringLiteral("run"), QStringLiteral("high_value_to_google"), QStringLiteral("--json")}, token, env);
    QVERIFY2(r.code == 0 || r.code == 3, r.err.constData()); // rows with neither e-mail nor phone are held back
    const qsizetype reachable = column(QStringLiteral("select customer_id %1 and marketing_consent and (coalesce(email, '') <> '' or coalesce(phone, '') <> '')")
                                           .arg(audience)).size();
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt() + counts(r.json).value(QStringLiteral("invalid")).toInt(), consenting);
    QVERIFY(counts(r.json).value(QStringLiteral("delivered")).toInt() <= reachable);
    QCOMPARE(google.members().size(), counts(r.json).value(QStringLiteral("delivered")).toInt());
    QVERIFY(r.json.value(QStringLiteral("match")).toObject().contains(QStringLiteral("received")));

    // Three consenting members leave the model: removed from both, once.
    const QStringList leaving = column(QStringLiteral("select customer_id %1 and marketing_consent and coalesce(email, '') <> '' order by customer_id limit 3").arg(audience));
    QCOMPARE(leaving.size(), 3);
    const qsizetype metaBefore = meta.members().size(), googleBefore = google.members().size();
    sql(QStringLiteral("delete from users where user_id in (%1)").arg(leaving.join(QLatin1Char(','))));
    for (const QString &sync : {QStringLiteral("high_value_to_meta"), QStringLiteral("high_value_to_google")}) {
        r = sluice({QStringLiteral("run"), sync, QStringLiteral("--json")}, token, env);
        QVERIFY2(r.code == 0 || r.code == 3, r.err.constData());
        QCOMPARE(counts(r.json).value(QStringLiteral("removed")).toInt(), 3);
    }
    QCOMPARE(meta.members().size(), metaBefore - 3);
    QCOMPARE(google.members().size(), googleBefore - 3);

    // Two members withdraw their consent: removed from the audience too.
    const QStringList withdrawing = column(QStringLiteral("select customer_id %1 and marketing_consent order by customer_id limit 2").arg(audience));
    QCOMPARE(withdrawing.size(), 2);
    sql(QStringLiteral("update users set marketing_consent = 0 where user_id in (%1)").arg(withdrawing.join(QLatin1Char(','))));
    r = sluice({QStringLiteral("run"), QStringLiteral("high_value_to_meta"), QStringLiteral("--json")}, token, env);
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("removed")).toInt(), 2);
    QCOMPARE(meta.members().size(), metaBefore - 5);
    for (const QString &id : withdrawing)
        QVERIFY(!meta.hasIdentifier(id)); // EXTERN_ID
}

QTEST_GUILESS_MAIN(TestAudiences)
#include "tst_audiences.moc"
