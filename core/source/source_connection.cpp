#include "source/source_connection.h"

#include "source/postgres_connection.h"
#include "source/qtsql_connection.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

namespace sluice::source {

namespace {
QString tr(const char *s) { return QCoreApplication::translate("sluice::source", s); }
} // namespace

Result<std::unique_ptr<SourceConnection>> SourceConnection::open(const workspace::SourceConfig &config,
                                                                 const workspace::Workspace &workspace)
{
    const QString owner = tr("source %1").arg(config.name);
    QString password;
    if (config.password) {
        Result<QString> secret = workspace.resolveSecret(*config.password, owner + tr(": password"));
        if (!secret)
            return secret.error();
        password = secret.value();
    }
    if (config.driver == QLatin1String("postgres"))
        return PostgresConnection::connect(config, password);
    if (config.driver == QLatin1String("sqlite")) {
        const QString path = workspace.resolvePath(config.path);
        if (!QFileInfo::exists(path))
            return Error{tr("%1: database file %2 does not exist").arg(owner, path), Error::Kind::Unreachable};
        return QtSqlConnection::connect(config, QStringLiteral("QSQLITE"), path, password);
    }
    if (config.driver == QLatin1String("odbc"))
        return QtSqlConnection::connect(config, QStringLiteral("QODBC"), config.database, password);
    if (config.driver == QLatin1String("mysql"))
        return QtSqlConnection::connect(config, QStringLiteral("QMYSQL"), config.database, password);
    return configError(tr("%1: unknown driver \"%2\"").arg(owner, config.driver));
}

QString SourceConnection::quoteIdentifier(const QString &identifier) const
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

Result<QList<Column>> SourceConnection::describe(const QString &sql)
{
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

QString wrapModelSql(const QString &sql)
{
    QString body = sql.trimmed();
    while (body.endsWith(QLatin1Char(';')))
        body = body.chopped(1).trimmed();
    // The newline keeps a trailing "-- comment" from swallowing the parenthesis.
    return QStringLiteral("(\n%1\n) AS sluice_model").arg(body);
}

} // namespace sluice::source
