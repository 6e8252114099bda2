#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice::source {
class RowView;
}

namespace sluice::engine {

// The warehouse diff's source digest on PostgreSQL (WarehouseDiff): each
// column the sync reads is hashed to 64 bits by its type's own extended hash
// function, seeded by its position (1, 2, ...), NULL giving the seed itself,
// and the hashes are combined with XOR. How a column is hashed depends on
// its type; the SQL (WarehouseDiff::sourceExpression) and Sluice's own copy
// of it (SourceDigest) both follow digestKind().
enum class DigestKind {
    Integer,   // smallint, integer, bigint: hashint8extended of the value
    Boolean,   // hashint8extended of 0 or 1
    Timestamp, // timestamp, timestamptz (sessions run in UTC): timestamp_hash_extended
    Text,      // text, varchar: hashtextextended of the bytes
    Uuid,      // uuid_hash_extended of the 16 bytes
    Padded,    // char(n): hashtextextended of the text without its trailing blanks
    TextForm,  // anything else: hashtextextended of its text form
};
DigestKind digestKind(const QString &nativeType);

// PostgreSQL's hash_bytes_extended() (Bob Jenkins' lookup3, 64-bit result,
// 64-bit seed), which hashtextextended() and uuid_hash_extended() apply to a
// value's bytes, and hashint8extended(), which hashes a bigint (and, through
// it, a timestamp's microseconds since 2000-01-01). Written from the
// algorithm's description; tst_postgres checks them against a real server.
quint64 pgHashBytes(const char *data, int length, quint64 seed);
quint64 pgHashInt8(qint64 value, quint64 seed);

// The source digest of a model row, computed by Sluice from the text the
// warehouse sent, equal to what sourceExpression() computes in the
// warehouse. The first run of a sync (an empty state) reads the model as it
// is and stores this digest, so the warehouse does not hash a million rows
// only to compare them with nothing. std::nullopt: a value this copy does
// not read (a BC timestamp, say); the state then keeps no digest for the
// record and the next run reads it once more (its record hash decides, so
// nothing is sent twice).
class SourceDigest final
{
public:
    // columns: each used column's index in the row and its type, in the digest's order.
    struct Column
    {
        int index;
        DigestKind kind;
    };
    explicit SourceDigest(QList<Column> columns) : m_columns(std::move(columns)) {}
    std::optional<qint64> of(const source::RowView &row) const;

private:
    QList<Column> m_columns;
};

// "2026-01-31 12:00:00.5+00" (DateStyle ISO) -> microseconds since
// 2000-01-01 00:00:00 UTC, PostgreSQL's own representation; nullopt for
// anything else (BC, infinity).
std::optional<qint64> pgTimestampMicros(const char *text, int length);

} // namespace sluice::engine
