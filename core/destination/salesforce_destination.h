#pragma once

#include "destination/http_delivery.h"
#include "destination/job_delivery.h"

#include <QUrl>

#include <memory>

namespace sluice::destination {

class OAuthTokenProvider;

// Who Sluice is to one Salesforce org: its instance URL, the REST API
// version, and either a fixed access token or an OAuth provider that fetches
// one (and names the instance). A 401 mid-run fetches a new token once
// before the run gives up on the credentials.
class SalesforceSession
{
public:
    SalesforceSession(QUrl instance, QString apiVersion, QByteArray token, std::shared_ptr<OAuthTokenProvider> oauth);
    // Fetches a token when OAuth is used and none is held; fills in the instance URL.
    Result<void> ready();
    // After a 401 for a request sent with token `generation`: true when the
    // request may be tried again (a fresh token was fetched, now or since).
    bool renewAfterRefusal(int generation, QString *problem);
    int generation() const { return m_generation; }
    QUrl instance() const { return m_instance; }
    QList<QPair<QByteArray, QByteArray>> headers() const;
    QString dataPath(const QString &path) const; // "/services/data/v62.0" + path

private:
    QUrl m_instance;
    QString m_version;
    QByteArray m_token;
    std::shared_ptr<OAuthTokenProvider> m_oauth;
    int m_renewals = 0;
    int m_generation = 0;
};

// Salesforce's sObject Collections: up to 200 records a request, upserted by
// an external-ID field (PATCH /composite/sobjects/{sObject}/{field}) or
// created (POST /composite/sobjects), with allOrNone false so each record
// stands alone. The answer lists one result per record, in order, with
// Salesforce's statusCode and message for those it refused.
// REQUEST_LIMIT_EXCEEDED for the org's daily total ends the run (it cannot
// be waited out); the concurrent-request limit is waited out with backoff.
class SalesforceProtocol final : public HttpProtocol
{
public:
    SalesforceProtocol(SalesforceSession &session, QString object, QString externalIdField);
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;
    Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const override;
    bool oneKindPerBatch() const override { return true; }

    // Salesforce's words in an error body: `errorCode: message` for each error.
    static QString wordsOf(const QByteArray &body);

private:
    SalesforceSession &m_session;
    QString m_object;
    QString m_externalId;
    // Which token each batch in flight went out with (by its first key):
    // batches refused together for one expired session renew it once.
    mutable QHash<QString, int> m_sentWith;
};

// Salesforce's Bulk API 2.0 for backfills: an ingest job (POST /jobs/ingest,
// upsert by the external-ID field, or insert), its records uploaded as CSV
// (PUT .../batches), closed (state UploadComplete), polled until
// JobComplete, then failedResults read back: each row names the record by
// its external ID with Salesforce's sf__Error.
class SalesforceBulkProtocol final : public JobProtocol
{
public:
    SalesforceBulkProtocol(SalesforceSession &session, QString object, QString externalIdField);
    HttpRequest submit(const QList<Operation> &operations) const override;
    Verdict judgeSubmit(const QList<Operation> &operations, const HttpAnswer &answer, QString *jobId) const override;
    QList<HttpRequest> complete(const QString &jobId, const QList<Operation> &operations) const override;
    HttpRequest poll(const QString &jobId) const override;
    JobState judgePoll(const HttpAnswer &answer, QString *problem) const override;
    HttpRequest errors(const QString &jobId, const QString &next) const override;
    Result<QHash<int, QString>> decodeErrors(const HttpAnswer &answer, QString *next) const override;
    std::optional<HttpRequest> successes(const QString &jobId) const override;
    Result<Processed> decodeSuccesses(const HttpAnswer &answer) const override;

private:
    HttpRequest resultList(const QString &jobId, const QString &list) const;
    // A result list's rows as (position in the job, `column`'s value).
    Result<QList<QPair<int, QString>>> decodeList(const HttpAnswer &answer, const QString &list, const QString &column) const;

    SalesforceSession &m_session;
    QString m_object;
    QString m_externalId;
    mutable QHash<QString, QHash<QString, int>> m_positions; // job -> external id -> position
    mutable QString m_reading;                              // the job whose results are being read
};

class SalesforceDestination final : public Destination
{
public:
    SalesforceDestination(QString name, std::unique_ptr<SalesforceSession> session, HttpSettings settings, int bulkThreshold = 0);
    ~SalesforceDestination() override;
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;
    Result<QList<FieldInfo>> describe(const QString &object) const override;
    // The org's sObjects a sync can create and update records of (GET /sobjects).
    Result<QList<ObjectInfo>> objects() const override;

private:
    HttpAnswer get(const QString &path) const;

    QString m_name;
    std::unique_ptr<SalesforceSession> m_session;
    HttpSettings m_settings;
    int m_bulkThreshold = 0; // a delivery of at least this many records goes through the Bulk API; 0: never
};

} // namespace sluice::destination
