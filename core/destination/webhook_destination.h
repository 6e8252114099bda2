#pragma once

#include "destination/destination.h"
#include "destination/rate_limiter.h"

#include <QHash>
#include <QUrl>

namespace sluice::destination {

struct HttpSettings
{
    int batchSize = 100;
    int concurrency = 4;
    double rateRequests = 0; // 0: no limit
    double ratePerSeconds = 1;
    int timeoutSeconds = 30;
    int maxAttempts = 6;
    int backoffBaseMs = 500;

    static HttpSettings from(const QJsonObject &config);
};

// DESIGN.md's webhook wire format: POST {"sync", "run_id", "batch": [{op, key,
// fields}]} with an Idempotency-Key of <run_id>-<batch_no>. 2xx accepts the
// batch except the records its optional "results" reject; 429 and 503 wait
// for Retry-After; other 5xx and network errors back off exponentially with
// jitter; any other 4xx rejects the batch, which is split in halves until the
// bad records stand alone.
class WebhookDestination final : public Destination
{
public:
    WebhookDestination(QString name, QUrl url, QHash<QByteArray, QByteArray> headers, HttpSettings settings);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;

private:
    QString m_name;
    QUrl m_url;
    QHash<QByteArray, QByteArray> m_headers;
    HttpSettings m_settings;
};

} // namespace sluice::destination
