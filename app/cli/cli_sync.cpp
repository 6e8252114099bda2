#include "cli/cli_support.h"
#include "cli/progress_line.h"
#include "cli/terminal.h"
#include "engine/sync_engine.h"
#include "store/state_store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <atomic>
#include <variant>
#include <csignal>
#include <cstdio>

namespace sluice::cli {

namespace {


Result<std::unique_ptr<store::StateStore>> openStore(const workspace::Workspace &ws)
{
    return store::StateStore::open(ws.stateDbPath());
}

// A verb about one sync: its workspace, the sync named first, and its state database.
struct SyncVerb
{
    workspace::Workspace ws;
    QString sync;
    std::unique_ptr<store::StateStore> store;
};

// The verb's context, or the exit code of the error already said.
std::variant<SyncVerb, int> openSyncVerb(const Arguments &args)
{
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws)
        return fail(ws.error());
    const QString sync = args.positional.first();
    if (Result<void> known = engine::requireSync(ws.value(), sync); !known)
        return fail(known.error());
    Result<std::unique_ptr<store::StateStore>> opened = openStore(ws.value());
    if (!opened)
        return fail(opened.error());
    return SyncVerb{std::move(ws).value(), sync, std::move(opened).value()};
}

QString summary(const engine::RunResult &r)
{
    const engine::Counts &c = r.plan.counts;
    return QCoreApplication::translate("sluice::cli", "sync %1 %2: %3 added, %4 changed, %5 removed, %6 unchanged, %7 excluded (no consent), %8 invalid, "
             "%9 delivered, %10 rejected")
        .arg(r.plan.sync, toString(r.status))
        .arg(c.added)
        .arg(c.changed)
        .arg(c.removed)
        .arg(c.unchanged)
        .arg(c.excluded)
        .arg(c.invalid)
        .arg(c.delivered)
        .arg(c.rejected);
}

// Ctrl-C (SIGINT) or SIGTERM asks the run to stop cleanly: batches in flight
// settle, state is committed, the run is recorded as failed ("cancelled").
std::atomic_bool interrupted{false};
extern "C" void onInterrupt(int signal)
{
    interrupted.store(true);
    std::signal(signal, SIG_DFL); // a second one ends the process at once
}

int planOrRun(const Arguments &args, bool run)
{
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws)
        return fail(ws.error());
    const QString sync = args.positional.first();
    if (Result<void> known = engine::requireSync(ws.value(), sync); !known)
        return fail(known.error());
    Result<std::unique_ptr<store::StateStore>> state = openStore(ws.value());
    if (!state)
        return fail(state.error());
    engine::SyncOptions options;
    options.fullResync = args.flags.contains(QStringLiteral("full-resync"));
    options.allowMassDelete = args.flags.contains(QStringLiteral("allow-mass-delete"));
    options.cancel = &interrupted;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const bool quiet = args.flags.contains(QStringLiteral("quiet"));
    ProgressLine progress(!args.json() && !quiet, &interrupted);
    options.progress = [&progress](const QString &stage, qint64 done, qint64 total) { progress.update(stage, done, total); };
    options.rejected = &progress.rejected;
    engine::RunResult result;
    if (run) {
        Result<engine::RunResult> r = engine::runSync(ws.value(), *state.value(), sync, options);
        progress.finish();
        if (!r)
            return fail(r.error());
        result = std::move(r).value();
    } else {
        Result<engine::SyncPlan> p = engine::planSync(ws.value(), *state.value(), sync, options);
        progress.finish();
        if (!p)
            return fail(p.error());
        result.plan = std::move(p).value();
        result.status = RunStatus::Planned;
    }
    if (args.json())
        printJson(result.toJson());
    if (quiet) {
        if (!result.error.isEmpty())
            say(QCoreApplication::translate("sluice::cli", "error: %1").arg(result.error));
        return result.exitCode();
    }
    say(summary(result));
    const QList<engine::HeldRecord> held = result.plan.invalid + result.rejected;
    for (qsizetype i = 0; i < held.size() && i < 10; ++i)
        say(QCoreApplication::translate("sluice::cli", "  %1 %2: %3").arg(toString(held[i].kind), held[i].key, held[i].reason));
    if (held.size() > 10)
        say(QCoreApplication::translate("sluice::cli", "  … and %1 more; all of them: sluice rejections %2").arg(held.size() - 10).arg(sync));
    if (!result.plan.coverage.isEmpty()) {
        // An audience: how many rows carry each identifier, before anything is sent.
        QStringList kinds;
        for (auto it = result.plan.coverage.begin(); it != result.plan.coverage.end(); ++it) {
            const qint64 valid = it.value().toObject().value(QStringLiteral("valid")).toInteger();
            const qint64 all = valid + it.value().toObject().value(QStringLiteral("missing")).toInteger();
            kinds.append(QCoreApplication::translate("sluice::cli", "%1 %2 of %3 (%4 %)")
                             .arg(it.key())
                             .arg(valid)
                             .arg(all)
                             .arg(all > 0 ? 100.0 * double(valid) / double(all) : 0.0, 0, 'f', 1));
        }
        say(QCoreApplication::translate("sluice::cli", "identifier coverage: %1").arg(kinds.join(QStringLiteral(", "))));
    }
    if (result.plan.invalidText > 0)
        say(QCoreApplication::translate("sluice::cli", "warning: %1 text value(s) in the model were not valid UTF-8; the bad bytes were replaced "
                                        "with U+FFFD on the way. Fix the encoding in the warehouse").arg(result.plan.invalidText));
    if (!result.error.isEmpty())
        say(QCoreApplication::translate("sluice::cli", "error: %1").arg(result.error));
    if (!run)
        say(QCoreApplication::translate("sluice::cli", "%n operation(s) would be sent; nothing was sent", nullptr, int(result.plan.operationCount)));
    return result.exitCode();
}

} // namespace

int runPlan(const Arguments &args) { return planOrRun(args, false); }
int runRun(const Arguments &args) { return planOrRun(args, true); }

int runRuns(const Arguments &args)
{
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws)
        return fail(ws.error());
    const QString sync = args.positional.value(0);
    if (Result<void> known = engine::requireSync(ws.value(), sync); !sync.isEmpty() && !known)
        return fail(known.error());
    Result<std::unique_ptr<store::StateStore>> state = openStore(ws.value());
    if (!state)
        return fail(state.error());
    // A run still "running" whose process is gone was interrupted: say so.
    for (const store::RunRecord &r : state.value()->runs(sync, 200)) {
        if (r.status != QLatin1String("running"))
            continue;
        const auto holder = state.value()->lockHolder(engine::syncLockName(r.sync));
        if (!holder || (holder->local && !holder->alive))
            state.value()->closeInterruptedRuns(r.sync);
    }
    QJsonArray runs;
    term::Table table;
    table.header = QCoreApplication::translate("sluice::cli", "started|run|sync|status|changes|delivered|rejected|invalid|error").split(QLatin1Char('|'));
    table.numeric = {4, 5, 6, 7};
    table.toned = 3;
    table.elide = 8;
    table.keep = {1, 2, 3};
    for (const store::RunRecord &r : state.value()->runs(sync, 200)) {
        runs.append(QJsonObject{{QStringLiteral("run_id"), r.id},
                                {QStringLiteral("sync"), r.sync},
                                {QStringLiteral("status"), r.status},
                                {QStringLiteral("started_at"), r.startedAt.toString(Qt::ISODateWithMs)},
                                {QStringLiteral("finished_at"), r.finishedAt.isValid() ? QJsonValue(r.finishedAt.toString(Qt::ISODateWithMs)) : QJsonValue()},
                                {QStringLiteral("counts"), r.counts},
                                {QStringLiteral("metrics"), r.metrics},
                                {QStringLiteral("error"), r.error.isEmpty() ? QJsonValue() : QJsonValue(r.error)}});
        const QJsonObject c = r.counts;
        auto count = [&c](const char *name) { return term::number(c.value(QLatin1String(name)).toInteger()); };
        QStringList row{r.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), r.id, r.sync, r.status,
                        QStringLiteral("+%1 ~%2 -%3").arg(count("added"), count("changed"), count("removed"))};
        for (const char *name : {"delivered", "rejected", "invalid"})
            row.append(count(name));
        row.append(r.error);
        table.rows.append(row);
        table.tones.append(r.status == QLatin1String("succeeded") ? term::Tone::Good
                           : r.status == QLatin1String("partial") ? term::Tone::Warn
                           : r.status == QLatin1String("running") ? term::Tone::Dim
                                                                  : term::Tone::Bad);
    }
    if (!table.rows.isEmpty())
        say(table.render());
    if (args.json())
        printJson(QJsonObject{{QStringLiteral("runs"), runs}});
    if (runs.isEmpty())
        say(QCoreApplication::translate("sluice::cli", "no runs yet"));
    return ExitOk;
}

int runRejections(const Arguments &args)
{
    auto opened = openSyncVerb(args);
    if (const int *code = std::get_if<int>(&opened))
        return *code;
    SyncVerb &verb = std::get<SyncVerb>(opened);
    const QString &sync = verb.sync;
    const bool all = args.flags.contains(QStringLiteral("all"));
    const QString runId = args.options.value(QStringLiteral("run"));
    const QList<store::RunRecord> history = verb.store->runs(sync, 1);
    if (const auto named = runId.isEmpty() ? std::nullopt : verb.store->run(runId); !runId.isEmpty() && (!named || named->sync != sync))
        return fail(configError(QCoreApplication::translate("sluice::cli", "sync %1: no run %2; its runs are listed by: sluice runs %1").arg(sync, runId)));
    QJsonArray out;
    term::Table table;
    table.header = QCoreApplication::translate("sluice::cli", "key|kind|attempts|first seen|reason").split(QLatin1Char('|'));
    table.numeric = {2};
    table.toned = 1;
    table.elide = 4;
    table.keep = {0};
    QList<store::StateStore::Rejection> list = runId.isEmpty() ? verb.store->rejections(sync, all) : QList<store::StateStore::Rejection>();
    if (!runId.isEmpty()) {
        // A past run's records as that run left them, from the ledger; attempts and first sighting from the open list.
        QHash<QString, store::StateStore::Rejection> current;
        for (const store::StateStore::Rejection &r : verb.store->rejections(sync, true))
            current.insert(r.key, r);
        for (const store::StateStore::LedgerEntry &e : verb.store->heldInRun(sync, runId)) {
            const store::StateStore::Rejection now = current.value(e.key);
            list.append({e.key, e.outcome, e.reason, runId, qMax(1, now.attempts), now.firstSeen.isValid() ? now.firstSeen : e.at,
                         now.resolvedRun});
        }
    }
    for (const store::StateStore::Rejection &r : list) {
        QJsonObject o{{QStringLiteral("key"), r.key},
                      {QStringLiteral("kind"), r.kind},
                      {QStringLiteral("reason"), r.reason},
                      {QStringLiteral("run_id"), r.runId},
                      {QStringLiteral("attempts"), r.attempts},
                      {QStringLiteral("first_seen"), r.firstSeen.toString(Qt::ISODateWithMs)}};
        if (all)
            o.insert(QStringLiteral("delivered_run"), r.resolvedRun.isEmpty() ? QJsonValue() : QJsonValue(r.resolvedRun));
        out.append(o);
        table.rows.append({r.key, r.kind, term::number(r.attempts), r.firstSeen.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                           r.resolvedRun.isEmpty() ? r.reason : QCoreApplication::translate("sluice::cli", "%1 (delivered in %2)").arg(r.reason, r.resolvedRun)});
        table.tones.append(r.resolvedRun.isEmpty() ? (r.kind == QLatin1String("rejected") ? term::Tone::Bad : term::Tone::Warn) : term::Tone::Good);
    }
    if (!table.rows.isEmpty())
        say(table.render());
    if (args.json())
        printJson(QJsonObject{{QStringLiteral("sync"), sync},
                              {QStringLiteral("rejections"), out},
                              {QStringLiteral("last_run"), history.isEmpty() ? QJsonValue() : QJsonValue(history.first().id)}});
    if (history.isEmpty())
        say(QCoreApplication::translate("sluice::cli", "sync %1 has not run yet: nothing was sent, so nothing was rejected; "
                                        "see what it would send with: sluice plan %1").arg(sync));
    else if (list.isEmpty() && !runId.isEmpty())
        say(QCoreApplication::translate("sluice::cli", "sync %1: run %2 held back no record").arg(sync, runId));
    else if (list.isEmpty())
        say(QCoreApplication::translate("sluice::cli", "sync %1: every record is in the destination; nothing held back").arg(sync));
    return ExitOk;
}

int runHistory(const Arguments &args)
{
    auto opened = openSyncVerb(args);
    if (const int *code = std::get_if<int>(&opened))
        return *code;
    SyncVerb &verb = std::get<SyncVerb>(opened);
    const QString &sync = verb.sync;
    const QString key = args.positional.at(1);
    const QList<store::StateStore::LedgerEntry> events = verb.store->history(sync, key);
    QJsonArray out;
    const QLocale locale;
    bool inDestination = false;
    for (const store::StateStore::LedgerEntry &e : events) {
        QJsonObject o{{QStringLiteral("run_id"), e.runId},
                      {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                      {QStringLiteral("op"), e.op},
                      {QStringLiteral("outcome"), e.outcome},
                      {QStringLiteral("reason"), e.reason.isEmpty() ? QJsonValue() : QJsonValue(e.reason)},
                      {QStringLiteral("payload_hash"), e.payloadHash.isEmpty() ? QJsonValue() : QJsonValue(e.payloadHash)}};
        if (!e.payload.isEmpty())
            o.insert(QStringLiteral("payload"), QJsonDocument::fromJson(e.payload).object());
        out.append(o);
        if (e.outcome == QLatin1String("delivered"))
            inDestination = e.op != QLatin1String("delete");
        say(QCoreApplication::translate("sluice::cli", "%1  run %2  %3 %4%5")
                .arg(locale.toString(e.at.toLocalTime(), QLocale::ShortFormat), e.runId, e.op, e.outcome,
                     e.reason.isEmpty() ? QString() : QStringLiteral(": ") + e.reason));
    }
    if (events.isEmpty())
        say(QCoreApplication::translate("sluice::cli", "sync %1: no send of record %2 is on record (the ledger keeps %3 days); "
                                        "the key is the model's primary key as text, composite keys joined with |")
                .arg(sync, key)
                .arg(verb.ws.config().ledgerRetentionDays));
    else
        say(inDestination ? QCoreApplication::translate("sluice::cli", "record %1 is in the destination").arg(key)
                          : QCoreApplication::translate("sluice::cli", "record %1 is not in the destination").arg(key));
    if (args.json())
        printJson(QJsonObject{{QStringLiteral("sync"), sync},
                              {QStringLiteral("key"), key},
                              {QStringLiteral("in_destination"), inDestination},
                              {QStringLiteral("events"), out}});
    return ExitOk;
}

int runUnlock(const Arguments &args)
{
    auto opened = openSyncVerb(args);
    if (const int *code = std::get_if<int>(&opened))
        return *code;
    SyncVerb &verb = std::get<SyncVerb>(opened);
    const QString &sync = verb.sync;
    const QString lock = engine::syncLockName(sync);
    const std::optional<store::StateStore::LockHolder> holder = verb.store->lockHolder(lock);
    auto report = [&](bool cleared) {
        QJsonObject o{{QStringLiteral("sync"), sync}, {QStringLiteral("cleared"), cleared}};
        if (holder)
            o.insert(QStringLiteral("holder"), QJsonObject{{QStringLiteral("pid"), double(holder->pid)},
                                                           {QStringLiteral("host"), holder->host},
                                                           {QStringLiteral("since"), holder->since.toString(Qt::ISODateWithMs)}});
        if (args.json())
            printJson(o);
    };
    if (!holder) {
        say(QCoreApplication::translate("sluice::cli", "sync %1 is not locked").arg(sync));
        report(false);
        return ExitOk;
    }
    const QString who = QCoreApplication::translate("sluice::cli", "process %1 on %2 since %3").arg(holder->pid).arg(holder->host, holder->since.toLocalTime().toString(Qt::ISODate));
    if (holder->alive)
        return fail({QCoreApplication::translate("sluice::cli", "sync %1 is running now (%2); stop that run instead of clearing its lock").arg(sync, who),
                     Error::Kind::Refused});
    if (!args.flags.contains(QStringLiteral("yes"))) {
        const QString question = holder->local ? QCoreApplication::translate("sluice::cli", "sync %1 is locked by %2, which is no longer running. Clear the lock? [y/N] ")
                                               : QCoreApplication::translate("sluice::cli", "sync %1 is locked by %2, another host: Sluice cannot tell whether it still runs there. "
                                                                             "Clear the lock only if it does not. Clear it? [y/N] ");
        std::fputs(question.arg(sync, who).toLocal8Bit().constData(), stderr);
        std::fflush(stderr);
        char answer[16] = {};
        if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y')) {
            say(QCoreApplication::translate("sluice::cli", "the lock was kept (to clear it without asking: sluice unlock %1 --yes)").arg(sync));
            printErrorJson(QCoreApplication::translate("sluice::cli", "sync %1: the lock was kept; nothing was confirmed").arg(sync), QStringLiteral("sync ") + sync);
            return ExitUsage;
        }
    }
    if (Result<void> r = verb.store->clearLock(lock); !r)
        return fail(r.error());
    (void)verb.store->appendAudit(QStringLiteral("cli"), QStringLiteral("unlock"), QStringLiteral("sync ") + sync, who);
    say(QCoreApplication::translate("sluice::cli", "sync %1: lock of %2 cleared").arg(sync, who));
    report(true);
    return ExitOk;
}

} // namespace sluice::cli
