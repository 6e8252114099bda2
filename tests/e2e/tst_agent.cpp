// sluice agent as an operator leaves it running: it runs syncs on their
// schedule, one agent per workspace, keeps the last good schedules when
// sluice.json breaks, and on SIGTERM lets the batches in flight settle and
// exits; after a SIGKILL the missed run happens once and nothing is lost.
#include "webhook_sink.h"
#include "workspace/workspace_init.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace sluice;

class TestAgent final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void runsSyncsOnTheirScheduleAndStopsCleanly();
    void oneAgentPerWorkspace();
    void aBrokenFileKeepsTheLastGoodSchedules();
    void sigtermMidRunSettlesAndSigkillLosesNothing();

private:
    void writeConfig(const QString &every);
    QJsonArray runs();
    int runCount(); // straight from the state database: `sluice runs` needs a valid sluice.json
    void startAgent(QProcess &p);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::WebhookSink> m_sink;
    QString m_ws;
};

void TestAgent::writeConfig(const QString &every)
{
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral(R"({"version": 1,
  "sources": {"demo": {"driver": "sqlite", "path": "demo/warehouse.db"}},
  "destinations": {"hook": {"type": "webhook", "url": "%1", "batch_size": 20, "concurrency": 1, "backoff_ms": 50}},
  "models": {"c": {"source": "demo", "primary_key": "customer_id", "sql": "select customer_id, first_name from customer_360"}},
  "syncs": {"s": {"model": "c", "destination": "hook", "mode": "upsert", "schedule": {"every": "%2"},
                  "fields": [{"source": "first_name", "destination": "first_name"}]},
            "follower": {"model": "c", "destination": "hook", "mode": "append", "schedule": {"after": "s"},
                  "fields": [{"source": "first_name", "destination": "name"}]}}})")
                .arg(m_sink->url(), every)
                .toUtf8());
}

QJsonArray TestAgent::runs()
{
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("runs"), QStringLiteral("--workspace"), m_ws, QStringLiteral("--json")});
    p.waitForFinished(30000);
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object().value(QStringLiteral("runs")).toArray();
}

int TestAgent::runCount()
{
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("runs"));
        db.setDatabaseName(m_ws + QStringLiteral("/.sluice/state.db"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT count(*) FROM runs WHERE status <> 'running'")) && q.next())
                n = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("runs"));
    return n;
}

void TestAgent::startAgent(QProcess &p)
{
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("agent"), QStringLiteral("--no-tray"), QStringLiteral("--workspace"), m_ws});
    QVERIFY(p.waitForStarted());
}

void TestAgent::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_sink = std::make_unique<test::WebhookSink>();
    m_ws = m_dir->filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 100;
    QVERIFY(workspace::initWorkspace(m_ws, options).ok());
    writeConfig(QStringLiteral("2s"));
}

void TestAgent::cleanup()
{
    m_sink.reset();
    m_dir.reset();
}

void TestAgent::runsSyncsOnTheirScheduleAndStopsCleanly()
{
    QProcess agent;
    startAgent(agent);
    // "s" every 2 s; "follower" after each success of "s".
    QTRY_VERIFY_WITH_TIMEOUT(runs().size() >= 4, 30000);
    ::kill(pid_t(agent.processId()), SIGTERM);
    QVERIFY(agent.waitForFinished(30000));
    QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
    QCOMPARE(agent.exitCode(), 0);
    const QByteArray log = agent.readAll();
    QVERIFY2(log.contains("sync s: starting a scheduled run"), log.constData());
    int ofS = 0, ofFollower = 0;
    for (const QJsonValue &v : runs()) {
        const QJsonObject r = v.toObject();
        QVERIFY2(r.value(QStringLiteral("status")).toString() != QLatin1String("running"), log.constData());
        (r.value(QStringLiteral("sync")).toString() == QLatin1String("s") ? ofS : ofFollower) += 1;
    }
    QVERIFY(ofS >= 2);
    QVERIFY(ofFollower >= 1 && ofFollower <= ofS); // once per success of its parent, never more
    QCOMPARE(m_sink->records().size(), 100);
    QVERIFY(QFile::exists(m_ws + QStringLiteral("/.sluice/logs/agent.log")));
}

void TestAgent::oneAgentPerWorkspace()
{
    QProcess first;
    startAgent(first);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_ws + QStringLiteral("/.sluice/logs/agent.log")), 20000);
    QProcess second;
    startAgent(second);
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitCode(), 2);
    QVERIFY2(second.readAll().contains("an agent already runs for workspace"), "second agent");
    ::kill(pid_t(first.processId()), SIGTERM);
    QVERIFY(first.waitForFinished(30000));
    // Once the first is gone, another may start.
    QProcess third;
    startAgent(third);
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += third.readAll()).contains("agent started"), 20000);
    ::kill(pid_t(third.processId()), SIGTERM);
    QVERIFY(third.waitForFinished(30000));
    QCOMPARE(third.exitCode(), 0);
}

void TestAgent::aBrokenFileKeepsTheLastGoodSchedules()
{
    QProcess agent;
    startAgent(agent);
    QTRY_VERIFY_WITH_TIMEOUT(runs().size() >= 1, 30000);
    QTest::qWait(1100); // a new modification time
    QFile f(m_ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("{\"version\": 1, \"syncs\": ");
    f.close();
    const int before = runCount();
    QTRY_VERIFY_WITH_TIMEOUT(runCount() >= before + 2, 30000); // still running on the last good schedules
    ::kill(pid_t(agent.processId()), SIGTERM);
    QVERIFY(agent.waitForFinished(30000));
    QVERIFY2(agent.readAll().contains("keeping the last good schedules"), "log");
}

void TestAgent::sigtermMidRunSettlesAndSigkillLosesNothing()
{
    writeConfig(QStringLiteral("1h"));
    m_sink->delayNext(5, 600); // five batches of 20, 0.6 s each
    QProcess agent;
    startAgent(agent);
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->requests() >= 2, 30000);
    ::kill(pid_t(agent.processId()), SIGTERM);
    QVERIFY(agent.waitForFinished(30000));
    QCOMPARE(agent.exitCode(), 0);
    QJsonObject last = runs().first().toObject();
    QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QVERIFY(last.value(QStringLiteral("error")).toString().contains(QStringLiteral("cancelled")));
    const int settled = last.value(QStringLiteral("counts")).toObject().value(QStringLiteral("delivered")).toInt();
    QVERIFY(settled > 0 && settled < 100);

    // SIGKILL in the middle of the next run; a restarted agent runs the missed slot once.
    m_sink->clearFaults();
    m_sink->delayNext(5, 600);
    QProcess killed;
    startAgent(killed);
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->requests() >= 4, 30000);
    ::kill(pid_t(killed.processId()), SIGKILL);
    killed.waitForFinished(10000);
    m_sink->clearFaults();
    QProcess again;
    startAgent(again);
    QTRY_VERIFY_WITH_TIMEOUT(m_sink->records().size() == 100, 30000);
    QTest::qWait(3000); // the hourly slot is not run again
    ::kill(pid_t(again.processId()), SIGTERM);
    QVERIFY(again.waitForFinished(30000));
    int ofS = 0;
    for (const QJsonValue &v : runs())
        ofS += v.toObject().value(QStringLiteral("sync")).toString() == QLatin1String("s");
    QCOMPARE(ofS, 3); // cancelled, killed, and the one missed slot: once
}

QTEST_GUILESS_MAIN(TestAgent)
#include "tst_agent.moc"
