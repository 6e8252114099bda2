#include "workspace/workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QRegularExpression>
#include <QTest>

using sluice::workspace::Workspace;

class TestWorkspace final : public QObject
{
    Q_OBJECT

private slots:
    void badFiles_data();
    void badFiles();
    void designExampleLoads();
    void loadSaveIsByteIdentical();
    void editKeepsOperatorKeyOrder();
    void secrets();
    void typosNeverSwitchGovernanceOff_data();
    void typosNeverSwitchGovernanceOff();
    void missingWorkspaceSaysHowToCreateOne();
};

static QByteArray valid()
{
    return R"({
  "version": 1,
  "sources": { "dw": { "driver": "postgres", "host": "127.0.0.1", "database": "analytics", "user": "sluice",
                       "password": { "env": "DW_PASSWORD" } } },
  "destinations": { "out": { "type": "jsonl", "path": "out/c.jsonl" } },
  "models": { "customers": { "source": "dw", "primary_key": "customer_id", "sql": "select 1 as customer_id" } },
  "syncs": { "s": { "model": "customers", "destination": "out", "mode": "upsert",
                    "fields": [ { "source": "email", "destination": "email", "transform": ["trim", "lowercase"] } ] } }
}
)";
}

// A workspace with every governance key in use, for the typo tests.
static QByteArray governed()
{
    return R"({
  "version": 1,
  "sources": { "dw": { "driver": "sqlite", "path": "w.db" } },
  "destinations": { "crm": { "type": "hubspot", "token": { "env": "HUBSPOT_TOKEN" } } },
  "models": { "customers": { "source": "dw", "primary_key": "customer_id", "sql": "select 1 as customer_id" } },
  "syncs": { "s": { "model": "customers", "destination": "crm", "mode": "upsert",
                    "match": {"source": "email", "destination": "email"},
                    "policy": {"consent": "marketing_consent"},
                    "fields": [ { "source": "email", "destination": "email" } ] } }
}
)";
}

void TestWorkspace::badFiles_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("syntax error names line and column") << QByteArray("{\n  \"version\": 1,\n  \"sources\": {,}\n}")
                                                        << QStringLiteral("sluice.json:3:");
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("one JSON object");
    QTest::newRow("missing version") << QByteArray("{}") << QStringLiteral("\"version\" is missing");
    QTest::newRow("unknown driver") << QByteArray(valid()).replace("\"postgres\"", "\"oracle\"")
                                    << QStringLiteral("source dw: unknown driver \"oracle\"");
    QTest::newRow("model names unknown source")
        << QByteArray(valid()).replace("\"source\": \"dw\"", "\"source\": \"dw2\"")
        << QStringLiteral("model customers: unknown source \"dw2\"");
    QTest::newRow("two sources with one name")
        << QByteArray(valid()).replace("\"sources\": {", "\"sources\": { \"dw\": { \"driver\": \"sqlite\", \"path\": \"x\" },")
        << QStringLiteral("\"dw\" is defined twice");
    QTest::newRow("literal password is refused")
        << QByteArray(valid()).replace("{ \"env\": \"DW_PASSWORD\" }", "\"hunter2\"")
        << QStringLiteral("source dw: \"password\" must be a secret reference");
    QTest::newRow("sync names unknown model")
        << QByteArray(valid()).replace("\"model\": \"customers\"", "\"model\": \"nope\"")
        << QStringLiteral("sync s: unknown model \"nope\"");
    QTest::newRow("unknown mode") << QByteArray(valid()).replace("\"upsert\"", "\"merge\"")
                                  << QStringLiteral("sync s: unknown mode \"merge\"");
    QTest::newRow("unknown transform") << QByteArray(valid()).replace("\"lowercase\"", "\"reverse\"")
                                       << QStringLiteral("unknown transform \"reverse\"");
    QTest::newRow("missing primary key")
        << QByteArray(valid()).replace("\"primary_key\": \"customer_id\", ", "")
        << QStringLiteral("model customers: \"primary_key\" is required");
    QTest::newRow("unknown destination type") << QByteArray(valid()).replace("\"jsonl\"", "\"ftp\"")
                                              << QStringLiteral("destination out: unknown destination type \"ftp\"");
}

void TestWorkspace::badFiles()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const auto ws = Workspace::fromText(text, QDir::tempPath());
    QVERIFY(!ws.ok());
    QVERIFY2(ws.error().message.contains(expected), qPrintable(ws.error().message));
    QCOMPARE(ws.error().kind, sluice::Error::Kind::Config);
}

void TestWorkspace::designExampleLoads()
{
    const auto ws = Workspace::fromText(valid(), QDir::tempPath());
    QVERIFY2(ws.ok(), qPrintable(ws.error().message));
    QCOMPARE(ws->config().sources.value(QStringLiteral("dw")).database, QStringLiteral("analytics"));
    QCOMPARE(ws->config().models.value(QStringLiteral("customers")).primaryKey, QStringList{QStringLiteral("customer_id")});
    QCOMPARE(ws->config().syncs.value(QStringLiteral("s")).fields.first().transform,
             (QStringList{QStringLiteral("trim"), QStringLiteral("lowercase")}));
}

void TestWorkspace::loadSaveIsByteIdentical()
{
    QTemporaryDir dir;
    // Hand-written: odd spacing, keys in the operator's own order.
    QFile f(dir.filePath(QStringLiteral("sluice.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(valid());
    f.close();
    auto ws = Workspace::open(dir.path());
    QVERIFY2(ws.ok(), qPrintable(ws.error().message));
    QVERIFY(ws->save().ok());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), valid());
}

void TestWorkspace::editKeepsOperatorKeyOrder()
{
    const QByteArray text = "{\n  \"version\": 1,\n  \"models\": {\n    \"m\": {\n      \"sql\": \"select 1 as id\",\n"
                            "      \"source\": \"s\",\n      \"primary_key\": \"id\"\n    }\n  },\n"
                            "  \"sources\": {\n    \"s\": {\n      \"path\": \"w.db\",\n      \"driver\": \"sqlite\"\n    }\n  }\n}\n";
    auto ws = Workspace::fromText(text, QDir::tempPath());
    QVERIFY2(ws.ok(), qPrintable(ws.error().message));
    QJsonObject json = ws->json();
    QJsonObject models = json.value(QStringLiteral("models")).toObject();
    QJsonObject m = models.value(QStringLiteral("m")).toObject();
    m.insert(QStringLiteral("sql"), QStringLiteral("select 2 as id"));
    models.insert(QStringLiteral("m"), m);
    json.insert(QStringLiteral("models"), models);
    QVERIFY(ws->setJson(json).ok());
    QByteArray expected = text;
    expected.replace("select 1", "select 2");
    QCOMPARE(QString::fromUtf8(ws->serialized()), QString::fromUtf8(expected));
}

void TestWorkspace::secrets()
{
    QTemporaryDir dir;
    auto ws = Workspace::fromText(valid(), dir.path());
    QVERIFY(ws.ok());
    const auto ref = ws->config().sources.value(QStringLiteral("dw")).password;
    QVERIFY(ref.has_value());
    qunsetenv("DW_PASSWORD");
    auto unset = ws->resolveSecret(*ref, QStringLiteral("source dw: password"));
    QVERIFY(!unset.ok());
    QCOMPARE(unset.error().kind, sluice::Error::Kind::Config);
    QVERIFY(unset.error().message.contains(QStringLiteral("source dw: password: environment variable DW_PASSWORD is not set")));
    qputenv("DW_PASSWORD", "s3cret-value");
    auto set = ws->resolveSecret(*ref, QStringLiteral("source dw: password"));
    QVERIFY(set.ok());
    QCOMPARE(set.value(), QStringLiteral("s3cret-value"));

    QFile secretFile(dir.filePath(QStringLiteral("token")));
    QVERIFY(secretFile.open(QIODevice::WriteOnly));
    secretFile.write("from-file\n");
    secretFile.close();
    // #10.8: a secret file others can read is refused, like ssh refuses such a key.
    QVERIFY(secretFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
    auto exposed = ws->resolveSecret({sluice::workspace::SecretRef::Kind::File, QStringLiteral("token")}, QStringLiteral("source dw: password"));
    QVERIFY(!exposed.ok());
    QCOMPARE(exposed.error().kind, sluice::Error::Kind::Config);
    QVERIFY2(exposed.error().message.contains(QStringLiteral("source dw: password: secret file token can be read or changed by other users")),
             qPrintable(exposed.error().message));
    QVERIFY(!exposed.error().message.contains(QStringLiteral("from-file")));
    QVERIFY(secretFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
    auto fromFile = ws->resolveSecret({sluice::workspace::SecretRef::Kind::File, QStringLiteral("token")}, QStringLiteral("x"));
    QVERIFY(fromFile.ok());
    QCOMPARE(fromFile.value(), QStringLiteral("from-file"));
}

// #10.6: governance and identity keys of the wrong shape, or misspelt, are
// errors with line and column; they never switch a rule off silently.
void TestWorkspace::typosNeverSwitchGovernanceOff_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("expected");
    const QString policy = QStringLiteral(R"("policy": {"consent": "marketing_consent"})");
    QTest::newRow("policy as a string") << policy << QStringLiteral(R"("policy": "marketing_consent")") << QStringLiteral("\"policy\" must be an object");
    QTest::newRow("consent misspelt") << policy << QStringLiteral(R"("policy": {"consnet": "marketing_consent"})") << QStringLiteral("unknown key \"consnet\"");
    QTest::newRow("consent not a string") << policy << QStringLiteral(R"("policy": {"consent": true})") << QStringLiteral("\"consent\" must be a string");
    const QString match = QStringLiteral(R"("match": {"source": "email", "destination": "email"})");
    QTest::newRow("match as a string") << match << QStringLiteral(R"("match": "email")") << QStringLiteral("\"match\" must be an object");
    QTest::newRow("match half") << match << QStringLiteral(R"("match": {"source": "email"})") << QStringLiteral("\"destination\" is required");
    QTest::newRow("sync key misspelt") << match << match + QStringLiteral(R"(, "polcy": {})") << QStringLiteral("unknown key \"polcy\"");
    QTest::newRow("rate limit huge") << QStringLiteral(R"("type": "hubspot")") << QStringLiteral(R"("type": "hubspot", "rate_limit": {"requests": 1e13, "per_seconds": 1})")
                                     << QStringLiteral("\"requests\" must be a whole number from 1 to 1000000");
    QTest::newRow("negative concurrency") << QStringLiteral(R"("type": "hubspot")") << QStringLiteral(R"("type": "hubspot", "concurrency": -3)")
                                          << QStringLiteral("\"concurrency\" must be a whole number from 1 to 64");
    QTest::newRow("string batch size") << QStringLiteral(R"("type": "hubspot")") << QStringLiteral(R"("type": "hubspot", "batch_size": "50")")
                                       << QStringLiteral("\"batch_size\" must be a whole number from 1 to 100");
    QTest::newRow("negative timeout") << QStringLiteral(R"("type": "hubspot")") << QStringLiteral(R"("type": "hubspot", "timeout_s": -1)")
                                      << QStringLiteral("\"timeout_s\" must be a whole number from 1 to 3600");
    QTest::newRow("model key misspelt") << QStringLiteral(R"("primary_key": "customer_id")") << QStringLiteral(R"("primary_key": "customer_id", "pi": ["email"])")
                                        << QStringLiteral("unknown key \"pi\"");
}

void TestWorkspace::typosNeverSwitchGovernanceOff()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, expected);
    QVERIFY(Workspace::fromText(governed(), QStringLiteral("/tmp")).ok());
    QByteArray text = governed();
    QVERIFY2(text.contains(from.toUtf8()), qPrintable(from));
    text.replace(from.toUtf8(), to.toUtf8());
    auto ws = Workspace::fromText(text, QStringLiteral("/tmp"));
    QVERIFY(!ws.ok());
    QCOMPARE(ws.error().kind, sluice::Error::Kind::Config);
    QVERIFY2(ws.error().message.contains(expected), qPrintable(ws.error().message));
    QVERIFY2(ws.error().message.contains(QRegularExpression(QStringLiteral("sluice\\.json:\\d+:\\d+: "))), qPrintable(ws.error().message));
}

void TestWorkspace::missingWorkspaceSaysHowToCreateOne()
{
    QTemporaryDir dir;
    auto ws = Workspace::open(dir.path());
    QVERIFY(!ws.ok());
    QVERIFY(ws.error().message.contains(QStringLiteral("sluice init")));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
