#include "meta_emulator.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace sluice::test {

namespace {

EmulatorServer::Response graphError(int status, int code, int subcode, const QString &message)
{
    QJsonObject e{{QStringLiteral("message"), message}, {QStringLiteral("type"), QStringLiteral("OAuthException")}, {QStringLiteral("code"), code},
                  {QStringLiteral("fbtrace_id"), QStringLiteral("AbCdEmul")}};
    if (subcode)
        e.insert(QStringLiteral("error_subcode"), subcode);
    return EmulatorServer::Response::json(status, QJsonDocument(QJsonObject{{QStringLiteral("error"), e}}).toJson(QJsonDocument::Compact));
}

const QStringList kKinds{QStringLiteral("EMAIL"), QStringLiteral("PHONE"), QStringLiteral("FN"),    QStringLiteral("LN"),  QStringLiteral("FI"),
                         QStringLiteral("GEN"),   QStringLiteral("DOBY"),  QStringLiteral("DOBM"),  QStringLiteral("DOBD"), QStringLiteral("CT"),
                         QStringLiteral("ST"),    QStringLiteral("ZIP"),   QStringLiteral("COUNTRY"), QStringLiteral("MADID"), QStringLiteral("EXTERN_ID")};

} // namespace

MetaEmulator::MetaEmulator(QString token, QString audienceId, int callsPerSecond, quint16 port)
    : m_token(std::move(token)), m_audience(std::move(audienceId)), m_window(callsPerSecond, 1000)
{
    start(port);
}

MetaEmulator::~MetaEmulator()
{
    stop();
}

void MetaEmulator::setFlagged(bool flagged)
{
    QMutexLocker lock(&m_mutex);
    m_flagged = flagged;
}

void MetaEmulator::setPermission(bool granted)
{
    QMutexLocker lock(&m_mutex);
    m_permission = granted;
}

void MetaEmulator::setRateLimit(int callsPerSecond)
{
    QMutexLocker lock(&m_mutex);
    m_window.reset(callsPerSecond);
}

QSet<QString> MetaEmulator::members() const
{
    QMutexLocker lock(&m_mutex);
    return QSet<QString>(m_members.keyBegin(), m_members.keyEnd());
}

bool MetaEmulator::hasIdentifier(const QString &value) const
{
    QMutexLocker lock(&m_mutex);
    for (const QStringList &row : m_members)
        if (row.contains(value))
            return true;
    return false;
}

QList<QJsonObject> MetaEmulator::payloads() const
{
    QMutexLocker lock(&m_mutex);
    return m_payloads;
}

int MetaEmulator::throttled() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.throttled();
}

EmulatorServer::Response MetaEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    QString token = body.value(QStringLiteral("access_token")).toString();
    if (token.isEmpty())
        token = request.query.queryItemValue(QStringLiteral("access_token"));
    if (token.isEmpty() && request.header("authorization").startsWith("Bearer "))
        token = QString::fromUtf8(request.header("authorization").mid(7));
    if (token != m_token)
        return graphError(400, 190, 0, QStringLiteral("Invalid OAuth access token - Cannot parse access token"));
    static const QRegularExpression me(QStringLiteral("^/v\\d+\\.\\d+/me$"));
    if (request.method == "GET" && me.match(request.path).hasMatch())
        return Response::json(200, R"({"id": "10001", "name": "Sluice System User"})");
    static const QRegularExpression users(QStringLiteral("^/v\\d+\\.\\d+/(\\d+)/users(replace)?$"));
    const QRegularExpressionMatch m = users.match(request.path);
    if (!m.hasMatch() || (request.method != "POST" && request.method != "DELETE"))
        return graphError(400, 100, 33, QStringLiteral("Unsupported %1 request. Object with ID '%2' does not exist").arg(QString::fromLatin1(request.method), request.path));
    if (m.captured(1) != m_audience)
        return graphError(400, 100, 33, QStringLiteral("Unsupported post request. Object with ID '%1' does not exist, cannot be loaded due to missing permissions").arg(m.captured(1)));
    if (!m_permission)
        return graphError(403, 200, 0, QStringLiteral("(#200) The user does not have permission to edit this custom audience: ads_management is required"));
    if (m_window.admit(request.arrivedMs) > 0) {
        Response r = graphError(400, 80003, 2446079, QStringLiteral("There have been too many calls to this ad-account. Wait a bit and try again."));
        r.headers.append(qMakePair(QByteArrayLiteral("X-Business-Use-Case-Usage"),
                                   QByteArrayLiteral(R"({"10001":[{"type":"custom_audience","call_count":100,"total_cputime":12,"total_time":14,"estimated_time_to_regain_access":0}]})")));
        return r;
    }
    if (m_flagged)
        return graphError(400, 100, 1713230, QStringLiteral("This audience has been flagged for violating Meta's Advertising Policies and cannot be updated"));
    if (!m.captured(2).isEmpty()) {
        if (request.method != "POST")
            return graphError(400, 100, 0, QStringLiteral("(#100) usersreplace takes POST only"));
        if (!body.value(QStringLiteral("session")).isObject())
            return graphError(400, 100, 0, QStringLiteral("(#100) The parameter session is required to replace users"));
    }
    return edit(request, request.method == "POST", !m.captured(2).isEmpty());
}

EmulatorServer::Response MetaEmulator::edit(const Request &request, bool add, bool replace)
{
    const QJsonObject payload = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("payload")).toObject();
    m_payloads.append(payload);
    QStringList schema;
    if (payload.value(QStringLiteral("schema")).isString())
        schema.append(payload.value(QStringLiteral("schema")).toString());
    for (const QJsonValue &v : payload.value(QStringLiteral("schema")).toArray())
        schema.append(v.toString());
    for (const QString &kind : std::as_const(schema))
        if (!kKinds.contains(kind))
            return graphError(400, 100, 0, QStringLiteral("(#100) Invalid schema: %1 is not a supported key").arg(kind));
    const QJsonArray data = payload.value(QStringLiteral("data")).toArray();
    qint64 sessionId = 0;
    if (const QJsonValue session = QJsonDocument::fromJson(request.body).object().value(QStringLiteral("session")); !session.isUndefined()) {
        const QJsonObject o = session.toObject();
        const double id = o.value(QStringLiteral("session_id")).toDouble(-1), seq = o.value(QStringLiteral("batch_seq")).toDouble(-1);
        const QJsonValue last = o.value(QStringLiteral("last_batch_flag")), total = o.value(QStringLiteral("estimated_num_total"));
        if (!session.isObject() || id < 1 || id != std::floor(id) || seq < 1 || seq != std::floor(seq) || !last.isBool()
            || (!total.isUndefined() && (!total.isDouble() || total.toDouble() < 0)))
            return graphError(400, 100, 0, QStringLiteral("(#100) Invalid session: session_id and batch_seq must be positive integers, last_batch_flag a boolean"));
        sessionId = qint64(id);
        Session &known = m_sessions[sessionId];
        // Batches may arrive out of order (uploads run side by side, throttled
        // ones come again); Meta documents no refusal of a batch numbered
        // after the last, so it is taken and counted.
        known.afterLast += known.closed && int(seq) > known.lastSeq;
        known.batches.append(int(seq));
        if (last.toBool()) {
            known.closed = true;
            known.lastSeq = int(seq);
        }
        known.received += data.size();
        known.estimatedTotal = total.isDouble() ? total.toInteger() : -1;
        known.removal = !add;
        known.replace = replace;
    }
    if (schema.isEmpty() || data.isEmpty())
        return graphError(400, 100, 0, QStringLiteral("(#100) The parameter payload is required with a schema and data"));
    if (data.size() > 10000)
        return graphError(400, 100, 0, QStringLiteral("(#100) Too many entries: a request takes at most 10000 users"));
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{64}$"));
    int invalid = 0;
    QJsonObject samples;
    for (const QJsonValue &v : data) {
        const QJsonArray row = v.toArray();
        if (row.size() != schema.size())
            return graphError(400, 100, 0, QStringLiteral("(#100) Each data row must have %1 values, as the schema").arg(schema.size()));
        QStringList values;
        bool bad = false;
        for (qsizetype i = 0; i < row.size(); ++i) {
            const QString value = row[i].toString();
            const bool hashed = schema[i] != QLatin1String("MADID") && schema[i] != QLatin1String("EXTERN_ID");
            if (!value.isEmpty() && hashed && !sha.match(value).hasMatch()) {
                bad = true;
                samples.insert(value, QStringLiteral("%1 is not a SHA-256 hash").arg(schema[i]));
            }
            values.append(value);
        }
        const QString id = values.join(QLatin1Char('|'));
        if (bad || QString(values.join(QString())).isEmpty()) {
            ++invalid;
            continue;
        }
        if (replace)
            m_replacing[sessionId].insert(id, values);
        else if (add)
            m_members.insert(id, values);
        else
            m_members.remove(id);
    }
    // A replacement takes effect with its session's last batch: the audience is then what the session sent.
    if (replace && m_sessions.value(sessionId).closed) {
        m_members = m_replacing.take(sessionId);
    }
    const QJsonObject answer{{QStringLiteral("audience_id"), m_audience},
                             {QStringLiteral("session_id"), sessionId ? QString::number(sessionId) : QString::number(qHash(QUuid::createUuid()))},
                             {QStringLiteral("num_received"), int(data.size())},
                             {QStringLiteral("num_invalid_entries"), invalid},
                             {QStringLiteral("invalid_entry_samples"), samples}};
    return Response::json(200, QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

QHash<qint64, MetaEmulator::Session> MetaEmulator::sessions() const
{
    QMutexLocker lock(&m_mutex);
    return m_sessions;
}

void MetaEmulator::addMember(const QStringList &values)
{
    QMutexLocker lock(&m_mutex);
    m_members.insert(values.join(QLatin1Char('|')), values);
}

} // namespace sluice::test
