#include "engine/known_records.h"

#include "engine/repeated_hashes.h"
#include "store/state_store.h"

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <new>

#include <sys/mman.h>

namespace sluice::engine {

namespace {

constexpr std::size_t kHugePage = std::size_t(2) << 20;

} // namespace

void *allocateHuge(std::size_t bytes)
{
    if (bytes < kHugePage) {
        if (void *p = std::malloc(bytes ? bytes : 1))
            return p;
        throw std::bad_alloc();
    }
    const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
    void *p = std::aligned_alloc(kHugePage, rounded);
    if (!p)
        throw std::bad_alloc();
    ::madvise(p, rounded, MADV_HUGEPAGE); // advice only: without it the memory still works
    return p;
}

void releaseHuge(void *p, std::size_t)
{
    std::free(p);
}

namespace {

quint64 hexDigits(const char *p)
{
    quint64 v = 0;
    for (int i = 0; i < 16; ++i) {
        const char c = p[i];
        v = (v << 4) | quint64(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

// The state's hash column: 32 hex digits, or "pending" (0).
quint64 contentWord(QByteArrayView hash)
{
    return hash.size() < 16 ? 0 : KnownRecords::contentKey(hexDigits(hash.data())) << 2;
}

} // namespace

quint64 KnownRecords::hashOf(QStringView key)
{
    return store::recordKeyHash(key);
}

void KnownRecords::load(const store::StateStore &store, const QString &sync)
{
    store.forEachRecordState(sync, [&](quint64 keyHash, QByteArrayView hash) { m_entries.push_back({keyHash, contentWord(hash)}); });
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) { return a.keyHash < b.keyHash; });
    for (size_t i = 1; i < m_entries.size(); ++i)
        if (m_entries[i].keyHash == m_entries[i - 1].keyHash)
            m_ambiguous.insert(m_entries[i].keyHash);
    if (!m_ambiguous.isEmpty()) {
        // Two keys, one 64-bit hash: keep those keys whole.
        store.forEachRecordKey(sync, [&](quint64 keyHash) { return m_ambiguous.contains(keyHash); },
                               [&](const QString &key, QByteArrayView hash) { m_exact.insert(key, {contentWord(hash)}); });
        m_entries.erase(std::remove_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return m_ambiguous.contains(e.keyHash); }),
                        m_entries.end());
    }
    m_entries.shrink_to_fit();
    // About eight entries a bucket, addressed by the hash's top bits: the
    // directory stays small enough for the cache, a bucket is two cache lines.
    const int bits = m_entries.size() < 16 ? 1 : std::bit_width(m_entries.size() / 8);
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

void KnownRecords::prefetch(quint64 keyHash) const
{
    if (m_entries.empty())
        return;
    const Entry *first = m_entries.data() + m_directory[keyHash >> m_shift];
    __builtin_prefetch(first);
    __builtin_prefetch(reinterpret_cast<const char *>(first) + 64);
}

const KnownRecords::Entry *KnownRecords::find(quint64 keyHash) const
{
    if (m_entries.empty())
        return nullptr;
    const size_t bucket = keyHash >> m_shift;
    const Entry *end = m_entries.data() + m_directory[bucket + 1];
    for (const Entry *e = m_entries.data() + m_directory[bucket]; e < end && e->keyHash <= keyHash; ++e)
        if (e->keyHash == keyHash)
            return e;
    return nullptr;
}

quint64 *KnownRecords::meet(QStringView key, quint64 keyHash, quint64 how)
{
    quint64 *word = nullptr;
    if (!m_ambiguous.isEmpty() && m_ambiguous.contains(keyHash)) {
        auto it = m_exact.find(key.toString());
        if (it != m_exact.end())
            word = &it->word;
    } else if (const Entry *e = find(keyHash)) {
        word = &const_cast<Entry *>(e)->word;
    }
    if (!word) {
        m_fresh.push_back(keyHash);
        return nullptr;
    }
    if (*word & Flags)
        m_seenTwice = true;
    if ((how & Seen) && !(*word & Seen))
        ++m_seenCount;
    *word |= how;
    return word;
}

KnownRecords::Found KnownRecords::see(QStringView key, quint64 keyHash)
{
    const quint64 *word = meet(key, keyHash, Seen);
    if (!word)
        return {};
    const quint64 content = *word >> 2;
    return {true, content == 0, content};
}

void KnownRecords::note(QStringView key)
{
    meet(key, hashOf(key), Noted);
}

bool KnownRecords::maybeDuplicateKeys()
{
    if (m_seenTwice)
        return true;
    return !repeatedHashes(m_fresh, 1).empty();
}

QStringList KnownRecords::unseen(const store::StateStore &store, const QString &sync) const
{
    QStringList keys;
    if (m_seenCount == size())
        return keys;
    for (auto it = m_exact.constBegin(); it != m_exact.constEnd(); ++it)
        if (!(it->word & Seen))
            keys.append(it.key());
    // One pass over the index finds the hashes; the state's key_hash index turns them into keys.
    std::vector<quint64> hashes;
    for (const Entry &e : m_entries)
        if (!(e.word & Seen))
            hashes.push_back(e.keyHash);
    keys.append(store.keysWithHashes(sync, hashes));
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace sluice::engine
