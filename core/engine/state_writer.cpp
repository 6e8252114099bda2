#include "engine/state_writer.h"

#include <QElapsedTimer>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <optional>
#include <thread>

namespace sluice::engine {

namespace {

// A large settled batch (a destination may settle many records at once) is
// written a slice at a time, each its own transaction, so that no
// transaction grows past SQLite's page cache.
constexpr qsizetype kSlice = 4096;
// Settled records waiting to be written, at most (memory stays bounded
// whatever the run's size): the delivery then waits.
constexpr qsizetype kQueued = 8192;

} // namespace

struct StateWriter::Shared
{
    QString sync, runId;
    std::mutex mutex;
    std::condition_variable wake, settled;
    std::deque<Settled> queue;
    qsizetype queued = 0; // records in the queue
    bool writing = false, stopping = false;
    std::optional<Error> failure; // the first
    std::atomic<qint64> busyMs{0};
    std::unique_ptr<store::StateStore> store;
    std::thread thread;

    void fail(const Result<void> &r)
    {
        if (r.ok())
            return;
        std::lock_guard lock(mutex);
        if (!failure)
            failure = r.error();
    }
    void write(const Settled &s);
    void loop();
};

void StateWriter::Shared::write(const Settled &s)
{
    QElapsedTimer busy;
    busy.start();
    if (!s.refusedNew.isEmpty())
        fail(store->clearPending(sync, s.refusedNew));
    for (qsizetype from = 0; from < s.accepted.size() || (from == 0 && !s.held.isEmpty()); from += kSlice) {
        fail(store->commitOutcomes(sync, runId, s.accepted.mid(from, kSlice), from == 0 ? s.held : QList<store::StateStore::Held>()));
    }
    if (s.keepIdentities)
        fail(store->keepIdentities(sync, s.identitiesKept, s.identitiesRemoved));
    for (qsizetype from = 0; from < s.ledger.size(); from += kSlice) {
        fail(store->appendLedger(sync, runId, s.ledger.mid(from, kSlice)));
    }
    if (!s.accepted.isEmpty())
        store->noteDelivered(sync);
    (void)store->updateRunCounts(runId, s.counts); // so that a run that dies still says what it delivered
    busyMs += busy.elapsed();
}

void StateWriter::Shared::loop()
{
    for (;;) {
        std::unique_lock lock(mutex);
        wake.wait(lock, [&] { return !queue.empty() || stopping; });
        if (queue.empty())
            break; // stopping, and nothing left
        Settled next = std::move(queue.front());
        queue.pop_front();
        queued -= next.ledger.size();
        writing = true;
        lock.unlock();
        if (store)
            write(next);
        lock.lock();
        writing = false;
        lock.unlock();
        settled.notify_all();
    }
    store.reset(); // closed on the thread that opened it
}

StateWriter::StateWriter(const store::StateStore &store, QString sync, QString runId) : m_shared(std::make_unique<Shared>())
{
    m_shared->sync = std::move(sync);
    m_shared->runId = std::move(runId);
    std::promise<void> opened;
    m_shared->thread = std::thread([this, &store, &opened] {
        Result<std::unique_ptr<store::StateStore>> companion = store.openCompanion();
        if (companion)
            m_shared->store = std::move(companion).value();
        else
            m_shared->failure = companion.error();
        opened.set_value();
        m_shared->loop();
    });
    opened.get_future().wait();
}

StateWriter::~StateWriter()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
    }
    m_shared->wake.notify_all();
    m_shared->thread.join();
}

void StateWriter::record(Settled settled)
{
    std::unique_lock lock(m_shared->mutex);
    m_shared->settled.wait(lock, [&] { return m_shared->queued < kQueued || m_shared->queue.empty(); });
    m_shared->queued += settled.ledger.size();
    m_shared->queue.push_back(std::move(settled));
    m_shared->wake.notify_all();
}

Result<void> StateWriter::drain()
{
    std::unique_lock lock(m_shared->mutex);
    m_shared->settled.wait(lock, [&] { return m_shared->queue.empty() && !m_shared->writing; });
    if (m_shared->failure)
        return *m_shared->failure;
    return {};
}

qint64 StateWriter::busyMs() const
{
    return m_shared->busyMs.load();
}

} // namespace sluice::engine
