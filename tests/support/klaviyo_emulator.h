#pragma once

#include "emulator_server.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sluice::test {

// Klaviyo's profile bulk import for one account, as its public documentation
// describes it (JSON:API):
// - `Authorization: Klaviyo-API-Key <key>` or 401 not_authenticated; a key
//   without the profiles scopes gets 403 permission_denied; a missing
//   `revision` header 400.
// - POST /api/profile-bulk-import-jobs with Content-Type
//   application/vnd.api+json, at most 10,000 profiles and 5 MB; each profile
//   needs email, phone_number or external_id. Answers 202 with the job,
//   `queued`; polling GET /api/profile-bulk-import-jobs/{id} shows it
//   `processing`, then `complete` with completed and failed counts.
// - GET .../{id}/import-errors: pages of import-error objects (code, title,
//   detail, source.pointer naming the profile's position, original_payload),
//   `page[size]` at most 100, `links.next` for the rest.
// - A one-second window of `limit` requests over every endpoint, past which
//   429 throttled with Retry-After and the RateLimit-* headers.
class KlaviyoEmulator final : public EmulatorServer
{
public:
    explicit KlaviyoEmulator(QString apiKey, int requestsPerSecond = 1000, quint16 port = 0);
    ~KlaviyoEmulator() override;

    void refuse(const QHash<QString, QString> &details); // email or external id -> the detail of its import error
    void setScopes(bool granted);
    void setRateLimit(int requestsPerSecond);
    QHash<QString, QJsonObject> profiles() const; // external_id (or email) -> attributes
    QHash<QString, int> writes() const;
    int throttled() const;
    int maxInWindow() const;
    int jobs() const;

protected:
    Response handle(const Request &request) override;

private:
    struct Job
    {
        int polls = 0;
        int total = 0;
        QJsonArray errors;
    };
    Response createJob(const Request &request);
    Response jobStatus(const QString &id);
    Response importErrors(const Request &request, const QString &id);
    QJsonObject jobObject(const QString &id, const Job &job, const QString &status) const;

    QString m_key;
    bool m_scopes = true;
    RateWindow m_window;
    QHash<QString, Job> m_jobs;
    QHash<QString, QJsonObject> m_profiles;
    QHash<QString, int> m_writes;
    QHash<QString, QString> m_refuse;
    int m_nextJob = 1;
};

} // namespace sluice::test
