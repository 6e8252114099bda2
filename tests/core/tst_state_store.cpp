#include "store/state_store.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSqlDatabase>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using sluice::store::StateStore;

class TestStateStore final : public QObject
{
    Q_OBJECT

private slots:
    void createsWithOwnerOnlyPermissionsAndWal();
    void migratesAnOlderVersion();
    void migrationFillsKeyHashes();
    void reopenKeepsData();
    void readsWhileAnotherConnectionWrites();
    void refusesANewerSchema();
    void integrityCheckIsSkippedOnlyForAFileSluiceClosedItself();
    void pendingMarksOutliveAStoppedRun();
};

namespace {

QMap<QString, QString> stateOf(const StateStore &store, const QString &sync)
{
    QMap<QString, QString> out;
    store.forEachRecordKey(sync, [](quint64) { return true; }, [&](const QString &key, QByteArrayView hash) { out.insert(key, QString::fromUtf8(hash)); });
    return out;
}

} // namespace

// Records about to be sent for the first time are marked a batch at a time
// (a line in a file beside the database). The marks of a run that ends
// cleanly go; those of a run that stopped stay as "pending" for the next one,
// record by record, until each settles or is refused; a line cut short (the
// process died writing it) marks nothing; another sync's marks are its own.
void TestStateStore::pendingMarksOutliveAStoppedRun()
{
    QTemporaryDir dir;
    auto opened = StateStore::open(dir.filePath(QStringLiteral("state.db")));
    QVERIFY(opened.ok());
    StateStore &store = *opened.value();
    const QString s = QStringLiteral("s");
    const QStringList keys{QStringLiteral("a"), QStringLiteral("quote\"and\\back"), QStringLiteral("tab\tnew\nline"), QStringLiteral("Zoë")};
    QVERIFY(store.commitOutcomes(s, QStringLiteral("r0"), {{QStringLiteral("old"), QStringLiteral("0123456789abcdef0123456789abcdef"), false}}, {}).ok());
    QVERIFY(store.markPending(s, QStringLiteral("r1"), keys.mid(0, 2)).ok());
    QVERIFY(store.markPending(s, QStringLiteral("r1"), keys.mid(2)).ok());
    QVERIFY(store.markPending(QStringLiteral("other"), QStringLiteral("r9"), {QStringLiteral("x")}).ok());
    {
        QFile marks(dir.filePath(QStringLiteral("state.db-marks-") + QString::fromLatin1(s.toUtf8().toHex())));
        QVERIFY2(marks.exists(), qPrintable(marks.fileName()));
        QCOMPARE(marks.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        QVERIFY(marks.open(QIODevice::Append));
        marks.write("[\"cut\", \"sho"); // never finished: its batch never left
    }
    QMap<QString, QString> expected{{QStringLiteral("old"), QStringLiteral("0123456789abcdef0123456789abcdef")}};
    for (const QString &k : keys)
        expected.insert(k, QStringLiteral("pending"));
    QCOMPARE(stateOf(store, s), expected); // while the run is under way, and after it died

    // The next run adopts them: one row a record; one settles, one is refused.
    QVERIFY(store.settlePending(s, QStringLiteral("r2"), false).ok());
    QCOMPARE(stateOf(store, s), expected);
    QVERIFY(store.hasPending(s));
    QVERIFY(store.commitOutcomes(s, QStringLiteral("r2"), {{keys[1], QStringLiteral("fedcba9876543210fedcba9876543210"), false}}, {}).ok());
    QVERIFY(store.clearPending(s, {keys[2]}).ok());
    expected.insert(keys[1], QStringLiteral("fedcba9876543210fedcba9876543210"));
    expected.remove(keys[2]);
    QCOMPARE(stateOf(store, s), expected);

    // A run that ends cleanly drops its batch marks: what it delivered is in the state.
    QVERIFY(store.markPending(s, QStringLiteral("r3"), {QStringLiteral("new")}).ok());
    QCOMPARE(stateOf(store, s).value(QStringLiteral("new")), QStringLiteral("pending"));
    QVERIFY(store.settlePending(s, QStringLiteral("r3"), true).ok());
    QVERIFY(!stateOf(store, s).contains(QStringLiteral("new")));
    QCOMPARE(stateOf(store, QStringLiteral("other")).value(QStringLiteral("x")), QStringLiteral("pending"));
    QVERIFY(store.forgetState(s).ok());
    QVERIFY(stateOf(store, s).isEmpty());
    QVERIFY(!store.hasPending(s));
}

void TestStateStore::createsWithOwnerOnlyPermissionsAndWal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral(".sluice/state.db"));
    auto store = StateStore::open(path);
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    QCOMPARE(store.value()->schemaVersion(), StateStore::currentSchemaVersion);
    const QFileInfo info(path);
    QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("probe"));
    db.setDatabaseName(path);
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    q.finish();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
}

void TestStateStore::migratesAnOlderVersion()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.db"));
    {
        auto v1 = StateStore::open(path, 1);
        QVERIFY(v1.ok());
        QCOMPARE(v1.value()->schemaVersion(), 1);
        QVERIFY(v1.value()->appendAudit(QStringLiteral("test"), QStringLiteral("init"), QStringLiteral("ws"), {}).ok());
        // Version 1 has no model schemas yet.
        QVERIFY(!v1.value()->saveModelSchema(QStringLiteral("m"), {{QStringLiteral("a"), QStringLiteral("integer")}}).ok());
    }
    auto current = StateStore::open(path);
    QVERIFY2(current.ok(), qPrintable(current.error().message));
    QCOMPARE(current.value()->schemaVersion(), StateStore::currentSchemaVersion);
    QCOMPARE(current.value()->audit().size(), 1); // data of version 1 survived the migration
    QVERIFY(current.value()->saveModelSchema(QStringLiteral("m"), {{QStringLiteral("a"), QStringLiteral("integer")}}).ok());
    QCOMPARE(current.value()->modelSchema(QStringLiteral("m")).value(QStringLiteral("a")).toString(), QStringLiteral("integer"));
}

void TestStateStore::migrationFillsKeyHashes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.db"));
    const QStringList keys{QStringLiteral("1"), QStringLiteral("anna@example.com"), QStringLiteral("Zoë|7")};
    {
        auto v2 = StateStore::open(path, 2);
        QVERIFY(v2.ok());
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const QString &key : keys) {
            q.prepare(QStringLiteral("INSERT INTO record_state(sync, key, hash, updated_run) VALUES ('s', ?, 'pending', 'r1')"));
            q.addBindValue(key);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v2"));
    auto current = StateStore::open(path);
    QVERIFY2(current.ok(), qPrintable(current.error().message));
    QCOMPARE(current.value()->schemaVersion(), StateStore::currentSchemaVersion);
    QSet<quint64> expected, found;
    for (const QString &key : keys)
        expected.insert(sluice::store::recordKeyHash(key));
    current.value()->forEachRecordState(QStringLiteral("s"), [&](quint64 keyHash, QByteArrayView hash) {
        found.insert(keyHash);
        QCOMPARE(hash, QByteArrayView("pending"));
    });
    QCOMPARE(found, expected);
    // The hash is of the key's UTF-8 bytes, whichever form the key arrives in.
    QCOMPARE(sluice::store::recordKeyHash(QStringLiteral("Zoë|7")), sluice::store::recordKeyHash(QByteArrayView("Zo\xc3\xab|7")));
    QStringList decoded;
    current.value()->forEachRecordKey(
        QStringLiteral("s"), [&](quint64 keyHash) { return keyHash == sluice::store::recordKeyHash(QStringLiteral("anna@example.com")); },
        [&](const QString &key, QByteArrayView) { decoded.append(key); });
    QCOMPARE(decoded, QStringList{QStringLiteral("anna@example.com")});
}

void TestStateStore::reopenKeepsData()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.db"));
    sluice::store::RunRecord run;
    run.id = QStringLiteral("r1");
    run.sync = QStringLiteral("s");
    run.status = QStringLiteral("succeeded");
    run.startedAt = QDateTime::currentDateTimeUtc();
    run.counts = {{QStringLiteral("added"), 3}};
    {
        auto store = StateStore::open(path);
        QVERIFY(store.ok());
        QVERIFY(store.value()->insertRun(run).ok());
    }
    auto store = StateStore::open(path);
    QVERIFY(store.ok());
    const auto runs = store.value()->runs(QStringLiteral("s"));
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs.first().counts.value(QStringLiteral("added")).toInt(), 3);
    QCOMPARE(runs.first().status, QStringLiteral("succeeded"));
}

void TestStateStore::readsWhileAnotherConnectionWrites()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.db"));
    auto reader = StateStore::open(path);
    QVERIFY(reader.ok());
    std::atomic_bool writing{true};
    std::atomic_int written{0};
    QThread *writer = QThread::create([&] {
        auto store = StateStore::open(path);
        if (!store.ok())
            return;
        for (int i = 0; i < 300; ++i) {
            if (store.value()->appendAudit(QStringLiteral("w"), QStringLiteral("tick"), QString::number(i), {}).ok())
                ++written;
        }
        writing = false;
    });
    writer->start();
    int reads = 0;
    while (writing) {
        const int seen = int(reader.value()->audit(1000).size());
        QVERIFY(seen <= written + 1); // never more than was committed
        ++reads;
    }
    writer->wait();
    delete writer;
    QCOMPARE(written.load(), 300);
    QCOMPARE(reader.value()->audit(1000).size(), 300);
    QVERIFY(reads > 0);
}

void TestStateStore::refusesANewerSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("state.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    auto store = StateStore::open(path);
    QVERIFY(!store.ok());
    QVERIFY(store.error().message.contains(QStringLiteral("newer than this Sluice")));
}

// quick_check reads the whole file; a store closed cleanly leaves a stamp,
// and the next open skips the check only while the file is as it was left.
void TestStateStore::integrityCheckIsSkippedOnlyForAFileSluiceClosedItself()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral(".sluice/state.db"));
    QVERIFY(StateStore::open(path).ok());
    QFile stamp(path + QStringLiteral(".checked"));
    QVERIFY(stamp.open(QIODevice::ReadOnly));
    const QList<QByteArray> first = stamp.readAll().split(' ');
    stamp.close();
    QCOMPARE(first.size(), 3);
    QCOMPARE(stamp.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QTest::qWait(20);
    QVERIFY(StateStore::open(path).ok()); // unchanged: the check of the first open still stands
    QVERIFY(stamp.open(QIODevice::ReadOnly));
    QCOMPARE(stamp.readAll().split(' ').value(2), first.value(2));
    stamp.close();
    // Written by someone else since: checked again, and a new time recorded.
    {
        QFile db(path);
        QVERIFY(db.open(QIODevice::Append));
        db.write(QByteArray(4096, '\0'));
    }
    QTest::qWait(20);
    QVERIFY(StateStore::open(path).ok());
    QVERIFY(stamp.open(QIODevice::ReadOnly));
    QVERIFY(stamp.readAll().split(' ').value(2).toLongLong() > first.value(2).toLongLong());
}

QTEST_GUILESS_MAIN(TestStateStore)
#include "tst_state_store.moc"
