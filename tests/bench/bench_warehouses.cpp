// What leaves each warehouse on a sync's second run: a model of N rows
// (default 20,000) synced to a file with "diff": "warehouse" and, beside it,
// "diff": "local"; then 1% of the rows change and both run again. Printed per
// warehouse: the rows the second run read out of the warehouse
// (timings.rows_extracted; the local diff reads every row) and its wall time.
// PostgreSQL, Redshift's rules (on PostgreSQL) and MariaDB are real servers;
// Snowflake and BigQuery are the tests' emulators over PostgreSQL, so their
// times measure the emulators as much as Sluice.
//
//   bench_warehouses [ROWS]
#include "bigquery_emulator.h"
#include "diff_comparison.h"
#include "mariadb_server.h"
#include "postgres_server.h"
#include "snowflake_emulator.h"
#include "test_helpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

using namespace sluice;

namespace {

struct Timed
{
    QJsonObject run;
    qint64 ms = 0;
};

Timed runSync(const QString &dir, const QString &sync)
{
    QElapsedTimer t;
    t.start();
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), sync, QStringLiteral("--workspace"), dir, QStringLiteral("--json")});
    p.waitForFinished(-1);
    Timed out{QJsonDocument::fromJson(p.readAllStandardOutput()).object(), t.elapsed()};
    if (p.exitCode() != 0)
        std::fprintf(stderr, "%s: %s\n", qPrintable(sync), p.readAllStandardError().constData());
    return out;
}

// One warehouse: the workspace written, both syncs run, `change` applied, both run again.
void measure(const char *label, const QString &dir, const QByteArray &source, const QString &key, const QStringList &columns,
             const std::function<bool()> &change)
{
    QString error;
    if (!test::writeDiffWorkspace(dir, source, QStringLiteral("select id, email, seats, arr from accounts"), key, columns, &error)) {
        std::fprintf(stderr, "%s: %s\n", label, qPrintable(error));
        return;
    }
    const Timed firstLocal = runSync(dir, QStringLiteral("by_local"));
    const Timed firstWarehouse = runSync(dir, QStringLiteral("by_warehouse"));
    if (!change()) {
        std::fprintf(stderr, "%s: the change failed\n", label);
        return;
    }
    const Timed local = runSync(dir, QStringLiteral("by_local"));
    const Timed warehouse = runSync(dir, QStringLiteral("by_warehouse"));
    auto counts = [](const Timed &t) { return t.run.value(QStringLiteral("counts")).toObject(); };
    auto extracted = [](const Timed &t) { return t.run.value(QStringLiteral("timings")).toObject().value(QStringLiteral("rows_extracted")).toInt(-1); };
    std::printf("| %-22s | %7d | %7d | %8d | %7lld ms | %9d | %7lld ms | %7lld ms / %7lld ms |\n", label,
                firstWarehouse.run.value(QStringLiteral("model_rows")).toInt(), counts(warehouse).value(QStringLiteral("changed")).toInt(),
                local.run.value(QStringLiteral("model_rows")).toInt(), static_cast<long long>(local.ms), extracted(warehouse),
                static_cast<long long>(warehouse.ms), static_cast<long long>(firstLocal.ms), static_cast<long long>(firstWarehouse.ms));
    std::fflush(stdout);
}

QByteArray serviceAccount(const QString &pem, const QString &tokenUrl)
{
    QFile f(pem);
    f.open(QIODevice::ReadOnly);
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("service_account")}, {QStringLiteral("project_id"), QStringLiteral("bench")},
                                     {QStringLiteral("private_key"), QString::fromLatin1(f.readAll())},
                                     {QStringLiteral("client_email"), QStringLiteral("bench@bench.iam.gserviceaccount.com")},
                                     {QStringLiteral("token_uri"), tokenUrl}})
        .toJson();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rows = argc > 1 ? QByteArray(argv[1]).toInt() : 20000;
    QTemporaryDir dir;
    QString error;
    test::PostgresServer pg;
    if (!pg.startWithDatabase(QStringLiteral("bench"), &error)) {
        std::fprintf(stderr, "PostgreSQL: %s\n", qPrintable(error));
        return 1;
    }
    // A database per warehouse, so that no two keep their state in one place.
    auto seeded = [&](const QString &database, const QString &schema) {
        pg.psql(QStringLiteral("bench"), QStringLiteral("CREATE DATABASE %1").arg(database));
        return pg.psql(database, QStringLiteral("CREATE SCHEMA IF NOT EXISTS %1; CREATE TABLE %1.accounts AS SELECT g AS id, 'user' || g || '@example.com' AS email, "
                                                "g % 100 AS seats, CAST(g * 1.5 AS numeric(12,2)) AS arr FROM generate_series(1, %2) g;")
                                     .arg(schema)
                                     .arg(rows));
    };
    auto bump = [&](const QString &database, const QString &schema) {
        return [&pg, database, schema] { return pg.psql(database, QStringLiteral("UPDATE %1.accounts SET seats = seats + 1 WHERE id % 100 = 0").arg(schema)); };
    };
    const QStringList columns{QStringLiteral("email"), QStringLiteral("seats"), QStringLiteral("arr")};

    std::printf("%d rows, 1%% changed before the second run\n\n", rows);
    std::printf("| warehouse | rows | changed | local: rows read | local: 2nd run | warehouse: rows read | warehouse: 2nd run | 1st run local / warehouse |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");

    seeded(QStringLiteral("bench_pg"), QStringLiteral("public"));
    measure("PostgreSQL", dir.filePath(QStringLiteral("pg")), pg.sourceJson(QStringLiteral("bench_pg")), QStringLiteral("id"), columns,
            bump(QStringLiteral("bench_pg"), QStringLiteral("public")));

    seeded(QStringLiteral("bench_rs"), QStringLiteral("public"));
    pg.psql(QStringLiteral("bench_rs"), QStringLiteral("ALTER DATABASE bench_rs SET standard_conforming_strings = off"));
    QByteArray redshift = pg.sourceJson(QStringLiteral("bench_rs"));
    redshift.replace("\"driver\": \"postgres\"", "\"driver\": \"redshift\"");
    redshift.insert(redshift.lastIndexOf('}'), ", \"sslmode\": \"disable\"");
    measure("Redshift (on PostgreSQL)", dir.filePath(QStringLiteral("rs")), redshift, QStringLiteral("id"), columns,
            bump(QStringLiteral("bench_rs"), QStringLiteral("public")));

    test::MariaDbServer my;
    if (my.start(QStringLiteral("bench"), &error)) {
        my.sql(QStringLiteral("bench"), QStringLiteral("CREATE TABLE accounts (id BIGINT PRIMARY KEY, email VARCHAR(100), seats INT, arr DECIMAL(12,2)); "
                                                       "INSERT INTO accounts SELECT seq, CONCAT('user', seq, '@example.com'), seq % 100, seq * 1.5 FROM seq_1_to_%1;")
                                            .arg(rows));
        measure("MariaDB", dir.filePath(QStringLiteral("my")), my.sourceJson(QStringLiteral("bench")), QStringLiteral("id"), columns,
                [&] { return my.sql(QStringLiteral("bench"), QStringLiteral("UPDATE accounts SET seats = seats + 1 WHERE id % 100 = 0")); });
    } else {
        std::fprintf(stderr, "MariaDB: %s\n", qPrintable(error));
    }

    const QString key = dir.filePath(QStringLiteral("key.pem")), pub = dir.filePath(QStringLiteral("key.pub"));
    if (!test::openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"), QStringLiteral("-out"), key}, &error)
        || !test::openssl({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"), QStringLiteral("-out"), pub}, &error)) {
        std::fprintf(stderr, "openssl: %s\n", qPrintable(error));
        return 1;
    }
    QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner);
    QFile pubFile(pub);
    pubFile.open(QIODevice::ReadOnly);
    const QByteArray publicKey = pubFile.readAll();

    seeded(QStringLiteral("bench_sf"), QStringLiteral("crm"));
    test::SnowflakeEmulator snowflake(QStringLiteral("bench-acct"), QStringLiteral("bench"), publicKey, pg.port(), pg.password(), QStringLiteral("bench_sf"));
    const QString sf = dir.filePath(QStringLiteral("sf"));
    QDir().mkpath(sf);
    QFile::copy(key, sf + QStringLiteral("/key.pem"));
    QFile::setPermissions(sf + QStringLiteral("/key.pem"), QFile::ReadOwner | QFile::WriteOwner);
    measure("Snowflake (emulator)", sf,
            R"({"driver": "snowflake", "account": "bench-acct", "user": "bench", "private_key": {"file": "key.pem"}, "database": "BENCH_SF", "schema": "CRM", "warehouse": "WH", "base_url": ")"
                + snowflake.baseUrl().toUtf8() + "\"}",
            QStringLiteral("ID"), {QStringLiteral("EMAIL"), QStringLiteral("SEATS"), QStringLiteral("ARR")},
            bump(QStringLiteral("bench_sf"), QStringLiteral("crm")));

    seeded(QStringLiteral("bench_bq"), QStringLiteral("crm"));
    test::BigQueryEmulator bigquery(QStringLiteral("bench"), QStringLiteral("bench@bench.iam.gserviceaccount.com"), publicKey, pg.port(), pg.password(),
                                    QStringLiteral("bench_bq"));
    const QString bq = dir.filePath(QStringLiteral("bq"));
    QDir().mkpath(bq);
    QFile sa(bq + QStringLiteral("/sa.json"));
    sa.open(QIODevice::WriteOnly);
    sa.write(serviceAccount(key, bigquery.tokenUrl()));
    sa.close();
    QFile::setPermissions(sa.fileName(), QFile::ReadOwner | QFile::WriteOwner);
    measure("BigQuery (emulator)", bq,
            R"({"driver": "bigquery", "project": "bench", "dataset": "crm", "service_account_key": {"file": "sa.json"}, "base_url": ")" + bigquery.baseUrl().toUtf8() + "\"}",
            QStringLiteral("id"), columns, bump(QStringLiteral("bench_bq"), QStringLiteral("crm")));
    return 0;
}
