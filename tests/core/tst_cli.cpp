// The CLI as users' scripts drive it: the real binary, its exit codes, and
// one JSON document on stdout.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void previewJson();
    void previewHumanGoesToStderr();
    void compositeKeyAndDuplicates();
    void errors_data();
    void errors();
    void initRefusesAnExistingWorkspace();
    void checkPasses();
    void pauseAndResumeSchedules();
    void demoSyncWritesExactlyTheModel();
    void unknownVerbIsUsageError();
    void speaksGerman();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run sluice(const QStringList &args, const QStringList &env = {});
    void writeConfig(const QString &dir, const QByteArray &text);

    QTemporaryDir m_dir;
    QString m_demo;
};

TestCli::Run TestCli::sluice(const QStringList &args, const QStringList &env)
{
    QProcess p;
    QStringList environment = QProcess::systemEnvironment();
    environment.append(env);
    p.setEnvironment(environment);
    p.start(QStringLiteral(SLUICE_BINARY), args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

void TestCli::writeConfig(const QString &dir, const QByteArray &text)
{
    QDir().mkpath(dir);
    QFile f(dir + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

void TestCli::initTestCase()
{
    m_demo = m_dir.filePath(QStringLiteral("demo"));
    const Run r = sluice({QStringLiteral("init"), m_demo, QStringLiteral("--demo")});
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(QFile::exists(m_demo + QStringLiteral("/sluice.json")));
    QVERIFY(QFile::exists(m_demo + QStringLiteral("/.sluice/state.db")));
    QVERIFY(QFile::exists(m_demo + QStringLiteral("/demo/warehouse.db")));
}

void TestCli::previewJson()
{
    const Run r = sluice({QStringLiteral("preview"), QStringLiteral("customer_360"), QStringLiteral("--workspace"), m_demo,
                          QStringLiteral("--limit"), QStringLiteral("5"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject o = doc.object();
    QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("customer_360"));
    QCOMPARE(o.value(QStringLiteral("rows")).toArray().size(), 5);
    const QJsonArray columns = o.value(QStringLiteral("columns")).toArray();
    QVERIFY(columns.size() >= 10);
    QCOMPARE(columns.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("customer_id"));
    const QJsonObject first = o.value(QStringLiteral("rows")).toArray().first().toObject();
    QVERIFY(first.contains(QStringLiteral("email")));
    QVERIFY(first.value(QStringLiteral("customer_id")).isDouble());
    const QJsonObject checks = o.value(QStringLiteral("checks")).toObject();
    QCOMPARE(checks.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(checks.value(QStringLiteral("row_count")).toInt(), 10000);
    QCOMPARE(checks.value(QStringLiteral("duplicate_keys")).toInt(), 0);
}

void TestCli::previewHumanGoesToStderr()
{
    const Run r = sluice({QStringLiteral("preview"), QStringLiteral("customer_360"), QStringLiteral("--limit"), QStringLiteral("3")},
                         {QStringLiteral("SLUICE_WORKSPACE=") + m_demo});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.isEmpty());
    QVERIFY(r.err.contains("customer_id"));
    QVERIFY(r.err.contains("unique over 10000 rows"));
}

void TestCli::compositeKeyAndDuplicates()
{
    const QString ws = m_dir.filePath(QStringLiteral("dups"));
    writeConfig(ws, R"({"version": 1,
      "sources": {"demo": {"driver": "sqlite", "path": "../demo/demo/warehouse.db"}},
      "models": {
        "by_email": {"source": "demo", "primary_key": "email", "sql": "select lower(trim(email)) as email, user_id from users"},
        "composite": {"source": "demo", "primary_key": ["user_id", "name"], "sql": "select user_id, name, count(*) n from events group by 1, 2"}
      }})");
    Run r = sluice({QStringLiteral("preview"), QStringLiteral("by_email"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    QCOMPARE(r.code, 0); // preview did its job: it reports the problems
    QJsonObject checks = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("checks")).toObject();
    QCOMPARE(checks.value(QStringLiteral("ok")).toBool(), false);
    QVERIFY(checks.value(QStringLiteral("null_keys")).toInt() > 100);
    QVERIFY(checks.value(QStringLiteral("duplicate_keys")).toInt() > 5);
    QVERIFY(checks.value(QStringLiteral("duplicate_rows")).toInt() > checks.value(QStringLiteral("duplicate_keys")).toInt());
    QVERIFY(!checks.value(QStringLiteral("duplicate_examples")).toArray().isEmpty());
    QVERIFY(r.err.contains("occur more than once"));

    r = sluice({QStringLiteral("preview"), QStringLiteral("composite"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    checks = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("checks")).toObject();
    QVERIFY2(checks.value(QStringLiteral("ok")).toBool(), r.err.constData());
    QCOMPARE(checks.value(QStringLiteral("primary_key")).toArray().size(), 2);

    // check fails on a model whose key is not unique.
    r = sluice({QStringLiteral("check"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("ok")).toBool(), false);
}

void TestCli::errors_data()
{
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");

    const QByteArray base = R"({"version": 1, "sources": {"demo": {"driver": "sqlite", "path": "../demo/demo/warehouse.db"}},
      "models": {"m": {"source": "demo", "primary_key": "customer_id", "sql": "select * from customer_360"}}})";
    const QStringList preview{QStringLiteral("preview"), QStringLiteral("m")};
    QTest::newRow("malformed json") << QByteArray("{\"version\": 1,,}") << preview << 2 << QStringLiteral("sluice.json:1:");
    QTest::newRow("unknown driver") << QByteArray(base).replace("\"sqlite\"", "\"oracle\"") << preview << 2
                                    << QStringLiteral("unknown driver \"oracle\"");
    QTest::newRow("sql syntax error shows the warehouse's message")
        << QByteArray(base).replace("select * from customer_360", "selec * from customer_360") << preview << 1
        << QStringLiteral("syntax error");
    QTest::newRow("missing primary key column")
        << QByteArray(base).replace("\"primary_key\": \"customer_id\"", "\"primary_key\": \"id\"") << preview << 2
        << QStringLiteral("primary key column id not found");
    QTest::newRow("missing database file") << QByteArray(base).replace("warehouse.db", "nope.db") << preview << 1
                                           << QStringLiteral("does not exist");
    QTest::newRow("unknown model") << base << QStringList{QStringLiteral("preview"), QStringLiteral("x")} << 2
                                   << QStringLiteral("unknown model \"x\"");
    QTest::newRow("unset secret") << QByteArray(R"({"version": 1, "sources": {"dw": {"driver": "postgres", "database": "a",
        "password": {"env": "SLUICE_TEST_UNSET_SECRET"}}}, "models": {"m": {"source": "dw", "primary_key": "id", "sql": "select 1 id"}}})")
                                  << preview << 2 << QStringLiteral("environment variable SLUICE_TEST_UNSET_SECRET is not set");
    QTest::newRow("bad limit") << base << QStringList{QStringLiteral("preview"), QStringLiteral("m"), QStringLiteral("--limit"), QStringLiteral("x")}
                               << 2 << QStringLiteral("--limit");
}

void TestCli::errors()
{
    QFETCH(QByteArray, config);
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const QString ws = m_dir.filePath(QStringLiteral("bad-") + QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    writeConfig(ws, config);
    const Run r = sluice(args + QStringList{QStringLiteral("--workspace"), ws});
    QCOMPARE(r.code, code);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(!r.err.contains("Segmentation"));
}

void TestCli::initRefusesAnExistingWorkspace()
{
    const Run r = sluice({QStringLiteral("init"), m_demo, QStringLiteral("--demo")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("already holds a workspace"));
}

void TestCli::checkPasses()
{
    const Run r = sluice({QStringLiteral("check"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("models")).toArray().size(), 1);
}

void TestCli::pauseAndResumeSchedules()
{
    Run r = sluice({QStringLiteral("pause"), QStringLiteral("--for"), QStringLiteral("1h"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QJsonArray paused = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("paused")).toArray();
    QCOMPARE(paused.size(), 1);
    QCOMPARE(paused[0].toObject().value(QStringLiteral("sync")).toString(), QStringLiteral("*"));
    const QDateTime until = QDateTime::fromString(paused[0].toObject().value(QStringLiteral("until")).toString(), Qt::ISODate);
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().secsTo(until) - 3600) < 60);
    r = sluice({QStringLiteral("pause"), QStringLiteral("customers_to_file"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("paused")).toArray().size(), 2);
    QVERIFY2(r.err.contains("customers_to_file until resumed"), r.err.constData());
    r = sluice({QStringLiteral("pause"), QStringLiteral("no_such_sync"), QStringLiteral("--workspace"), m_demo});
    QCOMPARE(r.code, 2);
    r = sluice({QStringLiteral("pause"), QStringLiteral("--for"), QStringLiteral("soon"), QStringLiteral("--workspace"), m_demo});
    QCOMPARE(r.code, 2);
    r = sluice({QStringLiteral("resume"), QStringLiteral("--workspace"), m_demo, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("paused")).toArray().size(), 0);
}

void TestCli::demoSyncWritesExactlyTheModel()
{
    const QString ws = m_dir.filePath(QStringLiteral("demo-run"));
    QVERIFY(sluice({QStringLiteral("init"), ws, QStringLiteral("--demo"), QStringLiteral("--rows"), QStringLiteral("3000")}).code == 0);
    Run r = sluice({QStringLiteral("run"), QStringLiteral("customers_to_file"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("succeeded"));
    QCOMPARE(o.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 3000);
    QFile out(ws + QStringLiteral("/out/customers.jsonl"));
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(out.readAll().count('\n'), 3000);
    r = sluice({QStringLiteral("run"), QStringLiteral("customers_to_file"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 0);
    // The governed audience holds back what it must, and says why.
    r = sluice({QStringLiteral("run"), QStringLiteral("audience_to_file"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    QCOMPARE(r.code, 3);
    const QJsonObject counts = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("counts")).toObject();
    QVERIFY(counts.value(QStringLiteral("excluded")).toInt() > 500);
    QVERIFY(counts.value(QStringLiteral("invalid")).toInt() > 0);
}

void TestCli::unknownVerbIsUsageError()
{
    const Run r = sluice({QStringLiteral("frobnicate")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("unknown verb \"frobnicate\""));
}

void TestCli::speaksGerman()
{
    const Run r = sluice({QStringLiteral("frobnicate")}, {QStringLiteral("LC_ALL=de_DE.UTF-8"), QStringLiteral("LANG=de_DE.UTF-8"),
                                                          QStringLiteral("LANGUAGE=de")});
    QCOMPARE(r.code, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("unbekannter Befehl „frobnicate“")), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
