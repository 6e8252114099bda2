#include "engine/record_digest.h"

#include "source/column.h"

#include <xxhash.h>

namespace sluice::engine {

QString Digest::toHex() const
{
    char text[33];
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 16; ++i) {
        text[i] = digits[(high >> (60 - 4 * i)) & 0xf];
        text[16 + i] = digits[(low >> (60 - 4 * i)) & 0xf];
    }
    text[32] = 0;
    return QString::fromLatin1(text, 32);
}

Digest Digest::fromHex(QStringView hex)
{
    return {hex.left(16).toULongLong(nullptr, 16), hex.mid(16, 16).toULongLong(nullptr, 16)};
}

RecordWriter::RecordWriter(const QStringList &fieldNames, const QString &mappingFingerprint)
    : m_fingerprint(mappingFingerprint.toUtf8())
{
    for (qsizetype i = 0; i < fieldNames.size(); ++i) {
        QByteArray prefix(i == 0 ? "{" : ",");
        source::appendJsonString(prefix, fieldNames[i]);
        prefix.append(':');
        m_prefixes.append(prefix);
    }
    m_json.reserve(512);
}

RecordWriter::~RecordWriter() = default;

void RecordWriter::write(const QVariantList &values)
{
    begin();
    for (qsizetype i = 0; i < values.size() && i < m_prefixes.size(); ++i) {
        field(i);
        source::appendJson(m_json, values[i]);
    }
    finish();
}

void RecordWriter::finish()
{
    if (m_prefixes.isEmpty())
        source::appendBytes(m_json, "{}", 2);
    else
        source::appendBytes(m_json, "}", 1);
    // The fingerprint rides at the end of the buffer just for the hash.
    const qsizetype size = m_json.size();
    source::appendBytes(m_json, m_fingerprint.constData(), m_fingerprint.size());
    const XXH128_hash_t h = XXH3_128bits(m_json.constData(), size_t(m_json.size()));
    m_json.resize(size);
    const quint64 high = h.high64, low = h.low64;
    m_digest = {high, low};
}

} // namespace sluice::engine
