#pragma once

#include "destination/job_delivery.h"

#include <QUrl>

namespace sluice::destination {

// Klaviyo's profile bulk import (JSON:API, `revision` header, a private key
// as `Klaviyo-API-Key`): a job of up to 10,000 profiles is created with
// POST /api/profile-bulk-import-jobs and upserts them by email,
// phone_number or external_id; it is polled until `complete`, then its
// import-errors pages name refused profiles by their position
// (source.pointer /data/attributes/profiles/data/{i}/...).
class KlaviyoProtocol final : public JobProtocol
{
public:
    KlaviyoProtocol(QUrl baseUrl, QByteArray apiKey, QString revision);
    HttpRequest submit(const QList<Operation> &operations) const override;
    Verdict judgeSubmit(const QList<Operation> &operations, const HttpAnswer &answer, QString *jobId) const override;
    HttpRequest poll(const QString &jobId) const override;
    JobState judgePoll(const HttpAnswer &answer, QString *problem) const override;
    HttpRequest errors(const QString &jobId, const QString &next) const override;
    Result<QHash<int, QString>> decodeErrors(const HttpAnswer &answer, QString *next) const override;

    // Klaviyo's words: each error's code, title and detail.
    static QString wordsOf(const QByteArray &body);
    HttpRequest get(const QString &path, const QString &query = {}) const;

private:
    QUrl m_base;
    QByteArray m_key;
    QString m_revision;
};

class KlaviyoDestination final : public Destination
{
public:
    KlaviyoDestination(QString name, QUrl baseUrl, QByteArray apiKey, QString revision, HttpSettings settings, JobSettings job);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;
    Result<QList<FieldInfo>> describe(const QString &object) const override;

private:
    QString m_name;
    KlaviyoProtocol m_protocol;
    QUrl m_base;
    HttpSettings m_settings;
    JobSettings m_job;
};

} // namespace sluice::destination
