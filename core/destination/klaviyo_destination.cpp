#include "destination/klaviyo_destination.h"

#include "destination/saas_common.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sluice::destination {

namespace {

// A profile's own attributes; any other field is a custom property.
const QStringList &standardAttributes()
{
    static const QStringList names{QStringLiteral("email"),        QStringLiteral("phone_number"), QStringLiteral("external_id"),
                                   QStringLiteral("first_name"),   QStringLiteral("last_name"),    QStringLiteral("organization"),
                                   QStringLiteral("locale"),       QStringLiteral("title"),        QStringLiteral("image")};
    return names;
}

} // namespace

KlaviyoProtocol::KlaviyoProtocol(QUrl baseUrl, QByteArray apiKey, QString revision)
    : m_base(std::move(baseUrl)), m_key(std::move(apiKey)), m_revision(std::move(revision))
{
}

QString KlaviyoProtocol::wordsOf(const QByteArray &body)
{
    QStringList words;
    for (const QJsonValue &v : QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray()) {
        const QJsonObject e = v.toObject();
        words.append(QStringLiteral("%1: %2 %3").arg(e.value(QStringLiteral("code")).toString(), e.value(QStringLiteral("title")).toString(),
                                                    e.value(QStringLiteral("detail")).toString()).trimmed());
    }
    return words.isEmpty() ? QString::fromUtf8(body.left(300)).simplified() : words.join(QStringLiteral("; "));
}

HttpRequest KlaviyoProtocol::get(const QString &path, const QString &query) const
{
    HttpRequest r = jsonRequest(m_base, "GET", path, {qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Klaviyo-API-Key " + m_key)),
                                                      qMakePair(QByteArrayLiteral("revision"), m_revision.toUtf8())}, {}, query);
    for (auto &[name, value] : r.headers)
        if (name == "Accept")
            value = "application/vnd.api+json";
    return r;
}

HttpRequest KlaviyoProtocol::submit(const QList<Operation> &operations) const
{
    QJsonArray profiles;
    for (const Operation &op : operations) {
        const QJsonObject fields = QJsonDocument::fromJson(op.fieldsJson).object();
        QJsonObject attributes;
        QJsonObject properties;
        for (auto it = fields.begin(); it != fields.end(); ++it)
            (standardAttributes().contains(it.key()) ? attributes : properties).insert(it.key(), it.value());
        if (!properties.isEmpty())
            attributes.insert(QStringLiteral("properties"), properties);
        profiles.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("profile")}, {QStringLiteral("attributes"), attributes}});
    }
    const QJsonObject body{{QStringLiteral("data"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("profile-bulk-import-job")},
                                        {QStringLiteral("attributes"), QJsonObject{{QStringLiteral("profiles"), QJsonObject{{QStringLiteral("data"), profiles}}}}}}}};
    HttpRequest r = get(QStringLiteral("/api/profile-bulk-import-jobs"));
    r.method = "POST";
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/vnd.api+json")));
    return r;
}

Verdict KlaviyoProtocol::judgeSubmit(const QList<Operation> &operations, const HttpAnswer &answer, QString *jobId) const
{
    const QString words = wordsOf(answer.body);
    if (answer.status == 202 || answer.status == 200 || answer.status == 201) {
        *jobId = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("data")).toObject().value(QStringLiteral("id")).toString();
        if (jobId->isEmpty())
            return {Verdict::Kind::Fatal, {}, QCoreApplication::translate("sluice::destination", "Klaviyo accepted the import but named no job"), -1};
        return {Verdict::Kind::Settled, {}, {}, -1};
    }
    if (answer.status == 401 || answer.status == 403)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1, %2").arg(answer.status).arg(words), -1};
    if (answer.status == 400 || answer.status == 413)
        return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Klaviyo: %1").arg(words), -1};
    if (answer.status == 0)
        return {Verdict::Kind::Retry, {}, answer.networkProblem, -1};
    Q_UNUSED(operations);
    return {answer.status == 429 ? Verdict::Kind::Throttled : Verdict::Kind::Retry, {}, QCoreApplication::translate("sluice::destination", "HTTP %1: %2").arg(answer.status).arg(words), -1};
}

HttpRequest KlaviyoProtocol::poll(const QString &jobId) const
{
    return get(QStringLiteral("/api/profile-bulk-import-jobs/%1").arg(jobId));
}

JobProtocol::JobState KlaviyoProtocol::judgePoll(const HttpAnswer &answer, QString *problem) const
{
    if (answer.status != 200) {
        *problem = answer.status == 0 ? answer.networkProblem : QCoreApplication::translate("sluice::destination", "HTTP %1: %2").arg(answer.status).arg(wordsOf(answer.body));
        return JobState::Unknown;
    }
    const QString status = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("data")).toObject().value(QStringLiteral("attributes")).toObject().value(
        QStringLiteral("status")).toString();
    if (status == QLatin1String("complete"))
        return JobState::Done;
    if (status == QLatin1String("cancelled")) {
        *problem = QCoreApplication::translate("sluice::destination", "Klaviyo cancelled the import job");
        return JobState::Failed;
    }
    return JobState::Running;
}

HttpRequest KlaviyoProtocol::errors(const QString &jobId, const QString &next) const
{
    if (next.isEmpty())
        return get(QStringLiteral("/api/profile-bulk-import-jobs/%1/import-errors").arg(jobId), QStringLiteral("page%5Bsize%5D=100"));
    // The next page is named by an absolute link; only its path and query are
    // taken, so a link can never send the key to another host.
    const QUrl link(next);
    return get(link.path(), link.query(QUrl::FullyEncoded));
}

Result<QHash<int, QString>> KlaviyoProtocol::decodeErrors(const HttpAnswer &answer, QString *next) const
{
    next->clear();
    if (answer.status != 200)
        return Error{answer.status == 0 ? answer.networkProblem : QCoreApplication::translate("sluice::destination", "HTTP %1: %2").arg(answer.status).arg(wordsOf(answer.body)), Error::Kind::Unreachable};
    static const QRegularExpression index(QStringLiteral("^/data/attributes/profiles/data/(\\d+)"));
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    QHash<int, QString> reasons;
    for (const QJsonValue &v : body.value(QStringLiteral("data")).toArray()) {
        const QJsonObject a = v.toObject().value(QStringLiteral("attributes")).toObject();
        const QRegularExpressionMatch m = index.match(a.value(QStringLiteral("source")).toObject().value(QStringLiteral("pointer")).toString());
        if (!m.hasMatch())
            return Error{QCoreApplication::translate("sluice::destination", "an import error names no profile: %1").arg(a.value(QStringLiteral("detail")).toString()), Error::Kind::Unreachable};
        reasons.insert(m.captured(1).toInt(), QCoreApplication::translate("sluice::destination", "Klaviyo: %1 %2").arg(a.value(QStringLiteral("title")).toString(), a.value(QStringLiteral("detail")).toString()).trimmed());
    }
    *next = body.value(QStringLiteral("links")).toObject().value(QStringLiteral("next")).toString();
    return reasons;
}

KlaviyoDestination::KlaviyoDestination(QString name, QUrl baseUrl, QByteArray apiKey, QString revision, HttpSettings settings, JobSettings job)
    : m_name(std::move(name)), m_protocol(baseUrl, std::move(apiKey), std::move(revision)), m_base(baseUrl), m_settings(settings), m_job(job)
{
}

Result<void> KlaviyoDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    static const QStringList identifiers{QStringLiteral("email"), QStringLiteral("external_id"), QStringLiteral("phone_number")};
    if (!context.matchField.isEmpty() && !identifiers.contains(context.matchField))
        return configError(QCoreApplication::translate("sluice::destination", "%1: Klaviyo matches profiles on email, external_id or phone_number, not %2").arg(owner, context.matchField));
    JobDelivery delivery(owner, m_settings, m_job, m_protocol);
    return delivery.deliver(operations, context);
}

Result<void> KlaviyoDestination::check() const
{
    // One import job read: the cheapest call that needs the key (profiles:read).
    const HttpAnswer answer = httpRequestRetried(m_protocol.get(QStringLiteral("/api/profile-bulk-import-jobs"), QStringLiteral("page%5Bsize%5D=1")), m_settings);
    if (answer.status == 200)
        return {};
    return callRefusal(QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name), m_base, answer, QStringLiteral("Klaviyo"), QCoreApplication::translate("sluice::destination", "the private API key"), QCoreApplication::translate("sluice::destination", "reading import jobs"),
                       KlaviyoProtocol::wordsOf(answer.body));
}

Result<QList<FieldInfo>> KlaviyoDestination::describe(const QString &) const
{
    // Klaviyo has no schema call for profiles: its documented attributes,
    // with the identifier formats it checks; any other name is a custom property.
    QList<FieldInfo> fields;
    for (const QString &name : standardAttributes()) {
        FieldInfo f;
        f.name = name;
        f.label = name;
        f.type = QStringLiteral("string");
        f.unique = name == QLatin1String("email") || name == QLatin1String("external_id") || name == QLatin1String("phone_number");
        if (name == QLatin1String("email"))
            f.format = QStringLiteral("email");
        if (name == QLatin1String("phone_number"))
            f.format = QStringLiteral("e164");
        fields.append(f);
    }
    return fields;
}

} // namespace sluice::destination
