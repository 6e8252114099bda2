#pragma once

#include "common/result.h"

#include <QString>

#include <functional>

namespace sluice::workspace {

struct InitOptions
{
    bool demo = false;
    qint64 demoUsers = 10'000;
    // With `demo`: also the high-value audience synced to the Meta and Google
    // emulators (demo::addDemoAudiences).
    bool demoAudiences = false;
};

// Creates DIR/sluice.json and DIR/.sluice/state.db; with `demo`, also the demo
// warehouse (demo/warehouse.db) and a sync into a local jsonl file.
// Refuses to touch a directory that already holds a workspace.
Result<void> initWorkspace(const QString &dir, const InitOptions &options,
                           const std::function<void(qint64, qint64)> &progress = {});

} // namespace sluice::workspace
