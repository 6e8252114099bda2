// The rules a sync must meet before a plan: governance, the mapping against
// the model's columns, the destination's own fields; and the small facts
// every plan shares (columns used, the mapping's fingerprint, run ids).
#include "engine/sync_engine.h"

#include "engine/known_records.h"
#include "engine/plan_internal.h"
#include "engine/record_digest.h"
#include "engine/warehouse_diff.h"

#include "connector/connector_info.h"
#include "mapping/field_schema.h"
#include "mapping/identity.h"
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

QString fingerprint(const workspace::SyncConfig &sync)
{
    // Changing what is sent, or how, re-sends what it affects.
    const QJsonObject o{{QStringLiteral("fields"), sync.raw.value(QStringLiteral("fields"))},
                        {QStringLiteral("object"), sync.object},
                        {QStringLiteral("match"), sync.raw.value(QStringLiteral("match"))}};
    return QString::fromLatin1(QCryptographicHash::hash(QJsonDocument(o).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256).toHex());
}


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
    // A platform that takes some identifiers only hashed: a mapping that
    // would send one raw is refused before anything runs.
    if (const connector::ConnectorInfo *info = connector::findDestination(destination.type))
        for (const workspace::FieldMapping &f : sync.fields)
            if (auto chain = mapping::TransformChain::parse(f.transform, f.destination); info->hashedKinds.contains(f.destination) && chain && !chain->hashes())
                problems.append(QCoreApplication::translate("sluice::engine", "sync %1: field %2 goes to %3 (%4), which takes it only as a SHA-256 hash of the "
                                                            "normalized value; add the platform's preset (hash:%5) to its transform, so the raw value never leaves")
                                    .arg(syncName, f.destination, destination.name, destination.type, mapping::identityPreset(destination.type)));
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
        auto chain = mapping::TransformChain::parse(f.transform, f.destination);
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
        rule.maxLength = f->maxLength;
        rule.required = f->required;
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

QString identityConflictReason(const QString &key, const QStringList &others, const QString &matchField)
{
    return QCoreApplication::translate("sluice::engine", "identity conflict: records %1 and %2 have the same %3, so the destination would merge them")
        .arg(key, others.join(QStringLiteral(", ")), matchField);
}

} // namespace sluice::engine
