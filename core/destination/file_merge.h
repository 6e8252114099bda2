#pragma once

#include "destination/destination.h"

// A run into a jsonl file in bounded memory: the file Sluice writes is sorted
// by key, so a run need not hold the file or the plan. The run's operations
// are read a chunk at a time, each chunk sorted and kept in a temporary file
// beside the destination; the old file and those sorted runs are then merged
// key by key into the new file (QSaveFile: a crash leaves the old file or the
// new one), each operation's outcome kept as one byte; once the new file is
// in place the plan is read again and settled a chunk at a time. Memory holds
// one chunk, one entry per sorted run and a byte per operation.
namespace sluice::destination {

// A planned record as the jsonl line the file holds for it.
QByteArray jsonlLineOf(const Operation &op);

enum class MergeResult { Done, Unsorted };

struct MergeChunks
{
    qsizetype sort = 100000;  // operations sorted in memory at a time
    qsizetype settle = 50000; // operations settled at a time
};

// Applies the run in `source` to the jsonl file at `path`. Unsorted: the
// file is not in key order (written by hand or by another tool) and was left
// as it was; the caller then applies the run in memory. `publish`, when
// given, runs once the merged file is written and before anything settles
// (a csv destination writes itself from it): its error fails the run.
Result<MergeResult> mergeRunIntoJsonl(const QString &path, const QString &owner, OperationSource &source, const DeliveryContext &context,
                                      const MergeChunks &chunks = {}, const std::function<Result<void>()> &publish = {});

// A csv file (as FileDestination writes it: a key column, then the fields)
// as sorted jsonl lines, and back; both a record at a time. toJsonl: false
// when the csv is not valid; fromJsonl writes `csv` through QSaveFile.
Result<bool> csvToJsonl(const QString &csv, const QString &jsonl);
Result<void> jsonlToCsv(const QString &jsonl, const QString &csv);

} // namespace sluice::destination
