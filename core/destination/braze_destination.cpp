#include "destination/braze_destination.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice::destination {

namespace {

QString wordsOf(const QByteArray &body)
{
    const QString message = QJsonDocument::fromJson(body).object().value(QStringLiteral("message")).toString();
    return message.isEmpty() ? QString::fromUtf8(body.left(300)).simplified() : message;
}

HttpRequest trackRequest(const QUrl &base, const QByteArray &key, const QJsonObject &body)
{
    HttpRequest request;
    request.url = base;
    request.url.setPath(base.path() + QStringLiteral("/users/track"));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.headers.append(qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Bearer " + key)));
    request.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    return request;
}

} // namespace

BrazeProtocol::BrazeProtocol(QUrl baseUrl, QByteArray apiKey, QString identifier)
    : m_base(std::move(baseUrl)), m_key(std::move(apiKey)), m_identifier(std::move(identifier))
{
}

HttpRequest BrazeProtocol::encode(const QList<Operation> &operations, const BatchContext &) const
{
    QJsonArray attributes;
    for (const Operation &op : operations) {
        QJsonObject attribute = QJsonDocument::fromJson(op.fieldsJson).object();
        // Update-only: Braze must not create a user it does not know.
        if (op.kind == OpKind::Update)
            attribute.insert(QStringLiteral("_update_existing_only"), true);
        attributes.append(attribute);
    }
    return trackRequest(m_base, m_key, QJsonObject{{QStringLiteral("attributes"), attributes}});
}

Verdict BrazeProtocol::judge(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    if (answer.status == 429) {
        // X-RateLimit-Reset: when the window reopens, as a Unix time.
        const qint64 reset = answer.header("x-ratelimit-reset").toLongLong();
        const qint64 wait = reset > 0 ? qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(QDateTime::fromSecsSinceEpoch(reset, Qt::UTC))) : -1;
        return {Verdict::Kind::Throttled, {}, QCoreApplication::translate("sluice::destination", "Braze rate limit: %1").arg(wordsOf(answer.body)), wait};
    }
    if (answer.status == 401 || answer.status == 403)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1, %2").arg(answer.status).arg(wordsOf(answer.body)), -1};
    const QJsonArray errors = body.value(QStringLiteral("errors")).toArray();
    if (answer.status >= 200 && answer.status < 300) {
        QHash<int, QString> refused;
        for (const QJsonValue &v : errors) {
            const QJsonObject e = v.toObject();
            if (e.value(QStringLiteral("input_array")).toString() != QLatin1String("attributes") || !e.value(QStringLiteral("index")).isDouble())
                return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Braze: %1").arg(e.value(QStringLiteral("type")).toString()), -1};
            refused.insert(e.value(QStringLiteral("index")).toInt(), e.value(QStringLiteral("type")).toString());
        }
        Verdict v{Verdict::Kind::Settled, {}, {}, -1};
        for (qsizetype i = 0; i < operations.size(); ++i)
            v.outcomes.append({operations[i].key, !refused.contains(int(i)), refused.contains(int(i)) ? QCoreApplication::translate("sluice::destination", "Braze: %1").arg(refused.value(int(i))) : QString()});
        return v;
    }
    if (answer.status == 400 && !errors.isEmpty() && operations.size() > 1) {
        // Every object of the batch was refused, each with its reason.
        Verdict v{Verdict::Kind::Settled, {}, {}, -1};
        QHash<int, QString> refused;
        for (const QJsonValue &e : errors)
            refused.insert(e.toObject().value(QStringLiteral("index")).toInt(-1), e.toObject().value(QStringLiteral("type")).toString());
        for (qsizetype i = 0; i < operations.size(); ++i) {
            if (!refused.contains(int(i)))
                return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Braze: %1").arg(wordsOf(answer.body)), -1};
            v.outcomes.append({operations[i].key, false, QCoreApplication::translate("sluice::destination", "Braze: %1").arg(refused.value(int(i)))});
        }
        return v;
    }
    if (answer.status == 400) {
        QString words = wordsOf(answer.body);
        if (!errors.isEmpty())
            words = errors.first().toObject().value(QStringLiteral("type")).toString();
        return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Braze: %1").arg(words), -1};
    }
    return HttpProtocol::judge(operations, answer);
}

BrazeDestination::BrazeDestination(QString name, QUrl baseUrl, QByteArray apiKey, HttpSettings settings)
    : m_name(std::move(name)), m_base(std::move(baseUrl)), m_key(std::move(apiKey)), m_settings(settings)
{
}

Result<void> BrazeDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    const QString identifier = context.matchField.isEmpty() ? QStringLiteral("external_id") : context.matchField;
    if (identifier != QLatin1String("external_id") && identifier != QLatin1String("email"))
        return configError(QCoreApplication::translate("sluice::destination", "%1: Braze matches users on external_id or email, not %2").arg(owner, identifier));
    BrazeProtocol protocol(m_base, m_key, identifier);
    HttpDelivery delivery(owner, m_settings, protocol);
    return delivery.deliver(operations, context);
}

Result<void> BrazeDestination::check() const
{
    // Braze has no "who am I": an empty track request is refused for its
    // content (400) by a valid key, and for the key (401 / 403) otherwise.
    const HttpAnswer answer = httpRequestRetried(trackRequest(m_base, m_key, QJsonObject{}), m_settings);
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (answer.status == 0)
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot reach %2: %3").arg(owner, m_base.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath), answer.networkProblem),
                     Error::Kind::Unreachable};
    if (answer.status == 401)
        return Error{QCoreApplication::translate("sluice::destination", "%1: Braze refused the REST API key (HTTP 401): %2").arg(owner, wordsOf(answer.body)), Error::Kind::Refused};
    if (answer.status == 403)
        return Error{QCoreApplication::translate("sluice::destination", "%1: the REST API key lacks the users.track permission (HTTP 403): %2").arg(owner, wordsOf(answer.body)), Error::Kind::Refused};
    if (answer.status != 400 && (answer.status < 200 || answer.status >= 300))
        return Error{QCoreApplication::translate("sluice::destination", "%1: HTTP %2: %3").arg(owner).arg(answer.status).arg(wordsOf(answer.body)), Error::Kind::Unreachable};
    return {};
}

Result<QList<FieldInfo>> BrazeDestination::describe(const QString &) const
{
    // Braze has no schema API; its standard attributes are documented, and
    // any other name is a custom attribute.
    const QStringList genders{QStringLiteral("M"), QStringLiteral("F"), QStringLiteral("O"), QStringLiteral("N"), QStringLiteral("P"), QStringLiteral("U")};
    return QList<FieldInfo>{{QStringLiteral("external_id"), QStringLiteral("External ID"), QStringLiteral("string"), {}, true, false, {}},
                            {QStringLiteral("email"), QStringLiteral("Email"), QStringLiteral("string"), {}, true, false, QStringLiteral("email")},
                            {QStringLiteral("phone"), QStringLiteral("Phone"), QStringLiteral("string"), {}, false, false, {}},
                            {QStringLiteral("gender"), QStringLiteral("Gender"), QStringLiteral("enumeration"), genders, false, false, {}},
                            {QStringLiteral("first_name"), QStringLiteral("First name"), QStringLiteral("string"), {}, false, false, {}},
                            {QStringLiteral("last_name"), QStringLiteral("Last name"), QStringLiteral("string"), {}, false, false, {}},
                            {QStringLiteral("country"), QStringLiteral("Country"), QStringLiteral("string"), {}, false, false, {}}};
}

} // namespace sluice::destination
