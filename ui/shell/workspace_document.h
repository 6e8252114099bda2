#pragma once

#include "workspace/workspace.h"

#include <QByteArray>
#include <QObject>

class QFileSystemWatcher;

namespace sluice::ui {

// The open workspace, shared by every screen. Edits go through here so that
// sluice.json is validated before it is written, and screens hear of it.
// sluice.json changed by hand is picked up (a file watcher): a valid file
// is reloaded, an invalid one is reported and the last valid one kept. An
// edit made in the GUI meanwhile never overwrites the hand edit: each edit
// applies to the file as it is on disk at that moment (a merge of one
// entry), and says so.
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

    // Reads sluice.json again if it changed on disk since it was last read
    // or written; the file watcher calls it, and every edit before writing.
    void reloadIfChangedOnDisk();

signals:
    void changed();
    // sluice.json was changed outside Sluice and reloaded; `mergedEdit`: a
    // GUI edit was then applied on top of it (not over it).
    void reloadedFromDisk(bool mergedEdit);
    // sluice.json was changed outside Sluice and does not parse: the last
    // valid workspace stays in use until it is fixed.
    void invalidOnDisk(const QString &problem);

private:
    void watch();
    QByteArray diskText() const;

    workspace::Workspace m_workspace;
    QFileSystemWatcher *m_watcher;
    QByteArray m_knownText; // the file as last read or written by this document
};

} // namespace sluice::ui
