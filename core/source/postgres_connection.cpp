#include "source/postgres_connection.h"

#include "common/logging.h"

#include "source/row_view.h"

#include <QCoreApplication>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

#include <cstring>

#include <atomic>

namespace sluice::source {

namespace {


// PostgreSQL's built-in type OIDs (pg_type.dat); they never change.
enum Oid : unsigned {
    BoolOid = 16, ByteaOid = 17, Int8Oid = 20, Int2Oid = 21, Int4Oid = 23, TextOid = 25, OidOid = 26,
    JsonOid = 114, Float4Oid = 700, Float8Oid = 701, VarcharOid = 1043, BpcharOid = 1042, DateOid = 1082,
    TimestampOid = 1114, TimestamptzOid = 1184, NumericOid = 1700, UuidOid = 2950, JsonbOid = 3802
};

Column describeColumn(const PGresult *res, int i)
{
    Column c;
    c.name = QString::fromUtf8(PQfname(res, i));
    switch (PQftype(res, i)) {
    case BoolOid: c.type = ColumnType::Boolean; c.nativeType = QStringLiteral("boolean"); break;
    case ByteaOid: c.type = ColumnType::Bytes; c.nativeType = QStringLiteral("bytea"); break;
    case Int2Oid: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("smallint"); break;
    case Int4Oid: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("integer"); break;
    case Int8Oid: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("bigint"); break;
    case OidOid: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("oid"); break;
    case Float4Oid: c.type = ColumnType::Float; c.nativeType = QStringLiteral("real"); break;
    case Float8Oid: c.type = ColumnType::Float; c.nativeType = QStringLiteral("double precision"); break;
    case NumericOid: c.type = ColumnType::Decimal; c.nativeType = QStringLiteral("numeric"); break;
    case DateOid: c.type = ColumnType::Date; c.nativeType = QStringLiteral("date"); break;
    case TimestampOid: c.type = ColumnType::Timestamp; c.nativeType = QStringLiteral("timestamp"); break;
    case TimestamptzOid: c.type = ColumnType::Timestamp; c.nativeType = QStringLiteral("timestamptz"); break;
    case JsonOid: c.type = ColumnType::Json; c.nativeType = QStringLiteral("json"); break;
    case JsonbOid: c.type = ColumnType::Json; c.nativeType = QStringLiteral("jsonb"); break;
    case VarcharOid: c.type = ColumnType::Text; c.nativeType = QStringLiteral("varchar"); break;
    case BpcharOid: c.type = ColumnType::Text; c.nativeType = QStringLiteral("char"); break;
    case UuidOid: c.type = ColumnType::Text; c.nativeType = QStringLiteral("uuid"); break;
    case TextOid: c.type = ColumnType::Text; c.nativeType = QStringLiteral("text"); break;
    default: c.type = ColumnType::Text; c.nativeType = QStringLiteral("oid %1").arg(PQftype(res, i)); break;
    }
    return c;
}

// A query that failed: the warehouse's refusal, or a lost connection.
Error queryFailed(PGconn *conn, const QString &owner, const QString &message)
{
    const bool lost = PQstatus(conn) != CONNECTION_OK;
    return Error{lost ? QCoreApplication::translate("sluice::source", "%1: the connection was lost: %2").arg(owner, message)
                      : QCoreApplication::translate("sluice::source", "%1: the warehouse refused the query: %2").arg(owner, message),
                 lost ? Error::Kind::Unreachable : Error::Kind::Query};
}

// How a stream ended, once every result was read.
// Whether a byte of `w` equals the byte repeated in `pattern`.
quint64 hasByte(quint64 w, quint64 pattern)
{
    const quint64 x = w ^ pattern;
    return (x - 0x0101010101010101ULL) & ~x & 0x8080808080808080ULL;
}

// One field of a COPY text line from `p`: escapes decoded in place
// (decoding only shrinks), "\N" is NULL. Leaves `p` on the tab or the end.
TextValue copyField(char *&p, char *const end)
{
    char *const start = p;
    quint64 high = 0;
    // Eight bytes at a time up to the first tab or backslash.
    for (quint64 w; end - p >= 8; p += 8) {
        std::memcpy(&w, p, 8);
        if (hasByte(w, 0x0909090909090909ULL) | hasByte(w, 0x5c5c5c5c5c5c5c5cULL))
            break;
        high |= w;
    }
    while (p < end && *p != '\t' && *p != '\\')
        high |= static_cast<unsigned char>(*p++);
    char *out = p;
    bool escaped = false;
    while (p < end && *p != '\t') {
        char c = *p++;
        if (c == '\\' && p < end) {
            escaped = true;
            switch (c = *p++) {
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'v': c = '\v'; break;
            default: break; // 'N' only ever alone: NULL, below; others stand for themselves
            }
        }
        high |= static_cast<unsigned char>(c);
        *out++ = c;
    }
    if (escaped && out - start == 1 && *start == 'N' && p - start == 2)
        return {};
    return {start, int(out - start), !(high & 0x8080808080808080ULL)};
}

// A COPY text line into `width` fields, split by tab.
void splitCopyLine(char *line, int length, TextValue *values, int width)
{
    char *p = line;
    char *const end = line + length - (length > 0 && line[length - 1] == '\n' ? 1 : 0);
    for (int c = 0; c < width; ++c) {
        values[c] = copyField(p, end);
        if (p < end)
            ++p; // the tab
    }
}

Result<void> streamEnd(PGconn *conn, const QString &owner, const QString &error, bool cancelled)
{
    if (cancelled)
        return Error{QCoreApplication::translate("sluice::source", "%1: cancelled").arg(owner), Error::Kind::Cancelled};
    if (!error.isEmpty())
        return queryFailed(conn, owner, error);
    return {};
}

Error classifyConnectError(const QString &owner, const QString &message)
{
    const QString m = message.toLower();
    if (m.contains(QLatin1String("password authentication failed")) || m.contains(QLatin1String("no password supplied"))
        || m.contains(QLatin1String("authentication failed")) || (m.contains(QLatin1String("role")) && m.contains(QLatin1String("does not exist"))))
        return {QCoreApplication::translate("sluice::source", "%1: the server refused the credentials (check user and password): %2").arg(owner, message.trimmed()),
                Error::Kind::Refused};
    if (m.contains(QLatin1String("database")) && m.contains(QLatin1String("does not exist")))
        return {QCoreApplication::translate("sluice::source", "%1: the server is reachable but the database does not exist: %2").arg(owner, message.trimmed()),
                Error::Kind::Unreachable};
    if (m.contains(QLatin1String("timeout")))
        return {QCoreApplication::translate("sluice::source", "%1: no answer from the host within the connect timeout: %2").arg(owner, message.trimmed()),
                Error::Kind::Unreachable};
    return {QCoreApplication::translate("sluice::source", "%1: cannot reach the server (check host, port and network): %2").arg(owner, message.trimmed()),
            Error::Kind::Unreachable};
}

} // namespace

PostgresConnection::PostgresConnection(QString name, QString connection)
    : SourceConnection(std::move(name)), m_connection(std::move(connection))
{
}

PostgresConnection::~PostgresConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<SourceConnection>> PostgresConnection::connect(const workspace::SourceConfig &config,
                                                                      const QString &password, bool writable)
{
    static std::atomic_int counter{0};
    const QString owner = QCoreApplication::translate("sluice::source", "source %1").arg(config.name);
    const QString connection = QStringLiteral("sluice-pg-%1-%2").arg(config.name).arg(counter.fetch_add(1));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return configError(QCoreApplication::translate("sluice::source", "%1: Qt's PostgreSQL driver (QPSQL) is not installed; install libqt6sql6-psql").arg(owner));
    std::unique_ptr<PostgresConnection> self(new PostgresConnection(config.name, connection));
    self->m_redshift = config.driver == QLatin1String("redshift");
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
    db.setHostName(config.host);
    if (config.port > 0)
        db.setPort(config.port);
    else if (self->m_redshift)
        db.setPort(5439);
    db.setDatabaseName(config.database);
    db.setUserName(config.user);
    db.setPassword(password);
    QString options = QStringLiteral("connect_timeout=%1;application_name=sluice").arg(config.connectTimeoutSeconds);
    const QString sslmode = config.raw.value(QStringLiteral("sslmode")).toString(self->m_redshift ? QStringLiteral("require") : QString());
    if (!sslmode.isEmpty())
        options += QStringLiteral(";sslmode=") + sslmode;
    db.setConnectOptions(options);
    if (!db.open())
        return classifyConnectError(owner, db.lastError().databaseText().isEmpty() ? db.lastError().text()
                                                                                  : db.lastError().databaseText());
    if (!self->nativeHandle())
        return Error{QCoreApplication::translate("sluice::source", "%1: the QPSQL driver gave no libpq handle").arg(owner), Error::Kind::Internal};
    // The server's notices ("schema already exists, skipping") go to the debug
    // log, not to the terminal of whoever runs the CLI.
    PQsetNoticeProcessor(static_cast<PGconn *>(self->nativeHandle()),
                         [](void *, const char *message) { qCDebug(lcSource).noquote() << QString::fromUtf8(message).trimmed(); }, nullptr);
    QSqlQuery q(db);
    // Redshift keeps its own literal rules (a backslash escapes; literal()) and takes these three.
    const QList<const char *> settings = self->m_redshift
        ? QList<const char *>{"SET timezone TO 'UTC'", "SET datestyle TO 'ISO, MDY'", "SET extra_float_digits TO 1"}
        : QList<const char *>{"SET TimeZone TO 'UTC'", "SET DateStyle TO 'ISO, YMD'", "SET standard_conforming_strings TO on", "SET extra_float_digits TO 1"};
    for (const char *setting : settings)
        if (!q.exec(QString::fromLatin1(setting)))
            return Error{QCoreApplication::translate("sluice::source", "%1: %2").arg(owner, q.lastError().text()), Error::Kind::Query};
    if (!writable) {
        if (Result<void> r = self->setReadOnly(true); !r)
            return r.error();
    }
    return std::unique_ptr<SourceConnection>(std::move(self));
}

Result<void> PostgresConnection::setReadOnly(bool readOnly)
{
    // Every later statement runs in a read-only transaction: a model whose SQL
    // calls a function that writes is refused by the warehouse itself.
    return execute(readOnly ? QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                            : QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE"));
}

QString PostgresConnection::castToText(const QString &expression) const
{
    return m_redshift ? QStringLiteral("CAST(%1 AS VARCHAR(65535))").arg(expression) : SourceConnection::castToText(expression);
}

QString PostgresConnection::literal(const QString &text) const
{
    if (!m_redshift)
        return quoteLiteral(text);
    // Redshift reads a backslash in a literal as an escape: both it and the quote are doubled.
    QString out = text;
    out.remove(QChar(0));
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

void *PostgresConnection::nativeHandle() const
{
    const QVariant v = QSqlDatabase::database(m_connection, false).driver()->handle();
    if (!v.isValid() || (qstrcmp(v.typeName(), "PGconn*") != 0 && qstrcmp(v.typeName(), "pg_conn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(v.constData());
}

Result<void> PostgresConnection::stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel)
{
    PGconn *conn = static_cast<PGconn *>(nativeHandle());
    const QString owner = QCoreApplication::translate("sluice::source", "source %1").arg(m_name);
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return Error{QCoreApplication::translate("sluice::source", "%1: the connection was lost").arg(owner), Error::Kind::Unreachable};
    if (sink.view && sink.copy && !m_redshift) // Redshift has no COPY TO STDOUT
        return streamCopy(conn, owner, sql, sink, cancel);
    if (!PQsendQuery(conn, sql.toUtf8().constData()))
        return Error{QCoreApplication::translate("sluice::source", "%1: %2").arg(owner, QString::fromUtf8(PQerrorMessage(conn)).trimmed()), Error::Kind::Unreachable};
    return streamResults(conn, owner, sink, cancel);
}

Result<void> PostgresConnection::streamParams(const QString &sql, const QVariantList &params, const RowSink &sink,
                                              const std::atomic_bool *cancel)
{
    PGconn *conn = static_cast<PGconn *>(nativeHandle());
    const QString owner = QCoreApplication::translate("sluice::source", "source %1").arg(m_name);
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return Error{QCoreApplication::translate("sluice::source", "%1: the connection was lost").arg(owner), Error::Kind::Unreachable};
    // Text-format parameters of unspecified type: the server infers each
    // one's type from where it stands ("ltv > $1" makes $1 a numeric).
    QList<QByteArray> texts;
    std::vector<const char *> values;
    for (const QVariant &v : params)
        texts.append(v.isNull() ? QByteArray() : v.toString().toUtf8());
    for (qsizetype i = 0; i < params.size(); ++i)
        values.push_back(params[i].isNull() ? nullptr : texts[i].constData());
    if (!PQsendQueryParams(conn, sql.toUtf8().constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0))
        return Error{QCoreApplication::translate("sluice::source", "%1: %2").arg(owner, QString::fromUtf8(PQerrorMessage(conn)).trimmed()), Error::Kind::Unreachable};
    return streamResults(conn, owner, sink, cancel);
}

std::function<void()> PostgresConnection::interrupter()
{
    PGconn *conn = static_cast<PGconn *>(nativeHandle());
    if (!conn)
        return [] {};
    // PQcancel may be called from any thread with a PGcancel made beforehand.
    std::shared_ptr<PGcancel> cancel(PQgetCancel(conn), [](PGcancel *c) {
        if (c)
            PQfreeCancel(c);
    });
    return [cancel] {
        if (cancel) {
            char buffer[256];
            PQcancel(cancel.get(), buffer, sizeof buffer);
        }
    };
}

Result<void> PostgresConnection::streamResults(void *handle, const QString &owner, const RowSink &sink, const std::atomic_bool *cancel)
{
    auto *conn = static_cast<PGconn *>(handle);
    PQsetSingleRowMode(conn);

    QList<ColumnType> types;
    bool headerSent = false;
    bool stopped = false;
    bool cancelled = false;
    QString error;
    auto sendHeader = [&](const PGresult *res) {
        if (headerSent)
            return;
        headerSent = true;
        QList<Column> columns;
        for (int i = 0; i < PQnfields(res); ++i) {
            columns.append(describeColumn(res, i));
            types.append(columns.last().type);
        }
        if (sink.columns)
            sink.columns(columns);
    };
    auto stop = [&]() {
        stopped = true;
        if (PGcancel *c = PQgetCancel(conn)) {
            char buffer[256];
            PQcancel(c, buffer, sizeof buffer);
            PQfreeCancel(c);
        }
    };
    Row row;
    QList<TextValue> texts;
    while (PGresult *res = PQgetResult(conn)) {
        switch (PQresultStatus(res)) {
        case PGRES_SINGLE_TUPLE:
            sendHeader(res);
            if (!stopped) {
                texts.resize(types.size());
                for (int c = 0; c < types.size(); ++c)
                    texts[c] = PQgetisnull(res, 0, c) ? TextValue{} : TextValue{PQgetvalue(res, 0, c), PQgetlength(res, 0, c)};
                bool more;
                if (sink.view) {
                    const RowView view(texts.constData(), types.constData(), int(types.size()));
                    if (sink.invalidText)
                        *sink.invalidText += countInvalidText(view);
                    more = sink.view(view);
                } else {
                    row.resize(types.size());
                    for (int c = 0; c < types.size(); ++c)
                        row[c] = fromPostgresText(texts[c], types[c]);
                    more = sink.row(row);
                }
                if (!more) {
                    stop();
                } else if (cancel && cancel->load(std::memory_order_relaxed)) {
                    cancelled = true;
                    stop();
                }
            }
            break;
        case PGRES_TUPLES_OK:
            sendHeader(res);
            break;
        case PGRES_COMMAND_OK:
        case PGRES_EMPTY_QUERY:
            break;
        default:
            if (!stopped && error.isEmpty())
                error = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
            break;
        }
        PQclear(res);
    }
    return streamEnd(conn, owner, error, cancelled);
}

// Rows for a RowView sink that asks for it come through COPY (query) TO STDOUT: one buffer a
// row instead of a PGresult a row (single-row mode copies the column
// descriptions into every row's result). The text of each value is the same
// output function's; COPY only escapes backslash and control characters,
// undone here in place. The columns come from describing the query first,
// which also reports bad SQL in the warehouse's words.
Result<void> PostgresConnection::streamCopy(void *handle, const QString &owner, const QString &sql, const RowSink &sink, const std::atomic_bool *cancel)
{
    PGconn *conn = static_cast<PGconn *>(handle);
    const QByteArray text = stripTrailingSemicolons(sql).toUtf8();
    auto refused = [&](PGresult *res) {
        const QString message = QString::fromUtf8(res ? PQresultErrorMessage(res) : PQerrorMessage(conn)).trimmed();
        PQclear(res);
        return queryFailed(conn, owner, message);
    };
    PGresult *prepared = PQprepare(conn, "", text.constData(), 0, nullptr);
    if (!prepared || PQresultStatus(prepared) != PGRES_COMMAND_OK)
        return refused(prepared);
    PQclear(prepared);
    PGresult *described = PQdescribePrepared(conn, "");
    if (!described || PQresultStatus(described) != PGRES_COMMAND_OK)
        return refused(described);
    QList<Column> columns;
    QList<ColumnType> types;
    for (int i = 0; i < PQnfields(described); ++i) {
        columns.append(describeColumn(described, i));
        types.append(columns.last().type);
    }
    PQclear(described);
    if (sink.columns)
        sink.columns(columns);

    const QByteArray copy = QByteArray("COPY (") + text + QByteArray(") TO STDOUT");
    if (!PQsendQuery(conn, copy.constData()))
        return Error{QCoreApplication::translate("sluice::source", "%1: %2").arg(owner, QString::fromUtf8(PQerrorMessage(conn)).trimmed()), Error::Kind::Unreachable};
    PGresult *started = PQgetResult(conn);
    if (!started || PQresultStatus(started) != PGRES_COPY_OUT) {
        Error e = refused(started);
        while (PGresult *rest = PQgetResult(conn))
            PQclear(rest);
        return e;
    }
    PQclear(started);

    const int width = int(types.size());
    QList<TextValue> values(width);
    bool stopped = false, cancelled = false;
    char *line = nullptr;
    int length;
    while ((length = PQgetCopyData(conn, &line, 0)) > 0) {
        if (!stopped) {
            splitCopyLine(line, length, values.data(), width);
            const RowView view(values.constData(), types.constData(), width);
            if (sink.invalidText)
                *sink.invalidText += countInvalidText(view);
            if (!sink.view(view)) {
                stopped = true;
            } else if (cancel && cancel->load(std::memory_order_relaxed)) {
                stopped = cancelled = true;
            }
            if (stopped) {
                if (PGcancel *pc = PQgetCancel(conn)) {
                    char buffer[256];
                    PQcancel(pc, buffer, sizeof buffer);
                    PQfreeCancel(pc);
                }
            }
        }
        PQfreemem(line);
    }
    QString error;
    if (length == -2)
        error = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    while (PGresult *res = PQgetResult(conn)) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK && error.isEmpty() && !stopped)
            error = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
        PQclear(res);
    }
    return streamEnd(conn, owner, error, cancelled);
}

Result<QList<TableInfo>> PostgresConnection::introspect()
{
    QList<TableInfo> tables;
    RowSink sink;
    sink.row = [&](const Row &r) {
        const QString schema = r[0].toString();
        const QString table = r[1].toString();
        if (tables.isEmpty() || tables.last().schema != schema || tables.last().name != table)
            tables.append({schema, table, r[2].toString() == QLatin1String("VIEW"), {}});
        Column c;
        c.name = r[3].toString();
        c.nativeType = r[4].toString();
        const QString t = c.nativeType;
        if (t.contains(QLatin1String("int")))
            c.type = ColumnType::Integer;
        else if (t == QLatin1String("numeric"))
            c.type = ColumnType::Decimal;
        else if (t == QLatin1String("real") || t == QLatin1String("double precision"))
            c.type = ColumnType::Float;
        else if (t == QLatin1String("boolean"))
            c.type = ColumnType::Boolean;
        else if (t.startsWith(QLatin1String("timestamp")))
            c.type = ColumnType::Timestamp;
        else if (t == QLatin1String("date"))
            c.type = ColumnType::Date;
        else if (t.startsWith(QLatin1String("json")))
            c.type = ColumnType::Json;
        else if (t == QLatin1String("bytea"))
            c.type = ColumnType::Bytes;
        else
            c.type = ColumnType::Text;
        tables.last().columns.append(c);
        return true;
    };
    Result<void> r = stream(QStringLiteral(
        "SELECT c.table_schema, c.table_name, t.table_type, c.column_name, c.data_type "
        "FROM information_schema.columns c JOIN information_schema.tables t "
        "  ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
        "WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_schema NOT LIKE 'pg_toast%' "
        "ORDER BY c.table_schema, c.table_name, c.ordinal_position"), sink);
    if (!r)
        return r.error();
    return tables;
}

Result<void> PostgresConnection::compile(const QString &sql)
{
    PGconn *conn = static_cast<PGconn *>(nativeHandle());
    const QString owner = QCoreApplication::translate("sluice::source", "source %1").arg(m_name);
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return Error{QCoreApplication::translate("sluice::source", "%1: the connection was lost").arg(owner), Error::Kind::Unreachable};
    PGresult *res = PQprepare(conn, "", stripTrailingSemicolons(sql).toUtf8().constData(), 0, nullptr);
    const bool ok = res && PQresultStatus(res) == PGRES_COMMAND_OK;
    const QString message = ok ? QString() : QString::fromUtf8(res ? PQresultErrorMessage(res) : PQerrorMessage(conn)).trimmed();
    PQclear(res);
    if (!ok)
        return Error{QCoreApplication::translate("sluice::source", "%1: the warehouse refused the query: %2").arg(owner, message), Error::Kind::Query};
    return {};
}

Result<void> PostgresConnection::execute(const QString &sql)
{
    PGconn *conn = static_cast<PGconn *>(nativeHandle());
    const QString owner = QCoreApplication::translate("sluice::source", "source %1").arg(m_name);
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return Error{QCoreApplication::translate("sluice::source", "%1: the connection was lost").arg(owner), Error::Kind::Unreachable};
    PGresult *res = PQexec(conn, sql.toUtf8().constData());
    const ExecStatusType status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    const QString message = ok ? QString() : QString::fromUtf8(res ? PQresultErrorMessage(res) : PQerrorMessage(conn)).trimmed();
    PQclear(res);
    if (!ok)
        return Error{QCoreApplication::translate("sluice::source", "%1: the warehouse refused the statement: %2").arg(owner, message), Error::Kind::Query};
    return {};
}

} // namespace sluice::source
