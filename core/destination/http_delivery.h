#pragma once

#include "destination/destination.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QUrl>

// The delivery loop every HTTP destination shares, written once: batches cut
// by count and by bytes, N requests in flight, a rate limiter, retries with
// exponential backoff and jitter, Retry-After (seconds or an HTTP date) up to
// a ceiling, batch splitting only where a 4xx can be blamed on records, and
// the answers that must fail a run instead of rejecting records (refused
// credentials, redirects). A connector supplies only an HttpProtocol: how a
// batch becomes a request and how an answer becomes per-record outcomes.
namespace sluice::destination {

struct HttpSettings
{
    int batchSize = 100;
    qint64 maxBatchBytes = 4 * 1024 * 1024;
    int concurrency = 4;
    double rateRequests = 0; // 0: no limit
    double ratePerSeconds = 1;
    int timeoutSeconds = 30;      // bounds a whole request, slow answers included
    int maxAttempts = 6;
    int backoffBaseMs = 500;
    int maxRetryWaitSeconds = 300; // a server asking to wait longer ends the run
    // The account the rate limit belongs to ("destination crm"): every request
    // to it in this process, a delivery's and a check's or describe's alike,
    // shares one limiter. Empty: the delivery's owner.
    QString account;

    // Reads settings already validated by the workspace (see connector_info).
    static HttpSettings from(const QJsonObject &config);
    static HttpSettings from(const QJsonObject &config, HttpSettings defaults);
};

struct HttpRequest
{
    QUrl url;
    QByteArray method = "POST";
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

struct HttpAnswer
{
    int status = 0; // 0: no HTTP answer (network error, timeout)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QString networkProblem;

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

// What one answer means for its batch.
struct Verdict
{
    enum class Kind {
        Settled,            // outcomes for every operation of the batch
        Retry,              // a transient failure: back off and send again
        Throttled,          // the server asked to wait (waitMs, or back off when -1)
        Split,              // a 4xx about the records: halve, or reject a lone record
        RefusedCredentials, // 401 / 403: the whole run fails, no record is rejected
        Fatal,              // the run cannot go on (a redirect, an unusable answer)
    };
    Kind kind = Kind::Settled;
    QList<Outcome> outcomes;
    QString problem; // for people: what happened, in the destination's words where it has them
    qint64 waitMs = -1;
};

// Retry-After as seconds or an HTTP date (RFC 9110), in ms from `now`; -1 when absent or unreadable.
qint64 parseRetryAfter(const QByteArray &value, const QDateTime &now = QDateTime::currentDateTimeUtc());

struct BatchContext
{
    const DeliveryContext &delivery;
    int number = 0; // 1-based; split halves get new numbers
};

class HttpProtocol
{
public:
    virtual ~HttpProtocol() = default;
    virtual HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const = 0;
    // The standard reading of an answer; a connector overrides it to read its
    // own error format, and calls it for what it does not recognise.
    virtual Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const;
    // Bytes an operation adds to a request, to cut batches under maxBatchBytes.
    virtual qint64 cost(const Operation &operation) const;
    // True when a request carries one kind of operation (an upsert call, a
    // removal call): batches are then cut where the kind changes.
    virtual bool oneKindPerBatch() const { return false; }
    // What the platform counted of the records (created, updated, received,
    // invalid), added up while answers are judged and reported to the run
    // when the delivery ends.
    void count(const QString &measure, qint64 value) const { m_counted[measure] += value; }
    const QHash<QString, qint64> &counted() const { return m_counted; }

protected:
    // A 2xx answer: by default every operation was accepted.
    virtual QList<Outcome> decodeAccepted(const QList<Operation> &operations, const HttpAnswer &answer) const;

private:
    mutable QHash<QString, qint64> m_counted;
};

// One request outside a delivery (check, describe): the same policy (no
// redirects, the whole request bounded by `timeoutSeconds`), waited for here.
HttpAnswer httpRequest(const HttpRequest &request, int timeoutSeconds);
// The same, retried as a delivery retries: network errors, 408, 429, 5xx, up
// to max_attempts with backoff (Retry-After honoured up to its ceiling); each
// attempt waits its turn on the account's rate limiter.
HttpAnswer httpRequestRetried(const HttpRequest &request, const HttpSettings &settings);

class HttpDelivery final
{
public:
    // `owner` names the destination in messages ("destination crm").
    HttpDelivery(QString owner, HttpSettings settings, const HttpProtocol &protocol);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context);

private:
    QString m_owner;
    HttpSettings m_settings;
    const HttpProtocol &m_protocol;
};

} // namespace sluice::destination
