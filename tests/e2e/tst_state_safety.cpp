// Issue #10's regressions about the state a run leaves (migrations, locks,
// damaged or lost state, mass deletes, counts), and the ledger, metrics and
// chunked delivery built on it: the real binary against the demo warehouse.
#include "hardening_fixture.h"
#include "engine/sync_engine.h"
#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTranslator>

#include <csignal>

using namespace sluice;
using test::counts;
using test::kRows;

class TestStateSafety final : public test::HardeningFixture
{
    Q_OBJECT

private slots:
    void init() { setUpWorkspace(); }
    void cleanup() { tearDownWorkspace(); }
    void firstRunsAtOnceBothMigrate();
    void staleAndForeignLocks();
    void translatedAndUntranslatedRunsShareOneLock();
    void damagedOrLostStateIsSaidOutLoud();
    void mirrorRefusesAMassDelete();
    void invalidUtf8IsCounted();
    void killedRunKeepsWhatSettled();
    void historyTellsARecordsStory();
    void metricsFollowTheRuns();
    void aPlanDeliveredInChunksSendsEachRecordOnce();
};

void TestStateSafety::firstRunsAtOnceBothMigrate()
{
    QJsonObject config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/a.jsonl"));
    QJsonObject syncs = config.value(QStringLiteral("syncs")).toObject();
    QJsonObject destinations = config.value(QStringLiteral("destinations")).toObject();
    destinations.insert(QStringLiteral("file2"), QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")}, {QStringLiteral("path"), QStringLiteral("out/b.jsonl")}});
    QJsonObject second = syncs.value(QStringLiteral("to_file")).toObject();
    second.insert(QStringLiteral("destination"), QStringLiteral("file2"));
    syncs.insert(QStringLiteral("to_file2"), second);
    config.insert(QStringLiteral("syncs"), syncs);
    config.insert(QStringLiteral("destinations"), destinations);
    writeConfig(config);
    for (int round = 0; round < 5; ++round) {
        QDir(m_ws + QStringLiteral("/.sluice")).removeRecursively();
        QDir(m_ws + QStringLiteral("/out")).removeRecursively();
        QProcess a, b;
        a.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--workspace"), m_ws});
        b.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_file2"), QStringLiteral("--workspace"), m_ws});
        QVERIFY(a.waitForFinished(60000) && b.waitForFinished(60000));
        QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
        QVERIFY2(b.exitCode() == 0, b.readAllStandardError().constData());
    }
}

// #10.14: a lock from another host, or whose PID now belongs to another process.
void TestStateSafety::staleAndForeignLocks()
{
    QVERIFY(sluice({QStringLiteral("runs")}).code == 0); // creates the state database
    auto setLock = [&](const QString &host, qint64 pid, const QString &start) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("lock"));
        db.setDatabaseName(m_ws + QStringLiteral("/.sluice/state.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO locks(name, owner_pid, host, acquired_at, process_start) VALUES ('sync to_hook', ?, ?, '2026-11-01T00:00:00.000Z', ?)"));
        q.addBindValue(pid);
        q.addBindValue(host);
        q.addBindValue(start);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        db.close();
    };
    setLock(QStringLiteral("elsewhere.example"), 4242, QStringLiteral("x/1"));
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("elsewhere.example") && r.err.contains("sluice unlock to_hook"), r.err.constData());
    QVERIFY2(!r.err.contains("not positioned"), r.err.constData());
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
    QCOMPARE(m_sink->requests(), 0);

    // unlock asks first; "n" keeps the lock, "y" clears it.
    auto unlock = [&](const QByteArray &answer) {
        QProcess p;
        p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("unlock"), QStringLiteral("to_hook"), QStringLiteral("--workspace"), m_ws});
        p.write(answer);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return std::make_pair(p.exitCode(), p.readAllStandardError());
    };
    auto [code, err] = unlock("n\n");
    QCOMPARE(code, 2);
    QVERIFY2(err.contains("another host"), err.constData());
    QCOMPARE(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code, 2);
    std::tie(code, err) = unlock("y\n");
    QVERIFY2(code == 0, err.constData());
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());

    // Our own PID, alive, but a different process start: a reused PID, so the lock is stale.
    setLock(QHostInfo::localHostName(), QCoreApplication::applicationPid(), QStringLiteral("another-boot/12345"));
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    r = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    // And unlock refuses to clear the lock of a run that is alive.
    setLock(QHostInfo::localHostName(), QCoreApplication::applicationPid(), QString());
    QSqlDatabase::removeDatabase(QStringLiteral("lock"));
    r = sluice({QStringLiteral("unlock"), QStringLiteral("to_hook"), QStringLiteral("--yes"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("running now"), r.err.constData());
}

namespace {

// Translates every string, as a German GUI would: a lock name that went
// through tr() would differ from the CLI's.
class EverythingTranslated final : public QTranslator
{
public:
    QString translate(const char *, const char *sourceText, const char *, int) const override
    {
        return QStringLiteral("übersetzt: ") + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

// #11: a translated (GUI) run and a C-locale CLI run of one sync cannot overlap.
void TestStateSafety::translatedAndUntranslatedRunsShareOneLock()
{
    writeHookConfig(m_sink->url(), {{QStringLiteral("concurrency"), 1}});
    m_sink->delayNext(10, 400); // ten batches of 20, 0.4 s each: a 4 s run
    QProcess cli;
    QStringList env = QProcess::systemEnvironment();
    env.append(QStringLiteral("LC_ALL=C"));
    cli.setEnvironment(env);
    cli.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--workspace"), m_ws});
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->requests() >= 1, 20000);
    EverythingTranslated german;
    QCoreApplication::installTranslator(&german);
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    auto store = store::StateStore::open(ws->stateDbPath());
    QVERIFY(store.ok());
    const Result<engine::RunResult> gui = engine::runSync(ws.value(), *store.value(), QStringLiteral("to_hook"), {});
    QCoreApplication::removeTranslator(&german);
    QVERIFY(!gui.ok());
    QVERIFY2(gui.error().message.contains(QStringLiteral("already running")), qPrintable(gui.error().message));
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(m_sink->records().size(), kRows);
}

// #10.15: a damaged, emptied or deleted state database is said out loud.
void TestStateSafety::damagedOrLostStateIsSaidOutLoud()
{
    writeConfig(fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/s.jsonl")));
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_file")}).code == 0);
    const QString db = m_ws + QStringLiteral("/.sluice/state.db");
    QFile::remove(db + QStringLiteral("-wal"));
    QFile::remove(db + QStringLiteral("-shm"));
    for (const char *how : {"deleted", "emptied"}) {
        const QString backup = db + QStringLiteral(".bak");
        QFile::remove(backup);
        QVERIFY(QFile::copy(db, backup));
        QFile::remove(db);
        if (qstrcmp(how, "emptied") == 0) {
            QFile empty(db);
            QVERIFY(empty.open(QIODevice::WriteOnly));
        }
        Run r = sluice({QStringLiteral("plan"), QStringLiteral("to_file"), QStringLiteral("--json")});
        QVERIFY2(r.code == 2, how);
        QVERIFY2(r.err.contains("--full-resync"), r.err.constData());
        r = sluice({QStringLiteral("plan"), QStringLiteral("to_file"), QStringLiteral("--full-resync"), QStringLiteral("--json")});
        QVERIFY2(r.code == 0, r.err.constData());
        QFile::remove(db);
        QVERIFY(QFile::copy(backup, db));
    }
    // Pages of the record state zeroed: quick_check on open names the damage.
    QVERIFY(sluice({QStringLiteral("plan"), QStringLiteral("to_file")}).code == 0);
    QFile::remove(db + QStringLiteral("-wal"));
    QFile::remove(db + QStringLiteral("-shm"));
    QFile f(db);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 pages = f.size() / 4096;
    QVERIFY(pages > 4);
    for (qint64 page = 2; page < pages; ++page) {
        f.seek(page * 4096);
        f.write(QByteArray(4096, '\0'));
    }
    f.close();
    const Run r = sluice({QStringLiteral("plan"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("damaged") || r.err.contains("cannot be read"), r.err.constData());
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
}

// #10.16: a mirror run that would empty the destination stops first.
void TestStateSafety::mirrorRefusesAMassDelete()
{
    writeConfig(fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/m.jsonl")));
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_file")}).code == 0);
    const QByteArray before = [&] { QFile f(m_ws + QStringLiteral("/out/m.jsonl")); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    QVERIFY(sql(QStringLiteral("delete from users where user_id > 50")));
    Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("would remove 150 of the 200") && r.err.contains("--allow-mass-delete"), r.err.constData());
    QFile f(m_ws + QStringLiteral("/out/m.jsonl"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    f.close();
    r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--allow-mass-delete"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(counts(r.json).value(QStringLiteral("removed")).toInt(), 150);
}

// #10.18: invalid UTF-8 from the warehouse is counted and reported, not hidden.
void TestStateSafety::invalidUtf8IsCounted()
{
    writeConfig(fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/u.jsonl")));
    QVERIFY(sql(QStringLiteral("update users set first_name = CAST(X'41FF42' AS TEXT) where user_id in (1, 2)")));
    const Run r = sluice({QStringLiteral("run"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(r.json.value(QStringLiteral("invalid_utf8_values")).toInt(), 2);
    QVERIFY2(r.err.contains("2 text value(s) in the model were not valid UTF-8"), r.err.constData());
    const Run runs = sluice({QStringLiteral("runs"), QStringLiteral("to_file"), QStringLiteral("--json")});
    QCOMPARE(runs.json.value(QStringLiteral("runs")).toArray().first().toObject().value(QStringLiteral("metrics")).toObject()
                 .value(QStringLiteral("invalid_utf8_values")).toInt(), 2);
}

// #10.18: a run killed mid-delivery still reports what it delivered.
void TestStateSafety::killedRunKeepsWhatSettled()
{
    writeHookConfig(m_sink->url(), {{QStringLiteral("concurrency"), 1}});
    m_sink->delayNext(10, 300);
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--workspace"), m_ws});
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->deliveries().size() >= 100, 30000);
    QTest::qWait(400);
    ::kill(pid_t(p.processId()), SIGKILL);
    p.waitForFinished(10000);
    const int arrived = m_sink->deliveries().size();
    QVERIFY(arrived < kRows);
    const Run runs = sluice({QStringLiteral("runs"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    const QJsonObject run = runs.json.value(QStringLiteral("runs")).toArray().first().toObject();
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    const int recorded = counts(run).value(QStringLiteral("delivered")).toInt();
    // Every batch that settled is counted; at most the one in flight (20 records) arrived unrecorded.
    QVERIFY2(recorded >= arrived - 20 && recorded <= arrived, qPrintable(QStringLiteral("%1 of %2").arg(recorded).arg(arrived)));
}

// #11.5: every send of a record is kept, with the destination's words; a
// past run's rejections stay attached to that run.
void TestStateSafety::historyTellsARecordsStory()
{
    {
        QFile f(m_ws + QStringLiteral("/sluice.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
        config.insert(QStringLiteral("ledger"), QJsonObject{{QStringLiteral("payloads"), QStringLiteral("all")}});
        f.close();
        writeConfig(config);
    }
    m_sink->rejectKeys({{QStringLiteral("7"), QStringLiteral("email is on the suppression list")}});
    Run first = sluice({QStringLiteral("run"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(first.code, 3);
    const QString firstRun = first.json.value(QStringLiteral("run_id")).toString();
    m_sink->clearFaults();
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code == 0);
    QVERIFY(sql(QStringLiteral("update users set first_name = 'Renamed' where user_id = 7")));
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code == 0);

    Run h = sluice({QStringLiteral("history"), QStringLiteral("to_hook"), QStringLiteral("7"), QStringLiteral("--json")});
    QVERIFY2(h.code == 0, h.err.constData());
    const QJsonArray events = h.json.value(QStringLiteral("events")).toArray();
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[0].toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("rejected"));
    QCOMPARE(events[0].toObject().value(QStringLiteral("reason")).toString(), QStringLiteral("email is on the suppression list"));
    QCOMPARE(events[0].toObject().value(QStringLiteral("run_id")).toString(), firstRun);
    QCOMPARE(events[1].toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("delivered"));
    QCOMPARE(events[2].toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("delivered"));
    QCOMPARE(events[2].toObject().value(QStringLiteral("payload")).toObject().value(QStringLiteral("first_name")).toString(), QStringLiteral("Renamed"));
    QVERIFY(events[1].toObject().value(QStringLiteral("payload_hash")).toString() != events[2].toObject().value(QStringLiteral("payload_hash")).toString());
    QVERIFY(h.json.value(QStringLiteral("in_destination")).toBool());
    QVERIFY2(h.err.contains("rejected: email is on the suppression list"), h.err.constData());

    // The first run's rejection is still that run's, though the record arrived since.
    Run r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--run"), firstRun, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(QStringLiteral("rejections")).toArray().size(), 1);
    QCOMPARE(r.json.value(QStringLiteral("rejections")).toArray().first().toObject().value(QStringLiteral("key")).toString(), QStringLiteral("7"));
    r = sluice({QStringLiteral("rejections"), QStringLiteral("to_hook"), QStringLiteral("--json")});
    QCOMPARE(r.json.value(QStringLiteral("rejections")).toArray().size(), 0);

    // A field that sends a PII column in clear keeps no payload in the ledger.
    QJsonObject config = fileConfig(QStringLiteral("jsonl"), QStringLiteral("out/p.jsonl"));
    QJsonObject models = config.value(QStringLiteral("models")).toObject();
    QJsonObject model = models.value(QStringLiteral("customers")).toObject();
    model.insert(QStringLiteral("pii"), QJsonArray{QStringLiteral("email")});
    models.insert(QStringLiteral("customers"), model);
    config.insert(QStringLiteral("models"), models);
    writeConfig(config);
    QVERIFY(sluice({QStringLiteral("run"), QStringLiteral("to_file")}).code == 0);
    h = sluice({QStringLiteral("history"), QStringLiteral("to_file"), QStringLiteral("7"), QStringLiteral("--json")});
    QCOMPARE(h.json.value(QStringLiteral("events")).toArray().size(), 1);
    QVERIFY(!h.json.value(QStringLiteral("events")).toArray().first().toObject().contains(QStringLiteral("payload")));
    QVERIFY(!h.json.value(QStringLiteral("events")).toArray().first().toObject().value(QStringLiteral("payload_hash")).toString().isEmpty());
}

// #16 (CLI): the measures follow what the runs did: a failure, then a recovery.
void TestStateSafety::metricsFollowTheRuns()
{
    Run r = sluice({QStringLiteral("metrics"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.value(QStringLiteral("workspace")).toObject().value(QStringLiteral("runs")).toInt(), 0);
    QVERIFY(r.json.value(QStringLiteral("workspace")).toObject().value(QStringLiteral("success_rate")).isNull());
    m_sink->failNext(1000, 401);
    QCOMPARE(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code, 1);
    m_sink->clearFaults();
    m_sink->rejectKeys({{QStringLiteral("3"), QStringLiteral("no")}});
    QCOMPARE(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code, 3);
    m_sink->clearFaults();
    QCOMPARE(sluice({QStringLiteral("run"), QStringLiteral("to_hook")}).code, 0);
    r = sluice({QStringLiteral("metrics"), QStringLiteral("to_hook"), QStringLiteral("--since"), QStringLiteral("24h"), QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonObject m = r.json.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("to_hook")).toObject();
    QCOMPARE(m.value(QStringLiteral("runs")).toInt(), 3);
    QCOMPARE(m.value(QStringLiteral("success_rate")).toDouble(), 1.0 / 3.0);
    QCOMPARE(m.value(QStringLiteral("rejection_rate")).toDouble(), 1.0 / 201.0); // 199 + 1 delivered, 1 rejected, of 201 sent
    QVERIFY(m.value(QStringLiteral("mttd_s")).isDouble());
    QVERIFY(m.value(QStringLiteral("mttr_s")).isDouble());
    QVERIFY(m.value(QStringLiteral("freshness_lag_s")).isDouble());
    QVERIFY(m.value(QStringLiteral("match_rate")).isNull());
    QCOMPARE(r.json.value(QStringLiteral("workspace")).toObject().value(QStringLiteral("runs")).toInt(), 3);
    QVERIFY(r.json.contains(QStringLiteral("since")) && r.json.contains(QStringLiteral("until")));
    QVERIFY2(r.err.contains("time to resolve"), r.err.constData());
    r = sluice({QStringLiteral("metrics"), QStringLiteral("--since"), QStringLiteral("fortnight"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY(r.json.value(QStringLiteral("error")).isObject());
}

// #11.2: a run's plan waits on disk and goes out a chunk at a time; batch
// numbers (and so Idempotency-Keys) continue across chunks, a refused record
// in a later chunk is still isolated, and a mirror removal arrives last.
void TestStateSafety::aPlanDeliveredInChunksSendsEachRecordOnce()
{
    writeHookConfig(m_sink->url(), {{QStringLiteral("batch_size"), 7}});
    m_sink->rejectKeys({{QStringLiteral("150"), QStringLiteral("no")}});
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    auto store = store::StateStore::open(ws->stateDbPath());
    QVERIFY(store.ok());
    engine::SyncOptions options;
    options.deliveryChunk = 30; // 200 records: seven chunks
    qint64 lastDone = 0, lastTotal = 0;
    options.progress = [&](const QString &stage, qint64 done, qint64 total) {
        if (stage == QLatin1String("deliver"))
            lastDone = done, lastTotal = total;
    };
    const Result<engine::RunResult> run = engine::runSync(ws.value(), *store.value(), QStringLiteral("to_hook"), options);
    QVERIFY(run.ok());
    QCOMPARE(toString(run->status), QStringLiteral("partial"));
    QCOMPARE(run->plan.counts.delivered, kRows - 1);
    QCOMPARE(run->plan.counts.rejected, 1);
    QCOMPARE(lastDone, kRows);
    QCOMPARE(lastTotal, kRows);
    QCOMPARE(m_sink->records().size(), kRows - 1);
    const QList<QByteArray> keys = m_sink->idempotencyKeys();
    QCOMPARE(QSet<QByteArray>(keys.begin(), keys.end()).size(), keys.size()); // never one key for two batches
    const QHash<QString, int> deliveries = m_sink->deliveries();
    for (auto it = deliveries.begin(); it != deliveries.end(); ++it)
        QCOMPARE(it.value(), 1);
    QVERIFY(QDir(m_ws + QStringLiteral("/.sluice/tmp")).entryList(QDir::Files).isEmpty()); // the plan's file is gone
}

QTEST_GUILESS_MAIN(TestStateSafety)
#include "tst_state_safety.moc"
