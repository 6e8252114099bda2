#include "engine/known_records.h"

#include "engine/record_digest.h"
#include "store/state_store.h"

#include <algorithm>
#include <bit>

namespace sluice::engine {

namespace {

quint64 contentOf(const QString &hash)
{
    if (hash == QLatin1String("pending"))
        return 0;
    const quint64 high = Digest::fromHex(hash).high;
    return high == 0 ? 1 : high; // 0 means pending
}

} // namespace

quint64 KnownRecords::keyHash(QStringView key)
{
    return quint64(qHash(key, size_t(0x5eed5eedu)));
}

void KnownRecords::load(const store::StateStore &store, const QString &sync)
{
    store.forEachRecordHash(sync, [&](const QString &key, const QString &hash) {
        m_entries.push_back({keyHash(key), contentOf(hash)});
    });
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) { return a.keyHash < b.keyHash; });
    for (size_t i = 1; i < m_entries.size(); ++i)
        if (m_entries[i].keyHash == m_entries[i - 1].keyHash)
            m_ambiguous.insert(m_entries[i].keyHash);
    if (!m_ambiguous.isEmpty()) {
        // Two keys, one 64-bit hash: keep those keys whole.
        store.forEachRecordHash(sync, [&](const QString &key, const QString &hash) {
            if (m_ambiguous.contains(keyHash(key)))
                m_exact.insert(key, {contentOf(hash), false});
        });
        m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return m_ambiguous.contains(e.keyHash); }),
                        m_entries.end());
    }
    m_entries.shrink_to_fit();
    m_seen.assign(m_entries.size(), false);
    // About two entries a bucket, addressed by the hash's top bits.
    const int bits = m_entries.size() < 4 ? 1 : std::bit_width(m_entries.size() / 2);
    m_shift = 64 - bits;
    m_directory.assign((size_t(1) << bits) + 1, 0);
    size_t at = 0;
    for (size_t bucket = 0; bucket < (size_t(1) << bits); ++bucket) {
        m_directory[bucket] = quint32(at);
        while (at < m_entries.size() && (m_entries[at].keyHash >> m_shift) == bucket)
            ++at;
    }
    m_directory.back() = quint32(m_entries.size());
}

qsizetype KnownRecords::indexOf(quint64 hash) const
{
    if (m_entries.empty())
        return -1;
    const size_t bucket = hash >> m_shift;
    for (quint32 i = m_directory[bucket]; i < m_directory[bucket + 1]; ++i)
        if (m_entries[i].keyHash == hash)
            return qsizetype(i);
    return -1;
}

KnownRecords::Found KnownRecords::see(QStringView key)
{
    const quint64 hash = keyHash(key);
    if (!m_ambiguous.isEmpty() && m_ambiguous.contains(hash)) {
        auto it = m_exact.find(key.toString());
        if (it == m_exact.end())
            return {};
        if (!it->seen)
            ++m_seenCount;
        it->seen = true;
        return {true, it->content == 0, it->content};
    }
    const qsizetype i = indexOf(hash);
    if (i < 0)
        return {};
    if (!m_seen[size_t(i)])
        ++m_seenCount;
    m_seen[size_t(i)] = true;
    return {true, m_entries[size_t(i)].content == 0, m_entries[size_t(i)].content};
}

QStringList KnownRecords::unseen(const store::StateStore &store, const QString &sync) const
{
    QStringList keys;
    if (m_seenCount == size())
        return keys;
    store.forEachRecordHash(sync, [&](const QString &key, const QString &) {
        const quint64 hash = keyHash(key);
        if (m_ambiguous.contains(hash)) {
            if (!m_exact.value(key).seen)
                keys.append(key);
            return;
        }
        const qsizetype i = indexOf(hash);
        if (i >= 0 && !m_seen[size_t(i)])
            keys.append(key);
    });
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace sluice::engine
