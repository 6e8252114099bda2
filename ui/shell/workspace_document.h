#pragma once

#include "workspace/workspace.h"

#include <QObject>

namespace sluice::ui {

// The open workspace, shared by every screen. Edits go through here so that
// sluice.json is validated before it is written, and screens hear of it.
class WorkspaceDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WorkspaceDocument)

public:
    explicit WorkspaceDocument(workspace::Workspace workspace, QObject *parent = nullptr);

    const workspace::Workspace &workspace() const { return m_workspace; }
    // Sets a model's SQL and primary key, validates, and saves sluice.json.
    Result<void> updateModel(const QString &name, const QString &sql, const QStringList &primaryKey);
    // Replaces (or adds) a model's whole object; validated, then saved.
    Result<void> setModel(const QString &name, const QJsonObject &model);
    Result<void> removeModel(const QString &name);
    // Any section's entry ("sources", "destinations", "models", "syncs").
    Result<void> setEntry(const QString &section, const QString &name, const QJsonObject &entry);
    Result<void> removeEntry(const QString &section, const QString &name);
    // Replaces the whole document (an import); validated, then saved.
    Result<void> replaceJson(const QJsonObject &json);

signals:
    void changed();

private:
    workspace::Workspace m_workspace;
};

} // namespace sluice::ui
