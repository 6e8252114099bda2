// The "snowflake" source through Snowflake's SQL API, against an emulator
// that speaks it (tests/support/snowflake_emulator.h) and runs the SQL on a
// real PostgreSQL: key-pair JWT, types, partitions, asynchronous statements,
// Cancel, errors in words, and a sync through the CLI.
#include "model/preview.h"
#include "postgres_server.h"
#include "snowflake_emulator.h"
#include "diff_comparison.h"
#include "source/source_connection.h"
#include "test_helpers.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace sluice;

class TestSnowflake final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_emulator.reset(); }
    void statementsCarryWhatSnowflakeAsks();
    void typesStayExact();
    void partitionsAreReadInOrder();
    void asynchronousStatementsArePolled();
    void cancelStopsTheStatement();
    void errorsNameTheSourceInWords();
    void syncSendsOnlyWhatChanged();
    void warehouseDiffMatchesTheLocalDiff();

private:
    QByteArray sourceJson(const QByteArray &keyFile = "key.pem", const QByteArray &extra = {}) const;
    Result<std::unique_ptr<source::SourceConnection>> tryConnect(const QByteArray &json);
    std::unique_ptr<source::SourceConnection> connect();

    test::PostgresServer m_pg;
    QTemporaryDir m_dir;
    std::unique_ptr<test::SnowflakeEmulator> m_emulator;
};

void TestSnowflake::initTestCase()
{
    QString error;
    QVERIFY2(m_pg.startWithDatabase(QStringLiteral("analytics"), &error), qPrintable(error));
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(R"(
        CREATE SCHEMA crm;
        CREATE TABLE crm.customers (id bigint PRIMARY KEY, email text, ltv numeric(20,2), score float8, vip boolean,
                                    seen_at timestamptz, born date, prefs jsonb, nick text, precise bigint);
        INSERT INTO crm.customers VALUES
            (1, 'ann@example.com', 12345678901234.56, 0.1, true, '2026-01-31 11:00:00.5+00', '1990-02-03', '{"tier": "gold"}', 'Ann 😀 café', 9007199254740993),
            (2, 'bob@example.com', 0.10, -2.5, false, '2026-02-01 00:00:00+00', '1965-12-31', '[]', 'Bob', -1),
            (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        CREATE TABLE crm.events AS SELECT g AS id, 'event ' || g AS name FROM generate_series(1, 2500) g;
    )"), &error), qPrintable(error));
    // The user's key pair: the private key for Sluice (owner-only file), the public one for "Snowflake".
    const QString key = m_dir.filePath(QStringLiteral("key.pem")), pub = m_dir.filePath(QStringLiteral("key.pub"));
    QVERIFY2(test::openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
                      QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"), key}, &error), qPrintable(error));
    QVERIFY2(test::openssl({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"), QStringLiteral("-out"), pub}, &error), qPrintable(error));
    QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
    QFile f(pub);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_emulator = std::make_unique<test::SnowflakeEmulator>(QStringLiteral("myorg-acct"), QStringLiteral("sluice_svc"), f.readAll(), m_pg.port(),
                                                           m_pg.password(), QStringLiteral("analytics"));
    // A second key, which Snowflake does not know.
    QVERIFY2(test::openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
                      QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"), m_dir.filePath(QStringLiteral("other.pem"))}, &error), qPrintable(error));
    QFile::setPermissions(m_dir.filePath(QStringLiteral("other.pem")), QFile::ReadOwner | QFile::WriteOwner);
}

QByteArray TestSnowflake::sourceJson(const QByteArray &keyFile, const QByteArray &extra) const
{
    return R"({"driver": "snowflake", "account": "myorg-acct", "user": "sluice_svc", "private_key": {"file": ")" + keyFile
           + R"("}, "database": "ANALYTICS", "schema": "CRM", "warehouse": "SLUICE_WH", "base_url": ")" + m_emulator->baseUrl().toUtf8() + "\"" + extra + "}";
}

Result<std::unique_ptr<source::SourceConnection>> TestSnowflake::tryConnect(const QByteArray &json)
{
    auto ws = workspace::Workspace::fromText("{\"version\": 1, \"sources\": {\"dw\": " + json + "}}", m_dir.path());
    if (!ws.ok())
        qFatal("%s", qPrintable(ws.error().message));
    return source::SourceConnection::open(ws.value().config().sources.value(QStringLiteral("dw")), ws.value());
}

std::unique_ptr<source::SourceConnection> TestSnowflake::connect()
{
    auto c = tryConnect(sourceJson());
    if (!c.ok())
        qFatal("%s", qPrintable(c.error().message));
    return std::move(c).value();
}

// Database, schema, warehouse and the query tag travel with each statement;
// the JWT is the key pair's (the emulator refused it otherwise).
void TestSnowflake::statementsCarryWhatSnowflakeAsks()
{
    auto c = connect();
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM customers"))->toLongLong(), 3);
    const QJsonObject last = m_emulator->statements().last();
    QCOMPARE(last.value(QStringLiteral("statement")).toString(), QStringLiteral("SELECT count(*) FROM customers"));
    QCOMPARE(last.value(QStringLiteral("database")).toString(), QStringLiteral("ANALYTICS"));
    QCOMPARE(last.value(QStringLiteral("schema")).toString(), QStringLiteral("CRM"));
    QCOMPARE(last.value(QStringLiteral("warehouse")).toString(), QStringLiteral("SLUICE_WH"));
    QCOMPARE(last.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("QUERY_TAG")).toString(), QStringLiteral("sluice"));
}

void TestSnowflake::typesStayExact()
{
    auto c = connect();
    QList<source::Column> columns;
    QList<source::Row> rows;
    source::RowSink sink;
    sink.columns = [&](const QList<source::Column> &cols) { columns = cols; };
    sink.row = [&](const source::Row &r) {
        rows.append(r);
        return true;
    };
    Result<void> r = c->stream(QStringLiteral("SELECT * FROM customers ORDER BY id"), sink);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(columns[0].name, QStringLiteral("ID")); // Snowflake's upper-case names
    QCOMPARE(columns[0].type, source::ColumnType::Integer);
    QCOMPARE(columns[2].type, source::ColumnType::Decimal);
    QCOMPARE(columns[2].nativeType, QStringLiteral("number(20,2)"));
    QCOMPARE(rows[0][2].toString(), QStringLiteral("12345678901234.56"));
    QCOMPARE(rows[1][2].toString(), QStringLiteral("0.10"));
    QCOMPARE(columns[3].type, source::ColumnType::Float);
    QCOMPARE(rows[0][3].toDouble(), 0.1);
    QCOMPARE(rows[0][4].toBool(), true);
    QCOMPARE(rows[1][4].toBool(), false);
    QCOMPARE(rows[0][5].toString(), QStringLiteral("2026-01-31T11:00:00.500Z"));
    QCOMPARE(rows[0][6].toString(), QStringLiteral("1990-02-03"));
    QCOMPARE(rows[1][6].toString(), QStringLiteral("1965-12-31")); // before the epoch: negative days
    QCOMPARE(columns[7].type, source::ColumnType::Json);
    QCOMPARE(QJsonDocument::fromJson(rows[0][7].toString().toUtf8()).object().value(QStringLiteral("tier")).toString(), QStringLiteral("gold"));
    QCOMPARE(rows[0][8].toString(), QStringLiteral("Ann 😀 café"));
    QCOMPARE(rows[0][9].toLongLong(), 9007199254740993LL);
    for (int i = 1; i < columns.size(); ++i)
        QVERIFY2(rows[2][i].isNull(), qPrintable(columns[i].name));
}

void TestSnowflake::partitionsAreReadInOrder()
{
    m_emulator->setPartitionRows(1000);
    auto c = connect();
    qint64 expected = 1;
    bool inOrder = true;
    source::RowSink sink;
    sink.row = [&](const source::Row &r) {
        inOrder = inOrder && r[0].toLongLong() == expected++;
        return true;
    };
    QVERIFY(c->stream(QStringLiteral("SELECT id, name FROM events ORDER BY id"), sink).ok());
    QCOMPARE(expected - 1, 2500);
    QVERIFY(inOrder);
    int partitionGets = 0;
    for (const test::EmulatorServer::Request &q : m_emulator->requests())
        partitionGets += q.query.hasQueryItem(QStringLiteral("partition")) ? 1 : 0;
    QCOMPARE(partitionGets, 2); // partitions 1 and 2; 0 came with the answer
}

void TestSnowflake::asynchronousStatementsArePolled()
{
    auto c = connect();
    m_emulator->setPollsBeforeDone(3);
    const int before = m_emulator->requestCount();
    QCOMPARE(c->scalar(QStringLiteral("SELECT max(id) FROM events"))->toLongLong(), 2500);
    m_emulator->setPollsBeforeDone(0);
    QCOMPARE(m_emulator->requestCount() - before, 4); // the POST answered 202, two GETs 202, the third 200
}

// Cancel while Snowflake is still running the statement: its /cancel is
// called and the stream ends as cancelled.
void TestSnowflake::cancelStopsTheStatement()
{
    auto c = connect();
    m_emulator->setPollsBeforeDone(1000000);
    std::atomic_bool cancel{false};
    std::unique_ptr<QThread> canceller(QThread::create([&] {
        QThread::msleep(300);
        cancel = true;
    }));
    canceller->start();
    QElapsedTimer timer;
    timer.start();
    source::RowSink sink;
    sink.row = [](const source::Row &) { return true; };
    Result<void> r = c->stream(QStringLiteral("SELECT * FROM events"), sink, &cancel);
    canceller->wait();
    m_emulator->setPollsBeforeDone(0);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Cancelled);
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(m_emulator->cancels(), 1);
}

void TestSnowflake::errorsNameTheSourceInWords()
{
    // A key Snowflake does not know for the user.
    auto refused = tryConnect(sourceJson("other.pem"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QVERIFY2(refused.error().message.startsWith(QLatin1String("source dw: Snowflake refused the credentials (HTTP 401): JWT token is invalid.")),
             qPrintable(refused.error().message));
    // No warehouse to run on.
    QByteArray noWarehouse = sourceJson();
    noWarehouse.replace("\"warehouse\": \"SLUICE_WH\", ", "");
    auto idle = tryConnect(noWarehouse);
    QVERIFY(!idle.ok());
    QVERIFY2(idle.error().message.contains(QLatin1String("No active warehouse selected")), qPrintable(idle.error().message));
    // A table that does not exist: Snowflake's words and the SQL state.
    auto c = connect();
    Result<void> missing = c->compile(QStringLiteral("select * from no_such_table"));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.startsWith(QLatin1String("source dw: the warehouse refused the query: SQL compilation error:"))
                 && missing.error().message.contains(QLatin1String("no_such_table")) && missing.error().message.contains(QLatin1String("SQL state 42P01")),
             qPrintable(missing.error().message));
    // An OAuth token: taken while valid; once expired, the message says so and what to do.
    m_emulator->addOAuthToken("oauth-good-1", false);
    m_emulator->addOAuthToken("oauth-old-2", true);
    QByteArray oauth = sourceJson();
    oauth.replace("\"private_key\": {\"file\": \"key.pem\"}", "\"token\": {\"env\": \"SLUICE_TEST_SF_TOKEN\"}");
    qputenv("SLUICE_TEST_SF_TOKEN", "oauth-good-1");
    auto byToken = tryConnect(oauth);
    QVERIFY2(byToken.ok(), qPrintable(byToken.error().message));
    QCOMPARE(byToken.value()->scalar(QStringLiteral("SELECT count(*) FROM customers"))->toLongLong(), 3);
    qputenv("SLUICE_TEST_SF_TOKEN", "oauth-old-2");
    auto expired = tryConnect(oauth);
    QVERIFY(!expired.ok());
    QCOMPARE(expired.error().kind, Error::Kind::Refused);
    QVERIFY2(expired.error().message.startsWith(QLatin1String("source dw: the OAuth token has expired; give the source a new token")),
             qPrintable(expired.error().message));
    QVERIFY(!expired.error().message.contains(QLatin1String("oauth-old-2")));
    // Nobody answering at the address.
    QByteArray nowhere = sourceJson();
    nowhere.replace(m_emulator->baseUrl().toUtf8(), "http://127.0.0.1:9");
    auto unreachable = tryConnect(nowhere);
    QVERIFY(!unreachable.ok());
    QCOMPARE(unreachable.error().kind, Error::Kind::Unreachable);
    QVERIFY2(unreachable.error().message.startsWith(QLatin1String("source dw: cannot reach Snowflake")), qPrintable(unreachable.error().message));
}

// Through the CLI: preview, then a sync into a file; the second run after one
// row changed sends that row only.
void TestSnowflake::syncSendsOnlyWhatChanged()
{
    const QString ws = m_dir.filePath(QStringLiteral("cli"));
    QDir().mkpath(ws);
    QFile::copy(m_dir.filePath(QStringLiteral("key.pem")), ws + QStringLiteral("/key.pem"));
    QFile::setPermissions(ws + QStringLiteral("/key.pem"), QFile::ReadOwner | QFile::WriteOwner);
    QFile f(ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + sourceJson()
            + "}, \"destinations\": {\"file\": {\"type\": \"jsonl\", \"path\": \"out/customers.jsonl\"}},"
              " \"models\": {\"customers\": {\"source\": \"dw\", \"primary_key\": \"ID\","
              " \"sql\": \"select id, email, ltv from customers where email is not null\"}},"
              " \"syncs\": {\"to_file\": {\"model\": \"customers\", \"destination\": \"file\", \"fields\": ["
              "{\"source\": \"EMAIL\", \"destination\": \"email\"}, {\"source\": \"LTV\", \"destination\": \"ltv\"}]}}}");
    f.close();
    auto cli = [&](const QStringList &args) {
        QProcess p;
        p.start(QStringLiteral(SLUICE_BINARY), args + QStringList{QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
        p.waitForFinished(120000);
        if (p.exitCode() != 0)
            qWarning("%s", p.readAllStandardError().constData());
        return std::make_pair(p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object());
    };
    auto [code, preview] = cli({QStringLiteral("preview"), QStringLiteral("customers")});
    QCOMPARE(code, 0);
    QCOMPARE(preview.value(QStringLiteral("rows")).toArray().size(), 2);
    QCOMPARE(preview.value(QStringLiteral("checks")).toObject().value(QStringLiteral("ok")).toBool(), true);
    auto [first, run1] = cli({QStringLiteral("run"), QStringLiteral("to_file")});
    QCOMPARE(first, 0);
    QCOMPARE(run1.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 2);
    QString error;
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral("UPDATE crm.customers SET ltv = 99.99 WHERE id = 2"), &error), qPrintable(error));
    auto [second, run2] = cli({QStringLiteral("run"), QStringLiteral("to_file")});
    QCOMPARE(second, 0);
    const QJsonObject counts = run2.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("unchanged")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("delivered")).toInt(), 1);
    QFile out(ws + QStringLiteral("/out/customers.jsonl"));
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray text = out.readAll();
    QVERIFY2(text.contains("\"ltv\":\"99.99\"") && text.contains("\"ltv\":\"12345678901234.56\""), text.constData());
}

// The warehouse diff on Snowflake: the state in schema SLUICE_STATE, written
// with MERGE; through three runs (first fill; an update, a NULL turned into
// a value, a delete and an insert under mirror; nothing moved) it sends what
// the local diff sends, and its second run extracts only what changed.
void TestSnowflake::warehouseDiffMatchesTheLocalDiff()
{
    QString error;
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(R"(
        CREATE TABLE crm.accounts (code text PRIMARY KEY, owner text, seats int, arr numeric(12,2));
        INSERT INTO crm.accounts VALUES ('acme', 'ann@example.com', 10, 1200.50), ('ACME', 'bob@example.com', 3, NULL),
            ('glo\bex', 'cy@example.com', 25, 99999.99), ('o''neil', NULL, 1, 10.00), ('umbrella', 'dee@example.com', 7, 0.00);
    )"), &error), qPrintable(error));
    const QString ws = m_dir.filePath(QStringLiteral("diff"));
    QVERIFY2(test::writeDiffWorkspace(ws, sourceJson(), QStringLiteral("select code, owner, seats, arr from accounts"), QStringLiteral("CODE"),
                                      {QStringLiteral("OWNER"), QStringLiteral("SEATS"), QStringLiteral("ARR")}, &error),
             qPrintable(error));
    QFile::copy(m_dir.filePath(QStringLiteral("key.pem")), ws + QStringLiteral("/key.pem"));
    QFile::setPermissions(ws + QStringLiteral("/key.pem"), QFile::ReadOwner | QFile::WriteOwner);

    test::DiffRuns runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("first run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("added"), 5);
    auto c = connect();
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM SLUICE_STATE.\"BY_WAREHOUSE\""))->toLongLong(), 5);
    // Snowflake's literals escape with a backslash: the key with one is stored as it is.
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM SLUICE_STATE.\"BY_WAREHOUSE\" WHERE \"KEY\" = 'glo\\\\bex'"))->toLongLong(), 1);
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(
        "UPDATE crm.accounts SET seats = 11 WHERE code = 'acme'; UPDATE crm.accounts SET arr = 5.00 WHERE code = 'ACME'; "
        "DELETE FROM crm.accounts WHERE code = 'glo\\bex'; INSERT INTO crm.accounts VALUES ('hooli', 'eve@example.com', 2, 1.00);"), &error), qPrintable(error));
    runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("second run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("added"), 1);
    QCOMPARE(runs.count("changed"), 2);
    QCOMPARE(runs.count("removed"), 1);
    QCOMPARE(runs.rowsExtracted(), 3);
    runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("third run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("delivered"), 0);
    // Snowflake's query history says which sync ran each statement.
    QStringList tags;
    for (const QJsonObject &st : m_emulator->statements())
        tags.append(st.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("QUERY_TAG")).toString());
    QVERIFY(tags.contains(QStringLiteral("sluice:by_warehouse")));
    QVERIFY(tags.contains(QStringLiteral("sluice:by_local")));
}

QTEST_MAIN(TestSnowflake)
#include "tst_snowflake.moc"
