#pragma once

#include "destination/http_delivery.h"

#include <QSet>

#include <optional>

// The kit's variant for bulk APIs that settle later (Klaviyo's profile
// imports, Salesforce's Bulk API): a job of many records is submitted, polled
// until the tool has processed it, and its errors are read back page by page
// and mapped to the records they name. What the records get is the same as
// with HttpDelivery: delivered, or rejected with the tool's words; a job the
// run cannot wait for leaves its records to be sent again next run.
namespace sluice::destination {

class JobProtocol
{
public:
    virtual ~JobProtocol() = default;
    virtual HttpRequest submit(const QList<Operation> &operations) const = 0;
    // The submit answer: the job's id, or a verdict on the whole batch
    // (refused credentials, split a refused batch, fatal).
    virtual Verdict judgeSubmit(const QList<Operation> &operations, const HttpAnswer &answer, QString *jobId) const = 0;
    // Requests that complete a created job before it runs (upload its data,
    // close it), sent in order; each must answer 2xx.
    virtual QList<HttpRequest> complete(const QString &jobId, const QList<Operation> &operations) const
    {
        Q_UNUSED(jobId);
        Q_UNUSED(operations);
        return {};
    }
    virtual HttpRequest poll(const QString &jobId) const = 0;
    // Failed: the tool says the job stopped (it may have processed part of
    // it); Unknown: its state could not be read (the job may still run).
    enum class JobState { Running, Done, Failed, Unknown };
    virtual JobState judgePoll(const HttpAnswer &answer, QString *problem) const = 0;
    // A page of the job's errors; `next` is empty for the first page.
    virtual HttpRequest errors(const QString &jobId, const QString &next) const = 0;
    // Reasons by the record's position in the job; `next` is set to the
    // following page's address, or cleared on the last page.
    virtual Result<QHash<int, QString>> decodeErrors(const HttpAnswer &answer, QString *next) const = 0;

    // Where the tool lists the records a job processed (Salesforce's
    // successfulResults): a job that failed part way settles what it
    // processed, accepted or refused, and only the rest goes again next run,
    // so no processed record is sent twice. Without the list (nullopt) a
    // failed job's records all go again, which suits upserts only.
    virtual std::optional<HttpRequest> successes(const QString &jobId) const
    {
        Q_UNUSED(jobId);
        return std::nullopt;
    }
    struct Processed
    {
        QSet<int> positions; // in the job
        bool saysCreated = false; // the tool tells created records from updated ones
        QSet<int> created;   // of them, the records the tool created
    };
    virtual Result<Processed> decodeSuccesses(const HttpAnswer &answer) const
    {
        Q_UNUSED(answer);
        return Processed{};
    }
};

// Up to `concurrency` (HttpSettings) jobs run at once: submitted together,
// then polled in turn.
struct JobSettings
{
    int firstPollMs = 200;    // then doubling, up to maxPollMs
    int maxPollMs = 10000;
    int maxWaitSeconds = 3600; // a job not done by then ends the run; its records go again next run
};

class JobDelivery final
{
public:
    JobDelivery(QString owner, HttpSettings http, JobSettings job, const JobProtocol &protocol);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context);

private:
    struct Submitted
    {
        QString id;
        QList<Operation> operations;
    };
    // Submits a job (halving a refused one); accepted jobs join `wave`.
    Result<void> submit(const QList<Operation> &operations, const DeliveryContext &context, QList<Submitted> &wave);
    // Polls the wave's jobs until each is done, then settles its records.
    Result<void> settleWave(QList<Submitted> wave, const DeliveryContext &context);
    // Settles a finished job's records; `failure` is the tool's reason when
    // the job failed, which makes the answer an error.
    Result<void> settleJob(const Submitted &job, const DeliveryContext &context, const QString *failure = nullptr);
    Result<QHash<int, QString>> readErrors(const Submitted &job);
    bool cancelled(const DeliveryContext &context) const;
    void settled(const DeliveryContext &context, const QList<Operation> &operations, const QList<Outcome> &outcomes);

    QString m_owner;
    HttpSettings m_http;
    JobSettings m_job;
    const JobProtocol &m_protocol;
    qint64 m_done = 0;
    qint64 m_total = 0;
};

} // namespace sluice::destination
