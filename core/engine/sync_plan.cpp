#include "engine/sync_engine.h"

#include "engine/warehouse_diff.h"

#include "mapping/field_schema.h"
#include "mapping/transform.h"
#include "model/key_check.h"
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

#include <optional>

#include <openssl/evp.h>

namespace sluice::engine {

namespace {


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

// The content hash of a mapped record: SHA-256 over each value's type and
// text, plus the mapping's fingerprint. Values are framed by length so that
// ("ab", "c") and ("a", "bc") differ.
QString contentHash(const QVariantList &values, const QString &mappingFingerprint)
{
    QByteArray buffer;
    buffer.reserve(256);
    for (const QVariant &v : values) {
        const QByteArray text = v.isNull() || !v.isValid() ? QByteArray() : source::toText(v).toUtf8();
        buffer.append(char(v.isNull() || !v.isValid() ? 0 : 1 + (v.typeId() & 0x3f)));
        buffer.append(QByteArray::number(text.size()));
        buffer.append(':');
        buffer.append(text);
    }
    buffer.append(mappingFingerprint.toLatin1());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(buffer.constData(), size_t(buffer.size()), digest, &length, EVP_sha256(), nullptr);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), 16).toHex());
}

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

Result<void> requireSync(const workspace::Workspace &workspace, const QString &syncName)
{
    const workspace::Config &config = workspace.config();
    if (!config.syncs.contains(syncName))
        return configError(QCoreApplication::translate("sluice::engine", "unknown sync \"%1\" (syncs: %2)")
                               .arg(syncName, config.syncs.keys().join(QStringLiteral(", "))));
    return {};
}

Result<SyncPlan> planSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &syncName,
                          const SyncOptions &options)
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

    const bool inWarehouse = sync.diff == QLatin1String("warehouse");
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
    for (const QString &c : columnsUsed(sync, model))
        if (!index.contains(c))
            return configError(QCoreApplication::translate("sluice::engine", "%1: column %2 not found (the sync maps it; the model has %3)")
                                   .arg(owner, c, QStringList(index.keys()).join(QStringLiteral(", "))));

    Result<model::KeyCheck> keys = model::checkKeys(source, model, columns.value());
    if (!keys)
        return Error{owner + QStringLiteral(": ") + keys.error().message, keys.error().kind};
    if (!keys->ok())
        return Error{keys->problems(model.name).join(QLatin1Char('\n')) + QCoreApplication::translate("sluice::engine", "\nsync %1: nothing was sent; fix the model's key first").arg(syncName),
                     keys->missingColumns.isEmpty() ? Error::Kind::Query : Error::Kind::Config};
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
    const mapping::FieldSchema destinationSchema = mapping::parseFieldSchema(destinationConfig.raw.value(QStringLiteral("field_schema")).toObject());
    for (auto it = destinationSchema.constBegin(); it != destinationSchema.constEnd(); ++it) {
        const bool mapped = std::any_of(sync.fields.begin(), sync.fields.end(), [&](const workspace::FieldMapping &f) { return f.destination == it.key(); });
        if (it->required && !mapped)
            return configError(QCoreApplication::translate("sluice::engine", "sync %1: destination %2 requires field %3, and the sync does not map it")
                                   .arg(syncName, destinationConfig.name, it.key()));
    }
    const QString mappingFingerprint = fingerprint(sync);

    // Only records that will be sent are kept whole; an unchanged row leaves
    // nothing behind but its key, so memory follows the change, not the model.
    // What the destination holds: key -> content hash (16 bytes) and whether
    // this run saw the key in the model. Compact, since it holds every key.
    struct Known
    {
        quint64 high = 0, low = 0;
        bool seen = false;
        bool pending = false; // marked before a send that never settled: maybe in the destination
    };
    auto packHash = [](const QString &hex) {
        return std::make_pair(hex.left(16).toULongLong(nullptr, 16), hex.mid(16, 16).toULongLong(nullptr, 16));
    };
    QHash<QString, Known> state;
    std::optional<WarehouseDiff> warehouse;
    const int extras = int(columns->size()); // warehouse diff: sluice_src, sluice_hash, sluice_match, sluice_is_new follow
    if (inWarehouse) {
        warehouse.emplace(source, config.sources.value(model.source).driver == QLatin1String("postgres"), syncName, model.primaryKey,
                          columnsUsed(sync, model), sync.consentColumn);
        if (Result<void> r = warehouse->ensureStateTable(); !r)
            return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
    } else {
        store.forEachRecordHash(syncName, [&](const QString &key, const QString &hash) {
            const auto [high, low] = packHash(hash);
            state.insert(key, {high, low, false, hash == QLatin1String("pending")});
        });
    }
    qint64 extracted = 0, excludedExtracted = 0;
    QStringList excludedInState; // warehouse diff: consent revoked for a record the destination holds
    const bool append = sync.mode == QLatin1String("append");
    using destination::OpKind;
    struct Candidate
    {
        QString key;
        QByteArray fields; // compact JSON
        QString hash;
        bool isNew = false;
    };
    QList<Candidate> candidates;
    QSet<QString> extractedKeys;
    QSet<QString> unchangedWithMatch; // unchanged records that a later identity conflict may still hold back
    auto markSeen = [&](const QString &key) {
        auto it = state.find(key);
        if (it != state.end())
            it->seen = true;
    };
    QSet<QString> excluded;
    QHash<QString, QStringList> byMatch;
    QStringList missingMatch;
    QVariantList mappedValues;
    int matchIndex = -1;
    for (qsizetype i = 0; i < fields.size(); ++i)
        if (!matchField.isEmpty() && fields[i].destination == matchField)
            matchIndex = int(i);
    source::RowSink sink;
    sink.row = [&](const source::Row &row) {
        ++plan.modelRows;
        const QString key = model::recordKey(row, keyIndexes);
        if (freshnessIndex >= 0) {
            const QString f = source::toText(row[freshnessIndex]);
            if (f > plan.freshnessMax)
                plan.freshnessMax = f;
        }
        ++extracted;
        if (consentIndex >= 0 && !consented(row[consentIndex])) {
            excluded.insert(key);
            if (inWarehouse) {
                ++excludedExtracted;
                if (!row[extras + 1].isNull()) // in the state, pending included: may be in the destination
                    excludedInState.append(key);
            }
            return true;
        }
        const mapping::ColumnLookup lookup = [&](const QString &c) -> std::optional<QVariant> {
            const int i = index.value(c, -1);
            if (i < 0)
                return std::nullopt;
            return row[i];
        };
        // Map into a flat list first; the JSON object is only built for records that will be sent.
        mappedValues.resize(fields.size());
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const Field &f = fields[i];
            Result<QVariant> v = f.chain.apply(f.column >= 0 ? row[f.column] : QVariant(), lookup);
            if (!v) {
                markSeen(key);
                if (inWarehouse)
                    extractedKeys.insert(key);
                plan.invalid.append({key, QStringLiteral("invalid"), QCoreApplication::translate("sluice::engine", "field %1: %2").arg(f.destination, v.error().message)});
                return true;
            }
            mappedValues[i] = std::move(v).value();
            const auto rule = destinationSchema.constFind(f.destination);
            if (rule != destinationSchema.constEnd()) {
                const QString problem = mapping::checkField(*rule, mappedValues[i], f.destination, destinationConfig.name);
                if (!problem.isEmpty()) {
                    markSeen(key);
                    if (inWarehouse)
                        extractedKeys.insert(key);
                    plan.invalid.append({key, QStringLiteral("invalid"), problem});
                    return true;
                }
            }
        }
        if (matchIndex >= 0) {
            const QVariant &match = mappedValues[matchIndex];
            if (match.isNull() || !match.isValid() || source::toText(match).isEmpty())
                missingMatch.append(key);
            else
                byMatch[source::toText(match)].append(key);
        }
        const QString hash = contentHash(mappedValues, mappingFingerprint);
        bool isNew = true;
        bool unchanged = false;
        if (inWarehouse) {
            isNew = row[extras + 3].toLongLong() != 0;
            unchanged = !isNew && !append && !options.fullResync && row[extras + 1].toString() == hash;
            const SyncPlan::WarehouseState ws{row[extras].toString(),
                                              matchIndex >= 0 ? source::toText(mappedValues[matchIndex]) : QString()};
            if (unchanged) {
                plan.warehouseRefresh.append({key, ws}); // same record, new source digest: remember it
                plan.refreshHashes.insert(key, hash);
            } else {
                plan.warehouseState.insert(key, ws);
            }
            extractedKeys.insert(key);
        } else {
            const auto known = state.find(key);
            isNew = known == state.end() || known->pending;
            if (known != state.end())
                known->seen = true;
            if (!isNew) {
                const auto [high, low] = packHash(hash);
                unchanged = !append && !options.fullResync && known->high == high && known->low == low;
            }
        }
        if (unchanged) {
            ++plan.counts.unchanged;
            if (matchIndex >= 0)
                unchangedWithMatch.insert(key);
        } else {
            QJsonObject mappedFields;
            for (qsizetype i = 0; i < fields.size(); ++i)
                mappedFields.insert(fields[i].destination, source::toJson(mappedValues[i], source::ColumnType::Unknown));
            candidates.append({key, QJsonDocument(mappedFields).toJson(QJsonDocument::Compact), hash, isNew});
        }
        if (options.progress && plan.modelRows % 10000 == 0)
            options.progress(QStringLiteral("extract"), plan.modelRows, -1);
        return true;
    };
    const QString extractSql = inWarehouse ? warehouse->candidatesSql(model.sql, options.fullResync || append)
                                           : QStringLiteral("SELECT * FROM %1").arg(source::wrapModelSql(model.sql));
    if (Result<void> r = source.stream(extractSql, sink, options.cancel); !r)
        return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
    plan.timings.insert(QStringLiteral("extract_map_ms"), double(stage.restart()));

    QStringList removedInWarehouse;
    qint64 excludedTotal = excluded.size();
    if (inWarehouse) {
        // What did not leave the warehouse: unchanged records, and rows without consent
        // the destination never held. Count both there.
        plan.modelRows = keys->rowCount;
        plan.timings.insert(QStringLiteral("rows_extracted"), double(extracted));
        if (consentIndex >= 0) {
            Result<QVariant> n = source.scalar(warehouse->excludedCountSql(model.sql));
            if (!n)
                return Error{owner + QStringLiteral(": ") + n.error().message, n.error().kind};
            excludedTotal = n->toLongLong();
        }
        plan.counts.unchanged += plan.modelRows - extracted - (excludedTotal - excludedExtracted);
        if (sync.mode == QLatin1String("mirror")) {
            source::RowSink removedSink;
            removedSink.row = [&](const source::Row &r) {
                removedInWarehouse.append(source::toText(r.value(0)));
                return true;
            };
            if (Result<void> r = source.stream(warehouse->removedKeysSql(model.sql), removedSink, options.cancel); !r)
                return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
            removedInWarehouse.append(excludedInState);
        }
        // Identity conflicts with records that did not change stay visible: ask the
        // state for holders of the changed records' match values.
        const QStringList values = byMatch.keys();
        const QSet<QString> removedSet(removedInWarehouse.begin(), removedInWarehouse.end());
        for (qsizetype i = 0; i < values.size(); i += 500) {
            source::RowSink matchSink;
            matchSink.row = [&](const source::Row &r) {
                const QString key = source::toText(r.value(0));
                if (!extractedKeys.contains(key) && !removedSet.contains(key) && !excluded.contains(key)) {
                    byMatch[source::toText(r.value(1))].append(key);
                    unchangedWithMatch.insert(key);
                }
                return true;
            };
            if (Result<void> r = source.stream(warehouse->stateMatchesSql(values.mid(i, 500)), matchSink, options.cancel); !r)
                return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
        }
    }

    // Identity conflicts: two rows, one match value; the destination would merge them.
    QSet<QString> conflicted;
    auto hold = [&](const QString &key, const QString &reason) {
        conflicted.insert(key);
        if (unchangedWithMatch.contains(key))
            --plan.counts.unchanged; // held back now, though unchanged
        plan.invalid.append({key, QStringLiteral("invalid"), reason});
    };
    for (auto it = byMatch.begin(); it != byMatch.end(); ++it) {
        if (it.value().size() < 2)
            continue;
        for (const QString &key : it.value()) {
            QStringList others = it.value();
            others.removeAll(key);
            hold(key, QCoreApplication::translate("sluice::engine", "identity conflict: records %1 and %2 have the same %3, so the destination would merge them")
                          .arg(key, others.join(QStringLiteral(", ")), matchField));
        }
    }
    for (const QString &key : std::as_const(missingMatch))
        hold(key, QCoreApplication::translate("sluice::engine", "no %1 to match the destination's records on").arg(matchField));

    // Plan by mode.
    const bool mirror = sync.mode == QLatin1String("mirror");
    for (Candidate &c : candidates) {
        if (conflicted.contains(c.key))
            continue;
        if (append) {
            ++plan.counts.added;
            if (c.isNew)
                plan.newKeys.insert(c.key);
            plan.operations.append({c.key, OpKind::Append, std::move(c.fields), c.hash});
            continue;
        }
        if (c.isNew) {
            ++plan.counts.added;
            plan.newKeys.insert(c.key);
        } else {
            ++plan.counts.changed;
        }
        if (sync.mode == QLatin1String("insert") && !c.isNew)
            continue; // create only: changes to existing records are not sent
        const OpKind kind = sync.mode == QLatin1String("update") ? OpKind::Update
                            : sync.mode == QLatin1String("insert") ? OpKind::Insert
                                                                     : OpKind::Upsert;
        plan.operations.append({c.key, kind, std::move(c.fields), c.hash});
    }
    candidates.clear();
    if (mirror) {
        // Left the model, or lost consent: removed from the destination.
        QStringList removed = removedInWarehouse;
        for (auto it = state.constBegin(); it != state.constEnd(); ++it)
            if (!it->seen)
                removed.append(it.key());
        std::sort(removed.begin(), removed.end());
        for (const QString &key : std::as_const(removed))
            plan.operations.append({key, OpKind::Delete, {}, {}});
        plan.counts.removed = removed.size();
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
