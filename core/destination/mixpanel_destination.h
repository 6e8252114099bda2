#pragma once

#include "destination/http_delivery.h"

#include <QUrl>

namespace sluice::destination {

// Mixpanel's user profiles: POST /engage?verbose=1 with a JSON array of up to
// 2000 updates, each carrying the project token ($token), the profile's
// $distinct_id and the properties under $set ($ignore_time so a sync does not
// touch "last seen"). Mixpanel answers 200 even for
// refused data, so the verbose body's `status` and `error` are read: 0 with
// an error about the records splits the batch to find them.
class MixpanelProtocol final : public HttpProtocol
{
public:
    MixpanelProtocol(QUrl baseUrl, QByteArray projectToken);
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;
    Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const override;

    static QString wordsOf(const QByteArray &body);

private:
    QUrl m_base;
    QByteArray m_token;
};

class MixpanelDestination final : public Destination
{
public:
    MixpanelDestination(QString name, QUrl baseUrl, QByteArray projectToken, HttpSettings settings);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;

private:
    QString m_name;
    QUrl m_base;
    QByteArray m_token;
    HttpSettings m_settings;
};

} // namespace sluice::destination
