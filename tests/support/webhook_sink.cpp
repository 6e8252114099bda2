#include "webhook_sink.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QPointer>
#include <QElapsedTimer>
#include <QTimer>

#include <deque>
#include <memory>

namespace sluice::test {

struct WebhookSink::State
{
    mutable QMutex mutex;
    struct Fault
    {
        enum Kind { Status, Drop, Delay, Trickle } kind;
        int status = 0;
        int retryAfter = -1;
        int delayMs = 0;
        QHash<QByteArray, QByteArray> headers;
    };
    QList<WebhookSink::Received> received;
    std::deque<Fault> faults;
    QHash<QString, QString> rejectReasons;
    QSet<QString> badRequest;
    QHash<QString, QJsonObject> records;
    QHash<QString, int> deliveries;
    QHash<QByteArray, QByteArray> answered; // Idempotency-Key -> the body it was answered with
    QList<QByteArray> keys;
    int requests = 0;
    int ratePerSecond = 0;
    bool countOnly = false;
    qint64 accepted = 0;
    std::deque<qint64> recent; // arrival times (ms) inside the last second
    QElapsedTimer clock;
};

class SinkServer final : public QObject
{
public:
    explicit SinkServer(WebhookSink::State *state) : m_state(state) {}

    quint16 listen()
    {
        m_server = new QTcpServer(this);
        m_server->listen(QHostAddress::LocalHost, 0);
        QObject::connect(m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                    m_buffers.remove(socket);
                    m_throttled.remove(socket);
                    socket->deleteLater();
                });
            }
        });
        return m_server->serverPort();
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            // Like an API gateway, the rate limit counts a request when its
            // headers arrive, not when its body has been read.
            if (!m_throttled.contains(socket))
                m_throttled.insert(socket, overLimit());
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            qsizetype length = 0;
            QByteArray idempotency;
            WebhookSink::Received seen;
            seen.method = lines.value(0).split(' ').value(0);
            for (const QByteArray &line : lines) {
                const qsizetype colon = line.indexOf(':');
                if (colon < 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed().toLower();
                seen.headers.insert(name, line.mid(colon + 1).trimmed());
                if (name == "content-length")
                    length = line.mid(colon + 1).trimmed().toLongLong();
                else if (name == "idempotency-key")
                    idempotency = line.mid(colon + 1).trimmed();
            }
            if (buffer.size() < headerEnd + 4 + length)
                return;
            const QByteArray body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);
            seen.bodySize = body.size();
            {
                QMutexLocker lock(&m_state->mutex);
                m_state->received.append(seen);
            }
            handle(socket, body, idempotency, m_throttled.take(socket));
        }
    }

    static QByteArray head(int status, qsizetype length, int retryAfter, const QHash<QByteArray, QByteArray> &headers = {})
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(length) + "\r\n";
        if (retryAfter >= 0)
            head += "Retry-After: " + QByteArray::number(retryAfter) + "\r\n";
        for (auto it = headers.begin(); it != headers.end(); ++it)
            head += it.key() + ": " + it.value() + "\r\n";
        return head + "\r\n";
    }

    static void respond(QTcpSocket *socket, int status, const QByteArray &body, int retryAfter = -1,
                        const QHash<QByteArray, QByteArray> &headers = {})
    {
        socket->write(head(status, body.size(), retryAfter, headers) + body);
        socket->flush();
    }

    // Headers at once, then the body a byte at a time: a server that is alive but never quite done.
    void trickle(QTcpSocket *socket, const QByteArray &body, int msPerByte)
    {
        socket->write(head(200, body.size(), -1));
        socket->flush();
        QPointer<QTcpSocket> guard(socket);
        auto *timer = new QTimer(this);
        auto sent = std::make_shared<qsizetype>(0);
        QObject::connect(timer, &QTimer::timeout, this, [guard, body, sent, timer] {
            if (!guard || *sent >= body.size()) {
                timer->deleteLater();
                return;
            }
            guard->write(body.mid((*sent)++, 1));
            guard->flush();
        });
        timer->start(msPerByte);
    }

    // A strict one-second sliding window over the requests it let through.
    bool overLimit()
    {
        QMutexLocker lock(&m_state->mutex);
        if (m_state->ratePerSecond <= 0)
            return false;
        const qint64 now = m_state->clock.elapsed();
        while (!m_state->recent.empty() && m_state->recent.front() <= now - 1000)
            m_state->recent.pop_front();
        if (int(m_state->recent.size()) >= m_state->ratePerSecond)
            return true;
        m_state->recent.push_back(now);
        return false;
    }

    void handle(QTcpSocket *socket, const QByteArray &body, const QByteArray &idempotency, bool throttled)
    {
        WebhookSink::State::Fault fault{WebhookSink::State::Fault::Status, 0, -1, 0, {}};
        bool faulty = false;
        {
            QMutexLocker lock(&m_state->mutex);
            ++m_state->requests;
            m_state->keys.append(idempotency);
            if (throttled) {
                fault = {WebhookSink::State::Fault::Status, 429, 1, 0, {}};
                faulty = true;
            }
            if (!faulty && !m_state->faults.empty()) {
                fault = m_state->faults.front();
                m_state->faults.pop_front();
                faulty = true;
            }
        }
        if (faulty && fault.kind == WebhookSink::State::Fault::Drop) {
            socket->abort();
            return;
        }
        if (faulty && fault.kind == WebhookSink::State::Fault::Status) {
            respond(socket, fault.status, "{\"error\": \"injected\"}", fault.retryAfter, fault.headers);
            return;
        }
        if (faulty && fault.kind == WebhookSink::State::Fault::Trickle) {
            trickle(socket, apply(body, idempotency), fault.delayMs);
            return;
        }
        const QByteArray answer = apply(body, idempotency);
        const int status = answer.startsWith("400:") ? 400 : 200;
        const QByteArray payload = status == 400 ? answer.mid(4) : answer;
        if (faulty && fault.kind == WebhookSink::State::Fault::Delay) {
            QPointer<QTcpSocket> guard(socket);
            QTimer::singleShot(fault.delayMs, this, [guard, payload, status] {
                if (guard)
                    respond(guard, status, payload);
            });
            return;
        }
        respond(socket, status, payload);
    }

    QByteArray apply(const QByteArray &body, const QByteArray &idempotency)
    {
        QMutexLocker lock(&m_state->mutex);
        if (!idempotency.isEmpty() && m_state->answered.contains(idempotency))
            return m_state->answered.value(idempotency);
        const QJsonArray batch = QJsonDocument::fromJson(body).object().value(QStringLiteral("batch")).toArray();
        for (const QJsonValue &v : batch) {
            const QString key = v.toObject().value(QStringLiteral("key")).toString();
            if (m_state->badRequest.contains(key))
                return "400:{\"error\": \"record " + key.toUtf8() + " has a field this API refuses\"}";
        }
        QJsonArray results;
        if (m_state->countOnly) {
            m_state->accepted += batch.size();
            return QByteArrayLiteral("{\"results\":[]}");
        }
        for (const QJsonValue &v : batch) {
            const QJsonObject r = v.toObject();
            const QString key = r.value(QStringLiteral("key")).toString();
            if (m_state->rejectReasons.contains(key)) {
                results.append(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("status"), QStringLiteral("rejected")},
                                           {QStringLiteral("error"), m_state->rejectReasons.value(key)}});
                continue;
            }
            if (r.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
                m_state->records.remove(key);
            else
                m_state->records.insert(key, r.value(QStringLiteral("fields")).toObject());
            m_state->deliveries[key] += 1;
        }
        const QByteArray answer = QJsonDocument(QJsonObject{{QStringLiteral("results"), results}}).toJson(QJsonDocument::Compact);
        if (!idempotency.isEmpty())
            m_state->answered.insert(idempotency, answer);
        return answer;
    }

    WebhookSink::State *m_state;
    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QHash<QTcpSocket *, bool> m_throttled; // the decision for the request whose headers arrived
};

WebhookSink::WebhookSink() : m_state(new State)
{
    auto *server = new SinkServer(m_state);
    server->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, server, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(server, [this, server] { m_port = server->listen(); }, Qt::BlockingQueuedConnection);
}

WebhookSink::~WebhookSink()
{
    m_thread.quit();
    m_thread.wait();
    delete m_state;
}

void WebhookSink::failNext(int requests, int status, int retryAfterSeconds)
{
    QMutexLocker lock(&m_state->mutex);
    for (int i = 0; i < requests; ++i)
        m_state->faults.push_back({State::Fault::Status, status, retryAfterSeconds, 0, {}});
}

void WebhookSink::failNextWith(int requests, int status, const QHash<QByteArray, QByteArray> &headers)
{
    QMutexLocker lock(&m_state->mutex);
    for (int i = 0; i < requests; ++i)
        m_state->faults.push_back({State::Fault::Status, status, -1, 0, headers});
}

void WebhookSink::trickleNext(int requests, int msPerByte)
{
    QMutexLocker lock(&m_state->mutex);
    for (int i = 0; i < requests; ++i)
        m_state->faults.push_back({State::Fault::Trickle, 200, -1, msPerByte, {}});
}

QList<WebhookSink::Received> WebhookSink::received() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->received;
}

void WebhookSink::dropNext(int requests)
{
    QMutexLocker lock(&m_state->mutex);
    for (int i = 0; i < requests; ++i)
        m_state->faults.push_back({State::Fault::Drop, 0, -1, 0, {}});
}

void WebhookSink::delayNext(int requests, int milliseconds)
{
    QMutexLocker lock(&m_state->mutex);
    for (int i = 0; i < requests; ++i)
        m_state->faults.push_back({State::Fault::Delay, 0, -1, milliseconds, {}});
}

void WebhookSink::rejectKeys(const QHash<QString, QString> &reasons)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->rejectReasons = reasons;
}

void WebhookSink::badRequestKeys(const QSet<QString> &keys)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->badRequest = keys;
}

void WebhookSink::enforceRateLimit(int perSecond)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->ratePerSecond = perSecond;
    m_state->recent.clear();
    m_state->clock.start();
}

void WebhookSink::countOnly()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->countOnly = true;
}

qint64 WebhookSink::accepted() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->accepted;
}

void WebhookSink::clearFaults()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->faults.clear();
    m_state->rejectReasons.clear();
    m_state->badRequest.clear();
}

QHash<QString, QJsonObject> WebhookSink::records() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->records;
}

QHash<QString, int> WebhookSink::deliveries() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->deliveries;
}

int WebhookSink::requests() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->requests;
}

QList<QByteArray> WebhookSink::idempotencyKeys() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->keys;
}

} // namespace sluice::test
