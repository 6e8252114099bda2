#include "emulator_server.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

#include <algorithm>
#include <chrono>

namespace sluice::test {

// One connection: buffers bytes until a whole request is in, answers it, and
// goes on (keep-alive) until the client closes.
class EmulatorConnection final : public QObject
{
public:
    EmulatorConnection(EmulatorServer *owner, QTcpSocket *socket) : m_owner(owner), m_socket(socket)
    {
        connect(socket, &QTcpSocket::readyRead, this, &EmulatorConnection::read);
        connect(socket, &QTcpSocket::disconnected, this, [this] {
            m_socket->deleteLater();
            deleteLater();
        });
    }

private:
    void read()
    {
        if (m_buffer.isEmpty())
            m_arrivedMs = emulatorClockMs();
        m_buffer += m_socket->readAll();
        for (;;) {
            const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                return;
            const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
            EmulatorServer::Request request;
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            const QUrl url(QString::fromLatin1(first.value(1)));
            request.path = url.path();
            request.query = QUrlQuery(url.query());
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length").toLongLong();
            if (m_buffer.size() < headerEnd + 4 + length)
                return;
            request.body = m_buffer.mid(headerEnd + 4, length);
            request.arrivedMs = m_arrivedMs;
            m_buffer.remove(0, headerEnd + 4 + length);
            m_arrivedMs = emulatorClockMs(); // a pipelined request behind it
            if (m_owner->takeDrop()) {
                m_socket->abort();
                return;
            }
            m_owner->record(request);
            const std::optional<EmulatorServer::Response> fault = m_owner->takeFault();
            write(fault ? *fault : m_owner->handle(request));
        }
    }

    void write(const EmulatorServer::Response &r)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " X\r\nContent-Length: " + QByteArray::number(r.body.size()) + "\r\n";
        for (const auto &[name, value] : r.headers)
            head += name + ": " + value + "\r\n";
        m_socket->write(head + "\r\n" + r.body);
        m_socket->flush();
    }

    EmulatorServer *m_owner;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    qint64 m_arrivedMs = 0;
};

EmulatorServer::EmulatorServer() = default;

EmulatorServer::~EmulatorServer()
{
    stop();
}

void EmulatorServer::start(quint16 port)
{
    auto *server = new QTcpServer;
    server->moveToThread(&m_thread);
    m_server = server;
    QObject::connect(&m_thread, &QThread::finished, server, &QObject::deleteLater);
    m_thread.start();
    QMetaObject::invokeMethod(
        server,
        [this, server, port] {
            server->listen(QHostAddress::LocalHost, port);
            m_port = server->serverPort();
            QObject::connect(server, &QTcpServer::newConnection, server, [this, server] {
                while (QTcpSocket *socket = server->nextPendingConnection())
                    new EmulatorConnection(this, socket);
            });
        },
        Qt::BlockingQueuedConnection);
}

void EmulatorServer::stop()
{
    if (!m_thread.isRunning())
        return;
    m_thread.quit();
    m_thread.wait();
}

void EmulatorServer::dropNext(int connections)
{
    QMutexLocker lock(&m_mutex);
    m_drops += connections;
}

void EmulatorServer::failNext(int requests, int status, const QByteArray &body)
{
    QMutexLocker lock(&m_mutex);
    for (int i = 0; i < requests; ++i)
        m_faults.append(Response::json(status, body));
}

QList<EmulatorServer::Request> EmulatorServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

int EmulatorServer::requestCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_requests.size());
}

bool EmulatorServer::takeDrop()
{
    QMutexLocker lock(&m_mutex);
    if (m_drops <= 0)
        return false;
    --m_drops;
    return true;
}

std::optional<EmulatorServer::Response> EmulatorServer::takeFault()
{
    QMutexLocker lock(&m_mutex);
    if (m_faults.isEmpty())
        return std::nullopt;
    return m_faults.takeFirst();
}

void EmulatorServer::record(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    m_requests.append(request);
}

qint64 emulatorClockMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

RateWindow::RateWindow(int limit, qint64 windowMs) : m_limit(limit), m_windowMs(windowMs) {}

void RateWindow::reset(int limit)
{
    m_limit = limit;
    m_times.clear();
    m_maxInWindow = 0;
}

qint64 RateWindow::admit(qint64 arrivedMs)
{
    const qint64 now = emulatorClockMs();
    const qint64 at = arrivedMs >= 0 ? std::min(arrivedMs, now) : now;
    // Requests on several connections can be parsed out of arrival order: the
    // window is every counted request within windowMs before this arrival.
    while (!m_times.empty() && m_times.front() <= now - 2 * m_windowMs)
        m_times.pop_front();
    const auto first = std::upper_bound(m_times.begin(), m_times.end(), at - m_windowMs);
    const auto end = std::upper_bound(m_times.begin(), m_times.end(), at);
    const int inWindow = int(end - first);
    if (inWindow >= m_limit) {
        ++m_throttled;
        return qMax<qint64>(1, *first + m_windowMs - at);
    }
    m_times.insert(end, at);
    m_maxInWindow = qMax(m_maxInWindow, inWindow + 1);
    return 0;
}

} // namespace sluice::test
