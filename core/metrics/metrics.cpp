#include "metrics/metrics.h"

#include "common/sync_types.h"
#include "store/state_store.h"

#include <QJsonValue>
#include <QRegularExpression>

#include <algorithm>

namespace sluice::metrics {

namespace {

// The sums a sync's measures come from; the workspace adds syncs' tallies.
struct Tally
{
    qint64 runs = 0, succeeded = 0, partial = 0;
    qint64 delivered = 0, rejected = 0, invalid = 0;
    qint64 matched = 0, matchSent = 0; // only runs whose destination reported matches
    qint64 drift = 0;
    std::optional<QDateTime> lagAt;    // when the lag below was measured (its run's start)
    std::optional<qint64> lag;
    std::optional<QDateTime> pendingSince; // the first failing run since the last delivering one that had changes to send
    std::optional<qint64> undelivered;     // see undeliveredLag
    QList<qint64> detect, resolve;     // seconds, per incident

    void add(const Tally &o)
    {
        runs += o.runs, succeeded += o.succeeded, partial += o.partial;
        delivered += o.delivered, rejected += o.rejected, invalid += o.invalid;
        matched += o.matched, matchSent += o.matchSent, drift += o.drift;
        if (o.lag && (!lag || *o.lag > *lag)) // the workspace is as stale as its stalest sync
            lag = o.lag, lagAt = o.lagAt;
        if (o.undelivered && (!undelivered || *o.undelivered > *undelivered))
            undelivered = o.undelivered;
        detect += o.detect;
        resolve += o.resolve;
    }
};

std::optional<double> ratio(qint64 part, qint64 whole)
{
    return whole > 0 ? std::optional<double>(double(part) / double(whole)) : std::nullopt;
}

std::optional<qint64> mean(const QList<qint64> &values)
{
    if (values.isEmpty())
        return std::nullopt;
    qint64 sum = 0;
    for (qint64 v : values)
        sum += v;
    return sum / values.size();
}

qint64 count(const QJsonObject &counts, const char *key)
{
    return counts.value(QLatin1String(key)).toInteger();
}

// The records whose match a run judged. A destination that says per record
// whether it already held it (a file, HubSpot, Salesforce) judges
// those expected to be there: keys this sync delivered before, and every
// record sent to update; the run records their number as match_sent. An ad
// platform that reports matches of its own judges everything it was sent.
qint64 matchSent(const store::RunRecord &r)
{
    const QJsonValue judged = r.metrics.value(QStringLiteral("match_sent"));
    if (judged.isDouble())
        return judged.toInteger();
    return count(r.counts, "delivered") + count(r.counts, "rejected");
}

// Whether a failed run left changes undelivered: it planned some, or it
// failed before it could tell (then, as far as anyone knows, it did).
bool hadChanges(const store::RunRecord &r)
{
    if (r.counts.isEmpty())
        return true;
    return count(r.counts, "added") + count(r.counts, "changed") + count(r.counts, "removed") > count(r.counts, "delivered");
}

// The lag of the oldest change still not at the destination, at `until`:
// since the first failing run (after the last delivering one) that had
// changes to send, or since the oldest record still held back (invalid or
// rejected), whichever is older. None when nothing waits.
std::optional<qint64> undeliveredLag(const std::optional<QDateTime> &pendingSince, const QDateTime &oldestHeld, const QDateTime &until)
{
    std::optional<QDateTime> from = pendingSince;
    if (oldestHeld.isValid() && oldestHeld < until && (!from || oldestHeld < *from))
        from = oldestHeld;
    if (!from)
        return std::nullopt;
    return qMax<qint64>(0, from->secsTo(until));
}

// Freshness lag of one delivering run: the run records it from the model's
// freshness column (newest change to delivery finished); without one, the
// data is as old as the run's start when delivery finished.
std::optional<qint64> freshnessLag(const store::RunRecord &r)
{
    const QJsonValue recorded = r.metrics.value(QStringLiteral("freshness_lag_s"));
    if (recorded.isDouble())
        return recorded.toInteger();
    if (r.startedAt.isValid() && r.finishedAt.isValid())
        return r.startedAt.secsTo(r.finishedAt);
    return std::nullopt;
}

// Incidents: a failing run opens one (unless one is open); the next
// succeeded run closes it. Detection is when the first failing run was
// recorded as failed (its end; no alerting yet adds a delay); resolution is
// when the succeeding run finished. An incident counts toward MTTD when it
// began in the window, toward MTTR when it was resolved in it.
void incidents(const QList<store::RunRecord> &oldestFirst, const QDateTime &since, const QDateTime &until, const QList<QDateTime> &alerted, Tally &t)
{
    std::optional<store::RunRecord> opened;
    for (const store::RunRecord &r : oldestFirst) {
        const std::optional<RunStatus> status = runStatusFrom(r.status);
        if (status == RunStatus::Failed && !opened) {
            opened = r;
            // Detected when the first alert for it fired; without alerts, when the run was recorded as failed.
            const auto alert = std::lower_bound(alerted.begin(), alerted.end(), r.startedAt);
            const QDateTime detected = alert != alerted.end() ? *alert : r.finishedAt;
            if (r.startedAt >= since && r.startedAt < until && detected.isValid())
                t.detect.append(r.startedAt.secsTo(detected));
        } else if (status == RunStatus::Succeeded && opened) {
            if (r.finishedAt.isValid() && r.finishedAt >= since && r.finishedAt < until)
                t.resolve.append(opened->startedAt.secsTo(r.finishedAt));
            opened.reset();
        }
    }
}

Tally tally(const QList<store::RunRecord> &newestFirst, const QDateTime &since, const QDateTime &until, const QList<QDateTime> &alerted = {})
{
    Tally t;
    QList<store::RunRecord> oldestFirst(newestFirst.rbegin(), newestFirst.rend());
    for (const store::RunRecord &r : std::as_const(oldestFirst)) {
        const std::optional<RunStatus> status = runStatusFrom(r.status);
        if (status == RunStatus::Running || r.startedAt < since || r.startedAt >= until)
            continue;
        ++t.runs;
        t.succeeded += status == RunStatus::Succeeded;
        t.partial += status == RunStatus::Partial;
        t.delivered += count(r.counts, "delivered");
        t.rejected += count(r.counts, "rejected");
        t.invalid += count(r.counts, "invalid");
        if (r.metrics.contains(QStringLiteral("matched"))) {
            t.matched += r.metrics.value(QStringLiteral("matched")).toInteger();
            t.matchSent += matchSent(r);
        }
        t.drift += r.metrics.contains(QStringLiteral("schema_drift"));
        if (status == RunStatus::Succeeded || status == RunStatus::Partial) {
            t.lag = freshnessLag(r);
            t.lagAt = r.startedAt;
        }
    }
    // Changes waiting since a failure: runs before the window count too.
    for (const store::RunRecord &r : std::as_const(oldestFirst)) {
        const std::optional<RunStatus> status = runStatusFrom(r.status);
        if (r.startedAt >= until)
            break;
        if (status == RunStatus::Succeeded || status == RunStatus::Partial)
            t.pendingSince.reset();
        else if (status == RunStatus::Failed && !t.pendingSince && hadChanges(r))
            t.pendingSince = r.startedAt;
    }
    incidents(oldestFirst, since, until, alerted, t);
    return t;
}

Measures measuresOf(const Tally &t)
{
    Measures m;
    m.runs = t.runs;
    m.successRate = ratio(t.succeeded, t.runs);
    m.partialRate = ratio(t.partial, t.runs);
    m.freshnessLagSeconds = t.lag;
    m.matchRate = ratio(t.matched, t.matchSent);
    m.rejectionRate = ratio(t.rejected, t.delivered + t.rejected);
    m.invalidRate = ratio(t.invalid, t.invalid + t.delivered + t.rejected);
    m.driftIncidents = t.drift;
    m.mttdSeconds = mean(t.detect);
    m.mttrSeconds = mean(t.resolve);
    m.undeliveredLagSeconds = t.undelivered;
    return m;
}

template<typename T>
QJsonValue orNull(const std::optional<T> &v)
{
    return v ? QJsonValue(double(*v)) : QJsonValue();
}

} // namespace

QJsonObject Measures::toJson() const
{
    return QJsonObject{{QStringLiteral("runs"), double(runs)},
                       {QStringLiteral("success_rate"), orNull(successRate)},
                       {QStringLiteral("partial_rate"), orNull(partialRate)},
                       {QStringLiteral("freshness_lag_s"), orNull(freshnessLagSeconds)},
                       {QStringLiteral("undelivered_lag_s"), orNull(undeliveredLagSeconds)},
                       {QStringLiteral("match_rate"), orNull(matchRate)},
                       {QStringLiteral("rejection_rate"), orNull(rejectionRate)},
                       {QStringLiteral("invalid_rate"), orNull(invalidRate)},
                       {QStringLiteral("drift_incidents"), double(driftIncidents)},
                       {QStringLiteral("mttd_s"), orNull(mttdSeconds)},
                       {QStringLiteral("mttr_s"), orNull(mttrSeconds)}};
}

QJsonObject Report::toJson() const
{
    QJsonObject perSync;
    for (auto it = syncs.begin(); it != syncs.end(); ++it)
        perSync.insert(it.key(), it.value().toJson());
    return QJsonObject{{QStringLiteral("since"), since.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("until"), until.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("workspace"), workspace.toJson()},
                       {QStringLiteral("syncs"), perSync}};
}

Measures measure(const QList<store::RunRecord> &runs, const QDateTime &since, const QDateTime &until)
{
    return measuresOf(tally(runs, since, until));
}

Report report(const store::StateStore &store, const QStringList &syncs, const QDateTime &since, const QDateTime &until)
{
    Report r;
    r.since = since;
    r.until = until;
    Tally all;
    for (const QString &sync : syncs) {
        // The window's runs, and those since the last success before it:
        // an incident that began earlier is resolved (or still open) in it.
        const QDateTime settled = store.lastSucceededBefore(sync, since);
        const QDateTime from = settled.isValid() ? settled : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
        QList<QDateTime> alerted; // when a failed run's alert fired, oldest first
        for (const store::StateStore::AlertEvent &e : store.alertEvents(sync, from, 100000))
            if (e.rule == QLatin1String("run_failed") && e.kind == QLatin1String("fired"))
                alerted.prepend(e.at);
        Tally t = tally(store.runsBetween(sync, from, until), since, until, alerted);
        t.undelivered = undeliveredLag(t.pendingSince, store.oldestHeld(sync), until);
        r.syncs.insert(sync, measuresOf(t));
        all.add(t);
    }
    r.workspace = measuresOf(all);
    return r;
}

Series series(const store::StateStore &store, const QString &sync, const QDateTime &since, const QDateTime &until, int buckets)
{
    Series s;
    s.bucketSeconds = qMax<qint64>(60, since.secsTo(until) / qMax(1, buckets));
    for (const store::StateStore::RunBucket &b : store.runBuckets(sync, since, until, s.bucketSeconds)) {
        SeriesPoint p;
        p.at = since.addSecs(b.index * s.bucketSeconds);
        p.runs = b.runs;
        p.succeeded = b.succeeded;
        p.partial = b.partial;
        p.failed = b.failed;
        p.successRate = ratio(b.succeeded, b.runs);
        p.rejectionRate = ratio(b.rejected, b.delivered + b.rejected);
        p.matchRate = ratio(b.matched, b.matchSent);
        p.freshnessLagSeconds = b.maxFreshnessLagSeconds;
        s.points.append(p);
    }
    for (const store::StateStore::RunEvent &e : store.runEvents(sync, since, until))
        s.markers.append({e.at, e.sync, e.drift, e.detail});
    return s;
}

std::optional<qint64> parseWindow(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,5})(h|d)$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch() || m.captured(1).toLongLong() == 0)
        return std::nullopt;
    return m.captured(1).toLongLong() * (m.captured(2) == QLatin1String("h") ? 3600 : 86400);
}

} // namespace sluice::metrics
