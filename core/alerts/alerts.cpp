#include "alerts/alerts.h"

#include "common/logging.h"
#include "common/sync_types.h"
#include "destination/http_delivery.h"
#include "schedule/schedule.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QThread>

#include <algorithm>

namespace sluice::alerts {

namespace {

// A rule's limit from JSON: false turns it off; a missing key keeps the default.
template <class T>
void limit(const QJsonObject &o, const char *key, std::optional<T> &into, const std::function<std::optional<T>(const QJsonValue &)> &read)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return;
    into = v.isBool() ? std::nullopt : read(v);
}

void overlay(Rules &r, const QJsonObject &o)
{
    r.runFailed = o.value(QStringLiteral("run_failed")).toBool(r.runFailed);
    r.schemaDrift = o.value(QStringLiteral("schema_drift")).toBool(r.schemaDrift);
    const std::function<std::optional<double>(const QJsonValue &)> share = [](const QJsonValue &v) { return std::optional<double>(v.toDouble()); };
    limit<double>(o, "rejection_rate_above", r.rejectionRateAbove, share);
    limit<double>(o, "match_rate_below", r.matchRateBelow, share);
    limit<double>(o, "row_count_change_above", r.rowCountChangeAbove, share);
    limit<qint64>(o, "freshness_lag_above", r.freshnessLagAboveSeconds,
                  [](const QJsonValue &v) { return schedule::Schedule::parseDuration(v.toString()); });
}

QString percent(double share)
{
    return QLocale::c().toString(share * 100.0, 'f', share < 0.01 ? 2 : 1) + QStringLiteral(" %");
}

QString duration(qint64 seconds)
{
    if (seconds < 3600)
        return QCoreApplication::translate("sluice::alerts", "%1 min").arg(seconds / 60);
    if (seconds < 2 * 86400)
        return QCoreApplication::translate("sluice::alerts", "%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return QCoreApplication::translate("sluice::alerts", "%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

qint64 count(const QJsonObject &counts, const char *key)
{
    return counts.value(QLatin1String(key)).toInteger();
}

} // namespace

Rules rulesFor(const workspace::Workspace &workspace, const QString &sync)
{
    Rules r;
    overlay(r, workspace.config().alerts.value(QStringLiteral("rules")).toObject());
    overlay(r, workspace.config().syncs.value(sync).raw.value(QStringLiteral("alerts")).toObject());
    return r;
}

QString toString(Notice notice)
{
    switch (notice) {
    case Notice::None: return QStringLiteral("none");
    case Notice::Fired: return QStringLiteral("fired");
    case Notice::Recovered: return QStringLiteral("recovered");
    case Notice::Repeated: return QStringLiteral("repeated");
    case Notice::Flapping: return QStringLiteral("flapping");
    }
    return {};
}

Notice noticeFrom(const QString &kind)
{
    for (Notice n : {Notice::Fired, Notice::Recovered, Notice::Repeated, Notice::Flapping})
        if (toString(n) == kind)
            return n;
    return Notice::None;
}

Notice step(store::StateStore::AlertState &s, bool breached, const QDateTime &now, const Policy &policy)
{
    if (breached == s.firing) {
        if (!breached || !s.lastNotified.isValid())
            return Notice::None;
        // Still failing: remind after an hour, then twice as long each time, at most daily.
        const qint64 pause = std::min(policy.maxRepeatSeconds, policy.firstRepeatSeconds << std::min(s.repeats, 20));
        if (s.lastNotified.secsTo(now) < pause)
            return Notice::None;
        ++s.repeats;
        s.lastNotified = now;
        return Notice::Repeated;
    }
    s.firing = breached;
    s.since = now;
    s.repeats = 0;
    s.transitions.append(now);
    s.transitions.erase(std::remove_if(s.transitions.begin(), s.transitions.end(),
                                       [&](const QDateTime &t) { return t.secsTo(now) > policy.flapWindowSeconds; }),
                        s.transitions.end());
    const int changes = int(s.transitions.size());
    if (changes > policy.flapChanges)
        return Notice::None; // flapping: said once already; quiet until it settles
    if (changes == policy.flapChanges) {
        s.lastNotified = now;
        return Notice::Flapping;
    }
    if (!breached && !s.lastNotified.isValid())
        return Notice::None; // it never fired a notice (first run, or quiet while flapping): nothing to recover from
    s.lastNotified = breached ? now : QDateTime();
    return breached ? Notice::Fired : Notice::Recovered;
}

QList<Check> checks(const Rules &rules, const store::RunRecord &run, const QList<store::RunRecord> &earlier)
{
    QList<Check> out;
    const bool failed = run.status == QLatin1String("failed");
    if (rules.runFailed)
        out.append({QStringLiteral("run_failed"), failed, failed ? QCoreApplication::translate("sluice::alerts", "run %1 failed: %2").arg(run.id, run.error) : QCoreApplication::translate("sluice::alerts", "run %1 succeeded").arg(run.id)});
    if (failed)
        return out; // a failed run says nothing of rates, lag or row counts
    const qint64 delivered = count(run.counts, "delivered"), rejected = count(run.counts, "rejected");
    const qint64 sent = delivered + rejected;
    if (rules.rejectionRateAbove && sent > 0) {
        const double rate = double(rejected) / double(sent);
        out.append({QStringLiteral("rejection_rate_above"), rate > *rules.rejectionRateAbove,
                    QCoreApplication::translate("sluice::alerts", "%1 of %2 records sent were rejected (%3; limit %4)").arg(rejected).arg(sent).arg(percent(rate), percent(*rules.rejectionRateAbove))});
    }
    const qint64 judged = run.metrics.value(QStringLiteral("match_sent")).toInteger(sent);
    if (rules.matchRateBelow && judged > 0 && run.metrics.contains(QStringLiteral("matched"))) {
        const double rate = run.metrics.value(QStringLiteral("matched")).toDouble() / double(judged);
        out.append({QStringLiteral("match_rate_below"), rate < *rules.matchRateBelow,
                    QCoreApplication::translate("sluice::alerts", "the destination matched %1 of the records that should have matched (limit %2)").arg(percent(rate), percent(*rules.matchRateBelow))});
    }
    const QJsonValue lag = run.metrics.value(QStringLiteral("freshness_lag_s"));
    if (rules.freshnessLagAboveSeconds && lag.isDouble())
        out.append({QStringLiteral("freshness_lag_above"), lag.toInteger() > *rules.freshnessLagAboveSeconds,
                    QCoreApplication::translate("sluice::alerts", "freshness lag %1 (limit %2)").arg(duration(lag.toInteger()), duration(*rules.freshnessLagAboveSeconds))});
    QList<double> rows;
    for (const store::RunRecord &r : earlier)
        if (r.status != QLatin1String("failed") && r.metrics.contains(QStringLiteral("model_rows")) && rows.size() < 10)
            rows.append(r.metrics.value(QStringLiteral("model_rows")).toDouble());
    if (rules.rowCountChangeAbove && rows.size() >= 3 && run.metrics.contains(QStringLiteral("model_rows"))) {
        std::sort(rows.begin(), rows.end());
        const double median = rows[rows.size() / 2];
        const double now = run.metrics.value(QStringLiteral("model_rows")).toDouble();
        const double change = median > 0 ? std::abs(now - median) / median : (now > 0 ? 1.0 : 0.0);
        out.append({QStringLiteral("row_count_change_above"), change > *rules.rowCountChangeAbove,
                    QCoreApplication::translate("sluice::alerts", "the model has %1 rows, %2 from the recent median of %3 (limit %4)")
                        .arg(qint64(now)).arg(percent(change)).arg(qint64(median)).arg(percent(*rules.rowCountChangeAbove))});
    }
    if (rules.schemaDrift) {
        const bool drift = run.metrics.contains(QStringLiteral("schema_drift"));
        out.append({QStringLiteral("schema_drift"), drift,
                    drift ? QCoreApplication::translate("sluice::alerts", "the model's columns changed: %1").arg(QString::fromUtf8(QJsonDocument(run.metrics.value(QStringLiteral("schema_drift")).toObject()).toJson(QJsonDocument::Compact)))
                          : QCoreApplication::translate("sluice::alerts", "the model's columns are as before")});
    }
    return out;
}

namespace {

QString noticeWords(const Event &e)
{
    const QString &sync = e.event.sync;
    switch (e.notice) {
    case Notice::Fired: return QCoreApplication::translate("sluice::alerts", "✕ %1: %2").arg(sync, e.event.message);
    case Notice::Recovered: return QCoreApplication::translate("sluice::alerts", "✓ %1 recovered: %2").arg(sync, e.event.message);
    case Notice::Repeated: return QCoreApplication::translate("sluice::alerts", "✕ %1 still failing: %2").arg(sync, e.event.message);
    case Notice::Flapping: return QCoreApplication::translate("sluice::alerts", "≈ %1 keeps changing between failing and healthy (%2); quiet until it settles").arg(sync, e.event.rule);
    case Notice::None: break;
    }
    return e.event.message;
}

// Posts one body to every webhook; says where it went or why it did not.
std::pair<bool, QString> post(const workspace::Workspace &workspace, const QList<Event> &events)
{
    const QJsonArray hooks = workspace.config().alerts.value(QStringLiteral("webhooks")).toArray();
    if (hooks.isEmpty())
        return {false, QCoreApplication::translate("sluice::alerts", "no webhook in sluice.json's \"alerts\"")};
    const QString name = QDir(workspace.dir()).dirName();
    bool all = true;
    QStringList said;
    for (qsizetype i = 0; i < hooks.size(); ++i) {
        const QJsonObject h = hooks[i].toObject();
        const QString owner = QCoreApplication::translate("sluice::alerts", "alert webhook %1").arg(i + 1);
        QString url = h.value(QStringLiteral("url")).toString();
        if (!h.value(QStringLiteral("url")).isString()) {
            Result<QString> secret = workspace.resolveSecret(*workspace::parseSecretRef(h.value(QStringLiteral("url"))), owner);
            if (!secret) {
                all = false;
                said.append(secret.error().message);
                continue;
            }
            url = secret.value();
        }
        destination::HttpRequest request;
        request.url = QUrl(url);
        request.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
        request.body = h.value(QStringLiteral("format")).toString() == QLatin1String("slack") ? slackBody(name, events) : jsonBody(name, events);
        destination::HttpSettings settings;
        settings.timeoutSeconds = 5; // a run waits for its alerts: briefly
        settings.maxAttempts = 2;
        settings.backoffBaseMs = 300;
        settings.maxRetryWaitSeconds = 30;
        const destination::HttpAnswer answer = destination::httpRequestRetried(request, settings);
        const bool ok = answer.status >= 200 && answer.status < 300;
        all = all && ok;
        // Never the URL itself: a Slack webhook URL is a secret.
        said.append(ok ? QCoreApplication::translate("sluice::alerts", "%1: delivered").arg(owner)
                       : QCoreApplication::translate("sluice::alerts", "%1: %2").arg(owner, answer.status == 0 ? answer.networkProblem : QCoreApplication::translate("sluice::alerts", "HTTP %1").arg(answer.status)));
    }
    return {all, said.join(QStringLiteral("; "))};
}

} // namespace

QByteArray slackBody(const QString &workspaceName, const QList<Event> &events)
{
    QStringList lines{QCoreApplication::translate("sluice::alerts", "*Sluice · %1*").arg(workspaceName)};
    for (const Event &e : events)
        lines.append(noticeWords(e));
    return QJsonDocument(QJsonObject{{QStringLiteral("text"), lines.join(QLatin1Char('\n'))}}).toJson(QJsonDocument::Compact);
}

QByteArray jsonBody(const QString &workspaceName, const QList<Event> &events)
{
    QJsonArray list;
    for (const Event &e : events)
        list.append(QJsonObject{{QStringLiteral("kind"), toString(e.notice)},
                                {QStringLiteral("sync"), e.event.sync},
                                {QStringLiteral("rule"), e.event.rule},
                                {QStringLiteral("message"), e.event.message},
                                {QStringLiteral("run_id"), e.event.runId},
                                {QStringLiteral("at"), e.event.at.toUTC().toString(Qt::ISODateWithMs)}});
    return QJsonDocument(QJsonObject{{QStringLiteral("source"), QStringLiteral("sluice")},
                                     {QStringLiteral("workspace"), workspaceName},
                                     {QStringLiteral("alerts"), list}})
        .toJson(QJsonDocument::Compact);
}

QList<Event> evaluate(const workspace::Workspace &workspace, store::StateStore &store, const store::RunRecord &run, const Policy &policy)
{
    QList<Event> events;
    if (run.status == QLatin1String("running") || run.status == QLatin1String("planned"))
        return events;
    QList<store::RunRecord> earlier = store.runs(run.sync, 11);
    earlier.removeIf([&](const store::RunRecord &r) { return r.id == run.id; });
    const QDateTime now = run.finishedAt.isValid() ? run.finishedAt : QDateTime::currentDateTimeUtc();
    for (const Check &c : checks(rulesFor(workspace, run.sync), run, earlier)) {
        store::StateStore::AlertState state = store.alertState(run.sync, c.rule);
        const Notice notice = step(state, c.breached, now, policy);
        if (Result<void> kept = store.saveAlertState(state); !kept)
            qCWarning(lcEngine) << kept.error().message;
        if (notice == Notice::None)
            continue;
        Event e{{0, now, run.sync, c.rule, toString(notice), c.message, run.id, false, {}}, notice};
        if (Result<qint64> id = store.appendAlertEvent(e.event); id)
            e.event.id = id.value();
        events.append(e);
    }
    if (events.isEmpty())
        return events;
    for (const Event &e : std::as_const(events))
        qCInfo(lcEngine).noquote() << "alert" << toString(e.notice) << e.event.sync << e.event.rule << "-" << e.event.message;
    if (workspace.config().alerts.value(QStringLiteral("webhooks")).toArray().isEmpty()) {
        QList<qint64> ids;
        for (Event &e : events) {
            ids.append(e.event.id);
            e.event.delivery = QCoreApplication::translate("sluice::alerts", "no webhook in sluice.json's \"alerts\"");
        }
        (void)store.noteAlertDelivery(ids, false, events.first().event.delivery);
        return events;
    }
    // One post for a burst: this run's notices and those of runs finishing
    // with it. Whoever claims first sends them all; a run whose notices were
    // claimed by another posts nothing.
    if (policy.mergeMs > 0)
        QThread::msleep(ulong(policy.mergeMs));
    const QString claim = QStringLiteral("sending (run %1)").arg(run.id);
    QList<Event> burst;
    for (const store::StateStore::AlertEvent &a : store.claimAlertEvents(claim, now.addSecs(-600)))
        burst.append({a, noticeFrom(a.kind)});
    if (burst.isEmpty())
        return events;
    const auto [delivered, delivery] = post(workspace, burst);
    QList<qint64> ids;
    for (const Event &e : std::as_const(burst))
        ids.append(e.event.id);
    (void)store.noteAlertDelivery(ids, delivered, delivery);
    qCInfo(lcEngine).noquote() << "alerts:" << burst.size() << "notice(s) posted together (" << delivery << ")";
    for (Event &e : events)
        if (ids.contains(e.event.id))
            e.event.delivered = delivered, e.event.delivery = delivery;
    return events;
}

} // namespace sluice::alerts
