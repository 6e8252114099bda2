#include "workspace/workspace_init.h"

#include "demo/demo_warehouse.h"
#include "store/state_store.h"
#include "workspace/config_schema.h"
#include "workspace/json_text.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace sluice::workspace {

Result<void> initWorkspace(const QString &dir, const InitOptions &options,
                           const std::function<void(qint64, qint64)> &progress)
{
    QDir d(dir);
    if (d.exists(Workspace::configFileName()))
        return configError(QCoreApplication::translate("sluice::workspace", "%1 already holds a workspace (%2); choose an empty directory")
                               .arg(d.absolutePath(), Workspace::configFileName()));
    if (!QDir().mkpath(d.absolutePath()))
        return configError(QCoreApplication::translate("sluice::workspace", "cannot create directory %1").arg(d.absolutePath()));

    QJsonObject config{{QStringLiteral("version"), 1},
                       {QStringLiteral("sources"), QJsonObject()},
                       {QStringLiteral("destinations"), QJsonObject()},
                       {QStringLiteral("models"), QJsonObject()},
                       {QStringLiteral("syncs"), QJsonObject()}};
    if (options.demo) {
        demo::DemoOptions demoOptions;
        demoOptions.users = options.demoUsers;
        if (Result<void> r = demo::generateDemoWarehouse(d.filePath(QStringLiteral("demo/warehouse.db")), demoOptions,
                                                         progress);
            !r)
            return r;
        config = demo::demoWorkspaceConfig();
        if (options.demoAudiences)
            demo::addDemoAudiences(config);
        d.mkpath(QStringLiteral("out"));
    }
    // Editors that read "$schema" check and complete the file against the
    // schema of the Sluice that wrote it (sluice schema refreshes it).
    config.insert(QStringLiteral("$schema"), QString(QStringLiteral("./") + schemaFileName()));
    // Validate what we are about to write: init never leaves a broken file.
    Result<Workspace> ws = Workspace::fromText(writeJson(config, JsonLayout(), Workspace::preferredKeyOrder()),
                                               d.absolutePath());
    if (!ws)
        return ws.error();
    Result<std::unique_ptr<store::StateStore>> state = store::StateStore::open(ws->stateDbPath());
    if (!state)
        return state.error();
    (void)state.value()->appendAudit(QStringLiteral("cli"), QStringLiteral("init"), d.absolutePath(),
                                     options.demo ? QStringLiteral("demo") : QString());
    QSaveFile schema(d.filePath(schemaFileName()));
    if (schema.open(QIODevice::WriteOnly)) {
        schema.write(QJsonDocument(configSchema()).toJson(QJsonDocument::Indented));
        if (!schema.commit())
            return configError(QCoreApplication::translate("sluice::workspace", "cannot write %1: %2").arg(schema.fileName(), schema.errorString()));
    }
    QSaveFile file(d.filePath(Workspace::configFileName()));
    if (!file.open(QIODevice::WriteOnly))
        return configError(QCoreApplication::translate("sluice::workspace", "cannot write %1: %2").arg(file.fileName(), file.errorString()));
    file.write(ws->serialized());
    if (!file.commit())
        return configError(QCoreApplication::translate("sluice::workspace", "cannot write %1: %2").arg(file.fileName(), file.errorString()));
    return {};
}

} // namespace sluice::workspace
