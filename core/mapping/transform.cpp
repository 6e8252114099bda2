#include "mapping/transform.h"

#include "mapping/identity.h"

#include "source/column.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <openssl/evp.h>
#include <phonenumbers/phonenumberutil.h>

namespace sluice::mapping {

namespace {


bool isNull(const QVariant &v) { return v.isNull() || !v.isValid(); }

QString text(const QVariant &v) { return source::toText(v); }

const QRegularExpression &decimalPattern()
{
    static const QRegularExpression re(QStringLiteral("^[+-]?(\\d+)(\\.(\\d*))?$"));
    return re;
}

// template:TEXT with {column} placeholders filled from the row, white space simplified.
Result<QString> fillTemplate(const QString &pattern, const ColumnLookup &row)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([^{}]+)\\}"));
    QString out;
    qsizetype last = 0;
    auto it = placeholder.globalMatch(pattern);
    while (it.hasNext()) {
        const auto m = it.next();
        const std::optional<QVariant> v = row(m.captured(1));
        if (!v)
            return Error{QCoreApplication::translate("sluice::mapping", "column %1 not found").arg(m.captured(1)), Error::Kind::Query};
        out += pattern.mid(last, m.capturedStart() - last) + text(*v);
        last = m.capturedEnd();
    }
    out += pattern.mid(last);
    return out.simplified();
}

// phone:US, or phone:{country} to take each row's region from a column.
Result<QString> phoneRegion(const QString &argument, const ColumnLookup &row)
{
    if (!(argument.startsWith(QLatin1Char('{')) && argument.endsWith(QLatin1Char('}'))))
        return argument;
    const QString column = argument.mid(1, argument.size() - 2);
    const std::optional<QVariant> v = row(column);
    if (!v)
        return Error{QCoreApplication::translate("sluice::mapping", "column %1 not found").arg(column), Error::Kind::Query};
    const QString region = text(*v).trimmed().toUpper();
    return region.isEmpty() ? QStringLiteral("ZZ") : region; // unknown: only international numbers parse
}

Result<QVariant> castValue(const QVariant &value, const QString &type, const QString &step)
{
    if (isNull(value))
        return QVariant();
    const QString t = text(value).trimmed();
    auto fail = [&](const QString &why) { return Error{QStringLiteral("%1: %2").arg(step, why), Error::Kind::Query}; };
    if (type == QLatin1String("string"))
        return QVariant(text(value));
    if (type == QLatin1String("integer")) {
        if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
            return QVariant(value.toLongLong());
        if (value.typeId() == QMetaType::Bool)
            return QVariant(value.toBool() ? 1LL : 0LL);
        if (value.typeId() == QMetaType::Double) {
            const double d = value.toDouble();
            if (d != std::floor(d) || std::abs(d) > 9.0e15)
                return fail(QCoreApplication::translate("sluice::mapping", "%1 is not a whole number").arg(t));
            return QVariant(qlonglong(d));
        }
        bool ok = false;
        const qlonglong n = t.toLongLong(&ok);
        if (!ok)
            return fail(QCoreApplication::translate("sluice::mapping", "\"%1\" is not a whole number").arg(t));
        return QVariant(n);
    }
    if (type == QLatin1String("decimal")) {
        if (!decimalPattern().match(t).hasMatch())
            return fail(QCoreApplication::translate("sluice::mapping", "\"%1\" is not a decimal number").arg(t));
        return QVariant(t);
    }
    if (type == QLatin1String("boolean")) {
        if (value.typeId() == QMetaType::Bool)
            return value;
        const QString l = t.toLower();
        if (l == QLatin1String("true") || l == QLatin1String("t") || l == QLatin1String("yes") || l == QLatin1String("y") || l == QLatin1String("1"))
            return QVariant(true);
        if (l == QLatin1String("false") || l == QLatin1String("f") || l == QLatin1String("no") || l == QLatin1String("n") || l == QLatin1String("0"))
            return QVariant(false);
        return fail(QCoreApplication::translate("sluice::mapping", "\"%1\" is not a boolean").arg(t));
    }
    if (type == QLatin1String("timestamp")) {
        Result<QString> ts = castToTimestamp(value);
        if (!ts)
            return fail(ts.error().message);
        return QVariant(ts.value());
    }
    return fail(QCoreApplication::translate("sluice::mapping", "unknown type %1").arg(type));
}

} // namespace

QString sha256Hex(const QString &input)
{
    const QByteArray bytes = input.toUtf8();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(bytes.constData(), size_t(bytes.size()), digest, &length, EVP_sha256(), nullptr);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), int(length)).toHex());
}

Result<QString> normalizeEmail(const QString &input)
{
    const QString v = input.trimmed().toLower();
    // local@domain.tld: one @, no blanks, a dot in the domain with text on both sides.
    const qsizetype at = v.indexOf(QLatin1Char('@'));
    const qsizetype dot = v.lastIndexOf(QLatin1Char('.'));
    bool valid = at > 0 && dot > at + 1 && dot < v.size() - 1 && v.indexOf(QLatin1Char('@'), at + 1) < 0;
    for (qsizetype i = 0; valid && i < v.size(); ++i)
        valid = !v.at(i).isSpace();
    if (!valid)
        return Error{QCoreApplication::translate("sluice::mapping", "\"%1\" is not an e-mail address").arg(input.trimmed()), Error::Kind::Query};
    return v;
}

Result<QString> phoneToE164(const QString &input, const QString &region)
{
    using i18n::phonenumbers::PhoneNumber;
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    const std::string raw = input.trimmed().toStdString();
    if (util->Parse(raw, region.toStdString(), &number) != PhoneNumberUtil::NO_PARSING_ERROR || !util->IsValidNumber(number))
        return Error{QCoreApplication::translate("sluice::mapping", "\"%1\" is not a valid phone number for region %2").arg(input.trimmed(), region), Error::Kind::Query};
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

Result<QString> roundDecimal(const QString &decimal, int places)
{
    // Round half away from zero on the digits themselves: no binary float in between.
    const auto m = decimalPattern().match(decimal.trimmed());
    if (!m.hasMatch())
        return Error{QCoreApplication::translate("sluice::mapping", "\"%1\" is not a number").arg(decimal), Error::Kind::Query};
    const bool negative = decimal.trimmed().startsWith(QLatin1Char('-'));
    QString integer = m.captured(1);
    QString fraction = m.captured(3);
    if (fraction.size() <= places)
        return QString(QString(negative ? QStringLiteral("-") : QString()) + integer
                       + (places > 0 ? QLatin1Char('.') + fraction.leftJustified(places, QLatin1Char('0')) : QString()));
    const bool up = fraction[places] >= QLatin1Char('5');
    QString digits = integer + fraction.left(places);
    if (up) {
        qsizetype i = digits.size() - 1;
        while (i >= 0) {
            if (digits[i] == QLatin1Char('9')) {
                digits[i] = QLatin1Char('0');
                --i;
            } else {
                digits[i] = QChar(digits[i].unicode() + 1);
                break;
            }
        }
        if (i < 0)
            digits.prepend(QLatin1Char('1'));
    }
    const qsizetype intLength = digits.size() - places;
    QString out = digits.left(intLength);
    if (places > 0)
        out += QLatin1Char('.') + digits.mid(intLength);
    const bool zero = !out.contains(QRegularExpression(QStringLiteral("[1-9]")));
    return QString((negative && !zero ? QStringLiteral("-") : QString()) + out);
}

Result<QString> castToTimestamp(const QVariant &value)
{
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Double) {
        // Epoch seconds.
        return QDateTime::fromMSecsSinceEpoch(qint64(value.toDouble() * 1000), Qt::UTC).toString(Qt::ISODateWithMs);
    }
    QString t = text(value).trimmed();
    if (t.size() > 10 && t[10] == QLatin1Char(' '))
        t[10] = QLatin1Char('T');
    QDateTime dt = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(t, Qt::ISODate);
    if (!dt.isValid()) {
        const QDate d = QDate::fromString(t, Qt::ISODate);
        if (d.isValid())
            dt = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    if (!dt.isValid())
        return Error{QCoreApplication::translate("sluice::mapping", "\"%1\" is not an ISO-8601 timestamp").arg(t), Error::Kind::Query};
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC); // a timestamp without zone is read as UTC
    dt = dt.toUTC();
    return dt.time().msec() ? dt.toString(Qt::ISODateWithMs) : dt.toString(Qt::ISODate);
}

Result<TransformChain> TransformChain::parse(const QStringList &steps, const QString &kind)
{
    TransformChain chain;
    chain.m_kind = kind;
    for (const QString &s : steps) {
        const qsizetype colon = s.indexOf(QLatin1Char(':'));
        chain.m_steps.append({colon < 0 ? s : s.left(colon), colon < 0 ? QString() : s.mid(colon + 1)});
    }
    return chain;
}

bool TransformChain::hashes() const
{
    return !m_steps.isEmpty()
           && (m_steps.last().name == QLatin1String("sha256") || m_steps.last().name == QLatin1String("hash"));
}

Result<QVariant> TransformChain::apply(QVariant value, const ColumnLookup &row) const
{
    for (const TransformStep &step : m_steps) {
        auto label = [&] { return step.argument.isEmpty() ? step.name : step.name + QLatin1Char(':') + step.argument; };
        auto fail = [&](const QString &why) { return Error{QStringLiteral("%1: %2").arg(label(), why), Error::Kind::Query}; };
        const QString &n = step.name;
        if (n == QLatin1String("default")) {
            if (isNull(value) || text(value).isEmpty())
                value = step.argument;
            continue;
        }
        if (n == QLatin1String("template")) {
            Result<QString> filled = fillTemplate(step.argument, row);
            if (!filled)
                return fail(filled.error().message);
            value = filled.value();
            continue;
        }
        if (isNull(value))
            continue; // every other step leaves a missing value missing
        if (n == QLatin1String("trim")) {
            if (value.typeId() == QMetaType::QString)
                value = value.toString().trimmed();
        } else if (n == QLatin1String("lowercase")) {
            value = text(value).toLower();
        } else if (n == QLatin1String("uppercase")) {
            value = text(value).toUpper();
        } else if (n == QLatin1String("cast")) {
            Result<QVariant> r = castValue(value, step.argument, label());
            if (!r)
                return r.error();
            value = r.value();
        } else if (n == QLatin1String("round")) {
            const int places = step.argument.toInt();
            if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
                continue;
            const bool wasFloat = value.typeId() == QMetaType::Double;
            // A float is rounded from its shortest exact decimal form, not its binary value.
            const QString digits = wasFloat ? QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest) : text(value);
            if (digits.contains(QLatin1Char('e'), Qt::CaseInsensitive))
                return fail(QCoreApplication::translate("sluice::mapping", "%1 is out of range for rounding").arg(digits));
            Result<QString> r = roundDecimal(digits, places);
            if (!r)
                return fail(r.error().message);
            value = wasFloat ? QVariant(r.value().toDouble()) : QVariant(r.value());
        } else if (n == QLatin1String("truncate")) {
            value = text(value).left(step.argument.toInt());
        } else if (n == QLatin1String("email")) {
            Result<QString> r = normalizeEmail(text(value));
            if (!r)
                return fail(r.error().message);
            value = r.value();
        } else if (n == QLatin1String("phone")) {
            Result<QString> region = phoneRegion(step.argument, row);
            if (!region)
                return fail(region.error().message);
            Result<QString> r = phoneToE164(text(value), region.value());
            if (!r)
                return fail(r.error().message);
            value = r.value();
        } else if (n == QLatin1String("sha256")) {
            value = sha256Hex(text(value));
        } else if (n == QLatin1String("hash")) {
            // The platform's own normalization for the kind of identifier the field is (mapping/identity).
            Result<QString> normalized = normalizeIdentity(step.argument, m_kind, text(value));
            if (!normalized)
                return fail(normalized.error().message);
            // Nothing left (blank, or only punctuation): no identifier, not the hash of nothing.
            value = normalized->isEmpty() ? QVariant() : QVariant(sha256Hex(normalized.value()));
        } else {
            return fail(QCoreApplication::translate("sluice::mapping", "unknown transform"));
        }
    }
    return value;
}

} // namespace sluice::mapping
