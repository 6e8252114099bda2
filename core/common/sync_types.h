#pragma once

#include <QString>

#include <optional>

// The engine's vocabulary as types: a run's status, a sync's mode and diff
// strategy, why a record was held. Strings only at the edges: sluice.json,
// the state database and the JSON the CLI prints, through the functions here.
namespace sluice {

enum class RunStatus { Planned, Running, Succeeded, Partial, Failed };
enum class SyncMode { Upsert, Update, Insert, Mirror, Append };
enum class DiffKind { Local, Warehouse };
enum class HeldKind { Invalid, Rejected };

QString toString(RunStatus status);
QString toString(SyncMode mode);
QString toString(DiffKind diff);
QString toString(HeldKind kind);

std::optional<RunStatus> runStatusFrom(const QString &text);
std::optional<SyncMode> syncModeFrom(const QString &text);
std::optional<DiffKind> diffKindFrom(const QString &text);
std::optional<HeldKind> heldKindFrom(const QString &text);

// DESIGN.md's exit codes: 0 succeeded (or planned), 3 partial, 1 failed.
int exitCodeFor(RunStatus status);

} // namespace sluice
