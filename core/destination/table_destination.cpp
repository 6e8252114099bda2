#include "destination/table_destination.h"

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
            QSqlQuery(db).exec(QStringLiteral("SET standard_conforming_strings = on")); // the literals below rely on it
    }
    if (context.object.isEmpty())
        return configError(QCoreApplication::translate("sluice::destination", "%1: the sync must name the table in \"object\"").arg(owner));

    QSqlDriver *driver = db.driver();
    auto ident = [&](const QString &name) { return driver->escapeIdentifier(name, QSqlDriver::TableName); };
    const QString table = (m_settings.schema.isEmpty() ? QString() : ident(m_settings.schema) + QLatin1Char('.')) + ident(context.object);
    const QString tableName = m_settings.schema.isEmpty() ? context.object : m_settings.schema + QLatin1Char('.') + context.object;

    // Columns the operations need, typed by their first non-null value. The
    // records of one plan all carry the same fields, so reading stops once
    // every column has a type.
    QStringList columns;
    QHash<QString, QString> types;
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
    QSqlRecord existing = db.record(tableName);
    QSqlQuery q(db);
    if (existing.isEmpty()) {
        if (!m_settings.createTable)
            return configError(QCoreApplication::translate("sluice::destination", "%1: table %2 does not exist; create it, or set \"create_table\": true")
                                   .arg(owner, tableName));
        QStringList defs{ident(QString::fromLatin1(keyColumn)) + QStringLiteral(" TEXT PRIMARY KEY")};
        for (const QString &c : columns)
            defs.append(ident(c) + QLatin1Char(' ') + (types.value(c).isEmpty() ? columnType(QJsonValue(), postgres) : types.value(c)));
        if (!q.exec(QStringLiteral("CREATE TABLE %1 (%2)").arg(table, defs.join(QStringLiteral(", ")))))
            return Error{QCoreApplication::translate("sluice::destination", "%1: cannot create table %2: %3").arg(owner, tableName, q.lastError().text()),
                         Error::Kind::Refused};
        existing = db.record(tableName);
    }
    if (existing.indexOf(QString::fromLatin1(keyColumn)) < 0)
        return configError(QCoreApplication::translate("sluice::destination", "%1: table %2 has no %3 column to hold the record keys")
                               .arg(owner, tableName, QString::fromLatin1(keyColumn)));
    for (const QString &c : columns) {
        if (existing.indexOf(c) >= 0)
            continue;
        if (!m_settings.createTable)
            return configError(QCoreApplication::translate("sluice::destination", "%1: table %2 has no column %3").arg(owner, tableName, c));
        if (!q.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3").arg(table, ident(c), types.value(c).isEmpty() ? columnType(QJsonValue(), postgres) : types.value(c))))
            return Error{QCoreApplication::translate("sluice::destination", "%1: cannot add column %2: %3").arg(owner, c, q.lastError().text()),
                         Error::Kind::Refused};
    }

    // SQL literals written directly: standard strings with quotes doubled (both
    // PostgreSQL, with standard_conforming_strings, and SQLite read them so).
    auto quoted = [](const QString &text) {
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
    };
    auto literal = [&](const QJsonValue &v) -> QString {
        if (v.isNull() || v.isUndefined())
            return QStringLiteral("NULL");
        if (v.isBool())
            return postgres ? (v.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE")) : (v.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
        if (v.isDouble())
            return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
        if (v.isString())
            return quoted(v.toString());
        return quoted(QString::fromUtf8(QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact)));
    };
    auto keyLiteral = [&](const QString &key) { return literal(QJsonValue(key)); };

    QStringList names{ident(QString::fromLatin1(keyColumn))}, updates;
    for (const QString &c : columns) {
        names.append(ident(c));
        updates.append(ident(c) + QStringLiteral(" = excluded.") + ident(c));
    }
    // PostgreSQL: the batch travels as one JSON array, the records exactly as
    // planned (key added), and the server turns it into rows of the table's
    // own types (json_populate_recordset): no literal per value, no number
    // through a double. Elsewhere: literals.
    const QString jsonInsert = QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM json_populate_recordset(NULL::%1, ?) ON CONFLICT (%3) ")
                                   .arg(table, names.join(QStringLiteral(", ")), ident(QString::fromLatin1(keyColumn)));
    QSqlQuery jsonStatement(db);
    bool jsonPrepared = false;

    // The batch's records as one JSON array, each with its key added.
    auto jsonArray = [&](const QList<Operation> &batch) {
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
    };

    // One statement per batch and kind; a refused batch is split in halves.
    auto execute = [&](const QList<Operation> &batch) -> QString {
        QStringList upserts, deletes;
        bool hasUpserts = false;
        for (const Operation &op : batch) {
            if (op.kind == OpKind::Delete) {
                deletes.append(keyLiteral(op.key));
                continue;
            }
            hasUpserts = true;
            if (postgres)
                continue; // sent as JSON below

            QStringList values{keyLiteral(op.key)};
            const QJsonObject fields = op.fields();
            for (const QString &c : columns)
                values.append(literal(fields.value(c)));
            upserts.append(QLatin1Char('(') + values.join(QStringLiteral(", ")) + QLatin1Char(')'));
        }
        if (!db.transaction())
            return db.lastError().text();
        QSqlQuery s(db);
        if (hasUpserts) {
            const bool insertOnly = batch.first().kind == OpKind::Insert;
            const QString conflict = insertOnly || updates.isEmpty() ? QStringLiteral("DO NOTHING")
                                                                     : QStringLiteral("DO UPDATE SET ") + updates.join(QStringLiteral(", "));
            bool ok;
            QSqlQuery *failed = &s;
            if (postgres) {
                if (!jsonPrepared) // a sync sends one kind of write: the conflict clause does not change
                    jsonPrepared = jsonStatement.prepare(jsonInsert + conflict);
                jsonStatement.addBindValue(QString::fromUtf8(jsonArray(batch)));
                ok = jsonPrepared && jsonStatement.exec();
                failed = &jsonStatement;
            } else {
                ok = s.exec(QStringLiteral("INSERT INTO %1 (%2) VALUES %3 ON CONFLICT (%4) %5")
                                .arg(table, names.join(QStringLiteral(", ")), upserts.join(QStringLiteral(", ")),
                                     ident(QString::fromLatin1(keyColumn)), conflict));
            }
            if (!ok) {
                const QString e = failed->lastError().text();
                db.rollback();
                return e.isEmpty() ? QStringLiteral("refused") : e;
            }
        }
        if (!deletes.isEmpty() && !s.exec(QStringLiteral("DELETE FROM %1 WHERE %2 IN (%3)")
                                              .arg(table, ident(QString::fromLatin1(keyColumn)), deletes.join(QStringLiteral(", "))))) {
            const QString e = s.lastError().text();
            db.rollback();
            return e.isEmpty() ? QStringLiteral("refused") : e;
        }
        if (!db.commit())
            return db.lastError().text();
        return {};
    };

    // PostgreSQL, a batch without deletes: sent without waiting (libpq's
    // asynchronous API on QPSQL's connection), so the server writes it while
    // Sluice records the previous batch's outcomes and the next batch's
    // write-ahead marks. The order the commit rule needs is kept: a batch is
    // marked before it is sent, and settled only after its answer.
    PGconn *pg = nullptr;
    if (postgres) {
        const QVariant handle = driver->handle();
        if (handle.isValid() && (qstrcmp(handle.typeName(), "PGconn*") == 0 || qstrcmp(handle.typeName(), "pg_conn*") == 0))
            pg = *static_cast<PGconn *const *>(handle.constData());
    }
    const auto firstWrite = std::find_if(operations.begin(), operations.end(), [](const Operation &op) { return op.kind != OpKind::Delete; });
    const QByteArray asyncInsert = pg && firstWrite != operations.end()
                                       ? QString(jsonInsert).replace(QLatin1Char('?'), QStringLiteral("$1")).toUtf8()
                                             + (firstWrite->kind == OpKind::Insert || updates.isEmpty()
                                                    ? QByteArray("DO NOTHING")
                                                    : "DO UPDATE SET " + updates.join(QStringLiteral(", ")).toUtf8())
                                       : QByteArray();
    auto send = [&](const QList<Operation> &batch) -> QString {
        const QByteArray array = jsonArray(batch);
        const char *values[1] = {array.constData()};
        if (!PQsendQueryParams(pg, asyncInsert.constData(), 1, nullptr, values, nullptr, nullptr, 0))
            return QString::fromUtf8(PQerrorMessage(pg)).trimmed();
        return {};
    };
    auto answer = [&]() -> QString {
        QString problem;
        while (PGresult *res = PQgetResult(pg)) {
            if (PQresultStatus(res) != PGRES_COMMAND_OK && problem.isEmpty())
                problem = QString::fromUtf8(PQresultErrorMessage(res)).trimmed();
            PQclear(res);
        }
        return problem;
    };

    qint64 done = 0;
    QList<QList<Operation>> queue;
    for (qsizetype i = 0; i < operations.size(); i += m_settings.batchSize)
        queue.append(operations.mid(i, m_settings.batchSize));
    auto settle = [&](const QList<Operation> &batch, const QString &problem) -> std::optional<Error> {
        if (problem.isEmpty()) {
            QList<Outcome> outcomes;
            for (const Operation &op : batch)
                outcomes.append({op.key, true, {}});
            if (context.settled)
                context.settled(batch, outcomes);
            done += batch.size();
        } else if (!db.isOpen() || !db.isValid() || (pg && PQstatus(pg) != CONNECTION_OK)) {
            return Error{QCoreApplication::translate("sluice::destination", "%1: %2").arg(owner, problem), Error::Kind::Unreachable};
        } else if (batch.size() == 1) {
            if (context.settled)
                context.settled(batch, {{batch.first().key, false, problem.trimmed()}});
            done += 1;
        } else {
            const qsizetype half = batch.size() / 2;
            queue.prepend(batch.mid(half));
            queue.prepend(batch.mid(0, half));
        }
        if (context.progress)
            context.progress(done, operations.size());
        return std::nullopt;
    };
    auto cancelled = [&] { return context.cancel && context.cancel->load(); };
    auto cancelledError = [&] {
        return Error{QCoreApplication::translate("sluice::destination", "%1: cancelled").arg(owner), Error::Kind::Cancelled};
    };
    if (asyncInsert.isEmpty()) {
        while (!queue.isEmpty()) {
            if (cancelled())
                return cancelledError();
            const QList<Operation> batch = queue.takeFirst();
            if (context.sending)
                context.sending(batch);
            if (std::optional<Error> e = settle(batch, execute(batch)))
                return *e;
        }
        return {};
    }
    // Pipelined: while the server writes batch i, Sluice settles batch i-1
    // and marks batch i+1. Every batch is marked before it is sent (a batch
    // split after a refusal was marked whole before).
    std::optional<QList<Operation>> inFlight;
    bool firstMarked = false; // queue.first() is marked already
    auto sendNext = [&]() -> std::optional<Error> {
        const QList<Operation> batch = queue.takeFirst();
        if (!firstMarked && context.sending)
            context.sending(batch);
        firstMarked = false;
        if (std::any_of(batch.begin(), batch.end(), [](const Operation &op) { return op.kind == OpKind::Delete; }))
            return settle(batch, execute(batch)); // deletes: in a transaction, waited for (the connection is idle here)
        if (const QString problem = send(batch); !problem.isEmpty())
            return settle(batch, problem);
        inFlight = batch;
        return std::nullopt;
    };
    while (!queue.isEmpty() || inFlight) {
        if (!inFlight) {
            if (cancelled())
                return cancelledError();
            if (std::optional<Error> e = sendNext())
                return *e;
            continue;
        }
        if (!queue.isEmpty() && !firstMarked && context.sending) {
            context.sending(queue.first()); // while the server works
            firstMarked = true;
        }
        const QString problem = answer();
        const QList<Operation> batch = *std::exchange(inFlight, std::nullopt);
        if (problem.isEmpty() && !queue.isEmpty() && !cancelled()) {
            if (std::optional<Error> e = sendNext()) // the server starts on the next batch...
                return *e;
        }
        if (std::optional<Error> e = settle(batch, problem)) // ...while this one is recorded
            return *e;
        if (cancelled()) {
            if (inFlight) {
                const QList<Operation> last = *std::exchange(inFlight, std::nullopt);
                if (std::optional<Error> e = settle(last, answer()))
                    return *e;
            }
            return cancelledError();
        }
    }
    return {};
}

} // namespace sluice::destination
