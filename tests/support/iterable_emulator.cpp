#include "iterable_emulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sluice::test {

namespace {

EmulatorServer::Response failure(int status, const QString &code, const QString &msg)
{
    return EmulatorServer::Response::json(status, QJsonDocument(QJsonObject{{QStringLiteral("msg"), msg}, {QStringLiteral("code"), code}, {QStringLiteral("params"), QJsonValue()}})
                                                      .toJson(QJsonDocument::Compact));
}

// The type Iterable infers for a new field from its first value.
QString typeOf(const QJsonValue &v)
{
    if (v.isBool())
        return QStringLiteral("boolean");
    if (v.isDouble())
        return v.toDouble() == double(qint64(v.toDouble())) ? QStringLiteral("long") : QStringLiteral("double");
    if (v.isObject())
        return QStringLiteral("object");
    return QStringLiteral("string");
}

bool fits(const QString &type, const QJsonValue &v)
{
    if (v.isNull())
        return true;
    if (type == QLatin1String("long") || type == QLatin1String("double"))
        return v.isDouble();
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("date"))
        return v.isString() && QDateTime::fromString(v.toString().left(19), Qt::ISODate).isValid();
    return !v.isObject();
}

} // namespace

IterableEmulator::IterableEmulator(QString apiKey, int requestsPerSecond, quint16 port) : m_key(std::move(apiKey)), m_window(requestsPerSecond, 1000)
{
    m_fieldTypes = {{QStringLiteral("email"), QStringLiteral("string")},       {QStringLiteral("userId"), QStringLiteral("string")},
                    {QStringLiteral("firstName"), QStringLiteral("string")},   {QStringLiteral("ltv"), QStringLiteral("double")},
                    {QStringLiteral("signupDate"), QStringLiteral("date")},    {QStringLiteral("lifecycleStage"), QStringLiteral("string")}};
    start(port);
}

IterableEmulator::~IterableEmulator()
{
    stop();
}

void IterableEmulator::forget(const QStringList &ids)
{
    QMutexLocker lock(&m_mutex);
    m_forgotten = ids;
}

void IterableEmulator::setServerSideKey(bool serverSide)
{
    QMutexLocker lock(&m_mutex);
    m_serverSide = serverSide;
}

void IterableEmulator::setRateLimit(int requestsPerSecond)
{
    QMutexLocker lock(&m_mutex);
    m_window.reset(requestsPerSecond);
}

QHash<QString, QJsonObject> IterableEmulator::users() const
{
    QMutexLocker lock(&m_mutex);
    return m_users;
}

QHash<QString, int> IterableEmulator::writes() const
{
    QMutexLocker lock(&m_mutex);
    return m_writes;
}

int IterableEmulator::throttled() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.throttled();
}

int IterableEmulator::maxInWindow() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.maxInWindow();
}

EmulatorServer::Response IterableEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.header("api-key") != m_key.toUtf8())
        return failure(401, QStringLiteral("BadApiKey"), QStringLiteral("Invalid API key"));
    if (!m_serverSide)
        return failure(401, QStringLiteral("Forbidden"), QStringLiteral("This JavaScript API key is not authorized for server-side endpoint %1").arg(request.path));
    if (m_window.admit(request.arrivedMs) > 0)
        return failure(429, QStringLiteral("RateLimitExceeded"), QStringLiteral("Rate limit exceeded for this project"));
    if (request.method == "GET" && request.path == QLatin1String("/api/users/getFields")) {
        QJsonObject fields;
        for (auto it = m_fieldTypes.begin(); it != m_fieldTypes.end(); ++it)
            fields.insert(it.key(), it.value());
        return Response::json(200, QJsonDocument(QJsonObject{{QStringLiteral("fields"), fields}}).toJson(QJsonDocument::Compact));
    }
    if (request.method == "POST" && request.path == QLatin1String("/api/users/bulkUpdate"))
        return bulkUpdate(request);
    return failure(404, QStringLiteral("NotFound"), QStringLiteral("No endpoint %1 %2").arg(QString::fromLatin1(request.method), request.path));
}

EmulatorServer::Response IterableEmulator::bulkUpdate(const Request &request)
{
    if (!request.header("content-type").startsWith("application/json"))
        return failure(400, QStringLiteral("BadJsonBody"), QStringLiteral("Expected a JSON body"));
    const QJsonValue users = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("users"));
    if (!users.isArray() || users.toArray().isEmpty())
        return failure(400, QStringLiteral("BadParams"), QStringLiteral("users must be a non-empty array"));
    if (users.toArray().size() > 1000)
        return failure(400, QStringLiteral("BadParams"), QStringLiteral("A bulk update takes at most 1000 users"));
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"));
    QJsonArray invalidEmails, invalidUserIds, forgottenEmails, forgottenUserIds, filteredOut, created;
    int success = 0;
    for (const QJsonValue &v : users.toArray()) {
        const QJsonObject u = v.toObject();
        const bool byUserId = u.value(QStringLiteral("preferUserId")).toBool() && u.contains(QStringLiteral("userId"));
        const QString id = byUserId ? u.value(QStringLiteral("userId")).toString() : u.value(QStringLiteral("email")).toString().trimmed().toLower();
        if (!byUserId && !email.match(id).hasMatch()) {
            invalidEmails.append(u.value(QStringLiteral("email")));
            continue;
        }
        if (byUserId && id.isEmpty()) {
            invalidUserIds.append(u.value(QStringLiteral("userId")));
            continue;
        }
        if (m_forgotten.contains(id)) {
            (byUserId ? forgottenUserIds : forgottenEmails).append(id);
            continue;
        }
        QJsonObject stored = m_users.value(id);
        for (const char *k : {"email", "userId"})
            if (u.contains(QLatin1String(k)))
                stored.insert(QLatin1String(k), u.value(QLatin1String(k)));
        const QJsonObject data = u.value(QStringLiteral("dataFields")).toObject();
        for (auto it = data.begin(); it != data.end(); ++it) {
            if (!m_fieldTypes.contains(it.key()) && !it.value().isNull()) {
                m_fieldTypes.insert(it.key(), typeOf(it.value()));
                created.append(it.key());
            }
            if (!fits(m_fieldTypes.value(it.key()), it.value())) {
                if (!filteredOut.contains(it.key()))
                    filteredOut.append(it.key());
                continue;
            }
            stored.insert(it.key(), it.value());
        }
        m_users.insert(id, stored);
        m_writes[id] += 1;
        ++success;
    }
    const int failed = int(invalidEmails.size() + invalidUserIds.size() + forgottenEmails.size() + forgottenUserIds.size());
    const QJsonObject body{{QStringLiteral("successCount"), success},
                           {QStringLiteral("failCount"), failed},
                           {QStringLiteral("invalidEmails"), invalidEmails},
                           {QStringLiteral("invalidUserIds"), invalidUserIds},
                           {QStringLiteral("filteredOutFields"), filteredOut},
                           {QStringLiteral("createdFields"), created},
                           {QStringLiteral("failedUpdates"), QJsonObject{{QStringLiteral("invalidEmails"), invalidEmails},
                                                                        {QStringLiteral("invalidUserIds"), invalidUserIds},
                                                                        {QStringLiteral("forgottenEmails"), forgottenEmails},
                                                                        {QStringLiteral("forgottenUserIds"), forgottenUserIds},
                                                                        {QStringLiteral("notFoundEmails"), QJsonArray{}},
                                                                        {QStringLiteral("notFoundUserIds"), QJsonArray{}}}}};
    return Response::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace sluice::test
