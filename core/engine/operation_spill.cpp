#include "engine/operation_spill.h"

#include <QCoreApplication>
#include <QDir>
#include <QTemporaryFile>

namespace sluice::engine {

OperationSpill::OperationSpill() = default;

OperationSpill::~OperationSpill() = default;

Result<void> OperationSpill::open(const QString &directory)
{
    QDir().mkpath(directory);
    QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_file = std::make_unique<QTemporaryFile>(directory + QStringLiteral("/plan-XXXXXX"));
    if (!m_file->open())
        return Error{QCoreApplication::translate("sluice::engine", "cannot keep the plan in %1: %2").arg(directory, m_file->errorString()),
                     Error::Kind::Internal};
    m_stream.setDevice(m_file.get());
    return {};
}

void OperationSpill::append(const destination::Operation &op, const Extra &extra)
{
    // Bytes, not QStrings: UTF-8 keys and Latin-1 hashes are half the size of UTF-16.
    m_stream << op.key.toUtf8() << qint8(op.kind) << op.fieldsJson << op.hash.toLatin1() << op.isNew << extra.src.toLatin1() << extra.match.toUtf8();
    ++m_count;
    m_deletes += op.kind == destination::OpKind::Delete;
}

Result<void> OperationSpill::rewind()
{
    if (m_stream.status() != QDataStream::Ok || !m_file->flush() || !m_file->seek(0))
        return Error{QCoreApplication::translate("sluice::engine", "cannot read back the plan kept in %1: %2").arg(m_file->fileName(), m_file->errorString()),
                     Error::Kind::Internal};
    m_stream.resetStatus();
    m_read = 0;
    return {};
}

bool OperationSpill::next(qsizetype n, const QSet<QString> &skip, QList<destination::Operation> &ops, QHash<QString, Extra> &extras)
{
    ops.clear();
    extras.clear();
    while (ops.size() < n && m_read < m_count) {
        destination::Operation op;
        Extra extra;
        qint8 kind = 0;
        QByteArray key, hash, src, match;
        m_stream >> key >> kind >> op.fieldsJson >> hash >> op.isNew >> src >> match;
        op.key = QString::fromUtf8(key);
        op.hash = QString::fromLatin1(hash);
        extra.src = QString::fromLatin1(src);
        extra.match = QString::fromUtf8(match);
        ++m_read;
        if (m_stream.status() != QDataStream::Ok)
            break;
        if (skip.contains(op.key))
            continue;
        op.kind = destination::OpKind(kind);
        if (!extra.src.isEmpty() || !extra.match.isEmpty()) // a local diff keeps none: no hashing a key for nothing
            extras.insert(op.key, extra);
        ops.append(std::move(op));
    }
    return !ops.isEmpty();
}

} // namespace sluice::engine
