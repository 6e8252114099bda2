// The bounded-memory merge of a run into a jsonl file gives the file and the
// outcomes the whole-run, in-memory delivery gives, however the run is cut.
#include "destination/file_destination.h"
#include "destination/file_merge.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace sluice;
using destination::OpKind;
using destination::Operation;
using destination::Outcome;

namespace {

class ListSource final : public destination::OperationSource
{
public:
    explicit ListSource(QList<Operation> ops) : m_ops(std::move(ops)) {}
    Result<void> rewind() override
    {
        m_at = 0;
        ++rewinds;
        return {};
    }
    bool next(qsizetype n, QList<Operation> &ops) override
    {
        ops = m_ops.mid(m_at, n);
        m_at += ops.size();
        largest = qMax(largest, ops.size());
        return !ops.isEmpty();
    }
    qint64 count() const override { return m_ops.size(); }
    int rewinds = 0;
    qsizetype largest = 0;

private:
    QList<Operation> m_ops;
    qsizetype m_at = 0;
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

// Sorted outcomes by key, as comparable text.
QStringList describe(const QList<Outcome> &outcomes)
{
    QStringList out;
    for (const Outcome &o : outcomes)
        out.append(QStringLiteral("%1 %2 %3 %4").arg(o.key).arg(o.accepted).arg(o.reason).arg(o.existed ? (*o.existed ? 1 : 0) : -1));
    out.sort();
    return out;
}

} // namespace

class TestFileMerge final : public QObject
{
    Q_OBJECT

private slots:
    void mergeMatchesTheWholeRunDelivery_data();
    void mergeMatchesTheWholeRunDelivery();
    void unsortedFileIsLeftAlone();
    void csvRunMatchesTheWholeRunDelivery_data();
    void csvRunMatchesTheWholeRunDelivery();
};

void TestFileMerge::mergeMatchesTheWholeRunDelivery_data()
{
    QTest::addColumn<int>("mode"); // 0 upsert+delete (mirror), 1 update, 2 insert, 3 append
    QTest::addColumn<int>("sortChunk");
    QTest::newRow("mirror, 7 sorted runs") << 0 << 37;
    QTest::newRow("mirror, one run") << 0 << 100000;
    QTest::newRow("update, runs of one") << 1 << 1;
    QTest::newRow("insert") << 2 << 50;
    QTest::newRow("append") << 3 << 40;
}

void TestFileMerge::mergeMatchesTheWholeRunDelivery()
{
    QFETCH(int, mode);
    QFETCH(int, sortChunk);
    QTemporaryDir dir;
    QRandomGenerator random(quint32(mode * 1000 + sortChunk));
    // The file as an earlier run left it: keys 0..199 (every other), sorted as Sluice writes them.
    QList<Operation> seed;
    for (int i = 0; i < 200; i += 2)
        seed.append(Operation::make(QStringLiteral("k%1").arg(i), OpKind::Upsert, {{QStringLiteral("v"), i}}));
    destination::FileDestination seeder(QStringLiteral("f"), dir.filePath(QStringLiteral("seed.jsonl")), false);
    QVERIFY(seeder.deliver(seed, {}).ok());
    const QByteArray before = readAll(dir.filePath(QStringLiteral("seed.jsonl")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("merged.jsonl")), before));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("whole.jsonl")), before));

    // A run over keys 0..249 in random order: some new, some held, some removed.
    QList<int> keys;
    for (int i = 0; i < 250; ++i)
        keys.append(i);
    std::shuffle(keys.begin(), keys.end(), std::mt19937(quint32(sortChunk)));
    QList<Operation> run;
    for (int i : std::as_const(keys)) {
        if (random.bounded(5) == 0)
            continue;
        OpKind kind = mode == 1 ? OpKind::Update : mode == 2 ? OpKind::Insert : mode == 3 ? OpKind::Append : OpKind::Upsert;
        if (mode == 0 && random.bounded(4) == 0)
            kind = OpKind::Delete;
        Operation op = Operation::make(QStringLiteral("k%1").arg(i), kind, kind == OpKind::Delete ? QJsonObject() : QJsonObject{{QStringLiteral("v"), i * 10}, {QStringLiteral("q"), QStringLiteral("a\"b\\c|é")}});
        op.isNew = i % 2 == 1;
        run.append(op);
    }
    QList<Outcome> whole, merged;
    QList<Operation> sent;
    destination::DeliveryContext context;
    context.settled = [&](const QList<Operation> &, const QList<Outcome> &o) { whole.append(o); };
    destination::FileDestination reference(QStringLiteral("f"), dir.filePath(QStringLiteral("whole.jsonl")), false);
    QVERIFY(reference.deliver(run, context).ok());

    ListSource source(run);
    context.settled = [&](const QList<Operation> &ops, const QList<Outcome> &o) {
        QCOMPARE(ops.size(), o.size());
        for (qsizetype i = 0; i < ops.size(); ++i)
            QCOMPARE(ops[i].key, o[i].key);
        merged.append(o);
    };
    context.sending = [&](const QList<Operation> &ops) { sent.append(ops); };
    Result<destination::MergeResult> r = destination::mergeRunIntoJsonl(dir.filePath(QStringLiteral("merged.jsonl")), QStringLiteral("destination f"), source,
                                                                         context, {qsizetype(sortChunk), 23});
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r.value(), destination::MergeResult::Done);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("merged.jsonl"))), readAll(dir.filePath(QStringLiteral("whole.jsonl"))));
    QCOMPARE(describe(merged), describe(whole));
    QCOMPARE(sent.size(), run.size()); // every operation announced before the file changed
    QVERIFY(source.largest <= qMax(sortChunk, 23)); // never more than a chunk at a time
    // No sorted run is left beside the file.
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.sort-*")}, QDir::Files).size(), 0);
}

void TestFileMerge::unsortedFileIsLeftAlone()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("hand.jsonl"));
    const QByteArray text = "{\"fields\":{},\"key\":\"b\"}\n{\"fields\":{},\"key\":\"a\"}\n";
    QVERIFY(writeFile(path, text));
    ListSource source({Operation::make(QStringLiteral("c"), OpKind::Upsert, {{QStringLiteral("v"), 1}})});
    Result<destination::MergeResult> r = destination::mergeRunIntoJsonl(path, QStringLiteral("destination f"), source, {});
    QVERIFY(r.ok());
    QCOMPARE(r.value(), destination::MergeResult::Unsorted);
    QCOMPARE(readAll(path), text);
    // The destination then applies the run in memory, and writes the file sorted.
    destination::FileDestination file(QStringLiteral("f"), path, false);
    ListSource again({Operation::make(QStringLiteral("c"), OpKind::Upsert, {{QStringLiteral("v"), 1}})});
    QList<Outcome> outcomes;
    destination::DeliveryContext context;
    context.settled = [&](const QList<Operation> &, const QList<Outcome> &o) { outcomes.append(o); };
    QVERIFY(file.deliverRun(again, context).ok());
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(readAll(path), QByteArray("{\"fields\":{},\"key\":\"a\"}\n{\"fields\":{},\"key\":\"b\"}\n{\"fields\":{\"v\":1},\"key\":\"c\"}\n"));
}

void TestFileMerge::csvRunMatchesTheWholeRunDelivery_data()
{
    QTest::addColumn<int>("mode"); // 0 mirror, 3 append
    QTest::newRow("mirror") << 0;
    QTest::newRow("append") << 3;
}

// A csv run goes through the same bounded merge (the file as sorted jsonl
// beside it, the csv written back from the result): the file, byte for byte,
// and the outcomes equal the in-memory delivery's, with cells holding commas,
// quotes, line breaks and edge spaces, and a field the file did not have yet.
void TestFileMerge::csvRunMatchesTheWholeRunDelivery()
{
    QFETCH(int, mode);
    QTemporaryDir dir;
    const QString hostile = QStringLiteral(" a,b \"q\"\nline\r\n2 é ");
    QList<Operation> seed;
    for (int i = 0; i < 60; i += 2)
        seed.append(Operation::make(QStringLiteral("k%1").arg(i), OpKind::Upsert, {{QStringLiteral("v"), i}, {QStringLiteral("t"), QString(hostile + QString::number(i))}}));
    for (const char *name : {"whole.csv", "merged.csv"}) {
        destination::FileDestination seeder(QStringLiteral("f"), dir.filePath(QLatin1String(name)), true);
        QVERIFY(seeder.deliver(seed, {}).ok());
    }
    QList<Operation> run;
    for (int i = 59; i >= 0; i -= 3) {
        const OpKind kind = mode == 3 ? OpKind::Append : i % 4 == 1 ? OpKind::Delete : OpKind::Upsert;
        Operation op = Operation::make(QStringLiteral("k%1").arg(i), kind,
                                       kind == OpKind::Delete ? QJsonObject()
                                                              : QJsonObject{{QStringLiteral("v"), i * 10}, {QStringLiteral("t"), hostile}, {QStringLiteral("added"), true}});
        op.isNew = i % 2 == 1;
        run.append(op);
    }
    QList<Outcome> whole, merged;
    destination::DeliveryContext context;
    context.settled = [&](const QList<Operation> &, const QList<Outcome> &o) { whole.append(o); };
    destination::FileDestination reference(QStringLiteral("f"), dir.filePath(QStringLiteral("whole.csv")), true);
    QVERIFY(reference.deliver(run, context).ok());
    context.settled = [&](const QList<Operation> &, const QList<Outcome> &o) { merged.append(o); };
    destination::FileDestination streamed(QStringLiteral("f"), dir.filePath(QStringLiteral("merged.csv")), true);
    ListSource source(run);
    QVERIFY(streamed.deliverRun(source, context).ok());
    QCOMPARE(source.rewinds, 2); // merged, then settled: never the in-memory fallback (which reads it once more)
    const QByteArray file = readAll(dir.filePath(QStringLiteral("merged.csv")));
    QCOMPARE(file, readAll(dir.filePath(QStringLiteral("whole.csv"))));
    QVERIFY(file.startsWith("key,t,v,added\r\n")); // k0 (untouched) first: its fields, then the new one
    QVERIFY(file.contains("\" a,b \"\"q\"\"\nline\r\n2 é \""));
    QCOMPARE(describe(merged), describe(whole));
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.merge-*"), QStringLiteral("*.sort-*")}, QDir::Files).size(), 0);
}

QTEST_GUILESS_MAIN(TestFileMerge)
#include "tst_file_merge.moc"
