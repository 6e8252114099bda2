#include "engine/diff_strategy.h"

#include "engine/repeated_hashes.h"

#include "source/row_view.h"
#include "source/source_connection.h"
#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QCoreApplication>

namespace sluice::engine {

namespace {

// The local diff: the state is Sluice's (KnownRecords, two integers a
// record); every model row is streamed and judged here.
class LocalDiff final : public DiffStrategy
{
public:
    using DiffStrategy::DiffStrategy;

    std::optional<Error> load() override
    {
        m_known.load(m_ctx.store, m_ctx.sync.name);
        return std::nullopt;
    }
    qint64 held() override { return m_known.size(); }
    QString extractSql() override { return QStringLiteral("SELECT * FROM %1").arg(source::wrapModelSql(m_ctx.model.sql)); }
    bool readsByCopy() const override { return true; }
    quint64 arriving(const QString &key) override
    {
        const quint64 hash = KnownRecords::hashOf(key);
        m_known.prefetch(hash); // looked up after mapping
        return hash;
    }
    void excluded(const source::RowView &, const QString &key) override { m_known.note(key); }
    void invalid(const QString &key) override { m_known.see(key); }
    Verdict judge(const source::RowView &, const QString &key, quint64 keyHash, const Digest &digest, const QString &) override
    {
        const KnownRecords::Found found = m_known.see(key, keyHash);
        Verdict v;
        v.isNew = !found.known || found.pending;
        v.unchanged = !v.isNew && !resendAll() && found.content == KnownRecords::contentKey(digest.high);
        return v;
    }
    bool keysInDoubt() override { return m_known.maybeDuplicateKeys(); }
    QStringList removed() override { return m_known.unseen(m_ctx.store, m_ctx.sync.name); }

private:
    KnownRecords m_known;
};

// The columns the candidates query adds after the model's (WarehouseDiff::candidatesSql).
struct CandidateColumns
{
    explicit CandidateColumns(int modelColumns)
        : src(modelColumns), hash(modelColumns + 1), match(modelColumns + 2), isNew(modelColumns + 3), stateKey(modelColumns + 4),
          stateSrc(modelColumns + 5), removed(modelColumns + 6)
    {
    }
    int src, hash, match, isNew, stateKey, stateSrc, removed;
};

// The warehouse diff: the state is a table in the warehouse, and the
// warehouse returns only rows that are new or whose source digest moved.
class WarehouseStrategy final : public DiffStrategy
{
public:
    explicit WarehouseStrategy(DiffContext context) : DiffStrategy(std::move(context)), m_at(int(m_ctx.columns.size())) {}

    std::optional<Error> load() override;
    // A first fill reads every row anyway: its keys are checked as they pass,
    // and the warehouse is asked only to describe a problem seen.
    bool checksKeysFirst() const override { return !m_firstFill; }
    quint64 arriving(const QString &key) override
    {
        if (m_firstFill)
            m_arrived.push_back(store::recordKeyHash(key));
        return 0;
    }
    bool keysInDoubt() override { return m_firstFill && !repeatedHashes(m_arrived, 1).empty(); }
    qint64 held() override
    {
        Result<qint64> n = m_diff->stateCount();
        return n ? n.value() : -1;
    }
    QString extractSql() override;
    bool readsByCopy() const override { return m_firstFill.has_value(); } // the diff query keeps the server busy itself
    bool tookRemoval(const source::RowView &row) override
    {
        if (!m_removedInCandidates || row.integer(m_at.removed) != 1)
            return false;
        m_removed.append(row.text(m_at.stateKey)); // in the state, gone from the model
        return true;
    }
    void excluded(const source::RowView &row, const QString &key) override
    {
        if (m_ctx.tracksMatch)
            m_excluded.insert(key);
        ++m_excludedExtracted;
        if (!m_firstFill && !row.isNull(m_at.hash)) // in the state, pending included: may be in the destination
            m_excludedInState.append(key);
    }
    void invalid(const QString &key) override
    {
        if (m_ctx.tracksMatch)
            m_extractedKeys.insert(key);
    }
    Verdict judge(const source::RowView &row, const QString &key, quint64, const Digest &digest, const QString &match) override;
    std::optional<Error> settle(qint64 keyRows, qint64 extracted, qint64 &excludedTotal) override;
    QStringList removed() override { return m_removed; }

private:
    Error at(const Error &e) const
    {
        return {QCoreApplication::translate("sluice::engine", "sync %1: model %2").arg(m_ctx.sync.name, m_ctx.model.name) + QStringLiteral(": ") + e.message, e.kind};
    }
    std::optional<Error> findRemovals();
    std::optional<Error> findMatchHolders();

    CandidateColumns m_at;
    std::unique_ptr<WarehouseDialect> m_dialect;
    std::optional<WarehouseDiff> m_diff;
    std::optional<SourceDigest> m_firstFill; // empty state: the digest Sluice computes
    std::vector<quint64> m_arrived;          // first fill: each row's key hash
    bool m_removedInCandidates = false;
    qint64 m_excludedExtracted = 0;
    // With a match field: rows that left the warehouse (new or changed
    // there), and rows without consent that left it; the rest of the match
    // values' holders are asked of the state after the stream.
    QSet<QString> m_extractedKeys, m_excluded;
    QStringList m_excludedInState; // consent revoked for a record the destination holds
    QStringList m_removed;
};

std::optional<Error> WarehouseStrategy::load()
{
    const workspace::SourceConfig sourceConfig = m_ctx.workspace.config().sources.value(m_ctx.model.source);
    m_dialect = WarehouseDialect::of(sourceConfig.driver);
    if (!m_dialect)
        return configError(QCoreApplication::translate("sluice::engine", "sync %1: the warehouse diff cannot run on source %2 (driver %3); use \"diff\": \"local\"")
                               .arg(m_ctx.sync.name, m_ctx.model.source, sourceConfig.driver));
    QHash<QString, QString> nativeTypes;
    for (const source::Column &c : m_ctx.columns)
        nativeTypes.insert(c.name, c.nativeType);
    m_diff.emplace(m_ctx.source, *m_dialect, m_ctx.sync.name, m_ctx.model.primaryKey, columnsUsed(m_ctx.sync, m_ctx.model), m_ctx.sync.consentColumn,
                   nativeTypes);
    if (Result<void> r = m_diff->ensureStateTable(); !r)
        return at(r.error());
    if (Result<void> r = m_diff->claim(m_ctx.sync.destination, m_ctx.sync.object); !r)
        return at(r.error());
    // A first run has nothing to compare with: the model is read as it is
    // and Sluice computes each row's source digest itself.
    Result<bool> empty = m_diff->stateIsEmpty();
    if (!empty)
        return at(empty.error());
    if (empty.value())
        m_firstFill = m_diff->sourceDigest(m_ctx.columns);
    // The state is ready; from here the model is only read.
    if (Result<void> r = m_ctx.source.setReadOnly(true); !r)
        return at(r.error());
    m_removedInCandidates = !m_firstFill && m_diff->removedInCandidates(m_ctx.sync.mode == SyncMode::Mirror);
    return std::nullopt;
}

QString WarehouseStrategy::extractSql()
{
    if (m_firstFill)
        return QStringLiteral("SELECT * FROM %1").arg(source::wrapModelSql(m_ctx.model.sql));
    const QString sql = m_diff->candidatesSql(m_ctx.model.sql, resendAll(), m_removedInCandidates);
    (void)m_diff->tuneFor(sql); // speed only: a bad query reports itself when streamed
    return sql;
}

DiffStrategy::Verdict WarehouseStrategy::judge(const source::RowView &row, const QString &key, quint64, const Digest &digest, const QString &match)
{
    Verdict v;
    if (m_ctx.tracksMatch)
        m_extractedKeys.insert(key);
    if (m_firstFill) {
        if (m_ctx.keepOperations) {
            const std::optional<qint64> src = m_firstFill->of(row);
            v.ws = {src ? QString::number(*src) : QString(), match};
        }
        return v;
    }
    v.isNew = row.integer(m_at.isNew) != 0;
    v.unchanged = !v.isNew && !resendAll() && Digest::fromHex(row.text(m_at.hash)) == digest;
    if (v.unchanged || m_ctx.keepOperations) // what the state will need of it
        v.ws = {row.text(m_at.src), match};
    if (v.unchanged) {
        m_ctx.plan.warehouseRefresh.append({key, v.ws}); // same record, new source digest: remember it
        m_ctx.plan.refreshHashes.insert(key, digest.toHex());
    }
    return v;
}

// What did not leave the warehouse: unchanged records, and rows without
// consent the destination never held. Count both there, find removals, and
// the state's holders of the changed records' match values.
std::optional<Error> WarehouseStrategy::settle(qint64 keyRows, qint64 extracted, qint64 &excludedTotal)
{
    SyncPlan &plan = m_ctx.plan;
    plan.modelRows = m_firstFill ? extracted : keyRows; // a first fill read every row, and checked their keys itself
    plan.timings.insert(QStringLiteral("rows_extracted"), double(extracted));
    if (!m_ctx.sync.consentColumn.isEmpty() && !m_firstFill) { // a first run read every row
        Result<QVariant> n = m_ctx.source.scalar(m_diff->excludedCountSql(m_ctx.model.sql));
        if (!n)
            return at(n.error());
        excludedTotal = n->toLongLong();
    }
    plan.counts.unchanged += plan.modelRows - extracted - (excludedTotal - m_excludedExtracted);
    if (std::optional<Error> e = findRemovals())
        return e;
    return findMatchHolders();
}

std::optional<Error> WarehouseStrategy::findRemovals()
{
    if (m_ctx.sync.mode != SyncMode::Mirror)
        return std::nullopt;
    if (!m_removedInCandidates && !m_firstFill) {
        source::RowSink removedSink;
        removedSink.row = [this](const source::Row &r) {
            m_removed.append(source::toText(r.value(0)));
            return true;
        };
        if (Result<void> r = m_ctx.source.stream(m_diff->removedKeysSql(m_ctx.model.sql), removedSink, m_ctx.options.cancel); !r)
            return at(r.error());
    }
    m_removed.append(m_excludedInState);
    return std::nullopt;
}

// Identity conflicts with records that did not change stay visible: ask the
// state for holders of the changed records' match values.
std::optional<Error> WarehouseStrategy::findMatchHolders()
{
    Result<QStringList> noted = m_ctx.matchValues ? m_ctx.matchValues() : Result<QStringList>(QStringList());
    if (!noted)
        return at(noted.error());
    const QStringList values = noted.value();
    const QSet<QString> removedSet(m_removed.begin(), m_removed.end());
    for (qsizetype i = 0; i < values.size() && m_ctx.plan.counts.unchanged > 0; i += 500) {
        source::RowSink matchSink;
        matchSink.row = [&](const source::Row &r) {
            const QString key = source::toText(r.value(0));
            if (!m_extractedKeys.contains(key) && !removedSet.contains(key) && !m_excluded.contains(key))
                m_ctx.holdsMatch(source::toText(r.value(1)), key);
            return true;
        };
        if (Result<void> r = m_ctx.source.stream(m_diff->stateMatchesSql(values.mid(i, 500)), matchSink, m_ctx.options.cancel); !r)
            return at(r.error());
    }
    return std::nullopt;
}

} // namespace

std::unique_ptr<DiffStrategy> DiffStrategy::create(DiffContext context)
{
    if (context.sync.diff == DiffKind::Warehouse)
        return std::make_unique<WarehouseStrategy>(std::move(context));
    return std::make_unique<LocalDiff>(std::move(context));
}

} // namespace sluice::engine
