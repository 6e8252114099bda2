#include "engine/repeated_hashes.h"

#include <algorithm>

namespace sluice::engine {

namespace {

// Appends the repeated values of the sorted range; false once `limit` are found.
bool collectRepeated(std::vector<quint64>::iterator first, std::vector<quint64>::iterator last, std::vector<quint64> &out, std::size_t limit)
{
    for (auto it = std::adjacent_find(first, last); it != last; it = std::adjacent_find(it, last)) {
        out.push_back(*it);
        if (out.size() >= limit)
            return false;
        const quint64 value = *it;
        while (it != last && *it == value)
            ++it;
    }
    return true;
}

} // namespace

std::vector<quint64> repeatedHashes(std::vector<quint64> &hashes, std::size_t limit)
{
    std::vector<quint64> repeated;
    if (hashes.size() < 65536) {
        std::sort(hashes.begin(), hashes.end());
        collectRepeated(hashes.begin(), hashes.end(), repeated, limit);
        return repeated;
    }
    constexpr int bits = 11;
    std::vector<quint32> start((std::size_t(1) << bits) + 1, 0);
    for (const quint64 h : hashes)
        ++start[(h >> (64 - bits)) + 1];
    for (std::size_t b = 1; b < start.size(); ++b)
        start[b] += start[b - 1];
    std::vector<quint64> dealt(hashes.size());
    std::vector<quint32> next(start.begin(), start.end() - 1);
    for (const quint64 h : hashes)
        dealt[next[h >> (64 - bits)]++] = h;
    for (std::size_t b = 0; b + 1 < start.size(); ++b) {
        const auto first = dealt.begin() + start[b], last = dealt.begin() + start[b + 1];
        std::sort(first, last);
        if (!collectRepeated(first, last, repeated, limit))
            break;
    }
    hashes.swap(dealt); // sorted now
    return repeated;
}

} // namespace sluice::engine
