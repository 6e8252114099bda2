#pragma once

#include <QtGlobal>

#include <vector>

namespace sluice::engine {

// The values that occur more than once in `hashes` (64-bit hashes, spread
// uniformly), sorted; at most `limit` of them. Reorders `hashes`. Past 65,536
// hashes they are dealt into 2,048 buckets by their top bits first, and each
// bucket is sorted while it sits in the cache, instead of one sort of all.
std::vector<quint64> repeatedHashes(std::vector<quint64> &hashes, std::size_t limit = std::size_t(-1));

} // namespace sluice::engine
