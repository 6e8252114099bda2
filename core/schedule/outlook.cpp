#include "schedule/outlook.h"

#include "engine/sync_engine.h"
#include "workspace/workspace.h"

#include <QCoreApplication>

namespace sluice::schedule {

LastRun lastRunOf(const store::StateStore &store, const QString &sync)
{
    for (const store::RunRecord &r : store.runs(sync, 20)) {
        if (r.status == QLatin1String("running") || r.metrics.value(QStringLiteral("cancelled")).toBool())
            continue;
        return {r.startedAt, r.finishedAt, r.status == QLatin1String("succeeded")};
    }
    return {};
}

Outlook outlook(const workspace::Workspace &workspace, const store::StateStore &store, const QDateTime &now)
{
    Outlook out;
    if (const auto holder = store.lockHolder(QStringLiteral("agent")); holder && holder->alive)
        out.agent = holder;
    for (const workspace::SyncConfig &sync : workspace.config().syncs) {
        SyncOutlook s;
        s.sync = sync.name;
        const auto lock = store.lockHolder(engine::syncLockName(sync.name));
        s.running = lock && lock->alive;
        s.paused = store.isPaused(sync.name, now);
        const Result<Schedule> schedule = Schedule::from(sync.schedule, sync.name);
        if (!schedule) {
            s.schedule = QCoreApplication::translate("sluice::schedule", "invalid schedule");
        } else {
            s.schedule = schedule->describe();
            if (out.agent && schedule->kind() != Schedule::Kind::Manual) {
                const LastRun parent = schedule->kind() == Schedule::Kind::After ? lastRunOf(store, schedule->parent()) : LastRun{};
                s.next = schedule->nextDue(lastRunOf(store, sync.name), parent, out.agent->since);
            }
        }
        out.syncs.append(s);
    }
    return out;
}

} // namespace sluice::schedule
