#include "destination/salesforce_destination.h"

#include "destination/csv_format.h"
#include "destination/oauth_tokens.h"
#include "destination/saas_common.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice::destination {

namespace {

// Salesforce's field types as the mapper's kinds.
QString kindOf(const QString &type)
{
    static const QStringList numbers{QStringLiteral("double"), QStringLiteral("currency"), QStringLiteral("percent"), QStringLiteral("int"),
                                     QStringLiteral("long")};
    if (numbers.contains(type))
        return QStringLiteral("number");
    if (type == QLatin1String("boolean"))
        return QStringLiteral("boolean");
    if (type == QLatin1String("date") || type == QLatin1String("datetime"))
        return QStringLiteral("timestamp");
    if (type == QLatin1String("picklist"))
        return QStringLiteral("enumeration");
    return QStringLiteral("string");
}

} // namespace

SalesforceSession::SalesforceSession(QUrl instance, QString apiVersion, QByteArray token, std::shared_ptr<OAuthTokenProvider> oauth)
    : m_instance(std::move(instance)), m_version(std::move(apiVersion)), m_token(std::move(token)), m_oauth(std::move(oauth))
{
}

Result<void> SalesforceSession::ready()
{
    if (!m_oauth || !m_token.isEmpty())
        return {};
    Result<QByteArray> token = m_oauth->accessToken();
    if (!token)
        return token.error();
    m_token = token.value();
    if (m_instance.isEmpty())
        m_instance = QUrl(m_oauth->instanceUrl());
    if (m_instance.isEmpty() || m_instance.host().isEmpty())
        return configError(QCoreApplication::translate("sluice::destination", "the token endpoint named no instance_url: set \"base_url\" to the org's My Domain URL"));
    return {};
}

bool SalesforceSession::renewAfterRefusal(int generation, QString *problem)
{
    if (!m_oauth)
        return false;
    if (generation < m_generation)
        return true; // sent before the last renewal: the fresh token has not been tried yet
    // A session expires mid-run and a fresh token is worth a try; a token
    // refused again and again is a refused credential.
    if (m_renewals >= 3)
        return false;
    ++m_renewals;
    ++m_generation;
    m_oauth->invalidate();
    m_token.clear();
    if (Result<void> r = ready(); !r) {
        *problem = r.error().message;
        return false;
    }
    return true;
}

QList<QPair<QByteArray, QByteArray>> SalesforceSession::headers() const
{
    return {qMakePair(QByteArrayLiteral("Authorization"), QByteArray("Bearer " + m_token))};
}

QString SalesforceSession::dataPath(const QString &path) const
{
    return QStringLiteral("/services/data/v%1%2").arg(m_version, path);
}

SalesforceProtocol::SalesforceProtocol(SalesforceSession &session, QString object, QString externalIdField)
    : m_session(session), m_object(std::move(object)), m_externalId(std::move(externalIdField))
{
}

QString SalesforceProtocol::wordsOf(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    QStringList words;
    const QJsonArray errors = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("errors")).toArray();
    for (const QJsonValue &v : errors) {
        const QJsonObject e = v.toObject();
        const QString code = e.value(QStringLiteral("errorCode")).toString(e.value(QStringLiteral("statusCode")).toString());
        words.append(code.isEmpty() ? e.value(QStringLiteral("message")).toString() : code + QStringLiteral(": ") + e.value(QStringLiteral("message")).toString());
    }
    if (words.isEmpty() && doc.isObject() && doc.object().contains(QStringLiteral("error")))
        words.append(doc.object().value(QStringLiteral("error")).toString() + QStringLiteral(": ") + doc.object().value(QStringLiteral("error_description")).toString());
    return words.isEmpty() ? QString::fromUtf8(body.left(300)).simplified() : words.join(QStringLiteral("; "));
}

HttpRequest SalesforceProtocol::encode(const QList<Operation> &operations, const BatchContext &) const
{
    const bool create = !operations.isEmpty() && operations.first().kind == OpKind::Insert;
    if (!operations.isEmpty())
        m_sentWith.insert(operations.first().key, m_session.generation());
    QJsonArray records;
    for (const Operation &op : operations) {
        QJsonObject record = QJsonDocument::fromJson(op.fieldsJson).object();
        record.insert(QStringLiteral("attributes"), QJsonObject{{QStringLiteral("type"), m_object}});
        records.append(record);
    }
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("allOrNone"), false}, {QStringLiteral("records"), records}}).toJson(QJsonDocument::Compact);
    if (create)
        return jsonRequest(m_session.instance(), "POST", m_session.dataPath(QStringLiteral("/composite/sobjects")), m_session.headers(), body);
    return jsonRequest(m_session.instance(), "PATCH", m_session.dataPath(QStringLiteral("/composite/sobjects/%1/%2").arg(m_object, m_externalId)),
                       m_session.headers(), body);
}

Verdict SalesforceProtocol::judge(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    const QString words = wordsOf(answer.body);
    const int generation = operations.isEmpty() ? 0 : m_sentWith.take(operations.first().key);
    if (answer.status == 401) {
        QString problem;
        if (m_session.renewAfterRefusal(generation, &problem))
            return {Verdict::Kind::Retry, {}, QCoreApplication::translate("sluice::destination", "the session expired (%1); a new token was fetched").arg(words), 0};
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP 401, %1%2").arg(words, problem.isEmpty() ? QString() : QStringLiteral("; ") + problem), -1};
    }
    if (answer.status == 403 && words.contains(QLatin1String("REQUEST_LIMIT_EXCEEDED"))) {
        if (words.contains(QLatin1String("TotalRequests")))
            return {Verdict::Kind::Fatal, {},
                    QCoreApplication::translate("sluice::destination", "the org's API request limit for the last 24 hours is used up (%1); the rest is sent on a later run").arg(words), -1};
        return {Verdict::Kind::Throttled, {}, QCoreApplication::translate("sluice::destination", "Salesforce limit: %1").arg(words), -1};
    }
    if (answer.status == 403)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP 403, %1").arg(words), -1};
    if (answer.status == 404)
        return {Verdict::Kind::Fatal, {}, QCoreApplication::translate("sluice::destination", "Salesforce has no %1 with an external-ID field %2 here (HTTP 404): %3").arg(m_object, m_externalId, words), -1};
    if (answer.status == 200) {
        const QJsonArray results = QJsonDocument::fromJson(answer.body).array();
        if (results.size() != operations.size())
            return {Verdict::Kind::Fatal, {}, QCoreApplication::translate("sluice::destination", "Salesforce answered %1 results for %2 records").arg(results.size()).arg(operations.size()), -1};
        Verdict v{Verdict::Kind::Settled, {}, {}, -1};
        for (qsizetype i = 0; i < operations.size(); ++i) {
            const QJsonObject r = results[i].toObject();
            const bool ok = r.value(QStringLiteral("success")).toBool();
            const bool created = r.value(QStringLiteral("created")).toBool(operations[i].kind == OpKind::Insert);
            if (ok)
                count(created ? QStringLiteral("created") : QStringLiteral("updated"), 1);
            v.outcomes.append({operations[i].key, ok,
                               ok ? QString() : QCoreApplication::translate("sluice::destination", "Salesforce: %1").arg(wordsOf(QJsonDocument(r.value(QStringLiteral("errors")).toArray()).toJson())),
                               ok ? std::optional<bool>(!created) : std::nullopt});
        }
        return v;
    }
    if (answer.status == 400)
        return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Salesforce: %1").arg(words), -1};
    return HttpProtocol::judge(operations, answer);
}

SalesforceBulkProtocol::SalesforceBulkProtocol(SalesforceSession &session, QString object, QString externalIdField)
    : m_session(session), m_object(std::move(object)), m_externalId(std::move(externalIdField))
{
}

HttpRequest SalesforceBulkProtocol::submit(const QList<Operation> &operations) const
{
    const bool create = !operations.isEmpty() && operations.first().kind == OpKind::Insert;
    QJsonObject job{{QStringLiteral("object"), m_object},
                    {QStringLiteral("contentType"), QStringLiteral("CSV")},
                    {QStringLiteral("operation"), create ? QStringLiteral("insert") : QStringLiteral("upsert")},
                    {QStringLiteral("lineEnding"), QStringLiteral("LF")}};
    if (!create)
        job.insert(QStringLiteral("externalIdFieldName"), m_externalId);
    return jsonRequest(m_session.instance(), "POST", m_session.dataPath(QStringLiteral("/jobs/ingest")), m_session.headers(),
                       QJsonDocument(job).toJson(QJsonDocument::Compact));
}

Verdict SalesforceBulkProtocol::judgeSubmit(const QList<Operation> &operations, const HttpAnswer &answer, QString *jobId) const
{
    if (answer.status == 200 || answer.status == 201) {
        *jobId = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("id")).toString();
        return {jobId->isEmpty() ? Verdict::Kind::Fatal : Verdict::Kind::Settled, {}, jobId->isEmpty() ? QCoreApplication::translate("sluice::destination", "Salesforce created no ingest job") : QString(), -1};
    }
    const QString words = SalesforceProtocol::wordsOf(answer.body);
    if (answer.status == 401 || (answer.status == 403 && !words.contains(QLatin1String("REQUEST_LIMIT_EXCEEDED"))))
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1, %2").arg(answer.status).arg(words), -1};
    Q_UNUSED(operations);
    return {Verdict::Kind::Fatal, {}, QCoreApplication::translate("sluice::destination", "Salesforce refused the ingest job (HTTP %1): %2").arg(answer.status).arg(words), -1};
}

QList<HttpRequest> SalesforceBulkProtocol::complete(const QString &jobId, const QList<Operation> &operations) const
{
    // The CSV: every field any record carries, in order of first appearance;
    // #N/A sets a field to null, as the Bulk API reads it.
    QStringList columns;
    QList<QJsonObject> rows;
    QHash<QString, int> &positions = m_positions[jobId];
    for (qsizetype i = 0; i < operations.size(); ++i) {
        rows.append(QJsonDocument::fromJson(operations[i].fieldsJson).object());
        for (const QString &k : rows.last().keys())
            if (!columns.contains(k))
                columns.append(k);
        positions.insert(jsonText(rows.last().value(m_externalId)), int(i));
    }
    QString text = csv::record(columns) + QLatin1Char('\n');
    for (const QJsonObject &row : std::as_const(rows)) {
        QStringList cells;
        for (const QString &c : std::as_const(columns))
            cells.append(row.value(c).isNull() || row.value(c).isUndefined() ? QStringLiteral("#N/A") : jsonText(row.value(c)));
        text += csv::record(cells) + QLatin1Char('\n');
    }
    HttpRequest upload = jsonRequest(m_session.instance(), "PUT", m_session.dataPath(QStringLiteral("/jobs/ingest/%1/batches").arg(jobId)), m_session.headers());
    upload.headers.removeIf([](const auto &h) { return h.first == "Content-Type"; });
    upload.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/csv")));
    upload.body = text.toUtf8();
    const HttpRequest close = jsonRequest(m_session.instance(), "PATCH", m_session.dataPath(QStringLiteral("/jobs/ingest/%1").arg(jobId)), m_session.headers(),
                                          QJsonDocument(QJsonObject{{QStringLiteral("state"), QStringLiteral("UploadComplete")}}).toJson(QJsonDocument::Compact));
    return {upload, close};
}

HttpRequest SalesforceBulkProtocol::poll(const QString &jobId) const
{
    return jsonRequest(m_session.instance(), "GET", m_session.dataPath(QStringLiteral("/jobs/ingest/%1").arg(jobId)), m_session.headers());
}

JobProtocol::JobState SalesforceBulkProtocol::judgePoll(const HttpAnswer &answer, QString *problem) const
{
    const QJsonObject job = QJsonDocument::fromJson(answer.body).object();
    if (answer.status != 200) {
        *problem = answer.status == 0 ? answer.networkProblem : QCoreApplication::translate("sluice::destination", "HTTP %1: %2").arg(answer.status).arg(SalesforceProtocol::wordsOf(answer.body));
        return JobState::Unknown;
    }
    const QString state = job.value(QStringLiteral("state")).toString();
    if (state == QLatin1String("JobComplete"))
        return JobState::Done;
    if (state == QLatin1String("Failed") || state == QLatin1String("Aborted")) {
        *problem = QCoreApplication::translate("sluice::destination", "the ingest job is %1: %2").arg(state, job.value(QStringLiteral("errorMessage")).toString());
        return JobState::Failed;
    }
    return JobState::Running;
}

HttpRequest SalesforceBulkProtocol::resultList(const QString &jobId, const QString &list) const
{
    m_reading = jobId;
    HttpRequest r = jsonRequest(m_session.instance(), "GET", m_session.dataPath(QStringLiteral("/jobs/ingest/%1/%2/").arg(jobId, list)), m_session.headers());
    for (auto &[name, value] : r.headers)
        if (name == "Accept")
            value = "text/csv";
    return r;
}

Result<QList<QPair<int, QString>>> SalesforceBulkProtocol::decodeList(const HttpAnswer &answer, const QString &list, const QString &column) const
{
    if (answer.status != 200)
        return Error{QCoreApplication::translate("sluice::destination", "%1: %2").arg(list, answer.status == 0 ? answer.networkProblem : QCoreApplication::translate("sluice::destination", "HTTP %1: %2").arg(answer.status).arg(SalesforceProtocol::wordsOf(answer.body))),
                     Error::Kind::Unreachable};
    bool ok = true;
    const QList<QStringList> rows = csv::parse(QString::fromUtf8(answer.body), &ok);
    if (!ok)
        return Error{QCoreApplication::translate("sluice::destination", "%1 is not CSV").arg(list), Error::Kind::Unreachable};
    if (rows.isEmpty())
        return QList<QPair<int, QString>>();
    const int value = int(rows.first().indexOf(column));
    const int id = int(rows.first().indexOf(m_externalId));
    if (value < 0 || (id < 0 && rows.size() > 1))
        return Error{QCoreApplication::translate("sluice::destination", "%1 lacks %2 or %3").arg(list, column, m_externalId), Error::Kind::Unreachable};
    const QHash<QString, int> &positions = m_positions[m_reading];
    QList<QPair<int, QString>> found;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList &row = rows[i];
        if (row.size() <= qMax(value, id))
            continue;
        const auto at = positions.constFind(row[id]);
        if (at == positions.constEnd())
            return Error{QCoreApplication::translate("sluice::destination", "%1 names %2 %3, which the job did not carry").arg(list, m_externalId, row[id]), Error::Kind::Unreachable};
        found.append({*at, row[value]});
    }
    return found;
}

HttpRequest SalesforceBulkProtocol::errors(const QString &jobId, const QString &) const
{
    return resultList(jobId, QStringLiteral("failedResults"));
}

Result<QHash<int, QString>> SalesforceBulkProtocol::decodeErrors(const HttpAnswer &answer, QString *next) const
{
    next->clear();
    Result<QList<QPair<int, QString>>> rows = decodeList(answer, QStringLiteral("failedResults"), QStringLiteral("sf__Error"));
    if (!rows)
        return rows.error();
    QHash<int, QString> reasons;
    for (const auto &[position, error] : rows.value())
        reasons.insert(position, QCoreApplication::translate("sluice::destination", "Salesforce: %1").arg(error));
    return reasons;
}

// Read after failedResults, last of a job's lists: it forgets the job's positions.
std::optional<HttpRequest> SalesforceBulkProtocol::successes(const QString &jobId) const
{
    return resultList(jobId, QStringLiteral("successfulResults"));
}

Result<JobProtocol::Processed> SalesforceBulkProtocol::decodeSuccesses(const HttpAnswer &answer) const
{
    Result<QList<QPair<int, QString>>> rows = decodeList(answer, QStringLiteral("successfulResults"), QStringLiteral("sf__Created"));
    m_positions.remove(m_reading);
    if (!rows)
        return rows.error();
    Processed processed;
    processed.saysCreated = true;
    for (const auto &[position, created] : rows.value()) {
        processed.positions.insert(position);
        if (created.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            processed.created.insert(position);
    }
    return processed;
}

SalesforceDestination::SalesforceDestination(QString name, std::unique_ptr<SalesforceSession> session, HttpSettings settings, int bulkThreshold)
    : m_name(std::move(name)), m_session(std::move(session)), m_settings(settings), m_bulkThreshold(bulkThreshold)
{
}

SalesforceDestination::~SalesforceDestination() = default;

Result<void> SalesforceDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (context.object.isEmpty() || context.matchField.isEmpty())
        return configError(QCoreApplication::translate("sluice::destination", "%1: a Salesforce sync needs \"object\" (an sObject such as Contact) and \"match\" (an external-ID field)").arg(owner));
    if (Result<void> r = m_session->ready(); !r)
        return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
    if (m_bulkThreshold > 0 && operations.size() >= m_bulkThreshold) {
        // A backfill: Bulk API 2.0 jobs of up to 10,000 records, not 200 a request.
        HttpSettings bulk = m_settings;
        bulk.batchSize = 10000;
        bulk.maxBatchBytes = 100 * 1024 * 1024;
        SalesforceBulkProtocol protocol(*m_session, context.object, context.matchField);
        JobDelivery delivery(owner, bulk, JobSettings(), protocol);
        return delivery.deliver(operations, context);
    }
    SalesforceProtocol protocol(*m_session, context.object, context.matchField);
    HttpDelivery delivery(owner, m_settings, protocol);
    return delivery.deliver(operations, context);
}

HttpAnswer SalesforceDestination::get(const QString &path) const
{
    return httpRequestRetried(jsonRequest(m_session->instance(), "GET", m_session->dataPath(path), m_session->headers()), m_settings);
}

Result<void> SalesforceDestination::check() const
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (Result<void> r = m_session->ready(); !r)
        return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
    // The org's limits: the cheapest authenticated call, and it says whether
    // today's API requests are used up.
    const HttpAnswer answer = get(QStringLiteral("/limits"));
    if (answer.status != 200)
        return callRefusal(owner, m_session->instance(), answer, QStringLiteral("Salesforce"), QCoreApplication::translate("sluice::destination", "the access token"), QCoreApplication::translate("sluice::destination", "reading the org's limits"),
                           SalesforceProtocol::wordsOf(answer.body));
    const QJsonObject daily = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("DailyApiRequests")).toObject();
    if (daily.contains(QStringLiteral("Remaining")) && daily.value(QStringLiteral("Remaining")).toDouble() <= 0)
        return Error{QCoreApplication::translate("sluice::destination", "%1: the org's %2 API requests for the last 24 hours are used up").arg(owner).arg(daily.value(QStringLiteral("Max")).toInt()),
                     Error::Kind::Refused};
    return {};
}

Result<QList<FieldInfo>> SalesforceDestination::describe(const QString &object) const
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (Result<void> r = m_session->ready(); !r)
        return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
    const HttpAnswer answer = get(QStringLiteral("/sobjects/%1/describe").arg(object));
    if (answer.status == 404)
        return configError(QCoreApplication::translate("sluice::destination", "%1: Salesforce has no sObject %2 (HTTP 404): %3").arg(owner, object, SalesforceProtocol::wordsOf(answer.body)));
    if (answer.status != 200)
        return callRefusal(owner, m_session->instance(), answer, QStringLiteral("Salesforce"), QCoreApplication::translate("sluice::destination", "the access token"),
                           QCoreApplication::translate("sluice::destination", "describing %1").arg(object), SalesforceProtocol::wordsOf(answer.body));
    QList<FieldInfo> fields;
    for (const QJsonValue &v : QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("fields")).toArray()) {
        const QJsonObject p = v.toObject();
        FieldInfo f;
        f.name = p.value(QStringLiteral("name")).toString();
        f.label = p.value(QStringLiteral("label")).toString();
        const QString type = p.value(QStringLiteral("type")).toString();
        f.type = kindOf(type);
        for (const QJsonValue &o : p.value(QStringLiteral("picklistValues")).toArray())
            if (o.toObject().value(QStringLiteral("active")).toBool(true))
                f.options.append(o.toObject().value(QStringLiteral("value")).toString());
        // A restricted picklist refuses other values; an open one takes any.
        if (!p.value(QStringLiteral("restrictedPicklist")).toBool())
            f.options.clear();
        f.unique = p.value(QStringLiteral("externalId")).toBool();
        f.readOnly = !p.value(QStringLiteral("createable")).toBool() && !p.value(QStringLiteral("updateable")).toBool();
        if (type == QLatin1String("email"))
            f.format = QStringLiteral("email");
        if (type == QLatin1String("string") || type == QLatin1String("email") || type == QLatin1String("phone") || type == QLatin1String("textarea")
            || type == QLatin1String("url"))
            f.maxLength = p.value(QStringLiteral("length")).toInt(-1);
        f.required = p.value(QStringLiteral("createable")).toBool() && !p.value(QStringLiteral("nillable")).toBool(true)
                     && !p.value(QStringLiteral("defaultedOnCreate")).toBool();
        fields.append(f);
    }
    return fields;
}

Result<QList<ObjectInfo>> SalesforceDestination::objects() const
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (Result<void> r = m_session->ready(); !r)
        return Error{owner + QStringLiteral(": ") + r.error().message, r.error().kind};
    const HttpAnswer answer = get(QStringLiteral("/sobjects"));
    if (answer.status != 200)
        return callRefusal(owner, m_session->instance(), answer, QStringLiteral("Salesforce"), QCoreApplication::translate("sluice::destination", "the access token"),
                           QCoreApplication::translate("sluice::destination", "listing the sObjects"), SalesforceProtocol::wordsOf(answer.body));
    QList<ObjectInfo> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("sobjects")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("createable")).toBool() && o.value(QStringLiteral("updateable")).toBool())
            out.append({o.value(QStringLiteral("name")).toString(), o.value(QStringLiteral("label")).toString()});
    }
    return out;
}

} // namespace sluice::destination
