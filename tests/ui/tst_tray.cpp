// The tray agent without a tray host (offscreen): its state, tooltip and
// menu follow the runs, "Run now" runs a sync, a failure raises exactly one
// notification and its recovery one more, failures of runs ending together
// share one, recoveries can be left out, and one sync pauses on its own.
#include "schedule/agent.h"
#include "store/state_store.h"
#include "tray/tray_agent.h"
#include "workspace/workspace.h"
#include "workspace/workspace_init.h"

#include <QAction>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace sluice;

class TestTray final : public QObject
{
    Q_OBJECT

private slots:
    // Readers a screen started on the pool (a sync's last run, a preview) end with its test:
    // one still reading the state database when the application exits would race its teardown.
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the per-user setting stays out of the real one
        QSettings().remove(QStringLiteral("tray/notifyRecoveries"));
    }
    void followsRunsAndNotifiesOnChange();
    void pausedSchedulesDoNotRunUntilResumed();
    void oneSyncPausedFromTheTray();
};

namespace {

void setModelSql(const QString &ws, const QString &sql)
{
    QFile f(ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonObject models = config.value(QStringLiteral("models")).toObject();
    QJsonObject model = models.value(QStringLiteral("customer_360")).toObject();
    model.insert(QStringLiteral("sql"), sql);
    models.insert(QStringLiteral("customer_360"), model);
    config.insert(QStringLiteral("models"), models);
    // Only "Run now" runs here: the demo's schedules are set to manual.
    QJsonObject syncs = config.value(QStringLiteral("syncs")).toObject();
    for (const QString &name : syncs.keys()) {
        QJsonObject sync = syncs.value(name).toObject();
        sync.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("manual"), true}});
        syncs.insert(name, sync);
    }
    config.insert(QStringLiteral("syncs"), syncs);
    config.insert(QStringLiteral("alerts"), QJsonObject{{QStringLiteral("rules"), QJsonObject{{QStringLiteral("freshness_lag_above"), false}}}});
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
}

QAction *runNowFor(QMenu *menu, const QString &sync)
{
    for (QMenu *sub : menu->findChildren<QMenu *>(QStringLiteral("runNow")))
        for (QAction *a : sub->actions())
            if (a->text() == sync)
                return a;
    return nullptr;
}

} // namespace

void TestTray::followsRunsAndNotifiesOnChange()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 200;
    QVERIFY(workspace::initWorkspace(ws, options).ok());
    QFile f(ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString goodSql = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("models")).toObject()
                                .value(QStringLiteral("customer_360")).toObject().value(QStringLiteral("sql")).toString();
    f.close();
    setModelSql(ws, goodSql);

    schedule::Agent agent(ws, {});
    QVERIFY(agent.start().ok());
    ui::TrayAgent tray(agent, false);
    QSignalSpy finished(&agent, &schedule::Agent::runFinished);
    QSignalSpy notified(&tray, &ui::TrayAgent::notified);
    QCOMPARE(tray.state(), ui::TrayAgent::State::Healthy);
    QVERIFY2(tray.tooltip().contains(QStringLiteral("customers_to_file has not run")), qPrintable(tray.tooltip()));

    QAction *run = runNowFor(tray.menu(), QStringLiteral("customers_to_file"));
    QVERIFY(run);
    run->trigger();
    QVERIFY(finished.wait(60000));
    QCOMPARE(tray.state(), ui::TrayAgent::State::Healthy);
    QVERIFY2(tray.tooltip().contains(QStringLiteral("✓ customers_to_file succeeded")), qPrintable(tray.tooltip()));
    QCOMPARE(notified.size(), 0);

    setModelSql(ws, QStringLiteral("select * from customer_360_gone"));
    QTest::qWait(1500); // the agent reads sluice.json again
    QVERIFY(agent.runNow(QStringLiteral("customers_to_file")));
    QVERIFY(finished.wait(60000));
    QCOMPARE(tray.state(), ui::TrayAgent::State::Failing);
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 1, 10000);
    QVERIFY2(notified.last().at(1).toString().contains(QStringLiteral("customer_360_gone")), qPrintable(notified.last().at(1).toString()));
    QVERIFY(agent.runNow(QStringLiteral("customers_to_file")));
    QVERIFY(finished.wait(60000));
    QTest::qWait(ui::TrayAgent::mergeMs + 500);
    QCOMPARE(notified.size(), 1); // still failing: no second notification

    setModelSql(ws, goodSql);
    QTest::qWait(1500);
    QVERIFY(agent.runNow(QStringLiteral("customers_to_file")));
    QVERIFY(finished.wait(60000));
    QCOMPARE(tray.state(), ui::TrayAgent::State::Healthy);
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 2, 10000);
    QCOMPARE(notified.last().at(0).toString(), QStringLiteral("Sluice: recovered"));

    // Both syncs fail at once: one notification names both. With
    // recoveries turned off, their recovery says nothing.
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        tray.menu()->popup(QPoint(40, 40));
        QTest::qWait(200);
        tray.menu()->grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/tray-menu.png"));
        tray.menu()->hide();
    }
    QAction *recoveries = tray.menu()->findChild<QAction *>(QStringLiteral("notifyRecoveries"));
    QVERIFY(recoveries && recoveries->isChecked());
    recoveries->trigger();
    QVERIFY(!tray.notifiesRecoveries());
    setModelSql(ws, QStringLiteral("select * from customer_360_gone"));
    QTest::qWait(1500);
    QVERIFY(agent.runNow(QStringLiteral("customers_to_file")));
    QVERIFY(agent.runNow(QStringLiteral("audience_to_file")));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 3, 60000);
    QTest::qWait(ui::TrayAgent::mergeMs + 500);
    QCOMPARE(notified.size(), 3);
    QVERIFY2(notified.last().at(1).toString().contains(QStringLiteral("customers_to_file"))
                 && notified.last().at(1).toString().contains(QStringLiteral("audience_to_file")),
             qPrintable(notified.last().at(1).toString()));
    // Both recover: the audience's recovery is left out; customers_to_file has
    // now failed and recovered twice within the hour, which is said (flapping).
    setModelSql(ws, goodSql);
    QTest::qWait(1500);
    QVERIFY(agent.runNow(QStringLiteral("customers_to_file")));
    QVERIFY(agent.runNow(QStringLiteral("audience_to_file")));
    QTRY_COMPARE_WITH_TIMEOUT(notified.size(), 4, 60000);
    const QString flapping = notified.last().at(1).toString();
    QVERIFY2(flapping.contains(QStringLiteral("customers_to_file keeps failing and recovering")) && !flapping.contains(QStringLiteral("audience_to_file")),
             qPrintable(flapping));

    QSignalSpy stopped(&agent, &schedule::Agent::stopped);
    agent.stop();
    QVERIFY(stopped.size() == 1 || stopped.wait(30000));
}

// Every schedule paused from the tray: the agent leaves a due sync alone,
// the icon says paused; resumed, the missed slot runs once.
void TestTray::pausedSchedulesDoNotRunUntilResumed()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 100;
    QVERIFY(workspace::initWorkspace(ws, options).ok()); // customers_to_file runs every 15 minutes: due at once
    schedule::Agent agent(ws, {});
    QSignalSpy started(&agent, &schedule::Agent::runStarted);
    QSignalSpy finished(&agent, &schedule::Agent::runFinished);
    ui::TrayAgent tray(agent, false);
    QAction *pause = tray.menu()->findChild<QAction *>(QStringLiteral("pauseHour"));
    QVERIFY(pause);
    pause->trigger();
    QCOMPARE(tray.state(), ui::TrayAgent::State::Paused);
    QVERIFY2(tray.tooltip().contains(QStringLiteral("paused until")), qPrintable(tray.tooltip()));
    QVERIFY(agent.start().ok());
    QTest::qWait(3000); // three ticks
    QCOMPARE(started.size(), 0);
    QAction *resume = tray.menu()->findChild<QAction *>(QStringLiteral("resumeAll"));
    QVERIFY(resume);
    resume->trigger();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toString(), QStringLiteral("customers_to_file"));
    QSignalSpy stopped(&agent, &schedule::Agent::stopped);
    agent.stop();
    QVERIFY(stopped.size() == 1 || stopped.wait(60000));
}

// One sync paused from the tray: the tooltip says so, the CLI sees the same
// pause, and unticked it is resumed.
void TestTray::oneSyncPausedFromTheTray()
{
    QTemporaryDir dir;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 100;
    QVERIFY(workspace::initWorkspace(ws, options).ok());
    schedule::Agent agent(ws, {});
    QVERIFY(agent.start().ok()); // reads the syncs
    ui::TrayAgent tray(agent, false);
    QAction *pause = tray.menu()->findChild<QAction *>(QStringLiteral("pause:customers_to_file"));
    QVERIFY(pause && pause->isCheckable() && !pause->isChecked());
    pause->trigger();
    QTRY_VERIFY2(tray.tooltip().contains(QStringLiteral("customers_to_file paused")), qPrintable(tray.tooltip()));
    QCOMPARE(tray.state(), ui::TrayAgent::State::Healthy); // one sync paused is not "all paused"
    auto store = store::StateStore::open(workspace::Workspace::open(ws)->stateDbPath());
    QVERIFY(store.ok());
    const QList<store::StateStore::Pause> pauses = store.value()->pauses(QDateTime::currentDateTimeUtc());
    QCOMPARE(pauses.size(), 1);
    QCOMPARE(pauses.first().sync, QStringLiteral("customers_to_file"));
    pause = tray.menu()->findChild<QAction *>(QStringLiteral("pause:customers_to_file"));
    QVERIFY(pause && pause->isChecked());
    pause->trigger();
    QTRY_VERIFY(!tray.tooltip().contains(QStringLiteral("paused")));
    QVERIFY(store.value()->pauses(QDateTime::currentDateTimeUtc()).isEmpty());
    QSignalSpy stopped(&agent, &schedule::Agent::stopped);
    agent.stop();
    QVERIFY(stopped.size() == 1 || stopped.wait(60000));
}

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
