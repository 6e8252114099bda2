#include "source/source_connection.h"
#include "common/logging.h"

#include "source/mysql_connection.h"
#include "source/postgres_connection.h"
#include "source/snowflake_connection.h"
#include "source/bigquery_connection.h"
#include "source/qtsql_connection.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace sluice::source {

Result<std::unique_ptr<SourceConnection>> SourceConnection::open(const workspace::SourceConfig &config,
                                                                 const workspace::Workspace &workspace, Access access)
{
    const QString owner = QCoreApplication::translate("sluice::source", "source %1").arg(config.name);
    QString password;
    if (config.password) {
        Result<QString> secret = workspace.resolveSecret(*config.password, owner + QCoreApplication::translate("sluice::source", ": password"));
        if (!secret)
            return secret.error();
        password = secret.value();
    }
    qCDebug(lcSource) << "connecting to source" << config.name << "(" << config.driver << ")";
    if (config.driver == QLatin1String("postgres") || config.driver == QLatin1String("redshift"))
        return PostgresConnection::connect(config, password, access == Access::ReadWrite);
    if (config.driver == QLatin1String("sqlite")) {
        const QString path = workspace.resolvePath(config.path);
        if (!QFileInfo::exists(path))
            return Error{QCoreApplication::translate("sluice::source", "%1: database file %2 does not exist").arg(owner, path), Error::Kind::Unreachable};
        return QtSqlConnection::connect(config, QStringLiteral("QSQLITE"), path, password, access == Access::ReadWrite);
    }
    if (config.driver == QLatin1String("odbc"))
        return QtSqlConnection::connect(config, QStringLiteral("QODBC"), config.database, password);
    if (config.driver == QLatin1String("bigquery"))
        return BigQueryConnection::connect(config, workspace);
    if (config.driver == QLatin1String("snowflake"))
        return SnowflakeConnection::connect(config, workspace);
    if (config.driver == QLatin1String("mysql"))
        return MysqlConnection::connect(config, password, access == Access::ReadWrite);
    return configError(QCoreApplication::translate("sluice::source", "%1: unknown driver \"%2\"").arg(owner, config.driver));
}

Result<QList<TableInfo>> SourceConnection::tablesFrom(const QString &sql)
{
    QList<TableInfo> tables;
    RowSink sink;
    sink.row = [&](const Row &r) {
        const QString schema = r.value(0).toString(), table = r.value(1).toString();
        if (tables.isEmpty() || tables.last().schema != schema || tables.last().name != table)
            tables.append({schema, table, r.value(2).toString().contains(QLatin1String("VIEW")), {}});
        const QString native = r.value(4).toString();
        tables.last().columns.append({r.value(3).toString(), columnTypeFromName(native), native});
        return true;
    };
    if (Result<void> r = stream(sql, sink); !r)
        return r.error();
    return tables;
}

QString SourceConnection::quoteLiteral(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("''"));
    out.remove(QChar(0));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString SourceConnection::backslashLiteral(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : text) {
        if (c == QChar(0))
            continue;
        if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n"); // GoogleSQL's quoted strings hold no raw line break
        else if (c == QLatin1Char('\r'))
            out += QStringLiteral("\\r");
        else if (c == QLatin1Char('\\') || c == QLatin1Char('\''))
            out.append(QLatin1Char('\\')).append(c);
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString SourceConnection::quoteIdentifier(const QString &identifier) const
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Result<QList<Column>> SourceConnection::describe(const QString &sql)
{
    if (Result<void> compiled = compile(sql); !compiled)
        return compiled.error();
    QList<Column> columns;
    RowSink sink;
    sink.columns = [&](const QList<Column> &c) { columns = c; };
    sink.row = [](const Row &) { return false; };
    Result<void> r = stream(QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(wrapModelSql(sql)), sink);
    if (!r)
        return r.error();
    return columns;
}

Result<QVariant> SourceConnection::scalar(const QString &sql)
{
    QVariant value;
    RowSink sink;
    sink.columns = [](const QList<Column> &) {};
    sink.row = [&](const Row &row) {
        value = row.value(0);
        return false;
    };
    Result<void> r = stream(sql, sink);
    if (!r)
        return r.error();
    return value;
}

QString stripTrailingSemicolons(const QString &sql)
{
    // Positions of the characters that are neither white space nor inside a
    // comment (quotes honoured); the trailing ';' among them are dropped.
    QList<qsizetype> significant;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql[i];
        const QChar next = i + 1 < sql.size() ? sql[i + 1] : QChar();
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < sql.size() && sql[i] != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const qsizetype end = sql.indexOf(QStringLiteral("*/"), i + 2);
            i = end < 0 ? sql.size() : end + 1;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            while (j < sql.size() && sql[j] != c)
                ++j;
            significant.append(qMin(j, sql.size() - 1)); // a doubled quote just reopens the string
            i = j;
        } else if (!c.isSpace()) {
            significant.append(i);
        }
    }
    QString out = sql;
    while (!significant.isEmpty() && out[significant.last()] == QLatin1Char(';'))
        out.remove(significant.takeLast(), 1);
    return out.trimmed();
}

QString wrapModelSql(const QString &sql)
{
    // The newline keeps a trailing "-- comment" from swallowing the parenthesis.
    return QStringLiteral("(\n%1\n) AS sluice_model").arg(stripTrailingSemicolons(sql));
}

} // namespace sluice::source
