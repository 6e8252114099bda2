// Alerts: the state machine table-tested (fire once, no repeat while failing
// within the pause, repeats backing off, recovery once, flapping held quiet),
// the rules read from sluice.json, and end to end through the binary: a
// failing run posts one alert to a Slack-style and a JSON webhook on
// loopback, a second failure posts nothing, the recovery posts once, and
// `sluice alerts` and `sluice metrics` say so.
#include "alerts/alerts.h"
#include "emulator_server.h"
#include "workspace/workspace.h"
#include "workspace/workspace_init.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;
using N = alerts::Notice;

namespace {

// Answers 200 to every POST and keeps its body.
class AlertSink final : public test::EmulatorServer
{
public:
    AlertSink() { start(); }
    ~AlertSink() override { stop(); }
    QList<QJsonObject> bodies() const
    {
        QList<QJsonObject> out;
        for (const Request &r : requests())
            out.append(QJsonDocument::fromJson(r.body).object());
        return out;
    }

protected:
    Response handle(const Request &request) override
    {
        if (request.method != "POST" || !request.header("content-type").startsWith("application/json"))
            return Response::json(400, "{\"error\": \"POST application/json only\"}");
        return Response{200, "ok", {}};
    }
};

const QDateTime t0(QDate(2026, 11, 30), QTime(8, 0), Qt::UTC);

} // namespace

class TestAlerts final : public QObject
{
    Q_OBJECT

private slots:
    void stateMachine_data();
    void stateMachine();
    void checksJudgeARun();
    void rulesComeFromTheWorkspaceThenTheSync();
    void failingRunAlertsOnceAndRecoveryFollows();

private:
    struct Run
    {
        int code = -1;
        QJsonObject json;
        QByteArray err;
    };
    Run sluice(const QString &ws, const QStringList &args);
};

void TestAlerts::stateMachine_data()
{
    // Minutes from t0 and whether the rule is breached; the notices expected.
    QTest::addColumn<QList<int>>("minutes");
    QTest::addColumn<QList<bool>>("breached");
    QTest::addColumn<QList<N>>("notices");
    QTest::newRow("healthy says nothing") << QList<int>{0, 15, 30} << QList<bool>{false, false, false} << QList<N>{N::None, N::None, N::None};
    QTest::newRow("fires once while failing") << QList<int>{0, 15, 30, 45} << QList<bool>{true, true, true, true}
                                              << QList<N>{N::Fired, N::None, N::None, N::None};
    QTest::newRow("recovers once") << QList<int>{0, 15, 30, 45} << QList<bool>{true, false, false, false}
                                   << QList<N>{N::Fired, N::Recovered, N::None, N::None};
    QTest::newRow("repeats back off: 1 h, then 2 h, then 4 h")
        << QList<int>{0, 59, 61, 120, 180, 182, 420, 423} << QList<bool>{true, true, true, true, true, true, true, true}
        << QList<N>{N::Fired, N::None, N::Repeated, N::None, N::None, N::Repeated, N::None, N::Repeated};
    QTest::newRow("a flapping rule says so once, then is quiet")
        << QList<int>{0, 5, 10, 15, 20, 25, 30} << QList<bool>{true, false, true, false, true, false, true}
        << QList<N>{N::Fired, N::Recovered, N::Fired, N::Flapping, N::None, N::None, N::None};
    QTest::newRow("settled after flapping, it speaks again")
        << QList<int>{0, 5, 10, 15, 200, 300} << QList<bool>{true, false, true, false, true, false}
        << QList<N>{N::Fired, N::Recovered, N::Fired, N::Flapping, N::Fired, N::Recovered};
}

void TestAlerts::stateMachine()
{
    QFETCH(QList<int>, minutes);
    QFETCH(QList<bool>, breached);
    QFETCH(QList<N>, notices);
    store::StateStore::AlertState state;
    for (qsizetype i = 0; i < minutes.size(); ++i) {
        const N got = alerts::step(state, breached[i], t0.addSecs(minutes[i] * 60));
        QVERIFY2(got == notices[i], qPrintable(QStringLiteral("at %1 min: %2, expected %3").arg(minutes[i]).arg(alerts::toString(got), alerts::toString(notices[i]))));
        QCOMPARE(state.firing, breached[i]);
    }
}

void TestAlerts::checksJudgeARun()
{
    store::RunRecord run;
    run.id = QStringLiteral("r1");
    run.status = QStringLiteral("partial");
    run.counts = QJsonObject{{QStringLiteral("delivered"), 95.0}, {QStringLiteral("rejected"), 5.0}};
    run.metrics = QJsonObject{{QStringLiteral("matched"), 80.0}, {QStringLiteral("freshness_lag_s"), 7200.0}, {QStringLiteral("model_rows"), 300.0}};
    QList<store::RunRecord> earlier;
    for (int rows : {1000, 1010, 990}) {
        store::RunRecord r;
        r.status = QStringLiteral("succeeded");
        r.metrics = QJsonObject{{QStringLiteral("model_rows"), double(rows)}};
        earlier.append(r);
    }
    QHash<QString, bool> verdict;
    for (const alerts::Check &c : alerts::checks(alerts::Rules{}, run, earlier))
        verdict.insert(c.rule, c.breached);
    QCOMPARE(verdict.value(QStringLiteral("run_failed")), false);
    QCOMPARE(verdict.value(QStringLiteral("rejection_rate_above")), true);   // 5 % > 1 %
    QCOMPARE(verdict.value(QStringLiteral("match_rate_below")), true);       // 80 % < 85 %
    QCOMPARE(verdict.value(QStringLiteral("freshness_lag_above")), true);    // 2 h > 1 h
    QCOMPARE(verdict.value(QStringLiteral("row_count_change_above")), true); // 300 against a median of 1000
    QCOMPARE(verdict.value(QStringLiteral("schema_drift")), false);
    run.status = QStringLiteral("failed");
    const QList<alerts::Check> failed = alerts::checks(alerts::Rules{}, run, earlier);
    QCOMPARE(failed.size(), 1); // a failed run says nothing of rates, lag or rows
    QVERIFY(failed.first().breached);
}

void TestAlerts::rulesComeFromTheWorkspaceThenTheSync()
{
    QTemporaryDir dir;
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 20;
    QVERIFY(workspace::initWorkspace(dir.path() + QStringLiteral("/ws"), options).ok());
    QFile f(dir.path() + QStringLiteral("/ws/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    config.insert(QStringLiteral("alerts"), QJsonObject{{QStringLiteral("rules"), QJsonObject{{QStringLiteral("rejection_rate_above"), 0.05},
                                                                                             {QStringLiteral("freshness_lag_above"), QStringLiteral("2h")}}}});
    QJsonObject syncs = config.value(QStringLiteral("syncs")).toObject();
    QJsonObject sync = syncs.value(QStringLiteral("customers_to_file")).toObject();
    sync.insert(QStringLiteral("alerts"), QJsonObject{{QStringLiteral("freshness_lag_above"), false}, {QStringLiteral("run_failed"), false}});
    syncs.insert(QStringLiteral("customers_to_file"), sync);
    config.insert(QStringLiteral("syncs"), syncs);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
    f.close();
    const auto ws = workspace::Workspace::open(dir.path() + QStringLiteral("/ws"));
    QVERIFY2(ws.ok(), ws ? "" : qPrintable(ws.error().message));
    const alerts::Rules own = alerts::rulesFor(ws.value(), QStringLiteral("customers_to_file"));
    QCOMPARE(*own.rejectionRateAbove, 0.05);
    QVERIFY(!own.freshnessLagAboveSeconds);
    QVERIFY(!own.runFailed);
    const alerts::Rules other = alerts::rulesFor(ws.value(), QStringLiteral("audience_to_file"));
    QCOMPARE(*other.freshnessLagAboveSeconds, 7200);
    QVERIFY(other.runFailed);
    QCOMPARE(*other.matchRateBelow, 0.85); // a default untouched
}

TestAlerts::Run TestAlerts::sluice(const QString &ws, const QStringList &args)
{
    QProcess p;
    QStringList env = QProcess::systemEnvironment();
    env.append(QStringLiteral("ALERT_HOOK=") + ws.section(QLatin1Char('|'), 1));
    p.setEnvironment(env);
    p.start(QStringLiteral(SLUICE_BINARY), args + QStringList{QStringLiteral("--workspace"), ws.section(QLatin1Char('|'), 0, 0)});
    p.waitForFinished(120000);
    return {p.exitCode(), QJsonDocument::fromJson(p.readAllStandardOutput()).object(), p.readAllStandardError()};
}

void TestAlerts::failingRunAlertsOnceAndRecoveryFollows()
{
    AlertSink slack, plain;
    QTemporaryDir dir;
    const QString path = dir.path() + QStringLiteral("/ws");
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 200;
    QVERIFY(workspace::initWorkspace(path, options).ok());
    QFile f(path + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    // The demo's rows were last updated weeks ago: its freshness rule would fire at once (rightly); off here.
    config.insert(QStringLiteral("alerts"), QJsonObject{{QStringLiteral("rules"), QJsonObject{{QStringLiteral("freshness_lag_above"), false}}},
                                                        {QStringLiteral("webhooks"),
                                                         QJsonArray{QJsonObject{{QStringLiteral("url"), QString(slack.baseUrl() + QStringLiteral("/services/T0/B0/x"))},
                                                                                {QStringLiteral("format"), QStringLiteral("slack")}},
                                                                    QJsonObject{{QStringLiteral("url"), QJsonObject{{QStringLiteral("env"), QStringLiteral("ALERT_HOOK")}}}}}}});
    auto write = [&](const QString &sql) {
        QJsonObject models = config.value(QStringLiteral("models")).toObject();
        QJsonObject model = models.value(QStringLiteral("customer_360")).toObject();
        model.insert(QStringLiteral("sql"), sql);
        models.insert(QStringLiteral("customer_360"), model);
        config.insert(QStringLiteral("models"), models);
        QFile out(path + QStringLiteral("/sluice.json"));
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(QJsonDocument(config).toJson());
    };
    const QString goodSql = config.value(QStringLiteral("models")).toObject().value(QStringLiteral("customer_360")).toObject().value(QStringLiteral("sql")).toString();
    write(goodSql);
    const QString ws = path + QLatin1Char('|') + plain.baseUrl() + QStringLiteral("/hooks/sluice");
    const QStringList run{QStringLiteral("run"), QStringLiteral("customers_to_file"), QStringLiteral("--json")};

    Run first = sluice(ws, run);
    QCOMPARE(first.code, 0);
    QVERIFY2(!first.err.contains("alert"), first.err.constData()); // the rules' states were kept without a word
    QCOMPARE(slack.requestCount(), 0); // healthy from the start: nothing to say

    write(QStringLiteral("select * from customer_360_gone"));
    Run r = sluice(ws, run);
    QCOMPARE(r.code, 1);
    QCOMPARE(slack.requestCount(), 1);
    QCOMPARE(plain.requestCount(), 1);
    const QString text = slack.bodies().first().value(QStringLiteral("text")).toString();
    QVERIFY2(text.contains(QStringLiteral("customers_to_file")) && text.contains(QStringLiteral("customer_360_gone")), qPrintable(text));
    const QJsonObject fired = plain.bodies().first().value(QStringLiteral("alerts")).toArray().first().toObject();
    QCOMPARE(fired.value(QStringLiteral("kind")).toString(), QStringLiteral("fired"));
    QCOMPARE(fired.value(QStringLiteral("rule")).toString(), QStringLiteral("run_failed"));
    QCOMPARE(fired.value(QStringLiteral("sync")).toString(), QStringLiteral("customers_to_file"));

    QCOMPARE(sluice(ws, run).code, 1);
    QCOMPARE(slack.requestCount(), 1); // still failing: no repeat within the hour

    write(goodSql);
    QCOMPARE(sluice(ws, run).code, 0);
    QCOMPARE(slack.requestCount(), 2);
    QVERIFY2(slack.bodies().last().value(QStringLiteral("text")).toString().contains(QStringLiteral("recovered")),
             qPrintable(slack.bodies().last().value(QStringLiteral("text")).toString()));

    r = sluice(ws, {QStringLiteral("alerts"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray listed = r.json.value(QStringLiteral("alerts")).toArray();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed[0].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("recovered")); // newest first
    QCOMPARE(listed[1].toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("fired"));
    QVERIFY(listed[1].toObject().value(QStringLiteral("delivered")).toBool());
    QVERIFY(r.json.value(QStringLiteral("firing")).toArray().isEmpty());
    QVERIFY(!r.err.contains(plain.baseUrl().toUtf8())); // a webhook URL can be a secret: never printed

    r = sluice(ws, {QStringLiteral("metrics"), QStringLiteral("customers_to_file"), QStringLiteral("--json")});
    const QJsonObject m = r.json.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("customers_to_file")).toObject();
    QCOMPARE(m.value(QStringLiteral("runs")).toInt(), 4);
    QVERIFY(m.value(QStringLiteral("mttd_s")).isDouble()); // first failing run to its alert
    QVERIFY(m.value(QStringLiteral("mttr_s")).isDouble());

    // The model breaks under both syncs, run at the same moment by two
    // processes: the two failures go out as one message per webhook.
    write(QStringLiteral("select * from customer_360_gone"));
    QProcess a, b;
    for (QProcess *p : {&a, &b}) {
        QStringList env = QProcess::systemEnvironment();
        env.append(QStringLiteral("ALERT_HOOK=") + plain.baseUrl() + QStringLiteral("/hooks/sluice"));
        p->setEnvironment(env);
    }
    a.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("customers_to_file"), QStringLiteral("--workspace"), path});
    b.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("audience_to_file"), QStringLiteral("--workspace"), path});
    QVERIFY(a.waitForFinished(120000) && b.waitForFinished(120000));
    QCOMPARE(a.exitCode(), 1);
    QCOMPARE(b.exitCode(), 1);
    QCOMPARE(slack.requestCount(), 3);
    QCOMPARE(plain.requestCount(), 3);
    const QString burst = slack.bodies().last().value(QStringLiteral("text")).toString();
    QVERIFY2(burst.contains(QStringLiteral("customers_to_file")) && burst.contains(QStringLiteral("audience_to_file")), qPrintable(burst));
    QCOMPARE(plain.bodies().last().value(QStringLiteral("alerts")).toArray().size(), 2);
    r = sluice(ws, {QStringLiteral("alerts"), QStringLiteral("--json")});
    for (const QJsonValue &v : r.json.value(QStringLiteral("alerts")).toArray())
        QVERIFY2(v.toObject().value(QStringLiteral("delivered")).toBool(), QJsonDocument(v.toObject()).toJson().constData());
}

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
