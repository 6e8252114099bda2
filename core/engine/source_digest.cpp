#include "engine/source_digest.h"

#include "source/row_view.h"

#include <limits>

namespace sluice::engine {

DigestKind digestKind(const QString &nativeType)
{
    if (nativeType == QLatin1String("smallint") || nativeType == QLatin1String("integer") || nativeType == QLatin1String("bigint"))
        return DigestKind::Integer;
    if (nativeType == QLatin1String("boolean"))
        return DigestKind::Boolean;
    if (nativeType == QLatin1String("timestamp") || nativeType == QLatin1String("timestamptz"))
        return DigestKind::Timestamp;
    if (nativeType == QLatin1String("text") || nativeType == QLatin1String("varchar"))
        return DigestKind::Text;
    if (nativeType == QLatin1String("uuid"))
        return DigestKind::Uuid;
    if (nativeType == QLatin1String("char"))
        return DigestKind::Padded;
    return DigestKind::TextForm;
}

namespace {

// lookup3's mixing steps: three 32-bit lanes, fixed rotations.
constexpr quint32 rotl(quint32 x, int k)
{
    return (x << k) | (x >> (32 - k));
}

inline void mix(quint32 &a, quint32 &b, quint32 &c)
{
    a -= c, a ^= rotl(c, 4), c += b;
    b -= a, b ^= rotl(a, 6), a += c;
    c -= b, c ^= rotl(b, 8), b += a;
    a -= c, a ^= rotl(c, 16), c += b;
    b -= a, b ^= rotl(a, 19), a += c;
    c -= b, c ^= rotl(b, 4), b += a;
}

inline void finish(quint32 &a, quint32 &b, quint32 &c)
{
    c ^= b, c -= rotl(b, 14);
    a ^= c, a -= rotl(c, 11);
    b ^= a, b -= rotl(a, 25);
    c ^= b, c -= rotl(b, 16);
    a ^= c, a -= rotl(c, 4);
    b ^= a, b -= rotl(a, 14);
    c ^= b, c -= rotl(b, 24);
}

// Lanes start from the golden ratio plus the length (and a constant), then take the seed.
inline void start(quint32 &a, quint32 &b, quint32 &c, quint32 length, quint64 seed)
{
    a = b = c = 0x9e3779b9u + length + 3923095u;
    if (seed != 0) {
        a += quint32(seed >> 32);
        b += quint32(seed);
        mix(a, b, c);
    }
}

inline quint32 littleEndian32(const unsigned char *p)
{
    return quint32(p[0]) | quint32(p[1]) << 8 | quint32(p[2]) << 16 | quint32(p[3]) << 24;
}

bool digits(const char *p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return true;
}

// Days from 1970-01-01 to a date of the proleptic Gregorian calendar, in
// 400-year eras (146,097 days each) counted from 0000-03-01.
qint64 daysFromCivil(qint64 year, int month, int day)
{
    year -= month <= 2;
    const qint64 era = (year >= 0 ? year : year - 399) / 400;
    const qint64 yearOfEra = year - era * 400;
    const qint64 dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146097 + dayOfEra - 719468;
}

std::optional<qint64> parseInteger(const char *p, int n)
{
    if (n <= 0 || n > 20)
        return std::nullopt;
    bool negative = p[0] == '-';
    int i = negative ? 1 : 0;
    if (i == n)
        return std::nullopt;
    quint64 v = 0;
    for (; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return std::nullopt;
        const quint64 next = v * 10 + quint64(p[i] - '0');
        if (next / 10 != v)
            return std::nullopt;
        v = next;
    }
    if (v > quint64(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0))
        return std::nullopt;
    return negative ? qint64(0 - v) : qint64(v);
}

int hexDigit(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

} // namespace

quint64 pgHashBytes(const char *data, int length, quint64 seed)
{
    const auto *k = reinterpret_cast<const unsigned char *>(data);
    quint32 a, b, c;
    start(a, b, c, quint32(length), seed);
    int left = length;
    for (; left >= 12; left -= 12, k += 12) {
        a += littleEndian32(k);
        b += littleEndian32(k + 4);
        c += littleEndian32(k + 8);
        mix(a, b, c);
    }
    // The last 0-11 bytes, little-endian into a, b, then c above its lowest
    // byte (which the length already went into).
    switch (left) {
    case 11: c += quint32(k[10]) << 24; [[fallthrough]];
    case 10: c += quint32(k[9]) << 16; [[fallthrough]];
    case 9: c += quint32(k[8]) << 8; [[fallthrough]];
    case 8: b += quint32(k[7]) << 24; [[fallthrough]];
    case 7: b += quint32(k[6]) << 16; [[fallthrough]];
    case 6: b += quint32(k[5]) << 8; [[fallthrough]];
    case 5: b += k[4]; [[fallthrough]];
    case 4: a += quint32(k[3]) << 24; [[fallthrough]];
    case 3: a += quint32(k[2]) << 16; [[fallthrough]];
    case 2: a += quint32(k[1]) << 8; [[fallthrough]];
    case 1: a += k[0]; break;
    default: break;
    }
    finish(a, b, c);
    return quint64(b) << 32 | c;
}

quint64 pgHashInt8(qint64 value, quint64 seed)
{
    // The two halves folded into one 32-bit word (so that an int4 and an
    // int8 of the same value hash alike), then hashed as one word.
    const quint32 high = quint32(quint64(value) >> 32);
    const quint32 word = quint32(quint64(value)) ^ (value >= 0 ? high : ~high);
    quint32 a, b, c;
    start(a, b, c, 4, seed);
    a += word;
    finish(a, b, c);
    return quint64(b) << 32 | c;
}

std::optional<qint64> pgTimestampMicros(const char *p, int n)
{
    // YYYY-MM-DD HH:MM:SS[.ffffff][(+|-)HH[:MM[:SS]]]; the year may have more than four digits.
    int dash = 0;
    while (dash < n && p[dash] >= '0' && p[dash] <= '9')
        ++dash;
    if (dash < 4 || dash > 7 || n < dash + 15 || p[dash] != '-' || p[dash + 3] != '-' || p[dash + 6] != ' ' || p[dash + 9] != ':'
        || p[dash + 12] != ':')
        return std::nullopt;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(p, dash, &year) || !digits(p + dash + 1, 2, &month) || !digits(p + dash + 4, 2, &day) || !digits(p + dash + 7, 2, &hour)
        || !digits(p + dash + 10, 2, &minute) || !digits(p + dash + 13, 2, &second))
        return std::nullopt;
    int i = dash + 15;
    qint64 micros = 0;
    if (i < n && p[i] == '.') {
        int scale = 100000;
        for (++i; i < n && p[i] >= '0' && p[i] <= '9'; ++i) {
            if (scale == 0)
                return std::nullopt;
            micros += (p[i] - '0') * scale;
            scale /= 10;
        }
    }
    qint64 offset = 0;
    if (i < n && (p[i] == '+' || p[i] == '-')) {
        const int sign = p[i] == '+' ? 1 : -1;
        int part = 0;
        for (int unit = 3600; unit >= 1; unit /= 60) {
            if (i + 3 > n || !digits(p + i + 1, 2, &part))
                return std::nullopt;
            offset += part * unit;
            i += 3;
            if (i == n || p[i] != ':')
                break;
        }
        offset *= sign;
    }
    if (i != n) // " BC", or something this copy does not know
        return std::nullopt;
    const qint64 days = daysFromCivil(year, month, day) - 10957; // 2000-01-01
    return ((days * 86400 + hour * 3600 + minute * 60 + second) - offset) * 1000000 + micros;
}

std::optional<qint64> SourceDigest::of(const source::RowView &row) const
{
    if (!row.hasText())
        return std::nullopt;
    quint64 digest = 0;
    quint64 seed = 0;
    for (const Column &column : m_columns) {
        ++seed;
        const source::TextValue v = row.raw(column.index);
        if (!v.data) {
            digest ^= seed;
            continue;
        }
        switch (column.kind) {
        case DigestKind::Integer: {
            const std::optional<qint64> i = parseInteger(v.data, v.size);
            if (!i)
                return std::nullopt;
            digest ^= pgHashInt8(*i, seed);
            break;
        }
        case DigestKind::Boolean:
            if (v.size != 1 || (v.data[0] != 't' && v.data[0] != 'f'))
                return std::nullopt;
            digest ^= pgHashInt8(v.data[0] == 't' ? 1 : 0, seed);
            break;
        case DigestKind::Timestamp: {
            const std::optional<qint64> t = pgTimestampMicros(v.data, v.size);
            if (!t)
                return std::nullopt;
            digest ^= pgHashInt8(*t, seed);
            break;
        }
        case DigestKind::Uuid: {
            unsigned char bytes[16];
            int count = 0;
            for (int i = 0; i < v.size; ++i) {
                if (v.data[i] == '-')
                    continue;
                const int high = hexDigit(v.data[i]);
                const int low = i + 1 < v.size ? hexDigit(v.data[i + 1]) : -1;
                if (high < 0 || low < 0 || count == 16)
                    return std::nullopt;
                bytes[count++] = static_cast<unsigned char>(high << 4 | low);
                ++i;
            }
            if (count != 16)
                return std::nullopt;
            digest ^= pgHashBytes(reinterpret_cast<const char *>(bytes), 16, seed);
            break;
        }
        case DigestKind::Padded: {
            int size = v.size;
            while (size > 0 && v.data[size - 1] == ' ')
                --size;
            digest ^= pgHashBytes(v.data, size, seed);
            break;
        }
        case DigestKind::Text:
        case DigestKind::TextForm: digest ^= pgHashBytes(v.data, v.size, seed); break;
        }
    }
    return qint64(digest);
}

} // namespace sluice::engine
