#pragma once

#include "destination/http_delivery.h"

#include <QHash>
#include <QUrl>

namespace sluice::destination {

// DESIGN.md's webhook wire format: POST {"sync", "run_id", "batch": [{op, key,
// fields}]} with an Idempotency-Key of <run_id>-<batch_no>. 2xx accepts the
// batch except the records its optional "results" reject; everything else
// (redirects, 401/403, 429/503, 5xx, other 4xx) is HttpDelivery's standard
// reading.
class WebhookProtocol final : public HttpProtocol
{
public:
    WebhookProtocol(QUrl url, QHash<QByteArray, QByteArray> headers);
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;

protected:
    QList<Outcome> decodeAccepted(const QList<Operation> &operations, const HttpAnswer &answer) const override;

private:
    QUrl m_url;
    QHash<QByteArray, QByteArray> m_headers;
};

class WebhookDestination final : public Destination
{
public:
    WebhookDestination(QString name, QUrl url, QHash<QByteArray, QByteArray> headers, HttpSettings settings);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;

private:
    QString m_name;
    QUrl m_url;
    WebhookProtocol m_protocol;
    HttpSettings m_settings;
};

} // namespace sluice::destination
