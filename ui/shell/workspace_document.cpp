#include "shell/workspace_document.h"

#include <QFile>
#include <QFileSystemWatcher>
#include <QJsonArray>

namespace sluice::ui {

WorkspaceDocument::WorkspaceDocument(workspace::Workspace workspace, QObject *parent)
    : QObject(parent), m_workspace(std::move(workspace)), m_watcher(new QFileSystemWatcher(this))
{
    m_knownText = diskText();
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] {
        watch(); // an editor that saves by rename replaces the file: watch the new one
        reloadIfChangedOnDisk();
    });
    // A save by rename can briefly leave no file to watch: the directory tells when it is back.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] {
        watch();
        reloadIfChangedOnDisk();
    });
    watch();
}

void WorkspaceDocument::watch()
{
    if (!m_watcher->files().contains(m_workspace.configPath()) && QFile::exists(m_workspace.configPath()))
        m_watcher->addPath(m_workspace.configPath());
    if (!m_watcher->directories().contains(m_workspace.dir()))
        m_watcher->addPath(m_workspace.dir());
}

QByteArray WorkspaceDocument::diskText() const
{
    QFile f(m_workspace.configPath());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void WorkspaceDocument::reloadIfChangedOnDisk()
{
    const QByteArray text = diskText();
    if (text.isEmpty() || text == m_knownText)
        return;
    m_knownText = text;
    Result<workspace::Workspace> reread = workspace::Workspace::fromText(text, m_workspace.dir());
    if (!reread) {
        emit invalidOnDisk(reread.error().message);
        return;
    }
    m_workspace = std::move(reread).value();
    emit changed();
    emit reloadedFromDisk(false);
}

Result<void> WorkspaceDocument::updateModel(const QString &name, const QString &sql, const QStringList &primaryKey)
{
    QJsonObject model = m_workspace.json().value(QStringLiteral("models")).toObject().value(name).toObject();
    model.insert(QStringLiteral("sql"), sql);
    model.insert(QStringLiteral("primary_key"),
                 primaryKey.size() == 1 ? QJsonValue(primaryKey.first()) : QJsonValue(QJsonArray::fromStringList(primaryKey)));
    return setModel(name, model);
}

Result<void> WorkspaceDocument::setModel(const QString &name, const QJsonObject &model)
{
    return setEntry(QStringLiteral("models"), name, model);
}

Result<void> WorkspaceDocument::removeModel(const QString &name)
{
    return removeEntry(QStringLiteral("models"), name);
}

Result<void> WorkspaceDocument::setEntry(const QString &section, const QString &name, const QJsonObject &entry)
{
    const QByteArray before = m_knownText;
    reloadIfChangedOnDisk(); // a hand edit made meanwhile is taken in first, and this entry applied on top
    const bool merged = m_knownText != before;
    QJsonObject json = m_workspace.json();
    QJsonObject all = json.value(section).toObject();
    all.insert(name, entry);
    json.insert(section, all);
    Result<void> r = replaceJson(json);
    if (r && merged)
        emit reloadedFromDisk(true);
    return r;
}

Result<void> WorkspaceDocument::removeEntry(const QString &section, const QString &name)
{
    reloadIfChangedOnDisk();
    QJsonObject json = m_workspace.json();
    QJsonObject all = json.value(section).toObject();
    all.remove(name);
    json.insert(section, all);
    return replaceJson(json);
}

Result<void> WorkspaceDocument::replaceJson(const QJsonObject &json)
{
    workspace::Workspace next = m_workspace;
    if (Result<void> r = next.setJson(json); !r)
        return r;
    if (Result<void> r = next.save(); !r)
        return r;
    m_workspace = std::move(next);
    m_knownText = diskText();
    emit changed();
    return {};
}

} // namespace sluice::ui
