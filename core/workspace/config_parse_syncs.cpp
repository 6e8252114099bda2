// sluice.json's models (with traits and audiences) and syncs (fields,
// governance, identity), validated as config_parse.cpp validates the rest.
#include "workspace/config_validator.h"

#include "connector/connector_info.h"
#include "mapping/field_schema.h"
#include "model/audience.h"
#include "model/model_query.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace sluice::workspace {

namespace {

void parseTraits(Validator &v, const QJsonObject &o, const QString &path, const QString &obj, ModelConfig &m)
{
    static const QStringList keys = keyNames(Section::Trait);
    static const QStringList types{QStringLiteral("boolean"), QStringLiteral("integer"), QStringLiteral("number"),
                                   QStringLiteral("text"), QStringLiteral("timestamp"), QStringLiteral("date")};
    const QJsonObject traits = v.object(o, QStringLiteral("traits"), path, obj, QStringLiteral("{\"is_high_value\": {\"sql\": \"ltv > 1000\"}}"));
    for (auto it = traits.begin(); it != traits.end(); ++it) {
        const QString tpath = path + QStringLiteral("/traits/") + it.key();
        const QString tobj = tr("model %1: trait %2").arg(m.name, it.key());
        if (!it.value().isObject()) {
            v.fail(tpath, tobj, tr("a trait must be an object such as {\"sql\": \"ltv > 1000\", \"description\": \"...\"}"));
            continue;
        }
        const QJsonObject t = it.value().toObject();
        v.onlyKeys(t, keys, tpath, tobj);
        TraitConfig trait;
        trait.name = it.key();
        if (trait.name.trimmed().isEmpty())
            v.fail(tpath, tobj, tr("a trait needs a name"));
        trait.sql = v.string(t, QStringLiteral("sql"), tpath, tobj, true);
        trait.type = v.string(t, QStringLiteral("type"), tpath, tobj, false);
        if (!trait.type.isEmpty() && !types.contains(trait.type))
            v.fail(tpath + QStringLiteral("/type"), tobj, tr("unknown type \"%1\" (known: %2)").arg(trait.type, types.join(QStringLiteral(", "))));
        trait.description = v.string(t, QStringLiteral("description"), tpath, tobj, false);
        trait.owner = v.string(t, QStringLiteral("owner"), tpath, tobj, false);
        m.traits.append(trait);
    }
    const QJsonObject columns = v.object(o, QStringLiteral("columns"), path, obj, QStringLiteral("{\"email\": {\"description\": \"...\"}}"));
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        const QString cpath = path + QStringLiteral("/columns/") + it.key();
        const QJsonObject c = it.value().toObject();
        if (!it.value().isObject() || c.size() > 1 || (c.size() == 1 && !c.value(QStringLiteral("description")).isString()))
            v.fail(cpath, obj, tr("a column entry must be {\"description\": \"...\"}"));
        else
            m.columnDescriptions.insert(it.key(), c.value(QStringLiteral("description")).toString());
    }
}

void parseAudienceModel(Validator &v, const QJsonObject &o, const QString &path, const QString &obj, ModelConfig &m)
{
    for (const char *inherited : {"source", "sql", "primary_key", "pii", "freshness", "traits"})
        if (o.contains(QLatin1String(inherited)))
            v.fail(path + QLatin1Char('/') + QLatin1String(inherited), obj,
                   tr("an audience takes \"%1\" from its model; remove it here").arg(QLatin1String(inherited)));
    const QJsonValue audience = o.value(QStringLiteral("audience"));
    if (!audience.isObject()) {
        v.fail(path + QStringLiteral("/audience"), obj, tr("\"audience\" must be an object such as {\"model\": \"customers\", \"match\": \"all\", \"conditions\": [...]}"));
        return;
    }
    QList<model::AudienceProblem> problems;
    m.audience = model::parseAudience(audience.toObject(), &problems);
    for (const model::AudienceProblem &p : problems)
        v.fail(path + QStringLiteral("/audience/") + p.path, tr("audience %1").arg(m.name), p.message);
}

} // namespace

void parseModels(Validator &v, const QJsonObject &root, Config &config)
{
    static const QStringList keys = keyNames(Section::Model);
    const auto models = section(v, root, QStringLiteral("models"));
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QString path = QStringLiteral("models/") + it.key();
        const QJsonObject o = it.value();
        const bool audience = o.contains(QStringLiteral("audience"));
        const QString obj = audience ? tr("audience %1").arg(it.key()) : tr("model %1").arg(it.key());
        v.onlyKeys(o, keys, path, obj);
        ModelConfig m;
        m.name = it.key();
        m.raw = o;
        m.description = v.string(o, QStringLiteral("description"), path, obj, false);
        if (audience) {
            parseAudienceModel(v, o, path, obj, m);
            config.models.insert(m.name, m);
            continue;
        }
        m.source = v.string(o, QStringLiteral("source"), path, obj, true);
        if (!m.source.isEmpty() && !config.sources.contains(m.source))
            v.fail(path + QStringLiteral("/source"), obj, tr("unknown source \"%1\"").arg(m.source));
        m.definedSql = v.string(o, QStringLiteral("sql"), path, obj, true);
        m.sql = m.definedSql;
        m.primaryKey = v.stringList(o, QStringLiteral("primary_key"), path, obj);
        if (m.primaryKey.isEmpty() || m.primaryKey.contains(QString()))
            v.fail(path, obj, tr("\"primary_key\" is required: a column name, or a list of them"));
        else if (QSet<QString>(m.primaryKey.begin(), m.primaryKey.end()).size() != m.primaryKey.size())
            v.fail(path + QStringLiteral("/primary_key"), obj, tr("\"primary_key\" names a column twice"));
        m.pii = v.stringList(o, QStringLiteral("pii"), path, obj);
        m.freshness = v.string(o, QStringLiteral("freshness"), path, obj, false);
        parseTraits(v, o, path, obj, m);
        config.models.insert(m.name, m);
    }
    for (const model::ModelProblem &p : model::resolveModelQueries(config))
        v.fail(p.path, p.object, p.message);
}

namespace {

void parseFields(Validator &v, const QJsonObject &o, const QString &path, const QString &syncName, SyncConfig &s)
{
    static const QStringList keys = keyNames(Section::Field);
    const QJsonValue fields = o.value(QStringLiteral("fields"));
    if (!fields.isUndefined() && !fields.isArray())
        v.fail(path + QStringLiteral("/fields"), tr("sync %1").arg(syncName), tr("\"fields\" must be a list of mappings"));
    const QJsonArray fieldArray = fields.toArray();
    QSet<QString> destinations;
    for (qsizetype i = 0; i < fieldArray.size(); ++i) {
        const QString fpath = path + QStringLiteral("/fields/") + QString::number(i);
        const QString fobj = tr("sync %1: field %2").arg(syncName).arg(i + 1);
        if (!fieldArray[i].isObject()) {
            v.fail(fpath, fobj, tr("a mapping must be an object such as {\"source\": \"email\", \"destination\": \"email\"}"));
            continue;
        }
        const QJsonObject f = fieldArray[i].toObject();
        v.onlyKeys(f, keys, fpath, fobj);
        FieldMapping fm;
        fm.source = v.string(f, QStringLiteral("source"), fpath, fobj, true);
        fm.destination = v.string(f, QStringLiteral("destination"), fpath, fobj, true);
        if (!fm.destination.isEmpty() && destinations.contains(fm.destination))
            v.fail(fpath + QStringLiteral("/destination"), fobj, tr("field \"%1\" is mapped twice").arg(fm.destination));
        destinations.insert(fm.destination);
        fm.transform = v.stringList(f, QStringLiteral("transform"), fpath, fobj);
        for (const QString &step : std::as_const(fm.transform))
            validateTransform(v, step, fpath + QStringLiteral("/transform"), fobj);
        s.fields.append(fm);
    }
}

// Governance and identity: a typo here must never switch a rule off silently.
void parseGovernance(Validator &v, const QJsonObject &o, const QString &path, const QString &obj, SyncConfig &s)
{
    const QJsonObject match = v.object(o, QStringLiteral("match"), path, obj, QStringLiteral("{\"source\": \"email\", \"destination\": \"email\"}"));
    if (o.contains(QStringLiteral("match")) && o.value(QStringLiteral("match")).isObject()) {
        v.onlyKeys(match, keyNames(Section::Match), path + QStringLiteral("/match"), obj);
        s.matchSource = v.string(match, QStringLiteral("source"), path + QStringLiteral("/match"), obj, true);
        s.matchDestination = v.string(match, QStringLiteral("destination"), path + QStringLiteral("/match"), obj, true);
    }
    const QJsonObject policy = v.object(o, QStringLiteral("policy"), path, obj, QStringLiteral("{\"consent\": \"marketing_consent\"}"));
    if (o.contains(QStringLiteral("policy")) && o.value(QStringLiteral("policy")).isObject()) {
        v.onlyKeys(policy, keyNames(Section::Policy), path + QStringLiteral("/policy"), obj);
        s.consentColumn = v.string(policy, QStringLiteral("consent"), path + QStringLiteral("/policy"), obj, policy.contains(QStringLiteral("consent")));
    }
    const QJsonValue share = o.value(QStringLiteral("max_delete_share"));
    if (!share.isUndefined() && (!share.isDouble() || share.toDouble() < 0 || share.toDouble() > 1))
        v.fail(path + QStringLiteral("/max_delete_share"), obj, tr("\"max_delete_share\" must be a number from 0 to 1 (0.5 is half the destination's records)"));
    s.maxDeleteShare = share.toDouble(0.5);
}

} // namespace

void parseSyncs(Validator &v, const QJsonObject &root, Config &config)
{
    static const QStringList keys = keyNames(Section::Sync);
    const auto syncs = section(v, root, QStringLiteral("syncs"));
    for (auto it = syncs.begin(); it != syncs.end(); ++it) {
        const QString path = QStringLiteral("syncs/") + it.key();
        const QString obj = tr("sync %1").arg(it.key());
        const QJsonObject o = it.value();
        v.onlyKeys(o, keys, path, obj);
        SyncConfig s;
        s.name = it.key();
        s.raw = o;
        s.model = v.string(o, QStringLiteral("model"), path, obj, true);
        if (!s.model.isEmpty() && !config.models.contains(s.model))
            v.fail(path + QStringLiteral("/model"), obj, tr("unknown model \"%1\"").arg(s.model));
        s.destination = v.string(o, QStringLiteral("destination"), path, obj, true);
        if (!s.destination.isEmpty() && !config.destinations.contains(s.destination))
            v.fail(path + QStringLiteral("/destination"), obj, tr("unknown destination \"%1\"").arg(s.destination));
        s.object = v.string(o, QStringLiteral("object"), path, obj, false);
        const QString mode = v.string(o, QStringLiteral("mode"), path, obj, false);
        if (!mode.isEmpty()) {
            if (const std::optional<SyncMode> m = syncModeFrom(mode))
                s.mode = *m;
            else
                v.fail(path + QStringLiteral("/mode"), obj, tr("unknown mode \"%1\" (known: %2)").arg(mode, knownSyncModes().join(QStringLiteral(", "))));
        }
        parseGovernance(v, o, path, obj, s);
        parseFields(v, o, path, it.key(), s);
        const QString diff = v.string(o, QStringLiteral("diff"), path, obj, false);
        if (!diff.isEmpty()) {
            if (const std::optional<DiffKind> d = diffKindFrom(diff))
                s.diff = *d;
            else
                v.fail(path + QStringLiteral("/diff"), obj, tr("\"diff\" must be local or warehouse"));
        }
        v.string(o, QStringLiteral("description"), path, obj, false);
        validateAlertRules(v, o.value(QStringLiteral("alerts")), path + QStringLiteral("/alerts"), obj);
        s.schedule = o.value(QStringLiteral("schedule")).toObject();
        validateSchedule(v, o.value(QStringLiteral("schedule")), syncs.keys(), path + QStringLiteral("/schedule"), obj);
        config.syncs.insert(s.name, s);
    }
}

} // namespace sluice::workspace
