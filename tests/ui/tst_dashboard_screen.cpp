// The Dashboard screen, offscreen: its empty state, a week of history in
// its charts and tiles, and the demo failing and recovering through the CLI
// with the tiles saying what `sluice metrics --json` says.
#include "dashboard/dashboard_screen.h"
#include "dashboard/metric_chart.h"
#include "metrics/metrics.h"
#include "models/models_screen.h"
#include "demo_workspace.h"
#include "meta_emulator.h"
#include "run_history.h"
#include "store/state_store.h"
#include "models/preview_table_model.h"
#include "shell/appearance.h"
#include "shell/icons.h"
#include "shell/main_window.h"
#include "shell/welcome_window.h"
#include "shell/workspace_document.h"
#include "sources/sources_screen.h"
#include "runs/record_history.h"
#include "runs/runs_screen.h"
#include "syncs/syncs_screen.h"
#include "workspace/workspace_init.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>
#include <QTableWidget>
#include <QFile>
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QStackedWidget>

using namespace sluice;

class TestDashboardScreen final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }
    void dashboardEmptyStateSaysWhatWillAppear();
    void dashboardShowsAWeekOfHistory();
    void dashboardShowsTheDemoFailingAndRecovering();
};

void TestDashboardScreen::dashboardEmptyStateSaysWhatWillAppear()
{
    QTemporaryDir dir;
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 50;
    QVERIFY(workspace::initWorkspace(dir.filePath(QStringLiteral("ws")), options).ok());
    ui::WorkspaceDocument document(workspace::Workspace::open(dir.filePath(QStringLiteral("ws"))).value());
    ui::DashboardScreen screen(&document);
    QSignalSpy refreshed(&screen, &ui::DashboardScreen::refreshed);
    screen.show();
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(refreshed.last().at(0).toInt(), 0);
    auto *empty = screen.findChild<QLabel *>(QStringLiteral("dashboardEmpty"));
    QVERIFY(empty && empty->isVisible());
    QVERIFY2(empty->text().contains(QStringLiteral("sluice run")), qPrintable(empty->text()));
}

// A week of hourly runs of the demo's two syncs, with a failure episode and
// a recovery, a drift and matches: the tiles say what `sluice metrics`
// computes, and all four charts have points.
void TestDashboardScreen::dashboardShowsAWeekOfHistory()
{
    QTemporaryDir dir;
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 50;
    QVERIFY(workspace::initWorkspace(dir.filePath(QStringLiteral("ws")), options).ok());
    workspace::Workspace ws = workspace::Workspace::open(dir.filePath(QStringLiteral("ws"))).value();
    const QDateTime until(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
    test::HistoryOptions history;
    history.syncs = ws.config().syncs.keys();
    history.until = until;
    QVERIFY(store::StateStore::open(ws.stateDbPath()).ok()); // the schema first
    QCOMPARE(test::writeRunHistory(ws.stateDbPath(), history), qint64(7 * 24 * history.syncs.size()));
    const metrics::Report expected = metrics::report(*store::StateStore::open(ws.stateDbPath()).value(), history.syncs, until.addDays(-7), until);
    QVERIFY(expected.workspace.mttdSeconds && expected.workspace.mttrSeconds);

    ui::WorkspaceDocument document(std::move(ws));
    ui::DashboardScreen screen(&document);
    screen.setUntil(until);
    screen.resize(1560, 900);
    QSignalSpy refreshed(&screen, &ui::DashboardScreen::refreshed);
    screen.show();
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(refreshed.last().at(0).toLongLong(), expected.workspace.runs);
    QStringList values;
    for (QLabel *l : screen.findChildren<QLabel *>(QStringLiteral("tileValue")))
        values.append(l->text());
    QCOMPARE(values.size(), 7);
    QCOMPARE(values[0], QLocale().toString(*expected.workspace.successRate * 100.0, 'f', 1) + QStringLiteral(" %"));
    QCOMPARE(values[4], QString::number(expected.workspace.driftIncidents));
    // Time to resolve: three failed hourly runs, then a success; shown in hours and minutes.
    const qint64 mttr = *expected.workspace.mttrSeconds;
    QVERIFY2(values[6] == QStringLiteral("%1 h %2 min").arg(mttr / 3600).arg(mttr % 3600 / 60), qPrintable(values[6]));
    const QList<ui::MetricChart *> charts = screen.findChildren<ui::MetricChart *>();
    QCOMPARE(charts.size(), 4);
    for (ui::MetricChart *c : charts)
        QVERIFY2(c->pointCount() > 100, qPrintable(c->chart()->title())); // 168 hourly buckets, some without a delivering run
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        QTest::qWait(300); // the charts lay out their axes and legends
        screen.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/dashboard.png"));
    }
}

namespace {

// The sluice binary in `dir`, as an operator's script runs it: its exit code, stdout.
QPair<int, QByteArray> runSluice(const QString &dir, const QStringList &arguments)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(QStringLiteral(SLUICE_BINARY), arguments);
    if (!p.waitForFinished(120000))
        return {-1, {}};
    return {p.exitCode(), p.readAllStandardOutput()};
}

} // namespace

// The acceptance run: on the demo, runs through the CLI with a failure
// injected (the model's table renamed away) and a recovery; the dashboard
// shows all four series with the failure marked, and its tiles say what
// `sluice metrics --json` says.
void TestDashboardScreen::dashboardShowsTheDemoFailingAndRecovering()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 400;
    QVERIFY(workspace::initWorkspace(path, options).ok());
    const QStringList run{QStringLiteral("run"), QStringLiteral("customers_to_file"), QStringLiteral("--quiet")};
    QCOMPARE(runSluice(path, run).first, 0); // the backfill: nothing to match yet
    QVERIFY(test::warehouseSql(path, QStringLiteral("UPDATE users SET first_name = first_name || 'a' WHERE user_id <= 40")));
    QCOMPARE(runSluice(path, run).first, 0); // 40 changed customers, each found in the file
    QVERIFY(test::setModelSql(path, QStringLiteral("customer_360"), QStringLiteral("select * from customer_360_renamed")));
    QCOMPARE(runSluice(path, run).first, 1); // the injected failure
    QTest::qWait(1100);                   // time to resolve is whole seconds
    QVERIFY(test::setModelSql(path, QStringLiteral("customer_360"), QStringLiteral("select * from customer_360")));
    QVERIFY(test::warehouseSql(path, QStringLiteral("UPDATE users SET first_name = first_name || 'a' WHERE user_id <= 20")));
    QCOMPARE(runSluice(path, run).first, 0); // recovered

    const auto [code, out] = runSluice(path, {QStringLiteral("metrics"), QStringLiteral("--json")});
    QCOMPARE(code, 0);
    const QJsonObject measures = QJsonDocument::fromJson(out).object().value(QStringLiteral("workspace")).toObject();
    QCOMPARE(measures.value(QStringLiteral("runs")).toInt(), 4);
    QCOMPARE(measures.value(QStringLiteral("success_rate")).toDouble(), 0.75);
    QCOMPARE(measures.value(QStringLiteral("match_rate")).toDouble(), 1.0); // 60 of 60 changed customers were in the file
    QCOMPARE(measures.value(QStringLiteral("rejection_rate")).toDouble(), 0.0);
    const qint64 mttd = measures.value(QStringLiteral("mttd_s")).toInteger(-1), mttr = measures.value(QStringLiteral("mttr_s")).toInteger(-1);
    QVERIFY2(mttd >= 0 && mttd < 90 && mttr >= 1 && mttr < 90, out.constData());
    QVERIFY(measures.value(QStringLiteral("freshness_lag_s")).isDouble());

    ui::WorkspaceDocument document(workspace::Workspace::open(path).value());
    ui::DashboardScreen screen(&document);
    screen.setRangeDays(1);
    screen.resize(1560, 900);
    QSignalSpy refreshed(&screen, &ui::DashboardScreen::refreshed);
    screen.show();
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(refreshed.last().at(0).toInt(), 4);
    QStringList values;
    for (QLabel *l : screen.findChildren<QLabel *>(QStringLiteral("tileValue")))
        values.append(l->text());
    QCOMPARE(values.size(), 7);
    QCOMPARE(values[0], QLocale().toString(75.0, 'f', 1) + QStringLiteral(" %"));
    QCOMPARE(values[2], QLocale().toString(100.0, 'f', 1) + QStringLiteral(" %"));
    QCOMPARE(values[5], QStringLiteral("%1 s").arg(mttd));
    QCOMPARE(values[6], QStringLiteral("%1 s").arg(mttr));
    const QList<ui::MetricChart *> charts = screen.findChildren<ui::MetricChart *>();
    QCOMPARE(charts.size(), 4);
    for (ui::MetricChart *c : charts) {
        QVERIFY2(c->pointCount() > 0, qPrintable(c->chart()->title()));
        QVERIFY2(c->failedRunCount() == 1, qPrintable(c->chart()->title()));
    }
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        QTest::qWait(300);
        screen.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/dashboard-demo.png"));
        // The same in the dark appearance (charts and tiles from the palette).
        ui::applyAppearance(ui::Appearance::Dark);
        QTest::qWait(500);
        screen.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/dashboard-dark.png"));
        ui::applyAppearance(ui::Appearance::FollowSystem);
    }
}

QTEST_MAIN(TestDashboardScreen)
#include "tst_dashboard_screen.moc"
