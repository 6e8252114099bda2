// sluice agent: runs the workspace's schedules until stopped (Ctrl-C or SIGTERM).
#include "cli/cli_support.h"
#include "schedule/agent.h"

#include <QCoreApplication>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace sluice::cli {

namespace {

std::atomic_bool stopRequested{false};
extern "C" void onStopSignal(int)
{
    stopRequested.store(true);
}

} // namespace

int runAgent(const Arguments &args)
{
    if (!args.flags.contains(QStringLiteral("no-tray")))
        say(QCoreApplication::translate("sluice::cli", "no display (DISPLAY or WAYLAND_DISPLAY): the agent runs without a tray icon, as with --no-tray"));
    schedule::Agent agent(args.workspaceDir(), {});
    QObject::connect(&agent, &schedule::Agent::log, [](const QString &line) { say(line); });
    if (Result<void> started = agent.start(); !started)
        return fail(started.error());
    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &agent, [&agent] {
        if (stopRequested.load() && !agent.isStopping())
            agent.stop();
    });
    watch.start(100);
    QObject::connect(&agent, &schedule::Agent::stopped, QCoreApplication::instance(), &QCoreApplication::quit, Qt::QueuedConnection);
    QCoreApplication::exec();
    return ExitOk;
}

} // namespace sluice::cli
