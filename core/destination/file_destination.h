#pragma once

#include "destination/destination.h"
#include "destination/file_merge.h"

#include <map>

namespace sluice::destination {

// jsonl and csv files. The file is the destination's whole content: each
// delivery applies the operations to what the file held and replaces it
// atomically (QSaveFile), so a crash leaves the old file or the new one.
// jsonl lines are {"key": ..., "fields": {...}}; csv (RFC 4180) has a key
// column first. A lock file beside it serializes writers.
class FileDestination final : public Destination
{
public:
    FileDestination(QString name, QString path, bool csv);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;
    bool wholeRun() const override { return true; }
    // jsonl and csv: a sorted merge in bounded memory (destination/file_merge.h).
    Result<void> deliverRun(OperationSource &source, const DeliveryContext &context) override;

private:
    using Records = std::multimap<QString, QByteArray>; // key -> its line(s), as JSON Lines
    Result<void> load(Records &records) const;
    Result<void> write(const Records &records) const;
    Result<MergeResult> mergeIntoCsv(const QString &owner, OperationSource &source, const DeliveryContext &context);

    QString m_name;
    QString m_path;
    bool m_csv;
};

} // namespace sluice::destination
