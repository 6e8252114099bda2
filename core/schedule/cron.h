#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QTimeZone>

#include <bitset>

// Five-field cron expressions (minute hour day-of-month month day-of-week)
// with lists, ranges, steps and names, evaluated in a time zone.
//
// Days: when both day fields are restricted a day matches if either does
// (the classic cron rule); `*` in one of them leaves the other to decide.
// Day of week 0 and 7 are Sunday.
//
// Daylight saving: a local time that does not exist (the spring-forward
// gap) runs at the first instant after the gap; a local time that happens
// twice (the fall-back hour) runs once, at its first occurrence.
namespace sluice::schedule {

class CronExpression final
{
public:
    static Result<CronExpression> parse(const QString &text);

    // The first matching instant strictly after `after`, in UTC; invalid when
    // none falls within the next five years (say, February 30th).
    QDateTime next(const QDateTime &after, const QTimeZone &zone) const;
    QString text() const { return m_text; }

private:
    bool matchesDay(const QDate &date) const;

    QString m_text;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;     // 1..31
    std::bitset<13> m_months;   // 1..12
    std::bitset<7> m_weekdays;  // 0 = Sunday
    bool m_anyDay = true;
    bool m_anyWeekday = true;
};

} // namespace sluice::schedule
