// The dashboard over a long history: a year of 15-minute runs for 20 syncs
// (700,800 runs) in a state database; the time from asking the Dashboard
// screen for a range to its tiles and charts being filled, for each range,
// for every sync together and for one; and `sluice metrics --json` over 30
// days. Offscreen, five times each, median reported.
//   bench_dashboard [SYNCS] [DAYS]
//   bench_dashboard history WORKSPACE [DAYS]   writes a synthetic history into a workspace (for screenshots)
#include "dashboard/dashboard_screen.h"
#include "run_history.h"
#include "shell/workspace_document.h"
#include "store/state_store.h"
#include "workspace/workspace_init.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace sluice;

namespace {

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

// A workspace whose sluice.json names `syncs` syncs (file destinations; they never run here).
QString workspaceWith(const QString &dir, int syncs)
{
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 10;
    if (!workspace::initWorkspace(dir, options).ok())
        qFatal("cannot create the workspace");
    QFile f(dir + QStringLiteral("/sluice.json"));
    f.open(QIODevice::ReadOnly);
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    QJsonObject all;
    const QJsonObject one = config.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("customers_to_file")).toObject();
    for (int i = 0; i < syncs; ++i)
        all.insert(QStringLiteral("sync_%1").arg(i, 2, 10, QLatin1Char('0')), one);
    config.insert(QStringLiteral("syncs"), all);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(QJsonDocument(config).toJson());
    return dir;
}

double timeRefresh(ui::DashboardScreen &screen)
{
    QSignalSpy refreshed(&screen, &ui::DashboardScreen::refreshed);
    QElapsedTimer t;
    t.start();
    screen.refresh();
    if (!refreshed.wait(60000))
        qFatal("the dashboard did not refresh");
    return double(t.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("history")) {
        auto ws = workspace::Workspace::open(args.value(1));
        if (!ws)
            qFatal("%s", qPrintable(ws.error().message));
        (void)store::StateStore::open(ws->stateDbPath());
        test::HistoryOptions h;
        h.syncs = ws->config().syncs.keys();
        h.until = QDateTime::currentDateTimeUtc();
        h.days = args.value(2, QStringLiteral("7")).toInt();
        h.stepMinutes = 60;
        std::printf("%lld runs written\n", test::writeRunHistory(ws->stateDbPath(), h));
        return 0;
    }
    const int syncs = args.value(0, QStringLiteral("20")).toInt();
    const int days = args.value(1, QStringLiteral("365")).toInt();
    QTemporaryDir dir;
    const QString path = workspaceWith(dir.filePath(QStringLiteral("ws")), syncs);
    auto ws = workspace::Workspace::open(path);
    if (!ws)
        qFatal("%s", qPrintable(ws.error().message));
    (void)store::StateStore::open(ws->stateDbPath());
    test::HistoryOptions h;
    h.syncs = ws->config().syncs.keys();
    h.until = QDateTime::currentDateTimeUtc();
    h.days = days;
    h.stepMinutes = 15;
    QElapsedTimer write;
    write.start();
    const qint64 runs = test::writeRunHistory(ws->stateDbPath(), h);
    std::printf("%lld runs of %d syncs over %d days written in %.1f s; state.db %.0f MB\n", runs, syncs, days, write.elapsed() / 1000.0,
                QFileInfo(ws->stateDbPath()).size() / 1e6);

    ui::WorkspaceDocument document(std::move(ws).value());
    ui::DashboardScreen screen(&document);
    screen.resize(1560, 900);
    QSignalSpy first(&screen, &ui::DashboardScreen::refreshed);
    QElapsedTimer opening;
    opening.start();
    screen.show(); // showing the screen starts its first refresh (7 days, every sync)
    if (!first.wait(60000))
        qFatal("the dashboard did not open");
    std::printf("open (7 days, all syncs): %.0f ms\n", double(opening.nsecsElapsed()) / 1e6);
    auto *combo = screen.findChild<QComboBox *>(QStringLiteral("dashboardSync"));
    for (int days : {1, 7, 30}) {
        screen.setRangeDays(days);
        for (int which : {0, 1}) {
            combo->blockSignals(true);
            combo->setCurrentIndex(which);
            combo->blockSignals(false);
            QList<double> ms;
            for (int i = 0; i < 5; ++i)
                ms.append(timeRefresh(screen));
            std::printf("refresh %2d days, %s: median %.0f ms (min %.0f, max %.0f)\n", days, which == 0 ? "all syncs" : "one sync ", median(ms),
                        *std::min_element(ms.begin(), ms.end()), *std::max_element(ms.begin(), ms.end()));
        }
    }
    QList<double> cli;
    for (int i = 0; i < 3; ++i) {
        QProcess p;
        QElapsedTimer t;
        t.start();
        p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("metrics"), QStringLiteral("--since"), QStringLiteral("30d"), QStringLiteral("--json"),
                                                QStringLiteral("--workspace"), path});
        p.waitForFinished(120000);
        cli.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::printf("sluice metrics --since 30d --json: median %.0f ms\n", median(cli));
    return 0;
}
