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
    QJsonObject json = m_workspace.json();
    QJsonObject models = json.value(QStringLiteral("models")).toObject();
    models.insert(name, model);
    json.insert(QStringLiteral("models"), models);
    return replaceJson(json);
}

Result<void> WorkspaceDocument::removeModel(const QString &name)
{
    QJsonObject json = m_workspace.json();
    QJsonObject models = json.value(QStringLiteral("models")).toObject();
    models.remove(name);
    json.insert(QStringLiteral("models"), models);
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
