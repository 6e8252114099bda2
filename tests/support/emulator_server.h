#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>
#include <QElapsedTimer>
#include <QUrlQuery>

#include <deque>

#include <functional>
#include <optional>

namespace sluice::test {

// The base every API emulator stands on: an HTTP/1.1 server on loopback, in
// a thread of its own, that reads whole requests (keep-alive, Content-Length
// bodies) and hands each to `handle`. An emulator is strict where its API is
// strict; this base only speaks HTTP. Faults any test can inject: drop the
// next connections, answer the next requests with a status.
// Milliseconds on one monotonic clock shared by every emulator: when a
// request arrived, and when a rate window looks at it.
qint64 emulatorClockMs();

// A rolling window of at most `limit` requests per `windowMs`, kept the way
// rate-limited APIs keep one: a request counts at the moment it arrived (its
// first byte), as an API's gateway counts it, not when the emulator got round
// to parsing its body. Not locked: an emulator calls it under its mutex.
class RateWindow
{
public:
    RateWindow(int limit, qint64 windowMs);
    void reset(int limit);
    // 0 admits the request (and counts it); otherwise the ms until one may
    // pass. `arrivedMs` is the request's arrival on emulatorClockMs(); -1: now.
    qint64 admit(qint64 arrivedMs = -1);
    int limit() const { return m_limit; }
    int throttled() const { return m_throttled; }
    int maxInWindow() const { return m_maxInWindow; }

private:
    int m_limit;
    qint64 m_windowMs;
    std::deque<qint64> m_times; // arrival times, ascending
    int m_throttled = 0;
    int m_maxInWindow = 0;
};

class EmulatorServer
{
public:
    struct Request
    {
        QByteArray method;
        QString path; // without the query
        QUrlQuery query;
        QHash<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
        qint64 arrivedMs = -1; // emulatorClockMs() when its first byte came in
        QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    };
    struct Response
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        static Response json(int status, const QByteArray &body)
        {
            return {status, body, {qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json;charset=utf-8"))}};
        }
    };

    EmulatorServer();
    virtual ~EmulatorServer();
    EmulatorServer(const EmulatorServer &) = delete;
    EmulatorServer &operator=(const EmulatorServer &) = delete;

    // Starts listening (call once, after construction) and stops (call in the
    // derived destructor: no request may reach a half-destroyed emulator).
    void start(quint16 port = 0);
    void stop();
    quint16 port() const { return m_port; }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }

    void dropNext(int connections);
    void failNext(int requests, int status, const QByteArray &body = "{\"message\": \"injected\"}");
    QList<Request> requests() const;
    int requestCount() const;

protected:
    // Called on the server thread, one request at a time.
    virtual Response handle(const Request &request) = 0;
    mutable QMutex m_mutex; // guards the emulator's state too

private:
    friend class EmulatorConnection;
    bool takeDrop();
    std::optional<Response> takeFault();
    void record(const Request &request);

    QThread m_thread;
    QObject *m_server = nullptr;
    quint16 m_port = 0;
    int m_drops = 0;
    QList<Response> m_faults;
    QList<Request> m_requests;
};

} // namespace sluice::test
