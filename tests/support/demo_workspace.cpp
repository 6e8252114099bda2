#include "demo_workspace.h"

#include "workspace/workspace_init.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace sluice::test {

QString makeDemoWorkspace(const QString &parent, qint64 customers)
{
    const QString path = parent + QStringLiteral("/ws");
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = customers;
    return workspace::initWorkspace(path, options) ? path : QString();
}

bool editConfig(const QString &workspace, const std::function<void(QJsonObject &)> &edit)
{
    QFile f(workspace + QStringLiteral("/sluice.json"));
    if (!f.open(QIODevice::ReadOnly))
        return false;
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    edit(config);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(QJsonDocument(config).toJson()) > 0;
}

namespace {

// Sets `key` of the object at root[section][name].
bool setIn(const QString &workspace, const QString &section, const QString &name, const QString &key, const QJsonValue &value)
{
    return editConfig(workspace, [&](QJsonObject &root) {
        QJsonObject all = root.value(section).toObject();
        QJsonObject one = all.value(name).toObject();
        one.insert(key, value);
        all.insert(name, one);
        root.insert(section, all);
    });
}

} // namespace

bool setModelSql(const QString &workspace, const QString &model, const QString &sql)
{
    return setIn(workspace, QStringLiteral("models"), model, QStringLiteral("sql"), sql);
}

bool setSchedule(const QString &workspace, const QString &sync, const QJsonObject &schedule)
{
    return setIn(workspace, QStringLiteral("syncs"), sync, QStringLiteral("schedule"), schedule);
}

static int serial = 0;

QVariant warehouseScalar(const QString &workspace, const QString &query)
{
    const QString connection = QStringLiteral("demo-warehouse-read-%1").arg(++serial);
    QVariant value;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(workspace + QStringLiteral("/demo/warehouse.db"));
        QSqlQuery q(db);
        if (db.open() && q.exec(query) && q.next())
            value = q.value(0);
    }
    QSqlDatabase::removeDatabase(connection);
    return value;
}

bool warehouseSql(const QString &workspace, const QString &statement)
{
    const QString connection = QStringLiteral("demo-warehouse-edit-%1").arg(++serial);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(workspace + QStringLiteral("/demo/warehouse.db"));
        ok = db.open() && QSqlQuery(db).exec(statement);
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace sluice::test
