#include "shell/workspace_document.h"

#include <QJsonArray>

namespace sluice::ui {

WorkspaceDocument::WorkspaceDocument(workspace::Workspace workspace, QObject *parent)
    : QObject(parent), m_workspace(std::move(workspace))
{
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
    QJsonObject json = m_workspace.json();
    QJsonObject all = json.value(section).toObject();
    all.insert(name, entry);
    json.insert(section, all);
    return replaceJson(json);
}

Result<void> WorkspaceDocument::removeEntry(const QString &section, const QString &name)
{
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
    emit changed();
    return {};
}

} // namespace sluice::ui
