// Sources and model preview against a real PostgreSQL, started by the test.
#include "engine/source_digest.h"
#include "engine/warehouse_diff.h"
#include "engine/warehouse_dialect.h"
#include "model/preview.h"
#include "postgres_server.h"
#include "source/row_view.h"
#include "source/source_connection.h"
#include "workspace/workspace.h"

#include <QElapsedTimer>
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

qint64 residentKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    f.open(QIODevice::ReadOnly);
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

} // namespace

class TestPostgres final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void introspection();
    void typesStayExact();
    void previewWithChecks();
    void duplicateAndNullKeysCountedInTheWarehouse();
    void wrongPasswordIsRefusedWithoutLeakingIt();
    void missingDatabaseIsToldApart();
    void closedPortIsUnreachable();
    void silentHostTimesOut();
    void syntaxErrorShowsTheWarehouseMessage();
    void cancelStopsAStream();
    void millionRowStreamKeepsMemoryFlat();
    void cliPreviewAgainstPostgres();
    void copyStreamReadsWhatRowsRead();
    void sourceDigestMatchesTheWarehouse();

private:
    workspace::Workspace workspaceWith(const QByteArray &sourceJson, const QByteArray &modelsJson = "{}");
    std::unique_ptr<source::SourceConnection> connect();
    QByteArray sourceJson(const QString &database = QStringLiteral("analytics"), int port = 0) const;

    test::PostgresServer m_pg;
    QTemporaryDir m_dir;
};

QByteArray TestPostgres::sourceJson(const QString &database, int port) const
{
    return m_pg.sourceJson(database, port);
}

workspace::Workspace TestPostgres::workspaceWith(const QByteArray &source, const QByteArray &models)
{
    const QByteArray text = "{\"version\": 1, \"sources\": {\"dw\": " + source + "}, \"models\": " + models + "}";
    auto ws = workspace::Workspace::fromText(text, m_dir.path());
    if (!ws.ok())
        qFatal("%s", qPrintable(ws.error().message));
    return std::move(ws).value();
}

std::unique_ptr<source::SourceConnection> TestPostgres::connect()
{
    const auto ws = workspaceWith(sourceJson());
    auto c = source::SourceConnection::open(ws.config().sources.value(QStringLiteral("dw")), ws);
    if (!c.ok())
        qFatal("%s", qPrintable(c.error().message));
    return std::move(c).value();
}

void TestPostgres::initTestCase()
{
    QString error;
    QVERIFY2(m_pg.startWithDatabase(QStringLiteral("analytics"), &error), qPrintable(error));
    QVERIFY2(m_pg.psql(QStringLiteral("analytics"), QStringLiteral(R"(
        CREATE SCHEMA crm;
        CREATE TABLE crm.customers (id bigint PRIMARY KEY, email text, ltv numeric(20,2), score double precision,
            active boolean, updated_at timestamptz, born date, traits jsonb, big bigint);
        INSERT INTO crm.customers VALUES
          (1, 'a@example.com', 12345678901234.56, 0.1, true, '2026-01-31 12:00:00.5+01', '1990-02-03', '{"tier": "gold"}', 9007199254740993),
          (2, 'b@example.com', 0.10, 2.5, false, '2026-06-01 00:00:00+00', NULL, NULL, -1),
          (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        CREATE VIEW crm.customer_360 AS SELECT id AS customer_id, email, ltv FROM crm.customers;
        CREATE TABLE crm.dups (k integer, v text);
        INSERT INTO crm.dups VALUES (1,'a'),(1,'b'),(1,'c'),(2,'a'),(2,'b'),(3,'a'),(NULL,'x'),(NULL,'y');
        CREATE TABLE crm.big AS SELECT g AS id, 'user' || g || '@example.com' AS email, (g % 1000)::numeric / 7 AS ltv,
            now() - (g || ' seconds')::interval AS updated_at, g % 2 = 0 AS consent, 'x' AS a, 'y' AS b, g * 3 AS c
          FROM generate_series(1, 1000000) g;
    )"), &error), qPrintable(error));
}

void TestPostgres::introspection()
{
    auto c = connect();
    auto tables = c->introspect();
    QVERIFY2(tables.ok(), qPrintable(tables.error().message));
    const auto it = std::find_if(tables->begin(), tables->end(), [](const source::TableInfo &t) {
        return t.schema == QLatin1String("crm") && t.name == QLatin1String("customers");
    });
    QVERIFY(it != tables->end());
    QVERIFY(!it->isView);
    QCOMPARE(it->columns.size(), 9);
    QCOMPARE(it->columns.at(0).name, QStringLiteral("id"));
    QCOMPARE(it->columns.at(0).type, source::ColumnType::Integer);
    QCOMPARE(it->columns.at(2).type, source::ColumnType::Decimal);
    QCOMPARE(it->columns.at(5).type, source::ColumnType::Timestamp);
    const auto view = std::find_if(tables->begin(), tables->end(),
                                   [](const source::TableInfo &t) { return t.name == QLatin1String("customer_360"); });
    QVERIFY(view != tables->end());
    QVERIFY(view->isView);
}

void TestPostgres::typesStayExact()
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
    QVERIFY(c->stream(QStringLiteral("SELECT * FROM crm.customers ORDER BY id"), sink).ok());
    QCOMPARE(rows.size(), 3);
    QCOMPARE(columns.at(2).type, source::ColumnType::Decimal);
    QCOMPARE(rows[0][2].toString(), QStringLiteral("12345678901234.56")); // no float loss
    QCOMPARE(rows[1][2].toString(), QStringLiteral("0.10"));
    QCOMPARE(rows[0][3].toDouble(), 0.1);
    QCOMPARE(rows[0][4].toBool(), true);
    QCOMPARE(rows[0][5].toString(), QStringLiteral("2026-01-31T11:00:00.5Z")); // UTC
    QCOMPARE(rows[0][6].toString(), QStringLiteral("1990-02-03"));
    QCOMPARE(QJsonDocument::fromJson(rows[0][7].toString().toUtf8()).object().value(QStringLiteral("tier")).toString(),
             QStringLiteral("gold"));
    QCOMPARE(rows[0][8].toLongLong(), 9007199254740993LL);
    QCOMPARE(source::toJson(rows[0][8], columns[8].type).toString(), QStringLiteral("9007199254740993"));
    QVERIFY(rows[2][1].isNull());
    QVERIFY(rows[2][5].isNull());
}

void TestPostgres::previewWithChecks()
{
    auto c = connect();
    workspace::ModelConfig m;
    m.name = QStringLiteral("customers");
    m.sql = QStringLiteral("select * from crm.customer_360;  -- trailing comment");
    m.primaryKey = {QStringLiteral("customer_id")};
    auto p = model::previewModel(*c, m, 2);
    QVERIFY2(p.ok(), qPrintable(p.error().message));
    QCOMPARE(p->rows.size(), 2);
    QCOMPARE(p->columns.size(), 3);
    QVERIFY(p->checks.ok());
    QCOMPARE(p->checks.rowCount, 3);
}

void TestPostgres::duplicateAndNullKeysCountedInTheWarehouse()
{
    auto c = connect();
    workspace::ModelConfig m;
    m.name = QStringLiteral("dups");
    m.sql = QStringLiteral("select * from crm.dups");
    m.primaryKey = {QStringLiteral("k")};
    auto p = model::previewModel(*c, m, 100);
    QVERIFY(p.ok());
    QVERIFY(!p->checks.ok());
    QCOMPARE(p->checks.nullKeys, 2);
    QCOMPARE(p->checks.duplicateKeys, 2);
    QCOMPARE(p->checks.duplicateRows, 5);
    QCOMPARE(p->checks.duplicateExamples.first().first, QStringLiteral("1"));
    QCOMPARE(p->checks.duplicateExamples.first().second, 3);

    m.primaryKey = {QStringLiteral("k"), QStringLiteral("v")};
    p = model::previewModel(*c, m, 100);
    QVERIFY(p.ok());
    QCOMPARE(p->checks.duplicateKeys, 0);
    QCOMPARE(p->checks.nullKeys, 2);

    m.primaryKey = {QStringLiteral("id")};
    p = model::previewModel(*c, m, 100);
    QVERIFY(p.ok());
    QCOMPARE(p->checks.missingColumns, QStringList{QStringLiteral("id")});
}

void TestPostgres::wrongPasswordIsRefusedWithoutLeakingIt()
{
    qputenv("SLUICE_TEST_PG_WRONG", "not-the-password-xyzzy");
    auto ws = workspaceWith(QByteArray(sourceJson()).replace("SLUICE_TEST_PG_PW", "SLUICE_TEST_PG_WRONG"));
    auto c = source::SourceConnection::open(ws.config().sources.value(QStringLiteral("dw")), ws);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().kind, Error::Kind::Refused);
    QVERIFY2(c.error().message.contains(QStringLiteral("source dw")), qPrintable(c.error().message));
    QVERIFY(c.error().message.contains(QStringLiteral("refused the credentials")));
    QVERIFY(!c.error().message.contains(QStringLiteral("xyzzy")));
}

void TestPostgres::missingDatabaseIsToldApart()
{
    auto ws = workspaceWith(sourceJson(QStringLiteral("no_such_db")));
    auto c = source::SourceConnection::open(ws.config().sources.value(QStringLiteral("dw")), ws);
    QVERIFY(!c.ok());
    QVERIFY2(c.error().message.contains(QStringLiteral("database does not exist")), qPrintable(c.error().message));
}

void TestPostgres::closedPortIsUnreachable()
{
    int port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
    }
    auto ws = workspaceWith(sourceJson(QStringLiteral("analytics"), port));
    auto c = source::SourceConnection::open(ws.config().sources.value(QStringLiteral("dw")), ws);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().kind, Error::Kind::Unreachable);
    QVERIFY2(c.error().message.contains(QStringLiteral("cannot reach the server")), qPrintable(c.error().message));
}

void TestPostgres::silentHostTimesOut()
{
    // A listener that accepts TCP but never speaks: the connect timeout (2 s here) must end the wait.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    auto ws = workspaceWith(sourceJson(QStringLiteral("analytics"), silent.serverPort()));
    QElapsedTimer timer;
    timer.start();
    auto c = source::SourceConnection::open(ws.config().sources.value(QStringLiteral("dw")), ws);
    QVERIFY(!c.ok());
    QCOMPARE(c.error().kind, Error::Kind::Unreachable);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
}

void TestPostgres::syntaxErrorShowsTheWarehouseMessage()
{
    auto c = connect();
    workspace::ModelConfig m;
    m.name = QStringLiteral("bad");
    m.sql = QStringLiteral("selec * from crm.customers");
    m.primaryKey = {QStringLiteral("id")};
    auto p = model::previewModel(*c, m, 5);
    QVERIFY(!p.ok());
    QCOMPARE(p.error().kind, Error::Kind::Query);
    QVERIFY2(p.error().message.contains(QStringLiteral("syntax error at or near \"selec\"")), qPrintable(p.error().message));
    // The connection stays usable after a failed query.
    QVERIFY(c->scalar(QStringLiteral("SELECT 1")).ok());
}

void TestPostgres::cancelStopsAStream()
{
    auto c = connect();
    std::atomic_bool cancel{false};
    qint64 seen = 0;
    source::RowSink sink;
    sink.row = [&](const source::Row &) {
        if (++seen == 1000)
            cancel = true;
        return true;
    };
    auto r = c->stream(QStringLiteral("SELECT * FROM crm.big"), sink, &cancel);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Cancelled);
    QVERIFY(seen < 10000);
    QCOMPARE(c->scalar(QStringLiteral("SELECT 42"))->toInt(), 42);
}

void TestPostgres::millionRowStreamKeepsMemoryFlat()
{
    auto c = connect();
    const qint64 before = residentKb();
    qint64 rows = 0;
    qint64 peak = before;
    source::RowSink sink;
    sink.row = [&](const source::Row &r) {
        if (r.size() != 8)
            return false;
        if (++rows % 100000 == 0)
            peak = qMax(peak, residentKb());
        return true;
    };
    QVERIFY(c->stream(QStringLiteral("SELECT * FROM crm.big"), sink).ok());
    QCOMPARE(rows, 1000000);
    // The whole result would be hundreds of MB; streaming holds one row.
    QVERIFY2(peak - before < 64 * 1024, qPrintable(QStringLiteral("grew by %1 kB").arg(peak - before)));
}

void TestPostgres::cliPreviewAgainstPostgres()
{
    const QString ws = m_dir.filePath(QStringLiteral("cli"));
    QDir().mkpath(ws);
    QFile f(ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + sourceJson()
            + "}, \"models\": {\"big\": {\"source\": \"dw\", \"primary_key\": \"id\", \"sql\": \"select * from crm.big\"}}}");
    f.close();
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("preview"), QStringLiteral("big"), QStringLiteral("--workspace"), ws,
                                            QStringLiteral("--limit"), QStringLiteral("3"), QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray err = p.readAllStandardError();
    QCOMPARE(p.exitCode(), 0);
    const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(o.value(QStringLiteral("rows")).toArray().size(), 3);
    QCOMPARE(o.value(QStringLiteral("checks")).toObject().value(QStringLiteral("row_count")).toInt(), 1000000);
    QVERIFY(!err.contains(m_pg.password().toUtf8()));

    QProcess check;
    check.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("check"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    QVERIFY(check.waitForFinished(60000));
    QCOMPARE(check.exitCode(), 0);
}

// The local diff reads models through COPY TO STDOUT (a RowView sink asking
// for it); every value must equal what single-row mode gives, escapes and
// NULLs included, and so must a RowView over single-row mode.
void TestPostgres::copyStreamReadsWhatRowsRead()
{
    const QString sql = QStringLiteral(
        "SELECT g AS id, CASE g % 9 WHEN 0 THEN NULL WHEN 1 THEN E'tab\\there' WHEN 2 THEN E'line\\nbreak\\r' WHEN 3 THEN E'back\\\\slash' "
        "WHEN 4 THEN '\\N' WHEN 5 THEN 'N' WHEN 6 THEN '' WHEN 7 THEN E'\\b\\f\\v\\x01 caf\u00e9 \U0001F600' ELSE E'plain text, more than eight bytes\\\\then caf\u00e9, and\ta tab' END AS t, "
        "CASE WHEN g % 4 = 0 THEN NULL ELSE g * 1.25 END AS n, timestamptz '2026-01-01 00:00:00+00' + g * interval '1.5 second' AS ts, "
        "g % 2 = 0 AS b, decode('00ff' || lpad(to_hex(g), 4, '0'), 'hex') AS raw, jsonb_build_object('g', g, 's', E'a\\tb') AS j, "
        "ARRAY[g, NULL] AS arr, 1e300::float8 * g AS f FROM generate_series(1, 200) g");
    auto c = connect();
    QList<source::Row> rows;
    source::RowSink rowSink;
    rowSink.row = [&](const source::Row &r) {
        rows.append(r);
        return true;
    };
    QVERIFY(c->stream(sql, rowSink));
    QList<source::Row> viewed;
    QList<source::Column> columns;
    source::RowSink viewSink;
    viewSink.copy = true;
    viewSink.columns = [&](const QList<source::Column> &cs) { columns = cs; };
    bool claimedAscii = false;
    viewSink.view = [&](const source::RowView &v) {
        for (int i = 0; v.hasText() && i < v.size(); ++i) {
            const source::TextValue t = v.raw(i);
            if (!t.ascii)
                continue;
            claimedAscii = true;
            for (int b = 0; b < t.size; ++b)
                if (static_cast<unsigned char>(t.data[b]) >= 0x80)
                    qFatal("column %d claims ASCII but holds byte %d", i, int(static_cast<unsigned char>(t.data[b])));
        }
        source::Row r;
        for (int i = 0; i < v.size(); ++i)
            r.append(v.value(i));
        viewed.append(r);
        return true;
    };
    QVERIFY(c->stream(sql, viewSink));
    QCOMPARE(columns.size(), 9);
    QCOMPARE(viewed.size(), 200);
    QCOMPARE(viewed, rows);
    QCOMPARE(viewed[1][1].toString(), QStringLiteral("line\nbreak\r")); // g = 2
    QVERIFY(viewed[8][1].isNull());                                     // g = 9
    QCOMPARE(viewed[3][1].toString(), QStringLiteral("\\N"));           // g = 4: text, not NULL
    QCOMPARE(viewed[7][1].toString(), QStringLiteral("plain text, more than eight bytes\\then caf\u00e9, and\ta tab")); // g = 8
    QVERIFY(claimedAscii);
    // The same rows viewed from single-row mode.
    viewed.clear();
    viewSink.copy = false;
    QVERIFY(c->stream(sql, viewSink));
    QCOMPARE(viewed, rows);
    // Bad SQL through the COPY path reads as the warehouse's own message.
    viewSink.copy = true;
    const Result<void> bad = c->stream(QStringLiteral("select nope from crm.customers"), viewSink);
    QVERIFY(!bad);
    QVERIFY2(bad.error().message.contains(QStringLiteral("column \"nope\" does not exist")), qPrintable(bad.error().message));
}

// The warehouse diff's first run reads the model as it is and computes the
// source digest in Sluice; it must equal the warehouse's own, byte for byte
// and type by type, or every record would be read again on the next run.
void TestPostgres::sourceDigestMatchesTheWarehouse()
{
    auto c = connect();
    // hash_bytes_extended over every tail length, seeds below and above 2^32.
    for (const qint64 seed : {qint64(0), qint64(1), qint64(7), qint64(5000000000), qint64(-3)}) {
        QString text;
        for (int length = 0; length <= 40; ++length) {
            const QByteArray bytes = text.toUtf8();
            const qint64 server = c->scalar(QStringLiteral("SELECT hashtextextended(%1, %2)").arg(source::SourceConnection::quoteLiteral(text)).arg(seed))
                                      ->toLongLong();
            QCOMPARE(qint64(engine::pgHashBytes(bytes.constData(), int(bytes.size()), quint64(seed))), server);
            text.append(length % 7 == 3 ? QStringLiteral("\u00e9") : QString(QChar(u'a' + length % 26)));
        }
        for (const qint64 value : {qint64(0), qint64(1), qint64(-1), qint64(4294967296), std::numeric_limits<qint64>::min(),
                                   std::numeric_limits<qint64>::max(), qint64(-123456789012)})
            QCOMPARE(qint64(engine::pgHashInt8(value, quint64(seed))),
                     c->scalar(QStringLiteral("SELECT hashint8extended(%1, %2)").arg(value).arg(seed))->toLongLong());
    }

    // Whole rows, through the diff's own SQL: every type the digest reads
    // natively or as text, NULLs, and values Sluice's copy does not read.
    const QString model = QStringLiteral(
        "SELECT g AS id, CAST(g - 50 AS smallint) AS s, CASE WHEN g % 5 = 0 THEN NULL ELSE CAST(g AS bigint) * 2147483647 END AS i, "
        "CASE WHEN g = 7 THEN -9223372036854775808 ELSE -g END AS neg, g % 3 = 0 AS b, "
        "CASE WHEN g % 4 = 0 THEN NULL ELSE repeat(chr(97 + g % 26), g % 30) || CASE WHEN g % 6 = 0 THEN 'caf\u00e9' ELSE '' END END AS t, "
        "CAST('v' || g AS varchar(10)) AS v, CAST(repeat('c', g % 4) AS char(5)) AS ch, g * 1.250 AS n, g / 3.0 AS f8, "
        "CASE g WHEN 3 THEN timestamp '294276-12-31 23:59:59.999999' WHEN 4 THEN timestamp '0044-03-15 12:00:00 BC' WHEN 5 THEN timestamp 'infinity' "
        "ELSE timestamp '1969-12-31 23:59:59.5' + g * interval '37 days 1.000007 seconds' END AS ts, "
        "timestamptz '1999-12-31 23:00:00-05:30' + g * interval '3 hours' AS tz, "
        "CAST(md5(CAST(g AS text)) AS uuid) AS u, date '2026-01-01' + g AS d, jsonb_build_object('g', g) AS j "
        "FROM generate_series(1, 120) g");
    Result<QList<source::Column>> columns = c->describe(model);
    QVERIFY(columns.ok());
    QHash<QString, QString> types;
    QStringList used;
    for (const source::Column &column : columns.value()) {
        types.insert(column.name, column.nativeType);
        if (column.name != QLatin1String("id"))
            used.append(column.name);
    }
    const workspace::Workspace ws = workspaceWith(sourceJson());
    auto writable = source::SourceConnection::open(ws.config().sources.value(QStringLiteral("dw")), ws, source::SourceConnection::Access::ReadWrite);
    QVERIFY(writable.ok());
    const std::unique_ptr<engine::WarehouseDialect> dialect = engine::WarehouseDialect::of(QStringLiteral("postgres"));
    engine::WarehouseDiff diff(*writable.value(), *dialect, QStringLiteral("digest_check"), {QStringLiteral("id")}, used, {}, types);
    QVERIFY(diff.ensureStateTable().ok());
    QCOMPARE(diff.stateIsEmpty().value(), true);
    const std::optional<engine::SourceDigest> digest = diff.sourceDigest(columns.value());
    QVERIFY(digest);
    const int extras = int(columns->size());
    int rows = 0, unread = 0;
    source::RowSink sink;
    sink.view = [&](const source::RowView &row) {
        ++rows;
        const std::optional<qint64> mine = digest->of(row);
        if (!mine) {
            ++unread;
            return true;
        }
        if (*mine != row.integer(extras))
            qWarning("row %s: Sluice %lld, warehouse %s", qPrintable(row.text(0)), *mine, qPrintable(row.text(extras)));
        return *mine == row.integer(extras);
    };
    const Result<void> streamed = writable.value()->stream(diff.candidatesSql(model, true, false), sink);
    QVERIFY2(streamed.ok(), streamed.ok() ? "" : qPrintable(streamed.error().message));
    QCOMPARE(rows, 120);
    QCOMPARE(unread, 2); // the BC timestamp and infinity: read again next time, by the warehouse
}

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
