#include "linkedin_emulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sluice::test {

namespace {

EmulatorServer::Response failure(int status, int service, const QString &code, const QString &message)
{
    return EmulatorServer::Response::json(status, QJsonDocument(QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("serviceErrorCode"), service},
                                                                            {QStringLiteral("code"), code}, {QStringLiteral("message"), message}})
                                                      .toJson(QJsonDocument::Compact));
}

} // namespace

LinkedInEmulator::LinkedInEmulator(QString token, QString segment, quint16 port) : m_token(std::move(token)), m_segment(std::move(segment))
{
    start(port);
}

LinkedInEmulator::~LinkedInEmulator()
{
    stop();
}

void LinkedInEmulator::refuse(const QSet<QString> &idValues)
{
    QMutexLocker lock(&m_mutex);
    m_refuse = idValues;
}

QSet<QString> LinkedInEmulator::members() const
{
    QMutexLocker lock(&m_mutex);
    return m_members;
}

QList<QByteArray> LinkedInEmulator::headersOf(const QByteArray &name) const
{
    QList<QByteArray> out;
    for (const Request &r : requests())
        out.append(r.header(name));
    return out;
}

EmulatorServer::Response LinkedInEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.header("authorization") != "Bearer " + m_token.toUtf8())
        return failure(401, 65600, QStringLiteral("INVALID_ACCESS_TOKEN"), QStringLiteral("Invalid access token"));
    if (request.header("linkedin-version").isEmpty())
        return failure(426, 0, QStringLiteral("VERSION_MISSING"), QStringLiteral("A version must be present. Please specify a version by adding the LinkedIn-Version header."));
    if (request.header("x-restli-protocol-version") != "2.0.0")
        return failure(400, 0, QStringLiteral("ILLEGAL_ARGUMENT"), QStringLiteral("X-Restli-Protocol-Version 2.0.0 is required"));
    if (request.method == "GET" && request.path == QLatin1String("/rest/adAccounts"))
        return Response::json(200, R"({"elements": [{"id": 5081234, "name": "Emulated account"}], "paging": {"count": 1, "start": 0}})");
    static const QRegularExpression users(QStringLiteral("^/rest/dmpSegments/(\\d+)/users$"));
    const QRegularExpressionMatch m = users.match(request.path);
    if (!m.hasMatch() || request.method != "POST")
        return failure(404, 0, QStringLiteral("NOT_FOUND"), QStringLiteral("No resource %1").arg(request.path));
    if (m.captured(1) != m_segment)
        return failure(404, 0, QStringLiteral("NOT_FOUND"), QStringLiteral("DMP segment %1 does not exist").arg(m.captured(1)));
    if (request.header("x-restli-method") != "BATCH_CREATE")
        return failure(400, 0, QStringLiteral("ILLEGAL_ARGUMENT"), QStringLiteral("X-RestLi-Method BATCH_CREATE is required for a batch of users"));
    const QJsonArray elements = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("elements")).toArray();
    if (elements.isEmpty() || elements.size() > 5000)
        return failure(400, 0, QStringLiteral("ILLEGAL_ARGUMENT"), QStringLiteral("A batch takes 1 to 5000 elements"));
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    QJsonArray statuses;
    for (const QJsonValue &v : elements) {
        const QJsonObject e = v.toObject();
        QString email;
        QString problem;
        for (const QJsonValue &id : e.value(QStringLiteral("userIds")).toArray()) {
            const QString type = id.toObject().value(QStringLiteral("idType")).toString();
            const QString value = id.toObject().value(QStringLiteral("idValue")).toString();
            if (type == QLatin1String("SHA256_EMAIL")) {
                email = value;
                if (!hex.match(value).hasMatch())
                    problem = QStringLiteral("idValue of SHA256_EMAIL must be a SHA-256 hex digest");
            }
            if (m_refuse.contains(value))
                problem = QStringLiteral("The user id is on this account's exclusion list");
        }
        const QString action = e.value(QStringLiteral("action")).toString();
        if (action != QLatin1String("ADD") && action != QLatin1String("REMOVE"))
            problem = QStringLiteral("action must be ADD or REMOVE");
        if (!problem.isEmpty()) {
            statuses.append(QJsonObject{{QStringLiteral("status"), 400},
                                        {QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("INVALID_VALUE")}, {QStringLiteral("message"), problem}}}});
            continue;
        }
        if (action == QLatin1String("ADD"))
            m_members.insert(email);
        else
            m_members.remove(email);
        statuses.append(QJsonObject{{QStringLiteral("status"), 201}});
    }
    return Response::json(200, QJsonDocument(QJsonObject{{QStringLiteral("elements"), statuses}}).toJson(QJsonDocument::Compact));
}

} // namespace sluice::test
