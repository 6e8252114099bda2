#include "destination/file_merge.h"

#include "destination/csv_format.h"
#include "source/column.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSaveFile>
#include <QTemporaryFile>

#include <algorithm>
#include <memory>
#include <queue>

namespace sluice::destination {

namespace {


// What became of each operation, a byte each, by its place in the run.
enum OutcomeCode : char { AcceptedUnknown, AcceptedNew, AcceptedExisting, UpdateMissing, InsertExists };

struct Entry
{
    QString key;
    qint64 seq = 0;
    qint8 kind = 0;
    QByteArray line;
};

// One chunk of the run, sorted by key (then by its place in the run).
class SortedRun
{
public:
    Result<void> write(QList<Entry> &entries, const QString &beside)
    {
        std::stable_sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) { return a.key < b.key; });
        m_file = std::make_unique<QTemporaryFile>(beside + QStringLiteral(".sort-XXXXXX"));
        if (!m_file->open())
            return Error{m_file->errorString(), Error::Kind::Unreachable};
        QDataStream out(m_file.get());
        for (const Entry &e : entries)
            out << e.key << e.seq << e.kind << e.line;
        if (out.status() != QDataStream::Ok || !m_file->flush())
            return Error{m_file->errorString(), Error::Kind::Unreachable};
        m_count = entries.size();
        return {};
    }

    bool start()
    {
        m_read = 0;
        if (!m_file->seek(0))
            return false;
        m_in.setDevice(m_file.get());
        return advance();
    }

    bool advance()
    {
        if (m_read == m_count)
            return false;
        m_in >> m_head.key >> m_head.seq >> m_head.kind >> m_head.line;
        ++m_read;
        return m_in.status() == QDataStream::Ok;
    }

    const Entry &head() const { return m_head; }

private:
    std::unique_ptr<QTemporaryFile> m_file;
    QDataStream m_in;
    qint64 m_count = 0;
    qint64 m_read = 0;
    Entry m_head;
};

// The file as it is, a key's lines at a time, in key order.
class SortedLines
{
public:
    explicit SortedLines(const QString &path) : m_file(path) {}

    bool open() { return !m_file.exists() || m_file.open(QIODevice::ReadOnly); }
    bool unsorted() const { return m_unsorted; }
    bool atEnd() const { return !m_has; }
    const QString &key() const { return m_key; }

    void start() { m_has = readLine(); }

    // The lines of the current key; moves on to the next key.
    QList<QByteArray> take()
    {
        QList<QByteArray> lines{m_line};
        const QString key = m_key;
        while ((m_has = readLine()) && m_key == key)
            lines.append(m_line);
        if (m_has && m_key < key)
            m_unsorted = true;
        return lines;
    }

private:
    bool readLine()
    {
        while (m_file.isOpen() && !m_file.atEnd()) {
            const QByteArray raw = m_file.readLine().trimmed();
            if (raw.isEmpty())
                continue;
            m_line = raw; // kept as written
            m_key = QJsonDocument::fromJson(raw).object().value(QStringLiteral("key")).toString();
            return true;
        }
        return false;
    }

    QFile m_file;
    bool m_has = false;
    bool m_unsorted = false;
    QString m_key;
    QByteArray m_line;
};

// Applies a key's operations, in run order, to its lines.
void apply(QList<QByteArray> &lines, QList<Entry> &ops, QByteArray &codes)
{
    std::sort(ops.begin(), ops.end(), [](const Entry &a, const Entry &b) { return a.seq < b.seq; });
    for (Entry &op : ops) {
        const bool existed = !lines.isEmpty();
        const OpKind kind = OpKind(op.kind);
        char code = AcceptedUnknown;
        if (kind == OpKind::Delete) {
            lines.clear();
        } else if (kind == OpKind::Update && !existed) {
            code = UpdateMissing;
        } else if (kind == OpKind::Insert && existed) {
            code = InsertExists;
        } else {
            if (kind != OpKind::Append)
                lines.clear();
            lines.append(std::move(op.line));
            if (kind == OpKind::Upsert || kind == OpKind::Update)
                code = existed ? AcceptedExisting : AcceptedNew;
        }
        codes[op.seq] = code;
    }
}

Outcome outcomeOf(const Operation &op, char code)
{
    switch (code) {
    case UpdateMissing: return {op.key, false, QCoreApplication::translate("sluice::destination", "no such record to update"), false};
    case InsertExists: return {op.key, false, QCoreApplication::translate("sluice::destination", "record already exists (insert only)"), std::nullopt};
    case AcceptedNew: return {op.key, true, {}, false};
    case AcceptedExisting: return {op.key, true, {}, true};
    default: return {op.key, true, {}, std::nullopt};
    }
}

struct HeadOrder
{
    const std::vector<std::unique_ptr<SortedRun>> *runs;
    bool operator()(int a, int b) const
    {
        const Entry &x = (*runs)[a]->head(), &y = (*runs)[b]->head();
        return y.key < x.key || (y.key == x.key && y.seq < x.seq);
    }
};

// Old file and sorted runs merged into `out`, key by key.
Result<bool> merge(SortedLines &old, std::vector<std::unique_ptr<SortedRun>> &runs, QSaveFile &out, QByteArray &codes)
{
    std::priority_queue<int, std::vector<int>, HeadOrder> heads(HeadOrder{&runs});
    for (int i = 0; i < int(runs.size()); ++i)
        if (runs[i]->start())
            heads.push(i);
    old.start();
    QList<Entry> ops;
    while (!old.atEnd() || !heads.empty()) {
        QString key;
        if (heads.empty() || (!old.atEnd() && old.key() < runs[heads.top()]->head().key))
            key = old.key();
        else
            key = runs[heads.top()]->head().key;
        QList<QByteArray> lines = !old.atEnd() && old.key() == key ? old.take() : QList<QByteArray>();
        if (old.unsorted())
            return false;
        ops.clear();
        while (!heads.empty() && runs[heads.top()]->head().key == key) {
            const int i = heads.top();
            heads.pop();
            ops.append(runs[i]->head());
            if (runs[i]->advance())
                heads.push(i);
        }
        if (!ops.isEmpty())
            apply(lines, ops, codes);
        for (const QByteArray &line : std::as_const(lines)) {
            out.write(line);
            out.write("\n");
        }
    }
    return true;
}

} // namespace

QByteArray jsonlLineOf(const Operation &op)
{
    QByteArray line;
    line.reserve(op.fieldsJson.size() + op.key.size() + 24);
    line.append("{\"fields\":");
    line.append(op.fieldsJson.isEmpty() ? QByteArray("{}") : op.fieldsJson);
    line.append(",\"key\":");
    source::appendJsonString(line, op.key);
    line.append('}');
    return line;
}

Result<MergeResult> mergeRunIntoJsonl(const QString &path, const QString &owner, OperationSource &source, const DeliveryContext &context,
                                      const MergeChunks &chunks, const std::function<Result<void>()> &publish)
{
    auto failed = [&](const QString &what, const QString &why) {
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot write %2: %3").arg(owner, what, why), Error::Kind::Unreachable};
    };
    if (Result<void> r = source.rewind(); !r)
        return r.error();
    // 1. The run, a chunk at a time, sorted into temporary files.
    std::vector<std::unique_ptr<SortedRun>> runs;
    QList<Operation> chunk;
    qint64 seq = 0;
    while (source.next(chunks.sort, chunk)) {
        if (context.sending)
            context.sending(chunk);
        QList<Entry> entries;
        entries.reserve(chunk.size());
        for (const Operation &op : std::as_const(chunk))
            entries.append({op.key, seq++, qint8(op.kind), jsonlLineOf(op)});
        runs.push_back(std::make_unique<SortedRun>());
        if (Result<void> r = runs.back()->write(entries, path); !r)
            return failed(path + QStringLiteral(".sort-*"), r.error().message);
        if (context.progress)
            context.progress(seq / 2, source.count());
    }
    if (seq == 0)
        return MergeResult::Done; // nothing to apply: the file stays as it is
    // 2. The old file and the sorted runs merged into the new file.
    SortedLines old(path);
    if (!old.open())
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot read %2").arg(owner, path), Error::Kind::Unreachable};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return failed(path, out.errorString());
    QByteArray codes(seq, AcceptedUnknown);
    Result<bool> merged = merge(old, runs, out, codes);
    if (!merged)
        return merged.error();
    if (!merged.value()) {
        out.cancelWriting();
        return MergeResult::Unsorted;
    }
    if (!out.commit())
        return failed(path, out.errorString());
    runs.clear();
    if (publish) {
        if (Result<void> r = publish(); !r)
            return r.error();
    }
    if (context.progress)
        context.progress(source.count(), source.count());
    // 3. Now that the file holds them, the run is settled a chunk at a time.
    if (Result<void> r = source.rewind(); !r)
        return r.error();
    qint64 at = 0;
    while (source.next(chunks.settle, chunk)) {
        QList<Outcome> outcomes;
        outcomes.reserve(chunk.size());
        for (const Operation &op : std::as_const(chunk))
            outcomes.append(outcomeOf(op, at < codes.size() ? codes[at++] : char(AcceptedUnknown)));
        if (context.settled)
            context.settled(chunk, outcomes);
    }
    return MergeResult::Done;
}

namespace {

// A csv file a record at a time: a record ends at a line end outside quotes.
class CsvRecords
{
public:
    explicit CsvRecords(const QString &path) : m_file(path) {}
    bool open() { return m_file.open(QIODevice::ReadOnly); }
    // The next record's cells; false at the end, `ok` false for a quote that never closes.
    bool next(QStringList &cells, bool &ok)
    {
        QByteArray text;
        qsizetype quotes = 0;
        while (!m_file.atEnd()) {
            const QByteArray line = m_file.readLine();
            if (text.isEmpty() && line.trimmed().isEmpty())
                continue; // a blank line between records
            text += line;
            quotes += line.count('"');
            if (quotes % 2 == 0)
                break;
        }
        ok = quotes % 2 == 0;
        if (text.trimmed().isEmpty() || !ok)
            return false;
        const QList<QStringList> records = csv::parse(QString::fromUtf8(text), &ok);
        cells = records.value(0);
        return ok && !records.isEmpty();
    }

private:
    QFile m_file;
};

} // namespace

Result<bool> csvToJsonl(const QString &csv, const QString &jsonl)
{
    QFile out(jsonl);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{out.errorString(), Error::Kind::Unreachable};
    if (!QFile::exists(csv))
        return true;
    CsvRecords in(csv);
    if (!in.open())
        return Error{QCoreApplication::translate("sluice::destination", "cannot read %1").arg(csv), Error::Kind::Unreachable};
    QStringList header, cells;
    bool ok = true;
    if (!in.next(header, ok))
        return ok;
    while (in.next(cells, ok)) {
        QJsonObject fields;
        for (qsizetype i = 1; i < header.size() && i < cells.size(); ++i)
            fields.insert(header[i], cells[i]);
        out.write(QJsonDocument(QJsonObject{{QStringLiteral("key"), cells.value(0)}, {QStringLiteral("fields"), fields}}).toJson(QJsonDocument::Compact));
        out.write("\n");
    }
    if (!out.flush())
        return Error{out.errorString(), Error::Kind::Unreachable};
    return ok;
}

Result<void> jsonlToCsv(const QString &jsonl, const QString &csvPath)
{
    // Two passes over the merged lines: the columns (each record's fields, in
    // key order, as first seen), then the rows.
    QFile in(jsonl);
    if (!in.open(QIODevice::ReadOnly))
        return Error{in.errorString(), Error::Kind::Unreachable};
    QStringList columns;
    QSet<QString> seen;
    while (!in.atEnd()) {
        const QJsonObject fields = QJsonDocument::fromJson(in.readLine()).object().value(QStringLiteral("fields")).toObject();
        for (const QString &k : fields.keys())
            if (!seen.contains(k)) {
                seen.insert(k);
                columns.append(k);
            }
    }
    QSaveFile out(csvPath);
    if (!out.open(QIODevice::WriteOnly) || !in.seek(0))
        return Error{out.errorString(), Error::Kind::Unreachable};
    out.write(csv::record(QStringList{QStringLiteral("key")} + columns).toUtf8() + "\r\n");
    while (!in.atEnd()) {
        const QByteArray raw = in.readLine().trimmed();
        if (raw.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(raw).object();
        const QJsonObject fields = o.value(QStringLiteral("fields")).toObject();
        QStringList cells{o.value(QStringLiteral("key")).toString()};
        for (const QString &c : std::as_const(columns))
            cells.append(csv::text(fields.value(c)));
        out.write(csv::record(cells).toUtf8() + "\r\n");
    }
    if (!out.commit())
        return Error{out.errorString(), Error::Kind::Unreachable};
    return {};
}

} // namespace sluice::destination
