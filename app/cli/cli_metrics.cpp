// sluice metrics: the reliability measures per sync and for the workspace.
#include "cli/cli_support.h"
#include "cli/terminal.h"
#include "engine/sync_engine.h"
#include "metrics/metrics.h"
#include "store/state_store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace sluice::cli {

namespace {

QString rate(const std::optional<double> &r)
{
    if (!r)
        return QCoreApplication::translate("sluice::cli", "n/a");
    if (*r > 0 && *r < 0.001)
        return QCoreApplication::translate("sluice::cli", "<0.1 %");
    return QLocale().toString(*r * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString duration(const std::optional<qint64> &seconds)
{
    if (!seconds)
        return QCoreApplication::translate("sluice::cli", "n/a");
    const qint64 s = *seconds;
    if (s < 60)
        return QCoreApplication::translate("sluice::cli", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("sluice::cli", "%1 min %2 s").arg(s / 60).arg(s % 60);
    if (s < 86400)
        return QCoreApplication::translate("sluice::cli", "%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
    return QCoreApplication::translate("sluice::cli", "%1 d %2 h").arg(s / 86400).arg((s % 86400) / 3600);
}

void sayMeasures(const QString &who, const metrics::Measures &m)
{
    const QString waiting = m.undeliveredLagSeconds ? QCoreApplication::translate("sluice::cli", " · oldest undelivered change %1").arg(duration(m.undeliveredLagSeconds)) : QString();
    say(QCoreApplication::translate("sluice::cli", "%1\n  runs %2 · success %3 (partial %4) · freshness lag %5%12\n  rejected %6 · invalid %7 · matched %8 · drift incidents %9\n"
           "  time to detect %10 · time to resolve %11")
            .arg(who, QLocale().toString(m.runs), rate(m.successRate), rate(m.partialRate), duration(m.freshnessLagSeconds),
                 rate(m.rejectionRate), rate(m.invalidRate), rate(m.matchRate), QLocale().toString(m.driftIncidents))
            .arg(duration(m.mttdSeconds), duration(m.mttrSeconds), waiting));
}

} // namespace

int runMetrics(const Arguments &args)
{
    const QString window = args.options.value(QStringLiteral("since"), QStringLiteral("7d"));
    const std::optional<qint64> seconds = metrics::parseWindow(window);
    if (!seconds)
        return usageError(QCoreApplication::translate("sluice::cli", "metrics: --since takes a window such as 24h, 7d or 30d, not \"%1\"").arg(window));
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws)
        return fail(ws.error());
    QStringList syncs = ws->config().syncs.keys();
    if (!args.positional.isEmpty()) {
        if (Result<void> known = engine::requireSync(ws.value(), args.positional.first()); !known)
            return fail(known.error());
        syncs = {args.positional.first()};
    }
    Result<std::unique_ptr<store::StateStore>> state = store::StateStore::open(ws->stateDbPath());
    if (!state)
        return fail(state.error());
    const QDateTime until = QDateTime::currentDateTimeUtc();
    const metrics::Report report = metrics::report(*state.value(), syncs, until.addSecs(-*seconds), until);
    if (args.json())
        printJson(report.toJson());
    sayMeasures(QCoreApplication::translate("sluice::cli", "Workspace, last %1").arg(window), report.workspace);
    for (auto it = report.syncs.begin(); it != report.syncs.end(); ++it)
        sayMeasures(QCoreApplication::translate("sluice::cli", "sync %1").arg(it.key()), it.value());
    if (report.workspace.runs == 0)
        say(QCoreApplication::translate("sluice::cli", "No run finished in the last %1: measures appear once syncs have run (sluice run SYNC).").arg(window));
    return ExitOk;
}

int runAlerts(const Arguments &args)
{
    const QString window = args.options.value(QStringLiteral("since"), QStringLiteral("7d"));
    const std::optional<qint64> seconds = metrics::parseWindow(window);
    if (!seconds)
        return usageError(QCoreApplication::translate("sluice::cli", "alerts: --since takes a window such as 24h, 7d or 30d, not \"%1\"").arg(window));
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws)
        return fail(ws.error());
    const QString sync = args.positional.value(0);
    if (!sync.isEmpty())
        if (Result<void> known = engine::requireSync(ws.value(), sync); !known)
            return fail(known.error());
    Result<std::unique_ptr<store::StateStore>> state = store::StateStore::open(ws->stateDbPath());
    if (!state)
        return fail(state.error());
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-*seconds);
    QJsonArray events, firing;
    term::Table table;
    table.header = QCoreApplication::translate("sluice::cli", "at|sync|rule|notice|message|webhooks").split(QLatin1Char('|'));
    table.toned = 3;
    table.elide = 4;
    table.keep = {1, 2, 3};
    for (const store::StateStore::AlertEvent &e : state.value()->alertEvents(sync, since)) {
        events.append(QJsonObject{{QStringLiteral("at"), e.at.toUTC().toString(Qt::ISODateWithMs)}, {QStringLiteral("sync"), e.sync},
                                  {QStringLiteral("rule"), e.rule}, {QStringLiteral("kind"), e.kind}, {QStringLiteral("message"), e.message},
                                  {QStringLiteral("run_id"), e.runId}, {QStringLiteral("delivered"), e.delivered}, {QStringLiteral("delivery"), e.delivery}});
        table.rows.append({e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), e.sync, e.rule, e.kind, e.message,
                           e.delivered ? QCoreApplication::translate("sluice::cli", "delivered") : e.delivery});
        table.tones.append(e.kind == QLatin1String("recovered") ? term::Tone::Good : e.kind == QLatin1String("flapping") ? term::Tone::Warn : term::Tone::Bad);
    }
    QStringList now;
    for (const store::StateStore::AlertState &a : state.value()->alertStates(sync))
        if (a.firing) {
            firing.append(QJsonObject{{QStringLiteral("sync"), a.sync}, {QStringLiteral("rule"), a.rule}, {QStringLiteral("since"), a.since.toUTC().toString(Qt::ISODateWithMs)}});
            now.append(QCoreApplication::translate("sluice::cli", "%1 %2 (since %3)").arg(a.sync, a.rule, a.since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        }
    if (args.json())
        printJson(QJsonObject{{QStringLiteral("since"), since.toString(Qt::ISODate)}, {QStringLiteral("alerts"), events}, {QStringLiteral("firing"), firing}});
    if (!table.rows.isEmpty())
        say(table.render());
    else
        say(QCoreApplication::translate("sluice::cli", "No alert in the last %1.").arg(window));
    say(now.isEmpty() ? QCoreApplication::translate("sluice::cli", "No rule is failing now.") : QCoreApplication::translate("sluice::cli", "Failing now: %1").arg(now.join(QStringLiteral(", "))));
    return ExitOk;
}

} // namespace sluice::cli
