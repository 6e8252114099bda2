#pragma once

#include "destination/http_delivery.h"

#include <QUrl>

namespace sluice::destination {

// Braze's user track API: POST {REST endpoint}/users/track with a REST API
// key as Bearer, up to 75 attribute objects a request, each naming its user
// by `external_id` (or `email`). A 201 may still list errors for some
// objects (`errors[]` with `input_array` "attributes" and the object's
// `index`): those records are rejected with Braze's words, the rest
// delivered. 429 answers carry X-RateLimit-Reset (a Unix time).
class BrazeProtocol final : public HttpProtocol
{
public:
    BrazeProtocol(QUrl baseUrl, QByteArray apiKey, QString identifier);
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;
    Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const override;

private:
    QUrl m_base;
    QByteArray m_key;
    QString m_identifier; // external_id or email
};

class BrazeDestination final : public Destination
{
public:
    BrazeDestination(QString name, QUrl baseUrl, QByteArray apiKey, HttpSettings settings);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;
    Result<QList<FieldInfo>> describe(const QString &object) const override;

private:
    QString m_name;
    QUrl m_base;
    QByteArray m_key;
    HttpSettings m_settings;
};

} // namespace sluice::destination
