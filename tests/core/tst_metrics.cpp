// The reliability measures against a hand-computed run history: failures
// that open and close incidents (one begun before the window), a partial
// run, rejections, invalid records, a drift, a run still going and one
// outside the window.
#include "metrics/metrics.h"
#include "store/state_store.h"

#include <QTemporaryDir>
#include <QTimeZone>
#include <QTest>

using namespace sluice;

class TestMetrics final : public QObject
{
    Q_OBJECT

private slots:
    void measuresFromAKnownHistory();
    void nothingToMeasureIsNullNotZero();
    void workspaceAddsSyncs();
    void seriesBucketsTheSameHistory();
    void acrossADaylightSavingChange();
    void undeliveredChangesAge();
    void windows_data();
    void windows();
};

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 10, 20), QTime(0, 0), Qt::UTC);

store::RunRecord run(const QString &sync, const QString &status, qint64 startSecs, qint64 durationSecs, qint64 delivered = 0,
                     qint64 rejected = 0, qint64 invalid = 0, QJsonObject metrics = {})
{
    store::RunRecord r;
    r.id = QStringLiteral("%1-%2").arg(sync).arg(startSecs);
    r.sync = sync;
    r.status = status;
    r.startedAt = t0.addSecs(startSecs);
    if (status != QLatin1String("running"))
        r.finishedAt = r.startedAt.addSecs(durationSecs);
    r.counts = QJsonObject{{QStringLiteral("delivered"), double(delivered)}, {QStringLiteral("rejected"), double(rejected)},
                           {QStringLiteral("invalid"), double(invalid)}};
    r.metrics = metrics;
    return r;
}

// Newest first, as the state store returns runs.
QList<store::RunRecord> history(const QString &sync)
{
    const qint64 h = 3600;
    QList<store::RunRecord> oldestFirst{
        run(sync, QStringLiteral("failed"), -h, 30),                       // opens an incident before the window
        run(sync, QStringLiteral("succeeded"), h, 60, 90, 10),             // resolves it: 2 h + 60 s after it began
        run(sync, QStringLiteral("partial"), 2 * h, 30, 45, 5, 50,
            QJsonObject{{QStringLiteral("freshness_lag_s"), 840.0}, {QStringLiteral("schema_drift"), QJsonObject{}}}),
        run(sync, QStringLiteral("failed"), 3 * h, 120),                   // opens one, detected after 120 s
        run(sync, QStringLiteral("failed"), 4 * h, 10),                    // the same incident
        run(sync, QStringLiteral("succeeded"), 5 * h, 20),                 // resolves it: 2 h + 20 s
        run(sync, QStringLiteral("running"), 6 * h, 0),                    // not finished: not counted
        run(sync, QStringLiteral("succeeded"), 8 * 86400, 5),              // after the window
    };
    return QList<store::RunRecord>(oldestFirst.rbegin(), oldestFirst.rend());
}

} // namespace

void TestMetrics::measuresFromAKnownHistory()
{
    const metrics::Measures m = metrics::measure(history(QStringLiteral("a")), t0, t0.addDays(7));
    QCOMPARE(m.runs, 5);
    QCOMPARE(*m.successRate, 0.4);
    QCOMPARE(*m.partialRate, 0.2);
    QCOMPARE(*m.rejectionRate, 15.0 / 150.0);
    QCOMPARE(*m.invalidRate, 50.0 / 200.0);
    QCOMPARE(m.driftIncidents, 1);
    QCOMPARE(*m.mttdSeconds, 120);                  // only the incident that began in the window
    QCOMPARE(*m.mttrSeconds, (7260 + 7220) / 2);    // both resolved in the window
    QCOMPARE(*m.freshnessLagSeconds, 20);           // the latest delivering run: no freshness column, so its own span
    QVERIFY(!m.matchRate);                          // no destination reported matches
    const QJsonObject json = m.toJson();
    for (const char *key : {"runs", "success_rate", "freshness_lag_s", "match_rate", "rejection_rate", "invalid_rate", "drift_incidents", "mttd_s", "mttr_s"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QVERIFY(json.value(QStringLiteral("match_rate")).isNull());
}

void TestMetrics::nothingToMeasureIsNullNotZero()
{
    const metrics::Measures m = metrics::measure({}, t0, t0.addDays(7));
    QCOMPARE(m.runs, 0);
    const QJsonObject json = m.toJson();
    for (const char *key : {"success_rate", "freshness_lag_s", "match_rate", "rejection_rate", "invalid_rate", "mttd_s", "mttr_s"})
        QVERIFY2(json.value(QLatin1String(key)).isNull(), key);
    QCOMPARE(json.value(QStringLiteral("drift_incidents")).toInt(), 0);
}

void TestMetrics::workspaceAddsSyncs()
{
    QTemporaryDir dir;
    auto store = store::StateStore::open(dir.filePath(QStringLiteral("state.db")));
    QVERIFY(store.ok());
    for (const QString &sync : {QStringLiteral("a"), QStringLiteral("b")})
        for (const store::RunRecord &r : history(sync))
            QVERIFY(store.value()->insertRun(r).ok());
    QVERIFY(store.value()->insertRun(run(QStringLiteral("c"), QStringLiteral("succeeded"), 7200, 5, 10, 0, 0,
                                         QJsonObject{{QStringLiteral("freshness_lag_s"), 99999.0}})).ok());
    const metrics::Report r = metrics::report(*store.value(), {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}, t0, t0.addDays(7));
    QCOMPARE(r.workspace.runs, 11);
    QCOMPARE(*r.workspace.successRate, 5.0 / 11.0);
    QCOMPARE(*r.workspace.rejectionRate, 30.0 / 310.0);
    QCOMPARE(r.workspace.driftIncidents, 2);
    QCOMPARE(*r.workspace.freshnessLagSeconds, 99999); // the stalest sync
    QCOMPARE(*r.workspace.mttrSeconds, (7260 + 7220) / 2);
    QCOMPARE(r.syncs.size(), 3);
    QCOMPARE(*r.syncs.value(QStringLiteral("c")).successRate, 1.0);
    const QJsonObject json = r.toJson();
    QCOMPARE(json.value(QStringLiteral("since")).toString(), QStringLiteral("2026-10-20T00:00:00Z"));
    QVERIFY(json.value(QStringLiteral("syncs")).toObject().contains(QStringLiteral("b")));
}

// The chart's series over the same history, in hourly buckets: each point
// carries the Measures' definitions for the runs that started in it.
void TestMetrics::seriesBucketsTheSameHistory()
{
    QTemporaryDir dir;
    auto store = store::StateStore::open(dir.filePath(QStringLiteral("state.db")));
    QVERIFY(store.ok());
    for (const store::RunRecord &r : history(QStringLiteral("a")))
        QVERIFY(store.value()->insertRun(r).ok());
    QVERIFY(store.value()->insertRun(run(QStringLiteral("b"), QStringLiteral("succeeded"), 3600 + 60, 5, 10, 0, 0,
                                         QJsonObject{{QStringLiteral("matched"), 8.0}})).ok());
    const metrics::Series a = metrics::series(*store.value(), QStringLiteral("a"), t0, t0.addSecs(24 * 3600), 24);
    QCOMPARE(a.bucketSeconds, 3600);
    // Runs at 1 h (succeeded), 2 h (partial), 3 h and 4 h (failed), 5 h (succeeded); 6 h is still running.
    QCOMPARE(a.points.size(), 5);
    QCOMPARE(a.points[0].at, t0.addSecs(3600));
    QCOMPARE(*a.points[0].successRate, 1.0);
    QCOMPARE(*a.points[0].rejectionRate, 0.1);
    QCOMPARE(*a.points[0].freshnessLagSeconds, 60);
    QVERIFY(!a.points[0].matchRate);
    QCOMPARE(*a.points[1].successRate, 0.0);
    QCOMPARE(a.points[1].partial, 1);
    QCOMPARE(*a.points[1].freshnessLagSeconds, 840);
    QCOMPARE(a.points[2].failed, 1);
    QVERIFY(!a.points[2].freshnessLagSeconds); // a failed run delivered nothing
    QVERIFY(!a.points[2].rejectionRate);       // nothing sent
    // Markers: the drift at 2 h and the failures at 3 h and 4 h (the one before the window is not in it).
    QCOMPARE(a.markers.size(), 3);
    QVERIFY(a.markers[0].drift && a.markers[0].at == t0.addSecs(7200));
    QVERIFY(!a.markers[1].drift && a.markers[1].at == t0.addSecs(3 * 3600));
    // Every sync together: b's run shares a's first bucket.
    const metrics::Series all = metrics::series(*store.value(), QString(), t0, t0.addSecs(24 * 3600), 24);
    QCOMPARE(all.points[0].runs, 2);
    QCOMPARE(*all.points[0].rejectionRate, 10.0 / 110.0);
    QCOMPARE(*all.points[0].matchRate, 0.8); // only b reported matches: 8 of its 10
}

// Berlin leaves summer time at 03:00 CEST on 25 October 2026 (01:00 UTC):
// a failure at 01:30 CEST resolved at 02:30 CET lasted two hours, not the
// one hour the wall clock shows, and every measure counts real time.
void TestMetrics::acrossADaylightSavingChange()
{
    const QTimeZone berlin("Europe/Berlin");
    QVERIFY(berlin.isValid());
    const QDateTime failedAt(QDate(2026, 10, 25), QTime(1, 30), berlin);   // CEST, +02:00
    const QDateTime recovered = failedAt.addSecs(2 * 3600);                // 02:30 CET, +01:00
    QCOMPARE(recovered.toTimeZone(berlin).time(), QTime(2, 30));
    QTemporaryDir dir;
    auto store = store::StateStore::open(dir.filePath(QStringLiteral("state.db")));
    QVERIFY(store.ok());
    auto at = [&](const QDateTime &start, const QString &status, qint64 seconds) {
        store::RunRecord r = run(QStringLiteral("d"), status, 0, seconds, status == QLatin1String("failed") ? 0 : 10);
        r.id = QStringLiteral("d-") + start.toUTC().toString(Qt::ISODate);
        r.startedAt = start;
        r.finishedAt = start.addSecs(seconds);
        return r;
    };
    QVERIFY(store.value()->insertRun(at(failedAt.addSecs(-3600), QStringLiteral("succeeded"), 30)).ok());
    QVERIFY(store.value()->insertRun(at(failedAt, QStringLiteral("failed"), 60)).ok());
    QVERIFY(store.value()->insertRun(at(failedAt.addSecs(3600), QStringLiteral("failed"), 60)).ok()); // 02:30 CEST, before the change
    QVERIFY(store.value()->insertRun(at(recovered, QStringLiteral("succeeded"), 40)).ok());
    const QDateTime since(QDate(2026, 10, 24), QTime(0, 0), Qt::UTC);
    const metrics::Report r = metrics::report(*store.value(), {QStringLiteral("d")}, since, since.addDays(2));
    const auto found = r.syncs.constFind(QStringLiteral("d"));
    QVERIFY(found != r.syncs.cend());
    const metrics::Measures &m = *found;
    QCOMPARE(m.runs, 4);
    QCOMPARE(*m.mttdSeconds, 60);
    QCOMPARE(*m.mttrSeconds, 2 * 3600 + 40); // real time from the first failing run to the recovery's end
    // Hourly buckets keep every run apart across the change (three distinct UTC hours after the first).
    const metrics::Series series = metrics::series(*store.value(), QStringLiteral("d"), since, since.addDays(2), 48);
    QCOMPARE(series.points.size(), 4);
    QCOMPARE(series.points[1].at, since.addSecs(23 * 3600)); // 01:30 CEST is 23:30 UTC
    QCOMPARE(series.points[2].at, since.addSecs(24 * 3600)); // 02:30 CEST is 00:30 UTC
    QCOMPARE(series.points[3].at, since.addSecs(25 * 3600)); // 02:30 CET is 01:30 UTC
}

void TestMetrics::windows_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("24h") << QStringLiteral("24h") << qint64(86400);
    QTest::newRow("7d") << QStringLiteral("7d") << qint64(7 * 86400);
    QTest::newRow("30d") << QStringLiteral("30d") << qint64(30 * 86400);
    QTest::newRow("junk") << QStringLiteral("week") << qint64(-1);
    QTest::newRow("zero") << QStringLiteral("0d") << qint64(-1);
}

void TestMetrics::windows()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    QCOMPARE(metrics::parseWindow(text).value_or(-1), seconds);
}

// The oldest change still not at the destination: from the first failing
// run (since the last delivering one) that had changes to send, or from the
// oldest record still held back.
void TestMetrics::undeliveredChangesAge()
{
    QTemporaryDir dir;
    auto store = store::StateStore::open(dir.filePath(QStringLiteral("state.db")));
    QVERIFY(store.ok());
    const qint64 h = 3600;
    const QString u = QStringLiteral("u");
    auto failed = [&](qint64 at, const QJsonObject &counts) {
        store::RunRecord r = run(u, QStringLiteral("failed"), at, 30);
        r.counts = counts;
        return r;
    };
    auto undelivered = [&](const QDateTime &until) {
        return metrics::report(*store.value(), {u}, t0, until).syncs.value(u).undeliveredLagSeconds;
    };
    QVERIFY(store.value()->insertRun(run(u, QStringLiteral("succeeded"), 0, 10, 5)).ok());
    QVERIFY(!undelivered(t0.addSecs(h)));                                 // delivered, nothing waits
    QVERIFY(store.value()->insertRun(failed(h, {})).ok());               // failed before it could plan: changes may wait
    QVERIFY(store.value()->insertRun(failed(2 * h, QJsonObject{{QStringLiteral("added"), 3.0}, {QStringLiteral("delivered"), 0.0}})).ok());
    QCOMPARE(*undelivered(t0.addSecs(3 * h)), 2 * h);                    // since the first failing run
    QCOMPARE(metrics::report(*store.value(), {u}, t0, t0.addSecs(3 * h)).toJson().value(QStringLiteral("workspace")).toObject()
                 .value(QStringLiteral("undelivered_lag_s")).toInt(), 2 * h);
    QVERIFY(store.value()->insertRun(run(u, QStringLiteral("succeeded"), 3 * h, 10, 3)).ok());
    QVERIFY(!undelivered(t0.addSecs(4 * h)));                            // delivered: nothing waits
    QVERIFY(store.value()->insertRun(failed(5 * h, QJsonObject{{QStringLiteral("added"), 0.0}, {QStringLiteral("changed"), 0.0},
                                                               {QStringLiteral("removed"), 0.0}, {QStringLiteral("delivered"), 0.0}})).ok());
    QVERIFY(!undelivered(t0.addSecs(6 * h)));                            // failed with nothing to send: nothing waits
    // A record the destination refused waits until it is delivered.
    QVERIFY(store.value()->commitOutcomes(u, QStringLiteral("r-held"), {}, {{QStringLiteral("k1"), QStringLiteral("rejected"), QStringLiteral("HTTP 422")}}).ok());
    const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(1800);
    const std::optional<qint64> held = undelivered(later);
    QVERIFY(held && *held >= 1795 && *held <= 1805);
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
