#pragma once

#include "emulator_server.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace sluice::test {

// BigQuery's REST API and Google's token endpoint as their documentation
// describes them, with the SQL run on a local PostgreSQL database behind it
// (a dataset is a schema; `names` become PostgreSQL names, STRING is TEXT):
// - POST /token: a service account's JWT bearer grant (RS256 with its key,
//   iss its client_email, aud this URL, a bigquery scope, not expired) gives
//   an access token; anything else 400 invalid_grant.
// - Every /bigquery/v2 call needs "Authorization: Bearer <that token>"
//   (401 UNAUTHENTICATED otherwise) and names the emulator's project (404).
// - POST .../queries (jobs.query): useLegacySql must be false; dryRun
//   answers totalBytesProcessed from the planner's estimate; results carry
//   schema.fields with BigQuery's types, rows as {"f": [{"v": ...}]}, at most
//   maxResults (and the page size set here) a page with a pageToken for the
//   rest; TIMESTAMP in microseconds with formatOptions.useInt64Timestamp.
//   An unknown table: 404 notFound; other SQL errors: 400 invalidQuery.
// - GET .../queries/{jobId} (getQueryResults): jobComplete false while the
//   job "runs" (setPollsBeforeDone), then pages by pageToken.
// - POST .../jobs/{jobId}/cancel cancels the job.
class BigQueryEmulator final : public EmulatorServer
{
public:
    BigQueryEmulator(QString project, QString clientEmail, QByteArray publicKeyPem, int pgPort, QString pgPassword, QString pgDatabase);
    ~BigQueryEmulator() override;

    QString tokenUrl() const { return baseUrl() + QStringLiteral("/token"); }
    void setPageRows(int rows);
    void setPollsBeforeDone(int polls);
    QList<QJsonObject> queries() const; // the bodies of every jobs.query
    int cancels() const;

protected:
    Response handle(const Request &request) override;

private:
    struct Job
    {
        QJsonArray fields;
        QList<QJsonArray> rows;
        qint64 bytes = 0;
        bool readsTable = false; // billed at least 10 MB
        int pollsLeft = 0;
        bool cancelled = false;
    };
    Response token(const Request &request);
    Response runQuery(const QJsonObject &body);
    Response page(const QString &jobId, Job &job, int offset, int maxResults);
    std::optional<Response> sqlError(const QString &message, const QString &state) const;

    QString m_project, m_clientEmail;
    QByteArray m_publicKey;
    int m_pgPort;
    QString m_pgPassword, m_pgDatabase, m_connection;
    QSet<QByteArray> m_tokens;
    int m_pageRows = 1000;
    int m_pollsBeforeDone = 0;
    int m_cancels = 0;
    QHash<QString, Job> m_jobs;
    QList<QJsonObject> m_bodies;
};

} // namespace sluice::test
