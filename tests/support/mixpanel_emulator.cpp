#include "mixpanel_emulator.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sluice::test {

namespace {

EmulatorServer::Response verdict(int http, const QString &error)
{
    const QJsonObject body{{QStringLiteral("status"), error.isEmpty() ? 1 : 0}, {QStringLiteral("error"), error.isEmpty() ? QJsonValue() : QJsonValue(error)}};
    return EmulatorServer::Response::json(http, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

MixpanelEmulator::MixpanelEmulator(QString projectToken, int requestsPerSecond, quint16 port)
    : m_token(std::move(projectToken)), m_window(requestsPerSecond, 1000)
{
    start(port);
}

MixpanelEmulator::~MixpanelEmulator()
{
    stop();
}

void MixpanelEmulator::refuse(const QHash<QString, QString> &errors)
{
    QMutexLocker lock(&m_mutex);
    m_refuse = errors;
}

void MixpanelEmulator::setBlocked(bool blocked)
{
    QMutexLocker lock(&m_mutex);
    m_blocked = blocked;
}

void MixpanelEmulator::setRateLimit(int requestsPerSecond)
{
    QMutexLocker lock(&m_mutex);
    m_window.reset(requestsPerSecond);
}

QHash<QString, QJsonObject> MixpanelEmulator::profiles() const
{
    QMutexLocker lock(&m_mutex);
    return m_profiles;
}

QHash<QString, int> MixpanelEmulator::writes() const
{
    QMutexLocker lock(&m_mutex);
    return m_writes;
}

int MixpanelEmulator::throttled() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.throttled();
}

int MixpanelEmulator::maxInWindow() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.maxInWindow();
}

EmulatorServer::Response MixpanelEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.method != "POST" || request.path != QLatin1String("/engage"))
        return Response::json(404, "{\"error\": \"not found\", \"status\": 0}");
    if (m_window.admit(request.arrivedMs) > 0)
        return verdict(429, QStringLiteral("too many requests, slow down"));
    if (!request.header("content-type").startsWith("application/json"))
        return verdict(400, QStringLiteral("data, missing or empty"));
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isArray())
        return verdict(400, QStringLiteral("data, expected a JSON array of updates"));
    const QJsonArray updates = doc.array();
    if (updates.size() > 2000)
        return verdict(400, QStringLiteral("request contains more than 2000 updates"));
    for (const QJsonValue &v : updates)
        if (v.toObject().value(QStringLiteral("$token")).toString() != m_token)
            return verdict(200, QStringLiteral("token, missing or invalid: %1").arg(v.toObject().value(QStringLiteral("$token")).toString().left(4) + QStringLiteral("…")));
    if (m_blocked)
        return verdict(403, QStringLiteral("ingestion for this project is not permitted: the project is over its plan's data limit"));
    for (const QJsonValue &v : updates) {
        const QJsonObject u = v.toObject();
        const QString id = u.value(QStringLiteral("$distinct_id")).toString();
        if (id.isEmpty())
            return verdict(400, QStringLiteral("$distinct_id, missing or empty"));
        if (m_refuse.contains(id))
            return verdict(400, m_refuse.value(id));
        if (!u.value(QStringLiteral("$set")).isObject() && !u.contains(QStringLiteral("$delete")))
            return verdict(400, QStringLiteral("an update needs $set (an object) or $delete"));
    }
    for (const QJsonValue &v : updates) {
        const QJsonObject u = v.toObject();
        const QString id = u.value(QStringLiteral("$distinct_id")).toString();
        if (u.contains(QStringLiteral("$delete"))) {
            m_profiles.remove(id);
            m_writes[id] += 1;
            continue;
        }
        QJsonObject profile = m_profiles.value(id);
        const QJsonObject set = u.value(QStringLiteral("$set")).toObject();
        for (auto it = set.begin(); it != set.end(); ++it)
            profile.insert(it.key(), it.value());
        if (!u.value(QStringLiteral("$ignore_time")).toBool())
            profile.insert(QStringLiteral("$last_seen"), QStringLiteral("now"));
        m_profiles.insert(id, profile);
        m_writes[id] += 1;
    }
    return request.query.queryItemValue(QStringLiteral("verbose")) == QLatin1String("1") ? verdict(200, {}) : Response{200, "1", {}};
}

} // namespace sluice::test
