#include "destination/webhook_destination.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace sluice::destination {

namespace {

QByteArray jsonString(const QString &text)
{
    const QByteArray a = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

} // namespace

WebhookProtocol::WebhookProtocol(QUrl url, QHash<QByteArray, QByteArray> headers)
    : m_url(std::move(url)), m_headers(std::move(headers))
{
}

HttpRequest WebhookProtocol::encode(const QList<Operation> &operations, const BatchContext &batch) const
{
    // Written by hand so each record's fields, already compact JSON, go in as they are.
    QByteArray body = "{\"sync\":" + jsonString(batch.delivery.sync) + ",\"run_id\":" + jsonString(batch.delivery.runId) + ",\"batch\":[";
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const Operation &op = operations[i];
        if (i > 0)
            body += ',';
        body += "{\"op\":\"" + opName(op.kind).toLatin1() + "\",\"key\":" + jsonString(op.key);
        if (op.kind != OpKind::Delete)
            body += ",\"fields\":" + (op.fieldsJson.isEmpty() ? QByteArray("{}") : op.fieldsJson);
        body += '}';
    }
    body += "]}";
    HttpRequest request;
    request.url = m_url;
    request.body = std::move(body);
    request.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    request.headers.append(qMakePair(QByteArrayLiteral("Idempotency-Key"), QStringLiteral("%1-%2").arg(batch.delivery.runId).arg(batch.number).toUtf8()));
    for (auto it = m_headers.begin(); it != m_headers.end(); ++it)
        request.headers.append(qMakePair(it.key(), it.value()));
    return request;
}

QList<Outcome> WebhookProtocol::decodeAccepted(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    QHash<QString, QString> rejected;
    const QJsonArray results = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("results")).toArray();
    for (const QJsonValue &v : results) {
        const QJsonObject r = v.toObject();
        if (r.value(QStringLiteral("status")).toString() == QLatin1String("rejected")) {
            const QString error = r.value(QStringLiteral("error")).toString();
            rejected.insert(r.value(QStringLiteral("key")).toString(),
                            error.isEmpty() ? QCoreApplication::translate("sluice::destination", "rejected by the destination (no reason given)") : error);
        }
    }
    QList<Outcome> outcomes;
    outcomes.reserve(operations.size());
    for (const Operation &op : operations)
        outcomes.append({op.key, !rejected.contains(op.key), rejected.value(op.key)});
    return outcomes;
}

WebhookDestination::WebhookDestination(QString name, QUrl url, QHash<QByteArray, QByteArray> headers, HttpSettings settings)
    : m_name(std::move(name)), m_url(url), m_protocol(std::move(url), std::move(headers)), m_settings(settings)
{
}

Result<void> WebhookDestination::check() const
{
    // The webhook format has no harmless request, so reaching the host is the proof:
    // a TCP connection within the destination's timeout (at most 10 s).
    QTcpSocket socket;
    socket.connectToHost(m_url.host(), quint16(m_url.port(m_url.scheme() == QLatin1String("https") ? 443 : 80)));
    if (!socket.waitForConnected(qBound(1, m_settings.timeoutSeconds, 10) * 1000))
        return Error{QCoreApplication::translate("sluice::destination", "destination %1: cannot reach %2: %3")
                         .arg(m_name, m_url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery), socket.errorString()),
                     Error::Kind::Unreachable};
    return {};
}

Result<void> WebhookDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    HttpDelivery delivery(QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name), m_settings, m_protocol);
    return delivery.deliver(operations, context);
}

} // namespace sluice::destination
