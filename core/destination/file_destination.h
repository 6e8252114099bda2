#pragma once

#include "destination/destination.h"

namespace sluice::destination {

// jsonl and csv files. The file is the destination's whole content: each
// delivery applies the operations to what the file held and replaces it
// atomically (QSaveFile), so a crash leaves the old file or the new one.
// jsonl lines are {"key": ..., "fields": {...}}; csv has a key column first.
class FileDestination final : public Destination
{
public:
    FileDestination(QString name, QString path, bool csv);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;

private:
    QString m_name;
    QString m_path;
    bool m_csv;
};

} // namespace sluice::destination
