#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace sluice::store {
struct RunRecord;
class StateStore;
} // namespace sluice::store

// The reliability measures an operator reads to decide whether syncs can be
// trusted, computed from the run history in the state database. Each is
// defined once, here; a measure that cannot be computed yet is empty (null
// in JSON), never a made-up zero.
namespace sluice::metrics {

struct Measures
{
    qint64 runs = 0;                        // finished runs in the window ("running" ones are not counted)
    std::optional<double> successRate;      // succeeded / runs; partial runs count against it
    std::optional<double> partialRate;      // partial / runs, so "not a success" reads apart from "failed"
    std::optional<qint64> freshnessLagSeconds; // the latest delivering run's lag (see freshnessLag)
    std::optional<qint64> undeliveredLagSeconds; // the oldest change still not at the destination (see undeliveredLag); none when nothing waits
    std::optional<double> matchRate;        // matched / judged: of the records expected at the destination, the share it held (see matchSent)
    std::optional<double> rejectionRate;    // rejected / sent (sent = delivered + rejected)
    std::optional<double> invalidRate;      // invalid / (invalid + sent)
    qint64 driftIncidents = 0;              // runs whose model schema changed from the run before
    std::optional<qint64> mttdSeconds;      // mean time to detect a failure: its first failing run's start to its first alert (see incidents)
    std::optional<qint64> mttrSeconds;      // mean time to resolve one

    QJsonObject toJson() const;
};

struct Report
{
    QDateTime since;
    QDateTime until;
    Measures workspace;
    QMap<QString, Measures> syncs;

    QJsonObject toJson() const; // DESIGN.md's metrics --json document
};

// One sync's measures over [since, until), from its runs (newest first, as
// the state store returns them; runs before `since` are read too, so an
// incident that began earlier is resolved in the window).
Measures measure(const QList<store::RunRecord> &runs, const QDateTime &since, const QDateTime &until);

// The workspace's measures: counts summed over syncs, rates recomputed from
// the sums, freshness lag the worst of the syncs', MTTD and MTTR over every
// sync's incidents.
Report report(const store::StateStore &store, const QStringList &syncs, const QDateTime &since, const QDateTime &until);

// The success rate a sync is held to on the dashboard (the other limits are
// its alert rules, core/alerts).
struct Limits
{
    double successRate = 0.95;
};

// A chart's worth of history: per time bucket (about `buckets` of them over
// [since, until)), the same definitions as Measures, summed in SQL.
struct SeriesPoint
{
    QDateTime at; // the bucket's start
    qint64 runs = 0, succeeded = 0, partial = 0, failed = 0;
    std::optional<double> successRate;
    std::optional<double> rejectionRate;
    std::optional<double> matchRate;
    std::optional<qint64> freshnessLagSeconds; // the worst of the bucket's delivering runs
};
struct Marker
{
    QDateTime at;
    QString sync;
    bool drift = false; // else a failed run
    QString detail;
};
struct Series
{
    qint64 bucketSeconds = 0;
    QList<SeriesPoint> points; // buckets with runs only
    QList<Marker> markers;
};
// `sync` empty: every sync of the workspace together.
Series series(const store::StateStore &store, const QString &sync, const QDateTime &since, const QDateTime &until, int buckets = 240);

// "24h", "7d", "30d" (any number of h or d) as seconds; nullopt when unreadable.
std::optional<qint64> parseWindow(const QString &text);

} // namespace sluice::metrics
