// OAuth 2.0 access tokens against a token endpoint that checks what RFC 6749
// and RFC 7523 say it receives: the refresh-token grant, client credentials,
// and a JWT bearer assertion whose RS256 signature it verifies with the
// public key; tokens reused until they expire, fetched anew after invalidate().
#include "destination/oauth_tokens.h"
#include "emulator_server.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace sluice;

namespace {

class TokenEndpoint final : public test::EmulatorServer
{
public:
    TokenEndpoint() { start(); }
    ~TokenEndpoint() override { stop(); }
    QByteArray publicKey;
    QByteArray acceptedSecret = "client-s3cret";
    QByteArray acceptedRefresh = "refresh-s3cret";
    int issued = 0;

protected:
    Response handle(const Request &request) override
    {
        QMutexLocker lock(&m_mutex);
        if (request.method != "POST" || request.path != QLatin1String("/oauth/token")
            || !request.header("content-type").startsWith("application/x-www-form-urlencoded"))
            return Response::json(400, R"({"error":"invalid_request","error_description":"POST a form to /oauth/token"})");
        const QUrlQuery form(QString::fromUtf8(request.body));
        const QString grant = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
        bool ok = form.queryItemValue(QStringLiteral("client_id")) == QLatin1String("sluice-app");
        if (grant == QLatin1String("refresh_token"))
            ok = ok && form.queryItemValue(QStringLiteral("refresh_token")).toUtf8() == acceptedRefresh
                 && form.queryItemValue(QStringLiteral("client_secret")).toUtf8() == acceptedSecret;
        else if (grant == QLatin1String("client_credentials"))
            ok = ok && form.queryItemValue(QStringLiteral("client_secret")).toUtf8() == acceptedSecret;
        else if (grant == QLatin1String("urn:ietf:params:oauth:grant-type:jwt-bearer"))
            ok = ok && verify(form.queryItemValue(QStringLiteral("assertion")).toLatin1());
        else
            return Response::json(400, R"({"error":"unsupported_grant_type","error_description":"grant type not supported"})");
        if (!ok)
            return Response::json(400, R"({"error":"invalid_grant","error_description":"authentication failure"})");
        ++issued;
        return Response::json(200, QByteArray(R"({"access_token":"tok-)") + QByteArray::number(issued) + R"(","token_type":"Bearer","expires_in":3600})");
    }

private:
    bool verify(const QByteArray &jwt)
    {
        const QList<QByteArray> parts = jwt.split('.');
        if (parts.size() != 3)
            return false;
        const auto decode = [](const QByteArray &b) { return QByteArray::fromBase64(b, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals); };
        const QJsonObject header = QJsonDocument::fromJson(decode(parts[0])).object();
        const QJsonObject claims = QJsonDocument::fromJson(decode(parts[1])).object();
        if (header.value(QStringLiteral("alg")).toString() != QLatin1String("RS256") || claims.value(QStringLiteral("iss")).toString() != QLatin1String("sluice-app")
            || claims.value(QStringLiteral("sub")).toString() != QLatin1String("ops@example.com") || claims.value(QStringLiteral("aud")).toString() != baseUrl()
            || claims.value(QStringLiteral("exp")).toDouble() < QDateTime::currentSecsSinceEpoch())
            return false;
        BIO *bio = BIO_new_mem_buf(publicKey.constData(), int(publicKey.size()));
        EVP_PKEY *key = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        const QByteArray input = parts[0] + '.' + parts[1];
        const QByteArray signature = decode(parts[2]);
        const bool good = key && EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1
                          && EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char *>(signature.constData()), size_t(signature.size()),
                                              reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) == 1;
        EVP_MD_CTX_free(ctx);
        EVP_PKEY_free(key);
        BIO_free(bio);
        return good;
    }
};

// A fresh RSA key pair as PEM: private, public.
std::pair<QByteArray, QByteArray> keyPair()
{
    EVP_PKEY *key = EVP_RSA_gen(2048);
    auto pem = [&](bool priv) {
        BIO *bio = BIO_new(BIO_s_mem());
        priv ? PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) : PEM_write_bio_PUBKEY(bio, key);
        char *data = nullptr;
        const long n = BIO_get_mem_data(bio, &data);
        QByteArray out(data, n);
        BIO_free(bio);
        return out;
    };
    const auto pair = std::make_pair(pem(true), pem(false));
    EVP_PKEY_free(key);
    return pair;
}

destination::OAuthSettings settings(const TokenEndpoint &endpoint)
{
    destination::OAuthSettings s;
    s.tokenUrl = QUrl(endpoint.baseUrl() + QStringLiteral("/oauth/token"));
    s.clientId = QStringLiteral("sluice-app");
    return s;
}

} // namespace

class TestOAuth final : public QObject
{
    Q_OBJECT

private slots:
    void refreshTokenGrantIsCachedUntilInvalidated();
    void clientCredentials();
    void jwtBearerAssertionIsSignedAndVerified();
    void refusedCredentialsSayWhyAndNeverTheSecret();
};

void TestOAuth::refreshTokenGrantIsCachedUntilInvalidated()
{
    TokenEndpoint endpoint;
    destination::OAuthSettings s = settings(endpoint);
    s.clientSecret = QStringLiteral("client-s3cret");
    s.refreshToken = QStringLiteral("refresh-s3cret");
    QCOMPARE(int(s.grant()), int(destination::OAuthSettings::Grant::RefreshToken));
    destination::OAuthTokenProvider provider(QStringLiteral("destination sf"), s, {});
    const auto first = provider.accessToken();
    QVERIFY2(first.ok(), qPrintable(first.error().message));
    QCOMPARE(first.value(), QByteArray("tok-1"));
    QCOMPARE(provider.accessToken().value(), QByteArray("tok-1")); // reused, not fetched again
    QCOMPARE(endpoint.requestCount(), 1);
    provider.invalidate(); // a 401 from the API
    QCOMPARE(provider.accessToken().value(), QByteArray("tok-2"));
    QCOMPARE(endpoint.requestCount(), 2);
}

void TestOAuth::clientCredentials()
{
    TokenEndpoint endpoint;
    destination::OAuthSettings s = settings(endpoint);
    s.clientSecret = QStringLiteral("client-s3cret");
    destination::OAuthTokenProvider provider(QStringLiteral("destination ads"), s, {});
    const auto token = provider.accessToken();
    QVERIFY2(token.ok(), qPrintable(token.error().message));
    QCOMPARE(token.value(), QByteArray("tok-1"));
}

void TestOAuth::jwtBearerAssertionIsSignedAndVerified()
{
    TokenEndpoint endpoint;
    const auto [privateKey, publicKey] = keyPair();
    endpoint.publicKey = publicKey;
    destination::OAuthSettings s = settings(endpoint);
    s.privateKey = privateKey;
    s.username = QStringLiteral("ops@example.com");
    QCOMPARE(int(s.grant()), int(destination::OAuthSettings::Grant::JwtBearer));
    destination::OAuthTokenProvider provider(QStringLiteral("destination sf"), s, {});
    const auto token = provider.accessToken();
    QVERIFY2(token.ok(), qPrintable(token.error().message));
    // Signed with another key, the endpoint refuses it.
    const auto [otherKey, otherPublic] = keyPair();
    Q_UNUSED(otherPublic);
    s.privateKey = otherKey;
    destination::OAuthTokenProvider forged(QStringLiteral("destination sf"), s, {});
    QVERIFY(!forged.accessToken().ok());
    s.privateKey = "not a key";
    destination::OAuthTokenProvider broken(QStringLiteral("destination sf"), s, {});
    const auto bad = broken.accessToken();
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.contains(QStringLiteral("not a PEM private key")), qPrintable(bad.error().message));
}

void TestOAuth::refusedCredentialsSayWhyAndNeverTheSecret()
{
    TokenEndpoint endpoint;
    destination::OAuthSettings s = settings(endpoint);
    s.clientSecret = QStringLiteral("wrong-s3cret-value");
    s.refreshToken = QStringLiteral("refresh-s3cret");
    destination::OAuthTokenProvider provider(QStringLiteral("destination sf"), s, {});
    const auto token = provider.accessToken();
    QVERIFY(!token.ok());
    QCOMPARE(token.error().kind, Error::Kind::Refused);
    QVERIFY2(token.error().message.contains(QStringLiteral("destination sf: the token endpoint refused the OAuth credentials (HTTP 400, invalid_grant")),
             qPrintable(token.error().message));
    QVERIFY(!token.error().message.contains(QStringLiteral("wrong-s3cret-value")));
    QVERIFY(!token.error().message.contains(QStringLiteral("refresh-s3cret")));
}

QTEST_GUILESS_MAIN(TestOAuth)
#include "tst_oauth.moc"
