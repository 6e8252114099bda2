// Semantic validation of sluice.json. Every problem is collected (an operator
// fixing a file wants the whole list, not one error per attempt), and each one
// names the object at fault and the line where it stands.
#include "workspace/workspace.h"

#include "workspace/config_schema.h"
#include "workspace/config_validator.h"

#include "connector/connector_info.h"
#include "mapping/field_schema.h"
#include "model/audience.h"
#include "model/model_query.h"
#include "schedule/schedule.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace sluice::workspace {

const QStringList &knownDrivers()
{
    static const QStringList d{QStringLiteral("sqlite"), QStringLiteral("postgres"), QStringLiteral("odbc"),
                               QStringLiteral("mysql"), QStringLiteral("snowflake"), QStringLiteral("bigquery"),
                               QStringLiteral("redshift")};
    return d;
}

const QStringList &knownDestinationTypes()
{
    static const QStringList t = connector::destinationTypes();
    return t;
}

const QStringList &knownSyncModes()
{
    static const QStringList m{QStringLiteral("upsert"), QStringLiteral("update"), QStringLiteral("insert"),
                               QStringLiteral("mirror"), QStringLiteral("append")};
    return m;
}

const TraitConfig *ModelConfig::trait(const QString &traitName) const
{
    for (const TraitConfig &t : traits)
        if (t.name == traitName)
            return &t;
    return nullptr;
}

std::optional<SecretRef> parseSecretRef(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject o = value.toObject();
    if (o.size() != 1)
        return std::nullopt;
    const QString key = o.begin().key();
    const QJsonValue v = o.begin().value();
    if (!v.isString() || v.toString().isEmpty())
        return std::nullopt;
    if (key == QLatin1String("env"))
        return SecretRef{SecretRef::Kind::Env, v.toString()};
    if (key == QLatin1String("keychain"))
        return SecretRef{SecretRef::Kind::Keychain, v.toString()};
    if (key == QLatin1String("file"))
        return SecretRef{SecretRef::Kind::File, v.toString()};
    return std::nullopt;
}

QMap<QString, QJsonObject> section(Validator &v, const QJsonObject &root, const QString &key)
{
    QMap<QString, QJsonObject> out;
    const QJsonValue s = root.value(key);
    if (s.isUndefined() || s.isNull())
        return out;
    if (!s.isObject()) {
        v.fail(key, QString(), QCoreApplication::translate("sluice::workspace", "\"%1\" must be an object of named entries").arg(key));
        return out;
    }
    const QJsonObject o = s.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().isObject()) {
            v.fail(key + QLatin1Char('/') + it.key(), QString(),
                   QCoreApplication::translate("sluice::workspace", "%1 \"%2\" must be an object").arg(key, it.key()));
            continue;
        }
        if (it.key().trimmed().isEmpty()) {
            v.fail(key, QString(), QCoreApplication::translate("sluice::workspace", "an entry of \"%1\" has an empty name").arg(key));
            continue;
        }
        out.insert(it.key(), it.value().toObject());
    }
    return out;
}

void validateTransform(Validator &v, const QString &step, const QString &path, const QString &object)
{
    const qsizetype colon = step.indexOf(QLatin1Char(':'));
    const QString name = colon < 0 ? step : step.left(colon);
    const QString arg = colon < 0 ? QString() : step.mid(colon + 1);
    if (!knownTransforms().contains(name)) {
        v.fail(path, object, QCoreApplication::translate("sluice::workspace", "unknown transform \"%1\" (known: %2)").arg(name, knownTransforms().join(QStringLiteral(", "))));
        return;
    }
    bool numberOk = true;
    if (name == QLatin1String("round") || name == QLatin1String("truncate")) {
        const int n = arg.toInt(&numberOk);
        if (!numberOk || n < 0)
            v.fail(path, object, QCoreApplication::translate("sluice::workspace", "transform \"%1\" needs a non-negative whole number, as in %1:2").arg(name));
    } else if (name == QLatin1String("cast")) {
        static const QStringList types{QStringLiteral("string"), QStringLiteral("integer"), QStringLiteral("decimal"),
                                       QStringLiteral("boolean"), QStringLiteral("timestamp")};
        if (!types.contains(arg))
            v.fail(path, object, QCoreApplication::translate("sluice::workspace", "transform \"cast\" takes one of %1").arg(types.join(QStringLiteral(", "))));
    } else if (name == QLatin1String("hash")) {
        if (arg != QLatin1String("google") && arg != QLatin1String("meta"))
            v.fail(path, object, QCoreApplication::translate("sluice::workspace", "transform \"hash\" takes google or meta"));
    } else if (name == QLatin1String("phone")) {
        if (!QRegularExpression(QStringLiteral("^([A-Z]{2}|\\{[^{}]+\\})$")).match(arg).hasMatch())
            v.fail(path, object, QCoreApplication::translate("sluice::workspace", "transform \"phone\" needs a two-letter region or a column holding one, as in phone:US or phone:{country}"));
    } else if (name == QLatin1String("template")) {
        if (arg.isEmpty())
            v.fail(path, object, QCoreApplication::translate("sluice::workspace", "transform \"template\" needs a pattern, as in template:{first_name} {last_name}"));
    }
}

void validateSchedule(Validator &v, const QJsonValue &value, const QStringList &syncNames, const QString &path,
                      const QString &object)
{
    if (value.isUndefined() || value.isNull())
        return;
    if (!value.isObject()) {
        v.fail(path, object, QCoreApplication::translate("sluice::workspace", "\"schedule\" must be an object"));
        return;
    }
    const QJsonObject s = value.toObject();
    v.onlyKeys(s, keyNames(Section::Schedule), path, object);
    const QString syncName = object.section(QLatin1Char(' '), 1);
    if (Result<schedule::Schedule> parsed = schedule::Schedule::from(s, syncName); !parsed) {
        // The schedule's own message names the sync; point at the schedule.
        v.fail(path, QString(), parsed.error().message);
        return;
    }
    if (s.contains(QStringLiteral("after"))) {
        const QString parent = s.value(QStringLiteral("after")).toString();
        if (!syncNames.contains(parent))
            v.fail(path + QStringLiteral("/after"), object,
                   QCoreApplication::translate("sluice::workspace", "schedule \"after\" names an unknown sync \"%1\"").arg(parent));
        else if (parent == syncName)
            v.fail(path + QStringLiteral("/after"), object, QCoreApplication::translate("sluice::workspace", "schedule \"after\" names the sync itself"));
    }
}

QString tr(const char *text)
{
    return QCoreApplication::translate("sluice::workspace", text);
}

// Alert rules, the workspace's ("alerts": {"rules": ...}) or a sync's ("alerts"):
// a limit, or false to turn the rule off; never a value that means nothing.
void validateAlertRules(Validator &v, const QJsonValue &value, const QString &path, const QString &object)
{
    if (value.isUndefined() || value.isNull())
        return;
    if (!value.isObject()) {
        v.fail(path, object, QCoreApplication::translate("sluice::workspace", "alert rules must be an object such as {\"rejection_rate_above\": 0.05}"));
        return;
    }
    const QJsonObject rules = value.toObject();
    v.onlyKeys(rules, keyNames(Section::AlertRules), path, object);
    for (const char *flag : {"run_failed", "schema_drift"})
        if (rules.contains(QLatin1String(flag)) && !rules.value(QLatin1String(flag)).isBool())
            v.fail(path + QLatin1Char('/') + QLatin1String(flag), object, QCoreApplication::translate("sluice::workspace", "\"%1\" must be true or false").arg(QLatin1String(flag)));
    for (const char *share : {"rejection_rate_above", "match_rate_below", "row_count_change_above"}) {
        const QJsonValue r = rules.value(QLatin1String(share));
        const double most = qstrcmp(share, "row_count_change_above") == 0 ? 100 : 1;
        if (!r.isUndefined() && !(r.isBool() && !r.toBool()) && !(r.isDouble() && r.toDouble() >= 0 && r.toDouble() <= most))
            v.fail(path + QLatin1Char('/') + QLatin1String(share), object,
                   QCoreApplication::translate("sluice::workspace", "\"%1\" must be a share from 0 to %2 (0.05 is 5 %), or false to turn the rule off").arg(QLatin1String(share)).arg(most));
    }
    const QJsonValue lag = rules.value(QStringLiteral("freshness_lag_above"));
    if (!lag.isUndefined() && !(lag.isBool() && !lag.toBool()) && !(lag.isString() && schedule::Schedule::parseDuration(lag.toString())))
        v.fail(path + QStringLiteral("/freshness_lag_above"), object,
               QCoreApplication::translate("sluice::workspace", "\"freshness_lag_above\" must be a duration such as \"1h\" or \"30m\", or false to turn the rule off"));
}

void parseAlerts(Validator &v, const QJsonObject &root, Config &config)
{
    const QJsonObject alerts = v.object(root, QStringLiteral("alerts"), QString(), QString(),
                                        QStringLiteral("{\"rules\": {\"rejection_rate_above\": 0.05}, \"webhooks\": [{\"url\": {\"env\": \"SLACK_HOOK\"}, \"format\": \"slack\"}]}"));
    const QString obj = QCoreApplication::translate("sluice::workspace", "alerts");
    v.onlyKeys(alerts, keyNames(Section::Alerts), QStringLiteral("alerts"), obj);
    validateAlertRules(v, alerts.value(QStringLiteral("rules")), QStringLiteral("alerts/rules"), obj);
    const QJsonValue hooks = alerts.value(QStringLiteral("webhooks"));
    if (!hooks.isUndefined() && !hooks.isArray())
        v.fail(QStringLiteral("alerts/webhooks"), obj, QCoreApplication::translate("sluice::workspace", "\"webhooks\" must be a list such as [{\"url\": {\"env\": \"SLACK_HOOK\"}, \"format\": \"slack\"}]"));
    const QJsonArray list = hooks.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString hpath = QStringLiteral("alerts/webhooks/%1").arg(i);
        const QString hobj = QCoreApplication::translate("sluice::workspace", "alert webhook %1").arg(i + 1);
        const QJsonObject h = list[i].toObject();
        if (!list[i].isObject()) {
            v.fail(hpath, hobj, QCoreApplication::translate("sluice::workspace", "a webhook must be an object with a \"url\""));
            continue;
        }
        v.onlyKeys(h, keyNames(Section::Webhook), hpath, hobj);
        const QJsonValue url = h.value(QStringLiteral("url"));
        const QUrl parsed(url.toString());
        if (url.isUndefined())
            v.fail(hpath, hobj, QCoreApplication::translate("sluice::workspace", "\"url\" is required"));
        else if (url.isString() && (!parsed.isValid() || parsed.host().isEmpty() || !parsed.scheme().startsWith(QLatin1String("http"))))
            v.fail(hpath + QStringLiteral("/url"), hobj, QCoreApplication::translate("sluice::workspace", "\"url\" must be an http:// or https:// URL, or a secret reference holding one"));
        else if (!url.isString() && !parseSecretRef(url))
            v.fail(hpath + QStringLiteral("/url"), hobj, QCoreApplication::translate("sluice::workspace", "\"url\" must be an http:// or https:// URL, or a secret reference such as {\"env\": \"SLACK_HOOK\"}"));
        const QString format = h.value(QStringLiteral("format")).toString(QStringLiteral("json"));
        if (!keySpec(Section::Webhook, QStringLiteral("format"))->values.contains(format) || (h.contains(QStringLiteral("format")) && !h.value(QStringLiteral("format")).isString()))
            v.fail(hpath + QStringLiteral("/format"), hobj, QCoreApplication::translate("sluice::workspace", "\"format\" must be slack or json"));
    }
    config.alerts = alerts;
}

void parseSources(Validator &v, const QJsonObject &root, Config &config)
{
    const auto sources = section(v, root, QStringLiteral("sources"));
    for (auto it = sources.begin(); it != sources.end(); ++it) {
        const QString path = QStringLiteral("sources/") + it.key();
        const QString obj = QCoreApplication::translate("sluice::workspace", "source %1").arg(it.key());
        const QJsonObject o = it.value();
        SourceConfig s;
        s.name = it.key();
        s.raw = o;
        s.driver = v.string(o, QStringLiteral("driver"), path, obj, true);
        const connector::ConnectorInfo *info = connector::findSourceDriver(s.driver);
        if (!s.driver.isEmpty() && !info)
            v.fail(path + QStringLiteral("/driver"), obj,
                   QCoreApplication::translate("sluice::workspace", "unknown driver \"%1\" (known: %2)").arg(s.driver, knownDrivers().join(QStringLiteral(", "))));
        if (info)
            v.settings(*info, o, path, obj);
        s.path = o.value(QStringLiteral("path")).toString();
        s.host = o.value(QStringLiteral("host")).toString(QStringLiteral("127.0.0.1"));
        s.port = o.value(QStringLiteral("port")).toInt(0);
        s.database = o.value(QStringLiteral("database")).toString();
        s.user = o.value(QStringLiteral("user")).toString();
        if (o.contains(QStringLiteral("password")))
            s.password = parseSecretRef(o.value(QStringLiteral("password")));
        s.connectTimeoutSeconds = o.value(QStringLiteral("connect_timeout_s")).toInt(10);
        config.sources.insert(s.name, s);
    }
}

void parseDestinations(Validator &v, const QJsonObject &root, Config &config)
{
    const auto destinations = section(v, root, QStringLiteral("destinations"));
    for (auto it = destinations.begin(); it != destinations.end(); ++it) {
        const QString path = QStringLiteral("destinations/") + it.key();
        const QString obj = QCoreApplication::translate("sluice::workspace", "destination %1").arg(it.key());
        const QJsonObject o = it.value();
        DestinationConfig d;
        d.name = it.key();
        d.raw = o;
        d.type = v.string(o, QStringLiteral("type"), path, obj, true);
        const connector::ConnectorInfo *info = connector::findDestination(d.type);
        if (!d.type.isEmpty() && !info)
            v.fail(path + QStringLiteral("/type"), obj,
                   QCoreApplication::translate("sluice::workspace", "unknown destination type \"%1\" (known: %2)").arg(d.type, knownDestinationTypes().join(QStringLiteral(", "))));
        if (info)
            v.settings(*info, o, path, obj);
        d.pii = v.string(o, QStringLiteral("pii"), path, obj, false);
        if (!d.pii.isEmpty() && !piiRules().contains(d.pii))
            v.fail(path + QStringLiteral("/pii"), obj, QCoreApplication::translate("sluice::workspace", "\"pii\" must be allow, hash or block"));
        if (d.type == QLatin1String("webhook") && !o.contains(QStringLiteral("url")) && !o.contains(QStringLiteral("base_url")))
            v.fail(path, obj, QCoreApplication::translate("sluice::workspace", "a webhook destination needs a \"url\""));
        const QJsonValue schema = o.value(QStringLiteral("field_schema"));
        if (!schema.isUndefined() && !schema.isObject())
            v.fail(path + QStringLiteral("/field_schema"), obj, QCoreApplication::translate("sluice::workspace", "\"field_schema\" must be an object of fields"));
        for (const QString &problem : mapping::fieldSchemaProblems(schema.toObject()))
            v.fail(path + QStringLiteral("/field_schema"), obj, problem);
        config.destinations.insert(d.name, d);
    }
}


Result<Config> parseConfig(const QJsonObject &root, const JsonLayout &layout)
{
    Validator v(layout);
    Config config;

    for (const JsonLayout::Duplicate &d : layout.duplicates()) {
        v.fail(d.path, QString(),
               QCoreApplication::translate("sluice::workspace", "\"%1\" is defined twice (first at line %2); names must be unique").arg(d.path.section(QLatin1Char('/'), -1)).arg(d.first.line));
    }
    v.onlyKeys(root, keyNames(Section::Root), QString(), QString());
    const QJsonObject ledger = v.object(root, QStringLiteral("ledger"), QString(), QString(), QStringLiteral("{\"retention_days\": 30}"));
    v.onlyKeys(ledger, keyNames(Section::Ledger), QStringLiteral("ledger"), QString());
    if (const QJsonValue payloads = ledger.value(QStringLiteral("payloads")); !payloads.isUndefined()) {
        const QString p = payloads.toString();
        if (p == QLatin1String("all"))
            config.ledgerPayloads = Config::LedgerPayloads::All;
        else if (p == QLatin1String("none"))
            config.ledgerPayloads = Config::LedgerPayloads::None;
        else if (p != QLatin1String("rejected") || !payloads.isString())
            v.fail(QStringLiteral("ledger/payloads"), QString(), QCoreApplication::translate("sluice::workspace", "\"payloads\" must be rejected, all or none"));
    }
    if (const QJsonValue days = ledger.value(QStringLiteral("retention_days")); !days.isUndefined()) {
        if (!days.isDouble() || days.toDouble() < 1 || days.toDouble() > 3650 || days.toDouble() != double(days.toInt()))
            v.fail(QStringLiteral("ledger/retention_days"), QString(), QCoreApplication::translate("sluice::workspace", "\"retention_days\" must be a whole number of days from 1 to 3650"));
        config.ledgerRetentionDays = days.toInt(30);
    }

    const QJsonValue version = root.value(QStringLiteral("version"));
    if (version.isUndefined())
        v.fail(QString(), QString(), QCoreApplication::translate("sluice::workspace", "\"version\" is missing; this Sluice reads version 1"));
    else if (version.toInt(-1) != 1)
        v.fail(QStringLiteral("version"), QString(), QCoreApplication::translate("sluice::workspace", "unsupported version; this Sluice reads version 1"));

    parseSources(v, root, config);
    parseDestinations(v, root, config);
    parseModels(v, root, config);
    parseSyncs(v, root, config);
    parseAlerts(v, root, config);

    if (!v.errors().isEmpty())
        return configError(v.errors().join(QLatin1Char('\n')));
    return config;
}

} // namespace sluice::workspace
