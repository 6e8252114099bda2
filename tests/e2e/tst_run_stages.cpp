// The run's stages in process (issue #11: a test per stage), beside the
// end-to-end suites that drive the CLI: deliver (batches to a webhook that
// refuses some records), commit (state, rejections, ledger) and measure
// (the run's record), then the next runs resend exactly what is owed.
#include "engine/sync_engine.h"
#include "store/state_store.h"
#include "webhook_sink.h"
#include "workspace/workspace.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

class TestRunStages final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void deliverCommitMeasure();
    void refusedCredentialsSettleNothing();

private:
    Result<engine::RunResult> run() { return engine::runSync(*m_ws, *m_store, QStringLiteral("s"), {}); }
    // Keys the state holds as delivered (not those only marked as on their way).
    QStringList stateKeys(bool pending = false) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::WebhookSink> m_sink;
    std::optional<workspace::Workspace> m_ws;
    std::unique_ptr<store::StateStore> m_store;
};

void TestRunStages::init()
{
    m_store.reset();
    m_ws.reset();
    m_sink = std::make_unique<test::WebhookSink>();
    m_dir = std::make_unique<QTemporaryDir>();
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
        c.setDatabaseName(m_dir->filePath(QStringLiteral("dw.db")));
        QVERIFY(c.open());
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")));
        for (int i = 1; i <= 30; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO customers VALUES (%1, 'name %1')").arg(i)));
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));
    const QByteArray config = R"({"version": 1, "sources": {"dw": {"driver": "sqlite", "path": "dw.db"}},
        "destinations": {"hook": {"type": "webhook", "url": ")" + m_sink->url().toUtf8() + R"(", "batch_size": 10, "concurrency": 1, "backoff_ms": 20}},
        "models": {"m": {"source": "dw", "primary_key": "id", "sql": "select id, name from customers"}},
        "syncs": {"s": {"model": "m", "destination": "hook", "mode": "upsert", "fields": [{"source": "name", "destination": "name"}]}}})";
    auto ws = workspace::Workspace::fromText(config, m_dir->path());
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
    m_ws.emplace(std::move(ws).value());
    auto store = store::StateStore::open(m_ws->stateDir() + QStringLiteral("/state.db"));
    QVERIFY(store);
    m_store = std::move(store).value();
}

QStringList TestRunStages::stateKeys(bool pending) const
{
    QStringList keys;
    m_store->forEachRecordKey(QStringLiteral("s"), [](quint64) { return true; }, [&](const QString &key, QByteArrayView hash) {
        if ((hash == QByteArrayView("pending")) == pending)
            keys.append(key);
    });
    keys.sort();
    return keys;
}

void TestRunStages::deliverCommitMeasure()
{
    m_sink->rejectKeys({{QStringLiteral("7"), QStringLiteral("name is on the blocklist")}, {QStringLiteral("12"), QStringLiteral("quota for this contact")}});
    Result<engine::RunResult> first = run();
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    const engine::RunResult &r1 = first.value();
    // Deliver: every record once, the refused ones refused.
    QCOMPARE(toString(r1.status), toString(RunStatus::Partial));
    QCOMPARE(r1.plan.counts.delivered, 28);
    QCOMPARE(r1.plan.counts.rejected, 2);
    QCOMPARE(m_sink->records().size(), 28);
    for (const int times : m_sink->deliveries())
        QCOMPARE(times, 1);
    QCOMPARE(m_sink->requests(), 3); // 30 records in batches of 10
    // Commit: the state holds what was accepted; the refused are held with the destination's words.
    QCOMPARE(stateKeys().size(), 28);
    QVERIFY(!stateKeys().contains(QStringLiteral("7")));
    const QList<store::StateStore::Rejection> held = m_store->rejections(QStringLiteral("s"), false);
    QCOMPARE(held.size(), 2);
    for (const store::StateStore::Rejection &h : held) {
        QCOMPARE(h.runId, r1.plan.runId);
        QVERIFY2(h.reason.contains(h.key == QLatin1String("7") ? QLatin1String("blocklist") : QLatin1String("quota")), qPrintable(h.reason));
    }
    const QList<store::StateStore::LedgerEntry> story7 = m_store->history(QStringLiteral("s"), QStringLiteral("7"));
    QCOMPARE(story7.size(), 1);
    QCOMPARE(story7[0].outcome, QStringLiteral("rejected"));
    QCOMPARE(story7[0].runId, r1.plan.runId);
    const QList<store::StateStore::LedgerEntry> story3 = m_store->history(QStringLiteral("s"), QStringLiteral("3"));
    QCOMPARE(story3.size(), 1);
    QCOMPARE(story3[0].outcome, QStringLiteral("delivered"));
    QVERIFY(!story3[0].payloadHash.isEmpty());
    // Measure: the run's record says the same.
    const QList<store::RunRecord> runs = m_store->runs(QStringLiteral("s"), 1);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(runs[0].id, r1.plan.runId);
    QCOMPARE(runs[0].status, QStringLiteral("partial"));
    QCOMPARE(runs[0].counts.value(QStringLiteral("delivered")).toInt(), 28);
    QCOMPARE(runs[0].counts.value(QStringLiteral("rejected")).toInt(), 2);
    QCOMPARE(runs[0].metrics.value(QStringLiteral("model_rows")).toInt(), 30);
    QVERIFY(runs[0].metrics.value(QStringLiteral("timings")).toObject().contains(QStringLiteral("deliver_ms")));

    // The destination takes them now: only the two owed go, and their rejections resolve.
    m_sink->clearFaults();
    Result<engine::RunResult> second = run();
    QVERIFY(second);
    QCOMPARE(toString(second.value().status), toString(RunStatus::Succeeded));
    QCOMPARE(second.value().plan.counts.delivered, 2);
    QCOMPARE(second.value().plan.counts.unchanged, 28);
    QCOMPARE(m_sink->deliveries().value(QStringLiteral("7")), 1);
    QCOMPARE(m_sink->deliveries().value(QStringLiteral("3")), 1);
    QCOMPARE(stateKeys().size(), 30);
    QVERIFY(m_store->rejections(QStringLiteral("s"), false).isEmpty());
    for (const store::StateStore::Rejection &h : m_store->rejections(QStringLiteral("s"), true))
        QCOMPARE(h.resolvedRun, second.value().plan.runId);
    QCOMPARE(m_store->history(QStringLiteral("s"), QStringLiteral("7")).size(), 2);

    // Nothing changed: nothing goes.
    const int requests = m_sink->requests();
    Result<engine::RunResult> third = run();
    QVERIFY(third);
    QCOMPARE(third.value().plan.counts.delivered, 0);
    QCOMPARE(third.value().plan.counts.unchanged, 30);
    QCOMPARE(m_sink->requests(), requests);
}

void TestRunStages::refusedCredentialsSettleNothing()
{
    m_sink->failNext(100, 401);
    Result<engine::RunResult> refused = run();
    QVERIFY(refused);
    QCOMPARE(toString(refused.value().status), toString(RunStatus::Failed));
    QVERIFY2(refused.value().error.contains(QLatin1String("hook")), qPrintable(refused.value().error));
    QCOMPARE(refused.value().plan.counts.rejected, 0);
    QVERIFY(m_sink->requests() <= 3); // no splitting down to single records
    QVERIFY(stateKeys().isEmpty());
    // The batch that left is marked as maybe at the destination, no more.
    QVERIFY2(stateKeys(true).size() <= 10, qPrintable(stateKeys(true).join(QLatin1Char(' '))));
    QVERIFY(m_store->rejections(QStringLiteral("s"), true).isEmpty());
    QCOMPARE(m_store->runs(QStringLiteral("s"), 1).value(0).status, QStringLiteral("failed"));

    m_sink->clearFaults();
    Result<engine::RunResult> next = run();
    QVERIFY(next);
    QCOMPARE(toString(next.value().status), toString(RunStatus::Succeeded));
    QCOMPARE(next.value().plan.counts.delivered, 30);
    QCOMPARE(stateKeys().size(), 30);
    QVERIFY(stateKeys(true).isEmpty());
}

QTEST_GUILESS_MAIN(TestRunStages)
#include "tst_run_stages.moc"
