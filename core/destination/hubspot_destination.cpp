#include "destination/hubspot_destination.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace sluice::destination {

namespace {

QString textOf(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

const char *actionFor(OpKind kind)
{
    switch (kind) {
    case OpKind::Update: return "update";
    case OpKind::Insert: return "create";
    default: return "upsert";
    }
}

} // namespace

HubSpotProtocol::HubSpotProtocol(QUrl baseUrl, QByteArray token, QString idProperty, QString objectType)
    : m_base(std::move(baseUrl)), m_token(std::move(token)), m_idProperty(std::move(idProperty)), m_objectType(std::move(objectType))
{
}

QString HubSpotProtocol::idOf(const Operation &operation) const
{
    const QString id = textOf(QJsonDocument::fromJson(operation.fieldsJson).object().value(m_idProperty));
    return m_idProperty == QLatin1String("email") ? id.trimmed().toLower() : id;
}

HttpRequest HubSpotProtocol::encode(const QList<Operation> &operations, const BatchContext &) const
{
    // One batch holds one kind of operation: a run's mode decides it.
    const OpKind kind = operations.isEmpty() ? OpKind::Upsert : operations.first().kind;
    QJsonArray inputs;
    for (const Operation &op : operations) {
        QJsonObject properties;
        const QJsonObject fields = QJsonDocument::fromJson(op.fieldsJson).object();
        // HubSpot keeps every property value as text; null clears a property.
        for (auto it = fields.begin(); it != fields.end(); ++it)
            properties.insert(it.key(), it.value().isNull() ? QJsonValue() : QJsonValue(textOf(it.value())));
        QJsonObject input{{QStringLiteral("properties"), properties}};
        if (kind != OpKind::Insert) {
            input.insert(QStringLiteral("id"), idOf(op));
            input.insert(QStringLiteral("idProperty"), m_idProperty);
        }
        inputs.append(input);
    }
    HttpRequest request;
    QUrl url = m_base;
    url.setPath(m_base.path() + QStringLiteral("/crm/v3/objects/%1/batch/%2").arg(m_objectType, QLatin1String(actionFor(kind))));
    request.url = url;
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("inputs"), inputs}}).toJson(QJsonDocument::Compact);
    request.headers.append(qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Bearer " + m_token)));
    request.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    return request;
}

QString HubSpotProtocol::wordsOf(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QString words = o.value(QStringLiteral("message")).toString().trimmed();
    while (words.endsWith(QLatin1Char('.')))
        words.chop(1);
    if (words.isEmpty())
        words = QString::fromUtf8(body.left(300)).simplified();
    const QString category = o.value(QStringLiteral("category")).toString();
    if (!category.isEmpty())
        words = category + QStringLiteral(": ") + words;
    QStringList nested;
    for (const QJsonValue &e : o.value(QStringLiteral("errors")).toArray())
        if (const QString m = e.toObject().value(QStringLiteral("message")).toString(); !m.isEmpty() && !words.contains(m))
            nested.append(m);
    if (!nested.isEmpty())
        words += QStringLiteral(" (") + nested.join(QStringLiteral("; ")) + QLatin1Char(')');
    return words;
}

Verdict HubSpotProtocol::judge(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    if (answer.status == 429) {
        // The daily limit resets at midnight in the account's zone: no run waits that long.
        const QString policy = body.value(QStringLiteral("policyName")).toString();
        const qint64 wait = policy == QLatin1String("DAILY") ? qint64(86400) * 1000 : -1;
        return {Verdict::Kind::Throttled, {}, QCoreApplication::translate("sluice::destination", "HubSpot rate limit (%1): %2").arg(policy, wordsOf(answer.body)), wait};
    }
    if (answer.status == 401 || answer.status == 403)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1, %2").arg(answer.status).arg(wordsOf(answer.body)), -1};
    if (answer.status == 400 || answer.status == 409)
        return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "HubSpot: %1").arg(wordsOf(answer.body)), -1};
    if (answer.status < 200 || answer.status >= 300)
        return HttpProtocol::judge(operations, answer);
    // 200 / 201 / 207: every input not named by an error was written.
    QHash<QString, QString> refused;
    for (const QJsonValue &v : body.value(QStringLiteral("errors")).toArray()) {
        const QJsonObject e = v.toObject();
        const QJsonArray ids = e.value(QStringLiteral("context")).toObject().value(QStringLiteral("ids")).toArray();
        if (ids.isEmpty()) // an error HubSpot did not tie to inputs: halve until it is
            return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "HubSpot: %1").arg(wordsOf(QJsonDocument(e).toJson())), -1};
        const QString words = e.value(QStringLiteral("category")).toString() + QStringLiteral(": ") + e.value(QStringLiteral("message")).toString();
        for (const QJsonValue &id : ids)
            refused.insert(m_idProperty == QLatin1String("email") ? id.toString().toLower() : id.toString(), words);
    }
    // Results come in no promised order: a record is told by its id property's value.
    QHash<QString, bool> created;
    for (const QJsonValue &r : body.value(QStringLiteral("results")).toArray()) {
        const QJsonObject result = r.toObject();
        if (!result.contains(QStringLiteral("new")))
            continue;
        const bool isNew = result.value(QStringLiteral("new")).toBool();
        count(isNew ? QStringLiteral("created") : QStringLiteral("updated"), 1);
        const QString id = result.value(QStringLiteral("properties")).toObject().value(m_idProperty).toString();
        if (!id.isEmpty())
            created.insert(m_idProperty == QLatin1String("email") ? id.toLower() : id, isNew);
    }
    Verdict v{Verdict::Kind::Settled, {}, {}, -1};
    for (const Operation &op : operations) {
        const QString id = idOf(op);
        Outcome outcome{op.key, !refused.contains(id), refused.value(id)};
        if (const auto found = created.constFind(id); outcome.accepted && found != created.cend())
            outcome.existed = !*found;
        v.outcomes.append(outcome);
    }
    return v;
}

HubSpotDestination::HubSpotDestination(QString name, QUrl baseUrl, QByteArray token, HttpSettings settings)
    : m_name(std::move(name)), m_base(std::move(baseUrl)), m_token(std::move(token)), m_settings(settings)
{
}

Result<void> HubSpotDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (context.object.isEmpty() || context.matchField.isEmpty())
        return configError(QCoreApplication::translate("sluice::destination", "%1: a HubSpot sync needs \"object\" (contacts, companies or a custom object) and \"match\" (a unique property such as email)")
                               .arg(owner));
    HubSpotProtocol protocol(m_base, m_token, context.matchField, context.object);
    HttpDelivery delivery(owner, m_settings, protocol);
    return delivery.deliver(operations, context);
}

Error HubSpotDestination::refusal(const HttpAnswer &answer, const QString &what) const
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (answer.status == 0)
        return {QCoreApplication::translate("sluice::destination", "%1: cannot reach %2: %3").arg(owner, m_base.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath), answer.networkProblem),
                Error::Kind::Unreachable};
    if (answer.status == 401)
        return {QCoreApplication::translate("sluice::destination", "%1: HubSpot refused the token (HTTP 401): %2. Check that the private app is active and that the whole token was pasted")
                    .arg(owner, HubSpotProtocol::wordsOf(answer.body)),
                Error::Kind::Refused};
    if (answer.status == 403)
        return {QCoreApplication::translate("sluice::destination", "%1: the token lacks a permission %2 needs (HTTP 403): %3").arg(owner, what, HubSpotProtocol::wordsOf(answer.body)), Error::Kind::Refused};
    return {QCoreApplication::translate("sluice::destination", "%1: %2 failed (HTTP %3): %4").arg(owner, what).arg(answer.status).arg(HubSpotProtocol::wordsOf(answer.body)), Error::Kind::Unreachable};
}

HttpAnswer HubSpotDestination::get(const QString &path) const
{
    HttpRequest request;
    request.method = "GET";
    request.url = m_base;
    request.url.setPath(m_base.path() + path.section(QLatin1Char('?'), 0, 0));
    if (path.contains(QLatin1Char('?')))
        request.url.setQuery(path.section(QLatin1Char('?'), 1));
    request.headers.append(qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Bearer " + m_token)));
    return httpRequestRetried(request, m_settings);
}

Result<void> HubSpotDestination::check() const
{
    // The cheapest authenticated call: the account's details; where a proxy
    // or sandbox does not offer them, one contact read proves the token too.
    HttpAnswer answer = get(QStringLiteral("/account-info/v3/details"));
    if (answer.status == 404)
        answer = get(QStringLiteral("/crm/v3/objects/contacts?limit=1"));
    if (answer.status >= 200 && answer.status < 300)
        return {};
    return refusal(answer, QCoreApplication::translate("sluice::destination", "reading the account"));
}

Result<QList<FieldInfo>> HubSpotDestination::describe(const QString &object) const
{
    const HttpAnswer answer = get(QStringLiteral("/crm/v3/properties/%1").arg(object));
    if (answer.status == 404) // a sandbox or proxy without the properties API: validate by field_schema alone
        return QList<FieldInfo>();
    if (answer.status != 200)
        return refusal(answer, QCoreApplication::translate("sluice::destination", "reading the properties of %1").arg(object));
    QList<FieldInfo> fields;
    for (const QJsonValue &v : QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("results")).toArray()) {
        const QJsonObject p = v.toObject();
        FieldInfo f;
        f.name = p.value(QStringLiteral("name")).toString();
        f.label = p.value(QStringLiteral("label")).toString();
        const QString type = p.value(QStringLiteral("type")).toString();
        f.type = type == QLatin1String("number") ? QStringLiteral("number")
                 : type == QLatin1String("bool") ? QStringLiteral("boolean")
                 : type == QLatin1String("enumeration") ? QStringLiteral("enumeration")
                 : (type == QLatin1String("date") || type == QLatin1String("datetime")) ? QStringLiteral("timestamp")
                                                                                          : QStringLiteral("string");
        for (const QJsonValue &o : p.value(QStringLiteral("options")).toArray())
            f.options.append(o.toObject().value(QStringLiteral("value")).toString());
        f.unique = p.value(QStringLiteral("hasUniqueValue")).toBool();
        f.readOnly = p.value(QStringLiteral("modificationMetadata")).toObject().value(QStringLiteral("readOnlyValue")).toBool();
        if (f.name == QLatin1String("email"))
            f.format = QStringLiteral("email");
        fields.append(f);
    }
    return fields;
}

Result<QList<ObjectInfo>> HubSpotDestination::objects() const
{
    QList<ObjectInfo> out{{QStringLiteral("contacts"), QStringLiteral("Contacts")},
                          {QStringLiteral("companies"), QStringLiteral("Companies")},
                          {QStringLiteral("deals"), QStringLiteral("Deals")},
                          {QStringLiteral("tickets"), QStringLiteral("Tickets")}};
    const HttpAnswer answer = get(QStringLiteral("/crm/v3/schemas"));
    // Without the crm.schemas.custom.read scope (403) or the schemas API
    // (404) the standard objects are all there is to list.
    if (answer.status == 403 || answer.status == 404)
        return out;
    if (answer.status != 200)
        return refusal(answer, QCoreApplication::translate("sluice::destination", "listing the custom objects"));
    for (const QJsonValue &v : QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("results")).toArray()) {
        const QJsonObject schema = v.toObject();
        if (schema.value(QStringLiteral("archived")).toBool())
            continue;
        // A custom object is written under its fully qualified name (p<portal>_<name>) or its objectTypeId.
        const QString name = schema.value(QStringLiteral("fullyQualifiedName")).toString(schema.value(QStringLiteral("objectTypeId")).toString());
        out.append({name, schema.value(QStringLiteral("labels")).toObject().value(QStringLiteral("plural")).toString()});
    }
    return out;
}

} // namespace sluice::destination
