#include "engine/sync_engine.h"

#include "engine/known_records.h"
#include "engine/plan_internal.h"
#include "engine/record_digest.h"
#include "engine/warehouse_diff.h"

#include "connector/connector_info.h"
#include "mapping/field_schema.h"
#include "mapping/transform.h"
#include "model/key_check.h"
#include "source/row_view.h"
#include "source/source_connection.h"
#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <future>
#include <optional>


namespace sluice::engine {

namespace {

// A plan that sends nothing keeps this many operations to show.
constexpr qsizetype kSamples = 5;

bool consented(const QVariant &v)
{
    if (v.isNull() || !v.isValid())
        return false;
    if (v.typeId() == QMetaType::Bool)
        return v.toBool();
    if (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Int || v.typeId() == QMetaType::Double)
        return v.toDouble() != 0;
    const QString s = v.toString().trimmed().toLower();
    return s == QLatin1String("true") || s == QLatin1String("t") || s == QLatin1String("yes") || s == QLatin1String("y")
           || s == QLatin1String("1");
}

} // namespace

// Columns a sync reads from its model: field sources, template parts, match,
// consent and freshness. Every one must exist before anything is sent.
QStringList columnsUsed(const workspace::SyncConfig &sync, const workspace::ModelConfig &model)
{
    QStringList used;
    static const QRegularExpression placeholder(QStringLiteral("\\{([^{}]+)\\}"));
    for (const workspace::FieldMapping &f : sync.fields) {
        bool templated = false;
        for (const QString &step : f.transform) {
            if (step.startsWith(QLatin1String("template:")) || step.startsWith(QLatin1String("phone:{"))) {
                templated = templated || step.startsWith(QLatin1String("template:"));
                auto it = placeholder.globalMatch(step);
                while (it.hasNext())
                    used.append(it.next().captured(1));
            }
        }
        if (!templated || !f.source.isEmpty())
            used.append(f.source);
    }
    if (!sync.matchSource.isEmpty())
        used.append(sync.matchSource);
    if (!sync.consentColumn.isEmpty())
        used.append(sync.consentColumn);
    if (!model.freshness.isEmpty())
        used.append(model.freshness);
    used.removeDuplicates();
    used.removeAll(QString());
    return used;
}

namespace {

QString fingerprint(const workspace::SyncConfig &sync)
{
    // Changing what is sent, or how, re-sends what it affects.
    const QJsonObject o{{QStringLiteral("fields"), sync.raw.value(QStringLiteral("fields"))},
                        {QStringLiteral("object"), sync.object},
                        {QStringLiteral("match"), sync.raw.value(QStringLiteral("match"))}};
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(o).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}

} // namespace

QJsonObject Counts::toJson() const
{
    return QJsonObject{{QStringLiteral("added"), double(added)},         {QStringLiteral("changed"), double(changed)},
                       {QStringLiteral("removed"), double(removed)},     {QStringLiteral("unchanged"), double(unchanged)},
                       {QStringLiteral("excluded"), double(excluded)},   {QStringLiteral("invalid"), double(invalid)},
                       {QStringLiteral("delivered"), double(delivered)}, {QStringLiteral("rejected"), double(rejected)}};
}

QString newRunId()
{
    return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz"))
           + QStringLiteral("-%1").arg(QRandomGenerator::global()->bounded(0x10000), 4, 16, QLatin1Char('0'));
}

QStringList governanceProblems(const workspace::Workspace &workspace, const QString &syncName)
{
    QStringList problems;
    const workspace::Config &config = workspace.config();
    const workspace::SyncConfig sync = config.syncs.value(syncName);
    const workspace::ModelConfig model = config.models.value(sync.model);
    const workspace::DestinationConfig destination = config.destinations.value(sync.destination);
    if (destination.pii.isEmpty() || destination.pii == QLatin1String("allow"))
        return problems;
    for (const workspace::FieldMapping &f : sync.fields) {
        QStringList sources{f.source};
        for (const QString &step : f.transform)
            if (step.startsWith(QLatin1String("template:")))
                for (const QString &pii : model.pii)
                    if (step.contains(QLatin1Char('{') + pii + QLatin1Char('}')))
                        sources.append(pii);
        bool carriesPii = false;
        for (const QString &s : sources)
            carriesPii = carriesPii || model.pii.contains(s);
        if (!carriesPii)
            continue;
        auto chain = mapping::TransformChain::parse(f.transform);
        if (destination.pii == QLatin1String("block"))
            problems.append(QCoreApplication::translate("sluice::engine", "sync %1: field %2 carries PII column %3 of model %4, and destination %5 blocks PII; remove the field")
                                .arg(syncName, f.destination, f.source, model.name, destination.name));
        else if (!chain->hashes())
            problems.append(QCoreApplication::translate("sluice::engine", "sync %1: field %2 sends PII column %3 of model %4 unhashed, and destination %5 requires hashing; "
                              "end its transform with sha256, hash:google or hash:meta")
                                .arg(syncName, f.destination, f.source, model.name, destination.name));
    }
    return problems;
}

QStringList mappingProblems(const workspace::Workspace &workspace, const QString &syncName, const QList<source::Column> &columns)
{
    QStringList problems;
    const workspace::Config &config = workspace.config();
    const workspace::SyncConfig sync = config.syncs.value(syncName);
    const workspace::ModelConfig model = config.models.value(sync.model);
    QStringList names;
    for (const source::Column &c : columns)
        names.append(c.name);
    const QString owner = QCoreApplication::translate("sluice::engine", "sync %1: model %2").arg(syncName, model.name);
    for (const QString &c : columnsUsed(sync, model))
        if (!names.contains(c))
            problems.append(QCoreApplication::translate("sluice::engine", "%1: column %2 not found (the sync uses it; the model has %3)")
                                .arg(owner, c, names.join(QStringLiteral(", "))));
    if (sync.fields.isEmpty())
        problems.append(QCoreApplication::translate("sluice::engine", "sync %1: no fields are mapped").arg(syncName));
    if (!sync.matchDestination.isEmpty()
        && std::none_of(sync.fields.begin(), sync.fields.end(), [&](const workspace::FieldMapping &f) { return f.destination == sync.matchDestination; }))
        problems.append(QCoreApplication::translate("sluice::engine", "sync %1: match field %2 is not mapped; map it so records can be matched")
                            .arg(syncName, sync.matchDestination));
    const workspace::DestinationConfig destination = config.destinations.value(sync.destination);
    const mapping::FieldSchema schema = mapping::parseFieldSchema(destination.raw.value(QStringLiteral("field_schema")).toObject());
    for (auto it = schema.constBegin(); it != schema.constEnd(); ++it) {
        const bool mapped = std::any_of(sync.fields.begin(), sync.fields.end(), [&](const workspace::FieldMapping &f) { return f.destination == it.key(); });
        if (it->required && !mapped)
            problems.append(QCoreApplication::translate("sluice::engine", "sync %1: destination %2 requires field %3, and the sync does not map it")
                                .arg(syncName, destination.name, it.key()));
    }
    const connector::ConnectorInfo *connector = connector::findDestination(destination.type);
    if (connector && connector->needsObject && sync.object.isEmpty())
        problems.append(QCoreApplication::translate("sluice::engine", "sync %1: destination %2 (%3) needs \"object\": where in it records go").arg(syncName, destination.name, destination.type));
    if (connector && connector->needsMatch && sync.matchDestination.isEmpty())
        problems.append(QCoreApplication::translate("sluice::engine", "sync %1: destination %2 (%3) needs \"match\": the unique field records are matched on, such as email")
                            .arg(syncName, destination.name, destination.type));
    if (const connector::ConnectorInfo *info = connector; info && !info->modes.contains(toString(sync.mode)))
        problems.append(QCoreApplication::translate("sluice::engine", "sync %1: destination %2 (%3) does not take mode %4 (it takes %5)")
                            .arg(syncName, destination.name, destination.type, toString(sync.mode), info->modes.join(QStringLiteral(", "))));
    return problems;
}

Result<mapping::FieldSchema> destinationRules(const workspace::Workspace &workspace, const workspace::SyncConfig &sync)
{
    // The destination's declared field_schema, then what its API says about
    // the object (types, options, formats) for mapped fields the schema does
    // not cover: a record the tool would refuse is held back before sending.
    const workspace::DestinationConfig destination = workspace.config().destinations.value(sync.destination);
    mapping::FieldSchema rules = mapping::parseFieldSchema(destination.raw.value(QStringLiteral("field_schema")).toObject());
    const connector::ConnectorInfo *info = connector::findDestination(destination.type);
    if (!info || !info->available || !info->schemaDiscovery || (sync.object.isEmpty() && info->needsObject))
        return rules;
    Result<std::unique_ptr<destination::Destination>> built = destination::Destination::create(destination, workspace);
    if (!built)
        return built.error();
    Result<QList<destination::FieldInfo>> described = built.value()->describe(sync.object);
    if (!described)
        return described.error();
    if (described->isEmpty())
        return rules;
    QHash<QString, destination::FieldInfo> byName;
    for (const destination::FieldInfo &f : described.value())
        byName.insert(f.name, f);
    QStringList unknown;
    for (const workspace::FieldMapping &m : sync.fields) {
        const auto f = byName.constFind(m.destination);
        if (f == byName.constEnd()) {
            unknown.append(m.destination);
            continue;
        }
        if (rules.contains(m.destination))
            continue;
        mapping::FieldRule rule;
        if (f->type == QLatin1String("number") || f->type == QLatin1String("boolean"))
            rule.type = f->type;
        rule.allowed = f->options;
        rule.format = f->format;
        rules.insert(m.destination, rule);
    }
    if (!unknown.isEmpty() && !info->openSchema)
        return configError(QCoreApplication::translate("sluice::engine", "sync %1: destination %2 has no field %3 in %4; its fields are read from the destination "
                                                       "itself (create the field there, or map another)")
                               .arg(sync.name, destination.name, unknown.join(QStringLiteral(", ")), sync.object));
    return rules;
}

Result<void> requireSync(const workspace::Workspace &workspace, const QString &syncName)
{
    const workspace::Config &config = workspace.config();
    if (!config.syncs.contains(syncName))
        return configError(QCoreApplication::translate("sluice::engine", "unknown sync \"%1\" (syncs: %2)")
                               .arg(syncName, config.syncs.keys().join(QStringLiteral(", "))));
    return {};
}

namespace {

qint64 warehouseStateCount(std::optional<WarehouseDiff> &warehouse)
{
    Result<qint64> n = warehouse->stateCount();
    return n ? n.value() : -1;
}

// A state that vanished must not read as "nothing sent yet": that resends
// every record. The sync delivered before (noted beside the database, or in
// its run history) yet the state holds nothing: say so, and resend only when
// asked to.
std::optional<Error> lostState(const store::StateStore &store, const QString &sync, const SyncOptions &options, qint64 stateRecords)
{
    if (options.fullResync || stateRecords != 0)
        return std::nullopt;
    // The latest run that delivered anything: if it sent more than removals,
    // the destination holds records and the state cannot be empty.
    const QList<store::RunRecord> runs = store.runs(sync, 1000);
    const auto latest = std::find_if(runs.begin(), runs.end(), [](const store::RunRecord &r) {
        return r.counts.value(QStringLiteral("delivered")).toInteger() > 0;
    });
    const bool deliveredBefore = latest != runs.end()
                                 && latest->counts.value(QStringLiteral("delivered")).toInteger() > latest->counts.value(QStringLiteral("removed")).toInteger();
    if (!deliveredBefore && !(runs.isEmpty() && store.hasDelivered(sync)))
        return std::nullopt;
    return Error{QCoreApplication::translate("sluice::engine", "sync %1: it has delivered records before, but its state (what the destination holds) "
                                             "is empty: the state database or the warehouse's state table was lost or replaced, or the sync's diff strategy changed. Nothing was sent. "
                                             "To send every record again, run it with --full-resync")
                     .arg(sync),
                 Error::Kind::Config};
}

std::optional<Error> massDelete(const workspace::SyncConfig &sync, const SyncOptions &options, qint64 removed, qint64 held)
{
    if (options.allowMassDelete || removed == 0 || held <= 0 || double(removed) <= sync.maxDeleteShare * double(held))
        return std::nullopt;
    return Error{QCoreApplication::translate("sluice::engine", "sync %1: this mirror run would remove %2 of the %3 records the destination holds "
                                             "(%4 %), more than its max_delete_share (%5 %); nothing was sent. If the model really lost those rows, "
                                             "run it with --allow-mass-delete or raise max_delete_share")
                     .arg(sync.name)
                     .arg(removed)
                     .arg(held)
                     .arg(qRound(100.0 * double(removed) / double(held)))
                     .arg(qRound(100.0 * sync.maxDeleteShare)),
                 Error::Kind::Query};
}

} // namespace

Result<SyncPlan> planSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &syncName,
                          const SyncOptions &options)
{
    return planSync(workspace, store, syncName, options, false);
}

Result<SyncPlan> planSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &syncName,
                          const SyncOptions &options, bool keepOperations)
{
    const workspace::Config &config = workspace.config();
    if (Result<void> known = requireSync(workspace, syncName); !known)
        return known.error();
    const workspace::SyncConfig sync = config.syncs.value(syncName);
    const workspace::ModelConfig model = config.models.value(sync.model);
    const QString owner = QCoreApplication::translate("sluice::engine", "sync %1: model %2").arg(syncName, model.name);
    if (const QStringList problems = governanceProblems(workspace, syncName); !problems.isEmpty())
        return configError(problems.join(QLatin1Char('\n')));
    if (sync.fields.isEmpty())
        return configError(QCoreApplication::translate("sluice::engine", "sync %1: no fields are mapped").arg(syncName));

    SyncPlan plan;
    plan.sync = syncName;
    plan.mode = sync.mode;
    plan.runId = newRunId();
    QElapsedTimer stage;
    stage.start();

    const bool inWarehouse = sync.diff == DiffStrategy::Warehouse;
    plan.warehouseDiff = inWarehouse;
    Result<std::unique_ptr<source::SourceConnection>> conn = source::SourceConnection::open(
        config.sources.value(model.source), workspace,
        inWarehouse ? source::SourceConnection::Access::ReadWrite : source::SourceConnection::Access::ReadOnly);
    if (!conn)
        return Error{owner + QStringLiteral(": ") + conn.error().message, conn.error().kind};
    source::SourceConnection &source = *conn.value();
    Result<QList<source::Column>> columns = source.describe(model.sql);
    if (!columns)
        return Error{owner + QStringLiteral(": ") + columns.error().message, columns.error().kind};

    // Schema drift against the previous run, and mapped columns that vanished.
    QHash<QString, int> index;
    for (int i = 0; i < columns->size(); ++i) {
        index.insert(columns->at(i).name, i);
        plan.schema.insert(columns->at(i).name, source::columnTypeName(columns->at(i).type));
    }
    const QJsonObject previous = store.modelSchema(model.name);
    if (!previous.isEmpty()) {
        QJsonArray added, removed, changed;
        for (auto it = plan.schema.begin(); it != plan.schema.end(); ++it) {
            if (!previous.contains(it.key()))
                added.append(it.key());
            else if (previous.value(it.key()) != it.value())
                changed.append(QJsonObject{{QStringLiteral("column"), it.key()},
                                           {QStringLiteral("was"), previous.value(it.key())},
                                           {QStringLiteral("now"), it.value()}});
        }
        for (auto it = previous.begin(); it != previous.end(); ++it)
            if (!plan.schema.contains(it.key()))
                removed.append(it.key());
        if (!added.isEmpty() || !removed.isEmpty() || !changed.isEmpty())
            plan.drift = QJsonObject{{QStringLiteral("added"), added}, {QStringLiteral("removed"), removed}, {QStringLiteral("type_changed"), changed}};
    }
    if (const QStringList problems = mappingProblems(workspace, syncName, columns.value()); !problems.isEmpty())
        return configError(problems.join(QLatin1Char('\n')));

    // The model's keys must be present, unique and not NULL before anything is
    // sent. The warehouse diff asks the warehouse (unchanged rows never leave
    // it); the local diff watches the rows it streams anyway and asks the
    // warehouse only to confirm and describe a problem it saw.
    model::KeyCheck keys;
    auto judgeKeys = [&](Result<model::KeyCheck> checked) -> std::optional<Error> {
        if (!checked)
            return Error{owner + QStringLiteral(": ") + checked.error().message, checked.error().kind};
        keys = checked.value();
        if (!keys.ok())
            return Error{keys.problems(model.name).join(QLatin1Char('\n')) + QCoreApplication::translate("sluice::engine", "\nsync %1: nothing was sent; fix the model's key first").arg(syncName),
                         keys.missingColumns.isEmpty() ? Error::Kind::Query : Error::Kind::Config};
        return std::nullopt;
    };
    auto checkKeys = [&]() { return judgeKeys(model::checkKeys(source, model, columns.value())); };
    const bool keyColumnsPresent = std::all_of(model.primaryKey.begin(), model.primaryKey.end(), [&](const QString &k) { return index.contains(k); });
    if (!keyColumnsPresent)
        return *checkKeys(); // names the missing key column
    // On PostgreSQL the warehouse diff's key check runs on a second connection
    // while the diff query runs: two statements, two server processes, one wait.
    std::future<Result<model::KeyCheck>> concurrentCheck;
    if (inWarehouse && config.sources.value(model.source).driver == QLatin1String("postgres")) {
        const workspace::SourceConfig sourceConfig = config.sources.value(model.source);
        const QList<source::Column> described = columns.value();
        concurrentCheck = std::async(std::launch::async, [&workspace, sourceConfig, model, described]() -> Result<model::KeyCheck> {
            Result<std::unique_ptr<source::SourceConnection>> second = source::SourceConnection::open(sourceConfig, workspace);
            if (!second)
                return second.error();
            return model::checkKeys(*second.value(), model, described);
        });
    } else if (inWarehouse) {
        if (std::optional<Error> e = checkKeys())
            return *e;
    }
    plan.timings.insert(QStringLiteral("check_ms"), double(stage.restart()));

    // Extract, govern, map.
    QList<int> keyIndexes;
    for (const QString &k : model.primaryKey)
        keyIndexes.append(index.value(k));
    struct Field
    {
        QString destination;
        int column;
        mapping::TransformChain chain;
    };
    QList<Field> fields;
    for (const workspace::FieldMapping &f : sync.fields)
        fields.append({f.destination, f.source.isEmpty() ? -1 : index.value(f.source, -1), mapping::TransformChain::parse(f.transform).value()});
    const int consentIndex = sync.consentColumn.isEmpty() ? -1 : index.value(sync.consentColumn);
    const int freshnessIndex = model.freshness.isEmpty() ? -1 : index.value(model.freshness);
    const QString matchField = sync.matchDestination;
    const workspace::DestinationConfig destinationConfig = config.destinations.value(sync.destination);
    Result<mapping::FieldSchema> schemaRules = destinationRules(workspace, sync);
    if (!schemaRules)
        return schemaRules.error();
    const mapping::FieldSchema destinationSchema = schemaRules.value();
    const QString mappingFingerprint = fingerprint(sync);

    // Only records that will be sent are kept whole; an unchanged row leaves
    // nothing behind, so memory follows the change, not the model.
    KnownRecords known; // local diff: what the destination holds
    std::optional<WarehouseDiff> warehouse;
    std::optional<SourceDigest> firstFill; // warehouse diff, empty state: the digest Sluice computes
    const int extras = int(columns->size()); // warehouse diff: sluice_src, sluice_hash, sluice_match, sluice_is_new follow
    if (inWarehouse) {
        QHash<QString, QString> nativeTypes;
        for (const source::Column &c : columns.value())
            nativeTypes.insert(c.name, c.nativeType);
        warehouse.emplace(source, config.sources.value(model.source).driver == QLatin1String("postgres"), syncName, model.primaryKey,
                          columnsUsed(sync, model), sync.consentColumn, nativeTypes);
        if (Result<void> r = warehouse->ensureStateTable(); !r)
            return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
        if (Result<void> r = warehouse->claim(sync.destination, sync.object); !r)
            return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
        // A first run has nothing to compare with: the model is read as it is
        // and Sluice computes each row's source digest itself.
        Result<bool> empty = warehouse->stateIsEmpty();
        if (!empty)
            return Error{owner + QStringLiteral(": ") + empty.error().message, empty.error().kind};
        if (empty.value())
            firstFill = warehouse->sourceDigest(columns.value());
        // The state is ready; from here the model is only read.
        if (Result<void> r = source.setReadOnly(true); !r)
            return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
    } else {
        known.load(store, syncName);
    }
    if (std::optional<Error> lost = lostState(store, syncName, options, inWarehouse ? warehouseStateCount(warehouse) : known.size()))
        return *lost;
    plan.timings.insert(QStringLiteral("state_load_ms"), double(stage.restart()));
    qint64 extracted = 0, excludedExtracted = 0, nullKeys = 0;
    QStringList excludedInState; // warehouse diff: consent revoked for a record the destination holds
    const bool append = sync.mode == SyncMode::Append;
    const bool mirror = sync.mode == SyncMode::Mirror;
    const bool insertOnly = sync.mode == SyncMode::Insert;
    using destination::OpKind;
    const OpKind sendKind = append                               ? OpKind::Append
                            : sync.mode == SyncMode::Update ? OpKind::Update
                            : insertOnly                           ? OpKind::Insert
                                                                   : OpKind::Upsert;
    // What each record became, so that an identity conflict found later can undo its count.
    enum class Fate : char { Added, Changed, Unchanged };
    struct MatchHolder
    {
        QString key;
        Fate fate;
        bool sent;
    };
    QHash<QString, QList<MatchHolder>> byMatch;
    // Warehouse diff with a match field: rows that left the warehouse (new or
    // changed there), and rows without consent that left it; the rest of the
    // match values' holders are asked of the state after the stream.
    QSet<QString> extractedKeys;
    QSet<QString> excluded;
    qint64 excludedCount = 0;
    QVariant matchValue;
    int matchIndex = -1;
    QStringList fieldNames;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        fieldNames.append(fields[i].destination);
        if (!matchField.isEmpty() && fields[i].destination == matchField)
            matchIndex = int(i);
    }
    const bool trackExtracted = inWarehouse && matchIndex >= 0;
    // A field with no transform, no schema rule and not the match field goes
    // from the warehouse's text straight into the JSON.
    std::vector<char> direct;
    for (qsizetype i = 0; i < fields.size(); ++i)
        direct.push_back(fields[i].chain.steps().isEmpty() && !destinationSchema.contains(fields[i].destination) && i != matchIndex);
    RecordWriter writer(fieldNames, mappingFingerprint);
    const source::RowView *current = nullptr;
    const mapping::ColumnLookup lookup = [&](const QString &c) -> std::optional<QVariant> {
        const int i = index.value(c, -1);
        if (i < 0)
            return std::nullopt;
        return current->value(i);
    };
    auto holdInvalid = [&](const QString &key, const QString &reason) {
        if (!inWarehouse)
            known.see(key);
        else if (trackExtracted)
            extractedKeys.insert(key);
        plan.invalid.append({key, HeldKind::Invalid, reason});
    };
    source::RowSink sink;
    const bool removedInCandidates = inWarehouse && !firstFill && warehouse->removedInCandidates(mirror);
    QStringList removedInWarehouse;
    sink.view = [&](const source::RowView &row) {
        if (removedInCandidates && row.integer(extras + 6) == 1) {
            removedInWarehouse.append(row.text(extras + 4)); // in the state, gone from the model
            return true;
        }
        ++plan.modelRows;
        current = &row;
        for (const int k : keyIndexes)
            nullKeys += row.isNull(k);
        const QString key = model::recordKey(row, keyIndexes);
        quint64 keyHash = 0;
        if (!inWarehouse) {
            keyHash = KnownRecords::hashOf(key);
            known.prefetch(keyHash); // looked up after mapping
        }
        if (freshnessIndex >= 0) {
            const QString f = row.text(freshnessIndex);
            if (f > plan.freshnessMax)
                plan.freshnessMax = f;
        }
        ++extracted;
        if (consentIndex >= 0 && !consented(row.value(consentIndex))) {
            ++excludedCount;
            if (!inWarehouse)
                known.note(key);
            if (inWarehouse) {
                if (trackExtracted)
                    excluded.insert(key);
                ++excludedExtracted;
                if (!firstFill && !row.isNull(extras + 1)) // in the state, pending included: may be in the destination
                    excludedInState.append(key);
            }
            return true;
        }
        // JSON is written once, for the hash and the wire.
        QByteArray &json = writer.begin();
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const Field &f = fields[i];
            writer.field(i);
            if (direct[size_t(i)]) {
                if (f.column >= 0)
                    row.appendJson(json, f.column);
                else
                    json.append("null", 4);
                continue;
            }
            QVariant value = f.column >= 0 ? row.value(f.column) : QVariant();
            if (!f.chain.steps().isEmpty()) {
                Result<QVariant> v = f.chain.apply(value, lookup);
                if (!v) {
                    holdInvalid(key, QCoreApplication::translate("sluice::engine", "field %1: %2").arg(f.destination, v.error().message));
                    return true;
                }
                value = std::move(v).value();
            }
            const auto rule = destinationSchema.constFind(f.destination);
            if (rule != destinationSchema.constEnd()) {
                const QString problem = mapping::checkField(*rule, value, f.destination, destinationConfig.name);
                if (!problem.isEmpty()) {
                    holdInvalid(key, problem);
                    return true;
                }
            }
            source::appendJson(json, value);
            if (i == matchIndex)
                matchValue = std::move(value);
        }
        if (matchIndex >= 0) {
            if (matchValue.isNull() || !matchValue.isValid() || source::toText(matchValue).isEmpty()) {
                holdInvalid(key, QCoreApplication::translate("sluice::engine", "no %1 to match the destination's records on").arg(matchField));
                return true;
            }
        }
        writer.finish();
        const Digest digest = writer.digest();
        bool isNew = true;
        bool unchanged = false;
        SyncPlan::WarehouseState ws;
        if (firstFill) {
            if (keepOperations) {
                const std::optional<qint64> src = firstFill->of(row);
                ws = {src ? QString::number(*src) : QString(), matchIndex >= 0 ? source::toText(matchValue) : QString()};
            }
            if (trackExtracted)
                extractedKeys.insert(key);
        } else if (inWarehouse) {
            isNew = row.integer(extras + 3) != 0;
            unchanged = !isNew && !append && !options.fullResync && Digest::fromHex(row.text(extras + 1)) == digest;
            if (unchanged || keepOperations) // what the state will need of it
                ws = {row.text(extras), matchIndex >= 0 ? source::toText(matchValue) : QString()};
            if (unchanged) {
                plan.warehouseRefresh.append({key, ws}); // same record, new source digest: remember it
                plan.refreshHashes.insert(key, digest.toHex());
            }
            if (trackExtracted)
                extractedKeys.insert(key);
        } else {
            const KnownRecords::Found found = known.see(key, keyHash);
            isNew = !found.known || found.pending;
            unchanged = !isNew && !append && !options.fullResync && found.content == KnownRecords::contentKey(digest.high);
        }
        const Fate fate = unchanged ? Fate::Unchanged : (isNew || append) ? Fate::Added : Fate::Changed;
        switch (fate) {
        case Fate::Unchanged: ++plan.counts.unchanged; break;
        case Fate::Added: ++plan.counts.added; break;
        case Fate::Changed: ++plan.counts.changed; break;
        }
        const bool send = !unchanged && !(insertOnly && !isNew);
        if (matchIndex >= 0)
            byMatch[source::toText(matchValue)].append({key, fate, send});
        if (send) {
            ++plan.operationCount;
            if (keepOperations || plan.operations.size() < kSamples) {
                destination::Operation op{key, sendKind, QByteArray(writer.json().constData(), writer.json().size()), digest.toHex()};
                op.isNew = isNew;
                plan.operations.append(std::move(op));
                if (inWarehouse && keepOperations)
                    plan.warehouseState.insert(key, ws);
            }
        }
        if (options.progress && plan.modelRows % 10000 == 0)
            options.progress(QStringLiteral("extract"), plan.modelRows, -1);
        return true;
    };
    // COPY reads fastest; the warehouse diff's query keeps the server busy itself.
    sink.copy = !inWarehouse || firstFill;
    sink.invalidText = &plan.invalidText;
    const QString extractSql = inWarehouse && !firstFill ? warehouse->candidatesSql(model.sql, options.fullResync || append, removedInCandidates)
                                                         : QStringLiteral("SELECT * FROM %1").arg(source::wrapModelSql(model.sql));
    if (inWarehouse && !firstFill)
        (void)warehouse->tuneFor(extractSql); // speed only: a bad query reports itself below
    const Result<void> streamed = source.stream(extractSql, sink, options.cancel);
    if (concurrentCheck.valid()) {
        // A key problem explains a failed diff query better than its own message.
        if (std::optional<Error> e = judgeKeys(concurrentCheck.get()))
            return *e;
    }
    if (!streamed)
        return Error{owner + QStringLiteral(": ") + streamed.error().message, streamed.error().kind};
    if (!inWarehouse && (nullKeys > 0 || known.maybeDuplicateKeys())) {
        if (std::optional<Error> e = checkKeys())
            return *e;
    }
    plan.timings.insert(QStringLiteral("extract_map_ms"), double(stage.restart()));

    qint64 excludedTotal = excludedCount;
    QSet<QString> unchangedHolders; // warehouse diff: holders found in the state, not extracted
    if (inWarehouse) {
        // What did not leave the warehouse: unchanged records, and rows without consent
        // the destination never held. Count both there.
        plan.modelRows = keys.rowCount;
        plan.timings.insert(QStringLiteral("rows_extracted"), double(extracted));
        if (consentIndex >= 0 && !firstFill) { // a first run read every row
            Result<QVariant> n = source.scalar(warehouse->excludedCountSql(model.sql));
            if (!n)
                return Error{owner + QStringLiteral(": ") + n.error().message, n.error().kind};
            excludedTotal = n->toLongLong();
        }
        plan.counts.unchanged += plan.modelRows - extracted - (excludedTotal - excludedExtracted);
        if (mirror && !removedInCandidates && !firstFill) {
            source::RowSink removedSink;
            removedSink.row = [&](const source::Row &r) {
                removedInWarehouse.append(source::toText(r.value(0)));
                return true;
            };
            if (Result<void> r = source.stream(warehouse->removedKeysSql(model.sql), removedSink, options.cancel); !r)
                return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
        }
        if (mirror)
            removedInWarehouse.append(excludedInState);
        // Identity conflicts with records that did not change stay visible: ask the
        // state for holders of the changed records' match values.
        const QStringList values = byMatch.keys();
        const QSet<QString> removedSet(removedInWarehouse.begin(), removedInWarehouse.end());
        for (qsizetype i = 0; i < values.size() && plan.counts.unchanged > 0; i += 500) {
            source::RowSink matchSink;
            matchSink.row = [&](const source::Row &r) {
                const QString key = source::toText(r.value(0));
                if (!extractedKeys.contains(key) && !removedSet.contains(key) && !excluded.contains(key)) {
                    byMatch[source::toText(r.value(1))].append({key, Fate::Unchanged, false});
                    unchangedHolders.insert(key);
                }
                return true;
            };
            if (Result<void> r = source.stream(warehouse->stateMatchesSql(values.mid(i, 500)), matchSink, options.cancel); !r)
                return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
        }
    }

    // Identity conflicts: two rows, one match value; the destination would merge them.
    QSet<QString> conflicted;
    auto hold = [&](const MatchHolder &holder, const QString &reason) {
        conflicted.insert(holder.key);
        switch (holder.fate) {
        case Fate::Unchanged: --plan.counts.unchanged; break; // held back now, though unchanged
        case Fate::Added: --plan.counts.added; break;
        case Fate::Changed: --plan.counts.changed; break;
        }
        if (holder.sent)
            --plan.operationCount;
        plan.invalid.append({holder.key, HeldKind::Invalid, reason});
    };
    for (auto it = byMatch.begin(); it != byMatch.end(); ++it) {
        if (it.value().size() < 2)
            continue;
        for (const MatchHolder &holder : it.value()) {
            QStringList others;
            for (const MatchHolder &other : it.value())
                if (other.key != holder.key)
                    others.append(other.key);
            hold(holder, QCoreApplication::translate("sluice::engine", "identity conflict: records %1 and %2 have the same %3, so the destination would merge them")
                             .arg(holder.key, others.join(QStringLiteral(", ")), matchField));
        }
    }
    byMatch.clear();
    if (!conflicted.isEmpty())
        plan.operations.removeIf([&](const destination::Operation &op) { return conflicted.contains(op.key); });

    if (mirror) {
        // Left the model, or lost consent: removed from the destination.
        QStringList removed = inWarehouse ? removedInWarehouse : known.unseen(store, syncName);
        std::sort(removed.begin(), removed.end());
        for (const QString &key : std::as_const(removed)) {
            ++plan.operationCount;
            if (keepOperations || plan.operations.size() < kSamples)
                plan.operations.append({key, OpKind::Delete, {}, {}});
        }
        plan.counts.removed = removed.size();
        const qint64 held = inWarehouse ? warehouseStateCount(warehouse) : known.size();
        if (std::optional<Error> mass = massDelete(sync, options, removed.size(), held))
            return *mass;
    }
    std::sort(plan.invalid.begin(), plan.invalid.end(), [](const HeldRecord &a, const HeldRecord &b) {
        return a.key.size() != b.key.size() ? a.key.size() < b.key.size() : a.key < b.key;
    });
    plan.counts.excluded = excludedTotal;
    plan.counts.invalid = plan.invalid.size();
    plan.timings.insert(QStringLiteral("diff_ms"), double(stage.restart()));
    return plan;
}

} // namespace sluice::engine
