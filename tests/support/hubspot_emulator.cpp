#include "hubspot_emulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sluice::test {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

EmulatorServer::Response error(int status, const QString &category, const QString &message, const QJsonArray &errors = {})
{
    QJsonObject body{{QStringLiteral("status"), QStringLiteral("error")},
                     {QStringLiteral("message"), message},
                     {QStringLiteral("correlationId"), QStringLiteral("3f1c2b7e-emulated")},
                     {QStringLiteral("category"), category}};
    if (!errors.isEmpty())
        body.insert(QStringLiteral("errors"), errors);
    return EmulatorServer::Response::json(status, compact(body));
}

QString text(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

} // namespace

HubSpotEmulator::HubSpotEmulator(QString token, int requestsPer10s, quint16 port) : m_token(std::move(token)), m_limit(requestsPer10s)
{
    const QStringList stages{QStringLiteral("subscriber"), QStringLiteral("lead"), QStringLiteral("marketingqualifiedlead"),
                             QStringLiteral("salesqualifiedlead"), QStringLiteral("opportunity"), QStringLiteral("customer"),
                             QStringLiteral("evangelist"), QStringLiteral("other")};
    m_schemas[QStringLiteral("contacts")] = {
        {QStringLiteral("email"), {QStringLiteral("string"), {}, true}},
        {QStringLiteral("firstname"), {QStringLiteral("string"), {}, false}},
        {QStringLiteral("lastname"), {QStringLiteral("string"), {}, false}},
        {QStringLiteral("phone"), {QStringLiteral("string"), {}, false}},
        {QStringLiteral("lifecyclestage"), {QStringLiteral("enumeration"), stages, false}},
        {QStringLiteral("ltv_score"), {QStringLiteral("number"), {}, false}},
        {QStringLiteral("churn_risk"), {QStringLiteral("number"), {}, false}},
        {QStringLiteral("is_high_value"), {QStringLiteral("bool"), {}, false}},
        {QStringLiteral("external_customer_id"), {QStringLiteral("string"), {}, true}},
    };
    m_schemas[QStringLiteral("companies")] = {
        {QStringLiteral("domain"), {QStringLiteral("string"), {}, true}},
        {QStringLiteral("name"), {QStringLiteral("string"), {}, false}},
    };
    // A custom object, written under its fully qualified name.
    m_schemas[QStringLiteral("p4242_pets")] = {
        {QStringLiteral("pet_id"), {QStringLiteral("string"), {}, true}},
        {QStringLiteral("name"), {QStringLiteral("string"), {}, false}},
    };
    m_clock.start();
    start(port);
}

HubSpotEmulator::~HubSpotEmulator()
{
    stop();
}

void HubSpotEmulator::refuse(const QHash<QString, QString> &messages)
{
    QMutexLocker lock(&m_mutex);
    m_refuse = messages;
}

void HubSpotEmulator::setScopes(bool canWrite)
{
    QMutexLocker lock(&m_mutex);
    m_canWrite = canWrite;
}

void HubSpotEmulator::setObjectsOnly(bool only)
{
    QMutexLocker lock(&m_mutex);
    m_objectsOnly = only;
}

void HubSpotEmulator::setRateLimit(int requestsPer10s)
{
    QMutexLocker lock(&m_mutex);
    m_limit = requestsPer10s;
    m_window.clear();
    m_maxInWindow = 0;
}

QHash<QString, QJsonObject> HubSpotEmulator::records(const QString &objectType) const
{
    QMutexLocker lock(&m_mutex);
    return m_records.value(objectType);
}

QHash<QString, int> HubSpotEmulator::writes() const
{
    QMutexLocker lock(&m_mutex);
    return m_writes;
}

int HubSpotEmulator::throttled() const
{
    QMutexLocker lock(&m_mutex);
    return m_throttled;
}

int HubSpotEmulator::maxInWindow() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxInWindow;
}

std::optional<EmulatorServer::Response> HubSpotEmulator::overLimit()
{
    const qint64 now = m_clock.elapsed();
    while (!m_window.empty() && m_window.front() <= now - 10000)
        m_window.pop_front();
    if (int(m_window.size()) >= m_limit) {
        ++m_throttled;
        Response r = error(429, QStringLiteral("RATE_LIMITS"), QStringLiteral("You have reached your ten_secondly_rolling limit."));
        QJsonObject body = QJsonDocument::fromJson(r.body).object();
        body.insert(QStringLiteral("errorType"), QStringLiteral("RATE_LIMIT"));
        body.insert(QStringLiteral("policyName"), QStringLiteral("TEN_SECONDLY_ROLLING"));
        r.body = compact(body);
        r.headers.append(qMakePair(QByteArrayLiteral("X-HubSpot-RateLimit-Interval-Milliseconds"), QByteArrayLiteral("10000")));
        r.headers.append(qMakePair(QByteArrayLiteral("X-HubSpot-RateLimit-Max"), QByteArray::number(m_limit)));
        r.headers.append(qMakePair(QByteArrayLiteral("X-HubSpot-RateLimit-Remaining"), QByteArrayLiteral("0")));
        return r;
    }
    m_window.push_back(now);
    m_maxInWindow = qMax(m_maxInWindow, int(m_window.size()));
    return std::nullopt;
}

EmulatorServer::Response HubSpotEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.header("authorization") != "Bearer " + m_token.toUtf8())
        return error(401, QStringLiteral("INVALID_AUTHENTICATION"),
                     QStringLiteral("Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at "
                                    "the developer documentation."));
    if (std::optional<Response> limited = overLimit())
        return *limited;
    if (request.method == "GET" && request.path == QLatin1String("/crm/v3/objects/contacts"))
        return Response::json(200, compact({{QStringLiteral("results"), QJsonArray()}}));
    if (m_objectsOnly && !request.path.startsWith(QLatin1String("/crm/v3/objects/")))
        return error(404, QStringLiteral("OBJECT_NOT_FOUND"), QStringLiteral("Not found"));
    if (request.method == "GET" && request.path == QLatin1String("/account-info/v3/details"))
        return Response::json(200, compact({{QStringLiteral("portalId"), 4242}, {QStringLiteral("accountType"), QStringLiteral("STANDARD")},
                                            {QStringLiteral("timeZone"), QStringLiteral("Europe/Berlin")}}));
    if (request.method == "GET" && request.path == QLatin1String("/crm/v3/schemas"))
        return customObjects();
    static const QRegularExpression properties(QStringLiteral("^/crm/v3/properties/([^/]+)$"));
    if (const auto m = properties.match(request.path); m.hasMatch() && request.method == "GET")
        return describe(m.captured(1));
    static const QRegularExpression batchPath(QStringLiteral("^/crm/v3/objects/([^/]+)/batch/(upsert|update|create)$"));
    if (const auto m = batchPath.match(request.path); m.hasMatch() && request.method == "POST")
        return batch(request, m.captured(1), m.captured(2));
    return error(404, QStringLiteral("OBJECT_NOT_FOUND"), QStringLiteral("Unable to route %1 %2").arg(QString::fromLatin1(request.method), request.path));
}

EmulatorServer::Response HubSpotEmulator::customObjects() const
{
    QJsonArray results;
    for (auto it = m_schemas.begin(); it != m_schemas.end(); ++it) {
        if (!it.key().startsWith(QLatin1String("p4242_")))
            continue; // the standard objects are not schemas
        const QString name = it.key().mid(6);
        QString singular = name;
        singular[0] = singular[0].toUpper();
        results.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("4242001")},
                                   {QStringLiteral("name"), name},
                                   {QStringLiteral("labels"), QJsonObject{{QStringLiteral("singular"), singular.chopped(1)}, {QStringLiteral("plural"), singular}}},
                                   {QStringLiteral("objectTypeId"), QStringLiteral("2-4242001")},
                                   {QStringLiteral("fullyQualifiedName"), it.key()},
                                   {QStringLiteral("archived"), false}});
    }
    return Response::json(200, compact({{QStringLiteral("results"), results}}));
}

EmulatorServer::Response HubSpotEmulator::describe(const QString &objectType) const
{
    if (!m_schemas.contains(objectType))
        return error(404, QStringLiteral("OBJECT_NOT_FOUND"), QStringLiteral("Unable to infer object type from: %1").arg(objectType));
    QJsonArray results;
    const auto &schema = m_schemas[objectType];
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        QJsonArray options;
        for (const QString &o : it->options)
            options.append(QJsonObject{{QStringLiteral("label"), o}, {QStringLiteral("value"), o}});
        results.append(QJsonObject{{QStringLiteral("name"), it.key()},
                                   {QStringLiteral("label"), it.key()},
                                   {QStringLiteral("type"), it->type},
                                   {QStringLiteral("fieldType"), it->type == QLatin1String("enumeration") ? QStringLiteral("select") : QStringLiteral("text")},
                                   {QStringLiteral("hasUniqueValue"), it->unique},
                                   {QStringLiteral("options"), options}});
    }
    return Response::json(200, compact({{QStringLiteral("results"), results}}));
}

QString HubSpotEmulator::checkValue(const QString &name, const Property &p, const QJsonValue &value) const
{
    if (value.isNull())
        return {};
    if (value.isObject() || value.isArray())
        return QStringLiteral("Property \"%1\" takes a single value").arg(name);
    const QString v = text(value);
    if (p.type == QLatin1String("number")) {
        bool ok = false;
        v.toDouble(&ok);
        if (!ok && !v.isEmpty())
            return QStringLiteral("%1 was not a valid number.").arg(v);
    } else if (p.type == QLatin1String("enumeration")) {
        if (!v.isEmpty() && !p.options.contains(v))
            return QStringLiteral("%1 was not one of the allowed options: %2").arg(v, p.options.join(QStringLiteral(", ")));
    } else if (p.type == QLatin1String("bool")) {
        if (v != QLatin1String("true") && v != QLatin1String("false") && !v.isEmpty())
            return QStringLiteral("%1 was not a valid boolean.").arg(v);
    }
    if (name == QLatin1String("email") && !v.isEmpty()
        && !QRegularExpression(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")).match(v).hasMatch())
        return QStringLiteral("Email address %1 is invalid").arg(v);
    return {};
}

EmulatorServer::Response HubSpotEmulator::batch(const Request &request, const QString &objectType, const QString &action)
{
    if (!m_schemas.contains(objectType))
        return error(400, QStringLiteral("VALIDATION_ERROR"), QStringLiteral("Unable to infer object type from: %1").arg(objectType));
    if (!m_canWrite)
        return error(403, QStringLiteral("MISSING_SCOPES"),
                     QStringLiteral("This app hasn't been granted all required scopes to make this call. requiredGranularScopes: [crm.objects.%1.write]").arg(objectType));
    if (!request.header("content-type").startsWith("application/json"))
        return error(415, QStringLiteral("VALIDATION_ERROR"), QStringLiteral("Content-Type must be application/json"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.object().value(QStringLiteral("inputs")).isArray())
        return error(400, QStringLiteral("VALIDATION_ERROR"), QStringLiteral("Invalid input JSON on line 1: expected {\"inputs\": [...]}"));
    const QJsonArray inputs = doc.object().value(QStringLiteral("inputs")).toArray();
    if (inputs.size() > 100)
        return error(400, QStringLiteral("VALIDATION_ERROR"), QStringLiteral("Batch input size %1 exceeds the limit of 100").arg(inputs.size()));
    const auto &schema = m_schemas[objectType];
    QJsonArray problems;
    QSet<QString> seen;
    // The whole batch is validated first: one bad input fails all of it.
    for (const QJsonValue &v : inputs) {
        const QJsonObject input = v.toObject();
        const QJsonObject props = input.value(QStringLiteral("properties")).toObject();
        if (action != QLatin1String("create")) {
            const QString idProperty = input.value(QStringLiteral("idProperty")).toString();
            if (!schema.contains(idProperty) || !schema[idProperty].unique)
                return error(400, QStringLiteral("VALIDATION_ERROR"), QStringLiteral("Unable to perform update/upsert by non-unique %1 property").arg(idProperty));
            QString id = input.value(QStringLiteral("id")).toString();
            if (idProperty == QLatin1String("email"))
                id = id.toLower();
            if (id.isEmpty())
                return error(400, QStringLiteral("VALIDATION_ERROR"), QStringLiteral("Input id must not be empty"));
            if (seen.contains(id))
                return error(400, QStringLiteral("VALIDATION_ERROR"), QStringLiteral("Duplicate IDs found in batch input: [%1]. IDs must be unique").arg(id));
            seen.insert(id);
            if (const QString p = checkValue(idProperty, schema[idProperty], QJsonValue(id)); !p.isEmpty())
                problems.append(QJsonObject{{QStringLiteral("message"), p}, {QStringLiteral("code"), QStringLiteral("INVALID_EMAIL")}});
        }
        for (auto it = props.begin(); it != props.end(); ++it) {
            if (!schema.contains(it.key())) {
                problems.append(QJsonObject{{QStringLiteral("message"), QStringLiteral("Property \"%1\" does not exist").arg(it.key())},
                                            {QStringLiteral("code"), QStringLiteral("PROPERTY_DOESNT_EXIST")},
                                            {QStringLiteral("context"), QJsonObject{{QStringLiteral("propertyName"), QJsonArray{it.key()}}}}});
            } else if (const QString p = checkValue(it.key(), schema[it.key()], it.value()); !p.isEmpty()) {
                problems.append(QJsonObject{{QStringLiteral("message"), p}, {QStringLiteral("code"), QStringLiteral("INVALID_PROPERTY_VALUE")},
                                            {QStringLiteral("context"), QJsonObject{{QStringLiteral("propertyName"), QJsonArray{it.key()}}}}});
            }
        }
    }
    if (!problems.isEmpty())
        return error(400, QStringLiteral("VALIDATION_ERROR"), QStringLiteral("Property values were not valid: %1")
                                                                  .arg(problems.first().toObject().value(QStringLiteral("message")).toString()),
                     problems);
    QJsonArray results, errors;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    auto &store = m_records[objectType];
    for (const QJsonValue &v : inputs) {
        const QJsonObject input = v.toObject();
        const QString idProperty = input.value(QStringLiteral("idProperty")).toString();
        QString id = action == QLatin1String("create") ? QString() : input.value(QStringLiteral("id")).toString();
        if (idProperty == QLatin1String("email"))
            id = id.toLower();
        QJsonObject props = input.value(QStringLiteral("properties")).toObject();
        if (action == QLatin1String("create")) {
            const QString unique = objectType == QLatin1String("contacts") ? QStringLiteral("email") : QStringLiteral("domain");
            id = text(props.value(unique)).toLower();
        }
        auto fail = [&](const QString &category, const QString &message) {
            errors.append(QJsonObject{{QStringLiteral("status"), QStringLiteral("error")},
                                      {QStringLiteral("category"), category},
                                      {QStringLiteral("message"), message},
                                      {QStringLiteral("context"), QJsonObject{{QStringLiteral("ids"), QJsonArray{id}}}}});
        };
        if (m_refuse.contains(id)) {
            fail(QStringLiteral("VALIDATION_ERROR"), m_refuse.value(id));
            continue;
        }
        const bool exists = store.contains(id);
        if (action == QLatin1String("update") && !exists) {
            fail(QStringLiteral("OBJECT_NOT_FOUND"), QStringLiteral("No %1 found with %2 %3").arg(objectType, idProperty, id));
            continue;
        }
        if (action == QLatin1String("create") && exists) {
            fail(QStringLiteral("CONFLICT"), QStringLiteral("Contact already exists. Existing ID: %1").arg(store[id].value(QStringLiteral("hs_object_id")).toString()));
            continue;
        }
        QJsonObject record = store.value(id);
        if (!exists)
            record.insert(QStringLiteral("hs_object_id"), QString::number(m_nextId++));
        for (auto it = props.begin(); it != props.end(); ++it)
            record.insert(it.key(), it.value().isNull() ? QJsonValue() : QJsonValue(text(it.value())));
        if (!idProperty.isEmpty())
            record.insert(idProperty, id);
        store.insert(id, record);
        m_writes[id] += 1;
        results.append(QJsonObject{{QStringLiteral("id"), record.value(QStringLiteral("hs_object_id"))},
                                   {QStringLiteral("new"), !exists},
                                   {QStringLiteral("properties"), record},
                                   {QStringLiteral("createdAt"), now},
                                   {QStringLiteral("updatedAt"), now},
                                   {QStringLiteral("archived"), false}});
    }
    QJsonObject body{{QStringLiteral("status"), QStringLiteral("COMPLETE")},
                     {QStringLiteral("results"), results},
                     {QStringLiteral("startedAt"), now},
                     {QStringLiteral("completedAt"), now}};
    if (!errors.isEmpty()) {
        body.insert(QStringLiteral("errors"), errors);
        body.insert(QStringLiteral("numErrors"), errors.size());
        return Response::json(207, compact(body));
    }
    return Response::json(action == QLatin1String("create") ? 201 : 200, compact(body));
}

} // namespace sluice::test
