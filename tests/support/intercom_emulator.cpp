#include "intercom_emulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sluice::test {

namespace {

EmulatorServer::Response errorList(int status, const QString &code, const QString &message)
{
    const QJsonObject body{{QStringLiteral("type"), QStringLiteral("error.list")},
                           {QStringLiteral("request_id"), QStringLiteral("req-%1").arg(QDateTime::currentMSecsSinceEpoch())},
                           {QStringLiteral("errors"), QJsonArray{QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}}};
    return EmulatorServer::Response::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

IntercomEmulator::IntercomEmulator(QString token, int limit, qint64 windowMs, quint16 port) : m_token(std::move(token)), m_window(limit, windowMs)
{
    m_customTypes = {{QStringLiteral("ltv"), QStringLiteral("float")}, {QStringLiteral("lifecycle_stage"), QStringLiteral("string")},
                     {QStringLiteral("churn_risk"), QStringLiteral("string")}};
    start(port);
}

IntercomEmulator::~IntercomEmulator()
{
    stop();
}

void IntercomEmulator::refuse(const QHash<QString, QString> &messages)
{
    QMutexLocker lock(&m_mutex);
    m_refuse = messages;
}

void IntercomEmulator::setWriteAccess(bool canWrite)
{
    QMutexLocker lock(&m_mutex);
    m_canWrite = canWrite;
}

void IntercomEmulator::setRateLimit(int limit)
{
    QMutexLocker lock(&m_mutex);
    m_window.reset(limit);
}

QHash<QString, QJsonObject> IntercomEmulator::contacts() const
{
    QMutexLocker lock(&m_mutex);
    QHash<QString, QJsonObject> out;
    for (const QJsonObject &c : m_contacts)
        out.insert(c.value(QStringLiteral("external_id")).toString(), c);
    return out;
}

QHash<QString, int> IntercomEmulator::writes() const
{
    QMutexLocker lock(&m_mutex);
    return m_writes;
}

int IntercomEmulator::throttled() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.throttled();
}

int IntercomEmulator::maxInWindow() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.maxInWindow();
}

EmulatorServer::Response IntercomEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.header("authorization") != "Bearer " + m_token.toUtf8())
        return errorList(401, QStringLiteral("unauthorized"), QStringLiteral("Access Token Invalid"));
    if (request.header("intercom-version").isEmpty())
        return errorList(400, QStringLiteral("intercom_version_invalid"), QStringLiteral("The Intercom-Version header is required by this emulator"));
    if (const qint64 wait = m_window.admit(request.arrivedMs); wait > 0) {
        Response r = errorList(429, QStringLiteral("rate_limit_exceeded"), QStringLiteral("The rate limit for the App has been exceeded"));
        r.headers.append(qMakePair(QByteArrayLiteral("X-RateLimit-Limit"), QByteArray::number(m_window.limit())));
        r.headers.append(qMakePair(QByteArrayLiteral("X-RateLimit-Remaining"), QByteArrayLiteral("0")));
        r.headers.append(qMakePair(QByteArrayLiteral("X-RateLimit-Reset"), QByteArray::number((QDateTime::currentMSecsSinceEpoch() + wait + 999) / 1000)));
        return r;
    }
    if (request.method == "GET" && request.path == QLatin1String("/me"))
        return Response::json(200, R"({"type": "admin", "id": "991", "email": "ops@example.com", "app": {"type": "app", "id_code": "emul8"}})");
    if (request.method == "GET" && request.path == QLatin1String("/data_attributes")) {
        QJsonArray data;
        for (const char *name : {"email", "phone", "name", "external_id"})
            data.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("data_attribute")}, {QStringLiteral("name"), QLatin1String(name)},
                                    {QStringLiteral("data_type"), QStringLiteral("string")}, {QStringLiteral("api_writable"), true}, {QStringLiteral("custom"), false}});
        for (auto it = m_customTypes.begin(); it != m_customTypes.end(); ++it)
            data.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("data_attribute")}, {QStringLiteral("name"), it.key()},
                                    {QStringLiteral("data_type"), it.value()}, {QStringLiteral("api_writable"), true}, {QStringLiteral("custom"), true}});
        return Response::json(200, QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("list")}, {QStringLiteral("data"), data}}).toJson(QJsonDocument::Compact));
    }
    static const QRegularExpression read(QStringLiteral("^/contacts/(\\w+)$"));
    if (request.method == "GET" && read.match(request.path).hasMatch()) {
        const QString id = read.match(request.path).captured(1);
        if (!m_contacts.contains(id))
            return errorList(404, QStringLiteral("not_found"), QStringLiteral("User Not Found"));
        return Response::json(200, QJsonDocument(m_contacts.value(id)).toJson(QJsonDocument::Compact));
    }
    if (!m_canWrite)
        return errorList(403, QStringLiteral("token_unauthorized"), QStringLiteral("Token not authorized: the app lacks the Write users and companies permission"));
    static const QRegularExpression one(QStringLiteral("^/contacts/(\\w+)$"));
    if (request.method == "POST" && request.path == QLatin1String("/contacts"))
        return write(request, QString());
    if (request.method == "PUT" && one.match(request.path).hasMatch()) {
        const QString id = one.match(request.path).captured(1);
        if (!m_contacts.contains(id))
            return errorList(404, QStringLiteral("not_found"), QStringLiteral("User Not Found"));
        return write(request, id);
    }
    return errorList(404, QStringLiteral("not_found"), QStringLiteral("Resource Not Found"));
}

EmulatorServer::Response IntercomEmulator::write(const Request &request, const QString &id)
{
    if (!request.header("content-type").startsWith("application/json"))
        return errorList(415, QStringLiteral("unsupported_media_type"), QStringLiteral("Content-Type must be application/json"));
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"));
    if (body.value(QStringLiteral("email")).isString() && !email.match(body.value(QStringLiteral("email")).toString()).hasMatch())
        return errorList(400, QStringLiteral("parameter_invalid"), QStringLiteral("Invalid email: %1").arg(body.value(QStringLiteral("email")).toString()));
    const QJsonObject custom = body.value(QStringLiteral("custom_attributes")).toObject();
    for (auto it = custom.begin(); it != custom.end(); ++it) {
        if (!m_customTypes.contains(it.key()))
            return errorList(400, QStringLiteral("parameter_invalid"), QStringLiteral("Custom attribute '%1' does not exist").arg(it.key()));
        if (m_customTypes.value(it.key()) == QLatin1String("float") && !it.value().isDouble() && !it.value().isNull())
            return errorList(400, QStringLiteral("parameter_invalid"), QStringLiteral("Custom attribute '%1' must be a float").arg(it.key()));
    }
    const QString externalId = body.value(QStringLiteral("external_id")).toVariant().toString();
    if (m_refuse.contains(externalId))
        return errorList(400, QStringLiteral("parameter_invalid"), m_refuse.value(externalId));
    if (id.isEmpty()) {
        if (body.value(QStringLiteral("role")).toString() != QLatin1String("user") && body.value(QStringLiteral("role")).toString() != QLatin1String("lead"))
            return errorList(400, QStringLiteral("parameter_invalid"), QStringLiteral("role must be user or lead"));
        for (auto it = m_contacts.begin(); it != m_contacts.end(); ++it)
            if ((!externalId.isEmpty() && it->value(QStringLiteral("external_id")).toString() == externalId)
                || (body.value(QStringLiteral("email")).isString() && it->value(QStringLiteral("email")) == body.value(QStringLiteral("email"))))
                return errorList(409, QStringLiteral("conflict"), QStringLiteral("A contact matching those details already exists with id=%1").arg(it.key()));
    }
    const QString contactId = id.isEmpty() ? QStringLiteral("6%1").arg(m_nextId++, 11, 10, QLatin1Char('0')) : id;
    QJsonObject contact = m_contacts.value(contactId);
    contact.insert(QStringLiteral("type"), QStringLiteral("contact"));
    contact.insert(QStringLiteral("id"), contactId);
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != QLatin1String("custom_attributes"))
            contact.insert(it.key(), it.value());
    QJsonObject stored = contact.value(QStringLiteral("custom_attributes")).toObject();
    for (auto it = custom.begin(); it != custom.end(); ++it)
        stored.insert(it.key(), it.value());
    contact.insert(QStringLiteral("custom_attributes"), stored);
    m_contacts.insert(contactId, contact);
    m_writes[contact.value(QStringLiteral("external_id")).toString()] += 1;
    return Response::json(200, QJsonDocument(contact).toJson(QJsonDocument::Compact));
}

} // namespace sluice::test
