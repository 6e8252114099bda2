#include "destination/linkedin_destination.h"

#include "destination/saas_common.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice::destination {

namespace {

// Sluice's field names for the attributes LinkedIn matches on besides ids.
const QList<QPair<QString, QString>> &profileFields()
{
    static const QList<QPair<QString, QString>> fields{{QStringLiteral("FIRST_NAME"), QStringLiteral("firstName")},
                                                       {QStringLiteral("LAST_NAME"), QStringLiteral("lastName")},
                                                       {QStringLiteral("TITLE"), QStringLiteral("title")},
                                                       {QStringLiteral("COMPANY"), QStringLiteral("company")},
                                                       {QStringLiteral("COUNTRY"), QStringLiteral("country")}};
    return fields;
}

} // namespace

const QStringList &linkedinIdentifierKinds()
{
    static const QStringList kinds{QStringLiteral("SHA256_EMAIL"), QStringLiteral("SHA512_EMAIL"), QStringLiteral("GOOGLE_AID"), QStringLiteral("APPLE_IDFA"),
                                   QStringLiteral("FIRST_NAME"),   QStringLiteral("LAST_NAME"),    QStringLiteral("TITLE"),      QStringLiteral("COMPANY"),
                                   QStringLiteral("COUNTRY")};
    return kinds;
}

bool linkedinKindIsHashed(const QString &kind)
{
    return kind == QLatin1String("SHA256_EMAIL");
}

LinkedInProtocol::LinkedInProtocol(QUrl baseUrl, QByteArray token, QString version, QString segment)
    : m_base(std::move(baseUrl)), m_token(std::move(token)), m_version(std::move(version)), m_segment(std::move(segment))
{
}

QString LinkedInProtocol::wordsOf(const QJsonObject &error)
{
    const QString code = error.value(QStringLiteral("code")).toString();
    const QString message = error.value(QStringLiteral("message")).toString();
    return code.isEmpty() ? message : code + QStringLiteral(": ") + message;
}

QList<QPair<QByteArray, QByteArray>> LinkedInProtocol::headers() const
{
    return {qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Bearer " + m_token)), qMakePair(QByteArrayLiteral("LinkedIn-Version"), m_version.toUtf8()),
            qMakePair(QByteArrayLiteral("X-Restli-Protocol-Version"), QByteArrayLiteral("2.0.0"))};
}

HttpRequest LinkedInProtocol::encode(const QList<Operation> &operations, const BatchContext &) const
{
    QJsonArray elements;
    for (const Operation &op : operations) {
        const QJsonObject fields = QJsonDocument::fromJson(op.fieldsJson).object();
        QJsonArray ids;
        for (const QString &kind : {QStringLiteral("SHA256_EMAIL"), QStringLiteral("SHA512_EMAIL"), QStringLiteral("GOOGLE_AID"), QStringLiteral("APPLE_IDFA")})
            if (const QString value = jsonText(fields.value(kind)); !value.isEmpty())
                ids.append(QJsonObject{{QStringLiteral("idType"), kind}, {QStringLiteral("idValue"), value}});
        QJsonObject element{{QStringLiteral("action"), op.kind == OpKind::Delete ? QStringLiteral("REMOVE") : QStringLiteral("ADD")},
                            {QStringLiteral("userIds"), ids}};
        for (const auto &[name, key] : profileFields())
            if (const QString value = jsonText(fields.value(name)); !value.isEmpty())
                element.insert(key, value);
        elements.append(element);
    }
    HttpRequest r = jsonRequest(m_base, "POST", QStringLiteral("/rest/dmpSegments/%1/users").arg(m_segment), headers(),
                                QJsonDocument(QJsonObject{{QStringLiteral("elements"), elements}}).toJson(QJsonDocument::Compact));
    r.headers.append(qMakePair(QByteArrayLiteral("X-RestLi-Method"), QByteArrayLiteral("BATCH_CREATE")));
    return r;
}

Verdict LinkedInProtocol::judge(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    const QString words = wordsOf(body);
    if (answer.status == 200 || answer.status == 201) {
        const QJsonArray statuses = body.value(QStringLiteral("elements")).toArray();
        if (statuses.size() != operations.size())
            return {Verdict::Kind::Fatal, {}, QCoreApplication::translate("sluice::destination", "LinkedIn answered %1 statuses for %2 users").arg(statuses.size()).arg(operations.size()), -1};
        Verdict v{Verdict::Kind::Settled, {}, {}, -1};
        qint64 refused = 0;
        for (qsizetype i = 0; i < operations.size(); ++i) {
            const QJsonObject s = statuses[i].toObject();
            const int status = s.value(QStringLiteral("status")).toInt();
            const bool ok = status >= 200 && status < 300;
            refused += !ok;
            v.outcomes.append({operations[i].key, ok, ok ? QString() : QCoreApplication::translate("sluice::destination", "LinkedIn: %1").arg(wordsOf(s.value(QStringLiteral("error")).toObject()))});
        }
        // What LinkedIn took of the batch, element by element, recorded with the run.
        count(QStringLiteral("received"), statuses.size());
        count(QStringLiteral("invalid"), refused);
        return v;
    }
    if (answer.status == 401 || answer.status == 403)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1, %2").arg(answer.status).arg(words), -1};
    if (answer.status == 404)
        return {Verdict::Kind::Fatal, {}, QCoreApplication::translate("sluice::destination", "DMP segment %1: %2").arg(m_segment, words), -1};
    if (answer.status == 400)
        return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "LinkedIn: %1").arg(words), -1};
    return HttpProtocol::judge(operations, answer);
}

LinkedInDestination::LinkedInDestination(QString name, QUrl baseUrl, QByteArray token, QString version, HttpSettings settings)
    : m_name(std::move(name)), m_base(std::move(baseUrl)), m_token(std::move(token)), m_version(std::move(version)), m_settings(settings)
{
}

Result<void> LinkedInDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (context.object.isEmpty())
        return configError(QCoreApplication::translate("sluice::destination", "%1: a LinkedIn sync needs \"object\": the DMP segment's id").arg(owner));
    const QList<Operation> sendable = withoutUnremovable(operations, context, QCoreApplication::translate("sluice::destination", "its identifiers were not kept when it was added, so it cannot be removed from the segment"));
    LinkedInProtocol protocol(m_base, m_token, m_version, context.object);
    HttpDelivery delivery(owner, m_settings, protocol);
    return delivery.deliver(sendable, context);
}

Result<void> LinkedInDestination::check() const
{
    const LinkedInProtocol protocol(m_base, m_token, m_version, QString());
    const HttpAnswer answer = httpRequestRetried(jsonRequest(m_base, "GET", QStringLiteral("/rest/adAccounts"), protocol.headers(), {},
                                                             QStringLiteral("q=search&count=1")),
                                                 m_settings);
    if (answer.status == 200)
        return {};
    return callRefusal(QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name), m_base, answer, QStringLiteral("LinkedIn"), QCoreApplication::translate("sluice::destination", "the access token"), QCoreApplication::translate("sluice::destination", "reading the ad accounts"),
                       LinkedInProtocol::wordsOf(QJsonDocument::fromJson(answer.body).object()));
}

Result<QList<FieldInfo>> LinkedInDestination::describe(const QString &) const
{
    return identifierFields(linkedinIdentifierKinds(), &linkedinKindIsHashed);
}

} // namespace sluice::destination
