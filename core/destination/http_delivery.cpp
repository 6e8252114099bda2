#include "destination/http_delivery.h"
#include "common/logging.h"

#include "destination/rate_limiter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLocale>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSet>
#include <QTimeZone>
#include <QThread>
#include <QTimer>

#include <cmath>

#include <limits>
#include <map>
#include <memory>

namespace sluice::destination {

namespace {

// One limiter per destination account in this process: two syncs into one
// API share its budget instead of each spending all of it.
struct SharedLimiter
{
    QMutex mutex;
    RateLimiter limiter;
    SharedLimiter(double requests, double perSeconds) : limiter(requests, perSeconds) {}
};

std::shared_ptr<SharedLimiter> limiterFor(const QString &account, double requests, double perSeconds)
{
    static QMutex registryMutex;
    // Kept for the process: a check or describe just before a delivery must
    // still count against the window the delivery then paces in.
    static std::map<QString, std::shared_ptr<SharedLimiter>> registry;
    const QString key = QStringLiteral("%1|%2|%3").arg(account).arg(requests).arg(perSeconds);
    QMutexLocker lock(&registryMutex);
    if (auto existing = registry[key])
        return existing;
    auto made = std::make_shared<SharedLimiter>(requests, perSeconds);
    registry[key] = made;
    return made;
}

struct Batch
{
    QList<Operation> operations;
    int number = 0;
    int attempts = 0;
    qint64 notBeforeMs = 0;
};

// Where a redirect pointed, without credentials or query (they may carry secrets).
QString safeLocation(const QByteArray &location)
{
    const QUrl url = QUrl::fromEncoded(location);
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toDisplayString();
}

QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(500)).simplified();
    return text.isEmpty() ? QCoreApplication::translate("sluice::destination", "(no body)") : text;
}

class DeliveryLoop final
{
public:
    DeliveryLoop(const QString &owner, const HttpSettings &settings, const HttpProtocol &protocol,
                 const QList<Operation> &operations, const DeliveryContext &context)
        : m_owner(owner), m_settings(settings), m_protocol(protocol), m_total(operations.size()), m_context(context)
    {
        if (context.nextBatch)
            m_nextNumber = *context.nextBatch;
        cutBatches(operations);
        m_clock.start();
        m_pump.setSingleShot(true);
        m_pump.setTimerType(Qt::PreciseTimer); // pacing: a late timer is throughput lost for good
        QObject::connect(&m_pump, &QTimer::timeout, &m_loop, [this] { schedule(); });
        QObject::connect(&m_cancelWatch, &QTimer::timeout, &m_loop, [this] {
            if (m_context.cancel && m_context.cancel->load() && !m_cancelled) {
                m_cancelled = true;
                schedule();
            }
        });
        m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }

    Result<void> run(const QString &account)
    {
        if (m_settings.rateRequests > 0)
            m_limiter = limiterFor(m_settings.account.isEmpty() ? account : m_settings.account, m_settings.rateRequests, m_settings.ratePerSeconds);
        m_cancelWatch.start(100);
        QTimer::singleShot(0, &m_loop, [this] { schedule(); });
        m_loop.exec();
        if (m_context.nextBatch)
            *m_context.nextBatch = m_nextNumber;
        if (!m_fatal.isEmpty())
            return Error{m_fatal, m_fatalKind};
        if (m_cancelled)
            return Error{QCoreApplication::translate("sluice::destination", "%1: cancelled").arg(m_owner), Error::Kind::Cancelled};
        return {};
    }

private:
    void cutBatches(const QList<Operation> &operations)
    {
        Batch batch{{}, m_nextNumber, 0, 0};
        qint64 bytes = 0;
        for (const Operation &op : operations) {
            const qint64 cost = m_protocol.cost(op);
            if (!batch.operations.isEmpty()
                && (batch.operations.size() >= m_settings.batchSize || bytes + cost > m_settings.maxBatchBytes
                    || (m_protocol.oneKindPerBatch() && op.kind != batch.operations.first().kind))) {
                m_queue.append(std::move(batch));
                batch = Batch{{}, ++m_nextNumber, 0, 0};
                bytes = 0;
            }
            batch.operations.append(op);
            bytes += cost;
        }
        if (!batch.operations.isEmpty())
            m_queue.append(std::move(batch));
        ++m_nextNumber;
    }

    void stop(const QString &message, Error::Kind kind)
    {
        if (m_fatal.isEmpty()) {
            qCWarning(lcDestination).noquote() << message;
            m_fatal = message;
            m_fatalKind = kind;
        }
    }

    // The answer's outcome for its batch; the batches still queued wait for `schedule`.
    void onAnswer(Batch batch, const HttpAnswer &answer)
    {
        const Verdict verdict = m_protocol.judge(batch.operations, answer);
        switch (verdict.kind) {
        case Verdict::Kind::Settled: settle(batch, verdict.outcomes); break;
        case Verdict::Kind::Retry: retry(std::move(batch), verdict.problem, -1, m_settings.maxAttempts); break;
        case Verdict::Kind::Throttled: throttled(std::move(batch), verdict); break;
        case Verdict::Kind::Split: split(std::move(batch), verdict.problem); break;
        case Verdict::Kind::RefusedCredentials:
            stop(QCoreApplication::translate("sluice::destination", "%1 refused the credentials: %2; no record was sent or rejected, check the destination's token or key")
                     .arg(m_owner, verdict.problem),
                 Error::Kind::Refused);
            break;
        case Verdict::Kind::Fatal: stop(QCoreApplication::translate("sluice::destination", "%1: %2").arg(m_owner, verdict.problem), Error::Kind::Unreachable); break;
        }
    }

    void settle(const Batch &batch, const QList<Outcome> &outcomes)
    {
        if (m_context.settled)
            m_context.settled(batch.operations, outcomes);
        m_done += batch.operations.size();
        if (m_context.progress)
            m_context.progress(m_done, m_total);
    }

    void throttled(Batch batch, const Verdict &verdict)
    {
        const qint64 ceilingMs = qint64(m_settings.maxRetryWaitSeconds) * 1000;
        if (verdict.waitMs > ceilingMs) {
            stop(QCoreApplication::translate("sluice::destination", "%1 asked to wait %2 s before sending again (%3), longer than this run waits (max_retry_wait_s: %4); "
                    "batch %5 (%6 records) was not delivered and is sent again on the next run")
                     .arg(m_owner)
                     .arg((verdict.waitMs + 999) / 1000)
                     .arg(verdict.problem)
                     .arg(m_settings.maxRetryWaitSeconds)
                     .arg(batch.number)
                     .arg(batch.operations.size()),
                 Error::Kind::Unreachable);
            return;
        }
        retry(std::move(batch), verdict.problem, verdict.waitMs, m_settings.maxAttempts * 4);
    }

    void retry(Batch batch, const QString &problem, qint64 waitMs, int attemptLimit)
    {
        batch.attempts += 1;
        qCInfo(lcDestination) << m_owner << "batch" << batch.number << "attempt" << batch.attempts << "failed:" << problem;
        if (batch.attempts >= attemptLimit) {
            stop(QCoreApplication::translate("sluice::destination", "%1: gave up on batch %2 after %3 attempts: %4").arg(m_owner).arg(batch.number).arg(batch.attempts).arg(problem),
                 Error::Kind::Unreachable);
            return;
        }
        if (waitMs < 0) {
            // Exponential backoff with jitter: half fixed, half random.
            const qint64 base = qMin<qint64>(30000, qint64(m_settings.backoffBaseMs) << qMin(batch.attempts - 1, 16));
            waitMs = base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
        }
        batch.notBeforeMs = m_clock.elapsed() + waitMs;
        m_queue.prepend(std::move(batch));
    }

    void split(Batch batch, const QString &problem)
    {
        if (batch.operations.size() == 1) {
            settle(batch, {{batch.operations.first().key, false, problem}});
            return;
        }
        qCInfo(lcDestination) << m_owner << "batch" << batch.number << "refused, split to isolate the records:" << problem;
        // The halves go first, in order, each under a batch number of its own.
        const qsizetype half = batch.operations.size() / 2;
        m_queue.prepend({batch.operations.mid(half), m_nextNumber++, 0, 0});
        m_queue.prepend({batch.operations.mid(0, half), m_nextNumber++, 0, 0});
    }

    void send(Batch batch)
    {
        if (m_context.sending && batch.attempts == 0)
            m_context.sending(batch.operations);
        const HttpRequest spec = m_protocol.encode(batch.operations, BatchContext{m_context, batch.number});
        QNetworkRequest request(spec.url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(m_settings.timeoutSeconds * 1000);
        for (const auto &[name, value] : spec.headers)
            request.setRawHeader(name, value);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, spec.method, spec.body);
        ++m_inFlight;
        // The transfer timeout only notices silence; this bounds the whole request.
        auto *deadline = new QTimer(reply);
        deadline->setSingleShot(true);
        QObject::connect(deadline, &QTimer::timeout, reply, [this, reply] {
            m_timedOut.insert(reply);
            reply->abort();
        });
        deadline->start(m_settings.timeoutSeconds * 1000);
        QObject::connect(reply, &QNetworkReply::finished, &m_loop, [this, reply, batch = std::move(batch)]() mutable {
            reply->deleteLater();
            --m_inFlight;
            const HttpAnswer answer = read(reply);
            if (!m_cancelled && m_fatal.isEmpty())
                onAnswer(std::move(batch), answer);
            else if (answer.status >= 200 && answer.status < 300)
                onAnswer(std::move(batch), answer); // in flight when the run stopped: still record what settled
            schedule();
        });
    }

    HttpAnswer read(QNetworkReply *reply)
    {
        HttpAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            answer.headers.insert(name.toLower(), value);
        if (m_timedOut.remove(reply)) {
            answer.status = 0;
            answer.networkProblem = QCoreApplication::translate("sluice::destination", "no complete answer within %1 s (timeout_s)").arg(m_settings.timeoutSeconds);
        } else if (answer.status == 0) {
            answer.networkProblem = reply->errorString();
        }
        return answer;
    }

    void schedule()
    {
        if (!m_fatal.isEmpty() || m_cancelled || m_queue.isEmpty()) {
            // Nothing new goes out; what is in flight settles (each bounded by its timeout).
            if (m_inFlight == 0)
                m_loop.quit();
            return;
        }
        qint64 wait = std::numeric_limits<qint64>::max();
        while (m_inFlight < m_settings.concurrency && !m_queue.isEmpty()) {
            const qint64 now = m_clock.elapsed();
            qsizetype ready = -1;
            for (qsizetype i = 0; i < m_queue.size(); ++i) {
                if (m_queue[i].notBeforeMs <= now) {
                    ready = i;
                    break;
                }
                wait = qMin(wait, m_queue[i].notBeforeMs - now);
            }
            if (ready < 0)
                break;
            if (m_limiter) {
                QMutexLocker lock(&m_limiter->mutex);
                if (const qint64 limited = m_limiter->limiter.waitMs(); limited > 0) {
                    wait = qMin(wait, limited);
                    break;
                }
                m_limiter->limiter.take();
            }
            send(m_queue.takeAt(ready));
        }
        if (wait != std::numeric_limits<qint64>::max() && m_inFlight < m_settings.concurrency)
            m_pump.start(int(qMin<qint64>(wait, 60000)));
    }

    const QString &m_owner;
    const HttpSettings &m_settings;
    const HttpProtocol &m_protocol;
    const qint64 m_total;
    const DeliveryContext &m_context;
    QNetworkAccessManager m_nam;
    QEventLoop m_loop;
    QElapsedTimer m_clock;
    QTimer m_pump;
    QTimer m_cancelWatch;
    QList<Batch> m_queue;
    QSet<QNetworkReply *> m_timedOut;
    std::shared_ptr<SharedLimiter> m_limiter;
    int m_nextNumber = 1;
    int m_inFlight = 0;
    qint64 m_done = 0;
    bool m_cancelled = false;
    QString m_fatal;
    Error::Kind m_fatalKind = Error::Kind::Unreachable;
};

} // namespace

qint64 parseRetryAfter(const QByteArray &raw, const QDateTime &now)
{
    const QByteArray value = raw.trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok)
        return seconds < 0 || !std::isfinite(seconds) ? -1 : qint64(qMin(seconds, 1e9) * 1000);
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), then the obsolete forms.
    const QString text = QString::fromLatin1(value);
    const QLocale c = QLocale::c();
    QDateTime when;
    for (const QString &format : {QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"), QStringLiteral("dddd, dd-MMM-yy HH:mm:ss 'GMT'"),
                                  QStringLiteral("ddd MMM d HH:mm:ss yyyy")}) {
        when = c.toDateTime(text.simplified(), format);
        if (when.isValid())
            break;
    }
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    when.setTimeSpec(Qt::UTC);
    if (when.date().year() < 100)
        when = when.addYears(2000);
    return qMax<qint64>(0, now.msecsTo(when));
}

HttpSettings HttpSettings::from(const QJsonObject &config)
{
    return from(config, HttpSettings());
}

HttpSettings HttpSettings::from(const QJsonObject &config, HttpSettings s)
{
    auto integer = [&](const char *key, int fallback) { return config.value(QLatin1String(key)).toInt(fallback); };
    s.batchSize = integer("batch_size", s.batchSize);
    s.maxBatchBytes = qint64(config.value(QStringLiteral("max_batch_bytes")).toDouble(double(s.maxBatchBytes)));
    s.concurrency = integer("concurrency", s.concurrency);
    const QJsonObject rate = config.value(QStringLiteral("rate_limit")).toObject();
    if (!rate.isEmpty()) {
        s.rateRequests = rate.value(QStringLiteral("requests")).toDouble(0);
        s.ratePerSeconds = rate.value(QStringLiteral("per_seconds")).toDouble(1);
    }
    s.timeoutSeconds = integer("timeout_s", s.timeoutSeconds);
    s.maxAttempts = integer("max_attempts", s.maxAttempts);
    s.backoffBaseMs = integer("backoff_ms", s.backoffBaseMs);
    s.maxRetryWaitSeconds = integer("max_retry_wait_s", s.maxRetryWaitSeconds);
    return s;
}

qint64 HttpProtocol::cost(const Operation &operation) const
{
    return operation.fieldsJson.size() + operation.key.size() + 32;
}

QList<Outcome> HttpProtocol::decodeAccepted(const QList<Operation> &operations, const HttpAnswer &) const
{
    QList<Outcome> outcomes;
    outcomes.reserve(operations.size());
    for (const Operation &op : operations)
        outcomes.append({op.key, true, {}});
    return outcomes;
}

Verdict HttpProtocol::judge(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    const int status = answer.status;
    if (status == 0)
        return {Verdict::Kind::Retry, {}, answer.networkProblem, -1};
    if (status >= 200 && status < 300)
        return {Verdict::Kind::Settled, decodeAccepted(operations, answer), {}, -1};
    if (status >= 300 && status < 400) {
        // Never followed: Qt would re-send a POST as a body-less GET, and a
        // secret header must not travel to another origin.
        const QByteArray location = answer.header("location");
        return {Verdict::Kind::Fatal, {},
                location.isEmpty() ? QCoreApplication::translate("sluice::destination", "answered HTTP %1, a redirect; Sluice does not follow redirects, so nothing in this batch was delivered")
                                         .arg(status)
                                   : QCoreApplication::translate("sluice::destination", "answered HTTP %1, a redirect to %2; Sluice does not follow redirects, so nothing in this batch was "
                                        "delivered: point the destination's url at the new address")
                                         .arg(status)
                                         .arg(safeLocation(location)),
                -1};
    }
    if (status == 401 || status == 403)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1: %2").arg(status).arg(excerpt(answer.body)), -1};
    if (status == 429 || status == 503) {
        const QByteArray after = answer.header("retry-after");
        const QString problem = after.isEmpty() ? QCoreApplication::translate("sluice::destination", "HTTP %1 (throttled)").arg(status)
                                                : QCoreApplication::translate("sluice::destination", "HTTP %1, Retry-After: %2").arg(status).arg(QString::fromLatin1(after));
        return {Verdict::Kind::Throttled, {}, problem, parseRetryAfter(after)};
    }
    if (status >= 500 || status == 408)
        return {Verdict::Kind::Retry, {}, QCoreApplication::translate("sluice::destination", "HTTP %1: %2").arg(status).arg(excerpt(answer.body)), -1};
    return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "HTTP %1: %2").arg(status).arg(excerpt(answer.body)), -1};
}

HttpAnswer httpRequest(const HttpRequest &spec, int timeoutSeconds)
{
    QNetworkAccessManager nam;
    nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    QNetworkRequest request(spec.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : spec.headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(request, spec.method, spec.body);
    QEventLoop loop;
    bool timedOut = false;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(timeoutSeconds * 1000);
    if (!reply->isFinished())
        loop.exec();
    HttpAnswer answer;
    answer.status = timedOut ? 0 : reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        answer.headers.insert(name.toLower(), value);
    if (timedOut)
        answer.networkProblem = QCoreApplication::translate("sluice::destination", "no complete answer within %1 s").arg(timeoutSeconds);
    else if (answer.status == 0)
        answer.networkProblem = reply->errorString();
    delete reply;
    return answer;
}

HttpAnswer httpRequestRetried(const HttpRequest &request, const HttpSettings &settings)
{
    HttpAnswer answer;
    const std::shared_ptr<SharedLimiter> limiter =
        settings.account.isEmpty() || settings.rateRequests <= 0 ? nullptr : limiterFor(settings.account, settings.rateRequests, settings.ratePerSeconds);
    for (int attempt = 1;; ++attempt) {
        while (limiter) {
            QMutexLocker lock(&limiter->mutex);
            const qint64 wait = limiter->limiter.waitMs();
            if (wait <= 0) {
                limiter->limiter.take();
                break;
            }
            lock.unlock();
            QThread::msleep(quint64(qMin<qint64>(wait, 60000)));
        }
        answer = httpRequest(request, settings.timeoutSeconds);
        const bool transient = answer.status == 0 || answer.status == 408 || answer.status == 429 || answer.status >= 500;
        if (!transient || attempt >= settings.maxAttempts)
            return answer;
        qint64 wait = parseRetryAfter(answer.header("retry-after"));
        if (wait > qint64(settings.maxRetryWaitSeconds) * 1000)
            return answer;
        if (wait < 0) {
            const qint64 base = qMin<qint64>(30000, qint64(settings.backoffBaseMs) << qMin(attempt - 1, 16));
            wait = base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
        }
        QThread::msleep(quint64(wait));
    }
}

HttpDelivery::HttpDelivery(QString owner, HttpSettings settings, const HttpProtocol &protocol)
    : m_owner(std::move(owner)), m_settings(settings), m_protocol(protocol)
{
}

Result<void> HttpDelivery::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    if (operations.isEmpty())
        return {};
    DeliveryLoop loop(m_owner, m_settings, m_protocol, operations, context);
    Result<void> delivered = loop.run(m_owner);
    if (context.report)
        for (auto it = m_protocol.counted().begin(); it != m_protocol.counted().end(); ++it)
            context.report(it.key(), it.value());
    return delivered;
}

} // namespace sluice::destination
