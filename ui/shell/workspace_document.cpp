#include "shell/workspace_document.h"

#include <QJsonArray>

namespace sluice::ui {

WorkspaceDocument::WorkspaceDocument(workspace::Workspace workspace, QObject *parent)
    : QObject(parent), m_workspace(std::move(workspace))
{
}

Result<void> WorkspaceDocument::updateModel(const QString &name, const QString &sql, const QStringList &primaryKey)
{
    QJsonObject json = m_workspace.json();
    QJsonObject models = json.value(QStringLiteral("models")).toObject();
    QJsonObject model = models.value(name).toObject();
    model.insert(QStringLiteral("sql"), sql);
    model.insert(QStringLiteral("primary_key"),
                 primaryKey.size() == 1 ? QJsonValue(primaryKey.first()) : QJsonValue(QJsonArray::fromStringList(primaryKey)));
    models.insert(name, model);
    json.insert(QStringLiteral("models"), models);
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
