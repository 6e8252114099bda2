// Benchmark: extracting a 1M-row PostgreSQL model, side by side with psql
// copying the same query to /dev/null, in the same run; and the CLI preview of
// that model (time to first rows, peak memory). Prints medians and ratios.
//
//   build/release/tests/bench/bench_extract [rows] [repetitions]
#include "postgres_server.h"
#include "source/source_connection.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace sluice;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_extract: %s\n", qPrintable(message));
    std::exit(1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 rows = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    const int repetitions = argc > 2 ? QByteArray(argv[2]).toInt() : 5;

    test::PostgresServer pg;
    QString error;
    if (!pg.start(&error))
        die(error);
    qputenv("BENCH_PG_PW", pg.password().toUtf8());
    pg.psql(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS bench"));
    if (!pg.psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE bench"), &error))
        die(error);
    const QString sql = QStringLiteral("select * from customers");
    if (!pg.psql(QStringLiteral("bench"),
                 QStringLiteral("CREATE TABLE customers AS SELECT g AS customer_id, 'user' || g || '@example.com' AS email, "
                                "'First' || (g % 997) AS first_name, (g % 100000)::numeric / 7 AS ltv, "
                                "timestamptz '2026-01-01' + (g || ' seconds')::interval AS updated_at, g % 3 = 0 AS consent, "
                                "(g % 5) AS segment, md5(g::text) AS note FROM generate_series(1, %1) g; "
                                "ALTER TABLE customers ADD PRIMARY KEY (customer_id);")
                     .arg(rows),
                 &error))
        die(error);

    pg.psql(QStringLiteral("bench"), QStringLiteral("VACUUM ANALYZE customers"));

    QTemporaryDir dir;
    QFile config(dir.filePath(QStringLiteral("sluice.json")));
    config.open(QIODevice::WriteOnly);
    config.write(QStringLiteral(R"({"version": 1, "sources": {"dw": {"driver": "postgres", "host": "127.0.0.1", "port": %1,
        "database": "bench", "user": "postgres", "password": {"env": "BENCH_PG_PW"}}},
        "models": {"customers": {"source": "dw", "primary_key": "customer_id", "sql": "%2"}}})")
                     .arg(pg.port())
                     .arg(sql)
                     .toUtf8());
    config.close();

    // 1. Preview through the CLI, before any other child runs (for ru_maxrss).
    QList<double> previewMs, previewWallMs, checksMs;
    for (int i = 0; i < repetitions; ++i) {
        QProcess p;
        QElapsedTimer wall;
        wall.start();
        p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("preview"), QStringLiteral("customers"), QStringLiteral("--workspace"),
                                                dir.path(), QStringLiteral("--limit"), QStringLiteral("100"), QStringLiteral("--json")});
        p.waitForFinished(-1);
        previewWallMs.append(wall.elapsed());
        const QJsonObject o = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        if (p.exitCode() != 0 || o.value(QStringLiteral("checks")).toObject().value(QStringLiteral("row_count")).toDouble() != rows)
            die(QStringLiteral("preview failed: ") + QString::fromUtf8(p.readAllStandardError()));
        previewMs.append(o.value(QStringLiteral("elapsed_ms")).toDouble());
        checksMs.append(o.value(QStringLiteral("checks_elapsed_ms")).toDouble());
    }
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const double previewPeakMb = usage.ru_maxrss / 1024.0;

    // 2. Full extraction, alternating sluice and psql so both see the same machine load.
    auto ws = workspace::Workspace::open(dir.path());
    if (!ws.ok())
        die(ws.error().message);
    auto conn = source::SourceConnection::open(ws->config().sources.value(QStringLiteral("dw")), ws.value());
    if (!conn.ok())
        die(conn.error().message);
    QList<double> sluiceMs, psqlMs, ratios;
    for (int i = 0; i < repetitions; ++i) {
        qint64 seen = 0;
        source::RowSink sink;
        sink.row = [&](const source::Row &) {
            ++seen;
            return true;
        };
        QElapsedTimer t;
        t.start();
        if (auto r = conn.value()->stream(source::stripTrailingSemicolons(sql), sink); !r.ok())
            die(r.error().message);
        const double s = t.elapsed();
        if (seen != rows)
            die(QStringLiteral("streamed %1 rows, expected %2").arg(seen).arg(rows));

        QProcess psql;
        psql.setEnvironment(pg.psqlEnvironment());
        t.restart();
        psql.start(pg.psqlPath(), {QStringLiteral("-d"), QStringLiteral("bench"), QStringLiteral("-c"),
                                   QStringLiteral("\\copy (%1) to '/dev/null'").arg(sql)});
        psql.waitForFinished(-1);
        const double c = t.elapsed();
        if (psql.exitCode() != 0)
            die(QString::fromUtf8(psql.readAllStandardError()));
        sluiceMs.append(s);
        psqlMs.append(c);
        ratios.append(s / c);
    }

    std::printf("rows: %lld, repetitions: %d\n", rows, repetitions);
    std::printf("preview --limit 100 (CLI, PostgreSQL): first rows median %.0f ms; model checks (count, NULL and duplicate "
                "keys over all rows) median %.0f ms; whole command median %.0f ms; peak RSS %.1f MB\n",
                median(previewMs), median(checksMs), median(previewWallMs), previewPeakMb);
    std::printf("stream all rows: sluice median %.0f ms (%.2f M rows/s); psql \\copy to /dev/null median %.0f ms; "
                "ratio sluice/psql median %.2f\n",
                median(sluiceMs), rows / median(sluiceMs) / 1000.0, median(psqlMs), median(ratios));
    return 0;
}
