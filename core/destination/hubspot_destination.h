#pragma once

#include "destination/http_delivery.h"

#include <QUrl>

namespace sluice::destination {

// HubSpot's CRM objects API (v3): records of an object type (`contacts`,
// `companies`, a custom object's id) written in batches of up to 100 through
// POST /crm/v3/objects/{type}/batch/upsert (update, create), matched on a
// unique property (`idProperty`: the sync's match field, e.g. email), with a
// private-app token as Bearer. A 207 answer names refused inputs in
// errors[].context.ids; a 400 fails a whole batch (split to find the record);
// 429 carries errorType RATE_LIMIT and a policy (TEN_SECONDLY_ROLLING waits,
// DAILY ends the run); 401 and 403 (missing scopes) fail the run.
class HubSpotProtocol final : public HttpProtocol
{
public:
    // `idProperty`: the unique property records are matched on; `objectType`: where they go.
    HubSpotProtocol(QUrl baseUrl, QByteArray token, QString idProperty, QString objectType);
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;
    Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const override;
    bool oneKindPerBatch() const override { return true; }

    // The words HubSpot put in an error body: message, category, and each nested error's message.
    static QString wordsOf(const QByteArray &body);
    // The id an operation is known by in HubSpot: its idProperty value (e-mails lower-cased, as HubSpot keeps them).
    QString idOf(const Operation &operation) const;

private:
    QUrl m_base;
    QByteArray m_token;
    QString m_idProperty;
    QString m_objectType;
};

class HubSpotDestination final : public Destination
{
public:
    HubSpotDestination(QString name, QUrl baseUrl, QByteArray token, HttpSettings settings);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;
    Result<QList<FieldInfo>> describe(const QString &object) const override;
    // The standard objects a sync upserts (contacts, companies, deals,
    // tickets) and the account's custom objects (GET /crm/v3/schemas).
    Result<QList<ObjectInfo>> objects() const override;

private:
    Error refusal(const HttpAnswer &answer, const QString &what) const;
    HttpAnswer get(const QString &path) const;

    QString m_name;
    QUrl m_base;
    QByteArray m_token;
    HttpSettings m_settings;
};

} // namespace sluice::destination
