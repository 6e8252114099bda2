#include "schedule/schedule.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRegularExpression>

namespace sluice::schedule {

namespace {

} // namespace

std::optional<qint64> Schedule::parseDuration(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^(\\d{1,7})(s|m|h|d)$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    return n * (unit == QLatin1Char('s') ? 1 : unit == QLatin1Char('m') ? 60 : unit == QLatin1Char('h') ? 3600 : 86400);
}

Result<Schedule> Schedule::from(const QJsonObject &json, const QString &sync)
{
    Schedule s;
    s.m_sync = sync;
    const QString owner = QCoreApplication::translate("sluice::schedule", "sync %1: schedule").arg(sync);
    if (json.contains(QStringLiteral("jitter"))) {
        const std::optional<qint64> jitter = parseDuration(json.value(QStringLiteral("jitter")).toString());
        if (!jitter)
            return configError(QCoreApplication::translate("sluice::schedule", "%1: \"jitter\" must be a duration such as \"30s\"").arg(owner));
        s.m_jitter = *jitter;
    }
    if (json.isEmpty() || json.value(QStringLiteral("manual")).toBool())
        return s;
    if (json.contains(QStringLiteral("every"))) {
        const std::optional<qint64> every = parseDuration(json.value(QStringLiteral("every")).toString());
        if (!every || *every < 1)
            return configError(QCoreApplication::translate("sluice::schedule", "%1: \"every\" must be a number and a unit (s, m, h, d), as in \"15m\"").arg(owner));
        s.m_kind = Kind::Every;
        s.m_everySeconds = *every;
        return s;
    }
    if (json.contains(QStringLiteral("cron"))) {
        Result<CronExpression> cron = CronExpression::parse(json.value(QStringLiteral("cron")).toString());
        if (!cron)
            return configError(owner + QStringLiteral(": ") + cron.error().message);
        s.m_kind = Kind::Cron;
        s.m_cron = cron.value();
        if (json.contains(QStringLiteral("tz"))) {
            s.m_zone = QTimeZone(json.value(QStringLiteral("tz")).toString().toUtf8());
            if (!s.m_zone.isValid())
                return configError(QCoreApplication::translate("sluice::schedule", "%1: unknown time zone \"%2\" (an IANA name such as Europe/Berlin)").arg(owner, json.value(QStringLiteral("tz")).toString()));
        }
        return s;
    }
    if (json.contains(QStringLiteral("after"))) {
        s.m_kind = Kind::After;
        s.m_parent = json.value(QStringLiteral("after")).toString();
        return s;
    }
    return configError(QCoreApplication::translate("sluice::schedule", "%1 needs one of \"every\", \"cron\", \"after\" or \"manual\"").arg(owner));
}

qint64 Schedule::jitterSeconds() const
{
    if (m_jitter <= 0)
        return 0;
    // The same offset for a sync every time: spread, but predictable.
    const QByteArray h = QCryptographicHash::hash(m_sync.toUtf8(), QCryptographicHash::Sha256);
    quint32 v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | quint8(h[i]);
    return qint64(v % quint32(m_jitter + 1));
}

QDateTime Schedule::nextDue(const LastRun &own, const LastRun &parent, const QDateTime &since) const
{
    switch (m_kind) {
    case Kind::Manual: return {};
    case Kind::Every:
        if (!own.started.isValid())
            return since.addSecs(jitterSeconds());
        return own.started.addSecs(m_everySeconds);
    case Kind::Cron: {
        const QDateTime from = own.started.isValid() ? own.started : since;
        const QDateTime slot = m_cron->next(from, m_zone);
        return slot.isValid() ? slot.addSecs(jitterSeconds()) : QDateTime();
    }
    case Kind::After:
        // Due once the parent succeeded after this sync last started.
        if (!parent.succeeded || !parent.finished.isValid())
            return {};
        if (own.started.isValid() && own.started >= parent.finished)
            return {};
        return parent.finished;
    }
    return {};
}

QString Schedule::describe() const
{
    switch (m_kind) {
    case Kind::Manual: return QCoreApplication::translate("sluice::schedule", "manual");
    case Kind::Every: return QCoreApplication::translate("sluice::schedule", "every %1 s").arg(m_everySeconds);
    case Kind::Cron: return QCoreApplication::translate("sluice::schedule", "cron %1 (%2)").arg(m_cron->text(), QString::fromUtf8(m_zone.id()));
    case Kind::After: return QCoreApplication::translate("sluice::schedule", "after %1").arg(m_parent);
    }
    return {};
}

} // namespace sluice::schedule
