// The longest UI-thread stall while the GUI runs a sync (issue #14): the
// Syncs screen runs the demo's customers_to_file sync on a demo warehouse of
// N customers (1M by default), first run then a backfill, while a timer on
// the UI thread ticks every 5 ms; the longest gap between two ticks, beyond
// the 5 ms, is how long the UI could not answer. Offscreen, release build.
//
//   build/release/tests/bench/bench_ui_stall [CUSTOMERS]
#include "engine/sync_engine.h"
#include "shell/workspace_document.h"
#include "syncs/syncs_screen.h"
#include "workspace/workspace_init.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace sluice;

namespace {

struct Stalls
{
    qint64 longestMs = 0;
    qint64 longestAtMs = 0; // when it ended, from the start of the probe
    qint64 ticks = 0;
    std::vector<qint64> gaps;
};

// Runs the current sync (or a backfill) and probes the event loop until it ends.
Stalls probe(ui::SyncsScreen &screen, bool backfill, engine::RunSummary &summary, qint64 &wallMs)
{
    Stalls s;
    QElapsedTimer clock, wall;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 gap = clock.restart();
        s.gaps.push_back(gap);
        if (gap - 5 > s.longestMs) {
            s.longestMs = gap - 5;
            s.longestAtMs = wall.elapsed();
        }
        ++s.ticks;
    });
    QSignalSpy finished(&screen, &ui::SyncsScreen::jobFinished);
    wall.start();
    clock.start();
    tick.start();
    if (backfill) {
        // The confirmation is answered as soon as it opens.
        QTimer answer;
        answer.setInterval(20);
        QObject::connect(&answer, &QTimer::timeout, [&] {
            for (QWidget *w : QApplication::topLevelWidgets())
                if (w->objectName() == QLatin1String("backfillConfirmation") && w->isVisible()) {
                    for (QObject *child : w->findChildren<QObject *>())
                        if (auto *b = qobject_cast<QAbstractButton *>(child); b && b->text().startsWith(QLatin1String("Send"))) {
                            b->click();
                            answer.stop();
                            return;
                        }
                }
        });
        answer.start();
        screen.confirmBackfill();
        finished.wait(3'600'000);
    } else {
        screen.runCurrent();
        finished.wait(3'600'000);
    }
    tick.stop();
    wallMs = wall.elapsed();
    summary = finished.isEmpty() ? engine::RunSummary() : finished.first().at(0).value<engine::RunSummary>();
    return s;
}

void report(const char *what, const Stalls &s, const engine::RunSummary &summary, qint64 wallMs)
{
    std::vector<qint64> gaps = s.gaps;
    std::sort(gaps.begin(), gaps.end());
    const qint64 p99 = gaps.empty() ? 0 : gaps[gaps.size() * 99 / 100];
    std::printf("%s: %lld records delivered in %.1f s; %lld ticks; longest UI stall %lld ms, ending %.2f s in (tick gap p99 %lld ms)\n", what,
                static_cast<long long>(summary.counts.delivered), double(wallMs) / 1000.0, static_cast<long long>(s.ticks),
                static_cast<long long>(s.longestMs), double(s.longestAtMs) / 1000.0, static_cast<long long>(p99));
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const qint64 customers = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    QTemporaryDir dir;
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = customers;
    QElapsedTimer setup;
    setup.start();
    const auto made = workspace::initWorkspace(dir.filePath(QStringLiteral("ws")), options);
    if (!made.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(made.error().message));
        return 1;
    }
    std::printf("demo warehouse of %lld customers made in %.1f s\n", static_cast<long long>(customers), double(setup.elapsed()) / 1000.0);
    auto ws = workspace::Workspace::open(dir.filePath(QStringLiteral("ws")));
    ui::WorkspaceDocument document(std::move(ws).value());
    ui::SyncsScreen screen(&document);
    screen.resize(1400, 900);
    screen.show();
    auto *list = screen.findChild<QListWidget *>();
    list->setCurrentItem(list->findItems(QStringLiteral("customers_to_file"), Qt::MatchExactly).first());
    engine::RunSummary summary;
    qint64 wallMs = 0;
    const Stalls first = probe(screen, false, summary, wallMs);
    report("first run", first, summary, wallMs);
    const Stalls again = probe(screen, true, summary, wallMs);
    report("backfill", again, summary, wallMs);
    return 0;
}
