#include "source/qtsql_connection.h"

#include "source/row_view.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

namespace sluice::source {

namespace {


ColumnType typeOf(QMetaType::Type t)
{
    switch (t) {
    case QMetaType::Bool: return ColumnType::Boolean;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong: return ColumnType::Integer;
    case QMetaType::Double: return ColumnType::Float;
    case QMetaType::QByteArray: return ColumnType::Bytes;
    case QMetaType::QDateTime: return ColumnType::Timestamp;
    case QMetaType::QDate: return ColumnType::Date;
    case QMetaType::QString: return ColumnType::Text;
    default: return ColumnType::Unknown;
    }
}

QString nativeName(int metaType)
{
    switch (metaType) {
    case QMetaType::Int:
    case QMetaType::LongLong: return QStringLiteral("INTEGER");
    case QMetaType::Double: return QStringLiteral("REAL");
    case QMetaType::QByteArray: return QStringLiteral("BLOB");
    case QMetaType::QString: return QStringLiteral("TEXT");
    case QMetaType::Bool: return QStringLiteral("BOOLEAN");
    default: return QString::fromLatin1(QMetaType(metaType).name());
    }
}

QVariant normalize(const QVariant &v)
{
    if (v.isNull())
        return QVariant();
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong: return QVariant(v.toLongLong());
    case QMetaType::QDateTime: {
        // Drivers give a timestamp's wall clock without its zone (the server's
        // session zone, UTC by Sluice's convention): read as UTC, not shifted
        // by this workstation's zone.
        const QDateTime dt = v.toDateTime();
        const QDateTime utc = dt.timeSpec() == Qt::LocalTime ? QDateTime(dt.date(), dt.time(), Qt::UTC) : dt.toUTC();
        return QVariant(utc.toString(Qt::ISODateWithMs));
    }
    case QMetaType::QDate: return QVariant(v.toDate().toString(Qt::ISODate));
    default: return v;
    }
}

// ODBC reports DECIMAL and NUMERIC as doubles; its SQL type codes tell them apart.
bool isOdbcDecimal(const QSqlField &f)
{
    const int sqlType = f.typeID();
    return sqlType == 2 /* SQL_NUMERIC */ || sqlType == 3 /* SQL_DECIMAL */;
}

// Refused credentials, a missing database and an unreachable server told
// apart in the words drivers use for them.
Error connectFailed(const QString &owner, const QSqlError &error)
{
    const QString message = (error.databaseText().isEmpty() ? error.text() : error.databaseText()).trimmed();
    const QString m = message.toLower();
    if (m.contains(QLatin1String("password")) || m.contains(QLatin1String("authentication failed")) || m.contains(QLatin1String("access denied"))
        || m.contains(QLatin1String("login failed")))
        return {QCoreApplication::translate("sluice::source", "%1: the server refused the credentials (check user and password): %2").arg(owner, message),
                Error::Kind::Refused};
    if (m.contains(QLatin1String("data source name not found")) || m.contains(QLatin1String("can't open lib")))
        return {QCoreApplication::translate("sluice::source", "%1: no such ODBC data source or driver (see odbc.ini and odbcinst.ini): %2").arg(owner, message),
                Error::Kind::Config};
    if (m.contains(QLatin1String("database")) && m.contains(QLatin1String("does not exist")))
        return {QCoreApplication::translate("sluice::source", "%1: the server is reachable but the database does not exist: %2").arg(owner, message),
                Error::Kind::Unreachable};
    return {QCoreApplication::translate("sluice::source", "%1: cannot connect: %2").arg(owner, message), Error::Kind::Unreachable};
}

} // namespace

QtSqlConnection::QtSqlConnection(QString name, QString driver, QString connection)
    : SourceConnection(std::move(name)), m_driver(std::move(driver)), m_connection(std::move(connection))
{
}

QtSqlConnection::~QtSqlConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<SourceConnection>> QtSqlConnection::connect(const workspace::SourceConfig &config,
                                                                   const QString &qtDriver, const QString &database,
                                                                   const QString &password, bool writable)
{
    static std::atomic_int counter{0};
    const QString owner = QCoreApplication::translate("sluice::source", "source %1").arg(config.name);
    if (!QSqlDatabase::isDriverAvailable(qtDriver))
        return configError(QCoreApplication::translate("sluice::source", "%1: Qt's %2 driver is not installed on this machine").arg(owner, qtDriver));
    const QString connection = QStringLiteral("sluice-src-%1-%2").arg(config.name).arg(counter.fetch_add(1));
    std::unique_ptr<QtSqlConnection> self(new QtSqlConnection(config.name, config.driver, connection));
    QSqlDatabase db = QSqlDatabase::addDatabase(qtDriver, connection);
    db.setDatabaseName(database);
    if (qtDriver == QLatin1String("QSQLITE")) {
        // Sluice only reads a warehouse; read-only also keeps a typo from creating a new empty file.
        db.setConnectOptions(writable ? QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000")
                                      : QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(config.host);
        if (config.port > 0)
            db.setPort(config.port);
        db.setUserName(config.user);
        db.setPassword(password);
    }
    if (qtDriver == QLatin1String("QODBC"))
        db.setConnectOptions(QStringLiteral("SQL_ATTR_LOGIN_TIMEOUT=%1").arg(qMax(1, config.connectTimeoutSeconds)));
    if (!db.open())
        return connectFailed(owner, db.lastError());
    return std::unique_ptr<SourceConnection>(std::move(self));
}

QString QtSqlConnection::quoteIdentifier(const QString &identifier) const
{
    const QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    return db.driver()->escapeIdentifier(identifier, QSqlDriver::FieldName);
}

QString QtSqlConnection::castToText(const QString &expression) const
{
    if (m_driver == QLatin1String("odbc"))
        return QStringLiteral("CAST(%1 AS VARCHAR(4000))").arg(expression);
    return SourceConnection::castToText(expression);
}

Result<void> QtSqlConnection::stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel)
{
    return streamParams(sql, {}, sink, cancel);
}

Result<void> QtSqlConnection::streamParams(const QString &sql, const QVariantList &params, const RowSink &sink,
                                           const std::atomic_bool *cancel)
{
    const QString owner = QCoreApplication::translate("sluice::source", "source %1").arg(m_name);
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.setNumericalPrecisionPolicy(QSql::HighPrecision); // DECIMAL as its exact digits
    bool ok = false;
    if (params.isEmpty()) {
        ok = q.exec(sql);
    } else if (q.prepare(sql)) {
        for (const QVariant &v : params)
            q.addBindValue(v);
        ok = q.exec();
    }
    if (!ok)
        return Error{QCoreApplication::translate("sluice::source", "%1: the warehouse refused the query: %2").arg(owner, q.lastError().text()), Error::Kind::Query};
    const QSqlRecord record = q.record();
    QList<Column> columns;
    QList<bool> inferred;
    for (int i = 0; i < record.count(); ++i) {
        const QSqlField f = record.field(i);
        columns.append({f.name(), typeOf(static_cast<QMetaType::Type>(f.metaType().id())),
                        nativeName(f.metaType().id())});
        if (m_driver == QLatin1String("odbc") && isOdbcDecimal(f))
            columns.last() = {f.name(), ColumnType::Decimal, QStringLiteral("DECIMAL")};
        inferred.append(columns.last().type != ColumnType::Unknown);
    }
    bool headerSent = false;
    Row row(record.count());
    auto sendHeader = [&] {
        if (!headerSent && sink.columns)
            sink.columns(columns);
        headerSent = true;
    };
    while (q.next()) {
        for (int i = 0; i < row.size(); ++i) {
            row[i] = normalize(q.value(i));
            if (columns[i].type == ColumnType::Float && row[i].typeId() == QMetaType::QString)
                row[i] = row[i].toDouble(); // the exact-digits policy gives floats as text too
        }
        if (!headerSent) {
            // SQLite gives expression columns no declared type; the first row tells.
            for (int i = 0; i < row.size(); ++i)
                if (!inferred[i] && !row[i].isNull())
                    columns[i].type = typeOf(static_cast<QMetaType::Type>(row[i].typeId()));
            sendHeader();
        }
        if (sink.invalidText)
            *sink.invalidText += countInvalidText(RowView(row));
        if (!(sink.view ? sink.view(RowView(row)) : sink.row(row)))
            return {};
        if (cancel && cancel->load(std::memory_order_relaxed))
            return Error{QCoreApplication::translate("sluice::source", "%1: cancelled").arg(owner), Error::Kind::Cancelled};
    }
    if (q.lastError().isValid())
        return Error{QCoreApplication::translate("sluice::source", "%1: the warehouse failed the query: %2").arg(owner, q.lastError().text()), Error::Kind::Query};
    sendHeader();
    return {};
}

Result<QList<TableInfo>> QtSqlConnection::introspect()
{
    if (m_driver == QLatin1String("odbc"))
        return introspectInformationSchema();
    const QSqlDatabase db = QSqlDatabase::database(m_connection);
    QList<TableInfo> out;
    const QStringList tables = db.tables(QSql::Tables);
    const QStringList views = db.tables(QSql::Views);
    for (const QStringList *list : {&tables, &views}) {
        for (const QString &name : *list) {
            if (name.startsWith(QLatin1String("sqlite_")))
                continue;
            TableInfo t{QStringLiteral("main"), name, list == &views, {}};
            const QSqlRecord r = db.record(name);
            for (int i = 0; i < r.count(); ++i)
                t.columns.append({r.fieldName(i), typeOf(static_cast<QMetaType::Type>(r.field(i).metaType().id())),
                                  nativeName(r.field(i).metaType().id())});
            out.append(t);
        }
    }
    std::sort(out.begin(), out.end(), [](const TableInfo &a, const TableInfo &b) { return a.name < b.name; });
    return out;
}

// ODBC tables and columns from INFORMATION_SCHEMA, which the warehouses
// reached through ODBC share (PostgreSQL, SQL Server, Snowflake, Redshift,
// MySQL), with each type named as the warehouse names it.
Result<QList<TableInfo>> QtSqlConnection::introspectInformationSchema()
{
    return tablesFrom(QStringLiteral(
        "SELECT c.table_schema, c.table_name, t.table_type, c.column_name, c.data_type "
        "FROM information_schema.columns c JOIN information_schema.tables t "
        "  ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
        "WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema', 'INFORMATION_SCHEMA', 'sys', 'mysql', 'performance_schema') "
        "ORDER BY c.table_schema, c.table_name, c.ordinal_position"));
}

Result<void> QtSqlConnection::compile(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.prepare(stripTrailingSemicolons(sql)))
        return Error{QCoreApplication::translate("sluice::source", "source %1: the warehouse refused the query: %2").arg(m_name, q.lastError().text()), Error::Kind::Query};
    return {};
}

Result<void> QtSqlConnection::execute(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql))
        return Error{QCoreApplication::translate("sluice::source", "source %1: the warehouse refused the statement: %2").arg(m_name, q.lastError().text()),
                     Error::Kind::Query};
    return {};
}

} // namespace sluice::source
