#pragma once

#include "common/result.h"
#include "schedule/cron.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QTimeZone>

#include <optional>

// When a sync runs: every N seconds, on a cron expression in a time zone,
// after another sync succeeds, or only by hand. A schedule looks at the
// sync's last run, not at a list of slots: slots missed while the machine
// slept or the agent was down run once on wake, never once per slot.
namespace sluice::schedule {

struct LastRun
{
    QDateTime started;  // invalid: never ran
    QDateTime finished;
    bool succeeded = false;
};

class Schedule final
{
public:
    enum class Kind { Every, Cron, After, Manual };

    // From a sync's "schedule" object ({"every": "15m"}, {"cron": "0 6 * * 1-5", "tz": "Europe/Berlin"},
    // {"after": "SYNC"}, {"manual": true}); an optional "jitter": "30s" spreads syncs due at once.
    static Result<Schedule> from(const QJsonObject &json, const QString &sync);
    static std::optional<qint64> parseDuration(const QString &text); // "90s", "15m", "2h", "1d"

    Kind kind() const { return m_kind; }
    QString parent() const { return m_parent; }

    // When the sync is next due given its last run (and, for `after`, its
    // parent's); `since` is when the schedule began to be watched (a cron
    // sync that never ran waits for its first slot after it). Invalid: not
    // scheduled (manual, or waiting for a parent that has not succeeded).
    QDateTime nextDue(const LastRun &own, const LastRun &parent, const QDateTime &since) const;
    QString describe() const;

private:
    qint64 jitterSeconds() const;

    Kind m_kind = Kind::Manual;
    QString m_sync;
    qint64 m_everySeconds = 0;
    std::optional<CronExpression> m_cron;
    QTimeZone m_zone = QTimeZone::utc();
    QString m_parent;
    qint64 m_jitter = 0;
};

} // namespace sluice::schedule
