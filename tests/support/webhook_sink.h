#pragma once

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThread>

class QTcpServer;

namespace sluice::test {

// A webhook destination for tests, on loopback only, in its own thread. It
// speaks DESIGN.md's webhook format, keeps what it accepted as its state
// (key -> fields), honours Idempotency-Key (a retried batch is applied once),
// and can be told to misbehave: answer 429 with Retry-After, 500, answer
// late, drop the connection, reject chosen keys in a 2xx body, or refuse a
// batch with 400 when it holds a chosen key.
class WebhookSink final
{
public:
    WebhookSink();
    ~WebhookSink();
    WebhookSink(const WebhookSink &) = delete;
    WebhookSink &operator=(const WebhookSink &) = delete;

    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/ingest").arg(m_port); }

    void failNext(int requests, int status, int retryAfterSeconds = -1);
    // Answer `status` with these extra headers (Location, a Retry-After date, ...).
    void failNextWith(int requests, int status, const QHash<QByteArray, QByteArray> &headers);
    // Answer normally, but one byte every `msPerByte`.
    void trickleNext(int requests, int msPerByte);
    void dropNext(int requests);
    void delayNext(int requests, int milliseconds);
    void rejectKeys(const QHash<QString, QString> &reasons); // 2xx with "results"
    void badRequestKeys(const QSet<QString> &keys);          // 400 for a batch holding one
    void clearFaults();
    // Answer 429 (Retry-After: 1) to requests beyond `perSecond` in any one-second window.
    void enforceRateLimit(int perSecond);
    // For benchmarks of millions of records: count what arrives, keep nothing per record.
    void countOnly();
    qint64 accepted() const;

    QHash<QString, QJsonObject> records() const;       // the sink's state after upserts and deletes
    QHash<QString, int> deliveries() const;             // key -> times accepted (idempotent batches once)
    int requests() const;
    QList<QByteArray> idempotencyKeys() const;
    struct Received
    {
        QByteArray method;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        qsizetype bodySize = 0;
    };
    QList<Received> received() const; // every request, in arrival order

private:
    friend class SinkServer;
    struct State;
    State *m_state;
    QThread m_thread;
    quint16 m_port = 0;
};

} // namespace sluice::test
