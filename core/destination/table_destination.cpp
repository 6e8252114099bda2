#include "destination/table_destination.h"

#include "destination/pg_copy.h"

#include "source/column.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <atomic>
#include <optional>
#include <utility>

#include <libpq-fe.h>

namespace sluice::destination {

namespace {

const char *keyColumn = "sluice_key";

QString columnType(const QJsonValue &v, bool postgres)
{
    if (v.isBool())
        return postgres ? QStringLiteral("boolean") : QStringLiteral("INTEGER");
    if (v.isDouble())
        return postgres ? QStringLiteral("numeric") : QStringLiteral("NUMERIC");
    if (v.isObject() || v.isArray())
        return postgres ? QStringLiteral("jsonb") : QStringLiteral("TEXT");
    return postgres ? QStringLiteral("text") : QStringLiteral("TEXT");
}

} // namespace

TableDestination::TableDestination(Settings settings) : m_settings(std::move(settings))
{
    static std::atomic_int counter{0};
    m_connection = QStringLiteral("sluice-dest-%1-%2").arg(m_settings.name).arg(counter.fetch_add(1));
}

TableDestination::~TableDestination()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<void> TableDestination::check() const
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_settings.name);
    if (m_settings.qtDriver == QLatin1String("QSQLITE"))
        return creatableFile(m_settings.database, owner);
    const QString name = m_connection + QStringLiteral("-check");
    QString problem;
    {
        QSqlDatabase db = addConnection(name);
        if (!db.open())
            problem = db.lastError().text();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!problem.isEmpty())
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot connect: %2").arg(owner, problem), Error::Kind::Unreachable};
    return {};
}

QSqlDatabase TableDestination::addConnection(const QString &name) const
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_settings.qtDriver, name);
    db.setDatabaseName(m_settings.database);
    if (m_settings.qtDriver == QLatin1String("QPSQL")) {
        db.setHostName(m_settings.host);
        if (m_settings.port > 0)
            db.setPort(m_settings.port);
        db.setUserName(m_settings.user);
        db.setPassword(m_settings.password);
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=sluice"));
    } else {
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    return db;
}

namespace {

// SQL literals written directly: standard strings with quotes doubled (both
// PostgreSQL, with standard_conforming_strings, and SQLite read them so).
QString quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('\'');
    for (const QChar c : text) {
        if (c == QLatin1Char('\''))
            out += QLatin1Char('\'');
        if (c.unicode() != 0) // PostgreSQL text cannot hold NUL
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString literal(const QJsonValue &v, bool postgres)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("NULL");
    if (v.isBool())
        return postgres ? (v.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE")) : (v.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (v.isString())
        return quoted(v.toString());
    return quoted(QString::fromUtf8(QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact)));
}

// The batch's records as one JSON array, each with its key added.
QByteArray jsonArray(const QList<Operation> &batch)
{
    QByteArray array("[");
    for (const Operation &op : batch) {
        if (op.kind == OpKind::Delete)
            continue;
        if (array.size() > 1)
            array.append(',');
        array.append("{\"").append(keyColumn).append("\":");
        source::appendJsonString(array, op.key);
        if (op.fieldsJson.size() > 2)
            array.append(',').append(op.fieldsJson.constData() + 1, op.fieldsJson.size() - 1);
        else
            array.append('}');
    }
    array.append(']');
    return array;
}

// Columns the operations need, typed by their first non-null value. The
// records of one plan all carry the same fields, so reading stops once
// every column has a type.
void columnsOf(const QList<Operation> &operations, bool postgres, QStringList &columns, QHash<QString, QString> &types)
{
    qsizetype untyped = 0;
    for (const Operation &op : operations) {
        if (op.kind == OpKind::Delete)
            continue;
        const QJsonObject fields = op.fields();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (!types.contains(it.key())) {
                columns.append(it.key());
                types.insert(it.key(), QString());
                ++untyped;
            }
            if (types.value(it.key()).isEmpty() && !it.value().isNull()) {
                types.insert(it.key(), columnType(it.value(), postgres));
                --untyped;
            }
        }
        if (untyped == 0 && !columns.isEmpty())
            break;
    }
}

// One delivery into a table: batches of one statement each, a refused batch
// split in halves until the refused records stand alone.
class TableWriter
{
public:
    TableWriter(QSqlDatabase db, QString owner, const DeliveryContext &context, const QList<Operation> &operations)
        : m_db(std::move(db)), m_owner(std::move(owner)), m_context(context), m_operations(operations),
          m_postgres(m_db.driverName() == QLatin1String("QPSQL")), m_jsonStatement(m_db)
    {
    }

    Result<void> prepare(const TableDestination::Settings &settings, const QString &object);
    Result<void> run(int batchSize);

private:
    QString ident(const QString &name) const { return m_db.driver()->escapeIdentifier(name, QSqlDriver::TableName); }
    QString conflictClause(OpKind kind) const
    {
        return kind == OpKind::Insert || m_updates.isEmpty() ? QStringLiteral("DO NOTHING") : QStringLiteral("DO UPDATE SET ") + m_updates.join(QStringLiteral(", "));
    }
    Result<void> ensureTable(const TableDestination::Settings &settings, const QString &tableName, const QHash<QString, QString> &types);
    QString execute(const QList<Operation> &batch);
    QString send(const QList<Operation> &batch);
    bool copyable(const QList<Operation> &batch) const;
    QString sendCopy(const QList<Operation> &batch);
    void prepareCopy();
    QString answer();
    std::optional<Error> settle(const QList<Operation> &batch, const QString &problem);
    std::optional<Error> sendNext();
    Result<void> runWaiting();
    Result<void> runPipelined();
    bool cancelled() const { return m_context.cancel && m_context.cancel->load(); }
    Error cancelledError() const
    {
        return Error{QCoreApplication::translate("sluice::destination", "%1: cancelled").arg(m_owner), Error::Kind::Cancelled};
    }

    QSqlDatabase m_db;
    QString m_owner;
    const DeliveryContext &m_context;
    const QList<Operation> &m_operations;
    bool m_postgres;
    QString m_table;
    QStringList m_columns, m_names, m_updates;
    QString m_jsonInsert;
    QSqlQuery m_jsonStatement;
    bool m_jsonPrepared = false;
    PGconn *m_pg = nullptr;
    QByteArray m_asyncInsert;
    QList<QList<Operation>> m_queue;
    qint64 m_done = 0;
    std::optional<QList<Operation>> m_inFlight;
    bool m_inFlightCopied = false; // ...went by COPY
    bool m_firstMarked = false;     // m_queue.first() is marked already
    QByteArray m_copyStatement;     // empty: a column COPY cannot fill as the statement would
    QList<QByteArray> m_copyColumns;
    QList<CopyColumn> m_copyKinds;
};

Result<void> TableWriter::prepare(const TableDestination::Settings &settings, const QString &object)
{
    m_table = (settings.schema.isEmpty() ? QString() : ident(settings.schema) + QLatin1Char('.')) + ident(object);
    const QString tableName = settings.schema.isEmpty() ? object : settings.schema + QLatin1Char('.') + object;
    QHash<QString, QString> types;
    columnsOf(m_operations, m_postgres, m_columns, types);
    if (Result<void> r = ensureTable(settings, tableName, types); !r)
        return r;
    m_names = QStringList{ident(QString::fromLatin1(keyColumn))};
    for (const QString &c : std::as_const(m_columns)) {
        m_names.append(ident(c));
        m_updates.append(ident(c) + QStringLiteral(" = excluded.") + ident(c));
    }
    // PostgreSQL: the batch travels as one JSON array, the records exactly as
    // planned (key added), and the server turns it into rows of the table's
    // own types (json_populate_recordset): no literal per value, no number
    // through a double. Elsewhere: literals.
    m_jsonInsert = QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM json_populate_recordset(NULL::%1, ?) ON CONFLICT (%3) ")
                       .arg(m_table, m_names.join(QStringLiteral(", ")), ident(QString::fromLatin1(keyColumn)));
    if (m_postgres) {
        const QVariant handle = m_db.driver()->handle();
        if (handle.isValid() && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0))
            m_pg = *static_cast<PGconn *const *>(handle.constData());
    }
    const auto firstWrite = std::find_if(m_operations.begin(), m_operations.end(), [](const Operation &op) { return op.kind != OpKind::Delete; });
    if (m_pg && firstWrite != m_operations.end()) {
        m_asyncInsert = QString(m_jsonInsert).replace(QLatin1Char('?'), QStringLiteral("$1")).toUtf8() + conflictClause(firstWrite->kind).toUtf8();
        prepareCopy();
    }
    return {};
}

// Records no run has delivered go in by COPY where every column takes a
// value the way json_populate_recordset would give it: base types, domains
// and enums; not arrays or composite types, which COPY spells otherwise.
void TableWriter::prepareCopy()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT a.attname, b.typname, b.typtype, b.typcategory FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                             "JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END "
                             "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped"));
    q.addBindValue(m_table);
    if (!q.exec())
        return;
    QHash<QString, CopyColumn> kinds;
    while (q.next()) {
        const QString type = q.value(1).toString();
        const bool plain = (q.value(2).toString() == QLatin1String("b") || q.value(2).toString() == QLatin1String("e"))
                           && q.value(3).toString() != QLatin1String("A");
        if (!plain)
            continue;
        kinds.insert(q.value(0).toString(),
                     type == QLatin1String("json") || type == QLatin1String("jsonb") ? CopyColumn::Json : CopyColumn::Value);
    }
    if (!kinds.contains(QString::fromLatin1(keyColumn)))
        return;
    for (const QString &c : std::as_const(m_columns)) {
        if (!kinds.contains(c))
            return;
        m_copyColumns.append(c.toUtf8());
        m_copyKinds.append(kinds.value(c));
    }
    m_copyStatement = QStringLiteral("COPY %1 (%2) FROM STDIN").arg(m_table, m_names.join(QStringLiteral(", "))).toUtf8();
}

Result<void> TableWriter::ensureTable(const TableDestination::Settings &settings, const QString &tableName, const QHash<QString, QString> &types)
{
    auto typeOf = [&](const QString &c) { return types.value(c).isEmpty() ? columnType(QJsonValue(), m_postgres) : types.value(c); };
    QSqlRecord existing = m_db.record(tableName);
    QSqlQuery q(m_db);
    if (existing.isEmpty()) {
        if (!settings.createTable)
            return configError(QCoreApplication::translate("sluice::destination", "%1: table %2 does not exist; create it, or set \"create_table\": true")
                                   .arg(m_owner, tableName));
        QStringList defs{ident(QString::fromLatin1(keyColumn)) + QStringLiteral(" TEXT PRIMARY KEY")};
        for (const QString &c : std::as_const(m_columns))
            defs.append(ident(c) + QLatin1Char(' ') + typeOf(c));
        if (!q.exec(QStringLiteral("CREATE TABLE %1 (%2)").arg(m_table, defs.join(QStringLiteral(", ")))))
            return Error{QCoreApplication::translate("sluice::destination", "%1: cannot create table %2: %3").arg(m_owner, tableName, q.lastError().text()),
                         Error::Kind::Refused};
        existing = m_db.record(tableName);
    }
    if (existing.indexOf(QString::fromLatin1(keyColumn)) < 0)
        return configError(QCoreApplication::translate("sluice::destination", "%1: table %2 has no %3 column to hold the record keys")
                               .arg(m_owner, tableName, QString::fromLatin1(keyColumn)));
    for (const QString &c : std::as_const(m_columns)) {
        if (existing.indexOf(c) >= 0)
            continue;
        if (!settings.createTable)
            return configError(QCoreApplication::translate("sluice::destination", "%1: table %2 has no column %3").arg(m_owner, tableName, c));
        if (!q.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3").arg(m_table, ident(c), typeOf(c))))
            return Error{QCoreApplication::translate("sluice::destination", "%1: cannot add column %2: %3").arg(m_owner, c, q.lastError().text()),
                         Error::Kind::Refused};
    }
    return {};
}

// One statement per batch and kind, in a transaction, waited for.
QString TableWriter::execute(const QList<Operation> &batch)
{
    QStringList upserts, deletes;
    bool hasUpserts = false;
    for (const Operation &op : batch) {
        if (op.kind == OpKind::Delete) {
            deletes.append(literal(QJsonValue(op.key), m_postgres));
            continue;
        }
        hasUpserts = true;
        if (m_postgres)
            continue; // sent as JSON below
        QStringList values{literal(QJsonValue(op.key), m_postgres)};
        const QJsonObject fields = op.fields();
        for (const QString &c : std::as_const(m_columns))
            values.append(literal(fields.value(c), m_postgres));
        upserts.append(QLatin1Char('(') + values.join(QStringLiteral(", ")) + QLatin1Char(')'));
    }
    if (!m_db.transaction())
        return m_db.lastError().text();
    QSqlQuery s(m_db);
    auto rollback = [&](const QSqlQuery &failed) {
        const QString e = failed.lastError().text();
        m_db.rollback();
        return e.isEmpty() ? QStringLiteral("refused") : e;
    };
    if (hasUpserts) {
        const QString conflict = conflictClause(batch.first().kind);
        if (m_postgres) {
            if (!m_jsonPrepared) // a sync sends one kind of write: the conflict clause does not change
                m_jsonPrepared = m_jsonStatement.prepare(m_jsonInsert + conflict);
            m_jsonStatement.addBindValue(QString::fromUtf8(jsonArray(batch)));
            if (!m_jsonPrepared || !m_jsonStatement.exec())
                return rollback(m_jsonStatement);
        } else if (!s.exec(QStringLiteral("INSERT INTO %1 (%2) VALUES %3 ON CONFLICT (%4) %5")
                               .arg(m_table, m_names.join(QStringLiteral(", ")), upserts.join(QStringLiteral(", ")),
                                    ident(QString::fromLatin1(keyColumn)), conflict))) {
            return rollback(s);
        }
    }
    if (!deletes.isEmpty() && !s.exec(QStringLiteral("DELETE FROM %1 WHERE %2 IN (%3)")
                                          .arg(m_table, ident(QString::fromLatin1(keyColumn)), deletes.join(QStringLiteral(", ")))))
        return rollback(s);
    if (!m_db.commit())
        return m_db.lastError().text();
    return {};
}

// PostgreSQL, a batch without deletes: sent without waiting (libpq's
// asynchronous API on QPSQL's connection).
QString TableWriter::send(const QList<Operation> &batch)
{
    const QByteArray array = jsonArray(batch);
    const char *values[1] = {array.constData()};
    if (!PQsendQueryParams(m_pg, m_asyncInsert.constData(), 1, nullptr, values, nullptr, nullptr, 0))
        return QString::fromUtf8(PQerrorMessage(m_pg)).trimmed();
    return {};
}

// A batch of records no run has delivered, written to keep new rows only:
// COPY takes it whole or refuses it whole (a key already in the table, a
// value a column refuses), and a refused batch takes the statement path.
bool TableWriter::copyable(const QList<Operation> &batch) const
{
    return !m_copyStatement.isEmpty() && std::all_of(batch.begin(), batch.end(), [](const Operation &op) {
        return op.isNew && (op.kind == OpKind::Upsert || op.kind == OpKind::Insert || op.kind == OpKind::Append);
    });
}

QString TableWriter::sendCopy(const QList<Operation> &batch)
{
    QByteArray rows;
    rows.reserve(batch.size() * 160);
    for (const Operation &op : batch)
        if (!appendCopyRow(rows, op.key, op.fieldsJson, m_copyColumns, m_copyKinds))
            return send(batch); // COPY cannot say it as the statement would
    if (!PQsendQuery(m_pg, m_copyStatement.constData()))
        return QString::fromUtf8(PQerrorMessage(m_pg)).trimmed();
    PGresult *started = PQgetResult(m_pg);
    const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
    QString problem = copying ? QString() : QString::fromUtf8(PQresultErrorMessage(started)).trimmed();
    PQclear(started);
    if (!copying) {
        const QString rest = answer();
        return problem.isEmpty() ? rest : problem;
    }
    if (PQputCopyData(m_pg, rows.constData(), int(rows.size())) != 1 || PQputCopyEnd(m_pg, nullptr) != 1)
        return QString::fromUtf8(PQerrorMessage(m_pg)).trimmed();
    m_inFlightCopied = true;
    return {};
}

QString TableWriter::answer()
{
    QString problem;
    while (PGresult *res = PQgetResult(m_pg)) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK && problem.isEmpty())
            problem = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
        PQclear(res);
    }
    return problem;
}

std::optional<Error> TableWriter::settle(const QList<Operation> &batch, const QString &problem)
{
    if (problem.isEmpty()) {
        QList<Outcome> outcomes;
        for (const Operation &op : batch)
            outcomes.append({op.key, true, {}});
        if (m_context.settled)
            m_context.settled(batch, outcomes);
        m_done += batch.size();
    } else if (!m_db.isOpen() || !m_db.isValid() || (m_pg && PQstatus(m_pg) != CONNECTION_OK)) {
        return Error{QCoreApplication::translate("sluice::destination", "%1: %2").arg(m_owner, problem), Error::Kind::Unreachable};
    } else if (batch.size() == 1) {
        if (m_context.settled)
            m_context.settled(batch, {{batch.first().key, false, problem.trimmed()}});
        m_done += 1;
    } else {
        const qsizetype half = batch.size() / 2;
        m_queue.prepend(batch.mid(half));
        m_queue.prepend(batch.mid(0, half));
    }
    if (m_context.progress)
        m_context.progress(m_done, m_operations.size());
    return std::nullopt;
}

Result<void> TableWriter::run(int batchSize)
{
    for (qsizetype i = 0; i < m_operations.size(); i += batchSize)
        m_queue.append(m_operations.mid(i, batchSize));
    return m_asyncInsert.isEmpty() ? runWaiting() : runPipelined();
}

Result<void> TableWriter::runWaiting()
{
    while (!m_queue.isEmpty()) {
        if (cancelled())
            return cancelledError();
        const QList<Operation> batch = m_queue.takeFirst();
        if (m_context.sending)
            m_context.sending(batch);
        if (std::optional<Error> e = settle(batch, execute(batch)))
            return *e;
    }
    return {};
}

std::optional<Error> TableWriter::sendNext()
{
    const QList<Operation> batch = m_queue.takeFirst();
    if (!m_firstMarked && m_context.sending)
        m_context.sending(batch);
    m_firstMarked = false;
    if (std::any_of(batch.begin(), batch.end(), [](const Operation &op) { return op.kind == OpKind::Delete; }))
        return settle(batch, execute(batch)); // deletes: in a transaction, waited for (the connection is idle here)
    m_inFlightCopied = false;
    if (const QString problem = copyable(batch) ? sendCopy(batch) : send(batch); !problem.isEmpty())
        return settle(batch, problem);
    m_inFlight = batch;
    return std::nullopt;
}

// While the server writes batch i, Sluice settles batch i-1 and marks batch
// i+1. The order the commit rule needs is kept: every batch is marked before
// it is sent (a batch split after a refusal was marked whole before), and
// settled only after its answer.
Result<void> TableWriter::runPipelined()
{
    while (!m_queue.isEmpty() || m_inFlight) {
        if (!m_inFlight) {
            if (cancelled())
                return cancelledError();
            if (std::optional<Error> e = sendNext())
                return *e;
            continue;
        }
        if (!m_queue.isEmpty() && !m_firstMarked && m_context.sending) {
            m_context.sending(m_queue.first()); // while the server works
            m_firstMarked = true;
        }
        QString problem = answer();
        const QList<Operation> batch = *std::exchange(m_inFlight, std::nullopt);
        if (!problem.isEmpty() && std::exchange(m_inFlightCopied, false) && PQstatus(m_pg) == CONNECTION_OK) {
            problem = send(batch); // refused by COPY: again by statement, which says which record it cannot take
            if (problem.isEmpty())
                problem = answer();
        }
        if (problem.isEmpty() && !m_queue.isEmpty() && !cancelled()) {
            if (std::optional<Error> e = sendNext()) // the server starts on the next batch...
                return *e;
        }
        if (std::optional<Error> e = settle(batch, problem)) // ...while this one is recorded
            return *e;
        if (cancelled()) {
            if (m_inFlight) {
                const QList<Operation> last = *std::exchange(m_inFlight, std::nullopt);
                if (std::optional<Error> e = settle(last, answer()))
                    return *e;
            }
            return cancelledError();
        }
    }
    return {};
}

} // namespace

Result<void> TableDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_settings.name);
    const bool postgres = m_settings.qtDriver == QLatin1String("QPSQL");
    if (!postgres)
        QDir().mkpath(QFileInfo(m_settings.database).absolutePath()); // like a file destination's folder
    // One connection for the run, whatever the number of chunks delivered.
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.isValid())
        db = addConnection(m_connection);
    if (!db.isOpen()) {
        if (!db.open())
            return Error{QCoreApplication::translate("sluice::destination", "%1: cannot connect: %2").arg(owner, db.lastError().text()),
                         Error::Kind::Unreachable};
        if (postgres)
            QSqlQuery(db).exec(QStringLiteral("SET standard_conforming_strings = on")); // the literals rely on it
    }
    if (context.object.isEmpty())
        return configError(QCoreApplication::translate("sluice::destination", "%1: the sync must name the table in \"object\"").arg(owner));
    TableWriter writer(db, owner, context, operations);
    if (Result<void> r = writer.prepare(m_settings, context.object); !r)
        return r;
    return writer.run(m_settings.batchSize);
}

Result<QList<ObjectInfo>> TableDestination::objects() const
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_settings.name);
    if (m_settings.qtDriver == QLatin1String("QSQLITE") && !QFileInfo::exists(m_settings.database))
        return QList<ObjectInfo>(); // created on the first run: no tables yet
    const QString name = m_connection + QStringLiteral("-objects");
    QList<ObjectInfo> out;
    QString problem;
    {
        QSqlDatabase db = addConnection(name);
        if (!db.open()) {
            problem = db.lastError().text();
        } else {
            QSqlQuery q(db);
            const QString sql = m_settings.qtDriver == QLatin1String("QPSQL")
                                    ? QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = %1 "
                                                     "AND table_type = 'BASE TABLE' ORDER BY table_name")
                                          .arg(quoted(m_settings.schema.isEmpty() ? QStringLiteral("public") : m_settings.schema))
                                    : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
            if (!q.exec(sql))
                problem = q.lastError().text();
            while (q.next())
                out.append({q.value(0).toString(), {}});
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!problem.isEmpty())
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot list tables: %2").arg(owner, problem), Error::Kind::Unreachable};
    return out;
}

} // namespace sluice::destination
