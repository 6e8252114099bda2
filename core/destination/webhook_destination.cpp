#include "destination/webhook_destination.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTimer>

#include <limits>

namespace sluice::destination {

namespace {


struct Batch
{
    QList<Operation> operations;
    int number = 0;
    int attempts = 0;
    qint64 notBeforeMs = 0;
    QString lastProblem;
};

qint64 retryAfterMs(const QNetworkReply *reply)
{
    const QByteArray value = reply->rawHeader("Retry-After").trimmed();
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok)
        return qint64(seconds * 1000);
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    return when.isValid() ? qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when)) : -1;
}

} // namespace

HttpSettings HttpSettings::from(const QJsonObject &config)
{
    HttpSettings s;
    s.batchSize = qBound(1, config.value(QStringLiteral("batch_size")).toInt(s.batchSize), 100000);
    s.concurrency = qBound(1, config.value(QStringLiteral("concurrency")).toInt(s.concurrency), 64);
    const QJsonObject rate = config.value(QStringLiteral("rate_limit")).toObject();
    s.rateRequests = rate.value(QStringLiteral("requests")).toDouble(0);
    s.ratePerSeconds = rate.value(QStringLiteral("per_seconds")).toDouble(1);
    s.timeoutSeconds = qMax(1, config.value(QStringLiteral("timeout_s")).toInt(s.timeoutSeconds));
    s.maxAttempts = qMax(1, config.value(QStringLiteral("max_attempts")).toInt(s.maxAttempts));
    s.backoffBaseMs = qMax(1, config.value(QStringLiteral("backoff_ms")).toInt(s.backoffBaseMs));
    return s;
}

WebhookDestination::WebhookDestination(QString name, QUrl url, QHash<QByteArray, QByteArray> headers, HttpSettings settings)
    : m_name(std::move(name)), m_url(std::move(url)), m_headers(std::move(headers)), m_settings(settings)
{
}

Result<void> WebhookDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    QNetworkAccessManager nam;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    RateLimiter limiter(m_settings.rateRequests, m_settings.ratePerSeconds);

    QList<Batch> queue;
    int nextNumber = 1;
    for (qsizetype i = 0; i < operations.size(); i += m_settings.batchSize)
        queue.append({operations.mid(i, m_settings.batchSize), nextNumber++, 0, 0, {}});

    int inFlight = 0;
    qint64 done = 0;
    QString fatal;
    bool cancelled = false;
    QList<QNetworkReply *> replies;
    QTimer pump;
    pump.setSingleShot(true);
    pump.setTimerType(Qt::PreciseTimer); // pacing: a late timer is throughput lost for good

    std::function<void()> schedule;
    auto retry = [&](Batch batch, const QString &problem, qint64 waitMs, int attemptLimit) {
        batch.attempts += 1;
        batch.lastProblem = problem;
        if (batch.attempts >= attemptLimit) {
            if (fatal.isEmpty())
                fatal = QCoreApplication::translate("sluice::destination", "%1: gave up on batch %2 after %3 attempts: %4").arg(owner).arg(batch.number).arg(batch.attempts).arg(problem);
            return;
        }
        if (waitMs < 0) {
            // Exponential backoff with jitter: half fixed, half random.
            const qint64 base = qMin<qint64>(30000, qint64(m_settings.backoffBaseMs) << qMin(batch.attempts - 1, 16));
            waitMs = base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1);
        }
        batch.notBeforeMs = clock.elapsed() + waitMs;
        queue.prepend(batch);
    };

    auto send = [&](Batch batch) {
        if (context.sending && batch.attempts == 0)
            context.sending(batch.operations);
        // Written by hand so each record's fields, already compact JSON, go in as they are.
        auto jsonString = [](const QString &text) {
            const QByteArray a = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
            return a.mid(1, a.size() - 2);
        };
        QByteArray body = "{\"sync\":" + jsonString(context.sync) + ",\"run_id\":" + jsonString(context.runId) + ",\"batch\":[";
        for (qsizetype i = 0; i < batch.operations.size(); ++i) {
            const Operation &op = batch.operations[i];
            if (i > 0)
                body += ',';
            body += "{\"op\":\"" + opName(op.kind).toLatin1() + "\",\"key\":" + jsonString(op.key);
            if (op.kind != OpKind::Delete)
                body += ",\"fields\":" + (op.fieldsJson.isEmpty() ? QByteArray("{}") : op.fieldsJson);
            body += '}';
        }
        body += "]}";
        QNetworkRequest request(m_url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setRawHeader("Idempotency-Key", QStringLiteral("%1-%2").arg(context.runId).arg(batch.number).toUtf8());
        for (auto it = m_headers.begin(); it != m_headers.end(); ++it)
            request.setRawHeader(it.key(), it.value());
        request.setTransferTimeout(m_settings.timeoutSeconds * 1000);
        QNetworkReply *reply = nam.post(request, body);
        replies.append(reply);
        ++inFlight;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, batch]() mutable {
            replies.removeOne(reply);
            reply->deleteLater();
            --inFlight;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray answer = reply->readAll();
            if (cancelled) {
                schedule();
                return;
            }
            if (status == 0) {
                const QString problem = reply->error() == QNetworkReply::OperationCanceledError
                                            ? QCoreApplication::translate("sluice::destination", "no answer within %1 s").arg(m_settings.timeoutSeconds)
                                            : reply->errorString();
                retry(batch, problem, -1, m_settings.maxAttempts);
            } else if (status >= 200 && status < 300) {
                QHash<QString, QString> rejected;
                const QJsonArray results = QJsonDocument::fromJson(answer).object().value(QStringLiteral("results")).toArray();
                for (const QJsonValue &v : results) {
                    const QJsonObject r = v.toObject();
                    if (r.value(QStringLiteral("status")).toString() == QLatin1String("rejected"))
                        rejected.insert(r.value(QStringLiteral("key")).toString(),
                                        r.value(QStringLiteral("error")).toString(QCoreApplication::translate("sluice::destination", "rejected by the destination (no reason given)")));
                }
                QList<Outcome> outcomes;
                for (const Operation &op : std::as_const(batch.operations))
                    outcomes.append({op.key, !rejected.contains(op.key), rejected.value(op.key)});
                if (context.settled)
                    context.settled(batch.operations, outcomes);
                done += batch.operations.size();
                if (context.progress)
                    context.progress(done, operations.size());
            } else if (status == 429 || status == 503) {
                retry(batch, QCoreApplication::translate("sluice::destination", "HTTP %1 (throttled)").arg(status), retryAfterMs(reply), m_settings.maxAttempts * 4);
            } else if (status >= 500) {
                retry(batch, QCoreApplication::translate("sluice::destination", "HTTP %1: %2").arg(status).arg(QString::fromUtf8(answer.left(300)).trimmed()), -1,
                      m_settings.maxAttempts);
            } else if (batch.operations.size() == 1) {
                const QString reason = QCoreApplication::translate("sluice::destination", "HTTP %1: %2").arg(status).arg(QString::fromUtf8(answer.left(500)).trimmed());
                if (context.settled)
                    context.settled(batch.operations, {{batch.operations.first().key, false, reason}});
                done += 1;
            } else {
                // Split to find the bad records; the halves go first, in order.
                const qsizetype half = batch.operations.size() / 2;
                queue.prepend({batch.operations.mid(half), nextNumber++, 0, 0, {}});
                queue.prepend({batch.operations.mid(0, half), nextNumber++, 0, 0, {}});
            }
            schedule();
        });
    };

    schedule = [&]() {
        if (!fatal.isEmpty() || cancelled) {
            for (QNetworkReply *r : std::as_const(replies))
                r->abort();
            if (inFlight == 0)
                loop.quit();
            return;
        }
        if (queue.isEmpty()) {
            if (inFlight == 0)
                loop.quit();
            return;
        }
        qint64 wait = std::numeric_limits<qint64>::max();
        while (inFlight < m_settings.concurrency && !queue.isEmpty()) {
            const qint64 now = clock.elapsed();
            qsizetype ready = -1;
            for (qsizetype i = 0; i < queue.size(); ++i) {
                if (queue[i].notBeforeMs <= now) {
                    ready = i;
                    break;
                }
                wait = qMin(wait, queue[i].notBeforeMs - now);
            }
            if (ready < 0)
                break;
            const qint64 limited = limiter.waitMs();
            if (limited > 0) {
                wait = qMin(wait, limited);
                break;
            }
            limiter.take();
            send(queue.takeAt(ready));
        }
        if (wait != std::numeric_limits<qint64>::max() && inFlight < m_settings.concurrency)
            pump.start(int(qMin<qint64>(wait, 60000)));
    };
    QObject::connect(&pump, &QTimer::timeout, &loop, [&] { schedule(); });
    QTimer cancelWatch;
    QObject::connect(&cancelWatch, &QTimer::timeout, &loop, [&] {
        if (context.cancel && context.cancel->load()) {
            cancelled = true;
            schedule();
        }
    });
    cancelWatch.start(100);

    QTimer::singleShot(0, &loop, [&] { schedule(); });
    loop.exec();
    if (cancelled)
        return Error{QCoreApplication::translate("sluice::destination", "%1: cancelled").arg(owner), Error::Kind::Cancelled};
    if (!fatal.isEmpty())
        return Error{fatal, Error::Kind::Unreachable};
    return {};
}

} // namespace sluice::destination
