#pragma once

#include "engine/sync_engine.h"
#include "mapping/field_schema.h"

namespace sluice::engine {

// runSync's plan: every operation kept for delivery (planSync keeps samples).
Result<SyncPlan> planSync(const workspace::Workspace &workspace, store::StateStore &store, const QString &sync,
                          const SyncOptions &options, bool keepOperations);

// Changing what is sent, or how, re-sends what it affects: the hash of the
// sync's fields, object and match, part of every record's content hash.
QString fingerprint(const workspace::SyncConfig &sync);

// The rules a sync's records must meet before they are sent: the
// destination's field_schema, completed from what the destination describes
// of the sync's object (HubSpot's properties, say). A mapped field the
// destination does not have is a configuration error.
Result<mapping::FieldSchema> destinationRules(const workspace::Workspace &workspace, const workspace::SyncConfig &sync);

// Whether a consent column's value grants consent: true, t, yes, y, 1 (any
// case), a non-zero number; NULL and everything else do not.
bool consented(const QVariant &value);

// Why a record is held back as an identity conflict (plan and projection say it alike).
QString identityConflictReason(const QString &key, const QStringList &others, const QString &matchField);

} // namespace sluice::engine
