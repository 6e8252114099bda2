#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace sluice::store {
class StateStore;
}

// What the destination holds, for the local diff: every key the sync ever
// delivered with 62 bits of its content hash. It has to hold every key at
// once, so it is kept compact: 16 bytes a record in one sorted array (the
// key's stored 64-bit hash; the content bits and two flags in one word),
// found through a small bucket directory. Keys whose 64-bit hashes collide
// (about one chance in 10^6 at 10M keys) are kept whole in a side table, so a
// lookup is exact. Keys themselves are not kept: the few a run needs back
// (records that left the model) are looked up by hash in the state.
//
// It also notices keys the model yields twice (the same key seen again, or
// two new keys with one hash), so the local diff can check keys on the rows
// it already streams; a hit is confirmed by the warehouse's exact check.
namespace sluice::engine {

// Memory for the index's arrays, backed by 2 MiB pages where the kernel
// allows (transparent huge pages in "madvise" mode, Debian's default): every
// lookup lands at a random place in tens of megabytes, and with 4 KiB pages
// each one also missed the TLB.
void *allocateHuge(std::size_t bytes);
void releaseHuge(void *p, std::size_t bytes);
template<typename T>
struct HugePageAllocator
{
    using value_type = T;
    HugePageAllocator() = default;
    template<typename U>
    HugePageAllocator(const HugePageAllocator<U> &) {}
    T *allocate(std::size_t n) { return static_cast<T *>(allocateHuge(n * sizeof(T))); }
    void deallocate(T *p, std::size_t n) { releaseHuge(p, n * sizeof(T)); }
    template<typename U>
    bool operator==(const HugePageAllocator<U> &) const { return true; }
};

class KnownRecords final
{
public:
    void load(const store::StateStore &store, const QString &sync);

    // What a content digest's first 64 bits become in the index (0 is "pending").
    static quint64 contentKey(quint64 digestHigh)
    {
        const quint64 c = digestHigh >> 2;
        return c ? c : 1;
    }
    struct Found
    {
        bool known = false;   // the state has the key
        bool pending = false; // marked before a send that never settled: maybe in the destination
        quint64 content = 0;  // contentKey() of the content hash the destination holds
    };
    // A row's key is hashed once; prefetch() asks for the memory its lookup
    // will touch, so that work done on the row meanwhile hides the wait.
    static quint64 hashOf(QStringView key);
    void prefetch(quint64 keyHash) const;
    // Looks the key up and marks it seen by this run.
    Found see(QStringView key, quint64 keyHash);
    Found see(QStringView key) { return see(key, hashOf(key)); }
    // A key of a row the run leaves out (no consent): not seen, so under
    // mirror its record is removed, but counted for maybeDuplicateKeys().
    void note(QStringView key);
    // True when this run may have met a key twice (never a false "no").
    bool maybeDuplicateKeys();

    qint64 size() const { return qint64(m_entries.size()) + m_exact.size(); }
    // Keys in the state this run did not see, sorted.
    QStringList unseen(const store::StateStore &store, const QString &sync) const;

private:
    enum : quint64 { Seen = 1, Noted = 2, Flags = 3 };
    struct Entry
    {
        quint64 keyHash;
        quint64 word; // contentKey << 2 | flags; content 0: pending
    };
    struct Exact
    {
        quint64 word = 0;
    };
    const Entry *find(quint64 keyHash) const;
    // Marks one record met with `how`; returns its word (nullptr: not in the state).
    quint64 *meet(QStringView key, quint64 keyHash, quint64 how);

    std::vector<Entry, HugePageAllocator<Entry>> m_entries;
    std::vector<quint32, HugePageAllocator<quint32>> m_directory;
    int m_shift = 64;
    qint64 m_seenCount = 0;
    bool m_seenTwice = false;
    std::vector<quint64> m_fresh; // hashes of met keys the state does not have
    QSet<quint64> m_ambiguous;
    QHash<QString, Exact> m_exact;
};

} // namespace sluice::engine
