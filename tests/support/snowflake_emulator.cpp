#include "snowflake_emulator.h"

#include "source/snowflake_connection.h"

#include "test_helpers.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>


#include <memory>

namespace sluice::test {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// A PostgreSQL column as Snowflake's rowType describes its type, and how its values are written.
QJsonObject fieldOf(const QSqlField &f)
{
    QJsonObject o{{QStringLiteral("name"), f.name().toUpper()}, {QStringLiteral("nullable"), true}, {QStringLiteral("database"), QString()}};
    switch (f.typeID()) {
    case 20: case 21: case 23:
        o.insert(QStringLiteral("type"), QStringLiteral("fixed"));
        o.insert(QStringLiteral("precision"), 38);
        o.insert(QStringLiteral("scale"), 0);
        break;
    case 1700:
        o.insert(QStringLiteral("type"), QStringLiteral("fixed"));
        o.insert(QStringLiteral("precision"), f.length() > 0 ? f.length() : 38);
        o.insert(QStringLiteral("scale"), f.precision() >= 0 ? f.precision() : 9);
        break;
    case 700: case 701: o.insert(QStringLiteral("type"), QStringLiteral("real")); break;
    case 16: o.insert(QStringLiteral("type"), QStringLiteral("boolean")); break;
    case 1082: o.insert(QStringLiteral("type"), QStringLiteral("date")); break;
    case 1114: o.insert(QStringLiteral("type"), QStringLiteral("timestamp_ntz")); break;
    case 1184: o.insert(QStringLiteral("type"), QStringLiteral("timestamp_tz")); break;
    case 114: case 3802: o.insert(QStringLiteral("type"), QStringLiteral("variant")); break;
    case 17: o.insert(QStringLiteral("type"), QStringLiteral("binary")); break;
    default: o.insert(QStringLiteral("type"), QStringLiteral("text")); break;
    }
    return o;
}

QJsonValue snowflakeText(const QVariant &v, const QString &type)
{
    if (v.isNull())
        return QJsonValue::Null;
    if (type == QLatin1String("real"))
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (type == QLatin1String("boolean"))
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (type == QLatin1String("date"))
        return QString::number(QDate(1970, 1, 1).daysTo(v.toDate()));
    if (type.startsWith(QLatin1String("timestamp"))) {
        const qint64 ms = v.toDateTime().toMSecsSinceEpoch();
        const QString seconds = QStringLiteral("%1.%2").arg(ms / 1000).arg((ms % 1000) * 1000000, 9, 10, QLatin1Char('0'));
        return type == QLatin1String("timestamp_tz") ? seconds + QStringLiteral(" 1440") : seconds;
    }
    if (type == QLatin1String("binary"))
        return QString::fromLatin1(v.toByteArray().toHex().toUpper());
    return v.toString();
}

// Snowflake stores unquoted names upper-case and PostgreSQL lower-case: a
// quoted upper-case name ("ID", the form Snowflake reports) is the same
// object as the unquoted one, so it is lower-cased for PostgreSQL. Text in
// single quotes is left alone.
QString foldQuotedNames(const QString &sql)
{
    static const QRegularExpression upper(QStringLiteral("^[A-Z_][A-Z0-9_$]*$"));
    QString out;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql[i];
        if (c == QLatin1Char('\'')) {
            const qsizetype end = sql.indexOf(QLatin1Char('\''), i + 1);
            const qsizetype stop = end < 0 ? sql.size() - 1 : end;
            out += sql.mid(i, stop - i + 1);
            i = stop;
        } else if (c == QLatin1Char('"')) {
            const qsizetype end = sql.indexOf(QLatin1Char('"'), i + 1);
            const QString name = end < 0 ? QString() : sql.mid(i + 1, end - i - 1);
            if (end > 0 && upper.match(name).hasMatch()) {
                out += QLatin1Char('"') + name.toLower() + QLatin1Char('"');
                i = end;
            } else {
                out += c;
            }
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

SnowflakeEmulator::SnowflakeEmulator(QString account, QString user, QByteArray publicKeyPem, int pgPort, QString pgPassword, QString pgDatabase)
    : m_account(account.section(QLatin1Char('.'), 0, 0).toUpper()), m_user(user.toUpper()), m_publicKey(std::move(publicKeyPem)), m_pgPort(pgPort),
      m_pgPassword(std::move(pgPassword)), m_pgDatabase(std::move(pgDatabase))
{
    m_fingerprint = source::SnowflakeConnection::publicKeyFingerprint(m_publicKey).value();
    start();
}

SnowflakeEmulator::~SnowflakeEmulator()
{
    stop();
    if (!m_connection.isEmpty())
        QSqlDatabase::removeDatabase(m_connection);
}

void SnowflakeEmulator::addOAuthToken(const QByteArray &token, bool expired)
{
    QMutexLocker lock(&m_mutex);
    (expired ? m_expiredTokens : m_oauthTokens).insert(token);
}

void SnowflakeEmulator::setPartitionRows(int rows)
{
    QMutexLocker lock(&m_mutex);
    m_partitionRows = rows;
}

void SnowflakeEmulator::setPollsBeforeDone(int polls)
{
    QMutexLocker lock(&m_mutex);
    m_pollsBeforeDone = polls;
}

QList<QJsonObject> SnowflakeEmulator::statements() const
{
    QMutexLocker lock(&m_mutex);
    return m_bodies;
}

int SnowflakeEmulator::cancels() const
{
    QMutexLocker lock(&m_mutex);
    return m_cancels;
}

EmulatorServer::Response SnowflakeEmulator::failure(int status, const QString &code, const QString &message, const QString &sqlState, const QString &handle)
{
    QJsonObject o{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!sqlState.isEmpty())
        o.insert(QStringLiteral("sqlState"), sqlState);
    if (!handle.isEmpty())
        o.insert(QStringLiteral("statementHandle"), handle);
    return Response::json(status, compact(o));
}

std::optional<EmulatorServer::Response> SnowflakeEmulator::refuseAuth(const Request &request) const
{
    if (request.header("x-snowflake-authorization-token-type") == "OAUTH") {
        const QByteArray token = request.header("authorization").mid(7);
        if (!request.header("authorization").startsWith("Bearer ") || token.isEmpty())
            return failure(401, QStringLiteral("390303"), QStringLiteral("Invalid OAuth access token. [%1]").arg(QString::fromLatin1(token.left(8))));
        if (m_expiredTokens.contains(token))
            return failure(401, QStringLiteral("390318"), QStringLiteral("OAuth access token expired. [%1]").arg(QString::fromLatin1(token.left(8))));
        if (!m_oauthTokens.contains(token))
            return failure(401, QStringLiteral("390303"), QStringLiteral("Invalid OAuth access token. [%1]").arg(QString::fromLatin1(token.left(8))));
        return std::nullopt;
    }
    if (request.header("x-snowflake-authorization-token-type") != "KEYPAIR_JWT")
        return failure(401, QStringLiteral("390101"), QStringLiteral("Authorization header type is not specified or not supported."));
    if (!request.header("accept").contains("application/json"))
        return failure(406, QStringLiteral("391908"), QStringLiteral("The request must accept application/json."));
    const QByteArray authorization = request.header("authorization");
    const QList<QByteArray> parts = authorization.mid(7).split('.');
    if (!authorization.startsWith("Bearer ") || parts.size() != 3)
        return failure(401, QStringLiteral("390144"), QStringLiteral("JWT token is invalid."));
    const QJsonObject header = QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding)).object();
    const QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding)).object();
    const QString qualified = m_account + QLatin1Char('.') + m_user;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const bool ok = header.value(QStringLiteral("alg")).toString() == QLatin1String("RS256")
                    && claims.value(QStringLiteral("iss")).toString() == qualified + QStringLiteral(".SHA256:") + m_fingerprint
                    && claims.value(QStringLiteral("sub")).toString() == qualified
                    && claims.value(QStringLiteral("exp")).toInteger() > now && claims.value(QStringLiteral("exp")).toInteger() <= now + 3600
                    && rs256SignatureHolds(m_publicKey, parts[0] + '.' + parts[1], QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding));
    if (!ok)
        return failure(401, QStringLiteral("390144"), QStringLiteral("JWT token is invalid."));
    return std::nullopt;
}

SnowflakeEmulator::Statement SnowflakeEmulator::execute(const QJsonObject &body)
{
    Statement st;
    if (m_connection.isEmpty()) { // the server thread's own connection to PostgreSQL
        m_connection = QStringLiteral("snowflake-emulator-%1").arg(quintptr(this));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_pgPort);
        db.setDatabaseName(m_pgDatabase);
        db.setUserName(QStringLiteral("postgres"));
        db.setPassword(m_pgPassword);
        if (!db.open()) {
            st.error = {{QStringLiteral("code"), QStringLiteral("000603")}, {QStringLiteral("message"), db.lastError().text()}};
            return st;
        }
        QSqlQuery(db).exec(QStringLiteral("SET TimeZone TO 'UTC'"));
    }
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.setNumericalPrecisionPolicy(QSql::HighPrecision);
    const QString schema = body.value(QStringLiteral("schema")).toString();
    q.exec(schema.isEmpty() ? QStringLiteral("SET search_path TO public") : QStringLiteral("SET search_path TO \"%1\", public").arg(schema.toLower()));
    QString lexError;
    const QString statement = foldQuotedNames(test::backslashLiteralsToPostgres(body.value(QStringLiteral("statement")).toString(), false, &lexError));
    if (!lexError.isEmpty()) {
        st.error = {{QStringLiteral("code"), QStringLiteral("001003")},
                    {QStringLiteral("message"), QString(QStringLiteral("SQL compilation error:\n") + lexError)},
                    {QStringLiteral("sqlState"), QStringLiteral("42000")}};
        return st;
    }
    const QJsonObject bindings = body.value(QStringLiteral("bindings")).toObject();
    bool ok = false;
    if (bindings.isEmpty()) {
        ok = q.exec(statement); // as sent: EXPLAIN and the like cannot be prepared
    } else if ((ok = q.prepare(statement))) {
        for (int i = 1; i <= bindings.size(); ++i) {
            const QJsonValue v = bindings.value(QString::number(i)).toObject().value(QStringLiteral("value"));
            q.addBindValue(v.isNull() ? QVariant() : QVariant(v.toString()));
        }
        ok = q.exec();
    }
    if (!ok) {
        st.error = {{QStringLiteral("code"), QStringLiteral("002003")},
                    {QStringLiteral("message"), QString(QStringLiteral("SQL compilation error:\n") + q.lastError().databaseText())},
                    {QStringLiteral("sqlState"), q.lastError().nativeErrorCode()}};
        return st;
    }
    const QSqlRecord record = q.record();
    QStringList types;
    for (int i = 0; i < record.count(); ++i) {
        const QJsonObject f = fieldOf(record.field(i));
        st.rowType.append(f);
        types.append(f.value(QStringLiteral("type")).toString());
    }
    while (q.next()) {
        QJsonArray row;
        for (int i = 0; i < record.count(); ++i)
            row.append(snowflakeText(q.value(i), types[i]));
        st.rows.append(row);
    }
    return st;
}

EmulatorServer::Response SnowflakeEmulator::answer(const QString &handle, Statement &st, int partition)
{
    if (st.cancelled)
        return failure(422, QStringLiteral("000604"), QStringLiteral("SQL execution canceled"), QStringLiteral("57014"), handle);
    if (!st.error.isEmpty())
        return failure(422, st.error.value(QStringLiteral("code")).toString(), st.error.value(QStringLiteral("message")).toString(),
                       st.error.value(QStringLiteral("sqlState")).toString(), handle);
    if (st.pollsLeft > 0) {
        --st.pollsLeft;
        return Response::json(202, compact({{QStringLiteral("code"), QStringLiteral("333334")},
                                            {QStringLiteral("message"), QStringLiteral("Asynchronous execution in progress. Use provided query id to perform query monitoring and management.")},
                                            {QStringLiteral("statementHandle"), handle},
                                            {QStringLiteral("statementStatusUrl"), QString(QStringLiteral("/api/v2/statements/") + handle)}}));
    }
    const int per = qMax(1, m_partitionRows);
    const int partitions = qMax(1, int((st.rows.size() + per - 1) / per));
    if (partition < 0 || partition >= partitions)
        return failure(422, QStringLiteral("391906"), QStringLiteral("Partition %1 does not exist.").arg(partition), {}, handle);
    QJsonArray data;
    for (qsizetype i = qsizetype(partition) * per; i < qMin<qsizetype>(st.rows.size(), qsizetype(partition + 1) * per); ++i)
        data.append(st.rows[i]);
    QJsonArray info;
    for (int p = 0; p < partitions; ++p)
        info.append(QJsonObject{{QStringLiteral("rowCount"), int(qMin<qsizetype>(per, st.rows.size() - qsizetype(p) * per))}, {QStringLiteral("uncompressedSize"), 0}});
    QJsonObject o{{QStringLiteral("statementHandle"), handle}, {QStringLiteral("data"), data}};
    if (partition == 0) {
        o.insert(QStringLiteral("resultSetMetaData"), QJsonObject{{QStringLiteral("numRows"), int(st.rows.size())},
                                                                  {QStringLiteral("format"), QStringLiteral("jsonv2")},
                                                                  {QStringLiteral("partitionInfo"), info},
                                                                  {QStringLiteral("rowType"), st.rowType}});
        o.insert(QStringLiteral("code"), QStringLiteral("090001"));
        o.insert(QStringLiteral("sqlState"), QStringLiteral("00000"));
        o.insert(QStringLiteral("message"), QStringLiteral("Statement executed successfully."));
        o.insert(QStringLiteral("statementStatusUrl"), QString(QStringLiteral("/api/v2/statements/") + handle));
    }
    return Response::json(200, compact(o));
}

EmulatorServer::Response SnowflakeEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (std::optional<Response> refused = refuseAuth(request))
        return *refused;
    static const QRegularExpression one(QStringLiteral("^/api/v2/statements/([0-9a-f-]+)(/cancel)?$"));
    if (request.method == "POST" && request.path == QLatin1String("/api/v2/statements")) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (!body.value(QStringLiteral("statement")).isString())
            return failure(400, QStringLiteral("391903"), QStringLiteral("Request body must contain a statement."));
        m_bodies.append(body);
        const QString handle = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (body.value(QStringLiteral("warehouse")).toString().isEmpty())
            return failure(422, QStringLiteral("000606"), QStringLiteral("No active warehouse selected in the current session.  Select an active warehouse with the 'use warehouse' command."),
                           QStringLiteral("57P03"), handle);
        const QString database = body.value(QStringLiteral("database")).toString();
        if (!database.isEmpty() && database.compare(m_pgDatabase, Qt::CaseInsensitive) != 0)
            return failure(422, QStringLiteral("002043"), QStringLiteral("SQL compilation error:\nObject does not exist, or operation cannot be performed."),
                           QStringLiteral("02000"), handle);
        Statement st = execute(body);
        st.pollsLeft = request.query.queryItemValue(QStringLiteral("async")) == QLatin1String("true") ? qMax(1, m_pollsBeforeDone) : m_pollsBeforeDone;
        m_statements.insert(handle, st);
        return answer(handle, m_statements[handle], 0);
    }
    const auto m = one.match(request.path);
    if (!m.hasMatch() || !m_statements.contains(m.captured(1)))
        return failure(404, QStringLiteral("391902"), QStringLiteral("Statement handle not found."));
    Statement &st = m_statements[m.captured(1)];
    if (request.method == "POST" && !m.captured(2).isEmpty()) {
        st.cancelled = true;
        ++m_cancels;
        return Response::json(200, compact({{QStringLiteral("code"), QStringLiteral("000604")}, {QStringLiteral("message"), QStringLiteral("successfully canceled")},
                                            {QStringLiteral("statementHandle"), m.captured(1)}}));
    }
    if (request.method != "GET")
        return failure(405, QStringLiteral("391901"), QStringLiteral("Method not allowed."));
    const QString partition = request.query.queryItemValue(QStringLiteral("partition"));
    if (!partition.isEmpty() && st.pollsLeft > 0)
        return failure(422, QStringLiteral("391906"), QStringLiteral("The statement has not finished."));
    return answer(m.captured(1), st, partition.isEmpty() ? 0 : partition.toInt());
}

} // namespace sluice::test
