#include "destination/oauth_tokens.h"

#include <QCryptographicHash>
#include <QHash>
#include <QThread>

#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace sluice::destination {

namespace {

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

OAuthSettings::Grant OAuthSettings::grant() const
{
    if (!refreshToken.isEmpty())
        return Grant::RefreshToken;
    if (!privateKey.isEmpty())
        return Grant::JwtBearer;
    return Grant::ClientCredentials;
}

Result<OAuthSettings> OAuthSettings::from(const QJsonObject &oauth, const workspace::Workspace &workspace, const QString &owner)
{
    OAuthSettings s;
    s.tokenUrl = QUrl(oauth.value(QStringLiteral("token_url")).toString());
    if (!s.tokenUrl.isValid() || (s.tokenUrl.scheme() != QLatin1String("https") && s.tokenUrl.scheme() != QLatin1String("http")))
        return configError(QCoreApplication::translate("sluice::destination", "%1: oauth: \"token_url\" must be an http(s) URL").arg(owner));
    s.clientId = oauth.value(QStringLiteral("client_id")).toString();
    if (s.clientId.isEmpty())
        return configError(QCoreApplication::translate("sluice::destination", "%1: oauth: \"client_id\" is required").arg(owner));
    s.username = oauth.value(QStringLiteral("username")).toString();
    s.audience = oauth.value(QStringLiteral("audience")).toString();
    s.scope = oauth.value(QStringLiteral("scope")).toString();
    auto secret = [&](const char *key, QString &out) -> std::optional<Error> {
        const auto ref = workspace::parseSecretRef(oauth.value(QLatin1String(key)));
        if (!ref)
            return std::nullopt;
        Result<QString> value = workspace.resolveSecret(*ref, owner + QStringLiteral(": oauth ") + QLatin1String(key));
        if (!value)
            return value.error();
        out = value.value();
        return std::nullopt;
    };
    QString key;
    for (const auto &[name, target] : {std::pair<const char *, QString *>{"client_secret", &s.clientSecret}, {"refresh_token", &s.refreshToken}, {"private_key", &key}})
        if (std::optional<Error> e = secret(name, *target))
            return *e;
    s.privateKey = key.toUtf8();
    if (s.grant() == Grant::JwtBearer && s.username.isEmpty())
        return configError(QCoreApplication::translate("sluice::destination", "%1: oauth: a JWT bearer grant (private_key) needs \"username\"").arg(owner));
    return s;
}

OAuthTokenProvider::OAuthTokenProvider(QString owner, OAuthSettings settings, HttpSettings http)
    : m_owner(std::move(owner)), m_settings(std::move(settings)), m_http(http)
{
}

Result<QByteArray> OAuthTokenProvider::signJwt(const QJsonObject &claims, const QByteArray &privateKeyPem)
{
    const QByteArray header = base64Url(R"({"alg":"RS256","typ":"JWT"})");
    const QByteArray payload = base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signingInput = header + '.' + payload;
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(privateKeyPem.constData(), int(privateKeyPem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr, EVP_PKEY_free);
    if (!key)
        return configError(QCoreApplication::translate("sluice::destination", "the oauth private_key is not a PEM private key"));
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    size_t length = 0;
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1
        || EVP_DigestSign(ctx.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(signingInput.constData()), size_t(signingInput.size())) != 1)
        return Error{QCoreApplication::translate("sluice::destination", "the oauth private_key cannot sign (RS256)"), Error::Kind::Config};
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(signingInput.constData()), size_t(signingInput.size())) != 1)
        return Error{QCoreApplication::translate("sluice::destination", "the oauth private_key cannot sign (RS256)"), Error::Kind::Config};
    signature.resize(qsizetype(length));
    return QByteArray(signingInput + '.' + base64Url(signature));
}

std::shared_ptr<OAuthTokenProvider> OAuthTokenProvider::shared(const QString &owner, const OAuthSettings &settings, const HttpSettings &http)
{
    static QMutex mutex;
    static QHash<QByteArray, std::shared_ptr<OAuthTokenProvider>> providers; // for the process: a CLI run is short, an agent has few accounts
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &part : {settings.tokenUrl.toString(), settings.clientId, settings.clientSecret, settings.refreshToken, settings.username,
                                QString::fromUtf8(settings.privateKey), settings.audience, settings.scope})
        hash.addData((part + QChar(0)).toUtf8());
    const QByteArray key = hash.result();
    QMutexLocker lock(&mutex);
    std::shared_ptr<OAuthTokenProvider> provider = providers.value(key);
    if (!provider) {
        provider = std::make_shared<OAuthTokenProvider>(owner, settings, http);
        providers.insert(key, provider);
    }
    return provider;
}

void OAuthTokenProvider::invalidate()
{
    QMutexLocker lock(&m_mutex);
    m_token.clear();
}

QString OAuthTokenProvider::instanceUrl() const
{
    QMutexLocker lock(&m_mutex);
    return m_instanceUrl;
}

Result<QByteArray> OAuthTokenProvider::accessToken()
{
    QMutexLocker lock(&m_mutex);
    if (m_token.isEmpty() || QDateTime::currentDateTimeUtc() >= m_expires) {
        if (Result<void> r = fetch(); !r)
            return r.error();
    }
    return m_token;
}

Result<void> OAuthTokenProvider::fetch()
{
    QUrlQuery form;
    switch (m_settings.grant()) {
    case OAuthSettings::Grant::RefreshToken:
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("refresh_token"), m_settings.refreshToken);
        break;
    case OAuthSettings::Grant::ClientCredentials:
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        break;
    case OAuthSettings::Grant::JwtBearer: {
        const QString audience = m_settings.audience.isEmpty() ? m_settings.tokenUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toString()
                                                               : m_settings.audience;
        const QJsonObject claims{{QStringLiteral("iss"), m_settings.clientId},
                                 {QStringLiteral("sub"), m_settings.username},
                                 {QStringLiteral("aud"), audience},
                                 {QStringLiteral("exp"), double(QDateTime::currentSecsSinceEpoch() + 180)}};
        Result<QByteArray> jwt = signJwt(claims, m_settings.privateKey);
        if (!jwt)
            return Error{m_owner + QStringLiteral(": ") + jwt.error().message, jwt.error().kind};
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
        form.addQueryItem(QStringLiteral("assertion"), QString::fromLatin1(jwt.value()));
        break;
    }
    }
    form.addQueryItem(QStringLiteral("client_id"), m_settings.clientId);
    if (!m_settings.clientSecret.isEmpty())
        form.addQueryItem(QStringLiteral("client_secret"), m_settings.clientSecret);
    if (!m_settings.scope.isEmpty())
        form.addQueryItem(QStringLiteral("scope"), m_settings.scope);
    HttpRequest request;
    request.url = m_settings.tokenUrl;
    request.body = form.toString(QUrl::FullyEncoded).toUtf8().replace("+", "%2B");
    request.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")));
    request.headers.append(qMakePair(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")));
    // On a thread of its own: waiting here must not run the caller's event
    // loop, where a delivery's other answers would re-enter mid-fetch.
    HttpAnswer answer;
    std::unique_ptr<QThread> worker(QThread::create([&] { answer = httpRequestRetried(request, m_http); }));
    worker->start();
    worker->wait();
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    if (answer.status == 0)
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot reach the token endpoint %2: %3")
                         .arg(m_owner, m_settings.tokenUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), answer.networkProblem),
                     Error::Kind::Unreachable};
    if (answer.status != 200 || body.value(QStringLiteral("access_token")).toString().isEmpty()) {
        const QString words = body.value(QStringLiteral("error")).toString() + QStringLiteral(": ") + body.value(QStringLiteral("error_description")).toString();
        return Error{QCoreApplication::translate("sluice::destination", "%1: the token endpoint refused the OAuth credentials (HTTP %2, %3)").arg(m_owner).arg(answer.status).arg(words),
                     Error::Kind::Refused};
    }
    m_token = body.value(QStringLiteral("access_token")).toString().toUtf8();
    m_instanceUrl = body.value(QStringLiteral("instance_url")).toString();
    // Salesforce says nothing of expiry: a session lasts at least 15 minutes.
    const qint64 lifetime = body.value(QStringLiteral("expires_in")).toVariant().toLongLong();
    m_expires = QDateTime::currentDateTimeUtc().addSecs(qMax<qint64>(60, (lifetime > 0 ? lifetime : 900) - 60));
    return {};
}

} // namespace sluice::destination
