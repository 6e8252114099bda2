#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// A synthetic run history written straight into a state database, for the
// dashboard's tests, benchmark and screenshots: each sync runs every `step`
// minutes up to `until`; most runs succeed with a few rejections and a
// freshness lag of minutes; a failure episode (three runs, 45 minutes)
// two days before `until`, then a recovery; a schema drift one day before;
// destinations that report matches say so in `matched`. Deterministic.
namespace sluice::test {

struct HistoryOptions
{
    QStringList syncs;
    QDateTime until;
    int days = 7;
    int stepMinutes = 60;
    bool failureEpisode = true;
    bool drift = true;
};

// Returns the number of runs written; the database is created if needed.
qint64 writeRunHistory(const QString &stateDbPath, const HistoryOptions &options);

} // namespace sluice::test
