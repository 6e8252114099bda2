#include "google_emulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace sluice::test {

namespace {

// The Data Manager API's MatchRateRange for a share of members matched.
QString matchRateRange(double share)
{
    const int percent = int(share * 100.0);
    if (percent < 20)
        return QStringLiteral("MATCH_RATE_RANGE_LESS_THAN_20");
    if (percent <= 30)
        return QStringLiteral("MATCH_RATE_RANGE_20_TO_30");
    const int low = (percent - 1) / 10 * 10 + 1; // 31-40, 41-50, ...
    return QStringLiteral("MATCH_RATE_RANGE_%1_TO_%2").arg(low).arg(qMin(low + 9, 100));
}

} // namespace

namespace {

EmulatorServer::Response status(int http, const QString &code, const QString &message, const QJsonArray &violations = {})
{
    QJsonObject error{{QStringLiteral("code"), http}, {QStringLiteral("message"), message}, {QStringLiteral("status"), code}};
    if (!violations.isEmpty())
        error.insert(QStringLiteral("details"), QJsonArray{QJsonObject{{QStringLiteral("@type"), QStringLiteral("type.googleapis.com/google.rpc.BadRequest")},
                                                                       {QStringLiteral("fieldViolations"), violations}}});
    return EmulatorServer::Response::json(http, QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact));
}

} // namespace

GoogleEmulator::GoogleEmulator(QString clientId, QString clientSecret, QString refreshToken, QString accountId, QString userList, quint16 port)
    : m_clientId(std::move(clientId)), m_clientSecret(std::move(clientSecret)), m_refreshToken(std::move(refreshToken)), m_accountId(std::move(accountId)),
      m_userList(std::move(userList))
{
    start(port);
}

GoogleEmulator::~GoogleEmulator()
{
    stop();
}

void GoogleEmulator::expireTokens()
{
    QMutexLocker lock(&m_mutex);
    m_tokens.clear();
}

QSet<QString> GoogleEmulator::members() const
{
    QMutexLocker lock(&m_mutex);
    return QSet<QString>(m_members.keyBegin(), m_members.keyEnd());
}

bool GoogleEmulator::hasIdentifier(const QString &value) const
{
    QMutexLocker lock(&m_mutex);
    for (const QStringList &m : m_members)
        if (m.contains(value))
            return true;
    return false;
}

QList<QJsonObject> GoogleEmulator::bodies() const
{
    QMutexLocker lock(&m_mutex);
    return m_bodies;
}

int GoogleEmulator::tokensIssued() const
{
    QMutexLocker lock(&m_mutex);
    return m_issued;
}

EmulatorServer::Response GoogleEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.path == QLatin1String("/token")) {
        const QUrlQuery form(QString::fromUtf8(request.body));
        auto value = [&](const char *k) { return form.queryItemValue(QLatin1String(k), QUrl::FullyDecoded); };
        if (value("client_id") != m_clientId || value("client_secret") != m_clientSecret)
            return Response::json(401, R"({"error": "invalid_client", "error_description": "The OAuth client was not found."})");
        if (value("grant_type") != QLatin1String("refresh_token") || value("refresh_token") != m_refreshToken)
            return Response::json(400, R"({"error": "invalid_grant", "error_description": "Token has been expired or revoked."})");
        const QString token = QStringLiteral("ya29.emul-") + QUuid::createUuid().toString(QUuid::Id128);
        m_tokens.insert(token);
        ++m_issued;
        return Response::json(200, QJsonDocument(QJsonObject{{QStringLiteral("access_token"), token}, {QStringLiteral("expires_in"), 3599},
                                                             {QStringLiteral("token_type"), QStringLiteral("Bearer")}})
                                       .toJson(QJsonDocument::Compact));
    }
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer ") || !m_tokens.contains(QString::fromUtf8(auth.mid(7))))
        return status(401, QStringLiteral("UNAUTHENTICATED"), QStringLiteral("Request had invalid authentication credentials. Expected OAuth 2 access token."));
    if (request.method == "POST" && request.path == QLatin1String("/v1/audienceMembers:ingest"))
        return members(request, true);
    if (request.method == "POST" && request.path == QLatin1String("/v1/audienceMembers:remove"))
        return members(request, false);
    if (request.method == "POST" && request.path == QLatin1String("/v1/requestStatus:retrieve")) {
        const QString id = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("requestId")).toString();
        if (!m_requests.contains(id))
            return status(404, QStringLiteral("NOT_FOUND"), QStringLiteral("No request %1").arg(id));
        return Response::json(200, QJsonDocument(QJsonObject{{QStringLiteral("requestStatusPerDestination"), QJsonArray{m_requests.value(id)}}}).toJson(QJsonDocument::Compact));
    }
    return status(404, QStringLiteral("NOT_FOUND"), QStringLiteral("No method %1").arg(request.path));
}

EmulatorServer::Response GoogleEmulator::members(const Request &request, bool ingest)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QJsonObject destination = body.value(QStringLiteral("destinations")).toArray().first().toObject();
    const QJsonObject account = destination.value(QStringLiteral("operatingAccount")).toObject();
    if (account.value(QStringLiteral("accountType")).toString() != QLatin1String("GOOGLE_ADS") || account.value(QStringLiteral("accountId")).toString() != m_accountId)
        return status(403, QStringLiteral("PERMISSION_DENIED"), QStringLiteral("The caller does not have permission on operating account %1").arg(account.value(QStringLiteral("accountId")).toString()));
    const QJsonArray audience = body.value(QStringLiteral("audienceMembers")).toArray();
    if (audience.isEmpty())
        return status(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("audience_members must not be empty"));
    if (destination.value(QStringLiteral("productDestinationId")).toString() != m_userList)
        return status(404, QStringLiteral("NOT_FOUND"), QStringLiteral("User list %1 was not found").arg(destination.value(QStringLiteral("productDestinationId")).toString()));
    if (audience.size() > 10000)
        return status(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("Too many audience members: at most 10000 per request"));
    if (body.value(QStringLiteral("encoding")).toString() != QLatin1String("HEX"))
        return status(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("encoding must be set for hashed user data"));
    if (ingest && body.value(QStringLiteral("termsOfService")).toObject().value(QStringLiteral("customerMatchTermsOfServiceStatus")).toString() != QLatin1String("ACCEPTED"))
        return status(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("The Customer Match terms of service must be accepted"));
    m_bodies.append(body);
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    QJsonArray violations;
    QList<QStringList> rows;
    for (qsizetype i = 0; i < audience.size(); ++i) {
        QStringList values;
        const QJsonArray ids = audience[i].toObject().value(QStringLiteral("userData")).toObject().value(QStringLiteral("userIdentifiers")).toArray();
        for (qsizetype j = 0; j < ids.size(); ++j) {
            const QJsonObject id = ids[j].toObject();
            for (const char *key : {"emailAddress", "phoneNumber"})
                if (id.contains(QLatin1String(key))) {
                    if (!hex.match(id.value(QLatin1String(key)).toString()).hasMatch())
                        violations.append(QJsonObject{{QStringLiteral("field"), QStringLiteral("audience_members[%1].user_data.user_identifiers[%2].%3").arg(i).arg(j).arg(QLatin1String(key))},
                                                      {QStringLiteral("description"), QStringLiteral("INVALID_SHA256_FORMAT: %1 is not a hex-encoded SHA-256 hash").arg(QLatin1String(key))}});
                    values.append(id.value(QLatin1String(key)).toString());
                }
        }
        if (ids.isEmpty())
            violations.append(QJsonObject{{QStringLiteral("field"), QStringLiteral("audience_members[%1].user_data").arg(i)},
                                          {QStringLiteral("description"), QStringLiteral("NO_USER_IDENTIFIERS: a member needs at least one user identifier")}});
        rows.append(values);
    }
    if (!violations.isEmpty())
        return status(400, QStringLiteral("INVALID_ARGUMENT"), QStringLiteral("There was a problem with the request."), violations);
    for (const QStringList &values : std::as_const(rows)) {
        if (ingest)
            m_members.insert(values.join(QLatin1Char('|')), values);
        else
            m_members.remove(values.join(QLatin1Char('|')));
    }
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QJsonObject counted{{QStringLiteral("recordCount"), QString::number(audience.size())}};
    if (ingest)
        counted.insert(QStringLiteral("uploadMatchRateRange"), matchRateRange(m_matchShare));
    m_requests.insert(requestId, QJsonObject{{QStringLiteral("destination"), destination},
                                             {QStringLiteral("requestStatus"), QStringLiteral("SUCCESS")},
                                             {ingest ? QStringLiteral("audienceMembersIngestionStatus") : QStringLiteral("audienceMembersRemovalStatus"),
                                              QJsonObject{{ingest ? QStringLiteral("userDataIngestionStatus") : QStringLiteral("userDataRemovalStatus"), counted}}}});
    return Response::json(200, QJsonDocument(QJsonObject{{QStringLiteral("requestId"), requestId}}).toJson(QJsonDocument::Compact));
}

void GoogleEmulator::setMatchShare(double share)
{
    QMutexLocker lock(&m_mutex);
    m_matchShare = share;
}

} // namespace sluice::test
