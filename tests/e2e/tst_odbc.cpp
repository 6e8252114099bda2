// The "odbc" source through unixODBC and the PostgreSQL ODBC driver
// (psqlODBC) against a real PostgreSQL started by the test: connection
// verdicts, introspection, exact types, key checks in SQL, flat memory with
// the driver's cursor fetch, and a sync through the CLI whose second run
// sends only what changed.
#include "model/preview.h"
#include "postgres_server.h"
#include "source/source_connection.h"
#include "test_helpers.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

namespace {


} // namespace

class TestOdbc final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void connectionVerdictsNameTheSource();
    void introspection();
    void typesStayExact();
    void keyChecksRunInTheWarehouse();
    void largeStreamKeepsMemoryFlat();
    void syncSendsOnlyWhatChanged();

private:
    // A source on the test server through psqlODBC; `extra` is appended to the connection string.
    QByteArray sourceJson(const QString &database = QStringLiteral("analytics"), int port = 0, const QByteArray &passwordEnv = "SLUICE_TEST_PG_PW") const;
    Result<std::unique_ptr<source::SourceConnection>> tryConnect(const QByteArray &json);
    std::unique_ptr<source::SourceConnection> connect();

    test::PostgresServer m_pg;
    QTemporaryDir m_dir;
};

QByteArray TestOdbc::sourceJson(const QString &database, int port, const QByteArray &passwordEnv) const
{
    return QStringLiteral(R"({"driver": "odbc", "database": "DRIVER={PostgreSQL Unicode};SERVER=127.0.0.1;PORT=%1;DATABASE=%2;UseDeclareFetch=1;Fetch=5000",
        "user": "postgres", "password": {"env": "%3"}, "connect_timeout_s": 2})")
        .arg(port ? port : m_pg.port())
        .arg(database, QString::fromLatin1(passwordEnv))
        .toUtf8();
}

Result<std::unique_ptr<source::SourceConnection>> TestOdbc::tryConnect(const QByteArray &json)
{
    auto ws = workspace::Workspace::fromText("{\"version\": 1, \"sources\": {\"dw\": " + json + "}}", m_dir.path());
    if (!ws.ok())
        qFatal("%s", qPrintable(ws.error().message));
    return source::SourceConnection::open(ws.value().config().sources.value(QStringLiteral("dw")), ws.value());
}

std::unique_ptr<source::SourceConnection> TestOdbc::connect()
{
    auto c = tryConnect(sourceJson());
    if (!c.ok())
        qFatal("%s", qPrintable(c.error().message));
    return std::move(c).value();
}

void TestOdbc::initTestCase()
{
    QString error;
    QVERIFY2(m_pg.startWithDatabase(QStringLiteral("analytics"), &error), qPrintable(error));
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(R"(
        CREATE SCHEMA crm;
        CREATE TABLE crm.customers (id bigint PRIMARY KEY, email text, ltv numeric(20,2), score float8, vip boolean,
                                    seen_at timestamptz, born date, prefs jsonb, nick text, precise bigint);
        INSERT INTO crm.customers VALUES
            (1, 'ann@example.com', 12345678901234.56, 0.1, true, '2026-01-31 11:00:00.5+00', '1990-02-03', '{"tier": "gold"}', 'Ann 😀 café', 9007199254740993),
            (2, 'bob@example.com', 0.10, -2.5, false, '2026-02-01 00:00:00+00', '1985-12-31', '[]', 'Bob', -1),
            (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        CREATE TABLE crm.dups (k int, v text);
        INSERT INTO crm.dups VALUES (1, 'a'), (1, 'b'), (1, 'c'), (2, 'x'), (2, 'y'), (3, 'z'), (NULL, 'n'), (NULL, 'm');
        CREATE TABLE crm.pipes (a text, b text);
        INSERT INTO crm.pipes VALUES ('x|y', 'z'), ('x', 'y|z'), ('p\', 'q'), ('p\', 'q');
    )"), &error), qPrintable(error));
}

void TestOdbc::connectionVerdictsNameTheSource()
{
    QVERIFY(connect());
    qputenv("SLUICE_TEST_ODBC_WRONG", "not-the-password-5521");
    auto refused = tryConnect(sourceJson(QStringLiteral("analytics"), 0, "SLUICE_TEST_ODBC_WRONG"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QVERIFY2(refused.error().message.startsWith(QLatin1String("source dw: the server refused the credentials")), qPrintable(refused.error().message));
    QVERIFY(!refused.error().message.contains(QLatin1String("not-the-password-5521")));

    auto missing = tryConnect(sourceJson(QStringLiteral("no_such_db")));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(QLatin1String("database does not exist")), qPrintable(missing.error().message));

    int closed = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        closed = probe.serverPort();
    }
    auto unreachable = tryConnect(sourceJson(QStringLiteral("analytics"), closed));
    QVERIFY(!unreachable.ok());
    QCOMPARE(unreachable.error().kind, Error::Kind::Unreachable);
    QVERIFY2(unreachable.error().message.startsWith(QLatin1String("source dw: cannot connect")), qPrintable(unreachable.error().message));

    auto noDriver = tryConnect(R"({"driver": "odbc", "database": "DRIVER={No Such Driver};SERVER=x"})");
    QVERIFY(!noDriver.ok());
    QVERIFY2(noDriver.error().message.contains(QLatin1String("no such ODBC data source or driver")), qPrintable(noDriver.error().message));
}

void TestOdbc::introspection()
{
    auto c = connect();
    auto tables = c->introspect();
    QVERIFY2(tables.ok(), qPrintable(tables.error().message));
    bool found = false;
    for (const source::TableInfo &t : tables.value())
        if (t.name == QLatin1String("customers")) {
            found = true;
            QCOMPARE(t.schema, QStringLiteral("crm"));
            QCOMPARE(t.columns[2].type, source::ColumnType::Decimal);
            QCOMPARE(t.columns.size(), 10);
            QCOMPARE(t.columns[1].name, QStringLiteral("email"));
        }
    QVERIFY(found);
}

void TestOdbc::typesStayExact()
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
    Result<void> r = c->stream(QStringLiteral("SELECT * FROM crm.customers ORDER BY id"), sink);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(columns[0].type, source::ColumnType::Integer);
    QCOMPARE(columns[2].type, source::ColumnType::Decimal);
    QCOMPARE(rows[0][2].toString(), QStringLiteral("12345678901234.56")); // no float on the way
    QCOMPARE(columns[3].type, source::ColumnType::Float);
    QCOMPARE(rows[0][3].typeId(), QMetaType::Double);
    QCOMPARE(rows[0][3].toDouble(), 0.1);
    QCOMPARE(rows[0][4].toBool(), true);
    QCOMPARE(rows[0][5].toString(), QStringLiteral("2026-01-31T11:00:00.500Z"));
    QCOMPARE(rows[0][6].toString(), QStringLiteral("1990-02-03"));
    QCOMPARE(QJsonDocument::fromJson(rows[0][7].toString().toUtf8()).object().value(QStringLiteral("tier")).toString(), QStringLiteral("gold"));
    QCOMPARE(rows[0][8].toString(), QStringLiteral("Ann 😀 café"));
    QCOMPARE(rows[0][9].toLongLong(), 9007199254740993LL);
    for (int i = 1; i < columns.size(); ++i)
        QVERIFY2(rows[2][i].isNull(), qPrintable(columns[i].name));
}

void TestOdbc::keyChecksRunInTheWarehouse()
{
    auto c = connect();
    workspace::ModelConfig m;
    m.name = QStringLiteral("dups");
    m.sql = QStringLiteral("select * from crm.dups");
    m.primaryKey = {QStringLiteral("k")};
    auto p = model::previewModel(*c, m, 100);
    QVERIFY2(p.ok(), qPrintable(p.error().message));
    QCOMPARE(p->checks.rowCount, 8);
    QCOMPARE(p->checks.nullKeys, 2);
    QCOMPARE(p->checks.duplicateKeys, 2);
    QCOMPARE(p->checks.duplicateRows, 5);

    m.sql = QStringLiteral("select a, b from crm.pipes");
    m.primaryKey = {QStringLiteral("a"), QStringLiteral("b")};
    p = model::previewModel(*c, m, 100);
    QVERIFY2(p.ok(), qPrintable(p.error().message));
    QCOMPARE(p->checks.duplicateKeys, 1);
    QCOMPARE(p->checks.duplicateExamples.first().first, QStringLiteral("p\\\\|q"));
}

// With the driver's cursor fetch (UseDeclareFetch=1) a large model streams
// in flat memory.
void TestOdbc::largeStreamKeepsMemoryFlat()
{
    auto c = connect();
    const qint64 before = test::residentKb();
    qint64 rows = 0, peak = before;
    source::RowSink sink;
    sink.row = [&](const source::Row &) {
        if (++rows % 50000 == 0)
            peak = qMax(peak, test::residentKb());
        return true;
    };
    Result<void> r = c->stream(QStringLiteral("SELECT g AS id, repeat('x', 100) AS pad FROM generate_series(1, 1000000) g"), sink);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(rows, 1000000);
    qInfo("resident memory grew by %lld kB", peak - before);
    QVERIFY2(peak - before < 64 * 1024, qPrintable(QStringLiteral("grew %1 kB").arg(peak - before)));
}

void TestOdbc::syncSendsOnlyWhatChanged()
{
    const QString ws = m_dir.filePath(QStringLiteral("cli"));
    QDir().mkpath(ws);
    QFile f(ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + sourceJson()
            + "}, \"destinations\": {\"file\": {\"type\": \"jsonl\", \"path\": \"out/customers.jsonl\"}},"
              " \"models\": {\"customers\": {\"source\": \"dw\", \"primary_key\": \"id\","
              " \"sql\": \"select id, email, ltv from crm.customers where email is not null\"}},"
              " \"syncs\": {\"to_file\": {\"model\": \"customers\", \"destination\": \"file\", \"fields\": ["
              "{\"source\": \"email\", \"destination\": \"email\"}, {\"source\": \"ltv\", \"destination\": \"ltv\"}]}}}");
    f.close();
    auto run = [&] {
        QProcess p;
        p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
        p.waitForFinished(120000);
        if (p.exitCode() != 0)
            qWarning("%s", p.readAllStandardError().constData());
        return QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("counts")).toObject();
    };
    QJsonObject counts = run();
    QCOMPARE(counts.value(QStringLiteral("delivered")).toInt(), 2);
    QString error;
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral("UPDATE crm.customers SET ltv = 99.99 WHERE id = 2"), &error), qPrintable(error));
    counts = run();
    QCOMPARE(counts.value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("unchanged")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("delivered")).toInt(), 1);
    QFile out(ws + QStringLiteral("/out/customers.jsonl"));
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray text = out.readAll();
    QVERIFY2(text.contains("\"ltv\":\"99.99\"") && text.contains("\"ltv\":\"12345678901234.56\""), text.constData());
}

QTEST_MAIN(TestOdbc)
#include "tst_odbc.moc"
