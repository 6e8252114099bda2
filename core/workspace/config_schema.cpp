#include "workspace/config_schema.h"

#include "connector/connector_info.h"
#include "model/audience.h"
#include "workspace/config.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace sluice::workspace {

namespace {

} // namespace

const QStringList &piiRules()
{
    static const QStringList r{QStringLiteral("allow"), QStringLiteral("hash"), QStringLiteral("block")};
    return r;
}

const QStringList &knownTransforms()
{
    static const QStringList t{QStringLiteral("trim"),     QStringLiteral("lowercase"), QStringLiteral("uppercase"),
                               QStringLiteral("default"),  QStringLiteral("cast"),      QStringLiteral("round"),
                               QStringLiteral("truncate"), QStringLiteral("template"),  QStringLiteral("email"),
                               QStringLiteral("phone"),    QStringLiteral("sha256"),    QStringLiteral("hash")};
    return t;
}

namespace {

// sluice.json's "alerts", its rules (also under each sync) and its webhooks.
const QList<KeySpec> &alertKeys(Section section)
{
    static const QList<KeySpec> alerts{
        {"rules", "object", QT_TRANSLATE_NOOP("sluice::workspace", "the rules every sync is held to (a sync's own \"alerts\" override them)")},
        {"webhooks", "array", QT_TRANSLATE_NOOP("sluice::workspace", "where fired and recovered alerts are posted")},
    };
    static const QList<KeySpec> alertRules{
        {"run_failed", "boolean", QT_TRANSLATE_NOOP("sluice::workspace", "alert when a run fails (true by default)")},
        {"rejection_rate_above", "number-or-false", QT_TRANSLATE_NOOP("sluice::workspace", "alert when a run's rejected share of records sent is above this (0.01 by default; false: off)")},
        {"freshness_lag_above", "duration-or-false", QT_TRANSLATE_NOOP("sluice::workspace", "alert when the freshness lag is above this, as in \"1h\" (the default; false: off)")},
        {"match_rate_below", "number-or-false", QT_TRANSLATE_NOOP("sluice::workspace", "alert when the destination matched less than this share of records sent (0.85 by default; false: off)")},
        {"row_count_change_above", "number-or-false", QT_TRANSLATE_NOOP("sluice::workspace", "alert when the model's row count differs from the median of recent runs by more than this share (0.5 by default; false: off)")},
        {"schema_drift", "boolean", QT_TRANSLATE_NOOP("sluice::workspace", "alert when the model's columns changed (true by default)")},
    };
    static const QList<KeySpec> webhook{
        {"url", "url-or-secret", QT_TRANSLATE_NOOP("sluice::workspace", "where to post: an http(s) URL, or a secret reference holding one (a Slack webhook URL is a secret)"), {}, true},
        {"format", "string", QT_TRANSLATE_NOOP("sluice::workspace", "slack (a Slack-compatible {\"text\": ...}) or json (the default)"),
         {QStringLiteral("json"), QStringLiteral("slack")}},
        {"description", "string", QT_TRANSLATE_NOOP("sluice::workspace", "who reads it")},
    };
    return section == Section::Alerts ? alerts : section == Section::AlertRules ? alertRules : webhook;
}

} // namespace

const QList<KeySpec> &keysOf(Section section)
{
    static const QList<KeySpec> root{
        {"$schema", "string", QT_TRANSLATE_NOOP("sluice::workspace", "where editors find this file's JSON Schema")},
        {"version", "integer", QT_TRANSLATE_NOOP("sluice::workspace", "the format's version; this Sluice reads 1"), {}, true},
        {"sources", "object", QT_TRANSLATE_NOOP("sluice::workspace", "warehouses to read models from, by name")},
        {"destinations", "object", QT_TRANSLATE_NOOP("sluice::workspace", "tools and files to sync into, by name")},
        {"models", "object", QT_TRANSLATE_NOOP("sluice::workspace", "SQL over a source with a primary key, by name")},
        {"syncs", "object", QT_TRANSLATE_NOOP("sluice::workspace", "a model into a destination: mode, match key, field mappings, schedule")},
        {"ledger", "object", QT_TRANSLATE_NOOP("sluice::workspace", "how long the record ledger keeps what was sent, and which payloads")},
        {"alerts", "object", QT_TRANSLATE_NOOP("sluice::workspace", "alert rules for every sync, and the webhooks alerts go to")},
    };
    static const QList<KeySpec> ledger{
        {"retention_days", "integer", QT_TRANSLATE_NOOP("sluice::workspace", "days the ledger keeps each send (1 to 3650; 30 by default)")},
        {"payloads", "string", QT_TRANSLATE_NOOP("sluice::workspace", "which sends keep their payload: rejected (default), all or none"),
         {QStringLiteral("rejected"), QStringLiteral("all"), QStringLiteral("none")}},
    };
    static const QList<KeySpec> model{
        {"source", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the source the SQL runs in (not for an audience)")},
        {"sql", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the model's query; the warehouse computes it (not for an audience)")},
        {"primary_key", "name-or-names", QT_TRANSLATE_NOOP("sluice::workspace", "the column (or columns) that identify a row; unique and never null (not for an audience)")},
        {"pii", "name-or-names", QT_TRANSLATE_NOOP("sluice::workspace", "columns holding personal data; each destination's \"pii\" rule applies to them")},
        {"freshness", "string", QT_TRANSLATE_NOOP("sluice::workspace", "a timestamp column saying how fresh each row is (freshness lag)")},
        {"description", "string", QT_TRANSLATE_NOOP("sluice::workspace", "what the model means, for the people who read this file")},
        {"traits", "object", QT_TRANSLATE_NOOP("sluice::workspace", "named SQL expressions over the model's columns, computed by the warehouse, by name")},
        {"columns", "object", QT_TRANSLATE_NOOP("sluice::workspace", "the model's columns described, as {\"email\": {\"description\": \"...\"}}")},
        {"audience", "object", QT_TRANSLATE_NOOP("sluice::workspace", "makes this model an audience: another model narrowed by conditions (model, match, conditions)")},
    };
    static const QList<KeySpec> trait{
        {"sql", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the trait's SQL expression over the model's columns, as in ltv > 1000"), {}, true},
        {"type", "string", QT_TRANSLATE_NOOP("sluice::workspace", "what the trait holds"),
         {QStringLiteral("boolean"), QStringLiteral("integer"), QStringLiteral("number"), QStringLiteral("text"), QStringLiteral("timestamp"), QStringLiteral("date")}},
        {"description", "string", QT_TRANSLATE_NOOP("sluice::workspace", "what the trait means: its definition for everyone who uses it")},
        {"owner", "string", QT_TRANSLATE_NOOP("sluice::workspace", "who answers for the definition")},
    };
    static const QList<KeySpec> sync{
        {"model", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the model to read"), {}, true},
        {"destination", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the destination to write to"), {}, true},
        {"object", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the destination's object (contacts, Contact, a table, an audience id)")},
        {"mode", "string", QT_TRANSLATE_NOOP("sluice::workspace", "how records are written (upsert by default)"), knownSyncModes()},
        {"match", "object", QT_TRANSLATE_NOOP("sluice::workspace", "the model column and the destination field that identify a record in both")},
        {"fields", "array", QT_TRANSLATE_NOOP("sluice::workspace", "field mappings: model column, destination field, transforms")},
        {"policy", "object", QT_TRANSLATE_NOOP("sluice::workspace", "governance: the consent column a row needs to be sent")},
        {"diff", "string", QT_TRANSLATE_NOOP("sluice::workspace", "where the change set is computed: local (default) or warehouse"),
         {QStringLiteral("local"), QStringLiteral("warehouse")}},
        {"schedule", "object", QT_TRANSLATE_NOOP("sluice::workspace", "when the agent runs the sync: every, cron (with tz), after, manual")},
        {"description", "string", QT_TRANSLATE_NOOP("sluice::workspace", "what the sync is for")},
        {"max_delete_share", "number", QT_TRANSLATE_NOOP("sluice::workspace", "the share of the destination's records a mirror may remove in one run (0.5 by default)")},
        {"alerts", "object", QT_TRANSLATE_NOOP("sluice::workspace", "this sync's alert rules, over the workspace's")},
    };
    static const QList<KeySpec> field{
        {"source", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the model column"), {}, true},
        {"destination", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the destination field"), {}, true},
        {"transform", "name-or-names", QT_TRANSLATE_NOOP("sluice::workspace", "steps applied in order: trim, lowercase, email, phone:US, round:2, cast:string, sha256, ...")},
        {"description", "string", QT_TRANSLATE_NOOP("sluice::workspace", "what the field means")},
    };
    static const QList<KeySpec> match{
        {"source", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the model column"), {}, true},
        {"destination", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the destination's unique field"), {}, true},
    };
    static const QList<KeySpec> policy{
        {"consent", "string", QT_TRANSLATE_NOOP("sluice::workspace", "a boolean column: rows where it is not true are never sent (excluded)"), {}, true},
    };
    static const QList<KeySpec> schedule{
        {"every", "string", QT_TRANSLATE_NOOP("sluice::workspace", "an interval: a number and a unit (s, m, h, d), as in 15m")},
        {"cron", "string", QT_TRANSLATE_NOOP("sluice::workspace", "five cron fields: minute hour day-of-month month day-of-week")},
        {"tz", "string", QT_TRANSLATE_NOOP("sluice::workspace", "the IANA time zone of cron (UTC by default), as in Europe/Berlin")},
        {"after", "string", QT_TRANSLATE_NOOP("sluice::workspace", "another sync: this one runs when that one succeeded")},
        {"manual", "boolean", QT_TRANSLATE_NOOP("sluice::workspace", "true: only when someone runs it")},
        {"jitter", "string", QT_TRANSLATE_NOOP("sluice::workspace", "spread start times by up to this duration, as in 30s")},
    };
    switch (section) {
    case Section::Root: return root;
    case Section::Ledger: return ledger;
    case Section::Model: return model;
    case Section::Trait: return trait;
    case Section::Sync: return sync;
    case Section::Field: return field;
    case Section::Match: return match;
    case Section::Policy: return policy;
    case Section::Schedule: return schedule;
    case Section::Alerts:
    case Section::AlertRules:
    case Section::Webhook: return alertKeys(section);
    }
    return root;
}

QStringList keyNames(Section section)
{
    QStringList names;
    for (const KeySpec &k : keysOf(section))
        names.append(QLatin1String(k.name));
    return names;
}

const KeySpec *keySpec(Section section, const QString &key)
{
    for (const KeySpec &k : keysOf(section))
        if (key == QLatin1String(k.name))
            return &k;
    return nullptr;
}

namespace {

QJsonObject ref(const char *def)
{
    return {{QStringLiteral("$ref"), QString(QStringLiteral("#/$defs/") + QLatin1String(def))}};
}

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonObject keySchema(const KeySpec &k)
{
    QJsonObject s;
    const QString type = QLatin1String(k.type);
    const QJsonObject off{{QStringLiteral("const"), false}};
    if (type == QLatin1String("name-or-names"))
        s = ref("names");
    else if (type == QLatin1String("number-or-false"))
        s.insert(QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}, {QStringLiteral("minimum"), 0}, {QStringLiteral("maximum"), 100}}, off});
    else if (type == QLatin1String("duration-or-false"))
        s.insert(QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("pattern"), QStringLiteral("^\\s*\\d{1,7}(s|m|h|d)\\s*$")}}, off});
    else if (type == QLatin1String("url-or-secret"))
        s.insert(QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("pattern"), QStringLiteral("^https?://[^/?#\\s]+")}}, ref("secret")});
    else
        s.insert(QStringLiteral("type"), type);
    if (!k.values.isEmpty())
        s.insert(QStringLiteral("enum"), strings(k.values));
    if (k.required && type == QLatin1String("string"))
        s.insert(QStringLiteral("pattern"), QStringLiteral("\\S"));
    s.insert(QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", k.description));
    return s;
}

// An object of the section's keys: nothing else, the required ones present.
QJsonObject sectionSchema(Section section, const QString &description, const QHash<QString, QJsonObject> &refined = {})
{
    QJsonObject properties;
    QJsonArray required;
    for (const KeySpec &k : keysOf(section)) {
        QJsonObject s = keySchema(k);
        const QJsonObject more = refined.value(QLatin1String(k.name));
        for (auto it = more.begin(); it != more.end(); ++it)
            s.insert(it.key(), it.value());
        properties.insert(QLatin1String(k.name), s);
        if (k.required)
            required.append(QLatin1String(k.name));
    }
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("description"), description},
                  {QStringLiteral("properties"), properties},
                  {QStringLiteral("additionalProperties"), false}};
    if (!required.isEmpty())
        o.insert(QStringLiteral("required"), required);
    return o;
}

QJsonObject settingSchema(const connector::Setting &s)
{
    using K = connector::Setting::Kind;
    QJsonObject o;
    switch (s.kind) {
    case K::String:
    case K::Path: o.insert(QStringLiteral("type"), QStringLiteral("string")); break;
    case K::Url:
        o.insert(QStringLiteral("type"), QStringLiteral("string"));
        o.insert(QStringLiteral("pattern"), QStringLiteral("^https?://[^/?#\\s]+"));
        break;
    case K::Integer:
    case K::Number:
        o.insert(QStringLiteral("type"), s.kind == K::Integer ? QStringLiteral("integer") : QStringLiteral("number"));
        o.insert(QStringLiteral("minimum"), s.min);
        o.insert(QStringLiteral("maximum"), s.max);
        break;
    case K::Boolean: o.insert(QStringLiteral("type"), QStringLiteral("boolean")); break;
    case K::Secret: o = ref("secret"); break;
    case K::Headers:
        o.insert(QStringLiteral("type"), QStringLiteral("object"));
        o.insert(QStringLiteral("additionalProperties"), QJsonObject{{QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}, ref("secret")}}});
        break;
    case K::RateLimit: o = ref("rate_limit"); break;
    case K::Object: o = ref("nested"); break;
    case K::FieldSchema: o.insert(QStringLiteral("type"), QStringLiteral("object")); break;
    }
    if (s.required && (s.kind == K::String || s.kind == K::Path))
        o.insert(QStringLiteral("pattern"), QStringLiteral("\\S"));
    QString description = s.label ? QCoreApplication::translate("sluice::connector", s.label) : QString();
    if (s.help)
        description += (description.isEmpty() ? QString() : QStringLiteral(": ")) + QCoreApplication::translate("sluice::connector", s.help);
    if (!description.isEmpty())
        o.insert(QStringLiteral("description"), description);
    if (!s.defaultValue.isUndefined() && !s.defaultValue.isNull())
        o.insert(QStringLiteral("default"), s.defaultValue);
    return o;
}

// A source or a destination: the keys every one has, and per connector
// (chosen by `selector`, "driver" or "type") its own settings.
QJsonObject connectorsSchema(const QString &selector, const QList<const connector::ConnectorInfo *> &infos, const QString &description)
{
    QJsonObject common{{selector, QJsonObject{{QStringLiteral("enum"), QJsonArray{}}}},
                       {QStringLiteral("pii"), QJsonObject{{QStringLiteral("enum"), strings(piiRules())},
                                                           {QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "personal data columns: allow, hash (SHA-256) or block")}}},
                       {QStringLiteral("field_schema"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                                    {QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "the destination's fields, where it cannot describe them")}}},
                       {QStringLiteral("description"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                                   {QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "what it is, for the people who read this file")}}}};
    QJsonArray names, branches;
    for (const connector::ConnectorInfo *info : infos) {
        names.append(info->type);
        QJsonObject properties;
        QJsonArray required;
        for (const connector::Setting &s : info->settings) {
            properties.insert(s.key, settingSchema(s));
            if (s.required)
                required.append(s.key);
        }
        QJsonObject then{{QStringLiteral("properties"), properties}};
        if (!required.isEmpty())
            then.insert(QStringLiteral("required"), required);
        if (info->type == QLatin1String("webhook"))
            then.insert(QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("url")}}},
                                                            QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("base_url")}}}});
        if (!info->available) // a connector not built yet keeps keys this Sluice cannot know
            then.insert(QStringLiteral("additionalProperties"), true);
        branches.append(QJsonObject{{QStringLiteral("if"), QJsonObject{{QStringLiteral("properties"), QJsonObject{{selector, QJsonObject{{QStringLiteral("const"), info->type}}}}},
                                                                       {QStringLiteral("required"), QJsonArray{selector}}}},
                                    {QStringLiteral("then"), then}});
    }
    common.insert(selector, QJsonObject{{QStringLiteral("enum"), names}, {QStringLiteral("description"), selector == QLatin1String("type") ? QCoreApplication::translate("sluice::workspace", "the destination's kind") : QCoreApplication::translate("sluice::workspace", "the warehouse's driver")}});
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("description"), description},
            {QStringLiteral("required"), QJsonArray{selector}},
            {QStringLiteral("properties"), common},
            {QStringLiteral("allOf"), branches},
            {QStringLiteral("unevaluatedProperties"), false}};
}

QJsonObject secretSchema()
{
    QJsonArray shapes;
    const QList<QPair<QString, QString>> kinds{{QStringLiteral("env"), QCoreApplication::translate("sluice::workspace", "the name of an environment variable holding it")},
                                                {QStringLiteral("keychain"), QCoreApplication::translate("sluice::workspace", "the name of an entry in the OS keychain")},
                                                {QStringLiteral("file"), QCoreApplication::translate("sluice::workspace", "a file holding it (only the owner may read it)")}};
    for (const auto &[key, description] : kinds)
        shapes.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                  {QStringLiteral("properties"), QJsonObject{{key, QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                                                               {QStringLiteral("minLength"), 1},
                                                                                               {QStringLiteral("description"), description}}}}},
                                  {QStringLiteral("required"), QJsonArray{key}},
                                  {QStringLiteral("additionalProperties"), false}});
    return {{QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "a secret reference; secrets are never written into sluice.json")}, {QStringLiteral("oneOf"), shapes}};
}

// A condition or a group of them (all / any), as an audience's tree holds them.
QJsonObject audienceNodeSchema()
{
    const QJsonObject condition{{QStringLiteral("type"), QStringLiteral("object")},
                                {QStringLiteral("properties"), QJsonObject{{QStringLiteral("column"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("minLength"), 1}}},
                                                                          {QStringLiteral("op"), QJsonObject{{QStringLiteral("enum"), QJsonArray::fromStringList(model::audienceOperators())}}},
                                                                          {QStringLiteral("value"), QJsonObject{}}}},
                                {QStringLiteral("required"), QJsonArray{QStringLiteral("column"), QStringLiteral("op")}},
                                {QStringLiteral("additionalProperties"), false}};
    const QJsonObject group{{QStringLiteral("type"), QStringLiteral("object")},
                            {QStringLiteral("properties"), QJsonObject{{QStringLiteral("match"), QJsonObject{{QStringLiteral("enum"), QJsonArray{QStringLiteral("all"), QStringLiteral("any")}}}},
                                                                      {QStringLiteral("conditions"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), ref("audience_node")}}}}},
                            {QStringLiteral("required"), QJsonArray{QStringLiteral("conditions")}},
                            {QStringLiteral("additionalProperties"), false}};
    return {{QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "a condition on a column or trait, or a group of conditions")}, {QStringLiteral("anyOf"), QJsonArray{condition, group}}};
}

// A model (source, sql, primary_key) or an audience (audience), never both.
QJsonObject modelSchema()
{
    const QJsonObject audience{{QStringLiteral("type"), QStringLiteral("object")},
                               {QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", keySpec(Section::Model, QStringLiteral("audience"))->description)},
                               {QStringLiteral("properties"), QJsonObject{{QStringLiteral("model"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("minLength"), 1},
                                                                                                                {QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "the model this audience narrows; its key, source and PII rules are the audience's")}}},
                                                                         {QStringLiteral("match"), QJsonObject{{QStringLiteral("enum"), QJsonArray{QStringLiteral("all"), QStringLiteral("any")}},
                                                                                                                {QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "all: every condition holds (the default); any: at least one does")}}},
                                                                         {QStringLiteral("conditions"), QJsonObject{{QStringLiteral("type"), QStringLiteral("array")}, {QStringLiteral("items"), ref("audience_node")},
                                                                                                                     {QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "conditions on columns and traits, and groups of them")}}}}},
                               {QStringLiteral("required"), QJsonArray{QStringLiteral("model")}},
                               {QStringLiteral("additionalProperties"), false}};
    QJsonObject m = sectionSchema(Section::Model, QCoreApplication::translate("sluice::workspace", "SQL over a source, with the key that identifies a row; or an audience of another model"),
                                  {{QStringLiteral("traits"), QJsonObject{{QStringLiteral("additionalProperties"), sectionSchema(Section::Trait, QCoreApplication::translate("sluice::workspace", "a trait"))}}},
                                   {QStringLiteral("columns"), QJsonObject{{QStringLiteral("additionalProperties"),
                                                                           QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                                                                       {QStringLiteral("properties"), QJsonObject{{QStringLiteral("description"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}},
                                                                                       {QStringLiteral("additionalProperties"), false}}}}},
                                   {QStringLiteral("sql"), QJsonObject{{QStringLiteral("pattern"), QStringLiteral("\\S")}}},
                                   {QStringLiteral("source"), QJsonObject{{QStringLiteral("pattern"), QStringLiteral("\\S")}}},
                                   {QStringLiteral("audience"), audience}});
    m.insert(QStringLiteral("oneOf"), QJsonArray{QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("source"), QStringLiteral("sql"), QStringLiteral("primary_key")}}},
                                                 QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("audience")}},
                                                             {QStringLiteral("not"), QJsonObject{{QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("sql")}}},
                                                                                                                                     QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("source")}}},
                                                                                                                                     QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("primary_key")}}}}}}}}});
    return m;
}

QJsonObject defs()
{
    QList<const connector::ConnectorInfo *> sources, destinations;
    for (const QString &driver : connector::sourceDrivers())
        sources.append(connector::findSourceDriver(driver));
    for (const connector::ConnectorInfo &info : connector::destinationConnectors())
        destinations.append(&info);
    QJsonObject secretKeys;
    for (const QString &key : {QStringLiteral("password"), QStringLiteral("token"), QStringLiteral("api_key"), QStringLiteral("secret"),
                               QStringLiteral("access_token"), QStringLiteral("client_secret"), QStringLiteral("refresh_token"),
                               QStringLiteral("private_key"), QStringLiteral("project_token"), QStringLiteral("api_secret")})
        if (connector::isSecretKey(key))
            secretKeys.insert(key, ref("secret"));
    const QString transforms = knownTransforms().join(QLatin1Char('|'));
    QJsonObject d;
    d.insert(QStringLiteral("secret"), secretSchema());
    d.insert(QStringLiteral("names"), QJsonObject{{QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}},
                                                                                     QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                                                                 {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}}}});
    d.insert(QStringLiteral("rate_limit"),
             QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                         {QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "requests per window, as {\"requests\": 100, \"per_seconds\": 10}")},
                         {QStringLiteral("properties"), QJsonObject{{QStringLiteral("requests"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                                                                                                             {QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "requests allowed in each window")},
                                                                                                             {QStringLiteral("minimum"), 1},
                                                                                                             {QStringLiteral("maximum"), 1000000}}},
                                                                    {QStringLiteral("per_seconds"), QJsonObject{{QStringLiteral("type"), QStringLiteral("number")},
                                                                                                                {QStringLiteral("description"), QCoreApplication::translate("sluice::workspace", "the window's length in seconds (1 by default)")},
                                                                                                                {QStringLiteral("exclusiveMinimum"), 0},
                                                                                                                {QStringLiteral("maximum"), 86400}}}}},
                         {QStringLiteral("required"), QJsonArray{QStringLiteral("requests")}},
                         {QStringLiteral("additionalProperties"), false}});
    d.insert(QStringLiteral("nested"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}, {QStringLiteral("properties"), secretKeys}});
    d.insert(QStringLiteral("source"), connectorsSchema(QStringLiteral("driver"), sources, QCoreApplication::translate("sluice::workspace", "a warehouse to read models from")));
    d.insert(QStringLiteral("destination"), connectorsSchema(QStringLiteral("type"), destinations, QCoreApplication::translate("sluice::workspace", "a tool or file to sync into")));
    d.insert(QStringLiteral("model"), modelSchema());
    d.insert(QStringLiteral("audience_node"), audienceNodeSchema());
    QJsonObject transform{{QStringLiteral("pattern"), QStringLiteral("^(%1)(:.*)?$").arg(transforms)}};
    d.insert(QStringLiteral("field"),
             sectionSchema(Section::Field, QCoreApplication::translate("sluice::workspace", "a model column into a destination field"),
                           {{QStringLiteral("transform"),
                             QJsonObject{{QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}, {QStringLiteral("pattern"), transform.value(QStringLiteral("pattern"))}},
                                                                             QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                                                                         {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                                                                                               {QStringLiteral("pattern"), transform.value(QStringLiteral("pattern"))}}}}}}}}}));
    const QString duration = QStringLiteral("^\\s*\\d{1,7}(s|m|h|d)\\s*$");
    QJsonObject schedule = sectionSchema(Section::Schedule, QCoreApplication::translate("sluice::workspace", "when the agent runs the sync"),
                                         {{QStringLiteral("every"), QJsonObject{{QStringLiteral("pattern"), duration}}},
                                          {QStringLiteral("jitter"), QJsonObject{{QStringLiteral("pattern"), duration}}}});
    schedule.insert(QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("every")}}},
                                                        QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("cron")}}},
                                                        QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("after")}}},
                                                        QJsonObject{{QStringLiteral("required"), QJsonArray{QStringLiteral("manual")}}},
                                                        QJsonObject{{QStringLiteral("maxProperties"), 0}}});
    const QJsonObject rules = sectionSchema(Section::AlertRules, QCoreApplication::translate("sluice::workspace", "alert rules"),
                                            {{QStringLiteral("rejection_rate_above"), QJsonObject{{QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}, {QStringLiteral("minimum"), 0}, {QStringLiteral("maximum"), 1}}, QJsonObject{{QStringLiteral("const"), false}}}}}},
                                             {QStringLiteral("match_rate_below"), QJsonObject{{QStringLiteral("anyOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}, {QStringLiteral("minimum"), 0}, {QStringLiteral("maximum"), 1}}, QJsonObject{{QStringLiteral("const"), false}}}}}}});
    d.insert(QStringLiteral("alert_rules"), rules);
    d.insert(QStringLiteral("alerts"), sectionSchema(Section::Alerts, QCoreApplication::translate("sluice::workspace", "alerts"),
                                                     {{QStringLiteral("rules"), ref("alert_rules")},
                                                      {QStringLiteral("webhooks"), QJsonObject{{QStringLiteral("items"), sectionSchema(Section::Webhook, QCoreApplication::translate("sluice::workspace", "an alert webhook"))}}}}));
    d.insert(QStringLiteral("sync"),
             sectionSchema(Section::Sync, QCoreApplication::translate("sluice::workspace", "a model into a destination"),
                           {{QStringLiteral("match"), sectionSchema(Section::Match, QCoreApplication::translate("sluice::workspace", "the model column and the destination's unique field"))},
                            {QStringLiteral("policy"), sectionSchema(Section::Policy, QCoreApplication::translate("sluice::workspace", "governance"))},
                            {QStringLiteral("fields"), QJsonObject{{QStringLiteral("items"), ref("field")}}},
                            {QStringLiteral("schedule"), schedule},
                            {QStringLiteral("max_delete_share"), QJsonObject{{QStringLiteral("minimum"), 0}, {QStringLiteral("maximum"), 1}}},
                            {QStringLiteral("alerts"), ref("alert_rules")}}));
    return d;
}

} // namespace

QJsonObject configSchema()
{
    auto named = [](const char *def, const QString &description) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                           {QStringLiteral("description"), description},
                           {QStringLiteral("propertyNames"), QJsonObject{{QStringLiteral("pattern"), QStringLiteral("\\S")}}},
                           {QStringLiteral("additionalProperties"), ref(def)}};
    };
    QJsonObject root = sectionSchema(Section::Root, QCoreApplication::translate("sluice::workspace", "A Sluice workspace: sources, destinations, models and syncs"),
                                     {{QStringLiteral("version"), QJsonObject{{QStringLiteral("const"), 1}}},
                                      {QStringLiteral("sources"), named("source", QCoreApplication::translate("sluice::workspace", keySpec(Section::Root, QStringLiteral("sources"))->description))},
                                      {QStringLiteral("destinations"), named("destination", QCoreApplication::translate("sluice::workspace", keySpec(Section::Root, QStringLiteral("destinations"))->description))},
                                      {QStringLiteral("models"), named("model", QCoreApplication::translate("sluice::workspace", keySpec(Section::Root, QStringLiteral("models"))->description))},
                                      {QStringLiteral("syncs"), named("sync", QCoreApplication::translate("sluice::workspace", keySpec(Section::Root, QStringLiteral("syncs"))->description))},
                                      {QStringLiteral("alerts"), ref("alerts")},
                                      {QStringLiteral("ledger"), sectionSchema(Section::Ledger, QCoreApplication::translate("sluice::workspace", keySpec(Section::Root, QStringLiteral("ledger"))->description),
                                                                               {{QStringLiteral("retention_days"), QJsonObject{{QStringLiteral("minimum"), 1}, {QStringLiteral("maximum"), 3650}}}})}});
    root.insert(QStringLiteral("$schema"), QStringLiteral("https://json-schema.org/draft/2020-12/schema"));
    root.insert(QStringLiteral("$id"), QStringLiteral("urn:sluice:workspace:1"));
    root.insert(QStringLiteral("title"), QStringLiteral("sluice.json"));
    root.insert(QStringLiteral("$defs"), defs());
    return root;
}

} // namespace sluice::workspace
