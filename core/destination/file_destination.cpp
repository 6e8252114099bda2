#include "destination/file_destination.h"

#include "source/column.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <map>

namespace sluice::destination {

namespace {

QString csvCell(const QJsonValue &v)
{
    QString s;
    if (v.isString())
        s = v.toString();
    else if (v.isNull() || v.isUndefined())
        return {};
    else
        s = QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

QStringList parseCsvLine(const QString &line)
{
    QStringList out;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            out.append(cell);
            cell.clear();
        } else {
            cell += c;
        }
    }
    out.append(cell);
    return out;
}

} // namespace

FileDestination::FileDestination(QString name, QString path, bool csv)
    : m_name(std::move(name)), m_path(std::move(path)), m_csv(csv)
{
}

Result<void> FileDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    // Key order is kept stable (sorted) so the file diffs cleanly between runs;
    // under append a key holds every line sent for it, oldest first. Each
    // record is held as its JSON Lines line, {"fields":{...},"key":"..."}, a
    // few hundred bytes, not as a parsed object; a planned record's fields are
    // already compact JSON in mapping order, written as they are.
    std::multimap<QString, QByteArray> records;
    auto lineOf = [](const QString &key, const QJsonObject &fields) {
        return QJsonDocument(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("fields"), fields}}).toJson(QJsonDocument::Compact);
    };
    auto lineOfOperation = [](const Operation &op) {
        QByteArray line;
        line.reserve(op.fieldsJson.size() + op.key.size() + 24);
        line.append("{\"fields\":");
        line.append(op.fieldsJson.isEmpty() ? QByteArray("{}") : op.fieldsJson);
        line.append(",\"key\":");
        source::appendJsonString(line, op.key);
        line.append('}');
        return line;
    };
    QFile existing(m_path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return Error{QCoreApplication::translate("sluice::destination", "%1: cannot read %2: %3").arg(owner, m_path, existing.errorString()),
                         Error::Kind::Unreachable};
        const QList<QByteArray> lines = existing.readAll().split('\n');
        QStringList header;
        for (const QByteArray &raw : lines) {
            if (raw.trimmed().isEmpty())
                continue;
            if (!m_csv) {
                const QJsonObject o = QJsonDocument::fromJson(raw).object();
                records.emplace(o.value(QStringLiteral("key")).toString(), raw.trimmed()); // kept as written
                continue;
            }
            const QStringList cells = parseCsvLine(QString::fromUtf8(raw));
            if (header.isEmpty()) {
                header = cells;
                continue;
            }
            QJsonObject fields;
            for (qsizetype i = 1; i < header.size() && i < cells.size(); ++i)
                fields.insert(header[i], cells[i]);
            records.emplace(cells.value(0), lineOf(cells.value(0), fields));
        }
    }
    QList<Outcome> outcomes;
    for (const Operation &op : operations) {
        if (op.kind == OpKind::Delete) {
            records.erase(op.key);
        } else if (op.kind == OpKind::Update && !records.count(op.key)) {
            outcomes.append({op.key, false, QCoreApplication::translate("sluice::destination", "no such record to update")});
            continue;
        } else if (op.kind == OpKind::Insert && records.count(op.key)) {
            outcomes.append({op.key, false, QCoreApplication::translate("sluice::destination", "record already exists (insert only)")});
            continue;
        } else {
            if (op.kind != OpKind::Append)
                records.erase(op.key);
            records.emplace(op.key, lineOfOperation(op));
        }
        outcomes.append({op.key, true, {}});
    }

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (context.sending)
        context.sending(operations);
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot write %2: %3").arg(owner, m_path, out.errorString()),
                     Error::Kind::Unreachable};
    if (m_csv) {
        auto fieldsOf = [](const QByteArray &line) { return QJsonDocument::fromJson(line).object().value(QStringLiteral("fields")).toObject(); };
        QStringList columns;
        for (const auto &[key, line] : records)
            for (const QString &k : fieldsOf(line).keys())
                if (!columns.contains(k))
                    columns.append(k);
        out.write(QStringList(QStringList{QStringLiteral("key")} + columns).join(QLatin1Char(',')).toUtf8() + '\n');
        for (const auto &[key, line] : records) {
            const QJsonObject fields = fieldsOf(line);
            QStringList cells{csvCell(key)};
            for (const QString &c : columns)
                cells.append(csvCell(fields.value(c)));
            out.write(cells.join(QLatin1Char(',')).toUtf8() + '\n');
        }
    } else {
        for (const auto &[key, line] : records) {
            out.write(line);
            out.write("\n");
        }
    }
    if (!out.commit())
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot write %2: %3").arg(owner, m_path, out.errorString()),
                     Error::Kind::Unreachable};
    if (context.settled)
        context.settled(operations, outcomes);
    if (context.progress)
        context.progress(operations.size(), operations.size());
    return {};
}

} // namespace sluice::destination
