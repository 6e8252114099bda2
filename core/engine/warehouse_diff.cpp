#include "engine/warehouse_diff.h"

#include "model/key_check.h"

#include "source/column.h"
#include "source/source_connection.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace sluice::engine {

WarehouseDiff::WarehouseDiff(source::SourceConnection &connection, bool postgres, const QString &sync, const QStringList &keyColumns,
                             const QStringList &usedColumns, const QString &consentColumn, const QHash<QString, QString> &nativeTypes)
    : m_connection(connection), m_postgres(postgres), m_keys(keyColumns), m_used(usedColumns), m_types(nativeTypes), m_consent(consentColumn)
{
    m_sync = sync;
    m_table = postgres ? QStringLiteral("sluice_state.") + connection.quoteIdentifier(sync)
                       : connection.quoteIdentifier(QStringLiteral("sluice_state__") + sync);
    // The source digest covers the key too, so a row is never "unchanged" by accident.
    for (const QString &k : m_keys)
        if (!m_used.contains(k))
            m_used.prepend(k);
}

Result<void> WarehouseDiff::ensureStateTable()
{
    if (m_postgres) {
        // "schema already exists, skipping" is not news to an operator.
        (void)m_connection.execute(QStringLiteral("SET client_min_messages = warning"));
        if (Result<void> r = m_connection.execute(QStringLiteral("CREATE SCHEMA IF NOT EXISTS sluice_state")); !r)
            return Error{r.error().message + QCoreApplication::translate("sluice::engine", " (the warehouse diff keeps its state in schema "
                                                                                             "sluice_state: grant CREATE, or use \"diff\": \"local\")"),
                         Error::Kind::Refused};
    }
    if (!m_postgres)
        return m_connection.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (key TEXT PRIMARY KEY, src TEXT NOT NULL, hash TEXT NOT NULL, "
                                                   "match TEXT, updated_run TEXT NOT NULL)")
                                        .arg(m_table));
    // Compiling the one diff query costs more than JIT saves.
    (void)m_connection.execute(QStringLiteral("SET jit = off"));
    // The key keeps the model key's own type where PostgreSQL can compare it
    // as it is, so the join needs no cast and can walk both primary keys in
    // order (a merge join) when the model reads a table by its key. The
    // source digest is a bigint (NULL: not known, e.g. a write-ahead mark).
    const QString wanted = nativeKeyType();
    if (Result<void> r = m_connection.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (key %2 PRIMARY KEY, src BIGINT, hash TEXT NOT NULL, "
                                                             "match TEXT, updated_run TEXT NOT NULL)")
                                                  .arg(m_table, wanted.isEmpty() ? QStringLiteral("TEXT") : wanted));
        !r)
        return r;
    return adaptStateTable(wanted);
}

QString WarehouseDiff::nativeKeyType() const
{
    if (!m_postgres || m_keys.size() != 1)
        return {};
    const QString type = m_types.value(m_keys.first());
    if (type == QLatin1String("smallint") || type == QLatin1String("integer") || type == QLatin1String("bigint") || type == QLatin1String("uuid")
        || type == QLatin1String("text"))
        return type;
    if (type == QLatin1String("varchar"))
        return QStringLiteral("text");
    return {};
}

Result<void> WarehouseDiff::adaptStateTable(const QString &wanted)
{
    auto columnType = [&](const char *column) -> Result<QString> {
        Result<QVariant> v = m_connection.scalar(QStringLiteral("SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = to_regclass(%1) "
                                                                "AND attname = '%2'")
                                                     .arg(source::SourceConnection::quoteLiteral(m_table), QLatin1String(column)));
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
        if (Result<void> r = m_connection.execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN src DROP NOT NULL, ALTER COLUMN src TYPE bigint USING "
                                                                 "CASE WHEN src ~ '^-?[0-9]{1,19}$' THEN CASE WHEN CAST(src AS numeric) "
                                                                 "BETWEEN -9223372036854775808 AND 9223372036854775807 THEN CAST(src AS bigint) END END")
                                                      .arg(m_table));
            !r)
            return r;
    }
    Result<QString> key = columnType("key");
    if (!key)
        return key.error();
    m_nativeKey = !wanted.isEmpty() && key.value() == wanted;
    if (m_nativeKey || (wanted.isEmpty() && key.value() == QLatin1String("text")))
        return {};
    // The model's key changed type (or the state predates native keys):
    // convert the stored keys if they all convert, else keep them as text
    // and compare as text, so that no record the destination holds is lost.
    if (!wanted.isEmpty()
        && m_connection.execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN key TYPE %2 USING CAST(key AS %2)").arg(m_table, wanted)).ok()) {
        m_nativeKey = true;
    } else if (key.value() != QLatin1String("text")) {
        if (Result<void> r = m_connection.execute(QStringLiteral("ALTER TABLE %1 ALTER COLUMN key TYPE text USING CAST(key AS text)").arg(m_table)); !r)
            return r;
    }
    return analyze(); // a changed column type loses its statistics
}

Result<void> WarehouseDiff::tuneFor(const QString &candidatesSql)
{
    if (!m_postgres)
        return {};
    // When the model reads a table by its key, PostgreSQL walks the model and
    // the state side by side in key order (a merge join), which beats any
    // hash join; more working memory would make the planner prefer hashing,
    // so it is only given when the plan hashes anyway, to keep that in memory.
    (void)m_connection.execute(QStringLiteral("RESET work_mem"));
    Result<QVariant> plan = m_connection.scalar(QStringLiteral("EXPLAIN (FORMAT JSON) ") + candidatesSql);
    if (!plan)
        return plan.error();
    if (plan->toString().contains(QLatin1String("\"Merge Join\"")))
        return {};
    return m_connection.execute(QStringLiteral("SET work_mem = '128MB'"));
}

Result<void> WarehouseDiff::analyze()
{
    // Every first delivery writes a state row twice (pending, then accepted):
    // on PostgreSQL, VACUUM clears the dead half so the next diff reads only
    // live rows, and fresh statistics keep its join plan right.
    if (Result<void> r = m_connection.execute(QStringLiteral("%1 %2").arg(m_postgres ? QStringLiteral("VACUUM ANALYZE") : QStringLiteral("ANALYZE"), m_table));
        !r || !m_postgres)
        return r;
    // Rows written in delivery order scatter the keys over the table; stored
    // in key order again, the state can be merged with the model (tuneFor).
    Result<QVariant> order = m_connection.scalar(QStringLiteral("SELECT correlation FROM pg_stats WHERE schemaname = 'sluice_state' AND tablename = %1 "
                                                                "AND attname = 'key'")
                                                     .arg(source::SourceConnection::quoteLiteral(m_sync)));
    if (!order || order->isNull() || order->toDouble() >= 0.9)
        return {};
    Result<QVariant> index = m_connection.scalar(QStringLiteral("SELECT relname FROM pg_class WHERE oid = (SELECT indexrelid FROM pg_index WHERE indrelid = to_regclass(%1) AND indisprimary)")
                                                     .arg(source::SourceConnection::quoteLiteral(m_table)));
    if (!index)
        return index.error();
    if (Result<void> r = m_connection.execute(QStringLiteral("CLUSTER %1 USING %2").arg(m_table, m_connection.quoteIdentifier(index->toString()))); !r)
        return r;
    return m_connection.execute(QStringLiteral("ANALYZE %1").arg(m_table));
}

QString WarehouseDiff::text(const QString &column) const
{
    return QStringLiteral("CAST(m.%1 AS TEXT)").arg(m_connection.quoteIdentifier(column));
}

QString WarehouseDiff::keyExpression() const
{
    if (m_nativeKey)
        return QStringLiteral("m.") + m_connection.quoteIdentifier(m_keys.first());
    QStringList columns;
    for (const QString &k : m_keys)
        columns.append(QStringLiteral("m.") + m_connection.quoteIdentifier(k));
    return model::recordKeySql(columns);
}

QString WarehouseDiff::sourceExpression() const
{
    if (m_postgres) {
        // PostgreSQL: each column hashed to 64 bits by its type's own hash
        // function (the ones hash partitioning relies on, so they stay stable
        // across versions), seeded by its position, NULL as the seed, and the
        // hashes combined with XOR. Integers, booleans, timestamps, text and
        // uuids are hashed as values, without formatting them as text; other
        // types through their text form, so that a change the JSON would show
        // (1.5 -> 1.50) changes the digest too.
        QStringList parts;
        for (qsizetype i = 0; i < m_used.size(); ++i) {
            const QString &c = m_used[i];
            const QString column = QStringLiteral("m.") + m_connection.quoteIdentifier(c);
            const QString type = m_types.value(c);
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
            case DigestKind::TextForm: hash = QStringLiteral("hashtextextended(%1, %2)").arg(text(c), seed); break;
            }
            parts.append(QStringLiteral("coalesce(%1, %2)").arg(hash, seed));
        }
        return QStringLiteral("(%1)").arg(parts.join(QStringLiteral(" # ")));
    }
    QStringList parts;
    for (const QString &c : m_used)
        parts.append(QStringLiteral("coalesce(%1, char(30))").arg(text(c)));
    return QLatin1Char('(') + parts.join(QStringLiteral(" || char(31) || ")) + QLatin1Char(')');
}

QString WarehouseDiff::consentExpression() const
{
    // The same truth as the local diff's: true, t, 1, yes, y (any case); NULL is no consent.
    return QStringLiteral("coalesce(lower(%1) IN ('true', 't', '1', 'yes', 'y'), false)").arg(text(m_consent));
}

QString WarehouseDiff::candidatesSql(const QString &modelSql, bool fullResync, bool withRemoved) const
{
    // The digest is computed once per row in an inner query (OFFSET 0 keeps
    // PostgreSQL from inlining it into the filter a second time); the outer
    // query keeps new rows and rows whose digest moved. Under mirror on
    // PostgreSQL a full join also yields, in the same pass, state rows the
    // model no longer has (sluice_removed = 1).
    const QString model = QStringLiteral("(\n%1\n) AS m").arg(source::stripTrailingSemicolons(modelSql));
    const QString distinct = m_postgres ? QStringLiteral("IS DISTINCT FROM") : QStringLiteral("IS NOT");
    const bool full = withRemoved && m_postgres;
    QString where;
    if (!fullResync) {
        const QString newRows = m_consent.isEmpty() ? QStringLiteral("c.sluice_state_key IS NULL")
                                                    : QStringLiteral("(c.sluice_state_key IS NULL AND c.sluice_consent_ok)");
        where = QStringLiteral(" WHERE %1 OR (c.sluice_state_key IS NOT NULL AND c.sluice_state_src %2 c.sluice_src)").arg(newRows, distinct);
        if (full)
            where += QStringLiteral(" OR c.sluice_removed = 1");
    }
    const QString consent = m_consent.isEmpty() ? QString() : QStringLiteral(", %1 AS sluice_consent_ok").arg(consentExpression());
    return QStringLiteral("SELECT * FROM (SELECT m.*, %1 AS sluice_src, s.hash AS sluice_hash, s.match AS sluice_match, "
                          "CASE WHEN s.key IS NULL OR s.hash = 'pending' THEN 1 ELSE 0 END AS sluice_is_new, "
                          "s.key AS sluice_state_key, s.src AS sluice_state_src, "
                          "CASE WHEN %2 IS NULL THEN 1 ELSE 0 END AS sluice_removed%3 "
                          "FROM %4 %5 JOIN %6 s ON s.key = %2%7) AS c%8")
        .arg(sourceExpression(), keyExpression(), consent, model, full ? QStringLiteral("FULL") : QStringLiteral("LEFT"), m_table,
             m_postgres ? QStringLiteral(" OFFSET 0") : QString(), where);
}

Result<void> WarehouseDiff::claim(const QString &destination, const QString &object)
{
    if (!m_postgres)
        return {};
    const QString owner = QStringLiteral("sluice: sync %1, destination %2%3")
                              .arg(m_sync, destination, object.isEmpty() ? QString() : QStringLiteral(", object ") + object);
    Result<QVariant> current = m_connection.scalar(QStringLiteral("SELECT obj_description(to_regclass(%1), 'pg_class')")
                                                       .arg(source::SourceConnection::quoteLiteral(m_table)));
    if (!current)
        return current.error();
    if (current->isNull() || current->toString().isEmpty())
        return m_connection.execute(QStringLiteral("COMMENT ON TABLE %1 IS %2").arg(m_table, source::SourceConnection::quoteLiteral(owner)));
    if (current->toString() == owner)
        return {};
    // "sluice: " marks the comment as Sluice's; the rest names the owner.
    const QString prefix = QStringLiteral("sluice: ");
    QString holder = current->toString();
    if (holder.startsWith(prefix))
        holder.remove(0, prefix.size());
    return Error{QCoreApplication::translate("sluice::engine", "the warehouse state %1 belongs to %2, and this sync writes to destination %3; "
                                                               "give this sync another name, or drop %1 to send every record again")
                     .arg(m_table, holder, destination + (object.isEmpty() ? QString() : QStringLiteral(", object ") + object)),
                 Error::Kind::Config};
}

Result<bool> WarehouseDiff::stateIsEmpty()
{
    if (!m_postgres)
        return false;
    Result<QVariant> any = m_connection.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1)").arg(m_table));
    if (!any)
        return any.error();
    return !any->toBool();
}

Result<qint64> WarehouseDiff::stateCount()
{
    Result<QVariant> n = m_connection.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(m_table));
    if (!n)
        return n.error();
    return n->toLongLong();
}

std::optional<SourceDigest> WarehouseDiff::sourceDigest(const QList<source::Column> &columns) const
{
    if (!m_postgres)
        return std::nullopt;
    QList<SourceDigest::Column> digestColumns;
    for (const QString &c : m_used) {
        const auto at = std::find_if(columns.begin(), columns.end(), [&](const source::Column &column) { return column.name == c; });
        if (at == columns.end())
            return std::nullopt;
        digestColumns.append({int(at - columns.begin()), digestKind(m_types.value(c))});
    }
    return SourceDigest(std::move(digestColumns));
}

bool WarehouseDiff::removedInCandidates(bool mirror) const
{
    return mirror && m_postgres;
}

QString WarehouseDiff::removedKeysSql(const QString &modelSql) const
{
    return QStringLiteral("SELECT s.key FROM %1 s WHERE NOT EXISTS (SELECT 1 FROM (\n%2\n) AS m WHERE %3 = s.key) ORDER BY s.key")
        .arg(m_table, source::stripTrailingSemicolons(modelSql), keyExpression());
}

QString WarehouseDiff::excludedCountSql(const QString &modelSql) const
{
    return QStringLiteral("SELECT count(*) FROM (\n%1\n) AS m WHERE NOT %2").arg(source::stripTrailingSemicolons(modelSql), consentExpression());
}

QString WarehouseDiff::stateMatchesSql(const QStringList &matchValues) const
{
    QStringList literals;
    for (const QString &v : matchValues)
        literals.append(source::SourceConnection::quoteLiteral(v));
    return QStringLiteral("SELECT key, match FROM %1 WHERE match IN (%2)").arg(m_table, literals.join(QStringLiteral(", ")));
}

namespace {

// State writes go in statements of this many rows: a file destination
// settles a whole run at once, and one statement of a million rows would
// hold hundreds of megabytes in Sluice and in the warehouse.
constexpr qsizetype kStateChunk = 5000;

} // namespace

Result<void> WarehouseDiff::commit(const QList<StateRow> &rows, const QString &runId)
{
    const QString run = source::SourceConnection::quoteLiteral(runId);
    for (qsizetype from = 0; from < rows.size(); from += kStateChunk) {
        QStringList upserts, deletes;
        for (qsizetype i = from; i < std::min(rows.size(), from + kStateChunk); ++i) {
            const StateRow &r = rows[i];
            if (r.deleted) {
                deletes.append(source::SourceConnection::quoteLiteral(r.key));
                continue;
            }
            upserts.append(QStringLiteral("(%1, %2, %3, %4, %5)")
                               .arg(source::SourceConnection::quoteLiteral(r.key),
                                    m_postgres && r.src.isEmpty() ? QStringLiteral("NULL") : source::SourceConnection::quoteLiteral(r.src),
                                    source::SourceConnection::quoteLiteral(r.hash),
                                    r.match.isNull() ? QStringLiteral("NULL") : source::SourceConnection::quoteLiteral(r.match), run));
        }
        if (!upserts.isEmpty()) {
            if (Result<void> r = m_connection.execute(QStringLiteral("INSERT INTO %1 (key, src, hash, match, updated_run) VALUES %2 ON CONFLICT (key) DO UPDATE SET "
                                                                     "src = excluded.src, hash = excluded.hash, match = excluded.match, updated_run = excluded.updated_run")
                                                          .arg(m_table, upserts.join(QStringLiteral(", "))));
                !r)
                return r;
        }
        if (!deletes.isEmpty()) {
            if (Result<void> r = m_connection.execute(QStringLiteral("DELETE FROM %1 WHERE key IN (%2)").arg(m_table, deletes.join(QStringLiteral(", ")))); !r)
                return r;
        }
    }
    return {};
}

Result<void> WarehouseDiff::markPending(const QStringList &keys, const QString &runId)
{
    const QString run = source::SourceConnection::quoteLiteral(runId);
    const QString pendingSource = m_postgres ? QStringLiteral("NULL") : QStringLiteral("'pending'");
    for (qsizetype from = 0; from < keys.size(); from += kStateChunk) {
        QStringList rows;
        for (const QString &key : keys.mid(from, kStateChunk))
            rows.append(QStringLiteral("(%1, %2, 'pending', NULL, %3)").arg(source::SourceConnection::quoteLiteral(key), pendingSource, run));
        if (Result<void> r = m_connection.execute(QStringLiteral("INSERT INTO %1 (key, src, hash, match, updated_run) VALUES %2 ON CONFLICT (key) DO NOTHING")
                                                      .arg(m_table, rows.join(QStringLiteral(", "))));
            !r)
            return r;
    }
    return {};
}

Result<void> WarehouseDiff::clearPending(const QStringList &keys)
{
    for (qsizetype from = 0; from < keys.size(); from += kStateChunk) {
        QStringList literals;
        for (const QString &key : keys.mid(from, kStateChunk))
            literals.append(source::SourceConnection::quoteLiteral(key));
        if (Result<void> r = m_connection.execute(QStringLiteral("DELETE FROM %1 WHERE hash = 'pending' AND key IN (%2)").arg(m_table, literals.join(QStringLiteral(", "))));
            !r)
            return r;
    }
    return {};
}

} // namespace sluice::engine
