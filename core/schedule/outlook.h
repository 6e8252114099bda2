#pragma once

#include "schedule/schedule.h"
#include "store/state_store.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace sluice::workspace {
class Workspace;
}

// The schedules seen from outside the agent (the GUI's status bar): whether
// an agent runs the workspace, which syncs run now (whoever started them),
// and when each sync is next due by the rules the agent applies.
namespace sluice::schedule {

// A sync's last run as schedules count it: a run still going, killed, or
// stopped on request does not fill its slot.
LastRun lastRunOf(const store::StateStore &store, const QString &sync);

struct SyncOutlook
{
    QString sync;
    QString schedule;  // in words ("every 900 s", "manual")
    QDateTime next;    // invalid: not scheduled (manual, waiting for its parent, or no agent to run it)
    bool running = false; // a run holds the sync's lock now (GUI, CLI or agent)
    bool paused = false;
};

struct Outlook
{
    std::optional<store::StateStore::LockHolder> agent; // the agent running the workspace, if one is
    QList<SyncOutlook> syncs;                           // by name
};

Outlook outlook(const workspace::Workspace &workspace, const store::StateStore &store, const QDateTime &now);

} // namespace sluice::schedule
