#include "engine/sync_job.h"

#include "engine/sync_engine.h"
#include "store/state_store.h"

#include <QElapsedTimer>
#include <QThreadPool>

#include <optional>

namespace sluice::engine {

QThreadPool &syncPool()
{
    // Syncs run on a pool of their own: a long backfill never starves Qt's
    // global pool, and at most four syncs run at once in one process.
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool;
        p->setMaxThreadCount(4);
        p->setObjectName(QStringLiteral("sluice-syncs"));
        return p;
    }();
    return *pool;
}

SyncJob::SyncJob(Params params, QObject *parent) : QObject(parent), m_params(std::move(params)) {}

SyncJob::~SyncJob()
{
    m_cancel = true;
    while (m_running)
        QThread::msleep(10); // the run polls the flag; it ends promptly
}

void SyncJob::start()
{
    if (m_running.exchange(true))
        return;
    m_cancel = false;
    syncPool().start([this] {
        auto exitCodeOf = [](const Error &e) { return e.kind == Error::Kind::Config ? 2 : 1; };
        auto store = store::StateStore::open(m_params.workspace.stateDbPath());
        if (!store) {
            emit failed(store.error().message, exitCodeOf(store.error()));
            m_running = false;
            return;
        }
        SyncOptions options;
        options.fullResync = m_params.fullResync;
        options.cancel = &m_cancel;
        QElapsedTimer stageClock, throttle;
        QString currentStage;
        options.progress = [&](const QString &stage, qint64 done, qint64 total) {
            if (stage != currentStage) {
                currentStage = stage;
                stageClock.start();
                throttle.invalidate();
            }
            const bool complete = total > 0 && done >= total;
            if (throttle.isValid() && throttle.elapsed() < 250 && !complete)
                return;
            throttle.start();
            const double seconds = qMax<double>(0.001, stageClock.elapsed() / 1000.0);
            const double rate = done / seconds;
            const qint64 eta = total > 0 && rate > 0 ? qint64((total - done) / rate) : -1;
            emit progress(stage, done, total, rate, eta);
            if (stage == QLatin1String("deliver")) {
                const qint64 rejected = m_rejected.load();
                emit delivering(qMax<qint64>(0, done - rejected), rejected);
            }
        };
        m_rejected = 0;
        options.rejected = &m_rejected;
        options.planned = [this](const Counts &c) {
            emit planned({c.added, c.changed, c.removed, c.unchanged, c.excluded, c.invalid});
        };
        // The answer is made first, the state database closed (its checkpoint
        // can take a while after a large run), and only then is it told: the
        // screen that deletes this job on hearing it never waits for the close.
        std::optional<RunSummary> summary;
        std::optional<Error> failure;
        if (m_params.planOnly) {
            auto plan = planSync(m_params.workspace, *store.value(), m_params.sync, options);
            if (!plan) {
                failure = plan.error();
            } else {
                RunResult r;
                r.plan = std::move(plan).value();
                r.status = RunStatus::Planned;
                summary = RunSummary::of(r);
            }
        } else {
            auto run = runSync(m_params.workspace, *store.value(), m_params.sync, options);
            if (!run)
                failure = run.error();
            else
                summary = RunSummary::of(run.value());
        }
        store.value().reset();
        if (failure)
            emit failed(failure->message, exitCodeOf(*failure));
        else
            emit finished(*summary);
        m_running = false;
    });
}

} // namespace sluice::engine
