#pragma once

#include "common/result.h"
#include "workspace/config.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>
#include <memory>

namespace sluice::workspace {
class Workspace;
}

namespace sluice::destination {

enum class OpKind { Upsert, Update, Insert, Delete, Append };
QString opName(OpKind kind);

struct Operation
{
    QString key;
    OpKind kind = OpKind::Upsert;
    // The mapped record as compact JSON: a planned run can hold a million of
    // these, and text is a seventh of a QJsonObject's footprint.
    QByteArray fieldsJson;
    QString hash; // content hash the state records once accepted
    // The destination has never accepted this key: marked in the state before
    // it is sent, so that a crash mid-send still leaves a trace of it.
    bool isNew = false;

    static Operation make(QString key, OpKind kind, const QJsonObject &fields, QString hash = {});
    QJsonObject fields() const;
};

struct Outcome
{
    QString key;
    bool accepted = false;
    QString reason; // the destination's own words when rejected
    // Whether the destination already held a record under this key (it
    // updated rather than created one), where the destination says so: the
    // run's match rate is read from it.
    std::optional<bool> existed;
};

// One field a destination object has, as its API describes it: feeds
// validation before sending and the GUI's mapper.
struct FieldInfo
{
    QString name;
    QString label;
    QString type;         // string, number, boolean, timestamp, enumeration
    QStringList options;  // enumeration values
    bool unique = false;  // can identify a record (an upsert's match)
    bool readOnly = false;
    QString format;       // email, e164 where the API checks it
    int maxLength = -1;   // longest text the API keeps; -1: no limit it states
    bool required = false; // a record must carry a value (on create)
};

// An object a destination holds records in (a table, a CRM object), as the
// destination lists it: feeds the sync editor's object list.
struct ObjectInfo
{
    QString name;  // what a sync's "object" names
    QString label; // how the tool shows it; may be empty
};

struct DeliveryContext
{
    QString sync;
    QString runId;
    QString object;
    QString matchField; // the destination field records are matched on (sync.match.destination)
    bool consentGranted = false; // every record passed the sync's consent policy
    // Batch numbers continue across the chunks of one run (a webhook's
    // Idempotency-Key is <run_id>-<batch_no>): the next one to use, advanced by each delivery.
    int *nextBatch = nullptr;
    const std::atomic_bool *cancel = nullptr;
    // The whole run's operations over all its chunks, and how many of them
    // are removals (-1: not known): a platform that groups a run's uploads
    // into sessions knows which batch is the last.
    qint64 runTotal = -1;
    qint64 runDeletes = -1;
    bool fullResync = false; // the run sends every record again (a platform may replace its list with them)
    // Called as each batch settles, so the engine can commit state per batch
    // (after a crash, at most the batches in flight are sent again).
    std::function<void(const QList<Operation> &, const QList<Outcome> &)> settled;
    std::function<void(qint64 done, qint64 total)> progress;
    // Called just before a batch goes out, so the engine can note that these
    // records may reach the destination: if the process dies before the batch
    // settles, the next run still knows to update or delete them.
    std::function<void(const QList<Operation> &)> sending;
    // What the platform reports of the delivery as a whole ("received",
    // "invalid", "matched"), added up by the run.
    std::function<void(const QString &measure, qint64 value)> report;
};

// A file that exists, or whose nearest existing folder is writable (so it
// and the folders on its way can be created); errors name `owner`.
Result<void> creatableFile(const QString &path, const QString &owner);

// A run's planned operations, read a chunk at a time (the engine's spill
// behind it); read again from the start after rewind().
class OperationSource
{
public:
    virtual ~OperationSource() = default;
    virtual Result<void> rewind() = 0;
    // The next up to `n` operations; false when none are left.
    virtual bool next(qsizetype n, QList<Operation> &ops) = 0;
    virtual qint64 count() const = 0;
};

// Where records go. deliver() reports every operation through `settled`,
// accepted or rejected; an Error means the destination could not be reached
// (after retries): operations not reported were not delivered.
class Destination
{
public:
    virtual ~Destination() = default;
    virtual Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) = 0;
    // The cheapest proof the destination can be written to (reach the host,
    // open the database, a writable folder); errors name the destination.
    virtual Result<void> check() const { return {}; }
    // True when the destination must receive a run's operations in one
    // deliver() call (a file rewritten whole); otherwise a run delivers its
    // plan in chunks, so its memory stays bounded however large the change.
    virtual bool wholeRun() const { return false; }
    // A wholeRun() destination's delivery of a whole run: by default the run
    // read into memory and given to deliver() at once; a destination that
    // can work in bounded memory (a sorted merge) reads the source itself.
    virtual Result<void> deliverRun(OperationSource &source, const DeliveryContext &context);
    // The fields of `object` (a table's columns, a CRM object's properties);
    // empty where the destination cannot say.
    virtual Result<QList<FieldInfo>> describe(const QString &object) const
    {
        Q_UNUSED(object);
        return QList<FieldInfo>();
    }

    // The objects a sync can write to, as the destination lists them; empty
    // where it cannot say (a file, a webhook) and the object is typed.
    virtual Result<QList<ObjectInfo>> objects() const { return QList<ObjectInfo>(); }

    static Result<std::unique_ptr<Destination>> create(const workspace::DestinationConfig &config,
                                                       const workspace::Workspace &workspace);
};

} // namespace sluice::destination
