#pragma once

#include "destination/destination.h"
#include "common/sync_types.h"

// The plan by mode: what a record's diff verdict becomes under the sync's
// mode: counted as added, changed or unchanged, and sent or not, with the
// operation the destination is asked for.
namespace sluice::engine {

enum class Fate : char { Added, Changed, Unchanged };

struct ModeVerdict
{
    Fate fate;
    bool send;
};

// isNew: the destination never received the record from this sync;
// unchanged: it holds the record exactly as mapped now.
ModeVerdict planByMode(SyncMode mode, bool isNew, bool unchanged);
// The operation a sent record becomes (removals are always deletes).
destination::OpKind sendKind(SyncMode mode);

} // namespace sluice::engine
