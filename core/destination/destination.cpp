#include "destination/destination.h"

#include "destination/file_destination.h"
#include "destination/webhook_destination.h"
#include "workspace/workspace.h"

#include <QCoreApplication>

namespace sluice::destination {

QString opName(OpKind kind)
{
    switch (kind) {
    case OpKind::Upsert: return QStringLiteral("upsert");
    case OpKind::Update: return QStringLiteral("update");
    case OpKind::Insert: return QStringLiteral("insert");
    case OpKind::Delete: return QStringLiteral("delete");
    case OpKind::Append: return QStringLiteral("append");
    }
    return {};
}

Result<std::unique_ptr<Destination>> Destination::create(const workspace::DestinationConfig &config,
                                                         const workspace::Workspace &workspace)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(config.name);
    if (config.type == QLatin1String("jsonl") || config.type == QLatin1String("csv"))
        return std::unique_ptr<Destination>(new FileDestination(
            config.name, workspace.resolvePath(config.raw.value(QStringLiteral("path")).toString()), config.type == QLatin1String("csv")));
    if (config.type == QLatin1String("webhook")) {
        QString address = config.raw.value(QStringLiteral("url")).toString();
        if (address.isEmpty())
            address = config.raw.value(QStringLiteral("base_url")).toString();
        const QUrl url(address);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            return configError(QCoreApplication::translate("sluice::destination", "%1: \"%2\" is not an http(s) URL").arg(owner, address));
        QHash<QByteArray, QByteArray> headers;
        const QJsonObject h = config.raw.value(QStringLiteral("headers")).toObject();
        for (auto it = h.begin(); it != h.end(); ++it) {
            if (auto ref = workspace::parseSecretRef(it.value())) {
                Result<QString> secret = workspace.resolveSecret(*ref, owner + QStringLiteral(": header ") + it.key());
                if (!secret)
                    return secret.error();
                headers.insert(it.key().toUtf8(), secret.value().toUtf8());
            } else {
                headers.insert(it.key().toUtf8(), it.value().toString().toUtf8());
            }
        }
        return std::unique_ptr<Destination>(new WebhookDestination(config.name, url, headers, HttpSettings::from(config.raw)));
    }
    return configError(QCoreApplication::translate("sluice::destination", "%1: the %2 destination is not available in this build yet")
                           .arg(owner, config.type));
}

} // namespace sluice::destination
