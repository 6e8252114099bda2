#include "engine/warehouse_diff.h"

#include "engine/warehouse_dialect.h"
#include "model/key_check.h"

#include "source/column.h"
#include "source/source_connection.h"

#include <QCoreApplication>

#include <algorithm>

namespace sluice::engine {

WarehouseDiff::WarehouseDiff(source::SourceConnection &connection, WarehouseDialect &dialect, const QString &sync,
                             const QStringList &keyColumns, const QStringList &usedColumns, const QString &consentColumn,
                             const QHash<QString, QString> &nativeTypes)
    : m_connection(connection), m_dialect(dialect), m_keys(keyColumns), m_used(usedColumns), m_types(nativeTypes), m_consent(consentColumn)
{
    m_sync = sync;
    m_table = dialect.stateTable(connection, sync);
    // The source digest covers the key too, so a row is never "unchanged" by accident.
    for (const QString &k : m_keys)
        if (!m_used.contains(k))
            m_used.prepend(k);
}

Result<void> WarehouseDiff::ensureStateTable()
{
    Result<bool> native = m_dialect.ensureStateTable(m_connection, m_table, m_dialect.nativeKeyType(m_keys, m_types));
    if (!native)
        return native.error();
    m_nativeKey = native.value();
    return {};
}

Result<void> WarehouseDiff::tuneFor(const QString &candidatesSql)
{
    return m_dialect.tuneFor(m_connection, candidatesSql);
}

Result<void> WarehouseDiff::analyze()
{
    return m_dialect.analyze(m_connection, m_table, m_sync);
}

QString WarehouseDiff::text(const QString &column) const
{
    return m_connection.castToText(QStringLiteral("m.") + m_connection.quoteIdentifier(column));
}

QString WarehouseDiff::keyExpression() const
{
    if (m_nativeKey)
        return QStringLiteral("m.") + m_connection.quoteIdentifier(m_keys.first());
    QStringList columns;
    for (const QString &k : m_keys)
        columns.append(QStringLiteral("m.") + m_connection.quoteIdentifier(k));
    return m_dialect.stateKey(model::recordKeySql(m_connection, columns));
}

QString WarehouseDiff::sourceExpression() const
{
    return m_dialect.sourceDigest(m_connection, m_used, m_types);
}

QString WarehouseDiff::consentExpression() const
{
    // The same truth as the local diff's: true, t, 1, yes, y (any case); NULL is no consent.
    return QStringLiteral("coalesce(lower(%1) IN ('true', 't', '1', 'yes', 'y'), false)").arg(text(m_consent));
}

QString WarehouseDiff::candidatesSql(const QString &modelSql, bool fullResync, bool withRemoved) const
{
    // The digest is computed once per row in an inner query (the dialect's
    // fence keeps it from being inlined into the filter a second time); the
    // outer query keeps new rows and rows whose digest moved. Under mirror,
    // where the dialect can, a full join also yields, in the same pass, state
    // rows the model no longer has (sluice_removed = 1).
    const QString model = QStringLiteral("(\n%1\n) AS m").arg(source::stripTrailingSemicolons(modelSql));
    const bool full = withRemoved && m_dialect.removalsInCandidates();
    QString where;
    if (!fullResync) {
        const QString newRows = m_consent.isEmpty() ? QStringLiteral("c.sluice_state_key IS NULL")
                                                    : QStringLiteral("(c.sluice_state_key IS NULL AND c.sluice_consent_ok)");
        where = QStringLiteral(" WHERE %1 OR (c.sluice_state_key IS NOT NULL AND %2)").arg(newRows, m_dialect.distinct(QStringLiteral("c.sluice_state_src"), QStringLiteral("c.sluice_src")));
        if (full)
            where += QStringLiteral(" OR c.sluice_removed = 1");
    }
    const QString consent = m_consent.isEmpty() ? QString() : QStringLiteral(", %1 AS sluice_consent_ok").arg(consentExpression());
    const QString key = QStringLiteral("s.") + m_dialect.column(QStringLiteral("key"));
    return QStringLiteral("SELECT * FROM (SELECT m.*, %1 AS sluice_src, s.%11 AS sluice_hash, s.%9 AS sluice_match, "
                          "CASE WHEN %10 IS NULL OR s.%11 = 'pending' THEN 1 ELSE 0 END AS sluice_is_new, "
                          "%10 AS sluice_state_key, s.src AS sluice_state_src, "
                          "CASE WHEN %2 IS NULL THEN 1 ELSE 0 END AS sluice_removed%3 "
                          "FROM %4 %5 JOIN %6 s ON %10 = %2%7) AS c%8")
        .arg(sourceExpression(), keyExpression(), consent, model, full ? QStringLiteral("FULL") : QStringLiteral("LEFT"), m_table,
             m_dialect.fence(), where, m_dialect.column(QStringLiteral("match")), key)
        .arg(m_dialect.column(QStringLiteral("hash")));
}

Result<void> WarehouseDiff::claim(const QString &destination, const QString &object)
{
    if (!m_dialect.labelsState())
        return {};
    const QString owner = QStringLiteral("sluice: sync %1, destination %2%3")
                              .arg(m_sync, destination, object.isEmpty() ? QString() : QStringLiteral(", object ") + object);
    Result<QString> current = m_dialect.stateLabel(m_connection, m_table);
    if (!current)
        return current.error();
    if (current->isEmpty())
        return m_dialect.setStateLabel(m_connection, m_table, owner);
    if (current.value() == owner)
        return {};
    // "sluice: " marks the label as Sluice's; the rest names the owner.
    const QString prefix = QStringLiteral("sluice: ");
    QString holder = current.value();
    if (holder.startsWith(prefix))
        holder.remove(0, prefix.size());
    return Error{QCoreApplication::translate("sluice::engine", "the warehouse state %1 belongs to %2, and this sync writes to destination %3; "
                                                               "give this sync another name, or drop %1 to send every record again")
                     .arg(m_table, holder, destination + (object.isEmpty() ? QString() : QStringLiteral(", object ") + object)),
                 Error::Kind::Config};
}

Result<bool> WarehouseDiff::stateIsEmpty()
{
    if (!m_dialect.digestsInSluice())
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
    if (!m_dialect.digestsInSluice())
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
    return mirror && m_dialect.removalsInCandidates();
}

QString WarehouseDiff::removedKeysSql(const QString &modelSql) const
{
    const QString model = source::stripTrailingSemicolons(modelSql), key = m_dialect.column(QStringLiteral("key"));
    if (m_dialect.removalsByNotIn()) // the model's keys read once (see WarehouseDialect::removalsByNotIn)
        return QStringLiteral("SELECT s.%4 FROM %1 s WHERE s.%4 NOT IN (SELECT %3 FROM (\n%2\n) AS m WHERE %3 IS NOT NULL) ORDER BY s.%4")
            .arg(m_table, model, keyExpression(), key);
    return QStringLiteral("SELECT s.%4 FROM %1 s WHERE NOT EXISTS (SELECT 1 FROM (\n%2\n) AS m WHERE %3 = s.%4) ORDER BY s.%4")
        .arg(m_table, model, keyExpression(), key);
}

QString WarehouseDiff::excludedCountSql(const QString &modelSql) const
{
    return QStringLiteral("SELECT count(*) FROM (\n%1\n) AS m WHERE NOT %2").arg(source::stripTrailingSemicolons(modelSql), consentExpression());
}

QString WarehouseDiff::stateMatchesSql(const QStringList &matchValues) const
{
    QStringList literals;
    for (const QString &v : matchValues)
        literals.append(m_connection.literal(v));
    return QStringLiteral("SELECT %3, %4 FROM %1 WHERE %4 IN (%2)")
        .arg(m_table, literals.join(QStringLiteral(", ")), m_dialect.column(QStringLiteral("key")), m_dialect.column(QStringLiteral("match")));
}

namespace {

// State writes go in statements of this many rows: a file destination
// settles a whole run at once, and one statement of a million rows would
// hold hundreds of megabytes in Sluice and in the warehouse.
constexpr qsizetype kStateChunk = 5000;

} // namespace

Result<void> WarehouseDiff::inStatements(qsizetype count, const std::function<QString(qsizetype)> &item,
                                         const std::function<Result<void>(const QStringList &)> &write) const
{
    // Room for the statement around the items (table name, column lists).
    const qsizetype budget = m_dialect.maxStatementChars() > 0 ? m_dialect.maxStatementChars() - 4096 : 0;
    QStringList chunk;
    qsizetype chars = 0;
    for (qsizetype i = 0; i < count; ++i) {
        QString next = item(i);
        if (next.isEmpty())
            continue;
        if (!chunk.isEmpty() && (chunk.size() >= kStateChunk || (budget > 0 && chars + next.size() + 2 > budget))) {
            if (Result<void> r = write(chunk); !r)
                return r;
            chunk.clear();
            chars = 0;
        }
        chars += next.size() + 2;
        chunk.append(std::move(next));
    }
    if (!chunk.isEmpty())
        return write(chunk);
    return {};
}

Result<void> WarehouseDiff::commit(const QList<StateRow> &rows, const QString &runId)
{
    const QString run = m_connection.literal(runId);
    auto upsert = [&](qsizetype i) {
        const StateRow &r = rows[i];
        if (r.deleted)
            return QString();
        return QStringLiteral("(%1, %2, %3, %4, %5)")
            .arg(m_connection.literal(r.key), m_dialect.digestLiteral(r.src), m_connection.literal(r.hash),
                 r.match.isNull() ? QStringLiteral("NULL") : m_connection.literal(r.match), run);
    };
    if (Result<void> r = inStatements(rows.size(), upsert, [&](const QStringList &chunk) { return m_connection.execute(m_dialect.upsertSql(m_table, chunk)); });
        !r)
        return r;
    auto deleted = [&](qsizetype i) { return rows[i].deleted ? m_connection.literal(rows[i].key) : QString(); };
    return inStatements(rows.size(), deleted, [&](const QStringList &chunk) {
        return m_connection.execute(QStringLiteral("DELETE FROM %1 WHERE %3 IN (%2)")
                                        .arg(m_table, chunk.join(QStringLiteral(", ")), m_dialect.column(QStringLiteral("key"))));
    });
}

Result<void> WarehouseDiff::markPending(const QStringList &keys, const QString &runId)
{
    const QString run = m_connection.literal(runId);
    const QString pendingSource = m_dialect.pendingDigest();
    auto row = [&](qsizetype i) { return QStringLiteral("(%1, %2, 'pending', NULL, %3)").arg(m_connection.literal(keys[i]), pendingSource, run); };
    return inStatements(keys.size(), row, [&](const QStringList &chunk) { return m_connection.execute(m_dialect.insertMissingSql(m_table, chunk)); });
}

Result<void> WarehouseDiff::clearPending(const QStringList &keys)
{
    auto literal = [&](qsizetype i) { return m_connection.literal(keys[i]); };
    return inStatements(keys.size(), literal, [&](const QStringList &chunk) {
        return m_connection.execute(QStringLiteral("DELETE FROM %1 WHERE %4 = 'pending' AND %3 IN (%2)")
                                        .arg(m_table, chunk.join(QStringLiteral(", ")), m_dialect.column(QStringLiteral("key")),
                                             m_dialect.column(QStringLiteral("hash"))));
    });
}

} // namespace sluice::engine
