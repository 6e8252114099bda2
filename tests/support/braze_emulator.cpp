#include "braze_emulator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sluice::test {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

BrazeEmulator::BrazeEmulator(QString apiKey, int requestsPer3s, quint16 port) : m_key(std::move(apiKey)), m_limit(requestsPer3s)
{
    m_clock.start();
    start(port);
}

BrazeEmulator::~BrazeEmulator()
{
    stop();
}

void BrazeEmulator::refuse(const QHash<QString, QString> &types)
{
    QMutexLocker lock(&m_mutex);
    m_refuse = types;
}

void BrazeEmulator::setPermission(bool canTrack)
{
    QMutexLocker lock(&m_mutex);
    m_canTrack = canTrack;
}

void BrazeEmulator::setRateLimit(int requestsPer3s)
{
    QMutexLocker lock(&m_mutex);
    m_limit = requestsPer3s;
    m_window.clear();
    m_maxInWindow = 0;
}

QHash<QString, QJsonObject> BrazeEmulator::users() const
{
    QMutexLocker lock(&m_mutex);
    return m_users;
}

QHash<QString, int> BrazeEmulator::writes() const
{
    QMutexLocker lock(&m_mutex);
    return m_writes;
}

int BrazeEmulator::throttled() const
{
    QMutexLocker lock(&m_mutex);
    return m_throttled;
}

int BrazeEmulator::maxInWindow() const
{
    QMutexLocker lock(&m_mutex);
    return m_maxInWindow;
}

EmulatorServer::Response BrazeEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.header("authorization") != "Bearer " + m_key.toUtf8())
        return Response::json(401, compact({{QStringLiteral("message"), QStringLiteral("Invalid API key: %1").arg(QString::fromLatin1(request.header("authorization").mid(7, 6)) + QStringLiteral("…"))}}));
    if (!m_canTrack)
        return Response::json(403, compact({{QStringLiteral("message"), QStringLiteral("This API key does not have the users.track permission")}}));
    const qint64 now = m_clock.elapsed();
    while (!m_window.empty() && m_window.front() <= now - 3000)
        m_window.pop_front();
    if (int(m_window.size()) >= m_limit) {
        ++m_throttled;
        const qint64 reset = QDateTime::currentSecsSinceEpoch() + (m_window.front() + 3000 - now + 999) / 1000;
        Response r = Response::json(429, compact({{QStringLiteral("message"), QStringLiteral("API rate limit exceeded")}}));
        r.headers.append(qMakePair(QByteArrayLiteral("X-RateLimit-Limit"), QByteArray::number(m_limit)));
        r.headers.append(qMakePair(QByteArrayLiteral("X-RateLimit-Remaining"), QByteArrayLiteral("0")));
        r.headers.append(qMakePair(QByteArrayLiteral("X-RateLimit-Reset"), QByteArray::number(reset)));
        return r;
    }
    m_window.push_back(now);
    m_maxInWindow = qMax(m_maxInWindow, int(m_window.size()));
    if (request.method != "POST" || request.path != QLatin1String("/users/track"))
        return Response::json(404, compact({{QStringLiteral("message"), QStringLiteral("Not found")}}));
    if (!request.header("content-type").startsWith("application/json"))
        return Response::json(400, compact({{QStringLiteral("message"), QStringLiteral("Content-Type must be application/json")}}));
    const QJsonArray attributes = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("attributes")).toArray();
    const QJsonObject invalid{{QStringLiteral("message"), QStringLiteral("Valid data must be provided in the 'attributes', 'events', or 'purchases' fields.")}};
    if (attributes.isEmpty())
        return Response::json(400, compact(invalid));
    if (attributes.size() > 75)
        return Response::json(400, compact({{QStringLiteral("message"), QStringLiteral("Received too many attributes objects; the limit is 75 per request")}}));
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    QJsonArray errors;
    int processed = 0;
    for (qsizetype i = 0; i < attributes.size(); ++i) {
        const QJsonObject a = attributes[i].toObject();
        auto fail = [&](const QString &type) {
            errors.append(QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("input_array"), QStringLiteral("attributes")}, {QStringLiteral("index"), int(i)}});
        };
        const QString id = a.contains(QStringLiteral("external_id")) ? a.value(QStringLiteral("external_id")).toVariant().toString()
                                                                     : a.value(QStringLiteral("email")).toString().toLower();
        if (id.isEmpty()) {
            fail(QStringLiteral("'external_id', 'braze_id', 'user_alias', 'email' or 'phone' is required"));
            continue;
        }
        if (a.contains(QStringLiteral("email")) && !a.value(QStringLiteral("email")).isNull() && !email.match(a.value(QStringLiteral("email")).toString()).hasMatch()) {
            fail(QStringLiteral("'email' is not a valid email address"));
            continue;
        }
        if (m_refuse.contains(id)) {
            fail(m_refuse.value(id));
            continue;
        }
        if (a.value(QStringLiteral("_update_existing_only")).toBool() && !m_users.contains(id))
            continue; // not created, as Braze documents: nothing to update
        QJsonObject user = m_users.value(id);
        for (auto it = a.begin(); it != a.end(); ++it)
            if (!it.key().startsWith(QLatin1Char('_')))
                user.insert(it.key(), it.value());
        m_users.insert(id, user);
        m_writes[id] += 1;
        ++processed;
    }
    if (processed == 0) {
        QJsonObject body = invalid;
        body.insert(QStringLiteral("errors"), errors);
        return Response::json(400, compact(body));
    }
    QJsonObject body{{QStringLiteral("message"), QStringLiteral("success")}, {QStringLiteral("attributes_processed"), processed}};
    if (!errors.isEmpty())
        body.insert(QStringLiteral("errors"), errors);
    return Response::json(201, compact(body));
}

} // namespace sluice::test
