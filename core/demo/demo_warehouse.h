#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace sluice::demo {

// The embedded demo: a customer-360 warehouse in SQLite, generated
// deterministically (same row count, same bytes of data) so that a demo,
// a test and a benchmark all see the same customers.
struct DemoOptions
{
    qint64 users = 10'000;
    quint64 seed = 20261101;
};

Result<void> generateDemoWarehouse(const QString &path, const DemoOptions &options,
                                   const std::function<void(qint64 done, qint64 total)> &progress = {});

// sluice.json of the demo workspace, pointing at demo/warehouse.db.
QJsonObject demoWorkspaceConfig();

} // namespace sluice::demo
