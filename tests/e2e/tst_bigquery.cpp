// The "bigquery" source through BigQuery's REST API, against an emulator of
// it and of Google's token endpoint (tests/support/bigquery_emulator.h) that
// runs the SQL on a real PostgreSQL: the service account's JWT exchanged for
// a token, types, pages, jobs still running, Cancel, the dry run's bytes,
// errors in words, and a sync through the CLI.
#include "bigquery_emulator.h"
#include "diff_comparison.h"
#include "postgres_server.h"
#include "source/bigquery_connection.h"
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

class TestBigQuery final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_emulator.reset(); }
    void queriesCarryWhatBigQueryAsks();
    void typesStayExact();
    void pagesAreReadInOrder();
    void runningJobsArePolled();
    void cancelCancelsTheJob();
    void dryRunSaysWhatItWouldRead();
    void errorsNameTheSourceInWords();
    void syncSendsOnlyWhatChanged();
    void warehouseDiffMatchesTheLocalDiff();
    void literalsAreGoogleSql();

private:
    QByteArray sourceJson(const QByteArray &keyFile = "sa.json") const;
    Result<std::unique_ptr<source::SourceConnection>> tryConnect(const QByteArray &json);
    std::unique_ptr<source::SourceConnection> connect();
    bool writeKey(const QString &path, const QString &pemPath);

    test::PostgresServer m_pg;
    QTemporaryDir m_dir;
    std::unique_ptr<test::BigQueryEmulator> m_emulator;
};

namespace {

const char *const kEmail = "sluice-sync@acme-analytics.iam.gserviceaccount.com";

} // namespace

// A service account's JSON key file, as the Cloud console gives it.
bool TestBigQuery::writeKey(const QString &path, const QString &pemPath)
{
    QFile pem(pemPath);
    if (!pem.open(QIODevice::ReadOnly))
        return false;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("service_account")},
                                      {QStringLiteral("project_id"), QStringLiteral("acme-analytics")},
                                      {QStringLiteral("private_key_id"), QStringLiteral("0123456789abcdef")},
                                      {QStringLiteral("private_key"), QString::fromLatin1(pem.readAll())},
                                      {QStringLiteral("client_email"), QLatin1String(kEmail)},
                                      {QStringLiteral("token_uri"), m_emulator->tokenUrl()}})
                .toJson());
    f.close();
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
}

void TestBigQuery::initTestCase()
{
    QString error;
    QVERIFY2(m_pg.startWithDatabase(QStringLiteral("analytics"), &error), qPrintable(error));
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(R"(
        CREATE SCHEMA crm;
        CREATE TABLE crm.customers (id bigint PRIMARY KEY, email text, ltv numeric(38,9), score float8, vip boolean,
                                    seen_at timestamptz, local_at timestamp, born date, prefs jsonb, raw bytea, nick text, precise bigint);
        INSERT INTO crm.customers VALUES
            (1, 'ann@example.com', 12345678901234.560000000, 0.1, true, '2026-01-31 11:00:00.5+00', '2026-01-31 12:00:00.25', '1990-02-03',
             '{"tier": "gold"}', '\x00ff10', 'Ann 😀 café', 9007199254740993),
            (2, 'bob@example.com', 0.1, -2.5, false, '2026-02-01 00:00:00+00', NULL, '1965-12-31', '[]', NULL, 'Bob', -1),
            (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        CREATE TABLE crm.events AS SELECT g AS id, 'event ' || g AS name FROM generate_series(1, 2500) g;
    )"), &error), qPrintable(error));
    const QString key = m_dir.filePath(QStringLiteral("sa.pem")), pub = m_dir.filePath(QStringLiteral("sa.pub"));
    QVERIFY2(test::openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
                      QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"), key}, &error), qPrintable(error));
    QVERIFY2(test::openssl({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"), QStringLiteral("-out"), pub}, &error), qPrintable(error));
    QVERIFY2(test::openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-pkeyopt"),
                      QStringLiteral("rsa_keygen_bits:2048"), QStringLiteral("-out"), m_dir.filePath(QStringLiteral("other.pem"))}, &error), qPrintable(error));
    QFile f(pub);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_emulator = std::make_unique<test::BigQueryEmulator>(QStringLiteral("acme-analytics"), QLatin1String(kEmail), f.readAll(), m_pg.port(), m_pg.password(),
                                                          QStringLiteral("analytics"));
    QVERIFY(writeKey(m_dir.filePath(QStringLiteral("sa.json")), key));
    QVERIFY(writeKey(m_dir.filePath(QStringLiteral("other.json")), m_dir.filePath(QStringLiteral("other.pem"))));
}

QByteArray TestBigQuery::sourceJson(const QByteArray &keyFile) const
{
    return R"({"driver": "bigquery", "project": "acme-analytics", "dataset": "crm", "service_account_key": {"file": ")" + keyFile
           + R"("}, "base_url": ")" + m_emulator->baseUrl().toUtf8() + "\"}";
}

Result<std::unique_ptr<source::SourceConnection>> TestBigQuery::tryConnect(const QByteArray &json)
{
    auto ws = workspace::Workspace::fromText("{\"version\": 1, \"sources\": {\"dw\": " + json + "}}", m_dir.path());
    if (!ws.ok())
        qFatal("%s", qPrintable(ws.error().message));
    return source::SourceConnection::open(ws.value().config().sources.value(QStringLiteral("dw")), ws.value());
}

std::unique_ptr<source::SourceConnection> TestBigQuery::connect()
{
    auto c = tryConnect(sourceJson());
    if (!c.ok())
        qFatal("%s", qPrintable(c.error().message));
    return std::move(c).value();
}

void TestBigQuery::queriesCarryWhatBigQueryAsks()
{
    auto c = connect();
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM customers"))->toLongLong(), 3);
    const QJsonObject last = m_emulator->queries().last();
    QCOMPARE(last.value(QStringLiteral("useLegacySql")).toBool(true), false);
    QCOMPARE(last.value(QStringLiteral("defaultDataset")).toObject().value(QStringLiteral("datasetId")).toString(), QStringLiteral("crm"));
    QCOMPARE(last.value(QStringLiteral("formatOptions")).toObject().value(QStringLiteral("useInt64Timestamp")).toBool(), true);
    QVERIFY(last.contains(QStringLiteral("labels")));
}

void TestBigQuery::typesStayExact()
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
    QCOMPARE(columns[0].type, source::ColumnType::Integer);
    QCOMPARE(columns[2].type, source::ColumnType::Decimal);
    QCOMPARE(rows[0][2].toString(), QStringLiteral("12345678901234.560000000")); // NUMERIC, every digit
    QCOMPARE(rows[0][3].toDouble(), 0.1);
    QCOMPARE(rows[0][4].toBool(), true);
    QCOMPARE(rows[0][5].toString(), QStringLiteral("2026-01-31T11:00:00.500Z")); // TIMESTAMP, from microseconds
    QCOMPARE(rows[0][6].toString(), QStringLiteral("2026-01-31T12:00:00.250Z")); // DATETIME, read as UTC
    QCOMPARE(rows[0][7].toString(), QStringLiteral("1990-02-03"));
    QCOMPARE(columns[8].type, source::ColumnType::Json);
    QCOMPARE(QJsonDocument::fromJson(rows[0][8].toString().toUtf8()).object().value(QStringLiteral("tier")).toString(), QStringLiteral("gold"));
    QCOMPARE(columns[9].type, source::ColumnType::Bytes);
    QCOMPARE(rows[0][9].toByteArray(), QByteArray::fromHex("00ff10"));
    QCOMPARE(rows[0][10].toString(), QStringLiteral("Ann 😀 café"));
    QCOMPARE(rows[0][11].toLongLong(), 9007199254740993LL);
    for (int i = 1; i < columns.size(); ++i)
        QVERIFY2(rows[2][i].isNull(), qPrintable(columns[i].name));
}

void TestBigQuery::pagesAreReadInOrder()
{
    m_emulator->setPageRows(1000);
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
    int pages = 0;
    for (const test::EmulatorServer::Request &q : m_emulator->requests())
        pages += q.query.hasQueryItem(QStringLiteral("pageToken")) ? 1 : 0;
    QCOMPARE(pages, 2);
}

void TestBigQuery::runningJobsArePolled()
{
    auto c = connect();
    m_emulator->setPollsBeforeDone(3);
    const int before = m_emulator->requestCount();
    QCOMPARE(c->scalar(QStringLiteral("SELECT max(id) FROM events"))->toLongLong(), 2500);
    m_emulator->setPollsBeforeDone(0);
    QCOMPARE(m_emulator->requestCount() - before, 4); // jobs.query not complete, two polls not complete, the third with rows
}

void TestBigQuery::cancelCancelsTheJob()
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

// compile() is a dry run: nothing runs, nothing is billed, and BigQuery
// says how many bytes it would read; a query bills what BigQuery says.
void TestBigQuery::dryRunSaysWhatItWouldRead()
{
    auto c = connect();
    const qint64 before = c->bytesBilled().value_or(-1);
    QVERIFY(before >= 0);
    QVERIFY(c->compile(QStringLiteral("select id, name from events;")).ok());
    QVERIFY(m_emulator->queries().last().value(QStringLiteral("dryRun")).toBool());
    QVERIFY(c->estimateBytes(QStringLiteral("select id, name from events")).value_or(0) > 0);
    QCOMPARE(c->bytesBilled().value_or(-1), before);
    QCOMPARE(c->scalar(QStringLiteral("select count(*) from events"))->toLongLong(), 2500);
    QCOMPARE(c->bytesBilled().value_or(-1), before + (qint64(10) << 20)); // the emulator bills BigQuery's 10 MB minimum
}

void TestBigQuery::errorsNameTheSourceInWords()
{
    auto refused = tryConnect(sourceJson("other.json"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::Refused);
    QVERIFY2(refused.error().message.startsWith(QLatin1String("source dw: the token endpoint refused the service account (HTTP 400): Invalid JWT Signature.")),
             qPrintable(refused.error().message));
    auto c = connect();
    Result<void> missing = c->compile(QStringLiteral("select * from no_such_table"));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message == QLatin1String("source dw: the warehouse refused the query: Not found: Table acme-analytics:no_such_table was not found in location US"),
             qPrintable(missing.error().message));
    Result<void> syntax = c->compile(QStringLiteral("selec 1"));
    QVERIFY(!syntax.ok());
    QVERIFY2(syntax.error().message.contains(QLatin1String("syntax error")), qPrintable(syntax.error().message));
    // An OAuth token given instead of a key, which BigQuery no longer takes:
    // Sluice cannot renew it, and says so.
    QByteArray oauth = sourceJson();
    oauth.replace("\"service_account_key\": {\"file\": \"sa.json\"}", "\"token\": {\"env\": \"SLUICE_TEST_BQ_TOKEN\"}");
    qputenv("SLUICE_TEST_BQ_TOKEN", "ya29.expired-7731");
    Result<QVariant> expired = [&]() -> Result<QVariant> {
        auto t = tryConnect(oauth);
        if (!t)
            return t.error();
        return t.value()->scalar(QStringLiteral("SELECT 1"));
    }();
    QVERIFY(!expired.ok());
    QCOMPARE(expired.error().kind, Error::Kind::Refused);
    QVERIFY2(expired.error().message.startsWith(QLatin1String("source dw: BigQuery refused the OAuth token: it has expired or was revoked")),
             qPrintable(expired.error().message));
    QVERIFY(!expired.error().message.contains(QLatin1String("7731")));
    QByteArray nowhere = sourceJson();
    nowhere.replace(m_emulator->baseUrl().toUtf8(), "http://127.0.0.1:9");
    auto unreachable = tryConnect(nowhere);
    QVERIFY(!unreachable.ok());
    QCOMPARE(unreachable.error().kind, Error::Kind::Unreachable);
    QVERIFY2(unreachable.error().message.startsWith(QLatin1String("source dw: cannot reach BigQuery")), qPrintable(unreachable.error().message));
}

void TestBigQuery::syncSendsOnlyWhatChanged()
{
    const QString ws = m_dir.filePath(QStringLiteral("cli"));
    QDir().mkpath(ws);
    QFile::copy(m_dir.filePath(QStringLiteral("sa.json")), ws + QStringLiteral("/sa.json"));
    QFile::setPermissions(ws + QStringLiteral("/sa.json"), QFile::ReadOwner | QFile::WriteOwner);
    QFile f(ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + sourceJson()
            + "}, \"destinations\": {\"file\": {\"type\": \"jsonl\", \"path\": \"out/customers.jsonl\"}},"
              " \"models\": {\"customers\": {\"source\": \"dw\", \"primary_key\": \"id\","
              " \"sql\": \"select id, email, ltv from customers where email is not null\"}},"
              " \"syncs\": {\"to_file\": {\"model\": \"customers\", \"destination\": \"file\", \"fields\": ["
              "{\"source\": \"email\", \"destination\": \"email\"}, {\"source\": \"ltv\", \"destination\": \"ltv\"}]}}}");
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
    QCOMPARE(preview.value(QStringLiteral("checks")).toObject().value(QStringLiteral("ok")).toBool(), true);
    QVERIFY2(preview.value(QStringLiteral("estimated_bytes")).toDouble() > 0, "preview carries the dry run's estimate");
    auto [planned, plan] = cli({QStringLiteral("plan"), QStringLiteral("to_file")});
    QCOMPARE(planned, 0);
    QVERIFY2(plan.value(QStringLiteral("estimated_bytes")).toDouble() > 0, "plan carries the dry run's estimate");
    auto [first, run1] = cli({QStringLiteral("run"), QStringLiteral("to_file")});
    QCOMPARE(first, 0);
    QCOMPARE(run1.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 2);
    QString error;
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral("UPDATE crm.customers SET ltv = 99.99 WHERE id = 2"), &error), qPrintable(error));
    auto [second, run2] = cli({QStringLiteral("run"), QStringLiteral("to_file")});
    QCOMPARE(second, 0);
    const QJsonObject counts = run2.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("delivered")).toInt(), 1);
    QFile out(ws + QStringLiteral("/out/customers.jsonl"));
    QVERIFY(out.open(QIODevice::ReadOnly));
    QVERIFY(out.readAll().contains("\"ltv\":\"99.990000000\""));
}

// The warehouse diff on BigQuery (state in dataset sluice_state, MERGE from
// an array of structs) against the local diff over three runs; keys with a
// backslash, a quote and a line break travel in GoogleSQL's literals.
void TestBigQuery::warehouseDiffMatchesTheLocalDiff()
{
    QString error;
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(R"(
        CREATE TABLE crm.accounts (code text PRIMARY KEY, owner text, seats int, arr numeric(12,2));
        INSERT INTO crm.accounts VALUES ('acme', 'ann@example.com', 10, 1200.50), ('ACME', 'bob@example.com', 3, NULL),
            ('glo\bex', 'cy@example.com', 25, 99999.99), ('o''neil', NULL, 1, 10.00), (E'two\nlines', 'dee@example.com', 7, 0.00);
    )"), &error), qPrintable(error));
    const QString ws = m_dir.filePath(QStringLiteral("diff"));
    QVERIFY2(test::writeDiffWorkspace(ws, sourceJson(), QStringLiteral("select code, owner, seats, arr from accounts"), QStringLiteral("code"),
                                      {QStringLiteral("owner"), QStringLiteral("seats"), QStringLiteral("arr")}, &error),
             qPrintable(error));
    QFile::copy(m_dir.filePath(QStringLiteral("sa.json")), ws + QStringLiteral("/sa.json"));
    QFile::setPermissions(ws + QStringLiteral("/sa.json"), QFile::ReadOwner | QFile::WriteOwner);

    test::DiffRuns runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("first run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("added"), 5);
    auto c = connect();
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM sluice_state.`by_warehouse` WHERE `hash` <> 'pending'"))->toLongLong(), 5);
    // The run says what BigQuery billed, and so does its record.
    QVERIFY2(runs.warehouse.value(QStringLiteral("bytes_billed")).toDouble() >= 10 << 20, QJsonDocument(runs.warehouse).toJson().constData());

    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(
        "UPDATE crm.accounts SET seats = 11 WHERE code = 'acme'; UPDATE crm.accounts SET arr = 5.00 WHERE code = 'ACME'; "
        "UPDATE crm.accounts SET owner = 'o@example.com' WHERE code = 'o''neil'; "
        "DELETE FROM crm.accounts WHERE code = 'glo\\bex'; INSERT INTO crm.accounts VALUES ('hoo\\li', 'eve@example.com', 2, 1.00);"), &error), qPrintable(error));
    runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("second run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("added"), 1);
    QCOMPARE(runs.count("changed"), 3);
    QCOMPARE(runs.count("removed"), 1);
    QCOMPARE(runs.count("unchanged"), 1);
    QCOMPARE(runs.rowsExtracted(), 4); // only the new and changed rows left BigQuery

    runs = test::runBothDiffs(QStringLiteral(SLUICE_BINARY), ws, QStringLiteral("third run"));
    QVERIFY2(runs.differences.isEmpty(), qPrintable(runs.differences));
    QCOMPARE(runs.count("delivered"), 0);
    QCOMPARE(runs.rowsExtracted(), 0);

    QProcess history;
    history.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("runs"), QStringLiteral("by_warehouse"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    QVERIFY(history.waitForFinished(60000));
    const QByteArray listed = history.readAllStandardOutput();
    QVERIFY2(listed.contains("\"bytes_billed\""), listed.constData());
    // Each job is labelled with the sync that ran it.
    QStringList labelled;
    for (const QJsonObject &q : m_emulator->queries())
        labelled.append(q.value(QStringLiteral("labels")).toObject().value(QStringLiteral("sluice_sync")).toString());
    QVERIFY(labelled.contains(QStringLiteral("by_warehouse")));
}

// The emulator reads literals as BigQuery does: '' side by side is an error
// there, not a quote, and a backslash escapes.
void TestBigQuery::literalsAreGoogleSql()
{
    auto c = connect();
    Result<QVariant> doubled = c->scalar(QStringLiteral("SELECT 'o''neil'"));
    QVERIFY(!doubled.ok());
    QVERIFY2(doubled.error().message.contains(QLatin1String("concatenated string literals")), qPrintable(doubled.error().message));
    QCOMPARE(c->scalar(QStringLiteral("SELECT ") + c->literal(QStringLiteral("o'neil \\ two\nlines")))->toString(), QStringLiteral("o'neil \\ two\nlines"));
}

QTEST_MAIN(TestBigQuery)
#include "tst_bigquery.moc"
