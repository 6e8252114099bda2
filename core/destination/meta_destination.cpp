#include "destination/meta_destination.h"

#include "destination/saas_common.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>

namespace sluice::destination {

namespace {

struct MetaError
{
    int code = 0;
    int subcode = 0;
    QString message;
};

MetaError errorOf(const QByteArray &body)
{
    const QJsonObject e = QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject();
    return {e.value(QStringLiteral("code")).toInt(), e.value(QStringLiteral("error_subcode")).toInt(), e.value(QStringLiteral("message")).toString()};
}

} // namespace

const QStringList &metaIdentifierKinds()
{
    static const QStringList kinds{QStringLiteral("EMAIL"), QStringLiteral("PHONE"), QStringLiteral("FN"),    QStringLiteral("LN"),
                                   QStringLiteral("FI"),    QStringLiteral("GEN"),   QStringLiteral("DOBY"),  QStringLiteral("DOBM"),
                                   QStringLiteral("DOBD"),  QStringLiteral("CT"),    QStringLiteral("ST"),    QStringLiteral("ZIP"),
                                   QStringLiteral("COUNTRY"), QStringLiteral("MADID"), QStringLiteral("EXTERN_ID")};
    return kinds;
}

bool metaKindIsHashed(const QString &kind)
{
    return kind != QLatin1String("MADID") && kind != QLatin1String("EXTERN_ID");
}

MetaProtocol::MetaProtocol(QUrl baseUrl, QByteArray token, QString version, QString audienceId, std::shared_ptr<MetaSessions> sessions,
                           bool finishing, bool replace)
    : m_base(std::move(baseUrl)), m_token(std::move(token)), m_version(std::move(version)), m_audience(std::move(audienceId)),
      m_sessions(std::move(sessions)), m_finishing(finishing), m_replace(replace)
{
}

QString MetaProtocol::wordsOf(const QByteArray &body)
{
    const MetaError e = errorOf(body);
    if (e.code == 0 && e.message.isEmpty())
        return QString::fromUtf8(body.left(300)).simplified();
    return e.subcode ? QCoreApplication::translate("sluice::destination", "(#%1/%2) %3").arg(e.code).arg(e.subcode).arg(e.message) : QCoreApplication::translate("sluice::destination", "(#%1) %2").arg(e.code).arg(e.message);
}

HttpRequest MetaProtocol::encode(const QList<Operation> &operations, const BatchContext &) const
{
    // The schema: the identifier kinds the batch carries, in mapping order.
    QStringList schema;
    QList<QJsonObject> members;
    for (const Operation &op : operations) {
        members.append(QJsonDocument::fromJson(op.fieldsJson).object());
        for (const QString &kind : members.last().keys())
            if (!schema.contains(kind) && metaIdentifierKinds().contains(kind))
                schema.append(kind);
    }
    std::sort(schema.begin(), schema.end(), [](const QString &a, const QString &b) {
        return metaIdentifierKinds().indexOf(a) < metaIdentifierKinds().indexOf(b);
    });
    QJsonArray data;
    for (const QJsonObject &m : members) {
        QJsonArray row;
        for (const QString &kind : schema)
            row.append(jsonText(m.value(kind)));
        data.append(row);
    }
    QJsonObject body{{QStringLiteral("payload"), QJsonObject{{QStringLiteral("schema"), QJsonArray::fromStringList(schema)}, {QStringLiteral("data"), data}}},
                     {QStringLiteral("access_token"), QString::fromUtf8(m_token)}};
    const bool removal = operations.first().kind == OpKind::Delete;
    if (m_sessions)
        body.insert(QStringLiteral("session"), session(removal ? 1 : 0, operations));
    const QByteArray method = removal ? QByteArrayLiteral("DELETE") : QByteArrayLiteral("POST");
    const QString edge = !removal && m_replace && m_sessions ? QStringLiteral("usersreplace") : QStringLiteral("users");
    return jsonRequest(m_base, method, QStringLiteral("/%1/%2/%3").arg(m_version, m_audience, edge),
                       {qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Bearer " + m_token))}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

// The session fields of one request of kind `k` (0 additions, 1 removals).
// A batch is known by its first member and size: sent again after a
// throttle it keeps its batch_seq; the batch that brings the session's
// members to the run's count of its kind is flagged the last.
QJsonObject MetaProtocol::session(int k, const QList<Operation> &operations) const
{
    QMutexLocker locked(&m_sessions->lock);
    MetaSessions &s = *m_sessions;
    const QString identity = operations.first().key + QLatin1Char('#') + QString::number(operations.size());
    int seq = s.seqOfBatch[k].value(identity);
    if (seq == 0) {
        seq = s.nextSeq[k]++;
        s.seqOfBatch[k].insert(identity, seq);
    }
    for (const Operation &op : operations)
        s.encoded[k].insert(op.key);
    QJsonObject out{{QStringLiteral("session_id"), double(s.id[k])},
                    {QStringLiteral("batch_seq"), seq},
                    {QStringLiteral("last_batch_flag"), m_finishing && s.total[k] >= 0 && s.encoded[k].size() >= s.total[k]}};
    if (s.total[k] >= 0)
        out.insert(QStringLiteral("estimated_num_total"), double(s.total[k]));
    return out;
}

Verdict MetaProtocol::judge(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    const MetaError e = errorOf(answer.body);
    const QString words = wordsOf(answer.body);
    if (answer.status == 200 && e.code == 0) {
        const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
        count(QStringLiteral("received"), body.value(QStringLiteral("num_received")).toInteger());
        count(QStringLiteral("invalid"), body.value(QStringLiteral("num_invalid_entries")).toInteger());
        // Samples of what Meta could not read: the members carrying them are rejected.
        QHash<QString, QString> invalid;
        const QJsonValue samples = body.value(QStringLiteral("invalid_entry_samples"));
        const QJsonObject sampleObject = samples.toObject();
        for (auto it = sampleObject.begin(); it != sampleObject.end(); ++it)
            invalid.insert(it.key(), it.value().toString());
        for (const QJsonValue &v : samples.toArray())
            invalid.insert(jsonText(v), QString());
        Verdict v{Verdict::Kind::Settled, {}, {}, -1};
        for (const Operation &op : operations) {
            QString reason;
            const QJsonObject m = QJsonDocument::fromJson(op.fieldsJson).object();
            for (auto it = m.begin(); it != m.end() && reason.isEmpty(); ++it)
                if (invalid.contains(jsonText(it.value())))
                    reason = QCoreApplication::translate("sluice::destination", "Meta could not read %1: %2").arg(it.key(), invalid.value(jsonText(it.value()), QCoreApplication::translate("sluice::destination", "invalid entry")));
            v.outcomes.append({op.key, reason.isEmpty(), reason});
        }
        return v;
    }
    if (e.code == 190 || answer.status == 401)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1, %2").arg(answer.status).arg(words), -1};
    if (e.code == 200 || e.code == 10 || e.code == 294 || answer.status == 403)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1, %2 (the token lacks ads_management on this ad account)").arg(answer.status).arg(words), -1};
    if (e.code == 4 || e.code == 17 || e.code == 32 || e.code == 613 || e.code == 80003 || answer.status == 429) {
        // X-Business-Use-Case-Usage says, per business, in how many minutes calls are allowed again.
        qint64 minutes = 0;
        const QJsonObject usage = QJsonDocument::fromJson(answer.header("x-business-use-case-usage")).object();
        for (auto it = usage.begin(); it != usage.end(); ++it)
            for (const QJsonValue &u : it.value().toArray())
                minutes = qMax<qint64>(minutes, u.toObject().value(QStringLiteral("estimated_time_to_regain_access")).toInt());
        return {Verdict::Kind::Throttled, {}, QCoreApplication::translate("sluice::destination", "Meta rate limit: %1").arg(words), minutes > 0 ? minutes * 60000 : parseRetryAfter(answer.header("retry-after"))};
    }
    if (e.code == 100 && e.subcode == 1713230)
        return {Verdict::Kind::Fatal, {}, QCoreApplication::translate("sluice::destination", "Meta has flagged audience %1 and takes no changes to it: %2").arg(m_audience, words), -1};
    if (e.code == 100 && (words.contains(QLatin1String("does not exist")) || words.contains(QLatin1String("Unsupported"))))
        return {Verdict::Kind::Fatal, {}, QCoreApplication::translate("sluice::destination", "audience %1: %2").arg(m_audience, words), -1};
    if (e.code == 1 || e.code == 2)
        return {Verdict::Kind::Retry, {}, QCoreApplication::translate("sluice::destination", "Meta: %1").arg(words), -1};
    if (answer.status == 400)
        return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Meta: %1").arg(words), -1};
    return HttpProtocol::judge(operations, answer);
}

MetaDestination::MetaDestination(QString name, QUrl baseUrl, QByteArray token, QString version, HttpSettings settings)
    : m_name(std::move(name)), m_base(std::move(baseUrl)), m_token(std::move(token)), m_version(std::move(version)), m_settings(settings)
{
}

Result<void> MetaDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (context.object.isEmpty())
        return configError(QCoreApplication::translate("sluice::destination", "%1: a Meta sync needs \"object\": the custom audience's id").arg(owner));
    // A member can only be removed by the identifiers it was added with.
    const QList<Operation> sendable = withoutUnremovable(operations, context, QCoreApplication::translate("sluice::destination", "its identifiers were not kept when it was added, so it cannot be removed from the audience; remove it in Ads Manager"));
    {
        // The run's two sessions: ids from the run id, totals from the whole run (less removals that cannot be sent).
        QMutexLocker locked(&m_sessions->lock);
        MetaSessions &s = *m_sessions;
        if (s.id[0] == 0) {
            for (int k = 0; k < 2; ++k) {
                const QByteArray digest = QCryptographicHash::hash((context.runId + QString::number(k)).toUtf8(), QCryptographicHash::Sha256);
                s.id[k] = qMax<qint64>(1, qFromBigEndian<qint64>(digest.constData()) & ((qint64(1) << 52) - 1)); // exact as a JSON number
            }
            if (context.runTotal >= 0 && context.runDeletes >= 0) {
                s.total[0] = context.runTotal - context.runDeletes;
                s.total[1] = context.runDeletes;
            }
        }
        if (s.total[1] >= 0)
            s.total[1] -= operations.size() - sendable.size();
    }
    // The batch that ends a session goes out alone, after the rest of the
    // session settled: nothing of the session can then arrive after it.
    const auto [rest, last] = splitSessionEnds(sendable);
    MetaProtocol opening(m_base, m_token, m_version, context.object, m_sessions, false, context.fullResync);
    HttpDelivery delivery(owner, m_settings, opening);
    if (Result<void> r = delivery.deliver(rest, context); !r || last.isEmpty())
        return r;
    MetaProtocol finishing(m_base, m_token, m_version, context.object, m_sessions, true, context.fullResync);
    HttpDelivery closing(owner, m_settings, finishing);
    return closing.deliver(last, context);
}

// Of a chunk, the operations that end a session (the last batch of each
// kind, when the chunk brings the run's count of that kind to its end), and the rest.
std::pair<QList<Operation>, QList<Operation>> MetaDestination::splitSessionEnds(const QList<Operation> &operations)
{
    QMutexLocker locked(&m_sessions->lock);
    MetaSessions &s = *m_sessions;
    qint64 inChunk[2] = {0, 0};
    for (const Operation &op : operations)
        ++inChunk[op.kind == OpKind::Delete ? 1 : 0];
    qint64 keep[2] = {0, 0}; // how many of each kind, from the chunk's end, go last
    for (int k = 0; k < 2; ++k) {
        s.handed[k] += inChunk[k];
        if (s.total[k] >= 0 && inChunk[k] > 0 && s.handed[k] >= s.total[k])
            keep[k] = qMin<qint64>(inChunk[k], qMax(1, m_settings.batchSize));
    }
    QList<Operation> rest, last;
    for (qsizetype i = operations.size() - 1; i >= 0; --i) {
        const int k = operations[i].kind == OpKind::Delete ? 1 : 0;
        if (keep[k] > 0) {
            --keep[k];
            last.prepend(operations[i]);
        } else {
            rest.prepend(operations[i]);
        }
    }
    return {rest, last};
}

Result<void> MetaDestination::check() const
{
    // Who the token is: the cheapest authenticated read.
    const HttpAnswer answer = httpRequestRetried(jsonRequest(m_base, "GET", QStringLiteral("/%1/me").arg(m_version),
                                                             {qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Bearer " + m_token))}),
                                                 m_settings);
    if (answer.status == 200)
        return {};
    HttpAnswer reading = answer;
    if (errorOf(answer.body).code == 190)
        reading.status = 401;
    return callRefusal(QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name), m_base, reading, QStringLiteral("Meta"), QCoreApplication::translate("sluice::destination", "the access token"), QCoreApplication::translate("sluice::destination", "reading the token's user"),
                       MetaProtocol::wordsOf(answer.body));
}

Result<QList<FieldInfo>> MetaDestination::describe(const QString &) const
{
    return identifierFields(metaIdentifierKinds(), &metaKindIsHashed);
}

} // namespace sluice::destination
