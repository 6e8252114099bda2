#include "engine/warehouse_diff.h"

#include "source/source_connection.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sluice::engine {

WarehouseDiff::WarehouseDiff(source::SourceConnection &connection, bool postgres, const QString &sync, const QStringList &keyColumns,
                             const QStringList &usedColumns, const QString &consentColumn)
    : m_connection(connection), m_postgres(postgres), m_keys(keyColumns), m_used(usedColumns), m_consent(consentColumn)
{
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
        if (Result<void> r = m_connection.execute(QStringLiteral("CREATE SCHEMA IF NOT EXISTS sluice_state")); !r)
            return Error{r.error().message + QCoreApplication::translate("sluice::engine", " (the warehouse diff keeps its state in schema "
                                                                                             "sluice_state: grant CREATE, or use \"diff\": \"local\")"),
                         Error::Kind::Refused};
    }
    return m_connection.execute(QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (key TEXT PRIMARY KEY, src TEXT NOT NULL, hash TEXT NOT NULL, "
                                               "match TEXT, updated_run TEXT NOT NULL)")
                                    .arg(m_table));
}

QString WarehouseDiff::text(const QString &column) const
{
    return QStringLiteral("CAST(m.%1 AS TEXT)").arg(m_connection.quoteIdentifier(column));
}

QString WarehouseDiff::keyExpression() const
{
    QStringList parts;
    for (const QString &k : m_keys)
        parts.append(text(k));
    return parts.join(QStringLiteral(" || '|' || "));
}

QString WarehouseDiff::sourceExpression() const
{
    QStringList parts;
    for (const QString &c : m_used)
        parts.append(QStringLiteral("coalesce(%1, %2)").arg(text(c), m_postgres ? QStringLiteral("chr(30)") : QStringLiteral("char(30)")));
    if (m_postgres)
        return QStringLiteral("md5(concat_ws(chr(31), %1))").arg(parts.join(QStringLiteral(", ")));
    return QLatin1Char('(') + parts.join(QStringLiteral(" || char(31) || ")) + QLatin1Char(')');
}

QString WarehouseDiff::consentExpression() const
{
    // The same truth as the local diff's: true, t, 1, yes, y (any case); NULL is no consent.
    return QStringLiteral("coalesce(lower(%1) IN ('true', 't', '1', 'yes', 'y'), false)").arg(text(m_consent));
}

QString WarehouseDiff::candidatesSql(const QString &modelSql, bool fullResync) const
{
    const QString model = QStringLiteral("(\n%1\n) AS m").arg(source::stripTrailingSemicolons(modelSql));
    const QString distinct = m_postgres ? QStringLiteral("IS DISTINCT FROM") : QStringLiteral("IS NOT");
    QString where;
    if (!fullResync) {
        const QString newRows = m_consent.isEmpty() ? QStringLiteral("s.key IS NULL") : QStringLiteral("(s.key IS NULL AND %1)").arg(consentExpression());
        where = QStringLiteral(" WHERE %1 OR (s.key IS NOT NULL AND s.src %2 %3)").arg(newRows, distinct, sourceExpression());
    }
    return QStringLiteral("SELECT m.*, %1 AS sluice_src, s.hash AS sluice_hash, s.match AS sluice_match, "
                          "CASE WHEN s.key IS NULL OR s.hash = 'pending' THEN 1 ELSE 0 END AS sluice_is_new FROM %2 LEFT JOIN %3 s ON s.key = %4%5")
        .arg(sourceExpression(), model, m_table, keyExpression(), where);
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

Result<void> WarehouseDiff::commit(const QList<StateRow> &rows, const QString &runId)
{
    QStringList upserts, deletes;
    const QString run = source::SourceConnection::quoteLiteral(runId);
    for (const StateRow &r : rows) {
        if (r.deleted) {
            deletes.append(source::SourceConnection::quoteLiteral(r.key));
            continue;
        }
        upserts.append(QStringLiteral("(%1, %2, %3, %4, %5)")
                           .arg(source::SourceConnection::quoteLiteral(r.key), source::SourceConnection::quoteLiteral(r.src),
                                source::SourceConnection::quoteLiteral(r.hash),
                                r.match.isNull() ? QStringLiteral("NULL") : source::SourceConnection::quoteLiteral(r.match), run));
    }
    QStringList statements;
    if (!upserts.isEmpty())
        statements.append(QStringLiteral("INSERT INTO %1 (key, src, hash, match, updated_run) VALUES %2 ON CONFLICT (key) DO UPDATE SET "
                                         "src = excluded.src, hash = excluded.hash, match = excluded.match, updated_run = excluded.updated_run")
                              .arg(m_table, upserts.join(QStringLiteral(", "))));
    if (!deletes.isEmpty())
        statements.append(QStringLiteral("DELETE FROM %1 WHERE key IN (%2)").arg(m_table, deletes.join(QStringLiteral(", "))));
    for (const QString &sql : std::as_const(statements))
        if (Result<void> r = m_connection.execute(sql); !r)
            return r;
    return {};
}

Result<void> WarehouseDiff::markPending(const QStringList &keys, const QString &runId)
{
    if (keys.isEmpty())
        return {};
    QStringList rows;
    const QString run = source::SourceConnection::quoteLiteral(runId);
    for (const QString &key : keys)
        rows.append(QStringLiteral("(%1, 'pending', 'pending', NULL, %2)").arg(source::SourceConnection::quoteLiteral(key), run));
    return m_connection.execute(QStringLiteral("INSERT INTO %1 (key, src, hash, match, updated_run) VALUES %2 ON CONFLICT (key) DO NOTHING")
                                    .arg(m_table, rows.join(QStringLiteral(", "))));
}

Result<void> WarehouseDiff::clearPending(const QStringList &keys)
{
    if (keys.isEmpty())
        return {};
    QStringList literals;
    for (const QString &key : keys)
        literals.append(source::SourceConnection::quoteLiteral(key));
    return m_connection.execute(QStringLiteral("DELETE FROM %1 WHERE hash = 'pending' AND key IN (%2)").arg(m_table, literals.join(QStringLiteral(", "))));
}

} // namespace sluice::engine
