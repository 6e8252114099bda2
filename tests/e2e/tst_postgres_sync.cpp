// Syncs through a real PostgreSQL, started by the test: a postgres table as
// the destination (values kept exact, SIGKILL at random points) and the
// warehouse diff keeping its state inside the source warehouse.
#include "destination/table_destination.h"
#include "postgres_server.h"
#include "source/source_connection.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace sluice;

class TestPostgresSync final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void syncIntoAPostgresTable();
    void tableDestinationKeepsValuesExact();
    void copyWritesWhatTheStatementWrites();
    void killDashNineIntoAPostgresTable_data();
    void killDashNineIntoAPostgresTable();
    void warehouseDiffKeepsStateInPostgres();
    void warehouseStateFollowsTheModelKeyType();
    void warehouseStateBelongsToOneDestination();
    void modelSqlCannotWriteToTheWarehouse();

private:
    std::unique_ptr<source::SourceConnection> connect();
    QString tableWorkspace(const QString &name, const QByteArray &destinationExtra, const QByteArray &rest);
    // A workspace directory whose sluice.json has source "dw" on the test server, then `rest`.
    QString writeWorkspace(const QString &name, const QByteArray &rest);
    QByteArray sourceJson() const { return m_pg.sourceJson(QStringLiteral("analytics")); }

    test::PostgresServer m_pg;
    QTemporaryDir m_dir;
};

namespace {

QJsonObject runSync(const QString &workspace, const QString &sync)
{
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), sync, QStringLiteral("--workspace"), workspace, QStringLiteral("--json")});
    p.waitForFinished(60000);
    if (p.exitCode() != 0)
        qWarning("%s", p.readAllStandardError().constData());
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

} // namespace

std::unique_ptr<source::SourceConnection> TestPostgresSync::connect()
{
    const QByteArray text = "{\"version\": 1, \"sources\": {\"dw\": " + sourceJson() + "}}";
    auto ws = workspace::Workspace::fromText(text, m_dir.path());
    if (!ws.ok())
        qFatal("%s", qPrintable(ws.error().message));
    auto c = source::SourceConnection::open(ws.value().config().sources.value(QStringLiteral("dw")), ws.value());
    if (!c.ok())
        qFatal("%s", qPrintable(c.error().message));
    return std::move(c).value();
}

void TestPostgresSync::initTestCase()
{
    QString error;
    QVERIFY2(m_pg.startWithDatabase(QStringLiteral("analytics"), &error), qPrintable(error));
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(R"(
        CREATE SCHEMA crm;
        CREATE TABLE crm.customers (id bigint PRIMARY KEY, email text, ltv numeric(20,2));
        INSERT INTO crm.customers VALUES (1, 'a@example.com', 12345678901234.56), (2, 'b@example.com', 0.10), (3, NULL, NULL);
    )"), &error), qPrintable(error));
}

void TestPostgresSync::syncIntoAPostgresTable()
{
    QString error;
    // A destination table the operator made, with a rule of its own.
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(
        "CREATE SCHEMA app; CREATE TABLE app.contacts (sluice_key text PRIMARY KEY, email text NOT NULL, ltv numeric);"), &error), qPrintable(error));
    const QString ws = writeWorkspace(QStringLiteral("sync"),
            " \"destinations\": {\"app\": {\"type\": \"postgres\", \"host\": \"127.0.0.1\", \"port\": " + QByteArray::number(m_pg.port())
            + ", \"database\": \"analytics\", \"user\": \"postgres\", \"password\": {\"env\": \"SLUICE_TEST_PG_PW\"}, \"schema\": \"app\"}},"
            " \"models\": {\"c\": {\"source\": \"dw\", \"primary_key\": \"id\", \"sql\": \"select id, email, ltv from crm.customers\"}},"
            " \"syncs\": {\"to_app\": {\"model\": \"c\", \"destination\": \"app\", \"object\": \"contacts\", \"mode\": \"mirror\","
            " \"fields\": [{\"source\": \"email\", \"destination\": \"email\"}, {\"source\": \"ltv\", \"destination\": \"ltv\", \"transform\": [\"cast:decimal\"]}]}}");
    auto run = [&](const QStringList &args) {
        QProcess p;
        p.start(QStringLiteral(SLUICE_BINARY), args + QStringList{QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
        p.waitForFinished(60000);
        const QByteArray err = p.readAllStandardError();
        if (p.exitCode() == 2)
            qWarning("%s", err.constData());
        return std::make_pair(p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object());
    };
    // Customer 3 has no e-mail: the table refuses it; the others land, exactly.
    auto [code, out] = run({QStringLiteral("run"), QStringLiteral("to_app")});
    QCOMPARE(code, 3);
    QCOMPARE(out.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 2);
    const QJsonArray rejections = out.value(QStringLiteral("rejections")).toArray();
    QCOMPARE(rejections.size(), 1);
    QCOMPARE(rejections.first().toObject().value(QStringLiteral("key")).toString(), QStringLiteral("3"));
    QVERIFY(rejections.first().toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("null value")));

    // The sync editor's object list: the schema's tables.
    {
        auto opened = workspace::Workspace::open(ws);
        QVERIFY(opened.ok());
        auto destination = destination::Destination::create(opened.value().config().destinations.value(QStringLiteral("app")), opened.value());
        QVERIFY(destination);
        auto objects = destination.value()->objects();
        QVERIFY2(objects, qPrintable(objects ? QString() : objects.error().message));
        QCOMPARE(objects.value().size(), 1);
        QCOMPARE(objects.value().first().name, QStringLiteral("contacts"));
    }
    auto c = connect();
    QCOMPARE(c->scalar(QStringLiteral("SELECT ltv::text FROM app.contacts WHERE sluice_key = '1'"))->toString(),
             QStringLiteral("12345678901234.56")); // no float on the way
    QVERIFY(m_pg.psql(QStringLiteral("analytics"), QStringLiteral("UPDATE crm.customers SET email = 'new@example.com' WHERE id = 2; "
                                                                  "UPDATE crm.customers SET email = 'c@example.com' WHERE id = 3")));
    std::tie(code, out) = run({QStringLiteral("run"), QStringLiteral("to_app")});
    QCOMPARE(code, 0);
    QCOMPARE(out.value(QStringLiteral("counts")).toObject().value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(out.value(QStringLiteral("counts")).toObject().value(QStringLiteral("added")).toInt(), 1); // the retried one
    QCOMPARE(c->scalar(QStringLiteral("SELECT email FROM app.contacts WHERE sluice_key = '2'"))->toString(), QStringLiteral("new@example.com"));
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM app.contacts"))->toLongLong(), 3);
    QVERIFY(m_pg.psql(QStringLiteral("analytics"), QStringLiteral("DELETE FROM crm.customers WHERE id = 1")));
    std::tie(code, out) = run({QStringLiteral("run"), QStringLiteral("to_app")});
    QCOMPARE(code, 0);
    QCOMPARE(out.value(QStringLiteral("counts")).toObject().value(QStringLiteral("removed")).toInt(), 1);
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM app.contacts"))->toLongLong(), 2);
}

QString TestPostgresSync::writeWorkspace(const QString &name, const QByteArray &rest)
{
    const QString ws = m_dir.filePath(name);
    QDir().mkpath(ws);
    QFile f(ws + QStringLiteral("/sluice.json"));
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(f.fileName()));
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + sourceJson() + "}, " + rest + "}");
    return ws;
}

// A workspace with source "dw" and a postgres destination "app" that creates
// its tables, both on the test server; `rest` holds "models" and "syncs".
QString TestPostgresSync::tableWorkspace(const QString &name, const QByteArray &destinationExtra, const QByteArray &rest)
{
    return writeWorkspace(name, "\"destinations\": {\"app\": {\"type\": \"postgres\", \"host\": \"127.0.0.1\", \"port\": " + QByteArray::number(m_pg.port())
                                    + ", \"database\": \"analytics\", \"user\": \"postgres\", \"password\": {\"env\": \"SLUICE_TEST_PG_PW\"}, \"create_table\": true"
                                    + destinationExtra + "}}, " + rest);
}

// Records reach a postgres table as one JSON array a batch: quotes,
// backslashes, line breaks, non-ASCII text, integers beyond 2^53, booleans
// and JSON values land as they left the model.
void TestPostgresSync::tableDestinationKeepsValuesExact()
{
    const QString ws = tableWorkspace(QStringLiteral("exact"), {},
            "\"models\": {\"x\": {\"source\": \"dw\", \"primary_key\": \"id\", \"sql\": \"select 1 as id, "
            "'O''Brien \\\"q\\\" \\\\ back' || chr(10) || 'caf\u00e9 \u65e5 \U0001F600' as t, 9007199254740993 as big, true as b, "
            "CAST('{\\\"x\\\": [1, 2]}' AS jsonb) as j, CAST(NULL AS text) as n\"}},"
            " \"syncs\": {\"to_exact\": {\"model\": \"x\", \"destination\": \"app\", \"object\": \"exact\", \"mode\": \"upsert\","
            " \"fields\": [{\"source\": \"t\", \"destination\": \"t\"}, {\"source\": \"big\", \"destination\": \"big\"},"
            " {\"source\": \"b\", \"destination\": \"b\"}, {\"source\": \"j\", \"destination\": \"j\"}, {\"source\": \"n\", \"destination\": \"n\"}]}}");
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_exact"), QStringLiteral("--workspace"), ws});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    auto c = connect();
    QCOMPARE(c->scalar(QStringLiteral("SELECT t FROM exact WHERE sluice_key = '1'"))->toString(),
             QStringLiteral("O'Brien \"q\" \\ back\ncaf\u00e9 \u65e5 \U0001F600"));
    QCOMPARE(c->scalar(QStringLiteral("SELECT big FROM exact"))->toString(), QStringLiteral("9007199254740993"));
    QCOMPARE(c->scalar(QStringLiteral("SELECT CAST(b AS text) FROM exact"))->toString(), QStringLiteral("true"));
    QCOMPARE(c->scalar(QStringLiteral("SELECT j FROM exact"))->toString(), QStringLiteral("{\"x\": [1, 2]}"));
    QVERIFY(c->scalar(QStringLiteral("SELECT n FROM exact"))->isNull());
}

// Records no run delivered go into a postgres table by COPY; the others by
// an INSERT reading a JSON array. Both must write the same rows, whatever the
// values: the same hostile records through each path into two tables of
// every kind of column, compared row for row; a key already in the table
// (COPY refuses the batch) and a NUL (COPY cannot carry it) fall back to the
// statement, which updates the one and rejects the other in its own words.
void TestPostgresSync::copyWritesWhatTheStatementWrites()
{
    QString error;
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(
        "CREATE TYPE mood AS ENUM ('happy', 'sad'); CREATE DOMAIN short_text AS varchar(30);"
        "CREATE TABLE copy_a (sluice_key text PRIMARY KEY, t text, n numeric, i bigint, b boolean, j jsonb, js json, d date, "
        "ts timestamptz, e mood, dom short_text, f double precision);"
        "CREATE TABLE copy_b (LIKE copy_a INCLUDING ALL); CREATE TABLE copy_c (LIKE copy_a INCLUDING ALL);"
        "INSERT INTO copy_c (sluice_key, t) VALUES ('2', 'was here');"), &error), qPrintable(error));
    const QList<QByteArray> records{
        R"({"t": "tab\there\nline\rcr back\\slash \"q\" caf\u00e9 \ud83d\ude00 \/ \u2028 日本", "n": 12345678901234567890.123456789,)"
        R"( "i": 9007199254740993, "b": true, "j": {"x": [1, "a\tb", null], "y": {"z": "\\N"}}, "js": "just a string", "d": "2026-11-30",)"
        R"( "ts": "2026-11-30T12:00:00Z", "e": "happy", "dom": "short", "f": 1.5e-7})",
        R"({"t": null, "n": null, "j": null})",
        R"({"t": "\\N", "j": "a string into jsonb", "js": [1, 2], "b": "true", "n": "42.10", "i": "7"})",
        R"({"t": "\\.", "dom": "\u0041\u00e9", "j": 12.50, "b": false})",
        R"({"t": "", "j": [], "js": {}, "e": "sad", "f": -0.0})",
        R"({ "t" : "spaced" , "n" : -1E+3 , "b" : null })",
    };
    const QStringList keys{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("k\t3"), QStringLiteral("4\n"), QStringLiteral("Zoë 5"),
                           QStringLiteral("6")};
    QList<destination::Operation> fresh, known;
    for (qsizetype i = 0; i < records.size(); ++i) {
        destination::Operation op;
        op.key = keys[i];
        op.fieldsJson = records[i];
        op.isNew = true;
        fresh.append(op);
        op.isNew = false;
        known.append(op);
    }
    destination::TableDestination::Settings settings{QStringLiteral("app"), QStringLiteral("QPSQL"), QStringLiteral("127.0.0.1"), m_pg.port(),
                                                     QStringLiteral("analytics"), QStringLiteral("postgres"), m_pg.password(), {}, false, 1000};
    QStringList rejected;
    auto deliver = [&](const QString &table, const QList<destination::Operation> &ops) {
        destination::TableDestination target(settings);
        destination::DeliveryContext context;
        context.object = table;
        context.settled = [&](const QList<destination::Operation> &, const QList<destination::Outcome> &outcomes) {
            for (const destination::Outcome &o : outcomes)
                if (!o.accepted)
                    rejected.append(o.key + QStringLiteral(": ") + o.reason);
        };
        const Result<void> r = target.deliver(ops, context);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        // Still connected: its last statement says which way the rows went.
        const QString last = connect()->scalar(QStringLiteral("SELECT query FROM pg_stat_activity WHERE application_name = 'sluice' "
                                                              "AND pid <> pg_backend_pid() AND query LIKE '%copy_%' ORDER BY query_start DESC LIMIT 1"))->toString();
        QVERIFY2(last.startsWith(QLatin1String("COPY")) == (&ops == &fresh && table == QLatin1String("copy_a")), qPrintable(table + QStringLiteral(": ") + last));
    };
    deliver(QStringLiteral("copy_a"), fresh);
    deliver(QStringLiteral("copy_b"), known);
    QVERIFY2(rejected.isEmpty(), qPrintable(rejected.join(QLatin1Char('\n'))));
    auto c = connect();
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM copy_a"))->toLongLong(), records.size());
    // json has no equality: compared as text, which keeps its spelling.
    const QString rows = QStringLiteral("SELECT sluice_key, t, n, i, b, j, js::text, d, ts, e, dom, f FROM %1");
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM (%1 EXCEPT %2) x").arg(rows.arg(QStringLiteral("copy_a")), rows.arg(QStringLiteral("copy_b"))))->toLongLong(), 0);
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM (%1 EXCEPT %2) x").arg(rows.arg(QStringLiteral("copy_b")), rows.arg(QStringLiteral("copy_a"))))->toLongLong(), 0);
    QCOMPARE(c->scalar(QStringLiteral("SELECT t FROM copy_a WHERE sluice_key = '1'"))->toString(),
             QStringLiteral("tab\there\nline\rcr back\\slash \"q\" caf\u00e9 \U0001F600 / \u2028 日本"));
    QCOMPARE(c->scalar(QStringLiteral("SELECT n::text || ' ' || i::text FROM copy_a WHERE sluice_key = '1'"))->toString(),
             QStringLiteral("12345678901234567890.123456789 9007199254740993"));
    QCOMPARE(c->scalar(QStringLiteral("SELECT t || '|' || j::text FROM copy_a WHERE sluice_key = 'k\t3'"))->toString(), QStringLiteral("\\N|\"a string into jsonb\""));

    // A key the table holds already, and a NUL: both through the fallback.
    QList<destination::Operation> mixed = fresh.mid(0, 3);
    mixed[0].fieldsJson = R"({"t": "nul \u0000 inside"})";
    rejected.clear();
    destination::TableDestination target(settings);
    destination::DeliveryContext context;
    context.object = QStringLiteral("copy_c");
    context.settled = [&](const QList<destination::Operation> &, const QList<destination::Outcome> &outcomes) {
        for (const destination::Outcome &o : outcomes)
            if (!o.accepted)
                rejected.append(o.key + QStringLiteral(": ") + o.reason);
    };
    QVERIFY(target.deliver(mixed, context).ok());
    QCOMPARE(rejected.size(), 1);
    QVERIFY2(rejected.first().startsWith(QLatin1String("1: ")) && rejected.first().contains(QLatin1String("\\u0000")), qPrintable(rejected.first()));
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM copy_c"))->toLongLong(), 2);
    QVERIFY(c->scalar(QStringLiteral("SELECT t FROM copy_c WHERE sluice_key = '2'"))->isNull()); // updated, not kept as it was
}

// Batches into a postgres table are pipelined (the next one is on the wire
// while the last one is recorded): SIGKILL at random points, ten times, and
// the table still ends identical to the model.
void TestPostgresSync::killDashNineIntoAPostgresTable_data()
{
    QTest::addColumn<QString>("diff");
    QTest::newRow("local diff") << QStringLiteral("local");
    QTest::newRow("warehouse diff") << QStringLiteral("warehouse"); // the first runs are killed before any state exists
}

void TestPostgresSync::killDashNineIntoAPostgresTable()
{
    QFETCH(QString, diff);
    const QString table = QStringLiteral("many_") + diff;
    QString error;
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(
        "CREATE TABLE crm.%1 AS SELECT g AS id, 'n' || g AS name, g % 10 AS bucket FROM generate_series(1, 40000) g").arg(table), &error),
             qPrintable(error));
    const QString ws = tableWorkspace(QStringLiteral("kill_") + diff, ", \"batch_size\": 100",
            "\"models\": {\"m\": {\"source\": \"dw\", \"primary_key\": \"id\", \"sql\": \"select * from crm." + table.toUtf8() + "\"}},"
            " \"syncs\": {\"to_many\": {\"model\": \"m\", \"destination\": \"app\", \"object\": \"" + table.toUtf8() + "\", \"mode\": \"mirror\","
            " \"diff\": \"" + diff.toUtf8() + "\","
            " \"fields\": [{\"source\": \"name\", \"destination\": \"name\"}, {\"source\": \"bucket\", \"destination\": \"bucket\"}]}}");
    QRandomGenerator random(20261124);
    int killed = 0;
    for (int round = 0; round < 10; ++round) {
        QVERIFY(m_pg.psql(QStringLiteral("analytics"), QStringLiteral("UPDATE crm.%3 SET name = 'r%1-' || id WHERE id % 7 = %2; "
                                                                      "DELETE FROM crm.%3 WHERE id %% 1000 = %1;")
                                                           .arg(round).arg(round % 7).arg(table).replace(QStringLiteral("%%"), QStringLiteral("%"))));
        QProcess p;
        QStringList args{QStringLiteral("run"), QStringLiteral("to_many"), QStringLiteral("--workspace"), ws};
        if (round % 3 != 2)
            args.append(QStringLiteral("--full-resync")); // long runs to kill among; every third one a plain diff
        p.start(QStringLiteral(SLUICE_BINARY), args);
        QVERIFY(p.waitForStarted());
        QTest::qWait(int(random.bounded(20, 300)));
        if (p.state() == QProcess::Running) {
            ::kill(pid_t(p.processId()), SIGKILL);
            ++killed;
        }
        p.waitForFinished(60000);
    }
    QVERIFY2(killed >= 5, qPrintable(QString::number(killed)));
    QProcess last;
    last.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_many"), QStringLiteral("--workspace"), ws});
    QVERIFY(last.waitForFinished(60000));
    QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());
    auto c = connect();
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table))->toLongLong(), c->scalar(QStringLiteral("SELECT count(*) FROM crm.%1").arg(table))->toLongLong());
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM crm.%1 m FULL JOIN %1 d ON d.sluice_key = CAST(m.id AS text) "
                                      "WHERE d.sluice_key IS NULL OR m.id IS NULL OR d.name IS DISTINCT FROM m.name "
                                      "OR CAST(d.bucket AS integer) IS DISTINCT FROM m.bucket").arg(table))->toLongLong(),
             0);
}

void TestPostgresSync::warehouseDiffKeepsStateInPostgres()
{
    QString error;
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(
        "CREATE TABLE crm.wide AS SELECT g AS id, 'u' || g || '@example.com' AS email, g % 2 = 0 AS consent, CAST(g AS numeric) AS ltv, "
        "timestamptz '2026-01-01 00:00:00+00' + g * interval '1 second' AS seen, timestamp '2026-01-01 00:00:00' AS local_ts, "
        "gen_random_uuid() AS uid, CAST(g % 100 AS smallint) AS small FROM generate_series(1, 5000) g"), &error),
             qPrintable(error));
    const QString ws = writeWorkspace(QStringLiteral("warehouse"),
            " \"destinations\": {\"out\": {\"type\": \"jsonl\", \"path\": \"out.jsonl\"}},"
            " \"models\": {\"w\": {\"source\": \"dw\", \"primary_key\": \"id\", \"sql\": \"select * from crm.wide\"}},"
            " \"syncs\": {\"w_out\": {\"model\": \"w\", \"destination\": \"out\", \"mode\": \"mirror\", \"diff\": \"warehouse\","
            " \"policy\": {\"consent\": \"consent\"}, \"fields\": [{\"source\": \"email\", \"destination\": \"email\"},"
            " {\"source\": \"ltv\", \"destination\": \"ltv\"}, {\"source\": \"seen\", \"destination\": \"seen\"},"
            " {\"source\": \"local_ts\", \"destination\": \"local_ts\"}, {\"source\": \"uid\", \"destination\": \"uid\"},"
            " {\"source\": \"small\", \"destination\": \"small\"}]}}");
    auto run = [&]() { return runSync(ws, QStringLiteral("w_out")); };
    QJsonObject out = run();
    QCOMPARE(out.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt(), 2500);
    QCOMPARE(out.value(QStringLiteral("counts")).toObject().value(QStringLiteral("excluded")).toInt(), 2500);
    auto c = connect();
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM sluice_state.w_out"))->toLongLong(), 2500);

    // Only what changed leaves the warehouse, whatever the column's type: the
    // source digest hashes integers, timestamps and uuids as values and
    // numerics as text, so a change of scale (12 -> 12.0) that the JSON shows
    // is a change too.
    QVERIFY(m_pg.psql(QStringLiteral("analytics"), QStringLiteral("UPDATE crm.wide SET email = 'x' || email WHERE id IN (2, 4, 6); "
                                                                  "UPDATE crm.wide SET consent = false WHERE id = 8; DELETE FROM crm.wide WHERE id = 10; "
                                                                  "UPDATE crm.wide SET ltv = CAST('12.0' AS numeric) WHERE id = 12; "
                                                                  "UPDATE crm.wide SET seen = seen + interval '1 microsecond' WHERE id = 14; "
                                                                  "UPDATE crm.wide SET local_ts = NULL WHERE id = 16; "
                                                                  "UPDATE crm.wide SET uid = gen_random_uuid() WHERE id = 18; "
                                                                  "UPDATE crm.wide SET small = small + 1 WHERE id = 20")));
    out = run();
    const QJsonObject counts = out.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("changed")).toInt(), 8);
    QCOMPARE(counts.value(QStringLiteral("removed")).toInt(), 2); // consent revoked (8) and deleted (10)
    QCOMPARE(counts.value(QStringLiteral("unchanged")).toInt(), 2490);
    QCOMPARE(out.value(QStringLiteral("timings")).toObject().value(QStringLiteral("rows_extracted")).toInt(), 9);
    out = run(); // and nothing after that
    QCOMPARE(out.value(QStringLiteral("timings")).toObject().value(QStringLiteral("rows_extracted")).toInt(), 0);
    QCOMPARE(out.value(QStringLiteral("counts")).toObject().value(QStringLiteral("unchanged")).toInt(), 2498);
    QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM sluice_state.w_out"))->toLongLong(), 2498);
}

// The state's key has the model key's type (so the diff can merge the two in
// key order), its source digest is a bigint; state written before that, or a
// model whose key changed type, is converted in place without sending a
// record again, and a stored key that no longer converts is still found.
void TestPostgresSync::warehouseStateFollowsTheModelKeyType()
{
    const QString ws = m_dir.filePath(QStringLiteral("warehouse")); // left by warehouseDiffKeepsStateInPostgres: 2,498 records
    auto c = connect();
    auto columnType = [&](const char *column) {
        return c->scalar(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = to_regclass('sluice_state.w_out') "
                                        "AND attname = '%1'").arg(QLatin1String(column)))->toString();
    };
    auto counts = [](const QJsonObject &out) { return out.value(QStringLiteral("counts")).toObject(); };
    auto extracted = [](const QJsonObject &out) { return out.value(QStringLiteral("timings")).toObject().value(QStringLiteral("rows_extracted")).toInt(); };
    QCOMPARE(columnType("key"), QStringLiteral("integer"));
    QCOMPARE(columnType("src"), QStringLiteral("bigint"));

    // State as Sluice 0.x wrote it: text keys and text digests, one of them in an older form.
    QString error;
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral("ALTER TABLE sluice_state.w_out ALTER COLUMN key TYPE text, "
                                                                   "ALTER COLUMN src TYPE text USING CAST(src AS text), ALTER COLUMN src SET NOT NULL; "
                                                                   "UPDATE sluice_state.w_out SET src = 'd41d8cd98f00b204' WHERE key = '30'"), &error),
             qPrintable(error));
    QJsonObject out = runSync(ws, QStringLiteral("w_out"));
    QCOMPARE(extracted(out), 1); // the row whose digest could not be kept, and no other
    QCOMPARE(counts(out).value(QStringLiteral("unchanged")).toInt(), 2498);
    QCOMPARE(counts(out).value(QStringLiteral("delivered")).toInt(), 0);
    QCOMPARE(columnType("key"), QStringLiteral("integer"));
    QCOMPARE(columnType("src"), QStringLiteral("bigint"));
    QCOMPARE(extracted(runSync(ws, QStringLiteral("w_out"))), 0);

    // The model's key becomes text: the state follows; every row is read once
    // (its digest hashed the key as an integer), none is sent again.
    QVERIFY(m_pg.psql(QStringLiteral("analytics"), QStringLiteral("ALTER TABLE crm.wide ALTER COLUMN id TYPE text; "
                                                                  "INSERT INTO crm.wide (id, email, consent) VALUES ('abc', 'abc@example.com', true)")));
    out = runSync(ws, QStringLiteral("w_out"));
    QCOMPARE(counts(out).value(QStringLiteral("added")).toInt(), 1);
    QCOMPARE(counts(out).value(QStringLiteral("unchanged")).toInt(), 2498);
    QCOMPARE(counts(out).value(QStringLiteral("delivered")).toInt(), 1);
    QCOMPARE(columnType("key"), QStringLiteral("text"));

    // Back to integer, 'abc' gone from the model: the stored 'abc' cannot
    // become an integer, so keys are compared as text and 'abc' is removed.
    QVERIFY(m_pg.psql(QStringLiteral("analytics"), QStringLiteral("DELETE FROM crm.wide WHERE id = 'abc'; "
                                                                  "ALTER TABLE crm.wide ALTER COLUMN id TYPE integer USING CAST(id AS integer)")));
    out = runSync(ws, QStringLiteral("w_out"));
    QCOMPARE(counts(out).value(QStringLiteral("removed")).toInt(), 1);
    QCOMPARE(counts(out).value(QStringLiteral("unchanged")).toInt(), 2498);
    QCOMPARE(counts(out).value(QStringLiteral("delivered")).toInt(), 1);
    QCOMPARE(columnType("key"), QStringLiteral("text"));
    out = runSync(ws, QStringLiteral("w_out")); // now every stored key converts
    QCOMPARE(extracted(out), 0);
    QCOMPARE(counts(out).value(QStringLiteral("unchanged")).toInt(), 2498);
    QCOMPARE(columnType("key"), QStringLiteral("integer"));

    QFile file(ws + QStringLiteral("/out.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 2498);
}

// Another workspace with a sync of the same name, writing elsewhere, must not
// diff against (and, under mirror, delete by) the first one's state.
void TestPostgresSync::warehouseStateBelongsToOneDestination()
{
    const QString other = writeWorkspace(QStringLiteral("other"),
            " \"destinations\": {\"elsewhere\": {\"type\": \"jsonl\", \"path\": \"elsewhere.jsonl\"}},"
            " \"models\": {\"w\": {\"source\": \"dw\", \"primary_key\": \"id\", \"sql\": \"select id, email from crm.wide where id < 100\"}},"
            " \"syncs\": {\"w_out\": {\"model\": \"w\", \"destination\": \"elsewhere\", \"mode\": \"mirror\", \"diff\": \"warehouse\","
            " \"fields\": [{\"source\": \"email\", \"destination\": \"email\"}]}}");
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("w_out"), QStringLiteral("--workspace"), other});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("sluice_state.\"w_out\" belongs to sync w_out, destination out")), qPrintable(err));
    QVERIFY(!QFile::exists(other + QStringLiteral("/elsewhere.jsonl"))); // nothing sent
    // The workspace the state belongs to still runs.
    QCOMPARE(runSync(m_dir.filePath(QStringLiteral("warehouse")), QStringLiteral("w_out")).value(QStringLiteral("status")).toString(),
             QStringLiteral("succeeded"));
}

// #10.7 / #11.6: model SQL runs read-only; a model that writes is refused in
// the warehouse's own words, by preview, plan, check and both diffs.
void TestPostgresSync::modelSqlCannotWriteToTheWarehouse()
{
    QVERIFY(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(
        "CREATE TABLE crm.victims (id int PRIMARY KEY); INSERT INTO crm.victims SELECT generate_series(1, 10);"
        "CREATE FUNCTION crm.zap() RETURNS int LANGUAGE sql AS 'DELETE FROM crm.victims RETURNING 1';")));
    const QString ws = writeWorkspace(QStringLiteral("readonly"),
            " \"destinations\": {\"out\": {\"type\": \"jsonl\", \"path\": \"out.jsonl\"}},"
            " \"models\": {\"evil\": {\"source\": \"dw\", \"primary_key\": \"id\", \"sql\": \"select c.id, c.email, crm.zap() as z from crm.customers c\"}},"
            " \"syncs\": {\"local\": {\"model\": \"evil\", \"destination\": \"out\", \"fields\": [{\"source\": \"email\", \"destination\": \"email\"}]},"
            "            \"warehouse\": {\"model\": \"evil\", \"destination\": \"out\", \"diff\": \"warehouse\", \"fields\": [{\"source\": \"email\", \"destination\": \"email\"}]}}");
    const QList<QStringList> verbs{{QStringLiteral("preview"), QStringLiteral("evil")},
                                   {QStringLiteral("plan"), QStringLiteral("local")},
                                   {QStringLiteral("plan"), QStringLiteral("warehouse")},
                                   {QStringLiteral("run"), QStringLiteral("warehouse")},
                                   {QStringLiteral("check")}};
    for (const QStringList &verb : verbs) {
        QProcess p;
        p.start(QStringLiteral(SLUICE_BINARY), verb + QStringList{QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
        QVERIFY(p.waitForFinished(60000));
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(p.exitCode() == 1, qPrintable(verb.join(QLatin1Char(' ')) + QStringLiteral(": ") + QString::fromUtf8(err)));
        QVERIFY2(err.contains("read-only transaction"), qPrintable(verb.join(QLatin1Char(' ')) + QStringLiteral(": ") + QString::fromUtf8(err)));
        QCOMPARE(connect()->scalar(QStringLiteral("SELECT count(*) FROM crm.victims"))->toLongLong(), 10);
    }
    QVERIFY(!QFile::exists(ws + QStringLiteral("/out.jsonl")));
}

QTEST_GUILESS_MAIN(TestPostgresSync)
#include "tst_postgres_sync.moc"
