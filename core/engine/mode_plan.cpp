#include "engine/mode_plan.h"

namespace sluice::engine {

ModeVerdict planByMode(SyncMode mode, bool isNew, bool unchanged)
{
    if (unchanged)
        return {Fate::Unchanged, false};
    // Append adds every changed record again, as a new one.
    const Fate fate = isNew || mode == SyncMode::Append ? Fate::Added : Fate::Changed;
    // Insert never touches a record the destination already has.
    return {fate, !(mode == SyncMode::Insert && !isNew)};
}

destination::OpKind sendKind(SyncMode mode)
{
    switch (mode) {
    case SyncMode::Append: return destination::OpKind::Append;
    case SyncMode::Update: return destination::OpKind::Update;
    case SyncMode::Insert: return destination::OpKind::Insert;
    case SyncMode::Upsert:
    case SyncMode::Mirror: break;
    }
    return destination::OpKind::Upsert;
}

} // namespace sluice::engine
