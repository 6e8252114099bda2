#include "source/bigquery_connection.h"

#include "destination/http_delivery.h"
#include "destination/oauth_tokens.h"
#include "source/row_view.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QThread>
#include <QUrlQuery>

namespace sluice::source {

namespace {

Column columnOf(const QJsonObject &field)
{
    Column c;
    c.name = field.value(QStringLiteral("name")).toString();
    const QString type = field.value(QStringLiteral("type")).toString().toUpper();
    c.nativeType = type;
    if (field.value(QStringLiteral("mode")).toString() == QLatin1String("REPEATED") || type == QLatin1String("RECORD") || type == QLatin1String("STRUCT"))
        c.type = ColumnType::Json;
    else if (type == QLatin1String("INTEGER") || type == QLatin1String("INT64"))
        c.type = ColumnType::Integer;
    else if (type == QLatin1String("NUMERIC") || type == QLatin1String("BIGNUMERIC"))
        c.type = ColumnType::Decimal;
    else if (type == QLatin1String("FLOAT") || type == QLatin1String("FLOAT64"))
        c.type = ColumnType::Float;
    else if (type == QLatin1String("BOOLEAN") || type == QLatin1String("BOOL"))
        c.type = ColumnType::Boolean;
    else if (type == QLatin1String("TIMESTAMP") || type == QLatin1String("DATETIME"))
        c.type = ColumnType::Timestamp;
    else if (type == QLatin1String("DATE"))
        c.type = ColumnType::Date;
    else if (type == QLatin1String("JSON"))
        c.type = ColumnType::Json;
    else if (type == QLatin1String("BYTES"))
        c.type = ColumnType::Bytes;
    else
        c.type = ColumnType::Text;
    return c;
}

QVariant valueOf(const QJsonValue &cell, const Column &c)
{
    const QJsonValue v = cell.toObject().value(QStringLiteral("v"));
    if (v.isNull() || v.isUndefined())
        return QVariant();
    if (!v.isString()) // a repeated field or a record: its JSON
        return QVariant(QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject())).toJson(QJsonDocument::Compact)));
    const QString text = v.toString();
    switch (c.type) {
    case ColumnType::Integer: {
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        return ok ? QVariant(n) : QVariant(text);
    }
    case ColumnType::Float: return QVariant(text.toDouble());
    case ColumnType::Boolean: return QVariant(text == QLatin1String("true"));
    case ColumnType::Timestamp:
        if (c.nativeType == QLatin1String("DATETIME")) // a civil time with no zone: read as UTC, as other warehouses' are
            return QVariant(QDateTime::fromString(text, Qt::ISODateWithMs).toString(Qt::ISODateWithMs) + QLatin1Char('Z'));
        // microseconds since the epoch (formatOptions.useInt64Timestamp)
        return QVariant(QDateTime::fromMSecsSinceEpoch(text.toLongLong() / 1000, Qt::UTC).toString(Qt::ISODateWithMs));
    case ColumnType::Bytes: return QVariant(QByteArray::fromBase64(text.toLatin1()));
    default: return QVariant(text);
    }
}

} // namespace

struct BigQueryConnection::Settings
{
    QUrl base;
    QString project, dataset, location;
    QByteArray privateKey; // the service account's, from its JSON key
    QString clientEmail;
    QUrl tokenUrl;
    QString token; // an OAuth access token given instead
    QByteArray accessToken;
    QDateTime accessUntil;
    int timeoutSeconds = 60;
};

struct BigQueryConnection::Shared
{
    QMutex mutex;
    QString jobId;
    QUrl cancelUrl;
    QList<QPair<QByteArray, QByteArray>> headers;
};

BigQueryConnection::BigQueryConnection(QString name)
    : SourceConnection(std::move(name)), m_settings(std::make_unique<Settings>()), m_shared(std::make_shared<Shared>())
{
}

BigQueryConnection::~BigQueryConnection() = default;

QString BigQueryConnection::owner() const
{
    return QCoreApplication::translate("sluice::source", "source %1").arg(m_name);
}

QString BigQueryConnection::quoteIdentifier(const QString &identifier) const
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('`'), QStringLiteral("\\`"));
    return QLatin1Char('`') + escaped + QLatin1Char('`');
}

Result<std::unique_ptr<SourceConnection>> BigQueryConnection::connect(const workspace::SourceConfig &config, const workspace::Workspace &workspace)
{
    std::unique_ptr<BigQueryConnection> self(new BigQueryConnection(config.name));
    Settings &s = *self->m_settings;
    const QJsonObject &raw = config.raw;
    const QString owner = self->owner();
    s.project = raw.value(QStringLiteral("project")).toString();
    s.dataset = raw.value(QStringLiteral("dataset")).toString();
    s.location = raw.value(QStringLiteral("location")).toString();
    s.timeoutSeconds = qMax(1, config.connectTimeoutSeconds);
    const QString base = raw.value(QStringLiteral("base_url")).toString();
    s.base = QUrl(base.isEmpty() ? QStringLiteral("https://bigquery.googleapis.com") : base);
    for (const char *key : {"service_account_key", "token"}) {
        const std::optional<workspace::SecretRef> ref = workspace::parseSecretRef(raw.value(QLatin1String(key)));
        if (!ref)
            continue;
        Result<QString> secret = workspace.resolveSecret(*ref, owner + QStringLiteral(": ") + QLatin1String(key));
        if (!secret)
            return secret.error();
        if (QLatin1String(key) == QLatin1String("token")) {
            s.token = secret.value();
            continue;
        }
        const QJsonObject keyFile = QJsonDocument::fromJson(secret.value().toUtf8()).object();
        s.privateKey = keyFile.value(QStringLiteral("private_key")).toString().toUtf8();
        s.clientEmail = keyFile.value(QStringLiteral("client_email")).toString();
        s.tokenUrl = QUrl(raw.value(QStringLiteral("token_url")).toString(keyFile.value(QStringLiteral("token_uri")).toString(QStringLiteral("https://oauth2.googleapis.com/token"))));
        if (s.privateKey.isEmpty() || s.clientEmail.isEmpty())
            return configError(QCoreApplication::translate("sluice::source", "%1: service_account_key is not a service account's JSON key (it needs client_email and private_key)").arg(owner));
    }
    if (s.project.isEmpty())
        return configError(QCoreApplication::translate("sluice::source", "%1: BigQuery needs \"project\"").arg(owner));
    if (s.privateKey.isEmpty() && s.token.isEmpty())
        return configError(QCoreApplication::translate("sluice::source", "%1: BigQuery needs \"service_account_key\" or \"token\"").arg(owner));
    if (Result<QJsonObject> r = self->query(QStringLiteral("SELECT 1"), {}, false, nullptr); !r)
        return r.error();
    return std::unique_ptr<SourceConnection>(std::move(self));
}

// The service account's JWT exchanged at the token endpoint; kept until shortly before it expires.
Result<QByteArray> BigQueryConnection::accessToken()
{
    Settings &s = *m_settings;
    if (!s.token.isEmpty())
        return s.token.toUtf8();
    if (!s.accessToken.isEmpty() && QDateTime::currentDateTimeUtc() < s.accessUntil)
        return s.accessToken;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{{QStringLiteral("iss"), s.clientEmail},
                             {QStringLiteral("scope"), QStringLiteral("https://www.googleapis.com/auth/bigquery.readonly https://www.googleapis.com/auth/bigquery")},
                             {QStringLiteral("aud"), s.tokenUrl.toString()},
                             {QStringLiteral("iat"), double(now)},
                             {QStringLiteral("exp"), double(now + 3600)}};
    Result<QByteArray> jwt = destination::OAuthTokenProvider::signJwt(claims, s.privateKey);
    if (!jwt)
        return Error{owner() + QStringLiteral(": ") + jwt.error().message, Error::Kind::Config};
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:jwt-bearer"));
    form.addQueryItem(QStringLiteral("assertion"), QString::fromLatin1(jwt.value()));
    const destination::HttpAnswer answer = destination::httpRequest(
        {s.tokenUrl, "POST", {{"Content-Type", "application/x-www-form-urlencoded"}}, form.toString(QUrl::FullyEncoded).toLatin1()}, s.timeoutSeconds);
    const QJsonObject reply = QJsonDocument::fromJson(answer.body).object();
    if (answer.status == 0)
        return Error{QCoreApplication::translate("sluice::source", "%1: cannot reach the token endpoint %2: %3").arg(owner(), s.tokenUrl.host(), answer.networkProblem),
                     Error::Kind::Unreachable};
    if (answer.status != 200)
        return Error{QCoreApplication::translate("sluice::source", "%1: the token endpoint refused the service account (HTTP %2): %3")
                         .arg(owner()).arg(answer.status).arg(reply.value(QStringLiteral("error_description")).toString(reply.value(QStringLiteral("error")).toString())),
                     Error::Kind::Refused};
    s.accessToken = reply.value(QStringLiteral("access_token")).toString().toUtf8();
    s.accessUntil = QDateTime::currentDateTimeUtc().addSecs(qMax(60, reply.value(QStringLiteral("expires_in")).toInt(3600) - 120));
    return s.accessToken;
}

Result<QJsonObject> BigQueryConnection::call(const QByteArray &method, const QString &path, const QByteArray &body, const QString &query)
{
    Result<QByteArray> token = accessToken();
    if (!token)
        return token.error();
    const QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + token.value()}, {"Content-Type", "application/json"},
                                                       {"Accept", "application/json"}, {"User-Agent", "Sluice/0.1"}};
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->headers = headers;
    }
    QUrl url = m_settings->base.resolved(QUrl(path));
    if (!query.isEmpty())
        url.setQuery(query);
    for (int attempt = 0;; ++attempt) {
        const destination::HttpAnswer answer = destination::httpRequest({url, method, headers, body}, m_settings->timeoutSeconds + 60);
        const QJsonObject reply = QJsonDocument::fromJson(answer.body).object();
        if (answer.status == 200)
            return reply;
        const QJsonObject error = reply.value(QStringLiteral("error")).toObject();
        const QString message = error.value(QStringLiteral("message")).toString(QString::fromUtf8(answer.body.left(300)));
        if (answer.status == 0)
            return Error{QCoreApplication::translate("sluice::source", "%1: cannot reach BigQuery at %2: %3").arg(owner(), url.host(), answer.networkProblem),
                         Error::Kind::Unreachable};
        if (answer.status == 401 && !m_settings->token.isEmpty()) // a token Sluice did not make: it cannot make a new one
            return Error{QCoreApplication::translate("sluice::source", "%1: BigQuery refused the OAuth token: it has expired or was revoked; give the source "
                                                                       "a new token, or a service account key, which Sluice renews itself (HTTP 401: %2)")
                             .arg(owner(), message),
                         Error::Kind::Refused};
        if (answer.status == 401 || answer.status == 403)
            return Error{QCoreApplication::translate("sluice::source", "%1: BigQuery refused the credentials (HTTP %2): %3").arg(owner()).arg(answer.status).arg(message),
                         Error::Kind::Refused};
        if (answer.status == 400 || answer.status == 404)
            return Error{QCoreApplication::translate("sluice::source", "%1: the warehouse refused the query: %2").arg(owner(), message), Error::Kind::Query};
        if ((answer.status == 429 || answer.status >= 500) && attempt < 4) {
            QThread::msleep(500 * (attempt + 1));
            continue;
        }
        return Error{QCoreApplication::translate("sluice::source", "%1: BigQuery answered HTTP %2: %3").arg(owner()).arg(answer.status).arg(message),
                     Error::Kind::Unreachable};
    }
}

Result<QJsonObject> BigQueryConnection::query(const QString &sql, const QJsonArray &parameters, bool dryRun, const std::atomic_bool *cancel)
{
    const Settings &s = *m_settings;
    QJsonObject body{{QStringLiteral("query"), sql},
                     {QStringLiteral("useLegacySql"), false},
                     {QStringLiteral("maxResults"), 10000},
                     {QStringLiteral("timeoutMs"), 10000},
                     {QStringLiteral("dryRun"), dryRun},
                     {QStringLiteral("labels"), labels()},
                     {QStringLiteral("formatOptions"), QJsonObject{{QStringLiteral("useInt64Timestamp"), true}}}};
    if (!s.dataset.isEmpty())
        body.insert(QStringLiteral("defaultDataset"), QJsonObject{{QStringLiteral("projectId"), s.project}, {QStringLiteral("datasetId"), s.dataset}});
    if (!s.location.isEmpty())
        body.insert(QStringLiteral("location"), s.location);
    if (!parameters.isEmpty()) {
        body.insert(QStringLiteral("parameterMode"), QStringLiteral("POSITIONAL"));
        body.insert(QStringLiteral("queryParameters"), parameters);
    }
    const QString jobs = QStringLiteral("/bigquery/v2/projects/%1/queries").arg(s.project);
    Result<QJsonObject> reply = call("POST", jobs, QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!reply)
        return reply;
    const QJsonObject job = reply->value(QStringLiteral("jobReference")).toObject();
    const QString jobId = job.value(QStringLiteral("jobId")).toString();
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->jobId = jobId;
        m_shared->cancelUrl = s.base.resolved(QUrl(QStringLiteral("/bigquery/v2/projects/%1/jobs/%2/cancel").arg(s.project, jobId)));
    }
    int waitMs = 100;
    while (!dryRun && !reply->value(QStringLiteral("jobComplete")).toBool()) { // still running: ask for its results again
        if (cancel && cancel->load()) {
            interrupter()();
            return Error{QCoreApplication::translate("sluice::source", "%1: cancelled").arg(owner()), Error::Kind::Cancelled};
        }
        QThread::msleep(waitMs);
        waitMs = qMin(waitMs * 2, 2000);
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("timeoutMs"), QStringLiteral("10000"));
        q.addQueryItem(QStringLiteral("formatOptions.useInt64Timestamp"), QStringLiteral("true"));
        if (!job.value(QStringLiteral("location")).toString().isEmpty())
            q.addQueryItem(QStringLiteral("location"), job.value(QStringLiteral("location")).toString());
        reply = call("GET", jobs + QLatin1Char('/') + jobId, {}, q.toString(QUrl::FullyEncoded));
        if (!reply)
            return reply;
    }
    // What the job bills (on-demand pricing rounds up, with a minimum a
    // query); a response without it counts what the job processed.
    const QJsonValue billed = reply->value(QStringLiteral("totalBytesBilled"));
    if (!dryRun) // a dry run is free
        m_bytesBilled += (billed.isUndefined() ? reply->value(QStringLiteral("totalBytesProcessed")) : billed).toString().toLongLong();
    return reply;
}

QJsonObject BigQueryConnection::labels() const
{
    // Label values take lower-case letters, digits, '_' and '-', 63 at most.
    QJsonObject out{{QStringLiteral("sluice"), QStringLiteral("sync")}};
    if (!m_sync.isEmpty()) {
        QString value;
        for (const QChar c : m_sync.toLower())
            value += (c.isLetterOrNumber() || c == QLatin1Char('-') || c == QLatin1Char('_')) ? c : QLatin1Char('_');
        out.insert(QStringLiteral("sluice_sync"), value.left(63));
    }
    return out;
}

Result<void> BigQueryConnection::stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel)
{
    return streamParams(sql, {}, sink, cancel);
}

Result<void> BigQueryConnection::streamParams(const QString &sql, const QVariantList &params, const RowSink &sink, const std::atomic_bool *cancel)
{
    QJsonArray parameters;
    for (const QVariant &p : params)
        parameters.append(QJsonObject{{QStringLiteral("parameterType"), QJsonObject{{QStringLiteral("type"), QStringLiteral("STRING")}}},
                                      {QStringLiteral("parameterValue"), p.isNull() ? QJsonObject() : QJsonObject{{QStringLiteral("value"), p.toString()}}}});
    Result<QJsonObject> page = query(sql, parameters, false, cancel);
    if (!page)
        return page.error();
    QList<Column> columns;
    for (const QJsonValue &f : page->value(QStringLiteral("schema")).toObject().value(QStringLiteral("fields")).toArray())
        columns.append(columnOf(f.toObject()));
    if (sink.columns)
        sink.columns(columns);
    const QString jobId = page->value(QStringLiteral("jobReference")).toObject().value(QStringLiteral("jobId")).toString();
    const QString location = page->value(QStringLiteral("jobReference")).toObject().value(QStringLiteral("location")).toString();
    Row row(columns.size());
    for (;;) {
        for (const QJsonValue &r : page->value(QStringLiteral("rows")).toArray()) {
            const QJsonArray cells = r.toObject().value(QStringLiteral("f")).toArray();
            for (int i = 0; i < row.size(); ++i)
                row[i] = valueOf(cells.at(i), columns[i]);
            if (sink.invalidText)
                *sink.invalidText += countInvalidText(RowView(row));
            if (!(sink.view ? sink.view(RowView(row)) : sink.row(row)))
                return {};
            if (cancel && cancel->load(std::memory_order_relaxed))
                return Error{QCoreApplication::translate("sluice::source", "%1: cancelled").arg(owner()), Error::Kind::Cancelled};
        }
        const QString pageToken = page->value(QStringLiteral("pageToken")).toString();
        if (pageToken.isEmpty())
            return {};
        QUrlQuery q; // the next page, one in memory at a time
        q.addQueryItem(QStringLiteral("pageToken"), pageToken);
        q.addQueryItem(QStringLiteral("maxResults"), QStringLiteral("10000"));
        q.addQueryItem(QStringLiteral("formatOptions.useInt64Timestamp"), QStringLiteral("true"));
        if (!location.isEmpty())
            q.addQueryItem(QStringLiteral("location"), location);
        page = call("GET", QStringLiteral("/bigquery/v2/projects/%1/queries/%2").arg(m_settings->project, jobId), {}, q.toString(QUrl::FullyEncoded));
        if (!page)
            return page.error();
    }
}

std::function<void()> BigQueryConnection::interrupter()
{
    std::shared_ptr<Shared> shared = m_shared;
    const int timeout = m_settings->timeoutSeconds;
    return [shared, timeout] {
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers;
        {
            QMutexLocker lock(&shared->mutex);
            url = shared->cancelUrl;
            headers = shared->headers;
        }
        if (url.isValid())
            destination::httpRequest({url, "POST", headers, {}}, timeout);
    };
}

Result<QList<TableInfo>> BigQueryConnection::introspect()
{
    // The default dataset's INFORMATION_SCHEMA.
    return tablesFrom(QStringLiteral(
        "SELECT c.table_schema, c.table_name, t.table_type, c.column_name, c.data_type "
        "FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t "
        "  ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
        "ORDER BY c.table_schema, c.table_name, c.ordinal_position"));
}

Result<void> BigQueryConnection::compile(const QString &sql)
{
    if (Result<QJsonObject> r = query(stripTrailingSemicolons(sql), {}, true, nullptr); !r)
        return r.error();
    return {};
}

std::optional<qint64> BigQueryConnection::estimateBytes(const QString &sql)
{
    Result<QJsonObject> r = query(QStringLiteral("SELECT * FROM %1").arg(wrapModelSql(sql)), {}, true, nullptr);
    if (!r)
        return std::nullopt;
    return r->value(QStringLiteral("totalBytesProcessed")).toString().toLongLong();
}

Result<void> BigQueryConnection::execute(const QString &sql)
{
    if (Result<QJsonObject> r = query(sql, {}, false, nullptr); !r)
        return r.error();
    return {};
}

} // namespace sluice::source
