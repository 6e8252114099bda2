// Semantic validation of sluice.json. Every problem is collected (an operator
// fixing a file wants the whole list, not one error per attempt), and each one
// names the object at fault and the line where it stands.
#include "workspace/workspace.h"

#include "mapping/field_schema.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace sluice::workspace {

const QStringList &knownDrivers()
{
    static const QStringList d{QStringLiteral("sqlite"), QStringLiteral("postgres"), QStringLiteral("odbc"),
                               QStringLiteral("mysql")};
    return d;
}

const QStringList &knownDestinationTypes()
{
    static const QStringList t{
        QStringLiteral("jsonl"),      QStringLiteral("csv"),       QStringLiteral("postgres"),
        QStringLiteral("sqlite"),     QStringLiteral("webhook"),   QStringLiteral("hubspot"),
        QStringLiteral("salesforce"), QStringLiteral("braze"),     QStringLiteral("google_ads"),
        QStringLiteral("meta"),       QStringLiteral("iterable"),  QStringLiteral("klaviyo"),
        QStringLiteral("mixpanel"),   QStringLiteral("intercom")};
    return t;
}

const QStringList &knownSyncModes()
{
    static const QStringList m{QStringLiteral("upsert"), QStringLiteral("update"), QStringLiteral("insert"),
                               QStringLiteral("mirror"), QStringLiteral("append")};
    return m;
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

namespace {


const QStringList &secretKeys()
{
    static const QStringList k{QStringLiteral("password"), QStringLiteral("token"), QStringLiteral("api_key"),
                               QStringLiteral("secret"), QStringLiteral("access_token"),
                               QStringLiteral("client_secret"), QStringLiteral("refresh_token")};
    return k;
}

const QStringList &knownTransforms()
{
    static const QStringList t{QStringLiteral("trim"),     QStringLiteral("lowercase"), QStringLiteral("uppercase"),
                               QStringLiteral("default"),  QStringLiteral("cast"),      QStringLiteral("round"),
                               QStringLiteral("truncate"), QStringLiteral("template"),  QStringLiteral("email"),
                               QStringLiteral("phone"),    QStringLiteral("sha256"),    QStringLiteral("hash")};
    return t;
}

class Validator final
{
public:
    explicit Validator(const JsonLayout &layout) : m_layout(layout) {}

    void fail(const QString &path, const QString &object, const QString &problem)
    {
        // Point at the deepest part of the path that exists in the file.
        QString p = path;
        while (!p.isEmpty() && !m_layout.has(p))
            p = p.contains(QLatin1Char('/')) ? p.left(p.lastIndexOf(QLatin1Char('/'))) : QString();
        QString where = Workspace::configFileName();
        if (!p.isEmpty()) {
            const TextPosition pos = m_layout.position(p);
            where += QStringLiteral(":%1:%2").arg(pos.line).arg(pos.column);
        }
        m_errors.append(object.isEmpty() ? QStringLiteral("%1: %2").arg(where, problem)
                                         : QStringLiteral("%1: %2: %3").arg(where, object, problem));
    }

    QString string(const QJsonObject &o, const QString &key, const QString &path, const QString &object,
                   bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(path, object, QCoreApplication::translate("sluice::workspace", "\"%1\" is required").arg(key));
            return {};
        }
        if (!v.isString()) {
            fail(path + QLatin1Char('/') + key, object, QCoreApplication::translate("sluice::workspace", "\"%1\" must be a string").arg(key));
            return {};
        }
        if (required && v.toString().trimmed().isEmpty())
            fail(path + QLatin1Char('/') + key, object, QCoreApplication::translate("sluice::workspace", "\"%1\" must not be empty").arg(key));
        return v.toString();
    }

    QStringList stringList(const QJsonObject &o, const QString &key, const QString &path, const QString &object)
    {
        const QJsonValue v = o.value(key);
        QStringList out;
        if (v.isUndefined() || v.isNull())
            return out;
        if (v.isString())
            return {v.toString()};
        if (!v.isArray()) {
            fail(path + QLatin1Char('/') + key, object, QCoreApplication::translate("sluice::workspace", "\"%1\" must be a list of strings").arg(key));
            return out;
        }
        for (const QJsonValue &e : v.toArray()) {
            if (!e.isString()) {
                fail(path + QLatin1Char('/') + key, object, QCoreApplication::translate("sluice::workspace", "\"%1\" must be a list of strings").arg(key));
                return {};
            }
            out.append(e.toString());
        }
        return out;
    }

    void checkSecrets(const QJsonObject &o, const QString &path, const QString &object)
    {
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!secretKeys().contains(it.key()))
                continue;
            if (!parseSecretRef(it.value()))
                fail(path + QLatin1Char('/') + it.key(), object,
                     QCoreApplication::translate("sluice::workspace", "\"%1\" must be a secret reference such as {\"env\": \"NAME\"}, {\"keychain\": \"NAME\"} "
                        "or {\"file\": \"PATH\"}; secrets are never written into sluice.json")
                         .arg(it.key()));
        }
    }

    QStringList errors() const { return m_errors; }

private:
    const JsonLayout &m_layout;
    QStringList m_errors;
};

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
    if (s.contains(QStringLiteral("every"))) {
        static const QRegularExpression re(QStringLiteral("^\\d+(s|m|h|d)$"));
        if (!re.match(s.value(QStringLiteral("every")).toString()).hasMatch())
            v.fail(path + QStringLiteral("/every"), object,
                   QCoreApplication::translate("sluice::workspace", "schedule \"every\" must be a number and a unit (s, m, h, d), as in \"15m\""));
    } else if (s.contains(QStringLiteral("cron"))) {
        if (s.value(QStringLiteral("cron")).toString().split(QLatin1Char(' '), Qt::SkipEmptyParts).size() != 5)
            v.fail(path + QStringLiteral("/cron"), object,
                   QCoreApplication::translate("sluice::workspace", "schedule \"cron\" must have five fields: minute hour day month weekday"));
    } else if (s.contains(QStringLiteral("after"))) {
        if (!syncNames.contains(s.value(QStringLiteral("after")).toString()))
            v.fail(path + QStringLiteral("/after"), object,
                   QCoreApplication::translate("sluice::workspace", "schedule \"after\" names an unknown sync \"%1\"").arg(s.value(QStringLiteral("after")).toString()));
    } else if (!s.value(QStringLiteral("manual")).toBool()) {
        v.fail(path, object, QCoreApplication::translate("sluice::workspace", "schedule needs one of \"every\", \"cron\", \"after\" or \"manual\""));
    }
}

} // namespace

Result<Config> parseConfig(const QJsonObject &root, const JsonLayout &layout)
{
    Validator v(layout);
    Config config;

    for (const JsonLayout::Duplicate &d : layout.duplicates()) {
        v.fail(d.path, QString(),
               QCoreApplication::translate("sluice::workspace", "\"%1\" is defined twice (first at line %2); names must be unique")
                   .arg(d.path.section(QLatin1Char('/'), -1))
                   .arg(d.first.line));
    }

    const QJsonValue version = root.value(QStringLiteral("version"));
    if (version.isUndefined())
        v.fail(QString(), QString(), QCoreApplication::translate("sluice::workspace", "\"version\" is missing; this Sluice reads version 1"));
    else if (version.toInt(-1) != 1)
        v.fail(QStringLiteral("version"), QString(), QCoreApplication::translate("sluice::workspace", "unsupported version; this Sluice reads version 1"));

    const auto sources = section(v, root, QStringLiteral("sources"));
    for (auto it = sources.begin(); it != sources.end(); ++it) {
        const QString path = QStringLiteral("sources/") + it.key();
        const QString obj = QCoreApplication::translate("sluice::workspace", "source %1").arg(it.key());
        const QJsonObject o = it.value();
        SourceConfig s;
        s.name = it.key();
        s.raw = o;
        s.driver = v.string(o, QStringLiteral("driver"), path, obj, true);
        if (!s.driver.isEmpty() && !knownDrivers().contains(s.driver))
            v.fail(path + QStringLiteral("/driver"), obj,
                   QCoreApplication::translate("sluice::workspace", "unknown driver \"%1\" (known: %2)").arg(s.driver, knownDrivers().join(QStringLiteral(", "))));
        if (s.driver == QLatin1String("sqlite")) {
            s.path = v.string(o, QStringLiteral("path"), path, obj, true);
        } else if (!s.driver.isEmpty()) {
            s.host = v.string(o, QStringLiteral("host"), path, obj, false);
            if (s.host.isEmpty())
                s.host = QStringLiteral("127.0.0.1");
            const QJsonValue port = o.value(QStringLiteral("port"));
            if (!port.isUndefined() && (!port.isDouble() || port.toInt() <= 0 || port.toInt() > 65535))
                v.fail(path + QStringLiteral("/port"), obj, QCoreApplication::translate("sluice::workspace", "\"port\" must be a number from 1 to 65535"));
            s.port = port.toInt(0);
            s.database = v.string(o, QStringLiteral("database"), path, obj, true);
            s.user = v.string(o, QStringLiteral("user"), path, obj, false);
        }
        if (o.contains(QStringLiteral("password")))
            s.password = parseSecretRef(o.value(QStringLiteral("password")));
        if (o.contains(QStringLiteral("connect_timeout_s")))
            s.connectTimeoutSeconds = qMax(1, o.value(QStringLiteral("connect_timeout_s")).toInt(10));
        v.checkSecrets(o, path, obj);
        config.sources.insert(s.name, s);
    }

    const auto destinations = section(v, root, QStringLiteral("destinations"));
    for (auto it = destinations.begin(); it != destinations.end(); ++it) {
        const QString path = QStringLiteral("destinations/") + it.key();
        const QString obj = QCoreApplication::translate("sluice::workspace", "destination %1").arg(it.key());
        DestinationConfig d;
        d.name = it.key();
        d.raw = it.value();
        d.type = v.string(it.value(), QStringLiteral("type"), path, obj, true);
        if (!d.type.isEmpty() && !knownDestinationTypes().contains(d.type))
            v.fail(path + QStringLiteral("/type"), obj,
                   QCoreApplication::translate("sluice::workspace", "unknown destination type \"%1\" (known: %2)")
                       .arg(d.type, knownDestinationTypes().join(QStringLiteral(", "))));
        d.pii = v.string(it.value(), QStringLiteral("pii"), path, obj, false);
        if (!d.pii.isEmpty() && d.pii != QLatin1String("allow") && d.pii != QLatin1String("hash")
            && d.pii != QLatin1String("block"))
            v.fail(path + QStringLiteral("/pii"), obj, QCoreApplication::translate("sluice::workspace", "\"pii\" must be allow, hash or block"));
        if ((d.type == QLatin1String("jsonl") || d.type == QLatin1String("csv") || d.type == QLatin1String("sqlite"))
            && it.value().value(QStringLiteral("path")).toString().isEmpty())
            v.fail(path, obj, QCoreApplication::translate("sluice::workspace", "a %1 destination needs a \"path\"").arg(d.type));
        if (d.type == QLatin1String("postgres") && it.value().value(QStringLiteral("database")).toString().isEmpty())
            v.fail(path, obj, QCoreApplication::translate("sluice::workspace", "a postgres destination needs a \"database\""));
        if (d.type == QLatin1String("webhook") && it.value().value(QStringLiteral("url")).toString().isEmpty())
            v.fail(path, obj, QCoreApplication::translate("sluice::workspace", "a webhook destination needs a \"url\""));
        v.checkSecrets(it.value(), path, obj);
        const QJsonValue schema = it.value().value(QStringLiteral("field_schema"));
        if (!schema.isUndefined() && !schema.isObject())
            v.fail(path + QStringLiteral("/field_schema"), obj, QCoreApplication::translate("sluice::workspace", "\"field_schema\" must be an object of fields"));
        for (const QString &problem : mapping::fieldSchemaProblems(schema.toObject()))
            v.fail(path + QStringLiteral("/field_schema"), obj, problem);
        const QJsonObject headers = it.value().value(QStringLiteral("headers")).toObject();
        for (auto h = headers.begin(); h != headers.end(); ++h)
            if (!h.value().isString() && !parseSecretRef(h.value()))
                v.fail(path + QStringLiteral("/headers/") + h.key(), obj,
                       QCoreApplication::translate("sluice::workspace", "header \"%1\" must be a string or a secret reference").arg(h.key()));
        config.destinations.insert(d.name, d);
    }

    const auto models = section(v, root, QStringLiteral("models"));
    for (auto it = models.begin(); it != models.end(); ++it) {
        const QString path = QStringLiteral("models/") + it.key();
        const QString obj = QCoreApplication::translate("sluice::workspace", "model %1").arg(it.key());
        const QJsonObject o = it.value();
        ModelConfig m;
        m.name = it.key();
        m.raw = o;
        m.source = v.string(o, QStringLiteral("source"), path, obj, true);
        if (!m.source.isEmpty() && !sources.contains(m.source))
            v.fail(path + QStringLiteral("/source"), obj, QCoreApplication::translate("sluice::workspace", "unknown source \"%1\"").arg(m.source));
        m.sql = v.string(o, QStringLiteral("sql"), path, obj, true);
        m.primaryKey = v.stringList(o, QStringLiteral("primary_key"), path, obj);
        if (m.primaryKey.isEmpty() || m.primaryKey.contains(QString()))
            v.fail(path, obj, QCoreApplication::translate("sluice::workspace", "\"primary_key\" is required: a column name, or a list of them"));
        m.pii = v.stringList(o, QStringLiteral("pii"), path, obj);
        m.freshness = v.string(o, QStringLiteral("freshness"), path, obj, false);
        config.models.insert(m.name, m);
    }

    const auto syncs = section(v, root, QStringLiteral("syncs"));
    for (auto it = syncs.begin(); it != syncs.end(); ++it) {
        const QString path = QStringLiteral("syncs/") + it.key();
        const QString obj = QCoreApplication::translate("sluice::workspace", "sync %1").arg(it.key());
        const QJsonObject o = it.value();
        SyncConfig s;
        s.name = it.key();
        s.raw = o;
        s.model = v.string(o, QStringLiteral("model"), path, obj, true);
        if (!s.model.isEmpty() && !models.contains(s.model))
            v.fail(path + QStringLiteral("/model"), obj, QCoreApplication::translate("sluice::workspace", "unknown model \"%1\"").arg(s.model));
        s.destination = v.string(o, QStringLiteral("destination"), path, obj, true);
        if (!s.destination.isEmpty() && !destinations.contains(s.destination))
            v.fail(path + QStringLiteral("/destination"), obj, QCoreApplication::translate("sluice::workspace", "unknown destination \"%1\"").arg(s.destination));
        s.object = v.string(o, QStringLiteral("object"), path, obj, false);
        const QString mode = v.string(o, QStringLiteral("mode"), path, obj, false);
        if (!mode.isEmpty()) {
            s.mode = mode;
            if (!knownSyncModes().contains(mode))
                v.fail(path + QStringLiteral("/mode"), obj,
                       QCoreApplication::translate("sluice::workspace", "unknown mode \"%1\" (known: %2)").arg(mode, knownSyncModes().join(QStringLiteral(", "))));
        }
        const QJsonObject match = o.value(QStringLiteral("match")).toObject();
        s.matchSource = match.value(QStringLiteral("source")).toString();
        s.matchDestination = match.value(QStringLiteral("destination")).toString();
        const QJsonValue fields = o.value(QStringLiteral("fields"));
        if (!fields.isUndefined() && !fields.isArray())
            v.fail(path + QStringLiteral("/fields"), obj, QCoreApplication::translate("sluice::workspace", "\"fields\" must be a list of mappings"));
        const QJsonArray fieldArray = fields.toArray();
        for (qsizetype i = 0; i < fieldArray.size(); ++i) {
            const QString fpath = path + QStringLiteral("/fields/") + QString::number(i);
            const QJsonObject f = fieldArray[i].toObject();
            const QString fobj = QCoreApplication::translate("sluice::workspace", "sync %1: field %2").arg(it.key()).arg(i + 1);
            FieldMapping fm;
            fm.source = v.string(f, QStringLiteral("source"), fpath, fobj, true);
            fm.destination = v.string(f, QStringLiteral("destination"), fpath, fobj, true);
            fm.transform = v.stringList(f, QStringLiteral("transform"), fpath, fobj);
            for (const QString &step : std::as_const(fm.transform))
                validateTransform(v, step, fpath + QStringLiteral("/transform"), fobj);
            s.fields.append(fm);
        }
        s.consentColumn = o.value(QStringLiteral("policy")).toObject().value(QStringLiteral("consent")).toString();
        const QString diff = v.string(o, QStringLiteral("diff"), path, obj, false);
        if (!diff.isEmpty()) {
            s.diff = diff;
            if (diff != QLatin1String("local") && diff != QLatin1String("warehouse"))
                v.fail(path + QStringLiteral("/diff"), obj, QCoreApplication::translate("sluice::workspace", "\"diff\" must be local or warehouse"));
        }
        s.schedule = o.value(QStringLiteral("schedule")).toObject();
        validateSchedule(v, o.value(QStringLiteral("schedule")), syncs.keys(), path + QStringLiteral("/schedule"), obj);
        config.syncs.insert(s.name, s);
    }

    if (!v.errors().isEmpty())
        return configError(v.errors().join(QLatin1Char('\n')));
    return config;
}

} // namespace sluice::workspace
