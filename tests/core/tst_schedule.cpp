// Next-run computation, table-tested with fixed clocks: cron fields, names,
// the day-of-month / day-of-week rule, daylight saving in Europe/Berlin and
// America/New_York (the spring gap runs once after it, the repeated autumn
// hour runs once), and missed slots that run once.
#include "schedule/schedule.h"

#include <QJsonObject>
#include <QTest>

using namespace sluice::schedule;

class TestSchedule final : public QObject
{
    Q_OBJECT

private slots:
    void cronNext_data();
    void cronNext();
    void badExpressions_data();
    void badExpressions();
    void everyRunsMissedSlotsOnce();
    void afterFollowsItsParent();
    void cronThatNeverRanWaitsForItsSlot();
};

static QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

void TestSchedule::cronNext_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QDateTime>("after");
    QTest::addColumn<QDateTime>("expected");
    QTest::newRow("every 15 min") << "*/15 * * * *" << "UTC" << utc("2026-11-30T10:07:00Z") << utc("2026-11-30T10:15:00Z");
    QTest::newRow("strictly after") << "*/15 * * * *" << "UTC" << utc("2026-11-30T10:15:00Z") << utc("2026-11-30T10:30:00Z");
    QTest::newRow("weekdays skip the weekend") << "0 6 * * 1-5" << "UTC" << utc("2026-11-27T07:00:00Z") << utc("2026-11-30T06:00:00Z");
    QTest::newRow("month names") << "0 0 1 jan *" << "UTC" << utc("2026-11-30T00:00:00Z") << utc("2027-01-01T00:00:00Z");
    QTest::newRow("day names and lists") << "30 8 * * mon,wed" << "UTC" << utc("2026-12-01T09:00:00Z") << utc("2026-12-02T08:30:00Z");
    QTest::newRow("range with step") << "10-40/10 * * * *" << "UTC" << utc("2026-11-30T10:35:00Z") << utc("2026-11-30T10:40:00Z");
    QTest::newRow("7 is Sunday") << "0 9 * * 7" << "UTC" << utc("2026-11-30T00:00:00Z") << utc("2026-12-06T09:00:00Z");
    QTest::newRow("day of month OR day of week") << "0 12 13 * fri" << "UTC" << utc("2026-11-01T00:00:00Z") << utc("2026-11-06T12:00:00Z");
    QTest::newRow("local time in Berlin (CET)") << "0 6 * * *" << "Europe/Berlin" << utc("2026-11-30T12:00:00Z") << utc("2026-12-01T05:00:00Z");
    QTest::newRow("Berlin spring gap runs after it") << "30 2 * * *" << "Europe/Berlin" << utc("2026-03-28T12:00:00Z") << utc("2026-03-29T01:00:00Z");
    QTest::newRow("Berlin day after the gap") << "30 2 * * *" << "Europe/Berlin" << utc("2026-03-29T01:00:00Z") << utc("2026-03-30T00:30:00Z");
    QTest::newRow("Berlin repeated hour: first") << "30 2 * * *" << "Europe/Berlin" << utc("2026-10-24T12:00:00Z") << utc("2026-10-25T00:30:00Z");
    QTest::newRow("Berlin repeated hour: once") << "30 2 * * *" << "Europe/Berlin" << utc("2026-10-25T00:30:00Z") << utc("2026-10-26T01:30:00Z");
    QTest::newRow("New York spring gap") << "30 2 * * *" << "America/New_York" << utc("2026-03-07T12:00:00Z") << utc("2026-03-08T07:00:00Z");
    QTest::newRow("New York repeated hour: first") << "30 1 * * *" << "America/New_York" << utc("2026-10-31T12:00:00Z") << utc("2026-11-01T05:30:00Z");
    QTest::newRow("New York repeated hour: once") << "30 1 * * *" << "America/New_York" << utc("2026-11-01T05:30:00Z") << utc("2026-11-02T06:30:00Z");
    QTest::newRow("never: February 30") << "0 0 30 feb *" << "UTC" << utc("2026-11-30T00:00:00Z") << QDateTime();
}

void TestSchedule::cronNext()
{
    QFETCH(QString, cron);
    QFETCH(QString, zone);
    QFETCH(QDateTime, after);
    QFETCH(QDateTime, expected);
    const auto parsed = CronExpression::parse(cron);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    const QDateTime next = parsed.value().next(after, QTimeZone(zone.toUtf8()));
    QCOMPARE(next, expected);
}

void TestSchedule::badExpressions_data()
{
    QTest::addColumn<QString>("cron");
    QTest::addColumn<QString>("expected");
    QTest::newRow("four fields") << "* * * *" << "five fields";
    QTest::newRow("minute 60") << "60 * * * *" << "minute field \"60\" must hold values from 0 to 59";
    QTest::newRow("month 13") << "0 0 1 13 *" << "month field";
    QTest::newRow("bad name") << "0 0 * * funday" << "day-of-week field";
    QTest::newRow("zero step") << "*/0 * * * *" << "step";
    QTest::newRow("backwards range") << "0 5-2 * * *" << "hour field";
}

void TestSchedule::badExpressions()
{
    QFETCH(QString, cron);
    QFETCH(QString, expected);
    const auto parsed = CronExpression::parse(cron);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message));
}

void TestSchedule::everyRunsMissedSlotsOnce()
{
    const auto s = Schedule::from(QJsonObject{{QStringLiteral("every"), QStringLiteral("15m")}}, QStringLiteral("a"));
    QVERIFY(s.ok());
    const QDateTime since = utc("2026-11-30T08:00:00Z");
    QCOMPARE(s.value().nextDue({}, {}, since), since); // never ran: due at once
    LastRun last{utc("2026-11-30T08:00:00Z"), utc("2026-11-30T08:01:00Z"), true};
    QCOMPARE(s.value().nextDue(last, {}, since), utc("2026-11-30T08:15:00Z"));
    // The agent was down for hours: the sync is due (in the past), and once it
    // has run, the next slot counts from that run, not from each missed one.
    const QDateTime woke = utc("2026-11-30T13:07:00Z");
    QVERIFY(s.value().nextDue(last, {}, since) <= woke);
    last = {woke, woke.addSecs(30), true};
    QCOMPARE(s.value().nextDue(last, {}, since), utc("2026-11-30T13:22:00Z"));
    // Jitter spreads, the same way every time.
    const auto jittered = Schedule::from(QJsonObject{{QStringLiteral("every"), QStringLiteral("1h")}, {QStringLiteral("jitter"), QStringLiteral("10m")}}, QStringLiteral("b"));
    QVERIFY(jittered.ok());
    const QDateTime a = jittered.value().nextDue({}, {}, since), b = jittered.value().nextDue({}, {}, since);
    QCOMPARE(a, b);
    QVERIFY(a >= since && a <= since.addSecs(600));
}

void TestSchedule::afterFollowsItsParent()
{
    const auto s = Schedule::from(QJsonObject{{QStringLiteral("after"), QStringLiteral("parent")}}, QStringLiteral("child"));
    QVERIFY(s.ok());
    const QDateTime since = utc("2026-11-30T08:00:00Z");
    QVERIFY(!s.value().nextDue({}, {}, since).isValid());                                                  // the parent never ran
    const LastRun failed{utc("2026-11-30T08:00:00Z"), utc("2026-11-30T08:01:00Z"), false};
    QVERIFY(!s.value().nextDue({}, failed, since).isValid());                                              // nor on failure
    const LastRun parent{utc("2026-11-30T08:00:00Z"), utc("2026-11-30T08:01:00Z"), true};
    QCOMPARE(s.value().nextDue({}, parent, since), utc("2026-11-30T08:01:00Z"));                           // after its success
    const LastRun own{utc("2026-11-30T08:01:05Z"), utc("2026-11-30T08:02:00Z"), true};
    QVERIFY(!s.value().nextDue(own, parent, since).isValid());                                             // once per parent success
}

void TestSchedule::cronThatNeverRanWaitsForItsSlot()
{
    const auto s = Schedule::from(QJsonObject{{QStringLiteral("cron"), QStringLiteral("0 6 * * *")}, {QStringLiteral("tz"), QStringLiteral("Europe/Berlin")}},
                                  QStringLiteral("a"));
    QVERIFY(s.ok());
    QCOMPARE(s.value().nextDue({}, {}, utc("2026-11-30T08:00:00Z")), utc("2026-12-01T05:00:00Z"));
    const auto bad = Schedule::from(QJsonObject{{QStringLiteral("cron"), QStringLiteral("0 6 * * *")}, {QStringLiteral("tz"), QStringLiteral("Mars/Olympus")}},
                                    QStringLiteral("a"));
    QVERIFY(!bad.ok());
    QVERIFY(bad.error().message.contains(QStringLiteral("unknown time zone \"Mars/Olympus\"")));
    QVERIFY(!Schedule::from(QJsonObject{{QStringLiteral("manual"), true}}, QStringLiteral("m")).value().nextDue({}, {}, utc("2026-11-30T08:00:00Z")).isValid());
}

QTEST_GUILESS_MAIN(TestSchedule)
#include "tst_schedule.moc"
