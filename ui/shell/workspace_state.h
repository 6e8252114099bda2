#pragma once

#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QString>

#include <memory>
#include <optional>

namespace sluice::ui {

// A workspace and its state database, opened together off the UI thread
// (each screen's loader does this first); `problem` says why when either
// cannot be opened.
struct WorkspaceState
{
    std::optional<workspace::Workspace> workspace;
    std::unique_ptr<store::StateStore> store;
    QString problem;
};

WorkspaceState openWorkspaceState(const QString &dir);

} // namespace sluice::ui
