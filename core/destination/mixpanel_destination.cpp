#include "destination/mixpanel_destination.h"

#include "destination/saas_common.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice::destination {

namespace {

const QString kDistinctId = QStringLiteral("$distinct_id");

HttpRequest engageRequest(const QUrl &base, const QJsonArray &updates)
{
    return jsonRequest(base, "POST", QStringLiteral("/engage"), {}, QJsonDocument(updates).toJson(QJsonDocument::Compact), QStringLiteral("verbose=1"));
}

bool aboutTheToken(const QString &words)
{
    return words.contains(QLatin1String("token"), Qt::CaseInsensitive);
}

} // namespace

MixpanelProtocol::MixpanelProtocol(QUrl baseUrl, QByteArray projectToken) : m_base(std::move(baseUrl)), m_token(std::move(projectToken))
{
}

QString MixpanelProtocol::wordsOf(const QByteArray &body)
{
    const QString error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString();
    return error.isEmpty() ? QString::fromUtf8(body.left(300)).simplified() : error;
}

HttpRequest MixpanelProtocol::encode(const QList<Operation> &operations, const BatchContext &) const
{
    QJsonArray updates;
    const QString token = QString::fromUtf8(m_token);
    for (const Operation &op : operations) {
        QJsonObject properties = QJsonDocument::fromJson(op.fieldsJson).object();
        const QJsonValue id = properties.take(kDistinctId);
        if (op.kind == OpKind::Delete) // the profile, by the $distinct_id it was delivered with
            updates.append(QJsonObject{{QStringLiteral("$token"), token}, {kDistinctId, jsonText(id)}, {QStringLiteral("$delete"), QString()},
                                       {QStringLiteral("$ignore_alias"), true}});
        else
            updates.append(QJsonObject{{QStringLiteral("$token"), token},
                                       {kDistinctId, jsonText(id)},
                                       {QStringLiteral("$set"), properties},
                                       {QStringLiteral("$ignore_time"), true}});
    }
    return engageRequest(m_base, updates);
}

Verdict MixpanelProtocol::judge(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    const QString words = wordsOf(answer.body);
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    if (answer.status == 401 || answer.status == 403 || (answer.status == 200 && body.value(QStringLiteral("status")).toInt(1) == 0 && aboutTheToken(words)))
        return {Verdict::Kind::RefusedCredentials, {},
                answer.status == 200 ? QCoreApplication::translate("sluice::destination", "Mixpanel answered status 0: %1").arg(words) : QCoreApplication::translate("sluice::destination", "HTTP %1, %2").arg(answer.status).arg(words), -1};
    if (answer.status == 429)
        return {Verdict::Kind::Throttled, {}, QCoreApplication::translate("sluice::destination", "Mixpanel rate limit: %1").arg(words), parseRetryAfter(answer.header("retry-after"))};
    if (answer.status == 200 && body.value(QStringLiteral("status")).toInt(1) == 0)
        return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Mixpanel: %1").arg(words), -1};
    if (answer.status == 200 && !body.contains(QStringLiteral("status")) && answer.body.trimmed() == "0")
        return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Mixpanel refused the update (answered 0)"), -1};
    if (answer.status == 400 || answer.status == 413)
        return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Mixpanel: %1").arg(words), -1};
    return HttpProtocol::judge(operations, answer);
}

MixpanelDestination::MixpanelDestination(QString name, QUrl baseUrl, QByteArray projectToken, HttpSettings settings)
    : m_name(std::move(name)), m_base(std::move(baseUrl)), m_token(std::move(projectToken)), m_settings(settings)
{
}

Result<void> MixpanelDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (!context.matchField.isEmpty() && context.matchField != kDistinctId)
        return configError(QCoreApplication::translate("sluice::destination", "%1: Mixpanel profiles are matched on $distinct_id, not %2").arg(owner, context.matchField));
    // A removal needs the $distinct_id the profile was delivered with.
    const QList<Operation> sendable = withoutUnremovable(operations, context, QCoreApplication::translate("sluice::destination", "its $distinct_id was not kept when it was delivered, so its profile cannot be removed"));
    MixpanelProtocol protocol(m_base, m_token);
    HttpDelivery delivery(owner, m_settings, protocol);
    return delivery.deliver(sendable, context);
}

Result<void> MixpanelDestination::check() const
{
    // Mixpanel has no read call for a project token. An update with an empty
    // $distinct_id is refused for its content by a valid token, for the
    // token otherwise, and changes no profile.
    const QJsonArray probe{QJsonObject{{QStringLiteral("$token"), QString::fromUtf8(m_token)}, {kDistinctId, QString()}, {QStringLiteral("$set"), QJsonObject{}}}};
    const HttpAnswer answer = httpRequestRetried(engageRequest(m_base, probe), m_settings);
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    const QString words = MixpanelProtocol::wordsOf(answer.body);
    if (answer.status == 200 && aboutTheToken(words) && QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("status")).toInt(1) == 0) {
        HttpAnswer refused = answer;
        refused.status = 401;
        return callRefusal(owner, m_base, refused, QStringLiteral("Mixpanel"), QCoreApplication::translate("sluice::destination", "the project token"), QCoreApplication::translate("sluice::destination", "updating profiles"), words);
    }
    if (answer.status == 200 || answer.status == 400)
        return {};
    return callRefusal(owner, m_base, answer, QStringLiteral("Mixpanel"), QCoreApplication::translate("sluice::destination", "the project token"), QCoreApplication::translate("sluice::destination", "updating profiles"), words);
}

} // namespace sluice::destination
