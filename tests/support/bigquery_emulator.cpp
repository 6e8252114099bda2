#include "bigquery_emulator.h"

#include "test_helpers.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUrlQuery>
#include <QUuid>


#include <memory>

namespace sluice::test {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

EmulatorServer::Response googleError(int status, const QString &reason, const QString &message, const QString &statusName)
{
    return EmulatorServer::Response::json(
        status, compact({{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), status},
                                                                {QStringLiteral("message"), message},
                                                                {QStringLiteral("errors"), QJsonArray{QJsonObject{{QStringLiteral("reason"), reason},
                                                                                                                  {QStringLiteral("message"), message}}}},
                                                                {QStringLiteral("status"), statusName}}}}));
}

// GoogleSQL (its literals already in PostgreSQL's form) as PostgreSQL
// reads it: `names` in double quotes (folded to lower case, as PostgreSQL
// stores unquoted names), STRING as TEXT, an array of structs in UNNEST as a
// VALUES list. Literals are set aside while the rest is rewritten.
QString toPostgres(const QString &sql)
{
    QString code;
    QStringList literals;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql[i];
        if (c == QLatin1Char('\'')) {
            const qsizetype end = sql.indexOf(QLatin1Char('\''), i + 1);
            const qsizetype stop = end < 0 ? sql.size() - 1 : end;
            code += QStringLiteral("\x01%1\x02").arg(literals.size());
            literals.append(sql.mid(i, stop - i + 1));
            i = stop;
        } else if (c == QLatin1Char('`')) {
            const qsizetype end = sql.indexOf(QLatin1Char('`'), i + 1);
            code += QLatin1Char('"') + sql.mid(i + 1, end - i - 1).toLower() + QLatin1Char('"');
            i = end < 0 ? sql.size() : end;
        } else {
            code += c;
        }
    }
    static const QRegularExpression structs(QStringLiteral("UNNEST\\(ARRAY<STRUCT<([^>]*)>>\\[(.*?)\\]\\)\\s+AS\\s+(\\w+)"),
                                            QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    for (auto m = structs.match(code); m.hasMatch(); m = structs.match(code)) {
        QStringList names;
        for (const QString &field : m.captured(1).split(QLatin1Char(',')))
            names.append(field.trimmed().section(QLatin1Char(' '), 0, 0));
        code.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("(VALUES %1) AS %2(%3)").arg(m.captured(2), m.captured(3), names.join(QStringLiteral(", "))));
    }
    static const QRegularExpression string(QStringLiteral("\\bSTRING\\b"), QRegularExpression::CaseInsensitiveOption);
    code.replace(string, QStringLiteral("TEXT"));
    static const QRegularExpression placeholder(QStringLiteral("\x01(\\d+)\x02"));
    QString out;
    qsizetype at = 0;
    for (auto it = placeholder.globalMatch(code); it.hasNext();) {
        const auto m = it.next();
        out += QStringView(code).mid(at, m.capturedStart() - at);
        out += literals[m.captured(1).toInt()];
        at = m.capturedEnd();
    }
    out += QStringView(code).mid(at);
    return out;
}

QString typeOf(const QSqlField &f)
{
    switch (f.typeID()) {
    case 20: case 21: case 23: return QStringLiteral("INTEGER");
    case 1700: return QStringLiteral("NUMERIC");
    case 700: case 701: return QStringLiteral("FLOAT");
    case 16: return QStringLiteral("BOOLEAN");
    case 1082: return QStringLiteral("DATE");
    case 1114: return QStringLiteral("DATETIME");
    case 1184: return QStringLiteral("TIMESTAMP");
    case 114: case 3802: return QStringLiteral("JSON");
    case 17: return QStringLiteral("BYTES");
    default: return QStringLiteral("STRING");
    }
}

QJsonValue cellOf(const QVariant &v, const QString &type)
{
    if (v.isNull())
        return QJsonObject{{QStringLiteral("v"), QJsonValue::Null}};
    QString text;
    if (type == QLatin1String("FLOAT"))
        text = QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    else if (type == QLatin1String("BOOLEAN"))
        text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (type == QLatin1String("DATE"))
        text = v.toDate().toString(Qt::ISODate);
    else if (type == QLatin1String("DATETIME"))
        text = v.toDateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000"));
    else if (type == QLatin1String("TIMESTAMP"))
        text = QString::number(v.toDateTime().toMSecsSinceEpoch() * 1000); // formatOptions.useInt64Timestamp
    else if (type == QLatin1String("BYTES"))
        text = QString::fromLatin1(v.toByteArray().toBase64());
    else
        text = v.toString();
    return QJsonObject{{QStringLiteral("v"), text}};
}

} // namespace

BigQueryEmulator::BigQueryEmulator(QString project, QString clientEmail, QByteArray publicKeyPem, int pgPort, QString pgPassword, QString pgDatabase)
    : m_project(std::move(project)), m_clientEmail(std::move(clientEmail)), m_publicKey(std::move(publicKeyPem)), m_pgPort(pgPort),
      m_pgPassword(std::move(pgPassword)), m_pgDatabase(std::move(pgDatabase))
{
    start();
}

BigQueryEmulator::~BigQueryEmulator()
{
    stop();
    if (!m_connection.isEmpty())
        QSqlDatabase::removeDatabase(m_connection);
}

void BigQueryEmulator::setPageRows(int rows)
{
    QMutexLocker lock(&m_mutex);
    m_pageRows = rows;
}

void BigQueryEmulator::setPollsBeforeDone(int polls)
{
    QMutexLocker lock(&m_mutex);
    m_pollsBeforeDone = polls;
}

QList<QJsonObject> BigQueryEmulator::queries() const
{
    QMutexLocker lock(&m_mutex);
    return m_bodies;
}

int BigQueryEmulator::cancels() const
{
    QMutexLocker lock(&m_mutex);
    return m_cancels;
}

EmulatorServer::Response BigQueryEmulator::token(const Request &request)
{
    const QUrlQuery form(QString::fromUtf8(request.body));
    const QList<QByteArray> parts = form.queryItemValue(QStringLiteral("assertion")).toLatin1().split('.');
    auto refuse = [](const QString &why) {
        return Response::json(400, compact({{QStringLiteral("error"), QStringLiteral("invalid_grant")}, {QStringLiteral("error_description"), why}}));
    };
    if (form.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("urn:ietf:params:oauth:grant-type:jwt-bearer") || parts.size() != 3)
        return refuse(QStringLiteral("Invalid grant: not a JWT bearer assertion."));
    const QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (claims.value(QStringLiteral("iss")).toString() != m_clientEmail || claims.value(QStringLiteral("aud")).toString() != tokenUrl()
        || !claims.value(QStringLiteral("scope")).toString().contains(QLatin1String("bigquery")) || claims.value(QStringLiteral("exp")).toInteger() <= now
        || claims.value(QStringLiteral("exp")).toInteger() > now + 3600)
        return refuse(QStringLiteral("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe, with the service account as issuer."));
    if (!rs256SignatureHolds(m_publicKey, parts[0] + '.' + parts[1], QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding)))
        return refuse(QStringLiteral("Invalid JWT Signature."));
    const QByteArray access = "ya29." + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    m_tokens.insert(access);
    return Response::json(200, compact({{QStringLiteral("access_token"), QString::fromLatin1(access)}, {QStringLiteral("expires_in"), 3599},
                                        {QStringLiteral("token_type"), QStringLiteral("Bearer")}}));
}

EmulatorServer::Response BigQueryEmulator::runQuery(const QJsonObject &body)
{
    static const QRegularExpression labelKey(QStringLiteral("^[a-z][a-z0-9_-]{0,62}$")), labelValue(QStringLiteral("^[a-z0-9_-]{0,63}$"));
    const QJsonObject labels = body.value(QStringLiteral("labels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (!labelKey.match(it.key()).hasMatch() || !labelValue.match(it.value().toString()).hasMatch())
            return googleError(400, QStringLiteral("invalid"), QStringLiteral("Label %1: %2 has invalid characters or is too long").arg(it.key(), it.value().toString()),
                               QStringLiteral("INVALID_ARGUMENT"));
    if (body.value(QStringLiteral("useLegacySql")).toBool(true))
        return googleError(400, QStringLiteral("invalid"), QStringLiteral("The emulator runs GoogleSQL only: set useLegacySql to false."), QStringLiteral("INVALID_ARGUMENT"));
    if (m_connection.isEmpty()) {
        m_connection = QStringLiteral("bigquery-emulator-%1").arg(quintptr(this));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_pgPort);
        db.setDatabaseName(m_pgDatabase);
        db.setUserName(QStringLiteral("postgres"));
        db.setPassword(m_pgPassword);
        if (!db.open())
            return googleError(500, QStringLiteral("backendError"), db.lastError().text(), QStringLiteral("INTERNAL"));
        QSqlQuery(db).exec(QStringLiteral("SET TimeZone TO 'UTC'"));
        // GoogleSQL's MD5 returns BYTES and TO_HEX formats them: the same
        // functions for PostgreSQL, ahead of its own md5 on the search path.
        QSqlQuery(db).exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS googlesql"));
        QSqlQuery(db).exec(QStringLiteral("CREATE OR REPLACE FUNCTION googlesql.md5(text) RETURNS bytea LANGUAGE sql IMMUTABLE "
                                          "AS $$ SELECT decode(pg_catalog.md5($1), 'hex') $$"));
        QSqlQuery(db).exec(QStringLiteral("CREATE OR REPLACE FUNCTION googlesql.to_hex(bytea) RETURNS text LANGUAGE sql IMMUTABLE "
                                          "AS $$ SELECT encode($1, 'hex') $$"));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.setNumericalPrecisionPolicy(QSql::HighPrecision);
    const QString dataset = body.value(QStringLiteral("defaultDataset")).toObject().value(QStringLiteral("datasetId")).toString();
    q.exec(dataset.isEmpty() ? QStringLiteral("SET search_path TO googlesql, public, pg_catalog")
                             : QStringLiteral("SET search_path TO googlesql, \"%1\", public, pg_catalog").arg(dataset.toLower()));
    const QString query = body.value(QStringLiteral("query")).toString();
    if (query.size() > 1024 * 1000)
        return googleError(400, QStringLiteral("invalidQuery"), QStringLiteral("The query is too large. The maximum standard SQL query length is 1024.00K characters, "
                                                                               "including comments and white space characters."), QStringLiteral("INVALID_ARGUMENT"));
    QString lexError;
    const QString sql = toPostgres(backslashLiteralsToPostgres(query, true, &lexError));
    if (!lexError.isEmpty())
        return googleError(400, QStringLiteral("invalidQuery"), lexError, QStringLiteral("INVALID_ARGUMENT"));
    const QJsonArray parameters = body.value(QStringLiteral("queryParameters")).toArray();
    const QString jobId = QStringLiteral("job_") + QUuid::createUuid().toString(QUuid::Id128);
    const QJsonObject reference{{QStringLiteral("projectId"), m_project}, {QStringLiteral("jobId"), jobId}, {QStringLiteral("location"), QStringLiteral("US")}};
    if (body.value(QStringLiteral("dryRun")).toBool()) {
        // The planner's estimate of what the statement reads, as BigQuery's dry run says what it would bill.
        if (!q.exec(QStringLiteral("EXPLAIN (FORMAT JSON) ") + sql)) {
            if (std::optional<Response> e = sqlError(q.lastError().databaseText(), q.lastError().nativeErrorCode()))
                return *e;
        }
        q.next();
        const QJsonObject plan = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array().first().toObject().value(QStringLiteral("Plan")).toObject();
        const qint64 bytes = qint64(plan.value(QStringLiteral("Plan Rows")).toDouble() * plan.value(QStringLiteral("Plan Width")).toDouble());
        return Response::json(200, compact({{QStringLiteral("kind"), QStringLiteral("bigquery#queryResponse")}, {QStringLiteral("jobReference"), reference},
                                            {QStringLiteral("jobComplete"), true}, {QStringLiteral("totalBytesProcessed"), QString::number(bytes)}}));
    }
    bool ok = false;
    if (parameters.isEmpty()) {
        ok = q.exec(sql);
    } else if ((ok = q.prepare(sql))) {
        for (const QJsonValue &p : parameters) {
            const QJsonValue v = p.toObject().value(QStringLiteral("parameterValue")).toObject().value(QStringLiteral("value"));
            q.addBindValue(v.isUndefined() || v.isNull() ? QVariant() : QVariant(v.toString()));
        }
        ok = q.exec();
    }
    if (!ok) {
        if (std::optional<Response> e = sqlError(q.lastError().databaseText(), q.lastError().nativeErrorCode()))
            return *e;
    }
    Job job;
    const QSqlRecord record = q.record();
    QStringList types;
    for (int i = 0; i < record.count(); ++i) {
        types.append(typeOf(record.field(i)));
        job.fields.append(QJsonObject{{QStringLiteral("name"), record.fieldName(i)}, {QStringLiteral("type"), types.last()}, {QStringLiteral("mode"), QStringLiteral("NULLABLE")}});
    }
    while (q.next()) {
        QJsonArray cells;
        for (int i = 0; i < record.count(); ++i) {
            cells.append(cellOf(q.value(i), types[i]));
            job.bytes += q.value(i).toString().size();
        }
        job.rows.append(cells);
    }
    job.pollsLeft = m_pollsBeforeDone;
    static const QRegularExpression from(QStringLiteral("\\bFROM\\b"), QRegularExpression::CaseInsensitiveOption);
    job.readsTable = from.match(sql).hasMatch();
    m_jobs.insert(jobId, job);
    return page(jobId, m_jobs[jobId], 0, body.value(QStringLiteral("maxResults")).toInt(10000));
}

std::optional<EmulatorServer::Response> BigQueryEmulator::sqlError(const QString &message, const QString &state) const
{
    if (state == QLatin1String("42P01")) {
        static const QRegularExpression relation(QStringLiteral("relation \"([^\"]+)\""));
        return googleError(404, QStringLiteral("notFound"),
                           QStringLiteral("Not found: Table %1:%2 was not found in location US").arg(m_project, relation.match(message).captured(1)),
                           QStringLiteral("NOT_FOUND"));
    }
    return googleError(400, QStringLiteral("invalidQuery"), message.section(QLatin1Char('\n'), 0, 0).remove(QStringLiteral("ERROR:  ")),
                       QStringLiteral("INVALID_ARGUMENT"));
}

EmulatorServer::Response BigQueryEmulator::page(const QString &jobId, Job &job, int offset, int maxResults)
{
    const QJsonObject reference{{QStringLiteral("projectId"), m_project}, {QStringLiteral("jobId"), jobId}, {QStringLiteral("location"), QStringLiteral("US")}};
    if (job.cancelled)
        return googleError(400, QStringLiteral("stopped"), QStringLiteral("Job execution was cancelled: User requested cancellation"), QStringLiteral("INVALID_ARGUMENT"));
    if (job.pollsLeft > 0) {
        --job.pollsLeft;
        return Response::json(200, compact({{QStringLiteral("kind"), QStringLiteral("bigquery#getQueryResultsResponse")},
                                            {QStringLiteral("jobReference"), reference}, {QStringLiteral("jobComplete"), false}}));
    }
    const int size = qMax(1, qMin(maxResults > 0 ? maxResults : 10000, m_pageRows));
    QJsonArray rows;
    for (qsizetype i = offset; i < qMin<qsizetype>(job.rows.size(), offset + size); ++i)
        rows.append(QJsonObject{{QStringLiteral("f"), job.rows[i]}});
    QJsonObject o{{QStringLiteral("kind"), QStringLiteral("bigquery#queryResponse")},
                  {QStringLiteral("schema"), QJsonObject{{QStringLiteral("fields"), job.fields}}},
                  {QStringLiteral("jobReference"), reference},
                  {QStringLiteral("totalRows"), QString::number(job.rows.size())},
                  {QStringLiteral("rows"), rows},
                  {QStringLiteral("totalBytesProcessed"), QString::number(job.bytes)},
                  // On-demand pricing: rounded up to the megabyte, at least 10 MB a query that reads a table.
                  {QStringLiteral("totalBytesBilled"), QString::number(job.readsTable ? qMax<qint64>(10 << 20, (job.bytes + (1 << 20) - 1) / (1 << 20) * (1 << 20)) : 0)},
                  {QStringLiteral("jobComplete"), true},
                  {QStringLiteral("cacheHit"), false}};
    if (offset + size < job.rows.size())
        o.insert(QStringLiteral("pageToken"), QString::number(offset + size));
    return Response::json(200, compact(o));
}

EmulatorServer::Response BigQueryEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.method == "POST" && request.path == QLatin1String("/token"))
        return token(request);
    if (!request.header("authorization").startsWith("Bearer ") || !m_tokens.contains(request.header("authorization").mid(7)))
        return googleError(401, QStringLiteral("authError"), QStringLiteral("Request had invalid authentication credentials. Expected OAuth 2 access token."),
                           QStringLiteral("UNAUTHENTICATED"));
    static const QRegularExpression path(QStringLiteral("^/bigquery/v2/projects/([^/]+)/(queries|jobs)(?:/([^/]+))?(/cancel)?$"));
    const auto m = path.match(request.path);
    if (!m.hasMatch())
        return googleError(404, QStringLiteral("notFound"), QStringLiteral("Not found: %1").arg(request.path), QStringLiteral("NOT_FOUND"));
    if (m.captured(1) != m_project)
        return googleError(404, QStringLiteral("notFound"), QStringLiteral("Not found: Project %1").arg(m.captured(1)), QStringLiteral("NOT_FOUND"));
    if (request.method == "POST" && m.captured(2) == QLatin1String("queries") && m.captured(3).isEmpty()) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        m_bodies.append(body);
        return runQuery(body);
    }
    const QString jobId = m.captured(3);
    if (!m_jobs.contains(jobId))
        return googleError(404, QStringLiteral("notFound"), QStringLiteral("Not found: Job %1:US.%2").arg(m_project, jobId), QStringLiteral("NOT_FOUND"));
    Job &job = m_jobs[jobId];
    if (request.method == "POST" && m.captured(2) == QLatin1String("jobs") && !m.captured(4).isEmpty()) {
        job.cancelled = true;
        ++m_cancels;
        return Response::json(200, compact({{QStringLiteral("kind"), QStringLiteral("bigquery#jobCancelResponse")},
                                            {QStringLiteral("job"), QJsonObject{{QStringLiteral("status"), QJsonObject{{QStringLiteral("state"), QStringLiteral("DONE")}}}}}}));
    }
    if (request.method == "GET" && m.captured(2) == QLatin1String("queries"))
        return page(jobId, job, request.query.queryItemValue(QStringLiteral("pageToken")).toInt(),
                    request.query.queryItemValue(QStringLiteral("maxResults")).toInt());
    return googleError(405, QStringLiteral("invalid"), QStringLiteral("Method not allowed"), QStringLiteral("INVALID_ARGUMENT"));
}

} // namespace sluice::test
