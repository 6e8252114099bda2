#pragma once

// What a run records as its batches settle (state, rejections, ledger,
// identities, counts), written on a thread of its own: the state database's
// work then overlaps the destination's and the reading of the plan, instead
// of adding to them. (Records about to be sent are marked pending in a file
// of their own, StateStore::markPending, which takes no database lock.)
#include "common/result.h"
#include "store/state_store.h"

#include <QJsonObject>

#include <memory>

namespace sluice::engine {

class StateWriter
{
public:
    struct Settled
    {
        QList<store::StateStore::Accepted> accepted;
        QList<store::StateStore::Held> held;
        QList<store::StateStore::LedgerEntry> ledger;
        QStringList refusedNew;
        QList<QPair<QString, QByteArray>> identitiesKept;
        QStringList identitiesRemoved;
        bool keepIdentities = false;
        QJsonObject counts; // the run's counts once this is recorded
    };

    // Opens its own connection to `store`'s file on its thread.
    StateWriter(const store::StateStore &store, QString sync, QString runId);
    ~StateWriter(); // waits for what is queued
    StateWriter(const StateWriter &) = delete;
    StateWriter &operator=(const StateWriter &) = delete;

    // Queued, written in order; waits while much is queued already.
    void record(Settled settled);
    // Waits until everything queued is written: the first error, if any.
    Result<void> drain();
    qint64 busyMs() const;

private:
    struct Shared;
    std::unique_ptr<Shared> m_shared;
};

} // namespace sluice::engine
