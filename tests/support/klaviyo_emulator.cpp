#include "klaviyo_emulator.h"

#include <QJsonDocument>
#include <QRegularExpression>

namespace sluice::test {

namespace {

EmulatorServer::Response failure(int status, const QString &code, const QString &title, const QString &detail)
{
    const QJsonObject error{{QStringLiteral("id"), QStringLiteral("e-%1").arg(status)}, {QStringLiteral("status"), status}, {QStringLiteral("code"), code},
                            {QStringLiteral("title"), title}, {QStringLiteral("detail"), detail}};
    EmulatorServer::Response r = EmulatorServer::Response::json(status, QJsonDocument(QJsonObject{{QStringLiteral("errors"), QJsonArray{error}}}).toJson(QJsonDocument::Compact));
    r.headers.first().second = "application/vnd.api+json";
    return r;
}

// A query parameter by its decoded name ("page[size]" arrives as page%5Bsize%5D).
QString param(const EmulatorServer::Request &request, const QString &name)
{
    for (const auto &[key, value] : request.query.queryItems(QUrl::FullyDecoded))
        if (QUrl::fromPercentEncoding(key.toUtf8()) == name)
            return value;
    return {};
}

EmulatorServer::Response document(int status, const QJsonObject &body)
{
    EmulatorServer::Response r = EmulatorServer::Response::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
    r.headers.first().second = "application/vnd.api+json";
    return r;
}

} // namespace

KlaviyoEmulator::KlaviyoEmulator(QString apiKey, int requestsPerSecond, quint16 port) : m_key(std::move(apiKey)), m_window(requestsPerSecond, 1000)
{
    start(port);
}

KlaviyoEmulator::~KlaviyoEmulator()
{
    stop();
}

void KlaviyoEmulator::refuse(const QHash<QString, QString> &details)
{
    QMutexLocker lock(&m_mutex);
    m_refuse = details;
}

void KlaviyoEmulator::setScopes(bool granted)
{
    QMutexLocker lock(&m_mutex);
    m_scopes = granted;
}

void KlaviyoEmulator::setRateLimit(int requestsPerSecond)
{
    QMutexLocker lock(&m_mutex);
    m_window.reset(requestsPerSecond);
}

QHash<QString, QJsonObject> KlaviyoEmulator::profiles() const
{
    QMutexLocker lock(&m_mutex);
    return m_profiles;
}

QHash<QString, int> KlaviyoEmulator::writes() const
{
    QMutexLocker lock(&m_mutex);
    return m_writes;
}

int KlaviyoEmulator::throttled() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.throttled();
}

int KlaviyoEmulator::maxInWindow() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.maxInWindow();
}

int KlaviyoEmulator::jobs() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_jobs.size());
}

EmulatorServer::Response KlaviyoEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.header("authorization") != "Klaviyo-API-Key " + m_key.toUtf8())
        return failure(401, QStringLiteral("not_authenticated"), QStringLiteral("Authentication credentials were not provided."),
                       QStringLiteral("Missing or invalid private key."));
    if (request.header("revision").isEmpty())
        return failure(400, QStringLiteral("invalid"), QStringLiteral("Invalid input."), QStringLiteral("The revision header is required."));
    if (const qint64 wait = m_window.admit(request.arrivedMs); wait > 0) {
        Response r = failure(429, QStringLiteral("throttled"), QStringLiteral("Request was throttled."), QStringLiteral("Request was throttled. Expected available in 1 second."));
        r.headers.append(qMakePair(QByteArrayLiteral("Retry-After"), QByteArray::number((wait + 999) / 1000)));
        r.headers.append(qMakePair(QByteArrayLiteral("RateLimit-Limit"), QByteArray::number(m_window.limit())));
        r.headers.append(qMakePair(QByteArrayLiteral("RateLimit-Remaining"), QByteArrayLiteral("0")));
        r.headers.append(qMakePair(QByteArrayLiteral("RateLimit-Reset"), QByteArray::number((wait + 999) / 1000)));
        return r;
    }
    if (!m_scopes)
        return failure(403, QStringLiteral("permission_denied"), QStringLiteral("You do not have permission to perform this action."),
                       QStringLiteral("This API key is missing required scopes: profiles:write"));
    static const QRegularExpression job(QStringLiteral("^/api/profile-bulk-import-jobs/([\\w-]+)(/import-errors)?/?$"));
    const QRegularExpressionMatch m = job.match(request.path);
    if (request.method == "POST" && request.path == QLatin1String("/api/profile-bulk-import-jobs"))
        return createJob(request);
    if (request.method == "GET" && request.path == QLatin1String("/api/profile-bulk-import-jobs"))
        return document(200, QJsonObject{{QStringLiteral("data"), QJsonArray{}}, {QStringLiteral("links"), QJsonObject{}}});
    if (request.method == "GET" && m.hasMatch() && m_jobs.contains(m.captured(1)))
        return m.captured(2).isEmpty() ? jobStatus(m.captured(1)) : importErrors(request, m.captured(1));
    return failure(404, QStringLiteral("not_found"), QStringLiteral("Not found."), QStringLiteral("%1 %2").arg(QString::fromLatin1(request.method), request.path));
}

EmulatorServer::Response KlaviyoEmulator::createJob(const Request &request)
{
    if (!request.header("content-type").startsWith("application/vnd.api+json"))
        return failure(415, QStringLiteral("unsupported_media_type"), QStringLiteral("Unsupported media type."),
                       QStringLiteral("Content-Type must be application/vnd.api+json"));
    if (request.body.size() > 5 * 1024 * 1024)
        return failure(413, QStringLiteral("payload_too_large"), QStringLiteral("Payload too large."), QStringLiteral("A job's payload is at most 5 MB."));
    const QJsonObject data = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("data")).toObject();
    if (data.value(QStringLiteral("type")).toString() != QLatin1String("profile-bulk-import-job"))
        return failure(400, QStringLiteral("invalid"), QStringLiteral("Invalid input."), QStringLiteral("data.type must be profile-bulk-import-job"));
    const QJsonArray profiles = data.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("profiles")).toObject().value(QStringLiteral("data")).toArray();
    if (profiles.isEmpty() || profiles.size() > 10000)
        return failure(400, QStringLiteral("invalid"), QStringLiteral("Invalid input."), QStringLiteral("A job takes 1 to 10,000 profiles."));
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"));
    Job job;
    job.total = int(profiles.size());
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const QJsonObject p = profiles[i].toObject();
        const QJsonObject a = p.value(QStringLiteral("attributes")).toObject();
        auto fail = [&](const QString &title, const QString &detail, const QString &field) {
            job.errors.append(QJsonObject{
                {QStringLiteral("type"), QStringLiteral("import-error")},
                {QStringLiteral("id"), QStringLiteral("ie-%1-%2").arg(m_nextJob).arg(i)},
                {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("code"), QStringLiteral("invalid")},
                                                           {QStringLiteral("title"), title},
                                                           {QStringLiteral("detail"), detail},
                                                           {QStringLiteral("source"), QJsonObject{{QStringLiteral("pointer"), QStringLiteral("/data/attributes/profiles/data/%1/attributes/%2").arg(i).arg(field)}}},
                                                           {QStringLiteral("original_payload"), a}}}});
        };
        const QString id = a.contains(QStringLiteral("external_id")) ? a.value(QStringLiteral("external_id")).toVariant().toString()
                                                                     : a.value(QStringLiteral("email")).toString().toLower();
        if (p.value(QStringLiteral("type")).toString() != QLatin1String("profile") || id.isEmpty()) {
            fail(QStringLiteral("Invalid input."), QStringLiteral("A profile needs an email, phone_number or external_id."), QStringLiteral("email"));
            continue;
        }
        if (a.value(QStringLiteral("email")).isString() && !email.match(a.value(QStringLiteral("email")).toString()).hasMatch()) {
            fail(QStringLiteral("Invalid email address."), QStringLiteral("%1 is not a valid email address.").arg(a.value(QStringLiteral("email")).toString()), QStringLiteral("email"));
            continue;
        }
        if (m_refuse.contains(id)) {
            fail(QStringLiteral("Invalid input."), m_refuse.value(id), QStringLiteral("email"));
            continue;
        }
        QJsonObject stored = m_profiles.value(id);
        for (auto it = a.begin(); it != a.end(); ++it)
            stored.insert(it.key(), it.value());
        m_profiles.insert(id, stored);
        m_writes[id] += 1;
    }
    const QString jobId = QStringLiteral("job-%1").arg(m_nextJob++);
    m_jobs.insert(jobId, job);
    return document(202, QJsonObject{{QStringLiteral("data"), jobObject(jobId, job, QStringLiteral("queued"))}});
}

QJsonObject KlaviyoEmulator::jobObject(const QString &id, const Job &job, const QString &status) const
{
    const bool done = status == QLatin1String("complete");
    return {{QStringLiteral("type"), QStringLiteral("profile-bulk-import-job")},
            {QStringLiteral("id"), id},
            {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("status"), status},
                                                       {QStringLiteral("total_count"), job.total},
                                                       {QStringLiteral("completed_count"), done ? job.total - int(job.errors.size()) : 0},
                                                       {QStringLiteral("failed_count"), done ? int(job.errors.size()) : 0}}}};
}

EmulatorServer::Response KlaviyoEmulator::jobStatus(const QString &id)
{
    Job &job = m_jobs[id];
    job.polls += 1;
    const QString status = job.polls == 1 ? QStringLiteral("processing") : QStringLiteral("complete");
    return document(200, QJsonObject{{QStringLiteral("data"), jobObject(id, job, status)}});
}

EmulatorServer::Response KlaviyoEmulator::importErrors(const Request &request, const QString &id)
{
    const Job &job = m_jobs[id];
    if (job.polls < 2)
        return failure(400, QStringLiteral("invalid"), QStringLiteral("Invalid input."), QStringLiteral("The job is not complete yet."));
    const int size = param(request, QStringLiteral("page[size]")).toInt() > 0 ? param(request, QStringLiteral("page[size]")).toInt() : 20;
    if (size > 100)
        return failure(400, QStringLiteral("invalid"), QStringLiteral("Invalid input."), QStringLiteral("page[size] must be at most 100."));
    const int from = param(request, QStringLiteral("page[cursor]")).toInt();
    QJsonObject links;
    if (from + size < job.errors.size())
        links.insert(QStringLiteral("next"), QStringLiteral("%1/api/profile-bulk-import-jobs/%2/import-errors?page%5Bsize%5D=%3&page%5Bcursor%5D=%4")
                                                 .arg(baseUrl(), id).arg(size).arg(from + size));
    return document(200, QJsonObject{{QStringLiteral("data"), QJsonArray::fromVariantList(job.errors.toVariantList().mid(from, size))},
                                     {QStringLiteral("links"), links}});
}

} // namespace sluice::test
