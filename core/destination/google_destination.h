#pragma once

#include <optional>
#include <utility>

#include "destination/http_delivery.h"

#include <QUrl>

#include <memory>

namespace sluice::destination {

class OAuthTokenProvider;

// Identifier kinds of a Customer Match member as Sluice names them, and those
// Google takes only as SHA-256 hashes (hash:google).
const QStringList &googleIdentifierKinds();
bool googleKindIsHashed(const QString &kind);

// Google Customer Match through the Data Manager API:
// POST /v1/audienceMembers:ingest and :remove with the user list as the
// destination's productDestinationId under the operating account, up to
// 10,000 members a request, identifiers hex-encoded SHA-256 (EMAIL, PHONE,
// FIRST_NAME, LAST_NAME) or plain (COUNTRY, POSTAL_CODE) in each member's
// userData, and consent granted for members the sync's consent policy let
// through. An accepted request answers a requestId; its status is read back
// (requestStatus:retrieve) after delivery, and what Google counted is
// recorded with the run. A 400 names refused members by their index in
// fieldViolations, and those members are rejected with Google's words.
class GoogleProtocol final : public HttpProtocol
{
public:
    struct Target
    {
        QString accountType;
        QString accountId;
        QString userList;
        bool consentGranted = false;
    };
    GoogleProtocol(QUrl baseUrl, std::shared_ptr<OAuthTokenProvider> oauth, Target target);
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;
    Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const override;
    bool oneKindPerBatch() const override { return true; }

    static QString wordsOf(const QByteArray &body);
    QStringList requestIds() const { return m_requestIds; }
    QJsonObject destinationJson() const;
    QList<QPair<QByteArray, QByteArray>> headers() const;

private:
    QUrl m_base;
    std::shared_ptr<OAuthTokenProvider> m_oauth;
    Target m_target;
    mutable QByteArray m_token;
    mutable QStringList m_requestIds;
    mutable int m_renewals = 0;
};

class GoogleDestination final : public Destination
{
public:
    GoogleDestination(QString name, QUrl baseUrl, std::shared_ptr<OAuthTokenProvider> oauth, QString accountType, QString accountId,
                      HttpSettings settings);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;
    Result<QList<FieldInfo>> describe(const QString &object) const override;

private:
    void readStatus(const GoogleProtocol &protocol, const DeliveryContext &context) const;
    static std::optional<std::pair<int, int>> matchRateRange(const QString &range);

    QString m_name;
    QUrl m_base;
    std::shared_ptr<OAuthTokenProvider> m_oauth;
    QString m_accountType;
    QString m_accountId;
    HttpSettings m_settings;
};

} // namespace sluice::destination
