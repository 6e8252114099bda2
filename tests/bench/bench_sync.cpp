// Benchmarks of the sync engine (issue #3), each measured side by side in one
// run on this machine:
//   delivery  1M records to the loopback webhook sink, batches of 1,000: no
//             limit, then under a limit the sink enforces (429 beyond it)
//   plan      a 1M-row PostgreSQL model, both diffs: first run and a second
//             run after 1% changed, 0.1% deleted, 0.1% added; each plan timed
//             five times right after a psql copy: medians and their ratio
//   e2e       `sluice run` of a 10k- and a 100k-row PostgreSQL model into a
//             postgres table on the same server, then after 1% changed
//
//   plan-local, plan-warehouse   one strategy of `plan`
//   plan10m   the first plan of a 10M-row model (peak memory at scale)
//   table1m   a first `sluice run` of a 1M-row PostgreSQL model into a new
//             postgres table, three times, each right after the floor: psql
//             \copy out of the model piped into psql \copy into a table of
//             the same columns and key; medians and their ratio (target 3x)
//
//   build/release/tests/bench/bench_sync [delivery|plan|e2e|all|plan10m|table1m]
#include "destination/webhook_destination.h"
#include "engine/sync_engine.h"
#include "postgres_server.h"
#include "store/state_store.h"
#include "webhook_sink.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>

using namespace sluice;

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_sync: %s\n", qPrintable(message));
    std::exit(1);
}

struct ChildRun
{
    double ms = 0;
    double peakMb = 0;
    QJsonObject json;
    QByteArray err;
};

// Runs `sluice ARGS`; wait4() gives the child's own peak RSS.
ChildRun runSluice(const QStringList &args)
{
    QProcess p;
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(SLUICE_BINARY), args);
    p.waitForStarted();
    int status = 0;
    rusage usage{};
    ::wait4(pid_t(p.processId()), &status, 0, &usage);
    ChildRun r;
    r.ms = t.elapsed();
    p.waitForFinished(1000);
    r.peakMb = usage.ru_maxrss / 1024.0;
    r.json = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    r.err = p.readAllStandardError();
    return r;
}

void benchDelivery()
{
    const int total = 1'000'000;
    QList<destination::Operation> ops;
    ops.reserve(total);
    for (int i = 0; i < total; ++i)
        ops.append(destination::Operation::make(QString::number(i), destination::OpKind::Upsert,
                                                QJsonObject{{QStringLiteral("email"), QStringLiteral("user%1@example.com").arg(i)},
                                                            {QStringLiteral("ltv"), i % 1000 / 7.0},
                                                            {QStringLiteral("stage"), QStringLiteral("repeat")}}));
    auto deliver = [&](test::WebhookSink &sink, const QJsonObject &config, const QList<destination::Operation> &list) {
        destination::WebhookDestination hook(QStringLiteral("sink"), QUrl(sink.url()), {}, destination::HttpSettings::from(config));
        destination::DeliveryContext context;
        context.sync = QStringLiteral("bench");
        context.runId = QStringLiteral("bench-run");
        qint64 accepted = 0;
        context.settled = [&](const QList<destination::Operation> &, const QList<destination::Outcome> &outcomes) {
            for (const destination::Outcome &o : outcomes)
                accepted += o.accepted;
        };
        QElapsedTimer t;
        t.start();
        if (auto r = hook.deliver(list, context); !r.ok())
            die(r.error().message);
        return std::make_pair(t.elapsed(), accepted);
    };
    {
        test::WebhookSink sink;
        const auto [ms, accepted] = deliver(sink, QJsonObject{{QStringLiteral("batch_size"), 1000}, {QStringLiteral("concurrency"), 4}}, ops);
        const auto deliveries = sink.deliveries();
        bool once = deliveries.size() == total;
        for (auto it = deliveries.begin(); once && it != deliveries.end(); ++it)
            once = it.value() == 1;
        std::printf("delivery, no limit: %d records in %lld ms = %.0f records/s; accepted %lld; every record exactly once: %s\n",
                    total, ms, total * 1000.0 / ms, accepted, once ? "yes" : "NO");
    }
    {
        // The sink allows 50 requests/s and answers 429 beyond; Sluice is told the same limit.
        const int limit = 50;
        const QList<destination::Operation> &part = ops;
        test::WebhookSink sink;
        sink.enforceRateLimit(limit);
        const auto [ms, accepted] = deliver(sink, QJsonObject{{QStringLiteral("batch_size"), 1000}, {QStringLiteral("concurrency"), 4},
                                                              {QStringLiteral("rate_limit"), QJsonObject{{QStringLiteral("requests"), limit}, {QStringLiteral("per_seconds"), 1}}}},
                                            part);
        const int batches = int(part.size() / 1000);
        const double achieved = batches * 1000.0 / ms;
        const auto deliveries = sink.deliveries();
        bool once = deliveries.size() == part.size();
        for (auto it = deliveries.begin(); once && it != deliveries.end(); ++it)
            once = it.value() == 1;
        std::printf("delivery, sink-enforced limit %d req/s: %d batches in %lld ms = %.2f req/s (%.1f%% of the limit); "
                    "requests answered 429: %d; every record exactly once: %s\n",
                    limit, batches, ms, achieved, achieved * 100.0 / limit, sink.requests() - batches, once ? "yes" : "NO");
    }
}

struct Pg
{
    test::PostgresServer server;
    void start()
    {
        QString error;
        if (!server.start(&error))
            die(error);
        qputenv("BENCH_PG_PW", server.password().toUtf8());
    }
    void sql(const QString &database, const QString &statement)
    {
        QString error;
        if (!server.psql(database, statement, &error))
            die(error);
    }
    // psql \copy of `query` piped into psql \copy into `table`, one process each.
    double pipedCopyMs(const QString &database, const QString &query, const QString &table)
    {
        QProcess out, in;
        out.setEnvironment(server.psqlEnvironment());
        in.setEnvironment(server.psqlEnvironment());
        out.setStandardOutputProcess(&in);
        QElapsedTimer t;
        t.start();
        out.start(server.psqlPath(), {QStringLiteral("-d"), database, QStringLiteral("-qc"), QStringLiteral("\\copy (%1) to stdout").arg(query)});
        in.start(server.psqlPath(), {QStringLiteral("-d"), database, QStringLiteral("-qc"), QStringLiteral("\\copy %1 from stdin").arg(table)});
        out.waitForFinished(-1);
        in.waitForFinished(-1);
        if (out.exitCode() != 0 || in.exitCode() != 0)
            die(QString::fromUtf8(out.readAllStandardError() + in.readAllStandardError()));
        return t.elapsed();
    }
    double copyMs(const QString &database, const QString &query)
    {
        QProcess psql;
        psql.setEnvironment(server.psqlEnvironment());
        QElapsedTimer t;
        t.start();
        psql.start(server.psqlPath(), {QStringLiteral("-d"), database, QStringLiteral("-c"), QStringLiteral("\\copy (%1) to '/dev/null'").arg(query)});
        psql.waitForFinished(-1);
        return t.elapsed();
    }
    QByteArray source(const QString &database) const
    {
        return QStringLiteral(R"({"driver": "postgres", "host": "127.0.0.1", "port": %1, "database": "%2", "user": "postgres",
            "password": {"env": "BENCH_PG_PW"}})").arg(server.port()).arg(database).toUtf8();
    }
};

const char *createModel = "CREATE TABLE customers AS SELECT g AS customer_id, 'user' || g || '@example.com' AS email, "
                          "'First' || (g % 997) AS first_name, ((g % 100000)::numeric / 7)::numeric(12,2) AS ltv, "
                          "timestamptz '2026-01-01' + (g || ' seconds')::interval AS updated_at, g % 3 = 0 AS consent, "
                          "(g % 5) AS segment, md5(g::text) AS note FROM generate_series(1, %1) g; "
                          "ALTER TABLE customers ADD PRIMARY KEY (customer_id);";

const char *fields = R"([{"source": "email", "destination": "email", "transform": ["email"]},
    {"source": "first_name", "destination": "first_name"}, {"source": "ltv", "destination": "ltv"},
    {"source": "updated_at", "destination": "updated_at"}, {"source": "consent", "destination": "consent"},
    {"source": "segment", "destination": "segment"}, {"source": "note", "destination": "note"}])";

void benchPlan(Pg &pg, const QString &diff, int rows = 1'000'000, bool firstRunOnly = false)
{
    pg.sql(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS plan"));
    pg.sql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE plan"));
    pg.sql(QStringLiteral("plan"), QString::fromLatin1(createModel).arg(rows));
    pg.sql(QStringLiteral("plan"), QStringLiteral("VACUUM ANALYZE customers"));
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("sluice.json")));
    f.open(QIODevice::WriteOnly);
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + pg.source(QStringLiteral("plan")) + "}, \"destinations\": {\"out\": {\"type\": \"jsonl\", \"path\": \"out.jsonl\"}},"
            " \"models\": {\"customers\": {\"source\": \"dw\", \"primary_key\": \"customer_id\", \"sql\": \"select * from customers\"}},"
            " \"syncs\": {\"s\": {\"model\": \"customers\", \"destination\": \"out\", \"mode\": \"mirror\", \"diff\": \"" + diff.toUtf8()
            + "\", \"fields\": " + QByteArray(fields) + "}}}");
    f.close();
    const QString query = QStringLiteral("select * from customers");

    // A plan changes nothing, so it is timed five times, each right after a
    // psql copy of the same query: the medians of both, and their ratio.
    auto plan = [&](const char *label) {
        QList<double> copies, plans;
        ChildRun r;
        for (int i = 0; i < (rows > 1'000'000 ? 1 : 5); ++i) {
            copies.append(pg.copyMs(QStringLiteral("plan"), query));
            r = runSluice({QStringLiteral("plan"), QStringLiteral("s"), QStringLiteral("--workspace"), dir.path(), QStringLiteral("--json")});
            if (r.json.value(QStringLiteral("status")).toString() != QLatin1String("planned"))
                die(QString::fromUtf8(r.err));
            plans.append(r.ms);
        }
        auto median = [](QList<double> v) {
            std::sort(v.begin(), v.end());
            return v[v.size() / 2];
        };
        const double copy = median(copies), ms = median(plans);
        const QJsonObject c = r.json.value(QStringLiteral("counts")).toObject();
        std::printf("plan (%s diff), %s: median %.0f ms of %d; psql copy median %.0f ms; ratio %.2f; +%d ~%d -%d =%d; peak RSS %.0f MB (%s)\n", qPrintable(diff),
                    label, ms, int(plans.size()), copy, ms / copy, c.value(QStringLiteral("added")).toInt(), c.value(QStringLiteral("changed")).toInt(),
                    c.value(QStringLiteral("removed")).toInt(), c.value(QStringLiteral("unchanged")).toInt(), r.peakMb,
                    QJsonDocument(r.json.value(QStringLiteral("timings")).toObject()).toJson(QJsonDocument::Compact).constData());
    };
    plan("first run, all added");
    if (firstRunOnly)
        return;
    {
        // Deliver everything (to a jsonl file) so the second plan diffs against it. A child
        // process, so that this one stays small: a forked child inherits its parent's peak RSS.
        const ChildRun seed = runSluice({QStringLiteral("run"), QStringLiteral("s"), QStringLiteral("--workspace"), dir.path(), QStringLiteral("--json")});
        std::printf("(seeding run: %.0f ms, peak RSS %.0f MB, delivered %d)\n", seed.ms, seed.peakMb,
                    seed.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt());
    }
    pg.sql(QStringLiteral("plan"), QStringLiteral("UPDATE customers SET first_name = first_name || 'x' WHERE customer_id % 100 = 7; "
                                                  "DELETE FROM customers WHERE customer_id % 1000 = 3; "
                                                  "INSERT INTO customers SELECT g, 'n' || g || '@example.com', 'New', 1.5, now(), true, 1, 'n' "
                                                  "FROM generate_series(%1, %2) g;").arg(rows + 1).arg(rows + rows / 1000));
    plan("second run, 1% changed, 0.1% deleted, 0.1% added");
}

void benchEndToEnd(Pg &pg)
{
    for (const int rows : {10'000, 100'000}) {
        const QString db = QStringLiteral("e2e%1").arg(rows);
        pg.sql(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS %1").arg(db));
        pg.sql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(db));
        pg.sql(db, QString::fromLatin1(createModel).arg(rows));
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("sluice.json")));
        f.open(QIODevice::WriteOnly);
        f.write("{\"version\": 1, \"sources\": {\"dw\": " + pg.source(db) + "},"
                " \"destinations\": {\"app\": {\"type\": \"postgres\", \"host\": \"127.0.0.1\", \"port\": " + QByteArray::number(pg.server.port())
                + ", \"database\": \"" + db.toUtf8() + "\", \"user\": \"postgres\", \"password\": {\"env\": \"BENCH_PG_PW\"}, \"create_table\": true}},"
                " \"models\": {\"customers\": {\"source\": \"dw\", \"primary_key\": \"customer_id\", \"sql\": \"select * from customers\"}},"
                " \"syncs\": {\"s\": {\"model\": \"customers\", \"destination\": \"app\", \"object\": \"contacts\", \"mode\": \"upsert\", \"fields\": "
                + QByteArray(fields) + "}}}");
        f.close();
        auto run = [&](const char *label, qint64 expected) {
            const ChildRun r = runSluice({QStringLiteral("run"), QStringLiteral("s"), QStringLiteral("--workspace"), dir.path(), QStringLiteral("--json")});
            const qint64 delivered = r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInteger();
            if (delivered != expected)
                die(QStringLiteral("%1: delivered %2, expected %3: %4").arg(QString::fromLatin1(label)).arg(delivered).arg(expected).arg(QString::fromUtf8(r.err)));
            std::printf("e2e %d rows, %s: %.2f s until the last row is committed; %.0f rows/s; peak RSS %.0f MB (%s)\n", rows, label, r.ms / 1000.0,
                        delivered * 1000.0 / r.ms, r.peakMb,
                        QJsonDocument(r.json.value(QStringLiteral("timings")).toObject()).toJson(QJsonDocument::Compact).constData());
        };
        run("first run", rows);
        pg.sql(db, QStringLiteral("UPDATE customers SET first_name = 'Changed' WHERE customer_id % 100 = 1"));
        run("after 1% changed", rows / 100);
    }
}

// A first run of a 1M-row model into a new postgres table on the same
// server, against the floor of piping psql's \copy out into psql's \copy in.
void benchTable1m(Pg &pg, int rows)
{
    pg.sql(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS t1m"));
    pg.sql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE t1m"));
    pg.sql(QStringLiteral("t1m"), QString::fromLatin1(createModel).arg(rows));
    pg.sql(QStringLiteral("t1m"), QStringLiteral("VACUUM ANALYZE customers"));
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("sluice.json")));
    f.open(QIODevice::WriteOnly);
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + pg.source(QStringLiteral("t1m")) + "},"
            " \"destinations\": {\"app\": {\"type\": \"postgres\", \"host\": \"127.0.0.1\", \"port\": " + QByteArray::number(pg.server.port())
            + ", \"database\": \"t1m\", \"user\": \"postgres\", \"password\": {\"env\": \"BENCH_PG_PW\"}, \"create_table\": true}},"
            " \"models\": {\"customers\": {\"source\": \"dw\", \"primary_key\": \"customer_id\", \"sql\": \"select * from customers\"}},"
            " \"syncs\": {\"s\": {\"model\": \"customers\", \"destination\": \"app\", \"object\": \"contacts\", \"mode\": \"upsert\", \"fields\": "
            + QByteArray(fields) + "}}}");
    f.close();
    const QString floorTable = QStringLiteral("CREATE TABLE floor_copy (sluice_key text PRIMARY KEY, email text, first_name text, ltv numeric, "
                                              "updated_at timestamptz, consent boolean, segment integer, note text)");
    const QString query = QStringLiteral("select customer_id::text, email, first_name, ltv, updated_at, consent, segment, note from customers");
    QList<double> floors, runs;
    for (int i = 0; i < 3; ++i) {
        pg.sql(QStringLiteral("t1m"), QStringLiteral("DROP TABLE IF EXISTS floor_copy; DROP TABLE IF EXISTS contacts; ") + floorTable);
        QDir(dir.filePath(QStringLiteral(".sluice"))).removeRecursively(); // a first run each time
        floors.append(pg.pipedCopyMs(QStringLiteral("t1m"), query, QStringLiteral("floor_copy")));
        const ChildRun r = runSluice({QStringLiteral("run"), QStringLiteral("s"), QStringLiteral("--workspace"), dir.path(), QStringLiteral("--json")});
        const qint64 delivered = r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInteger();
        if (delivered != rows)
            die(QStringLiteral("delivered %1 of %2: %3").arg(delivered).arg(rows).arg(QString::fromUtf8(r.err)));
        runs.append(r.ms);
        std::printf("  piped psql copy %.0f ms; sluice run %.0f ms, peak RSS %.0f MB (%s)\n", floors.last(), r.ms, r.peakMb,
                    QJsonDocument(r.json.value(QStringLiteral("timings")).toObject()).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
    }
    std::sort(floors.begin(), floors.end());
    std::sort(runs.begin(), runs.end());
    std::printf("table %d rows, first run: median %.0f ms; piped psql copy median %.0f ms; ratio %.2f\n", rows, runs[1], floors[1], runs[1] / floors[1]);
}

// Memory at scale for a run: a first run of a 10M-row model into a webhook,
// a postgres table and a jsonl file, each in its own `sluice` process.
void benchRun10m(Pg &pg, int rows, const QStringList &only)
{
    pg.sql(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS big"));
    pg.sql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE big"));
    pg.sql(QStringLiteral("big"), QString::fromLatin1(createModel).arg(rows));
    pg.sql(QStringLiteral("big"), QStringLiteral("VACUUM ANALYZE customers"));
    test::WebhookSink sink;
    sink.countOnly();
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("sluice.json")));
    f.open(QIODevice::WriteOnly);
    const QByteArray sync = ", \"model\": \"customers\", \"mode\": \"upsert\", \"fields\": " + QByteArray(fields) + "}";
    f.write("{\"version\": 1, \"sources\": {\"dw\": " + pg.source(QStringLiteral("big")) + "},"
            " \"destinations\": {\"hook\": {\"type\": \"webhook\", \"url\": \"" + sink.url().toUtf8() + "\", \"batch_size\": 1000},"
            " \"app\": {\"type\": \"postgres\", \"host\": \"127.0.0.1\", \"port\": " + QByteArray::number(pg.server.port())
            + ", \"database\": \"big\", \"user\": \"postgres\", \"password\": {\"env\": \"BENCH_PG_PW\"}, \"create_table\": true},"
            " \"file\": {\"type\": \"jsonl\", \"path\": \"out.jsonl\"}},"
            " \"models\": {\"customers\": {\"source\": \"dw\", \"primary_key\": \"customer_id\", \"sql\": \"select * from customers\"}},"
            " \"syncs\": {\"to_hook\": {\"destination\": \"hook\"" + sync + ", \"to_table\": {\"destination\": \"app\", \"object\": \"big_copy\"" + sync
            + ", \"to_file\": {\"destination\": \"file\"" + sync + "}}");
    f.close();
    for (const char *name : {"to_hook", "to_table", "to_file"}) {
        if (!only.isEmpty() && !only.contains(QLatin1String(name)))
            continue;
        const ChildRun r = runSluice({QStringLiteral("run"), QString::fromLatin1(name), QStringLiteral("--workspace"), dir.path(), QStringLiteral("--json")});
        const qint64 delivered = r.json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInteger();
        std::printf("run %d rows, first run %s: %lld delivered in %.1f s (%.0f rows/s); peak RSS %.0f MB%s\n", rows, name, delivered, r.ms / 1000.0,
                    delivered * 1000.0 / r.ms, r.peakMb, delivered == rows ? "" : qPrintable(QStringLiteral(" — ") + QString::fromUtf8(r.err.left(300))));
        std::fflush(stdout);
    }
    std::printf("(the sink counted %lld records)\n", sink.accepted());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString what = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("all");
    if (what == QLatin1String("delivery") || what == QLatin1String("all"))
        benchDelivery();
    if (what == QLatin1String("delivery"))
        return 0;
    Pg pg;
    pg.start();
    if (what == QLatin1String("e2e") || what == QLatin1String("all"))
        benchEndToEnd(pg);
    if (what == QLatin1String("plan") || what == QLatin1String("all") || what == QLatin1String("plan-local"))
        benchPlan(pg, QStringLiteral("local"));
    if (what == QLatin1String("plan") || what == QLatin1String("all") || what == QLatin1String("plan-warehouse"))
        benchPlan(pg, QStringLiteral("warehouse"));
    if (what == QLatin1String("run10m"))
        benchRun10m(pg, argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 10'000'000,
                    argc > 3 ? QString::fromLocal8Bit(argv[3]).split(QLatin1Char(',')) : QStringList());
    if (what == QLatin1String("table1m"))
        benchTable1m(pg, argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 1'000'000);
    if (what == QLatin1String("plan10m")) {
        // Memory at scale: a first plan of a 10M-row model, both strategies.
        benchPlan(pg, QStringLiteral("local"), 10'000'000, true);
        benchPlan(pg, QStringLiteral("warehouse"), 10'000'000, true);
    }
    return 0;
}
