#include "source/mysql_connection.h"

#include "source/row_view.h"

#include <QCoreApplication>

#include <mysql.h>
#include <mysqld_error.h>
#include <errmsg.h>

#include <climits>

namespace sluice::source {

namespace {

QString errorText(MYSQL *mysql)
{
    return QString::fromUtf8(mysql_error(mysql)).trimmed();
}

bool isBinary(const MYSQL_FIELD &f)
{
    return f.charsetnr == 63; // the "binary" character set: bytes, not text
}

Column columnOf(const MYSQL_FIELD &f)
{
    Column c;
    c.name = QString::fromUtf8(f.name, int(f.name_length));
    const bool isUnsigned = f.flags & UNSIGNED_FLAG;
    switch (f.type) {
    case MYSQL_TYPE_TINY: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("tinyint"); break;
    case MYSQL_TYPE_SHORT: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("smallint"); break;
    case MYSQL_TYPE_INT24: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("mediumint"); break;
    case MYSQL_TYPE_LONG: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("int"); break;
    case MYSQL_TYPE_LONGLONG: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("bigint"); break;
    case MYSQL_TYPE_YEAR: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("year"); break;
    case MYSQL_TYPE_BIT: c.type = ColumnType::Integer; c.nativeType = QStringLiteral("bit"); break;
    case MYSQL_TYPE_DECIMAL:
    case MYSQL_TYPE_NEWDECIMAL: c.type = ColumnType::Decimal; c.nativeType = QStringLiteral("decimal"); break;
    case MYSQL_TYPE_FLOAT: c.type = ColumnType::Float; c.nativeType = QStringLiteral("float"); break;
    case MYSQL_TYPE_DOUBLE: c.type = ColumnType::Float; c.nativeType = QStringLiteral("double"); break;
    case MYSQL_TYPE_TIMESTAMP:
    case MYSQL_TYPE_TIMESTAMP2: c.type = ColumnType::Timestamp; c.nativeType = QStringLiteral("timestamp"); break;
    case MYSQL_TYPE_DATETIME:
    case MYSQL_TYPE_DATETIME2: c.type = ColumnType::Timestamp; c.nativeType = QStringLiteral("datetime"); break;
    case MYSQL_TYPE_DATE:
    case MYSQL_TYPE_NEWDATE: c.type = ColumnType::Date; c.nativeType = QStringLiteral("date"); break;
    case MYSQL_TYPE_TIME:
    case MYSQL_TYPE_TIME2: c.type = ColumnType::Text; c.nativeType = QStringLiteral("time"); break;
    case MYSQL_TYPE_JSON: c.type = ColumnType::Json; c.nativeType = QStringLiteral("json"); break;
    case MYSQL_TYPE_NULL: c.type = ColumnType::Unknown; c.nativeType = QStringLiteral("null"); break;
    case MYSQL_TYPE_GEOMETRY: c.type = ColumnType::Bytes; c.nativeType = QStringLiteral("geometry"); break;
    case MYSQL_TYPE_ENUM: c.type = ColumnType::Text; c.nativeType = QStringLiteral("enum"); break;
    case MYSQL_TYPE_SET: c.type = ColumnType::Text; c.nativeType = QStringLiteral("set"); break;
    default: // CHAR, VARCHAR, TEXT and BLOB kinds: text unless the character set is binary
        c.type = isBinary(f) ? ColumnType::Bytes : ColumnType::Text;
        c.nativeType = (f.flags & ENUM_FLAG) ? QStringLiteral("enum")
                       : (f.flags & SET_FLAG) ? QStringLiteral("set")
                       : isBinary(f)          ? QStringLiteral("binary")
                                              : QStringLiteral("varchar");
        break;
    }
    // MariaDB's JSON is LONGTEXT with a check; the extended metadata says so.
    MARIADB_CONST_STRING format{nullptr, 0};
    if (c.type == ColumnType::Text && mariadb_field_attr(&format, &f, MARIADB_FIELD_ATTR_FORMAT_NAME) == 0 && format.length == 4
        && qstrnicmp(format.str, "json", 4) == 0) {
        c.type = ColumnType::Json;
        c.nativeType = QStringLiteral("json");
    }
    if (isUnsigned && c.type == ColumnType::Integer)
        c.nativeType += QStringLiteral(" unsigned");
    return c;
}

// One value of the text protocol as Sluice represents it (the same values a
// PostgreSQL source gives for the same types).
QVariant valueOf(const char *data, unsigned long length, const MYSQL_FIELD &f, const Column &c)
{
    if (!data)
        return QVariant();
    const QByteArray raw = QByteArray::fromRawData(data, qsizetype(length));
    switch (c.type) {
    case ColumnType::Integer: {
        if (f.type == MYSQL_TYPE_BIT) { // big-endian bytes
            quint64 v = 0;
            for (const char b : raw)
                v = (v << 8) | quint8(b);
            return QVariant(qint64(v));
        }
        bool ok = false;
        const qint64 v = raw.toLongLong(&ok);
        if (ok)
            return QVariant(v);
        return QVariant(QString::fromLatin1(raw)); // an unsigned BIGINT past 2^63: its digits, exact
    }
    case ColumnType::Float: return QVariant(raw.toDouble());
    case ColumnType::Timestamp:
        if (raw.startsWith("0000-00-00"))
            return QVariant(QString::fromLatin1(raw)); // MySQL's "zero" date: no instant, kept as written
        return QVariant(QString::fromLatin1(isoTimestamp(data, int(length))));
    case ColumnType::Bytes: return QVariant(QByteArray(data, qsizetype(length)));
    case ColumnType::Decimal:
    case ColumnType::Date: return QVariant(QString::fromLatin1(raw));
    default: return QVariant(QString::fromUtf8(raw));
    }
}

// The statement with each `?` outside quotes and comments replaced by the
// escaped literal of the next value.
QString bindParams(MYSQL *mysql, const QString &sql, const QVariantList &params)
{
    QString out;
    qsizetype next = 0;
    QChar quote;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar ch = sql[i];
        if (!quote.isNull()) {
            if (ch == quote)
                quote = QChar();
        } else if (ch == QLatin1Char('\'') || ch == QLatin1Char('"') || ch == QLatin1Char('`')) {
            quote = ch;
        } else if (ch == QLatin1Char('?') && next < params.size()) {
            const QVariant &v = params[next++];
            if (v.isNull()) {
                out += QStringLiteral("NULL");
            } else {
                const QByteArray text = v.toString().toUtf8();
                QByteArray escaped(text.size() * 2 + 1, Qt::Uninitialized);
                const unsigned long n = mysql_real_escape_string(mysql, escaped.data(), text.constData(), text.size());
                escaped.resize(qsizetype(n));
                out += QLatin1Char('\'') + QString::fromUtf8(escaped) + QLatin1Char('\'');
            }
            continue;
        }
        out += ch;
    }
    return out;
}

} // namespace

struct MysqlConnection::Handle
{
    MYSQL *mysql = nullptr;
    ~Handle()
    {
        if (mysql)
            mysql_close(mysql);
    }
};

namespace {

// A new client connection with Sluice's session settings; `error` and the
// returned handle's errno tell why not.
MYSQL *openClient(const workspace::SourceConfig &config, const QString &password, QString *error, unsigned *code)
{
    static const bool initialized = mysql_library_init(0, nullptr, nullptr) == 0;
    Q_UNUSED(initialized)
    MYSQL *mysql = mysql_init(nullptr);
    const unsigned timeout = unsigned(qMax(1, config.connectTimeoutSeconds));
    mysql_optionsv(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_optionsv(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    mysql_optionsv(mysql, MYSQL_READ_DEFAULT_GROUP, nullptr);
    const QByteArray host = config.host.toUtf8(), user = config.user.toUtf8(), pw = password.toUtf8(), db = config.database.toUtf8();
    if (!mysql_real_connect(mysql, host.isEmpty() ? nullptr : host.constData(), user.constData(), pw.constData(),
                            db.isEmpty() ? nullptr : db.constData(), unsigned(config.port > 0 ? config.port : 3306), nullptr, 0)) {
        *error = errorText(mysql);
        *code = mysql_errno(mysql);
        mysql_close(mysql);
        return nullptr;
    }
    return mysql;
}

} // namespace

MysqlConnection::MysqlConnection(QString name, workspace::SourceConfig config, QString password)
    : SourceConnection(std::move(name)), m_handle(std::make_unique<Handle>()), m_config(std::move(config)),
      m_password(std::move(password))
{
}

MysqlConnection::~MysqlConnection() = default;

QString MysqlConnection::owner() const
{
    return QCoreApplication::translate("sluice::source", "source %1").arg(m_name);
}

Error MysqlConnection::failure(const QString &what) const
{
    const unsigned code = mysql_errno(m_handle->mysql);
    const QString message = errorText(m_handle->mysql);
    if (code == CR_SERVER_LOST || code == CR_SERVER_GONE_ERROR)
        return {QCoreApplication::translate("sluice::source", "%1: the connection was lost: %2").arg(owner(), message), Error::Kind::Unreachable};
    if (code == ER_QUERY_INTERRUPTED)
        return {QCoreApplication::translate("sluice::source", "%1: cancelled").arg(owner()), Error::Kind::Cancelled};
    return {what.arg(owner(), message), Error::Kind::Query};
}

Result<std::unique_ptr<SourceConnection>> MysqlConnection::connect(const workspace::SourceConfig &config,
                                                                   const QString &password, bool writable)
{
    const QString owner = QCoreApplication::translate("sluice::source", "source %1").arg(config.name);
    QString error;
    unsigned code = 0;
    MYSQL *mysql = openClient(config, password, &error, &code);
    if (!mysql) {
        if (code == ER_ACCESS_DENIED_ERROR || code == ER_DBACCESS_DENIED_ERROR)
            return Error{QCoreApplication::translate("sluice::source", "%1: the server refused the credentials (check user and password): %2").arg(owner, error), Error::Kind::Refused};
        if (code == ER_BAD_DB_ERROR)
            return Error{QCoreApplication::translate("sluice::source", "%1: the server is reachable but the database does not exist: %2").arg(owner, error), Error::Kind::Unreachable};
        if (error.contains(QLatin1String("timeout"), Qt::CaseInsensitive) || error.contains(QLatin1String("timed out"), Qt::CaseInsensitive))
            return Error{QCoreApplication::translate("sluice::source", "%1: no answer from the host within the connect timeout: %2").arg(owner, error), Error::Kind::Unreachable};
        return Error{QCoreApplication::translate("sluice::source", "%1: cannot reach the server (check host, port and network): %2").arg(owner, error), Error::Kind::Unreachable};
    }
    std::unique_ptr<MysqlConnection> self(new MysqlConnection(config.name, config, password));
    self->m_handle->mysql = mysql;
    const char *session = "SET time_zone = '+00:00', "
                          "sql_mode = CONCAT_WS(',', NULLIF(@@sql_mode, ''), 'PIPES_AS_CONCAT', 'NO_BACKSLASH_ESCAPES')";
    if (Result<void> r = self->execute(QString::fromLatin1(session)); !r)
        return r.error();
    // MariaDB has utf8mb4_nopad_bin, MySQL 8 utf8mb4_0900_bin; older servers
    // only the PAD SPACE utf8mb4_bin.
    Result<QVariant> collation = self->scalar(QStringLiteral(
        "SELECT COLLATION_NAME FROM information_schema.COLLATIONS WHERE COLLATION_NAME IN ('utf8mb4_nopad_bin', 'utf8mb4_0900_bin') "
        "ORDER BY COLLATION_NAME DESC LIMIT 1"));
    if (!collation)
        return collation.error();
    if (!collation->toString().isEmpty())
        self->m_exactCollation = collation->toString();
    if (!writable) {
        if (Result<void> r = self->setReadOnly(true); !r)
            return r.error();
    }
    return std::unique_ptr<SourceConnection>(std::move(self));
}

Result<void> MysqlConnection::setReadOnly(bool readOnly)
{
    // Every later statement runs in a read-only transaction: a model whose SQL
    // writes is refused by the server itself.
    return execute(readOnly ? QStringLiteral("SET SESSION TRANSACTION READ ONLY") : QStringLiteral("SET SESSION TRANSACTION READ WRITE"));
}

QString MysqlConnection::quoteIdentifier(const QString &identifier) const
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('`'), QStringLiteral("``"));
    return QLatin1Char('`') + escaped + QLatin1Char('`');
}

QString MysqlConnection::castToText(const QString &expression) const
{
    return QStringLiteral("CAST(%1 AS CHAR CHARACTER SET utf8mb4) COLLATE %2").arg(expression, m_exactCollation);
}

Result<void> MysqlConnection::stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel)
{
    MYSQL *mysql = m_handle->mysql;
    const QByteArray text = sql.toUtf8();
    if (mysql_real_query(mysql, text.constData(), (unsigned long)text.size()) != 0)
        return failure(QCoreApplication::translate("sluice::source", "%1: the warehouse refused the query: %2"));
    MYSQL_RES *result = mysql_use_result(mysql); // rows arrive as they are read: nothing buffered
    if (!result) {
        if (mysql_field_count(mysql) != 0)
            return failure(QCoreApplication::translate("sluice::source", "%1: the warehouse failed the query: %2"));
        if (sink.columns)
            sink.columns({});
        return {};
    }
    std::unique_ptr<MYSQL_RES, void (*)(MYSQL_RES *)> owned(result, mysql_free_result);
    const unsigned width = mysql_num_fields(result);
    const MYSQL_FIELD *fields = mysql_fetch_fields(result);
    QList<Column> columns;
    for (unsigned i = 0; i < width; ++i)
        columns.append(columnOf(fields[i]));
    if (sink.columns)
        sink.columns(columns);
    Row row(width);
    while (MYSQL_ROW r = mysql_fetch_row(result)) {
        const unsigned long *lengths = mysql_fetch_lengths(result);
        for (unsigned i = 0; i < width; ++i)
            row[i] = valueOf(r[i], lengths[i], fields[i], columns[i]);
        if (sink.invalidText)
            *sink.invalidText += countInvalidText(RowView(row));
        if (!(sink.view ? sink.view(RowView(row)) : sink.row(row))) {
            // The rest of the rows are still on the wire and mysql_free_result
            // reads them all: a few are read here; past those, the statement
            // is stopped instead.
            for (int more = 0; more < 1000; ++more)
                if (!mysql_fetch_row(result))
                    return {};
            interrupter()();
            return {};
        }
        if (cancel && cancel->load(std::memory_order_relaxed)) {
            interrupter()();
            return Error{QCoreApplication::translate("sluice::source", "%1: cancelled").arg(owner()), Error::Kind::Cancelled};
        }
    }
    if (mysql_errno(mysql) != 0) {
        if (cancel && cancel->load())
            return Error{QCoreApplication::translate("sluice::source", "%1: cancelled").arg(owner()), Error::Kind::Cancelled};
        return failure(QCoreApplication::translate("sluice::source", "%1: the warehouse failed the query: %2"));
    }
    return {};
}

Result<void> MysqlConnection::streamParams(const QString &sql, const QVariantList &params, const RowSink &sink,
                                           const std::atomic_bool *cancel)
{
    return stream(params.isEmpty() ? sql : bindParams(m_handle->mysql, sql, params), sink, cancel);
}

std::function<void()> MysqlConnection::interrupter()
{
    // KILL QUERY from a connection of its own: callable from any thread, it
    // stops the statement and leaves this connection usable.
    const unsigned long id = mysql_thread_id(m_handle->mysql);
    workspace::SourceConfig config = m_config;
    QString password = m_password;
    return [id, config, password] {
        QString error;
        unsigned code = 0;
        if (MYSQL *killer = openClient(config, password, &error, &code)) {
            const QByteArray kill = QByteArray("KILL QUERY ") + QByteArray::number(qulonglong(id));
            mysql_real_query(killer, kill.constData(), (unsigned long)kill.size());
            mysql_close(killer);
        }
    };
}

Result<QList<TableInfo>> MysqlConnection::introspect()
{
    return tablesFrom(QStringLiteral(
        "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, t.TABLE_TYPE, c.COLUMN_NAME, c.COLUMN_TYPE "
        "FROM information_schema.COLUMNS c JOIN information_schema.TABLES t "
        "  ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME "
        "WHERE c.TABLE_SCHEMA NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys') "
        "ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION"));
}

Result<void> MysqlConnection::compile(const QString &sql)
{
    // A prepared statement is parsed and its names resolved, not run.
    MYSQL_STMT *stmt = mysql_stmt_init(m_handle->mysql);
    const QByteArray text = stripTrailingSemicolons(sql).toUtf8();
    const bool ok = stmt && mysql_stmt_prepare(stmt, text.constData(), (unsigned long)text.size()) == 0;
    const QString message = ok ? QString() : QString::fromUtf8(stmt ? mysql_stmt_error(stmt) : mysql_error(m_handle->mysql)).trimmed();
    if (stmt)
        mysql_stmt_close(stmt);
    if (!ok)
        return Error{QCoreApplication::translate("sluice::source", "%1: the warehouse refused the query: %2").arg(owner(), message), Error::Kind::Query};
    return {};
}

Result<void> MysqlConnection::execute(const QString &sql)
{
    MYSQL *mysql = m_handle->mysql;
    const QByteArray text = sql.toUtf8();
    if (mysql_real_query(mysql, text.constData(), (unsigned long)text.size()) != 0)
        return failure(QCoreApplication::translate("sluice::source", "%1: the warehouse refused the statement: %2"));
    if (MYSQL_RES *result = mysql_store_result(mysql))
        mysql_free_result(result);
    return {};
}

} // namespace sluice::source
