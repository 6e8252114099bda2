#pragma once

#include "common/result.h"
#include "destination/http_delivery.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMutex>
#include <QString>
#include <QUrl>

#include <memory>

namespace sluice::workspace {
class Workspace;
}

// Access tokens for APIs that take OAuth 2.0 (Salesforce, Google Ads): the
// refresh-token grant, client credentials, or a JWT bearer assertion signed
// with RS256. A token is fetched when first needed, reused until a minute
// before it expires, and fetched anew after a 401 (invalidate()). The
// client secret, refresh token and private key are secret references in
// sluice.json; none of them, nor a token, ever reaches a message.
namespace sluice::destination {

struct OAuthSettings
{
    enum class Grant { RefreshToken, ClientCredentials, JwtBearer };
    QUrl tokenUrl;
    QString clientId;
    QString clientSecret;
    QString refreshToken;
    QString username;      // JWT bearer: the subject
    QByteArray privateKey; // JWT bearer: a PEM private key
    QString audience;      // JWT bearer: defaults to the token URL's origin
    QString scope;

    // A refresh token makes it the refresh-token grant; a private key (and a
    // username) the JWT bearer grant; otherwise client credentials.
    Grant grant() const;
    // From a destination's "oauth" object, its secrets resolved; errors name `owner`.
    static Result<OAuthSettings> from(const QJsonObject &oauth, const workspace::Workspace &workspace, const QString &owner);
};

class OAuthTokenProvider final
{
public:
    OAuthTokenProvider(QString owner, OAuthSettings settings, HttpSettings http);
    // One provider per OAuth client and grant in the process, so that the
    // plan's describe, the delivery and every sync to one account share a token.
    static std::shared_ptr<OAuthTokenProvider> shared(const QString &owner, const OAuthSettings &settings, const HttpSettings &http);
    Result<QByteArray> accessToken();
    void invalidate();
    // The API host the token endpoint named for this token (Salesforce's
    // `instance_url`); empty when it named none.
    QString instanceUrl() const;

    // An RS256 JSON Web Token over `claims` (exposed for tests).
    static Result<QByteArray> signJwt(const QJsonObject &claims, const QByteArray &privateKeyPem);

private:
    Result<void> fetch();

    QString m_owner;
    OAuthSettings m_settings;
    HttpSettings m_http;
    QByteArray m_token;
    QDateTime m_expires;
    QString m_instanceUrl;
    mutable QMutex m_mutex;
};

} // namespace sluice::destination
