#include "engine/warehouse_dialect.h"

#include "engine/source_digest.h"
#include "source/mysql_connection.h"
#include "source/source_connection.h"

#include <QCoreApplication>

namespace sluice::engine {

QString WarehouseDialect::stateTable(const source::SourceConnection &c, const QString &sync) const
{
    return QStringLiteral("sluice_state.") + c.quoteIdentifier(sync);
}

QString WarehouseDialect::digestLiteral(const QString &src) const
{
    return src.isEmpty() ? QStringLiteral("NULL") : source::SourceConnection::quoteLiteral(src);
}

Result<void> WarehouseDialect::createStateSchema(source::SourceConnection &c, const QString &sql, const QString &where, const QString &grant)
{
    if (Result<void> r = c.execute(sql); !r)
        return Error{r.error().message + QCoreApplication::translate("sluice::engine", " (the warehouse diff keeps its state in %1: grant %2, "
                                                                                         "or use \"diff\": \"local\")")
                                             .arg(where, grant),
                     Error::Kind::Refused};
    return {};
}

QString WarehouseDialect::joinedText(const source::SourceConnection &c, const QStringList &used, const QString &nullText, const QString &separator)
{
    QStringList parts;
    for (const QString &column : used)
        parts.append(QStringLiteral("coalesce(%1, %2)").arg(c.castToText(QStringLiteral("m.") + c.quoteIdentifier(column)), nullText));
    return parts.join(separator);
}

QString WarehouseDialect::upsertSql(const QString &table, const QStringList &rows) const
{
    return QStringLiteral("INSERT INTO %1 (key, src, hash, match, updated_run) VALUES %2 ON CONFLICT (key) DO UPDATE SET "
                          "src = excluded.src, hash = excluded.hash, match = excluded.match, updated_run = excluded.updated_run")
        .arg(table, rows.join(QStringLiteral(", ")));
}

QString WarehouseDialect::insertMissingSql(const QString &table, const QStringList &rows) const
{
    return QStringLiteral("INSERT INTO %1 (key, src, hash, match, updated_run) VALUES %2 ON CONFLICT (key) DO NOTHING")
        .arg(table, rows.join(QStringLiteral(", ")));
}

namespace {

QString textOf(const source::SourceConnection &c, const QString &column)
{
    return QStringLiteral("CAST(m.%1 AS TEXT)").arg(c.quoteIdentifier(column));
}

// PostgreSQL: the state in schema sluice_state, keyed by the model key's own
// type where it can be, a bigint digest computed by the types' own hash
// functions (and by Sluice the same way on a first run), removals found in
// the candidates' pass, the table labelled with its owner and kept in key order.
class PostgresDialect final : public WarehouseDialect
{
public:

    QString nativeKeyType(const QStringList &keys, const QHash<QString, QString> &types) const override
    {
        if (keys.size() != 1)
            return {};
        const QString type = types.value(keys.first());
        if (type == QLatin1String("smallint") || type == QLatin1String("integer") || type == QLatin1String("bigint") || type == QLatin1String("uuid")
            || type == QLatin1String("text"))
            return type;
        if (type == QLatin1String("varchar"))
            return QStringLiteral("text");
        return {};
    }

    Result<bool> ensureStateTable(source::SourceConnection &c, const QString &table, const QString &keyType) override
    {
        // "schema already exists, skipping" is not news to an operator.
        (void)c.execute(QStringLiteral("SET client_min_messages = warning"));
        if (Result<void> r = createStateSchema(c, QStringLiteral("CREATE SCHEMA IF NOT EXISTS sluice_state"),
                                               QStringLiteral("schema sluice_state"), QStringLiteral("CREATE"));
            !r)
            return r.error();
        // Compiling the one diff query costs more than JIT saves.
        (void)c.execute(QStringLiteral("SET jit = off"));
        // The source digest is a bigint (NULL: not known, e.g. a write-ahead mark).
        if (Result<void> r = c.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (key %2 PRIMARY KEY, src BIGINT, hash TEXT NOT NULL, "
                                                      "match TEXT, updated_run TEXT NOT NULL)")
                                           .arg(table, keyType.isEmpty() ? QStringLiteral("TEXT") : keyType));
            !r)
            return r.error();
        return adapt(c, table, keyType);
    }

    QString sourceDigest(const source::SourceConnection &c, const QStringList &used, const QHash<QString, QString> &types) const override
    {
        // Each column hashed to 64 bits by its type's own hash function (the
        // ones hash partitioning relies on, so they stay stable across
        // versions), seeded by its position, NULL as the seed, and the hashes
        // combined with XOR. Integers, booleans, timestamps, text and uuids are
        // hashed as values, without formatting them as text; other types
        // through their text form, so that a change the JSON would show
        // (1.5 -> 1.50) changes the digest too.
        QStringList parts;
        for (qsizetype i = 0; i < used.size(); ++i) {
            const QString column = QStringLiteral("m.") + c.quoteIdentifier(used[i]);
            const QString type = types.value(used[i]);
            const QString seed = QString::number(i + 1);
            QString hash;
            switch (digestKind(type)) {
            case DigestKind::Integer: hash = QStringLiteral("hashint8extended(CAST(%1 AS bigint), %2)").arg(column, seed); break;
            case DigestKind::Boolean: hash = QStringLiteral("hashint8extended(CAST(CAST(%1 AS integer) AS bigint), %2)").arg(column, seed); break;
            case DigestKind::Timestamp: // Sluice's sessions run in UTC
                hash = type == QLatin1String("timestamp") ? QStringLiteral("timestamp_hash_extended(%1, %2)").arg(column, seed)
                                                          : QStringLiteral("timestamp_hash_extended(CAST(%1 AS timestamp), %2)").arg(column, seed);
                break;
            case DigestKind::Text: hash = QStringLiteral("hashtextextended(%1, %2)").arg(column, seed); break;
            case DigestKind::Uuid: hash = QStringLiteral("uuid_hash_extended(%1, %2)").arg(column, seed); break;
            case DigestKind::Padded:
            case DigestKind::TextForm: hash = QStringLiteral("hashtextextended(%1, %2)").arg(textOf(c, used[i]), seed); break;
            }
            parts.append(QStringLiteral("coalesce(%1, %2)").arg(hash, seed));
        }
        return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(" # ")));
    }

    QString isDistinctFrom() const override { return QStringLiteral("IS DISTINCT FROM"); }
    bool removalsInCandidates() const override { return true; }
    QString fence() const override { return QStringLiteral(" OFFSET 0"); } // keeps PostgreSQL from inlining the digest into the filter

    Result<void> tuneFor(source::SourceConnection &c, const QString &candidatesSql) override
    {
        // When the model reads a table by its key, PostgreSQL walks the model and
        // the state side by side in key order (a merge join), which beats any
        // hash join; more working memory would make the planner prefer hashing,
        // so it is only given when the plan hashes anyway, to keep that in memory.
        (void)c.execute(QStringLiteral("RESET work_mem"));
        Result<QVariant> plan = c.scalar(QStringLiteral("EXPLAIN (FORMAT JSON) ") + candidatesSql);
        if (!plan)
            return plan.error();
        if (plan->toString().contains(QLatin1String("\"Merge Join\"")))
            return {};
        return c.execute(QStringLiteral("SET work_mem = '128MB'"));
    }

    Result<void> analyze(source::SourceConnection &c, const QString &table, const QString &sync) override
    {
        // Every first delivery writes a state row twice (pending, then
        // accepted): VACUUM clears the dead half so the next diff reads only
        // live rows, and fresh statistics keep its join plan right.
        if (Result<void> r = c.execute(QStringLiteral("VACUUM ANALYZE %1").arg(table)); !r)
            return r;
        // Rows written in delivery order scatter the keys over the table; stored
        // in key order again, the state can be merged with the model (tuneFor).
        Result<QVariant> order = c.scalar(QStringLiteral("SELECT correlation FROM pg_stats WHERE schemaname = 'sluice_state' AND tablename = %1 "
                                                         "AND attname = 'key'")
                                              .arg(source::SourceConnection::quoteLiteral(sync)));
        if (!order || order->isNull() || order->toDouble() >= 0.9)
            return {};
        Result<QVariant> index = c.scalar(QStringLiteral("SELECT relname FROM pg_class WHERE oid = (SELECT indexrelid FROM pg_index WHERE "
                                                         "indrelid = to_regclass(%1) AND indisprimary)")
                                              .arg(source::SourceConnection::quoteLiteral(table)));
        if (!index)
            return index.error();
        if (Result<void> r = c.execute(QStringLiteral("CLUSTER %1 USING %2").arg(table, c.quoteIdentifier(index->toString()))); !r)
            return r;
        return c.execute(QStringLiteral("ANALYZE %1").arg(table));
    }

    bool labelsState() const override { return true; }
    Result<QString> stateLabel(source::SourceConnection &c, const QString &table) override
    {
        Result<QVariant> current = c.scalar(QStringLiteral("SELECT obj_description(to_regclass(%1), 'pg_class')").arg(source::SourceConnection::quoteLiteral(table)));
        if (!current)
            return current.error();
        return current->isNull() ? QString() : current->toString();
    }
    Result<void> setStateLabel(source::SourceConnection &c, const QString &table, const QString &label) override
    {
        return c.execute(QStringLiteral("COMMENT ON TABLE %1 IS %2").arg(table, source::SourceConnection::quoteLiteral(label)));
    }
    bool digestsInSluice() const override { return true; }

private:
    Result<bool> adapt(source::SourceConnection &c, const QString &table, const QString &wanted);
};

Result<bool> PostgresDialect::adapt(source::SourceConnection &c, const QString &table, const QString &wanted)
{
    auto columnType = [&](const char *column) -> Result<QString> {
        Result<QVariant> v = c.scalar(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = to_regclass(%1) "
                                                     "AND attname = '%2'")
                                          .arg(source::SourceConnection::quoteLiteral(table), QLatin1String(column)));
        if (!v)
            return v.error();
        return v->toString();
    };
    // State written by Sluice before the digest was a bigint: digests that
    // read as one are kept, the rest become unknown (those rows are read
    // once more; their record hash decides, so nothing is sent again).
    Result<QString> src = columnType("src");
    if (!src)
        return src.error();
    if (src.value() != QLatin1String("bigint")) {
        if (Result<void> r = c.execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN src DROP NOT NULL, ALTER COLUMN src TYPE bigint USING "
                                                      "CASE WHEN src ~ '^-?[0-9]{1,19}$' THEN CASE WHEN CAST(src AS numeric) "
                                                      "BETWEEN -9223372036854775808 AND 9223372036854775807 THEN CAST(src AS bigint) END END")
                                           .arg(table));
            !r)
            return r.error();
    }
    Result<QString> key = columnType("key");
    if (!key)
        return key.error();
    if (!wanted.isEmpty() && key.value() == wanted)
        return true;
    if (wanted.isEmpty() && key.value() == QLatin1String("text"))
        return false;
    // The model's key changed type (or the state predates native keys):
    // convert the stored keys if they all convert, else keep them as text
    // and compare as text, so that no record the destination holds is lost.
    bool native = false;
    if (!wanted.isEmpty() && c.execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN key TYPE %2 USING CAST(key AS %2)").arg(table, wanted)).ok()) {
        native = true;
    } else if (key.value() != QLatin1String("text")) {
        if (Result<void> r = c.execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN key TYPE text USING CAST(key AS text)").arg(table)); !r)
            return r.error();
    }
    if (Result<void> r = c.execute(QStringLiteral("ANALYZE %1").arg(table)); !r) // a changed column type loses its statistics
        return r.error();
    return native;
}

// SQLite: the state beside the model's tables (sluice_state__<sync>), text
// keys, the digest the columns' text joined, removals found by a second query.
class SqliteDialect final : public WarehouseDialect
{
public:
    QString stateTable(const source::SourceConnection &c, const QString &sync) const override
    {
        return c.quoteIdentifier(QStringLiteral("sluice_state__") + sync);
    }
    Result<bool> ensureStateTable(source::SourceConnection &c, const QString &table, const QString &) override
    {
        if (Result<void> r = c.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (key TEXT PRIMARY KEY, src TEXT NOT NULL, hash TEXT NOT NULL, "
                                                      "match TEXT, updated_run TEXT NOT NULL)")
                                           .arg(table));
            !r)
            return r.error();
        return false;
    }
    QString sourceDigest(const source::SourceConnection &c, const QStringList &used, const QHash<QString, QString> &) const override
    {
        QStringList parts;
        for (const QString &column : used)
            parts.append(QStringLiteral("coalesce(%1, char(30))").arg(textOf(c, column)));
        return QLatin1Char('(') + parts.join(QStringLiteral(" || char(31) || ")) + QLatin1Char(')');
    }
    QString isDistinctFrom() const override { return QStringLiteral("IS NOT"); }
    QString pendingDigest() const override { return QStringLiteral("'pending'"); }
    QString digestLiteral(const QString &src) const override { return source::SourceConnection::quoteLiteral(src); } // src is NOT NULL here
    Result<void> analyze(source::SourceConnection &c, const QString &table, const QString &) override
    {
        return c.execute(QStringLiteral("ANALYZE %1").arg(table));
    }
};

// MySQL / MariaDB: the state in database sluice_state (a table per sync),
// keys compared byte for byte (a NO PAD binary collation), the digest the MD5 of the
// used columns' text joined, removals found by a second query.
class MysqlDialect final : public WarehouseDialect
{
public:
    Result<bool> ensureStateTable(source::SourceConnection &c, const QString &table, const QString &) override
    {
        // Keys and match values compared byte for byte, as the model's key text is (MysqlConnection::castToText).
        const QString exact = static_cast<const source::MysqlConnection &>(c).exactCollation();
        if (Result<void> r = createStateSchema(c, QStringLiteral("CREATE DATABASE IF NOT EXISTS sluice_state CHARACTER SET utf8mb4"),
                                               QStringLiteral("database sluice_state"), QStringLiteral("CREATE"));
            !r)
            return r.error();
        if (Result<void> r = c.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (`key` VARCHAR(768) CHARACTER SET utf8mb4 COLLATE %2 PRIMARY KEY, "
                                                      "src CHAR(32) CHARACTER SET utf8mb4 COLLATE %2, hash VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL, "
                                                      "`match` TEXT CHARACTER SET utf8mb4 COLLATE %2, updated_run VARCHAR(64) CHARACTER SET utf8mb4 NOT NULL, "
                                                      "INDEX sluice_state_match (`match`(191))) COMMENT = 'sluice: state of a sync'")
                                           .arg(table, exact));
            !r)
            return r.error();
        return false;
    }
    QString sourceDigest(const source::SourceConnection &c, const QStringList &used, const QHash<QString, QString> &) const override
    {
        return QStringLiteral("MD5(CONCAT_WS(CHAR(31 USING utf8mb4), %1))").arg(joinedText(c, used, QStringLiteral("CHAR(30 USING utf8mb4)"), QStringLiteral(", ")));
    }
    QString isDistinctFrom() const override { return QStringLiteral("<=>"); } // used through distinct() only
    bool removalsByNotIn() const override { return true; }
    QString distinct(const QString &a, const QString &b) const override { return QStringLiteral("NOT (%1 <=> %2)").arg(a, b); }
    QString column(const QString &name) const override { return QLatin1Char('`') + name + QLatin1Char('`'); }
    QString upsertSql(const QString &table, const QStringList &rows) const override
    {
        return QStringLiteral("INSERT INTO %1 (`key`, src, hash, `match`, updated_run) VALUES %2 ON DUPLICATE KEY UPDATE "
                              "src = VALUES(src), hash = VALUES(hash), `match` = VALUES(`match`), updated_run = VALUES(updated_run)")
            .arg(table, rows.join(QStringLiteral(", ")));
    }
    QString insertMissingSql(const QString &table, const QStringList &rows) const override
    {
        return QStringLiteral("INSERT IGNORE INTO %1 (`key`, src, hash, `match`, updated_run) VALUES %2").arg(table, rows.join(QStringLiteral(", ")));
    }
    Result<void> analyze(source::SourceConnection &c, const QString &table, const QString &) override
    {
        return c.execute(QStringLiteral("ANALYZE TABLE %1").arg(table));
    }
};

// Snowflake: the state in schema SLUICE_STATE (a table per sync, in the
// model's database), the digest the MD5 of the used columns' text joined,
// written with MERGE (Snowflake does not enforce primary keys), removals
// found by a second query. Column names quoted upper-case, as Snowflake
// stores unquoted ones.
class SnowflakeDialect final : public WarehouseDialect
{
public:
    QString stateTable(const source::SourceConnection &c, const QString &sync) const override
    {
        return QStringLiteral("SLUICE_STATE.") + c.quoteIdentifier(sync.toUpper());
    }
    Result<bool> ensureStateTable(source::SourceConnection &c, const QString &table, const QString &) override
    {
        if (Result<void> r = createStateSchema(c, QStringLiteral("CREATE SCHEMA IF NOT EXISTS SLUICE_STATE"), QStringLiteral("schema SLUICE_STATE"),
                                               QStringLiteral("CREATE SCHEMA on the database"));
            !r)
            return r.error();
        if (Result<void> r = c.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (\"KEY\" TEXT PRIMARY KEY, SRC TEXT, HASH TEXT NOT NULL, "
                                                      "\"MATCH\" TEXT, UPDATED_RUN TEXT NOT NULL)")
                                           .arg(table));
            !r)
            return r.error();
        return false;
    }
    QString sourceDigest(const source::SourceConnection &c, const QStringList &used, const QHash<QString, QString> &) const override
    {
        return QStringLiteral("MD5(%1)").arg(joinedText(c, used, QStringLiteral("chr(30)"), QStringLiteral(" || chr(31) || ")));
    }
    QString isDistinctFrom() const override { return QStringLiteral("IS DISTINCT FROM"); }
    QString column(const QString &name) const override { return QLatin1Char('"') + name.toUpper() + QLatin1Char('"'); }
    QString upsertSql(const QString &table, const QStringList &rows) const override
    {
        return QStringLiteral("MERGE INTO %1 AS t USING (SELECT * FROM (VALUES %2) AS v (K, SRC, HASH, M, UPDATED_RUN)) AS v ON t.\"KEY\" = v.K "
                              "WHEN MATCHED THEN UPDATE SET SRC = v.SRC, HASH = v.HASH, \"MATCH\" = v.M, UPDATED_RUN = v.UPDATED_RUN "
                              "WHEN NOT MATCHED THEN INSERT (\"KEY\", SRC, HASH, \"MATCH\", UPDATED_RUN) VALUES (v.K, v.SRC, v.HASH, v.M, v.UPDATED_RUN)")
            .arg(table, rows.join(QStringLiteral(", ")));
    }
    QString insertMissingSql(const QString &table, const QStringList &rows) const override
    {
        return QStringLiteral("INSERT INTO %1 (\"KEY\", SRC, HASH, \"MATCH\", UPDATED_RUN) SELECT v.K, v.SRC, v.HASH, v.M, v.UPDATED_RUN "
                              "FROM (VALUES %2) AS v (K, SRC, HASH, M, UPDATED_RUN) WHERE NOT EXISTS (SELECT 1 FROM %1 s WHERE s.\"KEY\" = v.K)")
            .arg(table, rows.join(QStringLiteral(", ")));
    }
    Result<void> analyze(source::SourceConnection &, const QString &, const QString &) override
    {
        return {}; // Snowflake keeps its statistics itself
    }
};

// BigQuery: the state in dataset sluice_state (a table per sync, in the
// source's project), the digest the hex MD5 of the used columns' text
// joined, written with MERGE from an array of structs (BigQuery has neither
// enforced keys nor VALUES lists), removals found by a second query.
// Literals escape with a backslash (SourceConnection::literal); the state's
// column names go in backticks (HASH is a reserved word).
class BigQueryDialect final : public WarehouseDialect
{
public:
    Result<bool> ensureStateTable(source::SourceConnection &c, const QString &table, const QString &) override
    {
        if (Result<void> r = createStateSchema(c, QStringLiteral("CREATE SCHEMA IF NOT EXISTS sluice_state"),
                                               QStringLiteral("dataset sluice_state"), QStringLiteral("bigquery.datasets.create"));
            !r)
            return r.error();
        if (Result<void> r = c.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (`key` STRING NOT NULL, src STRING, `hash` STRING NOT NULL, "
                                                      "`match` STRING, updated_run STRING NOT NULL)")
                                           .arg(table));
            !r)
            return r.error();
        return false;
    }
    QString sourceDigest(const source::SourceConnection &c, const QStringList &used, const QHash<QString, QString> &) const override
    {
        return QStringLiteral("TO_HEX(MD5(%1))").arg(joinedText(c, used, QStringLiteral("'\\x1e'"), QStringLiteral(" || '\\x1f' || ")));
    }
    QString isDistinctFrom() const override { return QStringLiteral("IS DISTINCT FROM"); }
    QString column(const QString &name) const override { return QLatin1Char('`') + name + QLatin1Char('`'); }
    qsizetype maxStatementChars() const override { return 1000 * 1000; } // BigQuery takes 1,024K characters
    QString upsertSql(const QString &table, const QStringList &rows) const override
    {
        return QStringLiteral("MERGE INTO %1 AS t USING (SELECT * FROM %2 AS v) AS v ON t.`key` = v.k "
                              "WHEN MATCHED THEN UPDATE SET src = v.src, `hash` = v.h, `match` = v.m, updated_run = v.r "
                              "WHEN NOT MATCHED THEN INSERT (`key`, src, `hash`, `match`, updated_run) VALUES (v.k, v.src, v.h, v.m, v.r)")
            .arg(table, structs(rows));
    }
    QString insertMissingSql(const QString &table, const QStringList &rows) const override
    {
        return QStringLiteral("INSERT INTO %1 (`key`, src, `hash`, `match`, updated_run) SELECT v.k, v.src, v.h, v.m, v.r FROM %2 AS v "
                              "WHERE NOT EXISTS (SELECT 1 FROM %1 AS s WHERE s.`key` = v.k)")
            .arg(table, structs(rows));
    }
    Result<void> analyze(source::SourceConnection &, const QString &, const QString &) override
    {
        return {}; // BigQuery keeps no statistics to refresh
    }

private:
    static QString structs(const QStringList &rows)
    {
        return QStringLiteral("UNNEST(ARRAY<STRUCT<k STRING, src STRING, h STRING, m STRING, r STRING>>[%1])").arg(rows.join(QStringLiteral(", ")));
    }
};

// Amazon Redshift: the state in schema sluice_state, text keys, the digest
// the MD5 of the used columns' text joined (Redshift has none of
// PostgreSQL's hash functions), NULLs compared without IS DISTINCT FROM, and
// state written through a temporary staging table in one transaction
// (Redshift enforces no key, so there is no ON CONFLICT, and takes no VALUES
// list as a table): the staged keys deleted, the staged rows inserted.
// Removals found by a second query.
class RedshiftDialect final : public WarehouseDialect
{
public:
    Result<bool> ensureStateTable(source::SourceConnection &c, const QString &table, const QString &) override
    {
        if (Result<void> r = createStateSchema(c, QStringLiteral("CREATE SCHEMA IF NOT EXISTS sluice_state"),
                                               QStringLiteral("schema sluice_state"), QStringLiteral("CREATE"));
            !r)
            return r.error();
        if (Result<void> r = c.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (\"key\" VARCHAR(65535) NOT NULL, src CHAR(32), \"hash\" VARCHAR(64) NOT NULL, "
                                                      "\"match\" VARCHAR(65535), updated_run VARCHAR(64) NOT NULL, PRIMARY KEY (\"key\"))")
                                           .arg(table));
            !r)
            return r.error();
        return false;
    }
    QString sourceDigest(const source::SourceConnection &c, const QStringList &used, const QHash<QString, QString> &) const override
    {
        return QStringLiteral("MD5(%1)").arg(joinedText(c, used, QStringLiteral("CHR(30)"), QStringLiteral(" || CHR(31) || ")));
    }
    QString isDistinctFrom() const override { return QStringLiteral("<>"); } // used through distinct() only
    QString distinct(const QString &a, const QString &b) const override
    {
        return QStringLiteral("coalesce(%1 <> %2, %1 IS NOT NULL OR %2 IS NOT NULL)").arg(a, b);
    }
    QString column(const QString &name) const override { return QLatin1Char('"') + name + QLatin1Char('"'); }
    qsizetype maxStatementChars() const override { return 16 * 1000 * 1000; } // Redshift takes statements of 16 MB
    QString upsertSql(const QString &table, const QStringList &rows) const override
    {
        return stage(rows) + QStringLiteral("DELETE FROM %1 USING sluice_stage WHERE %1.\"key\" = sluice_stage.k; "
                                            "INSERT INTO %1 (\"key\", src, \"hash\", \"match\", updated_run) SELECT k, src, h, m, r FROM sluice_stage; "
                                            "DROP TABLE sluice_stage")
                                 .arg(table);
    }
    QString insertMissingSql(const QString &table, const QStringList &rows) const override
    {
        return stage(rows) + QStringLiteral("INSERT INTO %1 (\"key\", src, \"hash\", \"match\", updated_run) SELECT k, src, h, m, r FROM sluice_stage "
                                            "WHERE NOT EXISTS (SELECT 1 FROM %1 t WHERE t.\"key\" = sluice_stage.k); DROP TABLE sluice_stage")
                                 .arg(table);
    }
    Result<void> analyze(source::SourceConnection &c, const QString &table, const QString &) override
    {
        return c.execute(QStringLiteral("ANALYZE %1").arg(table));
    }

private:
    static QString stage(const QStringList &rows)
    {
        return QStringLiteral("CREATE TEMP TABLE sluice_stage (k VARCHAR(65535), src CHAR(32), h VARCHAR(64), m VARCHAR(65535), r VARCHAR(64)); "
                              "INSERT INTO sluice_stage VALUES %1; ")
            .arg(rows.join(QStringLiteral(", ")));
    }
};

} // namespace

std::unique_ptr<WarehouseDialect> WarehouseDialect::of(const QString &driver)
{
    if (driver == QLatin1String("snowflake"))
        return std::make_unique<SnowflakeDialect>();
    if (driver == QLatin1String("mysql"))
        return std::make_unique<MysqlDialect>();
    if (driver == QLatin1String("bigquery"))
        return std::make_unique<BigQueryDialect>();
    if (driver == QLatin1String("redshift"))
        return std::make_unique<RedshiftDialect>();
    if (driver == QLatin1String("postgres"))
        return std::make_unique<PostgresDialect>();
    if (driver == QLatin1String("sqlite"))
        return std::make_unique<SqliteDialect>();
    return nullptr;
}

} // namespace sluice::engine
