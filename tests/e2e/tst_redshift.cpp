// The "redshift" source: PostgreSQL's wire protocol with Redshift's rules,
// against a real PostgreSQL set up to read literals as Redshift does
// (standard_conforming_strings off: a backslash escapes) and logging every
// statement, so the test can hold Sluice to the SQL Redshift has: no COPY TO
// STDOUT, no ON CONFLICT, no IS DISTINCT FROM, no VALUES list as a table, no
// PostgreSQL hash functions, no TEXT casts (VARCHAR(256) there). What
// PostgreSQL cannot show (Redshift's own planner, DISTKEY) is not tested here.
#include "diff_comparison.h"
#include "postgres_server.h"
#include "source/source_connection.h"
#include "workspace/workspace.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

class TestRedshift final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sslIsRequiredByDefault();
    void rowsStreamWithoutCopy();
    void keyChecksEscapeAsRedshiftReads();
    void warehouseDiffMatchesTheLocalDiff();
    void statementsStayWithinRedshiftSql();

private:
    QByteArray sourceJson(const QByteArray &extra = R"(, "sslmode": "disable")") const;
    Result<std::unique_ptr<source::SourceConnection>> tryConnect(const QByteArray &json);

    test::PostgresServer m_pg;
    QTemporaryDir m_dir;
    qint64 m_logStart = 0;
};

void TestRedshift::initTestCase()
{
    QString error;
    QVERIFY2(m_pg.startWithDatabase(QStringLiteral("dev"), &error), qPrintable(error));
    QVERIFY2(m_pg.psql(QStringLiteral("dev"), QStringLiteral(R"(
        CREATE SCHEMA crm;
        CREATE TABLE crm.customers (id bigint, email varchar(200), ltv numeric(20,2), vip boolean, seen_at timestamp, note varchar(1000));
        INSERT INTO crm.customers VALUES (1, 'ann@example.com', 12345678901234.56, true, '2026-01-31 11:00:00.5', repeat('x', 400)),
            (2, 'bob@example.com', 0.10, false, '2026-02-01 00:00:00', 'a\b'), (3, NULL, NULL, NULL, NULL, NULL);
        CREATE TABLE crm.pairs (a varchar(20), b varchar(20));
        INSERT INTO crm.pairs VALUES ('x|y', 'z'), ('x', 'y|z'), ('p\', 'q'), ('p\', 'q');
        ALTER DATABASE dev SET standard_conforming_strings = off;
        ALTER DATABASE dev SET escape_string_warning = off;
        ALTER DATABASE dev SET log_statement = 'all';
    )"), &error), qPrintable(error));
    if (!m_pg.logPath().isEmpty())
        m_logStart = QFileInfo(m_pg.logPath()).size();
}

QByteArray TestRedshift::sourceJson(const QByteArray &extra) const
{
    QByteArray json = m_pg.sourceJson(QStringLiteral("dev"));
    json.replace("\"driver\": \"postgres\"", "\"driver\": \"redshift\"");
    json.insert(json.lastIndexOf('}'), extra);
    return json;
}

Result<std::unique_ptr<source::SourceConnection>> TestRedshift::tryConnect(const QByteArray &json)
{
    auto ws = workspace::Workspace::fromText("{\"version\": 1, \"sources\": {\"dw\": " + json + "}}", m_dir.path());
    if (!ws.ok())
        qFatal("%s", qPrintable(ws.error().message));
    return source::SourceConnection::open(ws.value().config().sources.value(QStringLiteral("dw")), ws.value());
}

// Redshift clusters take SSL connections: without "sslmode" Sluice asks for
// SSL, and a server without it is refused in words naming the source.
void TestRedshift::sslIsRequiredByDefault()
{
    auto refused = tryConnect(sourceJson({}));
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.startsWith(QLatin1String("source dw: ")), qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(QLatin1String("SSL")), qPrintable(refused.error().message));
    auto c = tryConnect(sourceJson());
    QVERIFY2(c.ok(), qPrintable(c.error().message));
    QCOMPARE(c.value()->driver(), QStringLiteral("redshift"));
}

// Rows come in single-row mode with exact values; text longer than 256
// characters is not cut (Redshift's TEXT would be).
void TestRedshift::rowsStreamWithoutCopy()
{
    QProcess p;
    QTemporaryDir ws;
    QFile f(ws.filePath(QStringLiteral("sluice.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + sourceJson() + "}, \"destinations\": {\"out\": {\"type\": \"jsonl\", \"path\": \"out.jsonl\"}},"
            " \"models\": {\"customers\": {\"source\": \"dw\", \"primary_key\": \"id\", \"sql\": \"select * from crm.customers\"}},"
            " \"syncs\": {\"all\": {\"model\": \"customers\", \"destination\": \"out\", \"mode\": \"upsert\", \"diff\": \"warehouse\", \"fields\": ["
            "{\"source\": \"email\", \"destination\": \"email\"}, {\"source\": \"ltv\", \"destination\": \"ltv\"}, {\"source\": \"vip\", \"destination\": \"vip\"},"
            "{\"source\": \"seen_at\", \"destination\": \"seen_at\"}, {\"source\": \"note\", \"destination\": \"note\"}]}}}");
    f.close();
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("all"), QStringLiteral("--workspace"), ws.path(), QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QFile out(ws.filePath(QStringLiteral("out.jsonl")));
    QVERIFY(out.open(QIODevice::ReadOnly));
    QHash<QString, QJsonObject> byKey;
    for (const QByteArray &line : out.readAll().split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (!o.isEmpty())
            byKey.insert(o.value(QStringLiteral("key")).toString(), o.value(QStringLiteral("fields")).toObject());
    }
    QCOMPARE(byKey.size(), 3);
    QCOMPARE(byKey[QStringLiteral("1")].value(QStringLiteral("ltv")).toString(), QStringLiteral("12345678901234.56"));
    QCOMPARE(byKey[QStringLiteral("1")].value(QStringLiteral("note")).toString().size(), 400);
    QCOMPARE(byKey[QStringLiteral("2")].value(QStringLiteral("note")).toString(), QStringLiteral("a\\b"));
    QCOMPARE(byKey[QStringLiteral("2")].value(QStringLiteral("vip")).toBool(true), false);
}

// Composite keys are joined in SQL with escaped separators: with a
// backslash read as an escape, 'p\' twice is one duplicate key, and the
// rows whose "|" falls in different places stay two keys.
void TestRedshift::keyChecksEscapeAsRedshiftReads()
{
    QTemporaryDir ws;
    QFile f(ws.filePath(QStringLiteral("sluice.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + sourceJson() + "}, \"models\": {\"pairs\": {\"source\": \"dw\", \"primary_key\": [\"a\", \"b\"], "
            "\"sql\": \"select a, b from crm.pairs\"}}}");
    f.close();
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("preview"), QStringLiteral("pairs"), QStringLiteral("--workspace"), ws.path(), QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(120000));
    const QJsonObject preview = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonObject keys = preview.value(QStringLiteral("checks")).toObject();
    QVERIFY2(!keys.isEmpty(), QJsonDocument(preview).toJson().constData());
    QCOMPARE(keys.value(QStringLiteral("duplicate_keys")).toInt(), 1);
}

void TestRedshift::warehouseDiffMatchesTheLocalDiff()
{
    QString error;
    QVERIFY2(m_pg.psql(QStringLiteral("dev"), QStringLiteral(R"(
        CREATE TABLE crm.accounts (code varchar(40), owner varchar(100), seats int, arr numeric(12,2));
        INSERT INTO crm.accounts VALUES ('acme', 'ann@example.com', 10, 1200.50), ('ACME', 'bob@example.com', 3, NULL),
            ('glo\\bex', 'cy@example.com', 25, 99999.99), ('o''neil', NULL, 1, 10.00), ('umbrella', 'dee@example.com', 7, 0.00);
    )"), &error), qPrintable(error));
    const QString ws = m_dir.filePath(QStringLiteral("diff"));
    QVERIFY2(test::writeDiffWorkspace(ws, sourceJson(), QStringLiteral("select code, owner, seats, arr from crm.accounts"), QStringLiteral("code"),
                                      {QStringLiteral("owner"), QStringLiteral("seats"), QStringLiteral("arr")}, &error),
             qPrintable(error));
    test::DiffRuns runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("first run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("added"), 5);
    auto c = tryConnect(sourceJson());
    QVERIFY(c.ok());
    QCOMPARE(c.value()->scalar(QStringLiteral("SELECT count(*) FROM sluice_state.by_warehouse WHERE \"key\" = 'glo\\\\bex'"))->toLongLong(), 1);
    QVERIFY2(m_pg.psql(QStringLiteral("dev"), QStringLiteral(
        "UPDATE crm.accounts SET seats = 11 WHERE code = 'acme'; UPDATE crm.accounts SET arr = 5.00 WHERE code = 'ACME'; "
        "UPDATE crm.accounts SET owner = NULL WHERE code = 'umbrella'; "
        "DELETE FROM crm.accounts WHERE code = 'glo\\\\bex'; INSERT INTO crm.accounts VALUES ('hooli', 'eve@example.com', 2, 1.00);"), &error), qPrintable(error));
    runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("second run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("added"), 1);
    QCOMPARE(runs.count("changed"), 3);
    QCOMPARE(runs.count("removed"), 1);
    QCOMPARE(runs.rowsExtracted(), 4); // only the new and changed rows left the warehouse
    runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("third run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("delivered"), 0);
    QCOMPARE(runs.rowsExtracted(), 0);
}

// Every statement Sluice sent in the cases above, from the server's log,
// held to what Redshift lacks.
void TestRedshift::statementsStayWithinRedshiftSql()
{
    if (m_pg.logPath().isEmpty())
        QSKIP("a reused PostgreSQL server: its statement log is not here");
    QFile log(m_pg.logPath());
    QVERIFY(log.open(QIODevice::ReadOnly));
    log.seek(m_logStart);
    const QString text = QString::fromUtf8(log.readAll());
    QVERIFY2(text.contains(QLatin1String("sluice_state")), "the log holds no statement of the warehouse diff");
    const QList<QPair<const char *, const char *>> missing{
        {"COPY\\s*\\(", "COPY ... TO STDOUT"},
        {"ON\\s+CONFLICT", "ON CONFLICT"},
        {"IS\\s+(NOT\\s+)?DISTINCT\\s+FROM", "IS DISTINCT FROM"},
        {"hash\\w*extended|hash_record", "PostgreSQL's hash functions"},
        {"\\(\\s*VALUES\\s*\\(", "a VALUES list as a table"},
        {"AS\\s+TEXT\\s*\\)", "a TEXT cast (VARCHAR(256) on Redshift)"},
        {"standard_conforming_strings|\\bjit\\b|to_regclass|\\bCLUSTER\\b|FORMAT\\s+JSON|jsonb", "a PostgreSQL-only setting or function"},
    };
    for (const auto &[pattern, what] : missing) {
        const QRegularExpression re(QLatin1String(pattern), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch m = re.match(text);
        QVERIFY2(!m.hasMatch(), qPrintable(QStringLiteral("Sluice sent %1: ...%2...").arg(QLatin1String(what), text.mid(qMax<qsizetype>(0, m.capturedStart() - 160), 320))));
    }
}

QTEST_MAIN(TestRedshift)
#include "tst_redshift.moc"
