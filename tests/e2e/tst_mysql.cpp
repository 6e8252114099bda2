// The "mysql" source against a real MariaDB server started by the test:
// connection verdicts, introspection, exact types, key checks in SQL, a
// read-only session, cancellation, flat memory, and syncs run through the CLI
// whose second run sends only what changed.
#include "diff_comparison.h"
#include "mariadb_server.h"
#include "model/preview.h"
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
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace sluice;

namespace {


struct Cli
{
    int code = -1;
    QJsonObject out;
    QByteArray err;
};

Cli sluiceCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object(), p.readAllStandardError()};
}

} // namespace

class TestMysql final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void connectionVerdictsNameTheSource();
    void introspection();
    void typesStayExact();
    void keyChecksRunInTheWarehouse();
    void sessionIsReadOnly();
    void syntaxErrorShowsTheServerMessage();
    void cancelStopsAStream();
    void largeStreamKeepsMemoryFlat();
    void syncSendsOnlyWhatChanged();
    void warehouseDiffMatchesTheLocalDiff();

private:
    workspace::Workspace workspaceWith(const QByteArray &sourceJson);
    std::unique_ptr<source::SourceConnection> connect();
    Result<std::unique_ptr<source::SourceConnection>> tryConnect(const QByteArray &sourceJson);

    test::MariaDbServer m_my;
    QTemporaryDir m_dir;
};

workspace::Workspace TestMysql::workspaceWith(const QByteArray &source)
{
    auto ws = workspace::Workspace::fromText("{\"version\": 1, \"sources\": {\"dw\": " + source + "}}", m_dir.path());
    if (!ws.ok())
        qFatal("%s", qPrintable(ws.error().message));
    return std::move(ws).value();
}

Result<std::unique_ptr<source::SourceConnection>> TestMysql::tryConnect(const QByteArray &source)
{
    const workspace::Workspace ws = workspaceWith(source);
    return source::SourceConnection::open(ws.config().sources.value(QStringLiteral("dw")), ws);
}

std::unique_ptr<source::SourceConnection> TestMysql::connect()
{
    auto c = tryConnect(m_my.sourceJson(QStringLiteral("analytics")));
    if (!c.ok())
        qFatal("%s", qPrintable(c.error().message));
    return std::move(c).value();
}

void TestMysql::initTestCase()
{
    QString error;
    QVERIFY2(m_my.start(QStringLiteral("analytics"), &error), qPrintable(error));
    QVERIFY2(m_my.sql(QStringLiteral("analytics"), QStringLiteral(R"(
        CREATE TABLE customers (
            id BIGINT PRIMARY KEY, email VARCHAR(200), ltv DECIMAL(20,2), score DOUBLE, vip TINYINT(1),
            seen_at DATETIME(3), signed_up TIMESTAMP NULL, born DATE, prefs JSON, raw VARBINARY(16),
            big BIGINT UNSIGNED, precise BIGINT, nick VARCHAR(50), tier ENUM('bronze','gold'));
        SET time_zone = '+02:00';
        INSERT INTO customers VALUES
            (1, 'ann@example.com', 12345678901234.56, 0.1, 1, '2026-01-31 11:00:00.500', '2026-01-31 13:00:00', '1990-02-03',
             '{"tier": "gold"}', X'00FF10', 18446744073709551615, 9007199254740993, 'Ann 😀 café', 'gold'),
            (2, 'bob@example.com', 0.10, -2.5, 0, '2026-02-01 00:00:00', '2026-02-01 02:00:00', '1985-12-31',
             '[]', '', 0, -1, 'Bob', 'bronze'),
            (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        CREATE VIEW gold_customers AS SELECT id, email FROM customers WHERE tier = 'gold';
        CREATE TABLE dups (k INT, v VARCHAR(10));
        INSERT INTO dups VALUES (1, 'a'), (1, 'b'), (1, 'c'), (2, 'x'), (2, 'y'), (3, 'z'), (NULL, 'n'), (NULL, 'm');
        CREATE TABLE pipes (a VARCHAR(10), b VARCHAR(10));
        INSERT INTO pipes VALUES ('x|y', 'z'), ('x', 'y|z'), ('p\\', 'q'), ('p\\', 'q');
    )"), &error), qPrintable(error));
}

// Wrong password, missing database, closed port: three different words, each
// naming the source; the password never shows.
void TestMysql::connectionVerdictsNameTheSource()
{
    qputenv("SLUICE_TEST_MY_WRONG", "not-the-password-7731");
    QByteArray wrong = m_my.sourceJson(QStringLiteral("analytics"));
    wrong.replace("SLUICE_TEST_MY_PW", "SLUICE_TEST_MY_WRONG");
    auto refused = tryConnect(wrong);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QVERIFY2(refused.error().message.startsWith(QLatin1String("source dw: the server refused the credentials")), qPrintable(refused.error().message));
    QVERIFY(!refused.error().message.contains(QLatin1String("not-the-password-7731")));

    auto missing = tryConnect(m_my.sourceJson(QStringLiteral("no_such_db")));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(QLatin1String("database does not exist")), qPrintable(missing.error().message));

    int closed = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        closed = probe.serverPort();
    }
    auto unreachable = tryConnect(m_my.sourceJson(QStringLiteral("analytics"), closed));
    QVERIFY(!unreachable.ok());
    QCOMPARE(unreachable.error().kind, Error::Kind::Unreachable);
    QVERIFY2(unreachable.error().message.contains(QLatin1String("cannot reach the server")), qPrintable(unreachable.error().message));
}

void TestMysql::introspection()
{
    auto c = connect();
    auto tables = c->introspect();
    QVERIFY2(tables.ok(), qPrintable(tables.error().message));
    const source::TableInfo *customers = nullptr, *view = nullptr;
    for (const source::TableInfo &t : tables.value()) {
        if (t.name == QLatin1String("customers"))
            customers = &t;
        if (t.name == QLatin1String("gold_customers"))
            view = &t;
    }
    QVERIFY(customers && view);
    QCOMPARE(customers->schema, QStringLiteral("analytics"));
    QVERIFY(view->isView);
    QCOMPARE(customers->columns.size(), 14);
    QCOMPARE(customers->columns[2].type, source::ColumnType::Decimal);
    QCOMPARE(customers->columns[2].nativeType, QStringLiteral("decimal(20,2)"));
    QCOMPARE(customers->columns[5].type, source::ColumnType::Timestamp);
    QCOMPARE(customers->columns[7].type, source::ColumnType::Date);
    QCOMPARE(customers->columns[9].type, source::ColumnType::Bytes);
}

void TestMysql::typesStayExact()
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
    QVERIFY(c->stream(QStringLiteral("SELECT * FROM customers ORDER BY id"), sink).ok());
    QCOMPARE(rows.size(), 3);
    QCOMPARE(columns[0].type, source::ColumnType::Integer);
    QCOMPARE(columns[2].type, source::ColumnType::Decimal);
    QCOMPARE(rows[0][2].toString(), QStringLiteral("12345678901234.56")); // no float on the way
    QCOMPARE(rows[1][2].toString(), QStringLiteral("0.10"));
    QCOMPARE(columns[3].type, source::ColumnType::Float);
    QCOMPARE(rows[0][3].toDouble(), 0.1);
    QCOMPARE(rows[0][4].toLongLong(), 1);
    QCOMPARE(columns[5].type, source::ColumnType::Timestamp);
    QCOMPARE(rows[0][5].toString(), QStringLiteral("2026-01-31T11:00:00.500Z"));
    QCOMPARE(rows[0][6].toString(), QStringLiteral("2026-01-31T11:00:00Z")); // written at +02:00, read in UTC
    QCOMPARE(rows[0][7].toString(), QStringLiteral("1990-02-03"));
    QCOMPARE(columns[8].type, source::ColumnType::Json);
    QCOMPARE(QJsonDocument::fromJson(rows[0][8].toString().toUtf8()).object().value(QStringLiteral("tier")).toString(), QStringLiteral("gold"));
    QCOMPARE(columns[9].type, source::ColumnType::Bytes);
    QCOMPARE(rows[0][9].toByteArray(), QByteArray::fromHex("00ff10"));
    QCOMPARE(rows[0][10].toString(), QStringLiteral("18446744073709551615")); // unsigned, past 2^63: every digit
    QCOMPARE(rows[0][11].toLongLong(), 9007199254740993LL);
    QCOMPARE(source::toJson(rows[0][11], columns[11].type).toString(), QStringLiteral("9007199254740993"));
    QCOMPARE(rows[0][12].toString(), QStringLiteral("Ann 😀 café")); // utf8mb4 both ways
    QCOMPARE(rows[0][13].toString(), QStringLiteral("gold"));
    for (int i = 1; i < columns.size(); ++i)
        QVERIFY2(rows[2][i].isNull(), qPrintable(columns[i].name));
}

// Nulls and duplicates are counted by the server (a composite key's parts
// joined as DESIGN.md forms keys: 'x|y','z' and 'x','y|z' stay two).
void TestMysql::keyChecksRunInTheWarehouse()
{
    auto c = connect();
    workspace::ModelConfig m;
    m.name = QStringLiteral("dups");
    m.sql = QStringLiteral("select * from dups;");
    m.primaryKey = {QStringLiteral("k")};
    auto p = model::previewModel(*c, m, 100);
    QVERIFY2(p.ok(), qPrintable(p.error().message));
    QCOMPARE(p->checks.rowCount, 8);
    QCOMPARE(p->checks.nullKeys, 2);
    QCOMPARE(p->checks.duplicateKeys, 2);
    QCOMPARE(p->checks.duplicateRows, 5);
    QCOMPARE(p->checks.duplicateExamples.first().first, QStringLiteral("1"));

    m.primaryKey = {QStringLiteral("k"), QStringLiteral("v")};
    p = model::previewModel(*c, m, 100);
    QVERIFY(p.ok());
    QCOMPARE(p->checks.duplicateKeys, 0);
    QCOMPARE(p->checks.nullKeys, 2);

    m.sql = QStringLiteral("select a, b from pipes");
    m.primaryKey = {QStringLiteral("a"), QStringLiteral("b")};
    p = model::previewModel(*c, m, 100);
    QVERIFY2(p.ok(), qPrintable(p.error().message));
    QCOMPARE(p->checks.duplicateKeys, 1); // only the repeated ('p\', 'q')
    QCOMPARE(p->checks.duplicateExamples.first().first, QStringLiteral("p\\\\|q"));
}

// A model's SQL cannot change the warehouse: the session is read-only.
void TestMysql::sessionIsReadOnly()
{
    auto c = connect();
    Result<void> r = c->execute(QStringLiteral("INSERT INTO dups VALUES (9, 'w')"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.startsWith(QLatin1String("source dw: the warehouse refused the statement")), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(QLatin1String("READ ONLY"), Qt::CaseInsensitive), qPrintable(r.error().message));
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM dups WHERE k = 9"))->toLongLong(), 0);
}

void TestMysql::syntaxErrorShowsTheServerMessage()
{
    auto c = connect();
    Result<void> r = c->compile(QStringLiteral("select id, emial from customers"));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QLatin1String("source dw")) && r.error().message.contains(QLatin1String("emial")), qPrintable(r.error().message));
    QVERIFY(c->compile(QStringLiteral("select id, email from customers;")).ok());
    // The connection is still good afterwards.
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM customers"))->toLongLong(), 3);
}

// Cancel from another thread stops a long statement promptly, and the
// connection is usable afterwards.
void TestMysql::cancelStopsAStream()
{
    auto c = connect();
    std::atomic_bool cancel{false};
    auto stop = c->interrupter();
    std::unique_ptr<QThread> canceller(QThread::create([&] {
        QThread::msleep(300);
        cancel = true;
        stop();
    }));
    canceller->start();
    QElapsedTimer timer;
    timer.start();
    source::RowSink sink;
    sink.row = [](const source::Row &) { return true; };
    Result<void> r = c->stream(QStringLiteral("SELECT SLEEP(30)"), sink, &cancel);
    canceller->wait();
    QVERIFY(timer.elapsed() < 10000);
    QVERIFY(!r.ok() || cancel.load()); // SLEEP() interrupted returns a row of 1 or the error
    QCOMPARE(c->scalar(QStringLiteral("SELECT 41 + 1"))->toLongLong(), 42);
}

void TestMysql::largeStreamKeepsMemoryFlat()
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
    // 1,000,000 rows of ~110 bytes (110 MB if buffered) from MariaDB's sequence engine.
    Result<void> r = c->stream(QStringLiteral("SELECT seq AS id, REPEAT('x', 100) AS pad FROM seq_1_to_1000000"), sink);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
    QCOMPARE(rows, 1000000);
    qInfo("resident memory grew by %lld kB", peak - before);
    QVERIFY2(peak - before < 64 * 1024, qPrintable(QStringLiteral("grew %1 kB").arg(peak - before)));
}

// Through the CLI, as an operator's script would: preview, then a sync into a
// jsonl file; a second run after one row changed sends that one only.
void TestMysql::syncSendsOnlyWhatChanged()
{
    const QString ws = m_dir.filePath(QStringLiteral("cli"));
    QDir().mkpath(ws);
    QFile f(ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + m_my.sourceJson(QStringLiteral("analytics"))
            + "}, \"destinations\": {\"file\": {\"type\": \"jsonl\", \"path\": \"out/customers.jsonl\"}},"
              " \"models\": {\"customers\": {\"source\": \"dw\", \"primary_key\": \"id\","
              " \"sql\": \"select id, email, ltv, seen_at from customers where email is not null\"}},"
              " \"syncs\": {\"to_file\": {\"model\": \"customers\", \"destination\": \"file\", \"fields\": ["
              "{\"source\": \"email\", \"destination\": \"email\"}, {\"source\": \"ltv\", \"destination\": \"ltv\"},"
              "{\"source\": \"seen_at\", \"destination\": \"seen_at\"}]}}}");
    f.close();
    const QStringList common{QStringLiteral("--workspace"), ws, QStringLiteral("--json")};

    Cli preview = sluiceCli(QStringList{QStringLiteral("preview"), QStringLiteral("customers")} + common);
    QVERIFY2(preview.code == 0, preview.err.constData());
    QCOMPARE(preview.out.value(QStringLiteral("rows")).toArray().size(), 2);
    QCOMPARE(preview.out.value(QStringLiteral("checks")).toObject().value(QStringLiteral("ok")).toBool(), true);
    QVERIFY(!preview.err.contains(m_my.password().toUtf8()));

    Cli first = sluiceCli(QStringList{QStringLiteral("run"), QStringLiteral("to_file")} + common);
    QVERIFY2(first.code == 0, first.err.constData());
    QCOMPARE(first.out.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 2);
    QFile out(ws + QStringLiteral("/out/customers.jsonl"));
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray text = out.readAll();
    out.close();
    QVERIFY2(text.contains("\"ltv\":\"12345678901234.56\""), text.constData());
    QVERIFY2(text.contains("\"seen_at\":\"2026-01-31T11:00:00.500Z\""), text.constData());

    QString error;
    QVERIFY2(m_my.sql(QStringLiteral("analytics"), QStringLiteral("UPDATE customers SET ltv = 99.99 WHERE id = 2"), &error), qPrintable(error));
    Cli second = sluiceCli(QStringList{QStringLiteral("run"), QStringLiteral("to_file")} + common);
    QVERIFY2(second.code == 0, second.err.constData());
    const QJsonObject counts = second.out.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("unchanged")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("delivered")).toInt(), 1);
    QVERIFY(out.open(QIODevice::ReadOnly));
    QVERIFY(out.readAll().contains("\"ltv\":\"99.99\""));
}

// The warehouse diff on MariaDB: the state in database sluice_state, the
// change set computed by the server; through three runs (first fill; an
// update, a NULL turned into a value, a delete and an insert under mirror;
// nothing moved) it sends exactly what the local diff sends. Keys differing
// only in case stay two records.
void TestMysql::warehouseDiffMatchesTheLocalDiff()
{
    QString error;
    QVERIFY2(m_my.sql(QStringLiteral("analytics"), QStringLiteral(R"(
        CREATE TABLE accounts (code VARCHAR(20) COLLATE utf8mb4_bin PRIMARY KEY, owner VARCHAR(100), seats INT, arr DECIMAL(12,2));
        INSERT INTO accounts VALUES ('acme', 'ann@example.com', 10, 1200.50), ('ACME', 'bob@example.com', 3, NULL),
            ('globex', 'cy@example.com', 25, 99999.99), ('o''neil', NULL, 1, 10.00), ('umb\\rella', 'dee@example.com', 7, 0.00);
    )"), &error), qPrintable(error));
    const QString ws = m_dir.filePath(QStringLiteral("diff"));
    QVERIFY2(test::writeDiffWorkspace(ws, m_my.sourceJson(QStringLiteral("analytics")), QStringLiteral("select code, owner, seats, arr from accounts"),
                                      QStringLiteral("code"), {QStringLiteral("owner"), QStringLiteral("seats"), QStringLiteral("arr")}, &error),
             qPrintable(error));
    test::DiffRuns runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("first run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("added"), 5); // 'acme' and 'ACME' are two
    auto c = connect();
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM sluice_state.by_warehouse"))->toLongLong(), 5);

    QVERIFY2(m_my.sql(QStringLiteral("analytics"), QStringLiteral(
        "UPDATE accounts SET seats = 11 WHERE code = 'acme'; UPDATE accounts SET arr = 5.00 WHERE code = 'ACME'; "
        "DELETE FROM accounts WHERE code = 'globex'; INSERT INTO accounts VALUES ('hooli', 'eve@example.com', 2, 1.00);"), &error), qPrintable(error));
    runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("second run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("added"), 1);
    QCOMPARE(runs.count("changed"), 2);
    QCOMPARE(runs.count("removed"), 1);
    QCOMPARE(runs.count("unchanged"), 2);
    // Only the new and changed rows left the server; the local diff read them all.
    QCOMPARE(runs.rowsExtracted(), 3);
    QCOMPARE(runs.warehouse.value(QStringLiteral("model_rows")).toInt(), 5);
    QCOMPARE(runs.local.value(QStringLiteral("model_rows")).toInt(), 5);

    runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("third run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("delivered"), 0);
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM sluice_state.by_warehouse"))->toLongLong(), 5);
}

QTEST_MAIN(TestMysql)
#include "tst_mysql.moc"
