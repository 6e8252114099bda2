// sluice agent: runs the workspace's schedules until stopped (Ctrl-C or SIGTERM).
#include "cli/cli_support.h"
#include "engine/sync_engine.h"
#include "schedule/agent.h"
#include "store/state_store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QTimer>

#include <atomic>
#include <variant>
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

namespace {

// The pauses in force after a change, for people and for --json.
int sayPauses(const Arguments &args, store::StateStore &store)
{
    QJsonArray list;
    QStringList words;
    for (const store::StateStore::Pause &p : store.pauses(QDateTime::currentDateTimeUtc())) {
        list.append(QJsonObject{{QStringLiteral("sync"), p.sync},
                                {QStringLiteral("until"), p.until.isValid() ? QJsonValue(p.until.toUTC().toString(Qt::ISODate)) : QJsonValue()}});
        const QString who = p.sync == store::StateStore::allSyncs() ? QCoreApplication::translate("sluice::cli", "every sync") : p.sync;
        words.append(p.until.isValid() ? QCoreApplication::translate("sluice::cli", "%1 until %2").arg(who, QLocale().toString(p.until.toLocalTime(), QLocale::ShortFormat))
                                       : QCoreApplication::translate("sluice::cli", "%1 until resumed").arg(who));
    }
    if (args.json())
        printJson(QJsonObject{{QStringLiteral("paused"), list}});
    say(words.isEmpty() ? QCoreApplication::translate("sluice::cli", "No schedule is paused.")
                        : QCoreApplication::translate("sluice::cli", "Paused: %1").arg(words.join(QStringLiteral(", "))));
    return ExitOk;
}

std::variant<std::pair<workspace::Workspace, std::unique_ptr<store::StateStore>>, int> openForPause(const Arguments &args)
{
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws)
        return fail(ws.error());
    if (!args.positional.isEmpty())
        if (Result<void> known = engine::requireSync(ws.value(), args.positional.first()); !known)
            return fail(known.error());
    Result<std::unique_ptr<store::StateStore>> state = store::StateStore::open(ws->stateDbPath());
    if (!state)
        return fail(state.error());
    return std::make_pair(std::move(ws).value(), std::move(state).value());
}

} // namespace

int runPause(const Arguments &args)
{
    QDateTime until;
    if (args.options.contains(QStringLiteral("for"))) {
        const std::optional<qint64> seconds = schedule::Schedule::parseDuration(args.options.value(QStringLiteral("for")));
        if (!seconds || *seconds < 1)
            return usageError(QCoreApplication::translate("sluice::cli", "pause: --for takes a duration such as 1h or 30m, not \"%1\"").arg(args.options.value(QStringLiteral("for"))));
        until = QDateTime::currentDateTimeUtc().addSecs(*seconds);
    }
    auto opened = openForPause(args);
    if (const int *code = std::get_if<int>(&opened))
        return *code;
    auto &[ws, store] = std::get<0>(opened);
    const QString sync = args.positional.value(0, store::StateStore::allSyncs());
    if (Result<void> r = store->pause(sync, until); !r)
        return fail(r.error());
    (void)store->appendAudit(QStringLiteral("cli"), QStringLiteral("pause"), sync, until.isValid() ? until.toString(Qt::ISODate) : QString());
    return sayPauses(args, *store);
}

int runResume(const Arguments &args)
{
    auto opened = openForPause(args);
    if (const int *code = std::get_if<int>(&opened))
        return *code;
    auto &[ws, store] = std::get<0>(opened);
    const QString sync = args.positional.value(0, store::StateStore::allSyncs());
    if (Result<void> r = store->resume(sync); !r)
        return fail(r.error());
    (void)store->appendAudit(QStringLiteral("cli"), QStringLiteral("resume"), sync, QString());
    return sayPauses(args, *store);
}

} // namespace sluice::cli
