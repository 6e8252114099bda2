#pragma once

#include "emulator_server.h"

#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace sluice::test {

// Salesforce's REST API for one org, as its public documentation describes it:
// - Everything under /services/data/vNN.N/; `Authorization: Bearer <token>`
//   or 401 [{"errorCode": "INVALID_SESSION_ID"}]; a user without API access
//   gets 403 API_CURRENTLY_DISABLED.
// - PATCH /composite/sobjects/{sObject}/{externalIdField} (upsert) and POST
//   /composite/sobjects (create): JSON, `allOrNone`, at most 200 records
//   (400 EXCEEDED_ID_LIMIT), each with attributes.type naming the sObject;
//   a field the object lacks fails the request (400 INVALID_FIELD); the
//   answer is one result per record, in order, refused records with
//   `errors[{statusCode, message, fields}]` (REQUIRED_FIELD_MISSING on
//   create without LastName, INVALID_EMAIL_ADDRESS, and the messages a test
//   asks for as FIELD_CUSTOM_VALIDATION_EXCEPTION).
// - A rolling three-second window of `limit` requests, past which 403
//   REQUEST_LIMIT_EXCEEDED "ConcurrentPerOrgLongTxn Limit exceeded"; and a
//   daily total, past which 403 REQUEST_LIMIT_EXCEEDED "TotalRequests Limit
//   exceeded". Every answer carries Sforce-Limit-Info: api-usage=N/MAX.
// - Bulk API 2.0: POST /jobs/ingest (object, externalIdFieldName, CSV,
//   upsert or insert), PUT /jobs/ingest/{id}/batches (text/csv only, while
//   Open), PATCH state UploadComplete (the records are processed then),
//   GET the job (InProgress, then JobComplete with counts), GET
//   failedResults/ as CSV: sf__Id, sf__Error and the record's columns.
// - GET /limits (DailyApiRequests), GET /sobjects/Contact/describe.
// - POST /services/oauth2/token: the refresh-token grant for one client;
//   its answer names the instance_url (this emulator). expireSessions()
//   makes every token issued so far refused, as a session timeout does.
class SalesforceEmulator final : public EmulatorServer
{
public:
    explicit SalesforceEmulator(QString token, int requestsPer3s = 1000, quint16 port = 0);
    ~SalesforceEmulator() override;

    void refuse(const QHash<QString, QString> &messages); // external id -> validation message
    void setApiAccess(bool enabled);
    void setRateLimit(int requestsPer3s);
    void setDailyLimit(int requests);
    void setOAuthClient(const QString &clientId, const QString &clientSecret, const QString &refreshToken);
    void expireSessions();
    // Every token issued so far stops working after `requests` more data requests.
    void expireSessionsAfter(int requests);
    QHash<QString, QJsonObject> records() const; // external id -> fields
    QHash<QString, int> writes() const;
    int throttled() const;
    int maxInWindow() const;
    int tokensIssued() const;
    int bulkJobs() const;
    // The next ingest job stops after `records` of its rows: state Failed
    // with `message`, the rest listed by unprocessedrecords.
    void failNextJobAfter(int records, const QString &message);

protected:
    Response handle(const Request &request) override;

private:
    Response collection(const Request &request, const QString &object, const QString &externalId);
    Response token(const Request &request);
    Response describe() const;
    Response sobjects() const; // GET /sobjects (describeGlobal)
    QJsonObject result(const QJsonObject &record, const QString &externalId, bool create);
    Response bulk(const Request &request, const QString &path);
    struct BulkJob
    {
        QString externalId;
        bool create = false;
        QString state = QStringLiteral("Open");
        QByteArray csv;
        QStringList failed;      // CSV lines of failedResults, without the header
        QStringList succeeded;   // CSV lines of successfulResults, without the header
        QStringList unprocessed; // CSV lines of unprocessedrecords, without the header
        QString errorMessage;
        QStringList columns;
        int processed = 0;
        int polls = 0;
    };
    QHash<QString, BulkJob> m_jobs;
    int m_failJobAfter = -1;
    QString m_failJobMessage;

    QSet<QString> m_tokens;
    bool m_apiAccess = true;
    RateWindow m_window;
    int m_dailyLimit = 15000;
    int m_used = 0;
    QString m_clientId, m_clientSecret, m_refreshToken;
    int m_issued = 0;
    int m_expireAfter = -1;
    QHash<QString, QJsonObject> m_records;
    QHash<QString, int> m_writes;
    QHash<QString, QString> m_refuse;
    int m_nextId = 1;
};

} // namespace sluice::test
