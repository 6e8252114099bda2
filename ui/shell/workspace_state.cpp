#include "shell/workspace_state.h"

namespace sluice::ui {

WorkspaceState openWorkspaceState(const QString &dir)
{
    WorkspaceState out;
    Result<workspace::Workspace> ws = workspace::Workspace::open(dir);
    if (!ws) {
        out.problem = ws.error().message;
        return out;
    }
    auto store = store::StateStore::open(ws->stateDbPath());
    if (!store) {
        out.problem = store.error().message;
        return out;
    }
    out.workspace = std::move(ws).value();
    out.store = std::move(store).value();
    return out;
}

} // namespace sluice::ui
