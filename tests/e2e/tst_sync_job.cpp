// SyncJob: the run as the GUI and the agent drive it, off the UI thread,
// with progress, a summary, and cancellation that loses nothing.
#include "engine/sync_job.h"
#include "webhook_sink.h"
#include "workspace/workspace_init.h"

#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

class TestSyncJob final : public QObject
{
    Q_OBJECT

private slots:
    void runsOffThreadWithProgress();
    void cancelStopsAndTheNextRunFinishes();

private:
    workspace::Workspace prepare(QTemporaryDir &dir, const QString &url);
};

workspace::Workspace TestSyncJob::prepare(QTemporaryDir &dir, const QString &url)
{
    const QString ws = dir.filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 3000;
    if (!workspace::initWorkspace(ws, options).ok())
        qFatal("init failed");
    QFile f(ws + QStringLiteral("/sluice.json"));
    f.open(QIODevice::WriteOnly);
    f.write(QStringLiteral(R"({"version": 1, "sources": {"demo": {"driver": "sqlite", "path": "demo/warehouse.db"}},
      "destinations": {"hook": {"type": "webhook", "url": "%1", "batch_size": 25, "concurrency": 1, "backoff_ms": 20}},
      "models": {"m": {"source": "demo", "primary_key": "customer_id", "sql": "select customer_id, first_name from customer_360"}},
      "syncs": {"s": {"model": "m", "destination": "hook", "mode": "mirror", "fields": [{"source": "first_name", "destination": "first_name"}]}}})")
                .arg(url)
                .toUtf8());
    f.close();
    return workspace::Workspace::open(ws).value();
}

void TestSyncJob::runsOffThreadWithProgress()
{
    QTemporaryDir dir;
    test::WebhookSink sink;
    engine::SyncJob job({prepare(dir, sink.url()), QStringLiteral("s")});
    QSignalSpy progress(&job, &engine::SyncJob::progress);
    QSignalSpy finished(&job, &engine::SyncJob::finished);
    job.start();
    QVERIFY(finished.wait(60000));
    const auto summary = finished.first().at(0).value<engine::RunSummary>();
    QCOMPARE(summary.exitCode(), 0);
    QCOMPARE(summary.counts.delivered, 3000);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toString(), QStringLiteral("commit")); // the state, after delivery
    QList<QVariant> last;
    for (const QList<QVariant> &p : std::as_const(progress))
        if (p.at(0).toString() == QLatin1String("deliver"))
            last = p;
    QCOMPARE(last.at(0).toString(), QStringLiteral("deliver"));
    QCOMPARE(last.at(1).toLongLong(), 3000); // done
    QCOMPARE(last.at(2).toLongLong(), 3000); // of
    QVERIFY(last.at(3).toDouble() > 0);      // records/s
    QCOMPARE(sink.records().size(), 3000);
}

void TestSyncJob::cancelStopsAndTheNextRunFinishes()
{
    QTemporaryDir dir;
    test::WebhookSink sink;
    sink.delayNext(1000, 20); // 120 batches, one at a time: a few seconds to cancel in
    const workspace::Workspace ws = prepare(dir, sink.url());
    {
        engine::SyncJob job({ws, QStringLiteral("s")});
        QSignalSpy finished(&job, &engine::SyncJob::finished);
        QSignalSpy progress(&job, &engine::SyncJob::progress);
        job.start();
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toString() == QLatin1String("deliver"), 30000);
        job.requestInterruption();
        QVERIFY(finished.wait(30000));
        const auto summary = finished.first().at(0).value<engine::RunSummary>();
        QCOMPARE(toString(summary.status), QStringLiteral("failed"));
        QVERIFY(summary.error.contains(QStringLiteral("cancelled")));
        QVERIFY(sink.records().size() < 3000);
    }
    sink.clearFaults();
    engine::SyncJob again({ws, QStringLiteral("s")});
    QSignalSpy finished(&again, &engine::SyncJob::finished);
    again.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).value<engine::RunSummary>().exitCode(), 0);
    QCOMPARE(sink.records().size(), 3000);
    const QHash<QString, int> deliveries = sink.deliveries();
    for (auto it = deliveries.begin(); it != deliveries.end(); ++it)
        QVERIFY2(it.value() <= 2, qPrintable(it.key())); // at most the batch in flight at the cancel went twice
}

QTEST_GUILESS_MAIN(TestSyncJob)
#include "tst_sync_job.moc"
