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
// delivered with the first 64 bits of its content hash. It has to hold every
// key at once, so it is kept compact: 16 bytes a record in one sorted array
// (a 64-bit hash of the key, the content hash), found through a bucket
// directory, plus one "seen" bit. Keys whose 64-bit hashes collide (about one
// chance in 10^6 at 10M keys) are kept whole in a side table, so a lookup is
// exact. Keys are not kept: the few a run needs back (records that left the
// model) come from a second pass over the state.
namespace sluice::engine {

class KnownRecords final
{
public:
    void load(const store::StateStore &store, const QString &sync);

    struct Found
    {
        bool known = false;   // the state has the key
        bool pending = false; // marked before a send that never settled: maybe in the destination
        quint64 content = 0;  // first 64 bits of the content hash
    };
    // Looks the key up and marks it seen by this run.
    Found see(QStringView key);

    qint64 size() const { return qint64(m_entries.size()) + m_exact.size(); }
    // Keys in the state this run did not see, sorted.
    QStringList unseen(const store::StateStore &store, const QString &sync) const;

private:
    static quint64 keyHash(QStringView key);
    qsizetype indexOf(quint64 hash) const;

    struct Entry
    {
        quint64 keyHash;
        quint64 content; // 0: pending
    };
    struct Exact
    {
        quint64 content = 0;
        bool seen = false;
    };
    std::vector<Entry> m_entries;
    std::vector<quint32> m_directory;
    std::vector<bool> m_seen;
    int m_shift = 64;
    qint64 m_seenCount = 0;
    QSet<quint64> m_ambiguous;
    QHash<QString, Exact> m_exact;
};

} // namespace sluice::engine
