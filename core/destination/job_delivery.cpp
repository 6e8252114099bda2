#include "destination/job_delivery.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QThread>

namespace sluice::destination {

namespace {

} // namespace

JobDelivery::JobDelivery(QString owner, HttpSettings http, JobSettings job, const JobProtocol &protocol)
    : m_owner(std::move(owner)), m_http(http), m_job(job), m_protocol(protocol)
{
}

bool JobDelivery::cancelled(const DeliveryContext &context) const
{
    return context.cancel && context.cancel->load();
}

void JobDelivery::settled(const DeliveryContext &context, const QList<Operation> &operations, const QList<Outcome> &outcomes)
{
    if (context.settled)
        context.settled(operations, outcomes);
    m_done += operations.size();
    if (context.progress)
        context.progress(m_done, m_total);
}

Result<void> JobDelivery::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    m_done = 0;
    m_total = operations.size();
    // Jobs cut by count and by bytes, like batches; `concurrency` of them at once.
    qsizetype start = 0;
    QList<Submitted> wave;
    while (start < operations.size()) {
        if (cancelled(context))
            return Error{QCoreApplication::translate("sluice::destination", "%1: cancelled").arg(m_owner), Error::Kind::Cancelled};
        qsizetype end = start;
        qint64 bytes = 0;
        while (end < operations.size() && end - start < m_http.batchSize
               && (end == start || bytes + operations[end].fieldsJson.size() + 64 <= m_http.maxBatchBytes))
            bytes += operations[end++].fieldsJson.size() + 64;
        if (Result<void> r = submit(operations.mid(start, end - start), context, wave); !r)
            return r;
        start = end;
        if (wave.size() >= qMax(1, m_http.concurrency) || start >= operations.size()) {
            if (Result<void> r = settleWave(std::exchange(wave, {}), context); !r)
                return r;
        }
    }
    return {};
}

Result<void> JobDelivery::submit(const QList<Operation> &operations, const DeliveryContext &context, QList<Submitted> &wave)
{
    if (context.sending)
        context.sending(operations);
    const HttpAnswer answer = httpRequestRetried(m_protocol.submit(operations), m_http);
    QString jobId;
    const Verdict verdict = m_protocol.judgeSubmit(operations, answer, &jobId);
    switch (verdict.kind) {
    case Verdict::Kind::Settled:
        if (!jobId.isEmpty()) {
            for (const HttpRequest &step : m_protocol.complete(jobId, operations)) {
                const HttpAnswer done = httpRequestRetried(step, m_http);
                if (done.status < 200 || done.status >= 300)
                    return Error{QCoreApplication::translate("sluice::destination", "%1: job %2 could not be completed (%3 %4: HTTP %5, %6); its records are sent again next run")
                                     .arg(m_owner, jobId, QString::fromLatin1(step.method), step.url.path())
                                     .arg(done.status)
                                     .arg(done.status == 0 ? done.networkProblem : QString::fromUtf8(done.body.left(300)).simplified()),
                                 Error::Kind::Unreachable};
            }
            wave.append({jobId, operations});
        }
        else
            settled(context, operations, verdict.outcomes);
        return {};
    case Verdict::Kind::Split:
        if (operations.size() == 1) {
            settled(context, operations, {{operations.first().key, false, verdict.problem}});
            return {};
        }
        qCInfo(lcDestination) << m_owner << "job refused, split to isolate the records:" << verdict.problem;
        if (Result<void> r = submit(operations.mid(0, operations.size() / 2), context, wave); !r)
            return r;
        return submit(operations.mid(operations.size() / 2), context, wave);
    case Verdict::Kind::RefusedCredentials:
        return Error{QCoreApplication::translate("sluice::destination", "%1 refused the credentials: %2; no record was sent or rejected, check the destination's token or key").arg(m_owner, verdict.problem),
                     Error::Kind::Refused};
    case Verdict::Kind::Retry:
    case Verdict::Kind::Throttled:
        return Error{QCoreApplication::translate("sluice::destination", "%1: gave up submitting a job of %2 records: %3").arg(m_owner).arg(operations.size()).arg(verdict.problem), Error::Kind::Unreachable};
    case Verdict::Kind::Fatal: break;
    }
    return Error{QCoreApplication::translate("sluice::destination", "%1: %2").arg(m_owner, verdict.problem), Error::Kind::Unreachable};
}

Result<void> JobDelivery::settleWave(QList<Submitted> wave, const DeliveryContext &context)
{
    QElapsedTimer waited;
    waited.start();
    int pause = m_job.firstPollMs;
    std::optional<Error> failed; // the first failed job; the wave's other jobs still settle
    while (!wave.isEmpty()) {
        if (cancelled(context))
            return Error{QCoreApplication::translate("sluice::destination", "%1: cancelled while job %2 ran; its records are sent again next run").arg(m_owner, wave.first().id), Error::Kind::Cancelled};
        QThread::msleep(quint64(pause));
        pause = qMin(pause * 2, m_job.maxPollMs);
        for (qsizetype i = 0; i < wave.size();) {
            QString problem;
            const JobProtocol::JobState state = m_protocol.judgePoll(httpRequestRetried(m_protocol.poll(wave[i].id), m_http), &problem);
            if (state == JobProtocol::JobState::Unknown)
                return Error{QCoreApplication::translate("sluice::destination", "%1: the state of job %2 could not be read: %3; its records are sent again next run").arg(m_owner, wave[i].id, problem),
                             Error::Kind::Unreachable};
            if (state == JobProtocol::JobState::Running) {
                ++i;
                continue;
            }
            const bool jobFailed = state == JobProtocol::JobState::Failed;
            if (Result<void> r = settleJob(wave[i], context, jobFailed ? &problem : nullptr); !r) {
                if (!jobFailed)
                    return r;
                if (!failed)
                    failed = r.error();
            }
            wave.removeAt(i);
        }
        if (!wave.isEmpty() && waited.elapsed() > qint64(m_job.maxWaitSeconds) * 1000)
            return Error{QCoreApplication::translate("sluice::destination", "%1: job %2 was not done after %3 s (max_job_wait_s); its records are sent again next run")
                             .arg(m_owner, wave.first().id)
                             .arg(m_job.maxWaitSeconds),
                         Error::Kind::Unreachable};
    }
    if (failed)
        return *failed;
    return {};
}

Result<QHash<int, QString>> JobDelivery::readErrors(const Submitted &job)
{
    QHash<int, QString> refused;
    QString next;
    QSet<QString> seen; // a page link that comes back would loop for ever
    do {
        if (!next.isEmpty() && seen.contains(next))
            return Error{QCoreApplication::translate("sluice::destination", "its error pages loop back to %1").arg(next), Error::Kind::Unreachable};
        seen.insert(next);
        const HttpAnswer page = httpRequestRetried(m_protocol.errors(job.id, next), m_http);
        Result<QHash<int, QString>> reasons = m_protocol.decodeErrors(page, &next);
        if (!reasons)
            return reasons.error();
        refused.insert(reasons.value());
    } while (!next.isEmpty());
    return refused;
}

Result<void> JobDelivery::settleJob(const Submitted &job, const DeliveryContext &context, const QString *failure)
{
    const std::optional<HttpRequest> successes = m_protocol.successes(job.id);
    if (failure && !successes)
        return Error{QCoreApplication::translate("sluice::destination", "%1: job %2 failed: %3; its records are sent again next run").arg(m_owner, job.id, *failure), Error::Kind::Unreachable};
    Result<QHash<int, QString>> refused = readErrors(job);
    std::optional<JobProtocol::Processed> processed;
    if (refused && successes) {
        Result<JobProtocol::Processed> read = m_protocol.decodeSuccesses(httpRequestRetried(*successes, m_http));
        if (!read)
            refused = read.error();
        else
            processed = read.value();
    }
    if (!refused) {
        const QString what = failure ? QCoreApplication::translate("sluice::destination", "%1: job %2 failed (%3) and what it processed could not be read: %4; its records are sent again next run")
                                           .arg(m_owner, job.id, *failure, refused.error().message)
                                     : QCoreApplication::translate("sluice::destination", "%1: job %2 finished but its results could not be read: %3; its records are sent again next run")
                                           .arg(m_owner, job.id, refused.error().message);
        return Error{what, Error::Kind::Unreachable};
    }
    // A finished job settles every record; a failed one only those it processed.
    QList<Operation> operations;
    QList<Outcome> outcomes;
    for (qsizetype i = 0; i < job.operations.size(); ++i) {
        const bool rejected = refused.value().contains(int(i));
        if (failure && !rejected && !processed->positions.contains(int(i)))
            continue;
        operations.append(job.operations[i]);
        Outcome outcome{job.operations[i].key, !rejected, refused.value().value(int(i))};
        if (processed && processed->saysCreated && processed->positions.contains(int(i)))
            outcome.existed = !processed->created.contains(int(i));
        outcomes.append(outcome);
    }
    settled(context, operations, outcomes);
    if (processed && processed->saysCreated && context.report) {
        context.report(QStringLiteral("created"), processed->created.size());
        context.report(QStringLiteral("updated"), processed->positions.size() - processed->created.size());
    }
    if (failure)
        return Error{QCoreApplication::translate("sluice::destination", "%1: job %2 failed: %3; %4 of its %5 records were processed and settled, the other %6 are sent again next run")
                         .arg(m_owner, job.id, *failure)
                         .arg(operations.size())
                         .arg(job.operations.size())
                         .arg(job.operations.size() - operations.size()),
                     Error::Kind::Unreachable};
    return {};
}

} // namespace sluice::destination
