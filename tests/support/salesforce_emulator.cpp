#include "salesforce_emulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

#include <utility>

namespace sluice::test {

namespace {

QByteArray compact(const QJsonValue &v)
{
    return v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact) : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
}

EmulatorServer::Response failure(int status, const QString &code, const QString &message)
{
    return EmulatorServer::Response::json(status, compact(QJsonArray{QJsonObject{{QStringLiteral("message"), message}, {QStringLiteral("errorCode"), code}}}));
}

QJsonObject error(const QString &code, const QString &message, const QStringList &fields = {})
{
    return {{QStringLiteral("statusCode"), code}, {QStringLiteral("message"), message}, {QStringLiteral("fields"), QJsonArray::fromStringList(fields)}};
}

struct Field
{
    const char *name;
    const char *type;
    int length;
    bool externalId;
    bool required;
    QStringList picklist;
};

const QList<Field> &contactFields()
{
    static const QList<Field> fields{
        {"Id", "id", 18, false, false, {}},
        {"External_Id__c", "string", 64, true, false, {}},
        {"Email", "email", 80, false, false, {}},
        {"FirstName", "string", 40, false, false, {}},
        {"LastName", "string", 80, false, true, {}},
        {"Phone", "phone", 40, false, false, {}},
        {"LTV__c", "currency", 0, false, false, {}},
        {"Lifecycle_Stage__c", "picklist", 255, false, false, {QStringLiteral("lead"), QStringLiteral("new"), QStringLiteral("repeat"), QStringLiteral("vip")}},
        {"Description", "textarea", 32000, false, false, {}},
    };
    return fields;
}

const Field *fieldNamed(const QString &name)
{
    for (const Field &f : contactFields())
        if (name == QLatin1String(f.name))
            return &f;
    return nullptr;
}

} // namespace

SalesforceEmulator::SalesforceEmulator(QString token, int requestsPer3s, quint16 port) : m_window(requestsPer3s, 3000)
{
    m_tokens.insert(token);
    start(port);
}

SalesforceEmulator::~SalesforceEmulator()
{
    stop();
}

void SalesforceEmulator::refuse(const QHash<QString, QString> &messages)
{
    QMutexLocker lock(&m_mutex);
    m_refuse = messages;
}

void SalesforceEmulator::setApiAccess(bool enabled)
{
    QMutexLocker lock(&m_mutex);
    m_apiAccess = enabled;
}

void SalesforceEmulator::setRateLimit(int requestsPer3s)
{
    QMutexLocker lock(&m_mutex);
    m_window.reset(requestsPer3s);
}

void SalesforceEmulator::setDailyLimit(int requests)
{
    QMutexLocker lock(&m_mutex);
    m_dailyLimit = requests;
    m_used = 0;
}

void SalesforceEmulator::setOAuthClient(const QString &clientId, const QString &clientSecret, const QString &refreshToken)
{
    QMutexLocker lock(&m_mutex);
    m_clientId = clientId;
    m_clientSecret = clientSecret;
    m_refreshToken = refreshToken;
}

void SalesforceEmulator::expireSessions()
{
    QMutexLocker lock(&m_mutex);
    m_tokens.clear();
}

void SalesforceEmulator::expireSessionsAfter(int requests)
{
    QMutexLocker lock(&m_mutex);
    m_expireAfter = requests;
}

QHash<QString, QJsonObject> SalesforceEmulator::records() const
{
    QMutexLocker lock(&m_mutex);
    return m_records;
}

QHash<QString, int> SalesforceEmulator::writes() const
{
    QMutexLocker lock(&m_mutex);
    return m_writes;
}

int SalesforceEmulator::throttled() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.throttled();
}

int SalesforceEmulator::maxInWindow() const
{
    QMutexLocker lock(&m_mutex);
    return m_window.maxInWindow();
}

void SalesforceEmulator::failNextJobAfter(int records, const QString &message)
{
    QMutexLocker lock(&m_mutex);
    m_failJobAfter = records;
    m_failJobMessage = message;
}

int SalesforceEmulator::bulkJobs() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_jobs.size());
}

int SalesforceEmulator::tokensIssued() const
{
    QMutexLocker lock(&m_mutex);
    return m_issued;
}

EmulatorServer::Response SalesforceEmulator::handle(const Request &request)
{
    QMutexLocker lock(&m_mutex);
    if (request.path == QLatin1String("/services/oauth2/token"))
        return token(request);
    static const QRegularExpression data(QStringLiteral("^/services/data/v\\d+\\.\\d+(/.*)$"));
    const QRegularExpressionMatch m = data.match(request.path);
    if (!m.hasMatch())
        return failure(404, QStringLiteral("NOT_FOUND"), QStringLiteral("The requested resource does not exist"));
    if (m_expireAfter == 0)
        m_tokens.clear();
    if (m_expireAfter >= 0)
        --m_expireAfter;
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer ") || !m_tokens.contains(QString::fromUtf8(auth.mid(7))))
        return failure(401, QStringLiteral("INVALID_SESSION_ID"), QStringLiteral("Session expired or invalid"));
    if (!m_apiAccess)
        return failure(403, QStringLiteral("API_CURRENTLY_DISABLED"), QStringLiteral("API is disabled for this User"));
    if (m_used >= m_dailyLimit)
        return failure(403, QStringLiteral("REQUEST_LIMIT_EXCEEDED"), QStringLiteral("TotalRequests Limit exceeded."));
    if (m_window.admit(request.arrivedMs) > 0)
        return failure(403, QStringLiteral("REQUEST_LIMIT_EXCEEDED"), QStringLiteral("ConcurrentPerOrgLongTxn Limit exceeded."));
    ++m_used;
    const QString path = m.captured(1);
    Response r = failure(404, QStringLiteral("NOT_FOUND"), QStringLiteral("The requested resource does not exist"));
    static const QRegularExpression upsert(QStringLiteral("^/composite/sobjects/(\\w+)/(\\w+)$"));
    if (request.method == "GET" && path == QLatin1String("/limits"))
        r = Response::json(200, compact(QJsonObject{{QStringLiteral("DailyApiRequests"),
                                                     QJsonObject{{QStringLiteral("Max"), m_dailyLimit}, {QStringLiteral("Remaining"), m_dailyLimit - m_used}}}}));
    else if (request.method == "GET" && path == QLatin1String("/sobjects"))
        r = sobjects();
    else if (request.method == "GET" && path == QLatin1String("/sobjects/Contact/describe"))
        r = describe();
    else if (request.method == "PATCH" && upsert.match(path).hasMatch())
        r = collection(request, upsert.match(path).captured(1), upsert.match(path).captured(2));
    else if (request.method == "POST" && path == QLatin1String("/composite/sobjects"))
        r = collection(request, QString(), QString());
    else if (path.startsWith(QLatin1String("/jobs/ingest")))
        r = bulk(request, path);
    r.headers.append(qMakePair(QByteArrayLiteral("Sforce-Limit-Info"), QStringLiteral("api-usage=%1/%2").arg(m_used).arg(m_dailyLimit).toUtf8()));
    return r;
}

EmulatorServer::Response SalesforceEmulator::token(const Request &request)
{
    const QUrlQuery form(QString::fromUtf8(request.body));
    if (!request.header("content-type").startsWith("application/x-www-form-urlencoded"))
        return Response::json(400, compact(QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_request")}}));
    auto value = [&](const char *k) { return form.queryItemValue(QLatin1String(k), QUrl::FullyDecoded); };
    if (m_clientId.isEmpty() || value("client_id") != m_clientId || value("client_secret") != m_clientSecret)
        return Response::json(400, compact(QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_client")},
                                                       {QStringLiteral("error_description"), QStringLiteral("invalid client credentials")}}));
    if (value("grant_type") != QLatin1String("refresh_token") || value("refresh_token") != m_refreshToken)
        return Response::json(400, compact(QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_grant")},
                                                       {QStringLiteral("error_description"), QStringLiteral("expired access/refresh token")}}));
    const QString issued = QStringLiteral("00D5g000004Emul!") + QUuid::createUuid().toString(QUuid::Id128);
    m_tokens.insert(issued);
    ++m_issued;
    return Response::json(200, compact(QJsonObject{{QStringLiteral("access_token"), issued},
                                                   {QStringLiteral("instance_url"), baseUrl()},
                                                   {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                                   {QStringLiteral("issued_at"), QString::number(QDateTime::currentMSecsSinceEpoch())}}));
}

// The describeGlobal answer: the org's sObjects with what a user may do with them.
EmulatorServer::Response SalesforceEmulator::sobjects() const
{
    QJsonArray list;
    auto add = [&](const char *name, const char *label, bool createable, bool updateable) {
        list.append(QJsonObject{{QStringLiteral("name"), QLatin1String(name)}, {QStringLiteral("label"), QLatin1String(label)},
                                {QStringLiteral("createable"), createable}, {QStringLiteral("updateable"), updateable},
                                {QStringLiteral("queryable"), true}, {QStringLiteral("custom"), QByteArray(name).endsWith("__c")}});
    };
    add("Account", "Account", true, true);
    add("Contact", "Contact", true, true);
    add("Lead", "Lead", true, true);
    add("ContactHistory", "Contact History", false, false);
    add("Loyalty_Member__c", "Loyalty Member", true, true);
    return Response::json(200, compact(QJsonObject{{QStringLiteral("encoding"), QStringLiteral("UTF-8")}, {QStringLiteral("maxBatchSize"), 200},
                                                   {QStringLiteral("sobjects"), list}}));
}

EmulatorServer::Response SalesforceEmulator::describe() const
{
    QJsonArray fields;
    for (const Field &f : contactFields()) {
        QJsonArray picklist;
        for (const QString &v : f.picklist)
            picklist.append(QJsonObject{{QStringLiteral("value"), v}, {QStringLiteral("active"), true}});
        const bool id = QLatin1String(f.type) == QLatin1String("id");
        fields.append(QJsonObject{{QStringLiteral("name"), QLatin1String(f.name)},
                                  {QStringLiteral("label"), QString::fromLatin1(f.name).remove(QStringLiteral("__c"))},
                                  {QStringLiteral("type"), QLatin1String(f.type)},
                                  {QStringLiteral("length"), f.length},
                                  {QStringLiteral("externalId"), f.externalId},
                                  {QStringLiteral("unique"), f.externalId},
                                  {QStringLiteral("nillable"), !f.required && !id},
                                  {QStringLiteral("createable"), !id},
                                  {QStringLiteral("updateable"), !id},
                                  {QStringLiteral("defaultedOnCreate"), id},
                                  {QStringLiteral("restrictedPicklist"), !f.picklist.isEmpty()},
                                  {QStringLiteral("picklistValues"), picklist}});
    }
    return Response::json(200, compact(QJsonObject{{QStringLiteral("name"), QStringLiteral("Contact")}, {QStringLiteral("fields"), fields}}));
}

QJsonObject SalesforceEmulator::result(const QJsonObject &record, const QString &externalId, bool create)
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"));
    const QString key = externalId.isEmpty() ? record.value(QStringLiteral("External_Id__c")).toString()
                                             : record.value(externalId).toVariant().toString();
    auto refused = [](const QJsonObject &e) {
        return QJsonObject{{QStringLiteral("success"), false}, {QStringLiteral("errors"), QJsonArray{e}}};
    };
    if (!externalId.isEmpty() && key.isEmpty())
        return refused(error(QStringLiteral("MISSING_ARGUMENT"), QStringLiteral("%1 not specified").arg(externalId)));
    for (auto it = record.begin(); it != record.end(); ++it) {
        const Field *f = fieldNamed(it.key());
        if (!f || !it.value().isString())
            continue;
        const QString text = it.value().toString();
        if (f->length > 0 && text.size() > f->length)
            return refused(error(QStringLiteral("STRING_TOO_LONG"), QStringLiteral("%1: data value too large: %2 (max length=%3)").arg(it.key(), text.left(20)).arg(f->length),
                                 {it.key()}));
        if (QLatin1String(f->type) == QLatin1String("email") && !text.isEmpty() && !email.match(text).hasMatch())
            return refused(error(QStringLiteral("INVALID_EMAIL_ADDRESS"), QStringLiteral("%1: invalid email address: %2").arg(it.key(), text), {it.key()}));
        if (!f->picklist.isEmpty() && !f->picklist.contains(text))
            return refused(error(QStringLiteral("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"), QStringLiteral("%1: bad value for restricted picklist field: %2").arg(it.key(), text),
                                 {it.key()}));
    }
    if (m_refuse.contains(key))
        return refused(error(QStringLiteral("FIELD_CUSTOM_VALIDATION_EXCEPTION"), m_refuse.value(key)));
    const bool exists = !key.isEmpty() && m_records.contains(key);
    if (create && exists)
        return refused(error(QStringLiteral("DUPLICATE_VALUE"), QStringLiteral("duplicate value found: External_Id__c duplicates value on record with id: %1")
                                                                  .arg(m_records.value(key).value(QStringLiteral("Id")).toString())));
    QJsonObject stored = exists ? m_records.value(key) : QJsonObject{};
    if (!exists && record.value(QStringLiteral("LastName")).toString().isEmpty())
        return refused(error(QStringLiteral("REQUIRED_FIELD_MISSING"), QStringLiteral("Required fields are missing: [LastName]"), {QStringLiteral("LastName")}));
    if (!exists)
        stored.insert(QStringLiteral("Id"), QStringLiteral("003EMU%1").arg(m_nextId++, 12, 10, QLatin1Char('0')));
    for (auto it = record.begin(); it != record.end(); ++it)
        if (it.key() != QLatin1String("attributes"))
            stored.insert(it.key(), it.value());
    m_records.insert(key, stored);
    m_writes[key] += 1;
    return {{QStringLiteral("id"), stored.value(QStringLiteral("Id"))}, {QStringLiteral("success"), true}, {QStringLiteral("errors"), QJsonArray{}},
            {QStringLiteral("created"), !exists}};
}

EmulatorServer::Response SalesforceEmulator::collection(const Request &request, const QString &object, const QString &externalId)
{
    if (!request.header("content-type").startsWith("application/json"))
        return failure(415, QStringLiteral("UNSUPPORTED_MEDIA_TYPE"), QStringLiteral("MediaType of '%1' is not supported by this resource").arg(QString::fromUtf8(request.header("content-type"))));
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject() || !doc.object().value(QStringLiteral("records")).isArray())
        return failure(400, QStringLiteral("JSON_PARSER_ERROR"), QStringLiteral("The request body is not an object with records"));
    const QJsonArray records = doc.object().value(QStringLiteral("records")).toArray();
    if (records.size() > 200)
        return failure(400, QStringLiteral("EXCEEDED_ID_LIMIT"), QStringLiteral("record limit reached. cannot submit more than 200 records into this call"));
    if (!object.isEmpty() && object != QLatin1String("Contact"))
        return failure(404, QStringLiteral("NOT_FOUND"), QStringLiteral("The requested resource does not exist"));
    if (!externalId.isEmpty() && (!fieldNamed(externalId) || !fieldNamed(externalId)->externalId))
        return failure(400, QStringLiteral("INVALID_FIELD"), QStringLiteral("Field %1 is not an External ID or indexed field for Contact").arg(externalId));
    QSet<QString> seen, duplicated;
    for (const QJsonValue &v : records) {
        const QJsonObject r = v.toObject();
        if (r.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("type")).toString() != QLatin1String("Contact"))
            return failure(400, QStringLiteral("INVALID_TYPE"), QStringLiteral("Each record needs attributes.type Contact"));
        for (auto it = r.begin(); it != r.end(); ++it) {
            const Field *f = fieldNamed(it.key());
            if (it.key() != QLatin1String("attributes") && (!f || QLatin1String(f->type) == QLatin1String("id")))
                return failure(400, QStringLiteral("INVALID_FIELD"), QStringLiteral("No such column '%1' on sobject of type Contact").arg(it.key()));
            if (f && QLatin1String(f->type) == QLatin1String("currency") && !it.value().isDouble() && !it.value().isNull())
                return failure(400, QStringLiteral("JSON_PARSER_ERROR"), QStringLiteral("Cannot deserialize instance of currency from VALUE_STRING value %1").arg(it.value().toString()));
        }
        const QString key = r.value(externalId.isEmpty() ? QStringLiteral("External_Id__c") : externalId).toVariant().toString();
        if (seen.contains(key))
            duplicated.insert(key);
        seen.insert(key);
    }
    QJsonArray results;
    for (const QJsonValue &v : records) {
        const QString key = v.toObject().value(externalId.isEmpty() ? QStringLiteral("External_Id__c") : externalId).toVariant().toString();
        if (duplicated.contains(key))
            results.append(QJsonObject{{QStringLiteral("success"), false},
                                       {QStringLiteral("errors"), QJsonArray{error(QStringLiteral("DUPLICATE_EXTERNAL_ID"), QStringLiteral("Duplicate external id specified: %1").arg(key))}}});
        else
            results.append(result(v.toObject(), externalId, externalId.isEmpty()));
    }
    return Response::json(200, compact(results));
}

namespace {

// RFC 4180 records, enough for what the Bulk API takes.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"'))
                cell += c, ++i;
            else if (c == QLatin1Char('"'))
                quoted = false;
            else
                cell += c;
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(std::exchange(cell, {}));
        } else if (c == QLatin1Char('\n')) {
            row.append(std::exchange(cell, {}));
            rows.append(std::exchange(row, {}));
        } else if (c != QLatin1Char('\r')) {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty())
        rows.append(row << cell);
    return rows;
}

QString csvCell(const QString &text)
{
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}

} // namespace

EmulatorServer::Response SalesforceEmulator::bulk(const Request &request, const QString &path)
{
    static const QRegularExpression one(QStringLiteral("^/jobs/ingest/(\\w+)(/batches|/failedResults/?|/successfulResults/?|/unprocessedrecords/?)?$"));
    if (request.method == "POST" && path == QLatin1String("/jobs/ingest")) {
        const QJsonObject job = QJsonDocument::fromJson(request.body).object();
        const QString operation = job.value(QStringLiteral("operation")).toString();
        if (job.value(QStringLiteral("object")).toString() != QLatin1String("Contact"))
            return failure(400, QStringLiteral("INVALIDENTITY"), QStringLiteral("Entity '%1' is not supported by the Bulk API").arg(job.value(QStringLiteral("object")).toString()));
        if (operation != QLatin1String("upsert") && operation != QLatin1String("insert"))
            return failure(400, QStringLiteral("INVALIDJOB"), QStringLiteral("Unsupported operation %1").arg(operation));
        if (operation == QLatin1String("upsert") && !fieldNamed(job.value(QStringLiteral("externalIdFieldName")).toString()))
            return failure(400, QStringLiteral("INVALIDJOB"), QStringLiteral("externalIdFieldName is required for upsert"));
        if (job.value(QStringLiteral("contentType")).toString(QStringLiteral("CSV")) != QLatin1String("CSV"))
            return failure(400, QStringLiteral("INVALIDJOB"), QStringLiteral("contentType must be CSV"));
        const QString id = QStringLiteral("750EMU%1").arg(m_jobs.size() + 1, 12, 10, QLatin1Char('0'));
        BulkJob b;
        b.externalId = job.value(QStringLiteral("externalIdFieldName")).toString();
        b.create = operation == QLatin1String("insert");
        m_jobs.insert(id, b);
        return Response::json(200, QJsonDocument(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("state"), QStringLiteral("Open")},
                                                             {QStringLiteral("object"), QStringLiteral("Contact")}, {QStringLiteral("operation"), operation}})
                                       .toJson(QJsonDocument::Compact));
    }
    const QRegularExpressionMatch m = one.match(path);
    if (!m.hasMatch() || !m_jobs.contains(m.captured(1)))
        return failure(404, QStringLiteral("NOT_FOUND"), QStringLiteral("The requested resource does not exist"));
    BulkJob &job = m_jobs[m.captured(1)];
    if (m.captured(2) == QLatin1String("/batches")) {
        if (request.method != "PUT" || !request.header("content-type").startsWith("text/csv"))
            return failure(400, QStringLiteral("INVALIDJOB"), QStringLiteral("Batches are PUT as text/csv"));
        if (job.state != QLatin1String("Open"))
            return failure(409, QStringLiteral("INVALIDJOBSTATE"), QStringLiteral("The job is not open for data"));
        job.csv += request.body;
        return Response{201, {}, {}};
    }
    if (!m.captured(2).isEmpty()) { // one of the result lists, as CSV
        const QString list = m.captured(2).section(QLatin1Char('/'), 1, 1);
        if (request.method != "GET")
            return failure(405, QStringLiteral("METHOD_NOT_ALLOWED"), QStringLiteral("%1 is not allowed here").arg(QString::fromLatin1(request.method)));
        if (job.state != QLatin1String("JobComplete") && job.state != QLatin1String("Failed") && job.state != QLatin1String("Aborted"))
            return failure(400, QStringLiteral("INVALIDJOBSTATE"), QStringLiteral("The job is not complete: %1").arg(job.state));
        QStringList head = list == QLatin1String("failedResults") ? QStringList{csvCell(QStringLiteral("sf__Id")), csvCell(QStringLiteral("sf__Error"))}
                           : list == QLatin1String("successfulResults") ? QStringList{csvCell(QStringLiteral("sf__Id")), csvCell(QStringLiteral("sf__Created"))}
                                                                        : QStringList{};
        for (const QString &c : std::as_const(job.columns))
            head.append(csvCell(c));
        QString text = head.join(QLatin1Char(',')) + QLatin1Char('\n');
        const QStringList &lines = list == QLatin1String("failedResults") ? job.failed : list == QLatin1String("successfulResults") ? job.succeeded : job.unprocessed;
        for (const QString &line : lines)
            text += line + QLatin1Char('\n');
        return Response{200, text.toUtf8(), {qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/csv"))}};
    }
    if (request.method == "PATCH") {
        if (QJsonDocument::fromJson(request.body).object().value(QStringLiteral("state")).toString() != QLatin1String("UploadComplete"))
            return failure(400, QStringLiteral("INVALIDJOBSTATE"), QStringLiteral("Only UploadComplete is accepted here"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(job.csv));
        job.columns = rows.value(0);
        const int stopAfter = std::exchange(m_failJobAfter, -1);
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QStringList original;
            for (const QString &v : rows[i])
                original.append(csvCell(v));
            if (stopAfter >= 0 && i > stopAfter) {
                job.unprocessed.append(original.join(QLatin1Char(',')));
                job.errorMessage = m_failJobMessage;
                continue;
            }
            QJsonObject record{{QStringLiteral("attributes"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Contact")}}}};
            for (qsizetype c = 0; c < job.columns.size() && c < rows[i].size(); ++c) {
                const QString value = rows[i][c];
                const Field *f = fieldNamed(job.columns[c]);
                if (value == QLatin1String("#N/A"))
                    record.insert(job.columns[c], QJsonValue());
                else if (f && QLatin1String(f->type) == QLatin1String("currency"))
                    record.insert(job.columns[c], value.toDouble());
                else if (!value.isEmpty())
                    record.insert(job.columns[c], value);
            }
            const QJsonObject r = result(record, job.externalId, job.create);
            ++job.processed;
            if (!r.value(QStringLiteral("success")).toBool()) {
                const QJsonObject e = r.value(QStringLiteral("errors")).toArray().first().toObject();
                const QStringList cells{csvCell(QString()), csvCell(e.value(QStringLiteral("statusCode")).toString() + QLatin1Char(':') + e.value(QStringLiteral("message")).toString() + QStringLiteral(":--"))};
                job.failed.append((cells + original).join(QLatin1Char(',')));
            } else {
                const QStringList cells{csvCell(r.value(QStringLiteral("id")).toString()), csvCell(r.value(QStringLiteral("created")).toBool() ? QStringLiteral("true") : QStringLiteral("false"))};
                job.succeeded.append((cells + original).join(QLatin1Char(',')));
            }
        }
        job.state = QStringLiteral("UploadComplete");
        return Response::json(200, QJsonDocument(QJsonObject{{QStringLiteral("id"), m.captured(1)}, {QStringLiteral("state"), job.state}}).toJson(QJsonDocument::Compact));
    }
    if (request.method == "GET") {
        if (job.state != QLatin1String("Open"))
            job.state = ++job.polls < 2 ? QStringLiteral("InProgress") : job.errorMessage.isEmpty() ? QStringLiteral("JobComplete") : QStringLiteral("Failed");
        QJsonObject info{{QStringLiteral("id"), m.captured(1)}, {QStringLiteral("state"), job.state},
                         {QStringLiteral("numberRecordsProcessed"), job.processed}, {QStringLiteral("numberRecordsFailed"), int(job.failed.size())}};
        if (job.state == QLatin1String("Failed"))
            info.insert(QStringLiteral("errorMessage"), job.errorMessage);
        return Response::json(200, QJsonDocument(info)                                       .toJson(QJsonDocument::Compact));
    }
    return failure(405, QStringLiteral("METHOD_NOT_ALLOWED"), QStringLiteral("%1 is not allowed here").arg(QString::fromLatin1(request.method)));
}

} // namespace sluice::test
