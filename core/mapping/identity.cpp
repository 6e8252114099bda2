#include "mapping/identity.h"

#include <QCoreApplication>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace sluice::mapping {

namespace {

Error refuse(const QString &kind, const QString &value, const QString &why)
{
    return Error{QCoreApplication::translate("sluice::mapping", "%1 \"%2\": %3").arg(kind, value, why), Error::Kind::Query};
}

// Letters only (any script), lower-cased: Meta's "no punctuation, special
// characters in UTF-8" for names, and its "no white space" for cities.
QString lettersOnly(const QString &value)
{
    QString out;
    for (const QChar c : value.toLower())
        if (c.isLetter())
            out.append(c);
    return out;
}

QString digitsOnly(const QString &value)
{
    QString out;
    for (const QChar c : value)
        if (c.isDigit())
            out.append(c);
    return out;
}

// Shape-guessing, for a kind the platform does not list.
bool looksLikeEmail(const QString &v) { return v.contains(QLatin1Char('@')); }
bool looksLikePhone(const QString &v)
{
    static const QRegularExpression phone(QStringLiteral("^\\+?[0-9 ()\\-.]{6,}$"));
    return phone.match(v).hasMatch();
}

// ISO 3166-1 alpha-2, lower case; a country's English name is turned into its code.
std::optional<QString> countryCode(const QString &value)
{
    const QString v = value.trimmed();
    if (v.size() == 2 && v.at(0).isLetter() && v.at(1).isLetter())
        return v.toLower();
    for (int t = 1; t <= int(QLocale::LastTerritory); ++t) {
        const auto territory = QLocale::Territory(t);
        if (QLocale::territoryToString(territory).compare(v, Qt::CaseInsensitive) == 0) {
            const QString code = QLocale::territoryToCode(territory);
            if (code.size() == 2)
                return code.toLower();
        }
    }
    return std::nullopt;
}

// US states by name, for Meta's "2-character ANSI abbreviation code".
const QHash<QString, QString> &usStates()
{
    static const QHash<QString, QString> states = [] {
        const char *pairs[][2] = {
            {"alabama", "al"}, {"alaska", "ak"}, {"arizona", "az"}, {"arkansas", "ar"}, {"california", "ca"}, {"colorado", "co"},
            {"connecticut", "ct"}, {"delaware", "de"}, {"district of columbia", "dc"}, {"florida", "fl"}, {"georgia", "ga"},
            {"hawaii", "hi"}, {"idaho", "id"}, {"illinois", "il"}, {"indiana", "in"}, {"iowa", "ia"}, {"kansas", "ks"},
            {"kentucky", "ky"}, {"louisiana", "la"}, {"maine", "me"}, {"maryland", "md"}, {"massachusetts", "ma"},
            {"michigan", "mi"}, {"minnesota", "mn"}, {"mississippi", "ms"}, {"missouri", "mo"}, {"montana", "mt"},
            {"nebraska", "ne"}, {"nevada", "nv"}, {"new hampshire", "nh"}, {"new jersey", "nj"}, {"new mexico", "nm"},
            {"new york", "ny"}, {"north carolina", "nc"}, {"north dakota", "nd"}, {"ohio", "oh"}, {"oklahoma", "ok"},
            {"oregon", "or"}, {"pennsylvania", "pa"}, {"rhode island", "ri"}, {"south carolina", "sc"}, {"south dakota", "sd"},
            {"tennessee", "tn"}, {"texas", "tx"}, {"utah", "ut"}, {"vermont", "vt"}, {"virginia", "va"}, {"washington", "wa"},
            {"west virginia", "wv"}, {"wisconsin", "wi"}, {"wyoming", "wy"}, {"puerto rico", "pr"}};
        QHash<QString, QString> out;
        for (const auto &p : pairs)
            out.insert(QString::fromLatin1(p[0]), QString::fromLatin1(p[1]));
        return out;
    }();
    return states;
}

Result<QString> twoDigits(const QString &kind, const QString &value, int low, int high)
{
    bool ok = false;
    const int n = value.trimmed().toInt(&ok);
    if (!ok || n < low || n > high)
        return refuse(kind, value, QCoreApplication::translate("sluice::mapping", "not a number from %1 to %2").arg(low).arg(high));
    return QStringLiteral("%1").arg(n, 2, 10, QLatin1Char('0'));
}

// Meta, "Customer list custom audiences: hashing and normalizing data".
Result<QString> meta(const QString &kind, const QString &value)
{
    const QString v = value.trimmed();
    const QString k = kind.toUpper();
    if (k == QLatin1String("EMAIL"))           // trim, lower case
        return v.toLower();
    if (k == QLatin1String("PHONE")) {         // digits only, country code first, no leading zeros
        QString d = digitsOnly(v);
        while (d.startsWith(QLatin1Char('0')))
            d.remove(0, 1);
        if (d.size() < 7)
            return refuse(kind, value, QCoreApplication::translate("sluice::mapping", "too few digits for a phone number with its country code"));
        return d;
    }
    if (k == QLatin1String("FN") || k == QLatin1String("LN")) // lower case, no punctuation; UTF-8 letters kept
        return lettersOnly(v);
    if (k == QLatin1String("FI")) {            // the first name's initial
        const QString letters = lettersOnly(v);
        return letters.left(1);
    }
    if (k == QLatin1String("CT"))              // lower case, no punctuation, no white space
        return lettersOnly(v);
    if (k == QLatin1String("ST")) {            // US: the two-letter code; elsewhere lower case, no punctuation or spaces
        const QString lower = v.toLower().simplified();
        if (const auto code = usStates().constFind(lower); code != usStates().cend())
            return *code;
        return lettersOnly(v);
    }
    if (k == QLatin1String("ZIP")) {           // lower case, no spaces or dashes; US: the first five digits
        static const QRegularExpression us(QStringLiteral("^(\\d{5})(-?\\d{4})?$"));
        if (const auto m = us.match(v); m.hasMatch())
            return m.captured(1);
        return v.toLower().remove(QRegularExpression(QStringLiteral("[\\s\\-]")));
    }
    if (k == QLatin1String("COUNTRY")) {       // ISO 3166-1 alpha-2, lower case
        if (const auto code = countryCode(v))
            return *code;
        return refuse(kind, value, QCoreApplication::translate("sluice::mapping", "not an ISO 3166-1 country code or name"));
    }
    if (k == QLatin1String("GEN")) {           // m or f
        const QString g = v.toLower();
        if (g == QLatin1String("m") || g == QLatin1String("male"))
            return QStringLiteral("m");
        if (g == QLatin1String("f") || g == QLatin1String("female"))
            return QStringLiteral("f");
        return refuse(kind, value, QCoreApplication::translate("sluice::mapping", "Meta takes m or f"));
    }
    if (k == QLatin1String("DOBY")) {          // YYYY
        bool ok = false;
        const int year = v.toInt(&ok);
        if (!ok || year < 1900 || year > 2100)
            return refuse(kind, value, QCoreApplication::translate("sluice::mapping", "not a four-digit year"));
        return QString::number(year);
    }
    if (k == QLatin1String("DOBM"))            // MM, 01 to 12
        return twoDigits(kind, v, 1, 12);
    if (k == QLatin1String("DOBD"))            // DD, 01 to 31
        return twoDigits(kind, v, 1, 31);
    if (looksLikeEmail(v))
        return v.toLower();
    if (looksLikePhone(v))
        return meta(QStringLiteral("PHONE"), v);
    return v.toLower();
}

// Google, Data Manager API "Format user data" (Customer Match).
Result<QString> google(const QString &kind, const QString &value)
{
    const QString k = kind.toUpper();
    QString v = value.trimmed();
    const bool listed = k == QLatin1String("PHONE") || k == QLatin1String("FIRST_NAME") || k == QLatin1String("LAST_NAME");
    const bool email = k == QLatin1String("EMAIL") || (!listed && looksLikeEmail(v));
    if (email) {
        // Lower case, no white space anywhere; for gmail.com and googlemail.com
        // no dots in the local part and nothing from a '+' on.
        v = v.toLower().remove(QRegularExpression(QStringLiteral("\\s")));
        const qsizetype at = v.lastIndexOf(QLatin1Char('@'));
        if (at < 0)
            return refuse(kind, value, QCoreApplication::translate("sluice::mapping", "not an e-mail address"));
        const QString domain = v.mid(at + 1);
        QString local = v.left(at);
        if (domain == QLatin1String("gmail.com") || domain == QLatin1String("googlemail.com")) {
            local.remove(QLatin1Char('.'));
            if (const qsizetype plus = local.indexOf(QLatin1Char('+')); plus >= 0)
                local.truncate(plus);
        }
        return QString(local + QLatin1Char('@') + domain);
    }
    if (k == QLatin1String("PHONE") || (!listed && looksLikePhone(v))) {
        // E.164: a plus, the country code, digits only.
        if (!v.startsWith(QLatin1Char('+')))
            return refuse(kind, value, QCoreApplication::translate("sluice::mapping", "Google takes E.164 (+ and the country code): put phone:REGION before the hash"));
        return QString(QLatin1Char('+') + digitsOnly(v));
    }
    if (k == QLatin1String("FIRST_NAME")) {    // lower case, no prefix such as "Mrs."
        static const QRegularExpression prefix(QStringLiteral("^(mr|mrs|ms|miss|mx|dr|prof)\\.?\\s+"));
        return v.toLower().remove(prefix).trimmed();
    }
    if (k == QLatin1String("LAST_NAME")) {     // lower case, no suffix such as "Jr."
        static const QRegularExpression suffix(QStringLiteral(",?\\s+(jr|sr|ii|iii|iv|phd|md|esq)\\.?$"));
        return v.toLower().remove(suffix).trimmed();
    }
    return v.toLower();
}

} // namespace

QString identityPreset(const QString &destinationType)
{
    return destinationType.startsWith(QLatin1String("google")) ? QStringLiteral("google") : QStringLiteral("meta");
}

Result<QString> normalizeIdentity(const QString &platform, const QString &kind, const QString &value)
{
    if (platform == QLatin1String("google"))
        return google(kind, value);
    // Meta's rules; LinkedIn documents the same for its e-mail kinds (trim, lower case).
    return meta(kind, value);
}

} // namespace sluice::mapping
