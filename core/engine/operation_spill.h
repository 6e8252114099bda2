#pragma once

#include "common/result.h"
#include "destination/destination.h"

#include <QDataStream>
#include <QHash>
#include <QSet>
#include <QString>

#include <memory>

class QTemporaryFile;

// A run's planned operations, kept on disk between planning and delivery:
// a run plans completely before it sends anything (key checks, identity
// conflicts and the mass-delete guard need the whole plan), yet holds only
// one chunk in memory, however large the change. The file is owner-only,
// lives in the workspace's .sluice/tmp and is deleted with the spill.
namespace sluice::engine {

class OperationSpill final
{
public:
    struct Extra
    {
        QString src;   // warehouse diff: the row's source digest
        QString match; // and its match value
    };

    OperationSpill();
    ~OperationSpill();
    Q_DISABLE_COPY_MOVE(OperationSpill)

    Result<void> open(const QString &directory);
    void append(const destination::Operation &op, const Extra &extra = {});
    qint64 count() const { return m_count; }
    qint64 deletes() const { return m_deletes; } // of them, removals
    // Starts reading from the first operation again.
    Result<void> rewind();
    // The next up to `n` operations not in `skip`, with their extras; false when none are left.
    bool next(qsizetype n, const QSet<QString> &skip, QList<destination::Operation> &ops, QHash<QString, Extra> &extras);
    // Every operation was read back intact.
    bool complete() const { return m_read == m_count && m_stream.status() == QDataStream::Ok; }

private:
    std::unique_ptr<QTemporaryFile> m_file;
    QDataStream m_stream;
    qint64 m_count = 0;
    qint64 m_deletes = 0;
    qint64 m_read = 0;
};

} // namespace sluice::engine
