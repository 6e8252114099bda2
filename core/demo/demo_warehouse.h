#pragma once

#include "common/result.h"

#include <QDateTime>
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
    // The demo's "now": its activity ends here, and its views' windows
    // (events of the last 30 days, churn risk) count back from it. Invalid:
    // today's midnight (UTC), so "seen in the last 30 days" means the same
    // on the day the demo is made as on any other.
    QDateTime anchor;
};

Result<void> generateDemoWarehouse(const QString &path, const DemoOptions &options,
                                   const std::function<void(qint64 done, qint64 total)> &progress = {});

// sluice.json of the demo workspace, pointing at demo/warehouse.db.
QJsonObject demoWorkspaceConfig();

// Where the demo's ad audiences go: the Meta and Google emulators that
// `sluice-emulator meta|google` run on these ports by default.
constexpr quint16 demoMetaPort = 8461;
constexpr quint16 demoGooglePort = 8462;

// Adds to a demo sluice.json the high-value audience (repeat and VIP
// customers) and its syncs to Meta Custom Audiences and Google Customer
// Match, pointed at the emulators; credentials come from META_TOKEN,
// GOOGLE_CLIENT_SECRET and GOOGLE_REFRESH_TOKEN.
void addDemoAudiences(QJsonObject &config);

} // namespace sluice::demo
