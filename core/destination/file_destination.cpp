#include "destination/file_destination.h"

#include "destination/csv_format.h"
#include "destination/file_merge.h"
#include "source/column.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QSaveFile>
#include <QTemporaryFile>

#include <map>

namespace sluice::destination {

namespace {

QByteArray lineOf(const QString &key, const QJsonObject &fields)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("key"), key}, {QStringLiteral("fields"), fields}}).toJson(QJsonDocument::Compact);
}

QJsonObject fieldsOf(const QByteArray &line)
{
    return QJsonDocument::fromJson(line).object().value(QStringLiteral("fields")).toObject();
}

} // namespace

FileDestination::FileDestination(QString name, QString path, bool csv)
    : m_name(std::move(name)), m_path(std::move(path)), m_csv(csv)
{
}

Result<void> FileDestination::check() const
{
    const QFileInfo at(m_path);
    if (at.exists() && !at.isWritable())
        return Error{QCoreApplication::translate("sluice::destination", "destination %1: %2 is not writable").arg(m_name, m_path), Error::Kind::Unreachable};
    return creatableFile(m_path, QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name));
}

Result<void> FileDestination::load(Records &records) const
{
    QFile existing(m_path);
    if (!existing.exists())
        return {};
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (!existing.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot read %2: %3").arg(owner, m_path, existing.errorString()),
                     Error::Kind::Unreachable};
    const QByteArray text = existing.readAll();
    if (!m_csv) {
        for (const QByteArray &raw : text.split('\n')) {
            if (raw.trimmed().isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(raw).object();
            records.emplace(o.value(QStringLiteral("key")).toString(), raw.trimmed()); // kept as written
        }
        return {};
    }
    bool ok = true;
    const QList<QStringList> rows = csv::parse(QString::fromUtf8(text), &ok);
    if (!ok)
        return Error{QCoreApplication::translate("sluice::destination", "%1: %2 is not valid CSV (a quoted cell never ends); "
                                                 "nothing was written, fix or move the file").arg(owner, m_path),
                     Error::Kind::Unreachable};
    for (qsizetype r = 1; r < rows.size(); ++r) {
        const QStringList &cells = rows[r];
        QJsonObject fields;
        for (qsizetype i = 1; i < rows.first().size() && i < cells.size(); ++i)
            fields.insert(rows.first()[i], cells[i]);
        records.emplace(cells.value(0), lineOf(cells.value(0), fields));
    }
    return {};
}

Result<void> FileDestination::write(const Records &records) const
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot write %2: %3").arg(owner, m_path, out.errorString()),
                     Error::Kind::Unreachable};
    if (m_csv) {
        QStringList columns;
        for (const auto &[key, line] : records)
            for (const QString &k : fieldsOf(line).keys())
                if (!columns.contains(k))
                    columns.append(k);
        out.write(csv::record(QStringList{QStringLiteral("key")} + columns).toUtf8() + "\r\n");
        for (const auto &[key, line] : records) {
            const QJsonObject fields = fieldsOf(line);
            QStringList cells{key};
            for (const QString &c : columns)
                cells.append(csv::text(fields.value(c)));
            out.write(csv::record(cells).toUtf8() + "\r\n");
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
    return {};
}

Result<void> FileDestination::deliverRun(OperationSource &source, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QLockFile lock(m_path + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(30 * 60 * 1000))
        return Error{QCoreApplication::translate("sluice::destination", "%1: %2 stayed locked by another writer for 30 minutes (%3.lock)").arg(owner, m_path, m_path),
                     Error::Kind::Unreachable};
    Result<MergeResult> merged = m_csv ? mergeIntoCsv(owner, source, context) : mergeRunIntoJsonl(m_path, owner, source, context);
    if (!merged)
        return merged.error();
    if (merged.value() == MergeResult::Done)
        return {};
    lock.unlock(); // deliver() takes it again
    // A file not in key order (written by hand): the file and the run in
    // memory, the file written back in key order.
    return Destination::deliverRun(source, context);
}

// A csv run goes through the same bounded merge: the file as sorted jsonl
// beside it, the run merged into that, and the csv written back from the
// result before anything settles.
Result<MergeResult> FileDestination::mergeIntoCsv(const QString &owner, OperationSource &source, const DeliveryContext &context)
{
    QTemporaryFile lines(m_path + QStringLiteral(".merge-XXXXXX"));
    if (!lines.open())
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot write beside %2: %3").arg(owner, m_path, lines.errorString()),
                     Error::Kind::Unreachable};
    lines.close();
    Result<bool> read = csvToJsonl(m_path, lines.fileName());
    if (!read)
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot read %2: %3").arg(owner, m_path, read.error().message),
                     Error::Kind::Unreachable};
    if (!read.value())
        return Error{QCoreApplication::translate("sluice::destination", "%1: %2 is not valid CSV (a quoted cell never ends); "
                                                 "nothing was written, fix or move the file").arg(owner, m_path),
                     Error::Kind::Unreachable};
    return mergeRunIntoJsonl(lines.fileName(), owner, source, context, {}, [&]() -> Result<void> {
        if (Result<void> r = jsonlToCsv(lines.fileName(), m_path); !r)
            return Error{QCoreApplication::translate("sluice::destination", "%1: cannot write %2: %3").arg(owner, m_path, r.error().message),
                         Error::Kind::Unreachable};
        return {};
    });
}

Result<void> FileDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    // The file is read, changed and replaced as one step; another sync (or
    // workspace) writing the same file waits, so neither loses the other's records.
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QLockFile lock(m_path + QStringLiteral(".lock"));
    lock.setStaleLockTime(0); // held only while this process lives
    if (!lock.tryLock(30 * 60 * 1000))
        return Error{QCoreApplication::translate("sluice::destination", "%1: %2 stayed locked by another writer for 30 minutes (%3.lock)").arg(owner, m_path, m_path),
                     Error::Kind::Unreachable};
    // Key order is kept stable (sorted) so the file diffs cleanly between runs;
    // under append a key holds every line sent for it, oldest first.
    Records records;
    if (Result<void> r = load(records); !r)
        return r;
    QList<Outcome> outcomes;
    qint64 done = 0;
    for (const Operation &op : operations) {
        // The file takes the whole run: a terminal sees it being built, then written.
        if (context.progress && ++done % 50000 == 0)
            context.progress(done, operations.size());
        const bool existed = records.count(op.key) > 0;
        if (op.kind == OpKind::Delete) {
            records.erase(op.key);
        } else if (op.kind == OpKind::Update && !existed) {
            outcomes.append({op.key, false, QCoreApplication::translate("sluice::destination", "no such record to update"), false});
            continue;
        } else if (op.kind == OpKind::Insert && existed) {
            outcomes.append({op.key, false, QCoreApplication::translate("sluice::destination", "record already exists (insert only)")});
            continue;
        } else {
            if (op.kind != OpKind::Append)
                records.erase(op.key);
            records.emplace(op.key, jsonlLineOf(op));
        }
        std::optional<bool> found;
        if (op.kind == OpKind::Upsert || op.kind == OpKind::Update)
            found = existed;
        outcomes.append({op.key, true, {}, found});
    }
    if (context.sending)
        context.sending(operations);
    if (Result<void> r = write(records); !r)
        return r;
    if (context.progress)
        context.progress(operations.size(), operations.size());
    if (context.settled)
        context.settled(operations, outcomes);
    return {};
}

} // namespace sluice::destination
