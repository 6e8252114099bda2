#include "common/sync_types.h"

#include <array>
#include <utility>

namespace sluice {

namespace {

template<typename E, size_t N>
QString nameOf(const std::array<std::pair<E, const char *>, N> &names, E value)
{
    for (const auto &[e, name] : names)
        if (e == value)
            return QString::fromLatin1(name);
    return {};
}

template<typename E, size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char *>, N> &names, const QString &text)
{
    for (const auto &[e, name] : names)
        if (text == QLatin1String(name))
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<RunStatus, const char *>, 5> statuses{{{RunStatus::Planned, "planned"},
                                                                      {RunStatus::Running, "running"},
                                                                      {RunStatus::Succeeded, "succeeded"},
                                                                      {RunStatus::Partial, "partial"},
                                                                      {RunStatus::Failed, "failed"}}};
constexpr std::array<std::pair<SyncMode, const char *>, 5> modes{{{SyncMode::Upsert, "upsert"},
                                                                  {SyncMode::Update, "update"},
                                                                  {SyncMode::Insert, "insert"},
                                                                  {SyncMode::Mirror, "mirror"},
                                                                  {SyncMode::Append, "append"}}};
constexpr std::array<std::pair<DiffKind, const char *>, 2> diffs{{{DiffKind::Local, "local"}, {DiffKind::Warehouse, "warehouse"}}};
constexpr std::array<std::pair<HeldKind, const char *>, 2> kinds{{{HeldKind::Invalid, "invalid"}, {HeldKind::Rejected, "rejected"}}};

} // namespace

QString toString(RunStatus status) { return nameOf(statuses, status); }
QString toString(SyncMode mode) { return nameOf(modes, mode); }
QString toString(DiffKind diff) { return nameOf(diffs, diff); }
QString toString(HeldKind kind) { return nameOf(kinds, kind); }

std::optional<RunStatus> runStatusFrom(const QString &text) { return valueOf(statuses, text); }
std::optional<SyncMode> syncModeFrom(const QString &text) { return valueOf(modes, text); }
std::optional<DiffKind> diffKindFrom(const QString &text) { return valueOf(diffs, text); }
std::optional<HeldKind> heldKindFrom(const QString &text) { return valueOf(kinds, text); }

int exitCodeFor(RunStatus status)
{
    switch (status) {
    case RunStatus::Planned:
    case RunStatus::Succeeded: return 0;
    case RunStatus::Partial: return 3;
    case RunStatus::Running:
    case RunStatus::Failed: return 1;
    }
    return 1;
}

} // namespace sluice
