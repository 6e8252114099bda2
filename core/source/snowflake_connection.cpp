#include "source/snowflake_connection.h"

#include "destination/http_delivery.h"
#include "destination/oauth_tokens.h"
#include "source/row_view.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QMutex>
#include <QThread>
#include <QUrlQuery>
#include <QUuid>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace sluice::source {

namespace {

// What a column of Snowflake's rowType is to Sluice.
Column columnOf(const QJsonObject &field)
{
    Column c;
    c.name = field.value(QStringLiteral("name")).toString();
    const QString type = field.value(QStringLiteral("type")).toString().toLower();
    c.nativeType = type;
    if (type == QLatin1String("fixed")) {
        const int scale = field.value(QStringLiteral("scale")).toInt();
        c.type = scale == 0 ? ColumnType::Integer : ColumnType::Decimal;
        c.nativeType = QStringLiteral("number(%1,%2)").arg(field.value(QStringLiteral("precision")).toInt()).arg(scale);
    } else if (type == QLatin1String("real")) {
        c.type = ColumnType::Float;
    } else if (type == QLatin1String("boolean")) {
        c.type = ColumnType::Boolean;
    } else if (type == QLatin1String("date")) {
        c.type = ColumnType::Date;
    } else if (type.startsWith(QLatin1String("timestamp"))) {
        c.type = ColumnType::Timestamp;
    } else if (type == QLatin1String("variant") || type == QLatin1String("object") || type == QLatin1String("array")) {
        c.type = ColumnType::Json;
    } else if (type == QLatin1String("binary")) {
        c.type = ColumnType::Bytes;
    } else {
        c.type = ColumnType::Text;
    }
    return c;
}

// Seconds since the epoch as Snowflake writes them ("1769857200.500000000",
// a TIMESTAMP_TZ with " 1440" after it): the instant in UTC.
QString isoFromEpoch(const QString &value)
{
    const QString seconds = value.section(QLatin1Char(' '), 0, 0);
    const qint64 whole = seconds.section(QLatin1Char('.'), 0, 0).toLongLong();
    const QString fraction = seconds.section(QLatin1Char('.'), 1, 1).leftJustified(3, QLatin1Char('0')).left(3);
    const qint64 ms = whole * 1000 + (seconds.startsWith(QLatin1Char('-')) ? -fraction.toLongLong() : fraction.toLongLong());
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QVariant valueOf(const QJsonValue &v, const Column &c)
{
    if (v.isNull() || v.isUndefined())
        return QVariant();
    const QString text = v.toString();
    switch (c.type) {
    case ColumnType::Integer: {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        return ok ? QVariant(n) : QVariant(text); // NUMBER(38,0) past 2^63: its digits
    }
    case ColumnType::Float: return QVariant(text.toDouble());
    case ColumnType::Boolean: return QVariant(text == QLatin1String("true") || text == QLatin1String("1"));
    case ColumnType::Date: return QVariant(QDate(1970, 1, 1).addDays(text.toLongLong()).toString(Qt::ISODate));
    case ColumnType::Timestamp: return QVariant(isoFromEpoch(text));
    case ColumnType::Bytes: return QVariant(QByteArray::fromHex(text.toLatin1()));
    default: return QVariant(text);
    }
}

std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY *)> readKey(const QByteArray &pem, bool isPrivate)
{
    std::unique_ptr<BIO, int (*)(BIO *)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())), BIO_free);
    EVP_PKEY *key = isPrivate ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr);
    return {key, EVP_PKEY_free};
}

} // namespace

struct SnowflakeConnection::Settings
{
    QUrl base;
    QString account, user, database, schema, warehouse, role;
    QByteArray privateKey;
    QString token;
    int timeoutSeconds = 60;
    QByteArray jwt;
    QDateTime jwtUntil;
};

// The running statement, for Cancel from another thread.
struct SnowflakeConnection::Shared
{
    QMutex mutex;
    QString handle;
    QUrl base;
    QList<QPair<QByteArray, QByteArray>> headers;
};

SnowflakeConnection::SnowflakeConnection(QString name)
    : SourceConnection(std::move(name)), m_settings(std::make_unique<Settings>()), m_shared(std::make_shared<Shared>())
{
}

SnowflakeConnection::~SnowflakeConnection() = default;

QString SnowflakeConnection::owner() const
{
    return QCoreApplication::translate("sluice::source", "source %1").arg(m_name);
}

Result<QString> SnowflakeConnection::publicKeyFingerprint(const QByteArray &keyPem)
{
    auto key = readKey(keyPem, keyPem.contains("PRIVATE KEY"));
    if (!key)
        return configError(QCoreApplication::translate("sluice::source", "the key is not a PEM RSA key"));
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(key.get(), &der);
    if (length <= 0)
        return configError(QCoreApplication::translate("sluice::source", "the key's public part cannot be read"));
    const QByteArray digest = QCryptographicHash::hash(QByteArrayView(der, length), QCryptographicHash::Sha256);
    OPENSSL_free(der);
    return QString::fromLatin1(digest.toBase64());
}

Result<QByteArray> SnowflakeConnection::keyPairJwt(const QString &account, const QString &user, const QByteArray &privateKeyPem)
{
    Result<QString> fingerprint = publicKeyFingerprint(privateKeyPem);
    if (!fingerprint)
        return fingerprint.error();
    // The account identifier without region or cloud, upper-cased, as Snowflake qualifies it.
    const QString qualified = account.section(QLatin1Char('.'), 0, 0).toUpper() + QLatin1Char('.') + user.toUpper();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{{QStringLiteral("iss"), QString(qualified + QStringLiteral(".SHA256:") + fingerprint.value())},
                             {QStringLiteral("sub"), qualified},
                             {QStringLiteral("iat"), double(now)},
                             {QStringLiteral("exp"), double(now + 3540)}};
    return destination::OAuthTokenProvider::signJwt(claims, privateKeyPem);
}

Result<std::unique_ptr<SourceConnection>> SnowflakeConnection::connect(const workspace::SourceConfig &config, const workspace::Workspace &workspace)
{
    std::unique_ptr<SnowflakeConnection> self(new SnowflakeConnection(config.name));
    Settings &s = *self->m_settings;
    const QJsonObject &raw = config.raw;
    const QString owner = self->owner();
    s.account = raw.value(QStringLiteral("account")).toString();
    s.user = config.user;
    s.database = config.database;
    s.schema = raw.value(QStringLiteral("schema")).toString();
    s.warehouse = raw.value(QStringLiteral("warehouse")).toString();
    s.role = raw.value(QStringLiteral("role")).toString();
    s.timeoutSeconds = qMax(1, config.connectTimeoutSeconds);
    const QString base = raw.value(QStringLiteral("base_url")).toString();
    s.base = QUrl(base.isEmpty() ? QStringLiteral("https://%1.snowflakecomputing.com").arg(s.account) : base);
    for (const char *key : {"private_key", "token"}) {
        const std::optional<workspace::SecretRef> ref = workspace::parseSecretRef(raw.value(QLatin1String(key)));
        if (!ref)
            continue;
        Result<QString> secret = workspace.resolveSecret(*ref, owner + QStringLiteral(": ") + QLatin1String(key));
        if (!secret)
            return secret.error();
        if (QLatin1String(key) == QLatin1String("private_key"))
            s.privateKey = secret.value().toUtf8();
        else
            s.token = secret.value();
    }
    if (s.privateKey.isEmpty() && s.token.isEmpty())
        return configError(QCoreApplication::translate("sluice::source", "%1: Snowflake needs \"private_key\" (key-pair authentication, with \"user\") or \"token\" (OAuth)").arg(owner));
    if (!s.privateKey.isEmpty() && (s.account.isEmpty() || s.user.isEmpty()))
        return configError(QCoreApplication::translate("sluice::source", "%1: key-pair authentication needs \"account\" and \"user\"").arg(owner));
    // The cheapest statement proves the account, the credentials and the warehouse.
    if (Result<QJsonObject> r = self->run(QStringLiteral("SELECT 1"), {}, nullptr); !r)
        return r.error();
    return std::unique_ptr<SourceConnection>(std::move(self));
}

// The headers of every request: the key pair's JWT (signed again before it expires) or the OAuth token.
Result<QList<QPair<QByteArray, QByteArray>>> SnowflakeConnection::requestHeaders()
{
    Settings &s = *m_settings;
    QByteArray authorization;
    QByteArray tokenType;
    if (!s.privateKey.isEmpty()) {
        if (s.jwt.isEmpty() || QDateTime::currentDateTimeUtc() > s.jwtUntil) {
            Result<QByteArray> jwt = keyPairJwt(s.account, s.user, s.privateKey);
            if (!jwt)
                return Error{owner() + QStringLiteral(": ") + jwt.error().message, Error::Kind::Config};
            s.jwt = jwt.value();
            s.jwtUntil = QDateTime::currentDateTimeUtc().addSecs(3000);
        }
        authorization = "Bearer " + s.jwt;
        tokenType = "KEYPAIR_JWT";
    } else {
        authorization = "Bearer " + s.token.toUtf8();
        tokenType = "OAUTH";
    }
    const QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", authorization},
                                                       {"X-Snowflake-Authorization-Token-Type", tokenType},
                                                       {"Content-Type", "application/json"},
                                                       {"Accept", "application/json"},
                                                       {"User-Agent", "Sluice/0.1"}};
    return headers;
}

Result<QJsonObject> SnowflakeConnection::run(const QString &sql, const QJsonObject &bindings, const std::atomic_bool *cancel)
{
    Settings &s = *m_settings;
    Result<QList<QPair<QByteArray, QByteArray>>> signedHeaders = requestHeaders();
    if (!signedHeaders)
        return signedHeaders.error();
    const QList<QPair<QByteArray, QByteArray>> headers = signedHeaders.value();
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->base = s.base;
        m_shared->headers = headers;
    }
    QJsonObject body{{QStringLiteral("statement"), sql},
                     {QStringLiteral("timeout"), 0},
                     {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("QUERY_TAG"), m_sync.isEmpty() ? QStringLiteral("sluice") : QStringLiteral("sluice:") + m_sync}}}};
    for (const auto &[key, value] : {std::pair{"database", s.database}, {"schema", s.schema}, {"warehouse", s.warehouse}, {"role", s.role}})
        if (!value.isEmpty())
            body.insert(QLatin1String(key), value);
    if (!bindings.isEmpty())
        body.insert(QStringLiteral("bindings"), bindings);
    QUrl url = s.base.resolved(QUrl(QStringLiteral("/api/v2/statements")));
    url.setQuery(QStringLiteral("requestId=%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces)));
    destination::HttpRequest request{url, "POST", headers, QJsonDocument(body).toJson(QJsonDocument::Compact)};
    int waitMs = 100, retries = 0;
    for (;;) {
        const destination::HttpAnswer answer = destination::httpRequest(request, s.timeoutSeconds + 60);
        const QJsonObject reply = QJsonDocument::fromJson(answer.body).object();
        const QString message = reply.value(QStringLiteral("message")).toString(QString::fromUtf8(answer.body.left(300)));
        if (answer.status == 200) {
            QMutexLocker lock(&m_shared->mutex);
            m_shared->handle.clear();
            return reply;
        }
        if (answer.status == 202) { // still running: ask again at the status URL
            const QString handle = reply.value(QStringLiteral("statementHandle")).toString();
            {
                QMutexLocker lock(&m_shared->mutex);
                m_shared->handle = handle;
            }
            if (cancel && cancel->load()) {
                interrupter()();
                return Error{QCoreApplication::translate("sluice::source", "%1: cancelled").arg(owner()), Error::Kind::Cancelled};
            }
            request = {s.base.resolved(QUrl(QStringLiteral("/api/v2/statements/") + handle)), "GET", headers, {}};
            QThread::msleep(waitMs);
            waitMs = qMin(waitMs * 2, 2000);
            continue;
        }
        if (answer.status == 0)
            return Error{QCoreApplication::translate("sluice::source", "%1: cannot reach Snowflake at %2: %3").arg(owner(), s.base.host(), answer.networkProblem), Error::Kind::Unreachable};
        if (answer.status == 401 && reply.value(QStringLiteral("code")).toString() == QLatin1String("390318"))
            return Error{QCoreApplication::translate("sluice::source", "%1: the OAuth token has expired; give the source a new token, or a key pair, "
                                                                       "which does not expire (Snowflake: %2)")
                             .arg(owner(), message),
                         Error::Kind::Refused};
        if (answer.status == 401 || answer.status == 403)
            return Error{QCoreApplication::translate("sluice::source", "%1: Snowflake refused the credentials (HTTP %2): %3").arg(owner()).arg(answer.status).arg(message), Error::Kind::Refused};
        if (answer.status == 422) {
            if (reply.value(QStringLiteral("code")).toString() == QLatin1String("000604"))
                return Error{QCoreApplication::translate("sluice::source", "%1: cancelled").arg(owner()), Error::Kind::Cancelled};
            return Error{QCoreApplication::translate("sluice::source", "%1: the warehouse refused the query: %2 (SQL state %3)").arg(owner(), message, reply.value(QStringLiteral("sqlState")).toString()),
                         Error::Kind::Query};
        }
        if ((answer.status == 429 || answer.status == 503 || answer.status == 504) && retries++ < 5) {
            QThread::msleep(500 * retries);
            continue;
        }
        return Error{QCoreApplication::translate("sluice::source", "%1: Snowflake answered HTTP %2: %3").arg(owner()).arg(answer.status).arg(message), Error::Kind::Unreachable};
    }
}

Result<QJsonArray> SnowflakeConnection::partition(const QString &handle, int index)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    {
        QMutexLocker lock(&m_shared->mutex);
        headers = m_shared->headers;
    }
    QUrl url = m_settings->base.resolved(QUrl(QStringLiteral("/api/v2/statements/") + handle));
    url.setQuery(QStringLiteral("partition=%1").arg(index));
    const destination::HttpAnswer answer = destination::httpRequest({url, "GET", headers, {}}, m_settings->timeoutSeconds + 60);
    if (answer.status != 200)
        return Error{QCoreApplication::translate("sluice::source", "%1: partition %2 of statement %3 could not be read (HTTP %4): %5")
                         .arg(owner()).arg(index).arg(handle).arg(answer.status).arg(answer.networkProblem.isEmpty() ? QString::fromUtf8(answer.body.left(300)) : answer.networkProblem),
                     Error::Kind::Unreachable};
    return QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("data")).toArray();
}

Result<void> SnowflakeConnection::stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel)
{
    return streamParams(sql, {}, sink, cancel);
}

Result<void> SnowflakeConnection::streamParams(const QString &sql, const QVariantList &params, const RowSink &sink, const std::atomic_bool *cancel)
{
    QJsonObject bindings;
    for (qsizetype i = 0; i < params.size(); ++i)
        bindings.insert(QString::number(i + 1), params[i].isNull() ? QJsonObject{{QStringLiteral("type"), QStringLiteral("TEXT")}, {QStringLiteral("value"), QJsonValue()}}
                                                                   : QJsonObject{{QStringLiteral("type"), QStringLiteral("TEXT")}, {QStringLiteral("value"), params[i].toString()}});
    Result<QJsonObject> first = run(sql, bindings, cancel);
    if (!first)
        return first.error();
    const QJsonObject meta = first->value(QStringLiteral("resultSetMetaData")).toObject();
    QList<Column> columns;
    for (const QJsonValue &f : meta.value(QStringLiteral("rowType")).toArray())
        columns.append(columnOf(f.toObject()));
    if (sink.columns)
        sink.columns(columns);
    const QString handle = first->value(QStringLiteral("statementHandle")).toString();
    const int partitions = qMax(1, int(meta.value(QStringLiteral("partitionInfo")).toArray().size()));
    Row row(columns.size());
    QJsonArray data = first->value(QStringLiteral("data")).toArray();
    for (int p = 0; p < partitions; ++p) {
        if (p > 0) { // partitions in order, one in memory at a time
            Result<QJsonArray> next = partition(handle, p);
            if (!next)
                return next.error();
            data = next.value();
        }
        for (const QJsonValue &r : std::as_const(data)) {
            const QJsonArray values = r.toArray();
            for (int i = 0; i < row.size(); ++i)
                row[i] = valueOf(values.at(i), columns[i]);
            if (sink.invalidText)
                *sink.invalidText += countInvalidText(RowView(row));
            if (!(sink.view ? sink.view(RowView(row)) : sink.row(row)))
                return {};
            if (cancel && cancel->load(std::memory_order_relaxed))
                return Error{QCoreApplication::translate("sluice::source", "%1: cancelled").arg(owner()), Error::Kind::Cancelled};
        }
    }
    return {};
}

std::function<void()> SnowflakeConnection::interrupter()
{
    std::shared_ptr<Shared> shared = m_shared;
    const int timeout = m_settings->timeoutSeconds;
    return [shared, timeout] {
        QString handle;
        QUrl base;
        QList<QPair<QByteArray, QByteArray>> headers;
        {
            QMutexLocker lock(&shared->mutex);
            handle = shared->handle;
            base = shared->base;
            headers = shared->headers;
        }
        if (!handle.isEmpty())
            destination::httpRequest({base.resolved(QUrl(QStringLiteral("/api/v2/statements/%1/cancel").arg(handle))), "POST", headers, "{}"}, timeout);
    };
}

Result<QList<TableInfo>> SnowflakeConnection::introspect()
{
    return tablesFrom(QStringLiteral(
        "SELECT c.table_schema, c.table_name, t.table_type, c.column_name, c.data_type "
        "FROM information_schema.columns c JOIN information_schema.tables t "
        "  ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
        "WHERE c.table_schema NOT IN ('INFORMATION_SCHEMA', 'information_schema', 'pg_catalog') "
        "ORDER BY c.table_schema, c.table_name, c.ordinal_position"));
}

Result<void> SnowflakeConnection::compile(const QString &sql)
{
    // EXPLAIN compiles the statement and plans it; nothing runs.
    if (Result<QJsonObject> r = run(QStringLiteral("EXPLAIN ") + stripTrailingSemicolons(sql), {}, nullptr); !r)
        return r.error();
    return {};
}

Result<void> SnowflakeConnection::execute(const QString &sql)
{
    if (Result<QJsonObject> r = run(sql, {}, nullptr); !r)
        return r.error();
    return {};
}

} // namespace sluice::source
