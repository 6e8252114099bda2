#include "hardening_fixture.h"

#include "workspace/workspace_init.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

namespace sluice::test {

HardeningFixture::Run HardeningFixture::sluice(const QStringList &args, const QStringList &env)
{
    QProcess p;
    QStringList environment = QProcess::systemEnvironment();
    environment.append(env);
    p.setEnvironment(environment);
    p.start(QStringLiteral(SLUICE_BINARY), args + QStringList{QStringLiteral("--workspace"), m_ws});
    p.waitForFinished(180000);
    return {p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object(), p.readAllStandardError()};
}

void HardeningFixture::writeConfig(const QJsonObject &config)
{
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
}

void HardeningFixture::writeHookConfig(const QString &url, const QJsonObject &extra)
{
    QJsonObject hook{{QStringLiteral("type"), QStringLiteral("webhook")},
                     {QStringLiteral("url"), url},
                     {QStringLiteral("batch_size"), 20},
                     {QStringLiteral("concurrency"), 2},
                     {QStringLiteral("timeout_s"), 2},
                     {QStringLiteral("backoff_ms"), 50},
                     {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Authorization"), QJsonObject{{QStringLiteral("env"), QStringLiteral("HOOK_TOKEN")}}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        hook.insert(it.key(), it.value());
    const QJsonArray fields{QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")}},
                            QJsonObject{{QStringLiteral("source"), QStringLiteral("first_name")}, {QStringLiteral("destination"), QStringLiteral("first_name")}}};
    writeConfig(QJsonObject{
        {QStringLiteral("version"), 1},
        {QStringLiteral("sources"), QJsonObject{{QStringLiteral("demo"), QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")}, {QStringLiteral("path"), QStringLiteral("demo/warehouse.db")}}}}},
        {QStringLiteral("destinations"), QJsonObject{{QStringLiteral("hook"), hook}}},
        {QStringLiteral("models"), QJsonObject{{QStringLiteral("customers"), QJsonObject{{QStringLiteral("source"), QStringLiteral("demo")},
                                                                                        {QStringLiteral("primary_key"), QStringLiteral("customer_id")},
                                                                                        {QStringLiteral("sql"), QStringLiteral("select customer_id, email, first_name from customer_360")}}}}},
        {QStringLiteral("syncs"), QJsonObject{{QStringLiteral("to_hook"), QJsonObject{{QStringLiteral("model"), QStringLiteral("customers")},
                                                                                      {QStringLiteral("destination"), QStringLiteral("hook")},
                                                                                      {QStringLiteral("mode"), QStringLiteral("upsert")},
                                                                                      {QStringLiteral("fields"), fields}}}}}});
}

QJsonObject HardeningFixture::fileConfig(const QString &type, const QString &path, const QJsonObject &syncExtra)
{
    const QJsonArray fields{QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")}},
                            QJsonObject{{QStringLiteral("source"), QStringLiteral("first_name")}, {QStringLiteral("destination"), QStringLiteral("first_name")}}};
    QJsonObject sync{{QStringLiteral("model"), QStringLiteral("customers")}, {QStringLiteral("destination"), QStringLiteral("file")},
                     {QStringLiteral("mode"), QStringLiteral("mirror")}, {QStringLiteral("fields"), fields}};
    for (auto it = syncExtra.begin(); it != syncExtra.end(); ++it)
        sync.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("version"), 1},
        {QStringLiteral("sources"), QJsonObject{{QStringLiteral("demo"), QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")}, {QStringLiteral("path"), QStringLiteral("demo/warehouse.db")}}}}},
        {QStringLiteral("destinations"), QJsonObject{{QStringLiteral("file"), QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("path"), path}}}}},
        {QStringLiteral("models"), QJsonObject{{QStringLiteral("customers"), QJsonObject{{QStringLiteral("source"), QStringLiteral("demo")},
                                                                                        {QStringLiteral("primary_key"), QStringLiteral("customer_id")},
                                                                                        {QStringLiteral("sql"), QStringLiteral("select customer_id, email, first_name from customer_360")}}}}},
        {QStringLiteral("syncs"), QJsonObject{{QStringLiteral("to_file"), sync}}}};
}

bool HardeningFixture::sql(const QString &statement)
{
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        db.setDatabaseName(m_ws + QStringLiteral("/demo/warehouse.db"));
        ok = db.open() && QSqlQuery(db).exec(statement);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
    return ok;
}

void HardeningFixture::setUpWorkspace()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sink = std::make_unique<WebhookSink>();
    m_ws = m_dir->filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = kRows;
    QVERIFY(workspace::initWorkspace(m_ws, options).ok());
    writeHookConfig(m_sink->url());
    qputenv("HOOK_TOKEN", "Bearer hardening-s3cr3t");
}

void HardeningFixture::tearDownWorkspace()
{
    m_sink.reset();
    m_dir.reset();
}

// #10.1: a 3xx is never a delivery, and the records are still to send.

} // namespace sluice::test
