// Issue #10's regressions, driven as an operator's scripts drive Sluice: the
// real binary, the demo warehouse (200 rows) and loopback sinks that answer
// the way careless or hostile servers do. This file: HTTP delivery, the
// shape of sluice.json, files, check, --json and keys. Each test names the item it guards.
#include "hardening_fixture.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace sluice;
using test::counts;
using test::kRows;

class TestHardening final : public test::HardeningFixture
{
    Q_OBJECT

private slots:
    void init() { setUpWorkspace(); }
    void cleanup() { tearDownWorkspace(); }
    void redirectsAreNeverDeliveries_data();
    void redirectsAreNeverDeliveries();
    void credentialsNeverFollowARedirect();
    void refusedCredentialsFailTheRunWithoutRejectingRecords();
    void retryAfterBeyondTheCeilingEndsTheRunHonestly();
    void retryAfterAsAnHttpDateIsHonoured();
    void timeoutBoundsTheWholeRequest();
    void csvRoundTripsEveryCharacter();
    void twoSyncsIntoOneFileLoseNothing();
    void checkCompilesWhatARunNeeds();
    void jsonAlwaysPrintsOneDocument();
    void rejectionsNameUnknownRunsAndUnrunSyncs();
    void compositeKeysNeverCollide();
};

void TestHardening::redirectsAreNeverDeliveries_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("301") << 301;
    QTest::newRow("302") << 302;
    QTest::newRow("303") << 303;
    QTest::newRow("307") << 307;
    QTest::newRow("308") << 308;
}

void TestHardening::redirectsAreNeverDeliveries()
{
    QFETCH(int, status);
    test::WebhookSink elsewhere;
    m_sink->failNextWith(1000, status, {{"Location", elsewhere.url().toUtf8()}});
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 0);
    QVERIFY2(r.err.contains("redirect"), r.err.constData());
    QCOMPARE(elsewhere.requests(), 0);
    for (const test::WebhookSink::Received &seen : m_sink->received())
        QCOMPARE(seen.method, QByteArray("POST"));
    // Nothing was marked delivered: the next run sends all of it.
    m_sink->clearFaults();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), kRows);
    QCOMPARE(m_sink->records().size(), kRows);
}

// #10.2: a secret header never reaches another origin.
void TestHardening::credentialsNeverFollowARedirect()
{
    test::WebhookSink elsewhere;
    const QString otherOrigin = QStringLiteral("http://localhost:%1/ingest").arg(elsewhere.port());
    m_sink->failNextWith(1000, 307, {{"Location", otherOrigin.toUtf8()}});
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(elsewhere.requests(), 0);
    QVERIFY(!r.err.contains("hardening-s3cr3t"));
    QVERIFY(!QJsonDocument(r.json).toJson().contains("hardening-s3cr3t"));
    // The origin that was configured did get it, so the header was really sent.
    QVERIFY(!m_sink->received().isEmpty());
    QCOMPARE(m_sink->received().first().headers.value("authorization"), QByteArray("Bearer hardening-s3cr3t"));
}

// #10.11: 401 fails the run as refused credentials after a handful of requests.
void TestHardening::refusedCredentialsFailTheRunWithoutRejectingRecords()
{
    m_sink->failNext(1000, 401);
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
    QVERIFY(r.json.value(QStringLiteral("rejections")).toArray().isEmpty());
    QVERIFY2(m_sink->requests() <= 2, qPrintable(QString::number(m_sink->requests()))); // concurrency 2
    const QString message = r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("destination hook")) && message.contains(QStringLiteral("refused the credentials")), qPrintable(message));
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("rejections")).toArray().size(), 0);
    m_sink->clearFaults();
    m_sink->failNext(1000, 403);
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QCOMPARE(counts(r.json).value(QStringLiteral("rejected")).toInt(), 0);
}

// #10.10: a day-long Retry-After does not hold the run (and its lock) for a day.
void TestHardening::retryAfterBeyondTheCeilingEndsTheRunHonestly()
{
    m_sink->failNext(1, 429, 86400);
    QElapsedTimer clock;
    clock.start();
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(clock.elapsed() < 60000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(r.code, 1);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    const QString message = r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(QStringLiteral("destination hook")) && message.contains(QStringLiteral("86400 s")), qPrintable(message));
    const int delivered = counts(r.json).value(QStringLiteral("delivered")).toInt();
    QVERIFY(delivered < kRows);
    QCOMPARE(m_sink->records().size(), delivered); // what it reports delivered, arrived
    m_sink->clearFaults();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), kRows - delivered);
    QCOMPARE(m_sink->records().size(), kRows);
}

// #10.10: Retry-After as an HTTP date is a wait, not "retry in 0.1 s".
void TestHardening::retryAfterAsAnHttpDateIsHonoured()
{
    writeHookConfig(m_sink->url(), {{QStringLiteral("concurrency"), 1}, {QStringLiteral("batch_size"), 500}});
    const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(3);
    const QByteArray date = QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    m_sink->failNextWith(1, 503, {{"Retry-After", date}});
    QElapsedTimer clock;
    clock.start();
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(m_sink->requests(), 2);
    QVERIFY2(clock.elapsed() >= 1500, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(m_sink->records().size(), kRows);
}

// #10.12: timeout_s bounds a request that trickles its answer.
void TestHardening::timeoutBoundsTheWholeRequest()
{
    writeHookConfig(m_sink->url(), {{QStringLiteral("concurrency"), 1}, {QStringLiteral("batch_size"), 500}, {QStringLiteral("max_attempts"), 2}});
    m_sink->trickleNext(5, 300); // a 13-byte answer over ~4 s, against timeout_s 2
    QElapsedTimer clock;
    clock.start();
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(clock.elapsed() < 9000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("within 2 s")), r.err.constData());
}

// #10.4: RFC 4180 both ways, through several runs.
void TestHardening::csvRoundTripsEveryCharacter()
{
    writeConfig(fileConfig(QStringLiteral("csv"), QStringLiteral("out/c.csv")));
    const QHash<QString, QString> tricky{{QStringLiteral("1"), QStringLiteral("two\nlines")},
                                        {QStringLiteral("2"), QStringLiteral("carriage\rreturn")},
                                        {QStringLiteral("3"), QStringLiteral("say \"hi\", then go")},
                                        {QStringLiteral("4"), QStringLiteral("Zoë, 日本, 😀")},
                                        {QStringLiteral("5"), QStringLiteral("crlf\r\nend ")}};
    for (auto it = tricky.begin(); it != tricky.end(); ++it) {
        QString value = it.value();
        QVERIFY(sql(QStringLiteral("update users set first_name = '%1' where user_id = %2").arg(value.replace(QLatin1Char('\''), QStringLiteral("''")), it.key())));
    }
    auto fileRows = [&] {
        QFile f(m_ws + QStringLiteral("/out/c.csv"));
        f.open(QIODevice::ReadOnly);
        const QByteArray bytes = f.readAll();
        // Read the way a spreadsheet reads it: quoted cells may hold line breaks.
        QHash<QString, QString> names;
        QList<QStringList> rows;
        QStringList row;
        QString cell;
        bool quoted = false;
        const QString text = QString::fromUtf8(bytes);
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text[i];
            if (quoted && c == QLatin1Char('"') && (i + 1 < text.size() ? text[i + 1] : QChar()) == QLatin1Char('"')) { cell += c; ++i; }
            else if (c == QLatin1Char('"')) quoted = !quoted;
            else if (!quoted && c == QLatin1Char(',')) { row.append(cell); cell.clear(); }
            else if (!quoted && c == QLatin1Char('\r') && (i + 1 < text.size() ? text[i + 1] : QChar()) == QLatin1Char('\n')) { }
            else if (!quoted && c == QLatin1Char('\n')) { row.append(cell); rows.append(row); row.clear(); cell.clear(); }
            else cell += c;
        }
        const QStringList header = rows.value(0);
        for (qsizetype r = 1; r < rows.size(); ++r)
            names.insert(rows[r].value(0), rows[r].value(header.indexOf(QStringLiteral("first_name"))));
        return names;
    };
    for (int round = 0; round < 3; ++round) {
        const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), round == 0 ? kRows : 0);
        const QHash<QString, QString> names = fileRows();
        QCOMPARE(names.size(), kRows);
        for (auto it = tricky.begin(); it != tricky.end(); ++it)
            QCOMPARE(names.value(it.key()), it.value());
    }
    QVERIFY(sql(QStringLiteral("update users set first_name = 'plain' where user_id = 3")));
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(counts(r.json).value(QStringLiteral("changed")).toInt(), 1);
    QCOMPARE(counts(r.json).value(QStringLiteral("unchanged")).toInt(), kRows - 1);
    const QHash<QString, QString> names = fileRows();
    QCOMPARE(names.size(), kRows);
    QCOMPARE(names.value(QStringLiteral("3")), QStringLiteral("plain"));
    QCOMPARE(names.value(QStringLiteral("1")), tricky.value(QStringLiteral("1")));
}

// #10.5: two syncs writing one file at once never lose each other's records.
void TestHardening::twoSyncsIntoOneFileLoseNothing()
{
    QJsonObject config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/shared.jsonl"));
    QJsonObject models = config.value(QStringLiteral("models")).toObject();
    QJsonObject syncs;
    for (const char *half : {"even", "odd"}) {
        QJsonObject model = models.value(QStringLiteral("customers")).toObject();
        model.insert(QStringLiteral("sql"), QStringLiteral("select customer_id, email, first_name from customer_360 where customer_id % 2 = %1")
                                                .arg(qstrcmp(half, "even") == 0 ? 0 : 1));
        models.insert(QString::fromLatin1(half), model);
        QJsonObject sync = config.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("to_file")).toObject();
        sync.insert(QStringLiteral("model"), QString::fromLatin1(half));
        sync.insert(QStringLiteral("mode"), QStringLiteral("upsert"));
        syncs.insert(QStringLiteral("to_file_") + QString::fromLatin1(half), sync);
    }
    config.insert(QStringLiteral("models"), models);
    config.insert(QStringLiteral("syncs"), syncs);
    writeConfig(config);
    for (int round = 0; round < 4; ++round) {
        QVERIFY(sql(QStringLiteral("update users set first_name = 'round%1-' || user_id").arg(round)));
        QProcess a, b;
        a.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_file_even"), QStringLiteral("--workspace"), m_ws});
        b.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_file_odd"), QStringLiteral("--workspace"), m_ws});
        QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
        QCOMPARE(a.exitCode(), 0);
        QCOMPARE(b.exitCode(), 0);
        QFile f(m_ws + QStringLiteral("/out/shared.jsonl"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QHash<QString, QString> names;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.isEmpty()) {
                const QJsonObject o = QJsonDocument::fromJson(line).object();
                names.insert(o.value(QStringLiteral("key")).toString(), o.value(QStringLiteral("fields")).toObject().value(QStringLiteral("first_name")).toString());
            }
        QCOMPARE(names.size(), kRows);
        for (auto it = names.begin(); it != names.end(); ++it)
            QCOMPARE(it.value(), QStringLiteral("round%1-%2").arg(round).arg(it.key()));
    }
}

// #10.17 and #11: check fails on what a run would fail on.
void TestHardening::checkCompilesWhatARunNeeds()
{
    // A mapped column the model does not have.
    QJsonObject config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/a.jsonl"));
    QJsonObject syncs = config.value(QStringLiteral("syncs")).toObject();
    QJsonObject sync = syncs.value(QStringLiteral("to_file")).toObject();
    QJsonArray fields = sync.value(QStringLiteral("fields")).toArray();
    fields.append(QJsonObject{{QStringLiteral("source"), QStringLiteral("nickname")}, {QStringLiteral("destination"), QStringLiteral("nick")}});
    sync.insert(QStringLiteral("fields"), fields);
    syncs.insert(QStringLiteral("to_file"), sync);
    config.insert(QStringLiteral("syncs"), syncs);
    writeConfig(config);
    Run r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("sync to_file: model customers: column nickname not found"), r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("object")).toString(), QStringLiteral("model customers"));

    // A connector this build does not have: every type DESIGN.md names is
    // built now, so a type it does not name.
    config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/a.jsonl"));
    QJsonObject destinations = config.value(QStringLiteral("destinations")).toObject();
    destinations.insert(QStringLiteral("crm"), QJsonObject{{QStringLiteral("type"), QStringLiteral("marketo")}, {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), QStringLiteral("HOOK_TOKEN")}}}});
    config.insert(QStringLiteral("destinations"), destinations);
    writeConfig(config);
    r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("crm") && r.err.contains("unknown destination type \"marketo\""), r.err.constData());

    // A webhook URL that is not http(s) is a configuration error everywhere.
    writeHookConfig(QStringLiteral("ftp://127.0.0.1/ingest"));
    r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("\"url\" must be an http:// or https:// URL"), r.err.constData());

    // An SQLite destination in a folder that does not exist yet: created, as for files.
    config = fileConfig(QStringLiteral("sqlite"), QStringLiteral("not/yet/there.db"));
    sync = config.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("to_file")).toObject();
    sync.insert(QStringLiteral("object"), QStringLiteral("customers"));
    destinations = config.value(QStringLiteral("destinations")).toObject();
    QJsonObject table = destinations.value(QStringLiteral("file")).toObject();
    table.insert(QStringLiteral("create_table"), true);
    destinations.insert(QStringLiteral("file"), table);
    config.insert(QStringLiteral("destinations"), destinations);
    config.insert(QStringLiteral("syncs"), QJsonObject{{QStringLiteral("to_file"), sync}});
    writeConfig(config);
    r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), kRows);
}

// #10.17: --json prints one document, also when the verb fails.
void TestHardening::jsonAlwaysPrintsOneDocument()
{
    qunsetenv("HOOK_TOKEN");
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("HOOK_TOKEN")),
             r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("object")).toString(), QStringLiteral("destination hook"));
    r = sluice({QStringLiteral("run"), QStringLiteral("nope"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
    r = sluice({QStringLiteral("plan"), QStringLiteral("to_hook"), QStringLiteral("--bogus"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
    QFile broken(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("{\"version\": 1, \"syncs\": 3}");
    broken.close();
    r = sluice({QStringLiteral("runs"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("sluice.json:1:")),
             r.err.constData());
}

// #10.17: an unknown run and a sync that never ran are said as such.
void TestHardening::rejectionsNameUnknownRunsAndUnrunSyncs()
{
    Run r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains("has not run yet"), r.err.constData());
    QVERIFY(r.json.value(QStringLiteral("last_run")).isNull());
    QVERIFY(r.json.value(QStringLiteral("rejections")).toArray().isEmpty());
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code == 0);
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--run"), QStringLiteral("BOGUS"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("no run BOGUS"), r.err.constData());
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
}

// #10.3: two rows never share one key silently.
void TestHardening::compositeKeysNeverCollide()
{
    QJsonObject config, model;
    for (const QString &diff : {QStringLiteral("local"), QStringLiteral("warehouse")}) {
    QDir(m_ws + QStringLiteral("/.sluice")).removeRecursively(); // a sync of its own each time
    config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/k-") + diff + QStringLiteral(".jsonl"), {{QStringLiteral("diff"), diff}});
    model = QJsonObject{{QStringLiteral("source"), QStringLiteral("demo")},
                      {QStringLiteral("primary_key"), QJsonArray{QStringLiteral("k1"), QStringLiteral("k2")}},
                      {QStringLiteral("sql"), QStringLiteral("select 'x|y' as k1, 'z' as k2, 'a@example.com' as email, 'A' as first_name "
                                                             "union all select 'x', 'y|z', 'b@example.com', 'B' "
                                                             "union all select 'x\\', '|z', 'c@example.com', 'C'")}};
    config.insert(QStringLiteral("models"), QJsonObject{{QStringLiteral("customers"), model}});
    writeConfig(config);
    Run r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 3);
    QFile f(m_ws + QStringLiteral("/out/k-") + diff + QStringLiteral(".jsonl"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QSet<QString> keys;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.isEmpty())
            keys.insert(QJsonDocument::fromJson(line).object().value(QStringLiteral("key")).toString());
    QCOMPARE(keys, (QSet<QString>{QStringLiteral("x\\|y|z"), QStringLiteral("x|y\\|z"), QStringLiteral("x\\\\|\\|z")}));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(counts(r.json).value(QStringLiteral("unchanged")).toInt(), 3);
    QCOMPARE(counts(r.json).value(QStringLiteral("delivered")).toInt(), 0);
    }

    // In SQLite 1 and '1' are two values, but one key: refused, nothing sent.
    model.insert(QStringLiteral("primary_key"), QStringLiteral("id"));
    model.insert(QStringLiteral("sql"), QStringLiteral("select 1 as id, 'a@example.com' as email, 'A' as first_name "
                                                       "union all select '1', 'b@example.com', 'B'"));
    config.insert(QStringLiteral("models"), QJsonObject{{QStringLiteral("customers"), model}});
    QJsonObject destinations{{QStringLiteral("file"), QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")}, {QStringLiteral("path"), QStringLiteral("out/one.jsonl")}}}};
    config.insert(QStringLiteral("destinations"), destinations);
    writeConfig(config);
    Run r = sluice({QStringLiteral("check"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("occur more than once"), r.err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY(!QFile::exists(m_ws + QStringLiteral("/out/one.jsonl")));
}

// #10.13: two first runs on a workspace without a state database.

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
