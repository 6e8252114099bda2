#include "destination/google_destination.h"

#include "destination/oauth_tokens.h"
#include "destination/saas_common.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QThread>

namespace sluice::destination {

namespace {

} // namespace

const QStringList &googleIdentifierKinds()
{
    static const QStringList kinds{QStringLiteral("EMAIL"), QStringLiteral("PHONE"), QStringLiteral("FIRST_NAME"), QStringLiteral("LAST_NAME"),
                                   QStringLiteral("COUNTRY"), QStringLiteral("POSTAL_CODE")};
    return kinds;
}

bool googleKindIsHashed(const QString &kind)
{
    return kind != QLatin1String("COUNTRY") && kind != QLatin1String("POSTAL_CODE");
}

GoogleProtocol::GoogleProtocol(QUrl baseUrl, std::shared_ptr<OAuthTokenProvider> oauth, Target target)
    : m_base(std::move(baseUrl)), m_oauth(std::move(oauth)), m_target(std::move(target))
{
}

QString GoogleProtocol::wordsOf(const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    if (error.isEmpty())
        return QString::fromUtf8(body.left(300)).simplified();
    return error.value(QStringLiteral("status")).toString() + QStringLiteral(": ") + error.value(QStringLiteral("message")).toString();
}

QJsonObject GoogleProtocol::destinationJson() const
{
    return {{QStringLiteral("operatingAccount"), QJsonObject{{QStringLiteral("accountType"), m_target.accountType}, {QStringLiteral("accountId"), m_target.accountId}}},
            {QStringLiteral("productDestinationId"), m_target.userList}};
}

QList<QPair<QByteArray, QByteArray>> GoogleProtocol::headers() const
{
    if (m_token.isEmpty()) {
        if (Result<QByteArray> t = m_oauth->accessToken())
            m_token = t.value();
    }
    return {qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Bearer " + m_token))};
}

HttpRequest GoogleProtocol::encode(const QList<Operation> &operations, const BatchContext &) const
{
    QJsonArray members;
    for (const Operation &op : operations) {
        const QJsonObject fields = QJsonDocument::fromJson(op.fieldsJson).object();
        QJsonArray identifiers;
        auto text = [&](const char *kind) { return jsonText(fields.value(QLatin1String(kind))); };
        if (!text("EMAIL").isEmpty())
            identifiers.append(QJsonObject{{QStringLiteral("emailAddress"), text("EMAIL")}});
        if (!text("PHONE").isEmpty())
            identifiers.append(QJsonObject{{QStringLiteral("phoneNumber"), text("PHONE")}});
        QJsonObject address;
        for (const auto &[kind, key] : {std::pair{"FIRST_NAME", "givenName"}, {"LAST_NAME", "familyName"}, {"COUNTRY", "regionCode"}, {"POSTAL_CODE", "postalCode"}})
            if (!text(kind).isEmpty())
                address.insert(QLatin1String(key), text(kind));
        if (!address.isEmpty())
            identifiers.append(QJsonObject{{QStringLiteral("address"), address}});
        QJsonObject member{{QStringLiteral("userData"), QJsonObject{{QStringLiteral("userIdentifiers"), identifiers}}}};
        members.append(member);
    }
    QJsonObject body{{QStringLiteral("destinations"), QJsonArray{destinationJson()}},
                     {QStringLiteral("audienceMembers"), members},
                     {QStringLiteral("encoding"), QStringLiteral("HEX")}};
    const bool removal = operations.first().kind == OpKind::Delete;
    if (!removal) {
        body.insert(QStringLiteral("termsOfService"), QJsonObject{{QStringLiteral("customerMatchTermsOfServiceStatus"), QStringLiteral("ACCEPTED")}});
        if (m_target.consentGranted)
            body.insert(QStringLiteral("consent"), QJsonObject{{QStringLiteral("adUserData"), QStringLiteral("CONSENT_GRANTED")},
                                                               {QStringLiteral("adPersonalization"), QStringLiteral("CONSENT_GRANTED")}});
    }
    return jsonRequest(m_base, "POST", removal ? QStringLiteral("/v1/audienceMembers:remove") : QStringLiteral("/v1/audienceMembers:ingest"), headers(),
                       QJsonDocument(body).toJson(QJsonDocument::Compact));
}

Verdict GoogleProtocol::judge(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    const QString words = wordsOf(answer.body);
    if (answer.status == 200) {
        const QString id = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("requestId")).toString();
        if (!id.isEmpty())
            m_requestIds.append(id);
        return HttpProtocol::judge(operations, answer);
    }
    if (answer.status == 401 && m_renewals < 3) {
        ++m_renewals; // an expired token: fetch a new one, send again
        m_oauth->invalidate();
        m_token.clear();
        return {Verdict::Kind::Retry, {}, QCoreApplication::translate("sluice::destination", "the access token expired: %1").arg(words), 0};
    }
    if (answer.status == 401 || answer.status == 403)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1, %2").arg(answer.status).arg(words), -1};
    if (answer.status == 404)
        return {Verdict::Kind::Fatal, {}, QCoreApplication::translate("sluice::destination", "user list %1 of %2 %3: %4").arg(m_target.userList, m_target.accountType, m_target.accountId, words), -1};
    if (answer.status == 400) {
        // fieldViolations name the members at fault: "audience_members[3].user_data..."
        static const QRegularExpression index(QStringLiteral("audience_?[mM]embers\\[(\\d+)\\]"));
        QHash<int, QString> refused;
        const QJsonArray details = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toArray();
        for (const QJsonValue &d : details)
            for (const QJsonValue &v : d.toObject().value(QStringLiteral("fieldViolations")).toArray()) {
                const QRegularExpressionMatch m = index.match(v.toObject().value(QStringLiteral("field")).toString());
                if (m.hasMatch())
                    refused.insert(m.captured(1).toInt(), v.toObject().value(QStringLiteral("description")).toString());
            }
        if (refused.isEmpty() || operations.size() == 1)
            return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Google: %1").arg(words), -1};
        // The request failed whole: the named members are rejected, the others go again.
        if (refused.size() < operations.size())
            return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Google: %1").arg(words), -1};
        Verdict v{Verdict::Kind::Settled, {}, {}, -1};
        for (qsizetype i = 0; i < operations.size(); ++i)
            v.outcomes.append({operations[i].key, false, QCoreApplication::translate("sluice::destination", "Google: %1").arg(refused.value(int(i)))});
        return v;
    }
    return HttpProtocol::judge(operations, answer);
}

GoogleDestination::GoogleDestination(QString name, QUrl baseUrl, std::shared_ptr<OAuthTokenProvider> oauth, QString accountType, QString accountId,
                                     HttpSettings settings)
    : m_name(std::move(name)), m_base(std::move(baseUrl)), m_oauth(std::move(oauth)), m_accountType(std::move(accountType)), m_accountId(std::move(accountId)),
      m_settings(settings)
{
}

Result<void> GoogleDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (context.object.isEmpty())
        return configError(QCoreApplication::translate("sluice::destination", "%1: a Google Customer Match sync needs \"object\": the user list's id").arg(owner));
    if (Result<QByteArray> token = m_oauth->accessToken(); !token)
        return Error{owner + QStringLiteral(": ") + token.error().message, token.error().kind};
    const QList<Operation> sendable = withoutUnremovable(operations, context, QCoreApplication::translate("sluice::destination", "its identifiers were not kept when it was added, so it cannot be removed from the user list"));
    GoogleProtocol protocol(m_base, m_oauth, {m_accountType, m_accountId, context.object, context.consentGranted});
    HttpDelivery delivery(owner, m_settings, protocol);
    Result<void> delivered = delivery.deliver(sendable, context);
    readStatus(protocol, context);
    return delivered;
}

// The Data Manager API's MatchRateRange ("MATCH_RATE_RANGE_51_TO_60") as
// percent bounds; none for UNKNOWN, NOT_ELIGIBLE (too few members) or absent.
std::optional<std::pair<int, int>> GoogleDestination::matchRateRange(const QString &range)
{
    if (range == QLatin1String("MATCH_RATE_RANGE_LESS_THAN_20"))
        return std::pair(0, 19);
    static const QRegularExpression bounded(QStringLiteral("^MATCH_RATE_RANGE_(\\d+)_TO_(\\d+)$"));
    const QRegularExpressionMatch m = bounded.match(range);
    if (!m.hasMatch())
        return std::nullopt;
    return std::pair(m.captured(1).toInt(), m.captured(2).toInt());
}

// What Google made of the accepted requests: read back once they are
// processed (a few seconds at most here), and recorded with the run.
void GoogleDestination::readStatus(const GoogleProtocol &protocol, const DeliveryContext &context) const
{
    if (!context.report)
        return;
    qint64 received = 0, invalid = 0;
    std::optional<std::pair<int, int>> matched; // the widest match-rate range of the run's uploads, in percent
    for (const QString &id : protocol.requestIds()) {
        for (int attempt = 0; attempt < 10; ++attempt) {
            const HttpAnswer answer = httpRequestRetried(
                jsonRequest(m_base, "POST", QStringLiteral("/v1/requestStatus:retrieve"), protocol.headers(),
                            QJsonDocument(QJsonObject{{QStringLiteral("requestId"), id}}).toJson(QJsonDocument::Compact)),
                m_settings);
            const QJsonArray statuses = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("requestStatusPerDestination")).toArray();
            if (answer.status != 200 || statuses.isEmpty())
                break;
            const QJsonObject s = statuses.first().toObject();
            if (s.value(QStringLiteral("requestStatus")).toString() == QLatin1String("PROCESSING")) {
                QThread::msleep(200);
                continue;
            }
            const QJsonObject ingestion = s.value(QStringLiteral("audienceMembersIngestionStatus")).toObject().value(QStringLiteral("userDataIngestionStatus")).toObject();
            const QJsonObject removal = s.value(QStringLiteral("audienceMembersRemovalStatus")).toObject().value(QStringLiteral("userDataRemovalStatus")).toObject();
            received += ingestion.value(QStringLiteral("recordCount")).toVariant().toLongLong() + removal.value(QStringLiteral("recordCount")).toVariant().toLongLong();
            if (const auto range = matchRateRange(ingestion.value(QStringLiteral("uploadMatchRateRange")).toString()))
                matched = matched ? std::pair(qMin(matched->first, range->first), qMax(matched->second, range->second)) : *range;
            for (const QJsonValue &e : s.value(QStringLiteral("errorInfo")).toObject().value(QStringLiteral("errorCounts")).toArray())
                invalid += e.toObject().value(QStringLiteral("recordCount")).toVariant().toLongLong();
            break;
        }
    }
    if (received > 0 || invalid > 0) {
        context.report(QStringLiteral("received"), received);
        context.report(QStringLiteral("invalid"), invalid);
    }
    if (matched) { // the run keeps the lowest low and the highest high of its deliveries
        context.report(QStringLiteral("match_rate_low_pct"), matched->first);
        context.report(QStringLiteral("match_rate_high_pct"), matched->second);
    }
}

Result<void> GoogleDestination::check() const
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    Result<QByteArray> token = m_oauth->accessToken();
    if (!token)
        return Error{owner + QStringLiteral(": ") + token.error().message, token.error().kind};
    // A request Google only validates, with no member: refused for its content
    // (400) by valid credentials on the account, for them (401 / 403) otherwise.
    const QJsonObject body{{QStringLiteral("destinations"),
                            QJsonArray{QJsonObject{{QStringLiteral("operatingAccount"),
                                                    QJsonObject{{QStringLiteral("accountType"), m_accountType}, {QStringLiteral("accountId"), m_accountId}}}}}},
                           {QStringLiteral("audienceMembers"), QJsonArray{}},
                           {QStringLiteral("validateOnly"), true}};
    const HttpAnswer answer = httpRequestRetried(jsonRequest(m_base, "POST", QStringLiteral("/v1/audienceMembers:ingest"),
                                                             {qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Bearer " + token.value()))},
                                                             QJsonDocument(body).toJson(QJsonDocument::Compact)),
                                                 m_settings);
    if (answer.status == 200 || answer.status == 400)
        return {};
    return callRefusal(owner, m_base, answer, QStringLiteral("Google"), QCoreApplication::translate("sluice::destination", "the OAuth credentials"), QCoreApplication::translate("sluice::destination", "writing to the operating account"),
                       GoogleProtocol::wordsOf(answer.body));
}

Result<QList<FieldInfo>> GoogleDestination::describe(const QString &) const
{
    return identifierFields(googleIdentifierKinds(), &googleKindIsHashed);
}

} // namespace sluice::destination
