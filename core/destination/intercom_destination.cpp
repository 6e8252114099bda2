#include "destination/intercom_destination.h"

#include "destination/saas_common.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sluice::destination {

namespace {

const QStringList &standardAttributes()
{
    static const QStringList names{QStringLiteral("email"),         QStringLiteral("phone"),       QStringLiteral("name"),
                                   QStringLiteral("external_id"),   QStringLiteral("role"),        QStringLiteral("avatar"),
                                   QStringLiteral("signed_up_at"),  QStringLiteral("last_seen_at"), QStringLiteral("owner_id"),
                                   QStringLiteral("unsubscribed_from_emails")};
    return names;
}

} // namespace

IntercomProtocol::IntercomProtocol(QUrl baseUrl, QByteArray token, QString version, QString matchField)
    : m_base(std::move(baseUrl)), m_token(std::move(token)), m_version(std::move(version)), m_match(std::move(matchField))
{
}

QString IntercomProtocol::wordsOf(const QByteArray &body)
{
    QStringList words;
    for (const QJsonValue &v : QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray())
        words.append(v.toObject().value(QStringLiteral("code")).toString() + QStringLiteral(": ") + v.toObject().value(QStringLiteral("message")).toString());
    return words.isEmpty() ? QString::fromUtf8(body.left(300)).simplified() : words.join(QStringLiteral("; "));
}

QList<QPair<QByteArray, QByteArray>> IntercomProtocol::headers() const
{
    return {qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Bearer " + m_token)),
            qMakePair(QByteArrayLiteral("Intercom-Version"), m_version.toUtf8())};
}

HttpRequest IntercomProtocol::encode(const QList<Operation> &operations, const BatchContext &) const
{
    // One contact a request: the kit's batch size for Intercom is 1.
    const Operation &op = operations.first();
    const QJsonObject fields = QJsonDocument::fromJson(op.fieldsJson).object();
    QJsonObject contact;
    QJsonObject custom;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        (standardAttributes().contains(it.key()) ? contact : custom).insert(it.key(), it.value());
    if (!custom.isEmpty())
        contact.insert(QStringLiteral("custom_attributes"), custom);
    const Existing existing = m_existing.value(op.key);
    if (!existing.id.isEmpty() && !existing.verified)
        return jsonRequest(m_base, "GET", QStringLiteral("/contacts/%1").arg(existing.id), headers());
    if (existing.id.isEmpty())
        contact.insert(QStringLiteral("role"), contact.value(QStringLiteral("role")).toString(QStringLiteral("user")));
    const QByteArray body = QJsonDocument(contact).toJson(QJsonDocument::Compact);
    if (!existing.id.isEmpty())
        return jsonRequest(m_base, "PUT", QStringLiteral("/contacts/%1").arg(existing.id), headers(), body);
    return jsonRequest(m_base, "POST", QStringLiteral("/contacts"), headers(), body);
}

// The contact a conflict named, read back: the same record is updated; a
// contact that only shares an identifier with it is not touched.
Verdict IntercomProtocol::judgeExisting(const Operation &operation, const HttpAnswer &answer) const
{
    Existing &existing = m_existing[operation.key];
    if (answer.status == 404) {
        m_existing.remove(operation.key); // merged or deleted meanwhile: create it again
        return {Verdict::Kind::Retry, {}, QCoreApplication::translate("sluice::destination", "the contact Intercom named is gone"), 0};
    }
    if (answer.status != 200)
        return {};
    const QJsonObject theirs = QJsonDocument::fromJson(answer.body).object();
    const QJsonObject ours = QJsonDocument::fromJson(operation.fieldsJson).object();
    const QString held = jsonText(theirs.value(m_match));
    const QString sent = jsonText(ours.value(m_match));
    const bool same = m_match == QLatin1String("email") ? held.compare(sent, Qt::CaseInsensitive) == 0 : held == sent;
    if (!held.isEmpty() && !same) {
        const QString id = existing.id;
        m_existing.remove(operation.key);
        return {Verdict::Kind::Settled,
                {{operation.key, false,
                  QCoreApplication::translate("sluice::destination", "identity conflict at Intercom: contact %1 already holds this record's details under %2 %3; updating it would merge two people")
                      .arg(id, m_match, held)}},
                {},
                -1};
    }
    existing.verified = true;
    return {Verdict::Kind::Retry, {}, QCoreApplication::translate("sluice::destination", "Intercom already has this contact (%1): updating it").arg(existing.id), 0};
}

Verdict IntercomProtocol::judge(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    const QString words = wordsOf(answer.body);
    const QString key = operations.first().key;
    if (m_existing.contains(key) && !m_existing.value(key).verified && answer.status != 401 && answer.status != 403 && answer.status != 429) {
        if (Verdict v = judgeExisting(operations.first(), answer); !v.problem.isEmpty() || !v.outcomes.isEmpty())
            return v;
    }
    if (answer.status == 409) {
        static const QRegularExpression id(QStringLiteral("id=([0-9a-zA-Z]+)"));
        const QRegularExpressionMatch m = id.match(words);
        if (m.hasMatch() && !m_existing.contains(key)) {
            m_existing.insert(key, {m.captured(1), false});
            return {Verdict::Kind::Retry, {}, QCoreApplication::translate("sluice::destination", "Intercom already has a contact with these details (%1): reading it").arg(m.captured(1)), 0};
        }
        return {Verdict::Kind::Settled, {{key, false, QCoreApplication::translate("sluice::destination", "Intercom: %1").arg(words)}}, {}, -1};
    }
    if (answer.status >= 200 && answer.status < 300) {
        m_existing.remove(key);
        return {Verdict::Kind::Settled, {{key, true, {}}}, {}, -1};
    }
    if (answer.status == 404 && m_existing.contains(key)) {
        m_existing.remove(key); // merged or deleted meanwhile: create it again
        return {Verdict::Kind::Retry, {}, QCoreApplication::translate("sluice::destination", "the contact Intercom named is gone: %1").arg(words), 0};
    }
    if (answer.status == 401 || answer.status == 403)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1, %2").arg(answer.status).arg(words), -1};
    if (answer.status == 429) {
        const qint64 reset = answer.header("x-ratelimit-reset").toLongLong();
        const qint64 wait = reset > 0 ? qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(QDateTime::fromSecsSinceEpoch(reset, Qt::UTC))) : -1;
        return {Verdict::Kind::Throttled, {}, QCoreApplication::translate("sluice::destination", "Intercom rate limit: %1").arg(words), wait};
    }
    if (answer.status == 400 || answer.status == 422)
        return {Verdict::Kind::Settled, {{key, false, QCoreApplication::translate("sluice::destination", "Intercom: %1").arg(words)}}, {}, -1};
    return HttpProtocol::judge(operations, answer);
}

IntercomDestination::IntercomDestination(QString name, QUrl baseUrl, QByteArray token, QString version, HttpSettings settings)
    : m_name(std::move(name)), m_base(std::move(baseUrl)), m_token(std::move(token)), m_version(std::move(version)), m_settings(settings)
{
    m_settings.batchSize = 1;
}

Result<void> IntercomDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (!context.matchField.isEmpty() && context.matchField != QLatin1String("external_id") && context.matchField != QLatin1String("email"))
        return configError(QCoreApplication::translate("sluice::destination", "%1: Intercom matches contacts on external_id or email, not %2").arg(owner, context.matchField));
    IntercomProtocol protocol(m_base, m_token, m_version, context.matchField.isEmpty() ? QStringLiteral("external_id") : context.matchField);
    HttpDelivery delivery(owner, m_settings, protocol);
    return delivery.deliver(operations, context);
}

Result<void> IntercomDestination::check() const
{
    const IntercomProtocol protocol(m_base, m_token, m_version);
    const HttpAnswer answer = httpRequestRetried(jsonRequest(m_base, "GET", QStringLiteral("/me"), protocol.headers()), m_settings);
    if (answer.status == 200)
        return {};
    return callRefusal(QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name), m_base, answer, QStringLiteral("Intercom"), QCoreApplication::translate("sluice::destination", "the access token"), QCoreApplication::translate("sluice::destination", "reading the workspace"),
                       IntercomProtocol::wordsOf(answer.body));
}

Result<QList<FieldInfo>> IntercomDestination::describe(const QString &) const
{
    const IntercomProtocol protocol(m_base, m_token, m_version);
    const HttpAnswer answer = httpRequestRetried(jsonRequest(m_base, "GET", QStringLiteral("/data_attributes"), protocol.headers(), {}, QStringLiteral("model=contact")),
                                                 m_settings);
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (answer.status != 200)
        return callRefusal(owner, m_base, answer, QStringLiteral("Intercom"), QCoreApplication::translate("sluice::destination", "the access token"), QCoreApplication::translate("sluice::destination", "reading the contact attributes"),
                           IntercomProtocol::wordsOf(answer.body));
    QList<FieldInfo> fields;
    for (const QJsonValue &v : QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("data")).toArray()) {
        const QJsonObject a = v.toObject();
        if (!a.value(QStringLiteral("api_writable")).toBool(true))
            continue;
        FieldInfo f;
        f.name = a.value(QStringLiteral("name")).toString();
        f.label = a.value(QStringLiteral("label")).toString(f.name);
        const QString type = a.value(QStringLiteral("data_type")).toString();
        f.type = (type == QLatin1String("integer") || type == QLatin1String("float")) ? QStringLiteral("number")
                 : type == QLatin1String("boolean")                                  ? QStringLiteral("boolean")
                 : type == QLatin1String("date")                                     ? QStringLiteral("timestamp")
                                                                                      : QStringLiteral("string");
        for (const QJsonValue &o : a.value(QStringLiteral("options")).toArray())
            f.options.append(o.isObject() ? o.toObject().value(QStringLiteral("value")).toString() : o.toString());
        f.unique = f.name == QLatin1String("external_id") || f.name == QLatin1String("email");
        if (f.name == QLatin1String("email"))
            f.format = QStringLiteral("email");
        fields.append(f);
    }
    return fields;
}

} // namespace sluice::destination
