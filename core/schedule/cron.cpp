#include "schedule/cron.h"

#include <QCoreApplication>
#include <QStringList>

namespace sluice::schedule {

namespace {

int nameValue(const QString &token, const QStringList &names, int first)
{
    const qsizetype i = names.indexOf(token.toLower());
    return i < 0 ? -1 : int(i) + first;
}

// One field: "*", "5", "1-5", "*/15", "10-40/10", "mon,wed,fri".
template<size_t N>
Result<std::bitset<N>> parseField(const QString &field, int low, int high, const QStringList &names, int namesFirst, const char *what)
{
    std::bitset<N> bits;
    auto number = [&](const QString &token, bool *ok) {
        int v = token.toInt(ok);
        if (!*ok && !names.isEmpty()) {
            v = nameValue(token, names, namesFirst);
            *ok = v >= 0;
        }
        return v;
    };
    for (const QString &part : field.split(QLatin1Char(','))) {
        QString range = part;
        int step = 1;
        if (const qsizetype slash = part.indexOf(QLatin1Char('/')); slash >= 0) {
            bool ok = false;
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step < 1)
                return configError(QCoreApplication::translate("sluice::schedule", "cron %1 field \"%2\": the step after / must be a positive number").arg(QLatin1String(what), field));
            range = part.left(slash);
        }
        int from = low, to = high;
        if (range != QLatin1String("*")) {
            const QStringList ends = range.split(QLatin1Char('-'));
            bool ok1 = false, ok2 = true;
            from = number(ends.value(0), &ok1);
            to = ends.size() == 2 ? number(ends.value(1), &ok2) : (part.contains(QLatin1Char('/')) ? high : from);
            if (ends.size() > 2 || !ok1 || !ok2 || from < low || to > high || from > to)
                return configError(QCoreApplication::translate("sluice::schedule", "cron %1 field \"%2\" must hold values from %3 to %4").arg(QLatin1String(what), field).arg(low).arg(high));
        }
        for (int v = from; v <= to; v += step)
            bits.set(size_t(v));
    }
    return bits;
}

} // namespace

Result<CronExpression> CronExpression::parse(const QString &text)
{
    const QStringList fields = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() != 5)
        return configError(QCoreApplication::translate("sluice::schedule", "cron \"%1\" must have five fields: minute hour day-of-month month day-of-week").arg(text));
    static const QStringList months{QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
                                    QStringLiteral("may"), QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
                                    QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    static const QStringList days{QStringLiteral("sun"), QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"),
                                  QStringLiteral("thu"), QStringLiteral("fri"), QStringLiteral("sat")};
    CronExpression c;
    c.m_text = text.simplified();
    auto minutes = parseField<60>(fields[0], 0, 59, {}, 0, "minute");
    auto hours = parseField<24>(fields[1], 0, 23, {}, 0, "hour");
    auto dom = parseField<32>(fields[2], 1, 31, {}, 0, "day-of-month");
    auto month = parseField<13>(fields[3], 1, 12, months, 1, "month");
    auto dow = parseField<8>(fields[4], 0, 7, days, 0, "day-of-week");
    for (const Error *e : {minutes ? nullptr : &minutes.error(), hours ? nullptr : &hours.error(), dom ? nullptr : &dom.error(),
                           month ? nullptr : &month.error(), dow ? nullptr : &dow.error()})
        if (e)
            return *e;
    c.m_minutes = minutes.value();
    c.m_hours = hours.value();
    c.m_days = dom.value();
    c.m_months = month.value();
    for (int d = 0; d < 7; ++d)
        c.m_weekdays.set(size_t(d), dow.value().test(size_t(d)) || (d == 0 && dow.value().test(7)));
    c.m_anyDay = fields[2] == QLatin1String("*");
    c.m_anyWeekday = fields[4] == QLatin1String("*");
    return c;
}

bool CronExpression::matchesDay(const QDate &date) const
{
    if (!m_months.test(size_t(date.month())))
        return false;
    const bool day = m_days.test(size_t(date.day()));
    const bool weekday = m_weekdays.test(size_t(date.dayOfWeek() % 7));
    if (m_anyDay && m_anyWeekday)
        return true;
    if (m_anyDay)
        return weekday;
    if (m_anyWeekday)
        return day;
    return day || weekday;
}

QDateTime CronExpression::next(const QDateTime &after, const QTimeZone &zone) const
{
    const QDateTime start = after.toTimeZone(zone);
    for (int d = 0; d < 5 * 366 + 1; ++d) {
        const QDate date = start.date().addDays(d);
        if (!matchesDay(date))
            continue;
        for (int h = 0; h < 24; ++h) {
            if (!m_hours.test(size_t(h)))
                continue;
            for (int m = 0; m < 60; ++m) {
                if (!m_minutes.test(size_t(m)))
                    continue;
                const QTime wanted(h, m);
                QDateTime at(date, wanted, zone);
                if (!at.isValid() || at.time() != wanted) {
                    // In a spring-forward gap: the first instant after it.
                    const QTimeZone::OffsetData jump = zone.nextTransition(QDateTime(date, QTime(0, 0), zone).addSecs(-1));
                    at = jump.atUtc.toTimeZone(zone);
                } else if (const QDateTime earlier = at.addSecs(-3600).toTimeZone(zone); earlier.time() == wanted && earlier.date() == date) {
                    at = earlier; // a fall-back hour happens twice: run at its first occurrence only
                }
                if (at.toUTC() > after.toUTC())
                    return at.toUTC();
            }
        }
    }
    return {};
}

} // namespace sluice::schedule
