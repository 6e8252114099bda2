#pragma once

#include "engine/sync_engine.h"

namespace sluice::engine {

// runSync's plan: every operation kept for delivery (planSync keeps samples).
Result<SyncPlan> planSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &sync,
                          const SyncOptions &options, bool keepOperations);

} // namespace sluice::engine
