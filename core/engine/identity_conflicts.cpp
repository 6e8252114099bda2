#include "engine/identity_conflicts.h"

#include "engine/repeated_hashes.h"
#include "store/state_store.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDataStream>
#include <QDir>
#include <QHash>
#include <QTemporaryFile>

#include <algorithm>

namespace sluice::engine {

namespace {

constexpr qsizetype kBufferBytes = qsizetype(1) << 20;

Error fileError(const QString &what, const QString &path, const QString &why)
{
    return Error{QCoreApplication::translate("sluice::engine", "%1 in %2: %3").arg(what, path, why), Error::Kind::Internal};
}

// Reads the records of `device` until it ends; false when one was cut short.
bool readRecords(QIODevice &device, const std::function<void(quint64, const IdentityConflicts::Holder &, const QString &)> &visit)
{
    QDataStream in(&device);
    quint64 hash;
    quint8 fate;
    bool sent;
    QByteArray key, match;
    while (!in.atEnd()) {
        in >> hash >> fate >> sent >> key >> match;
        if (in.status() != QDataStream::Ok)
            return false;
        visit(hash, {QString::fromUtf8(key), Fate(fate), sent}, QString::fromUtf8(match));
    }
    return true;
}

} // namespace

IdentityConflicts::IdentityConflicts(QString directory) : m_directory(std::move(directory)) {}

IdentityConflicts::~IdentityConflicts() = default;

void IdentityConflicts::note(const QString &match, const QString &key, Fate fate, bool sent)
{
    const QByteArray value = match.toUtf8();
    m_hashes.push_back(store::recordKeyHash(QByteArrayView(value)));
    {
        QBuffer buffer(&m_buffer);
        buffer.open(QIODevice::Append);
        QDataStream out(&buffer);
        out << m_hashes.back() << quint8(fate) << sent << key.toUtf8() << value;
    }
    if (m_buffer.size() >= kBufferBytes && !m_failure)
        if (Result<void> r = flush(); !r)
            m_failure = r.error(); // reported when the records are read back
}

Result<void> IdentityConflicts::flush()
{
    if (!m_file) {
        QDir().mkpath(m_directory);
        m_file = std::make_unique<QTemporaryFile>(m_directory + QStringLiteral("/match-XXXXXX"));
        if (!m_file->open())
            return fileError(QCoreApplication::translate("sluice::engine", "cannot keep the match values"), m_directory, m_file->errorString());
    }
    if (m_file->write(m_buffer) != m_buffer.size())
        return fileError(QCoreApplication::translate("sluice::engine", "cannot keep the match values"), m_file->fileName(), m_file->errorString());
    m_buffer.clear();
    return {};
}

Result<void> IdentityConflicts::forEach(const std::function<void(quint64, const Holder &, const QString &)> &visit) const
{
    if (m_failure)
        return *m_failure;
    if (m_file) {
        const QString cut = QCoreApplication::translate("sluice::engine", "cannot read back the match values");
        if (!m_file->flush() || !m_file->seek(0))
            return fileError(cut, m_file->fileName(), m_file->errorString());
        if (!readRecords(*m_file, visit))
            return fileError(cut, m_file->fileName(), QCoreApplication::translate("sluice::engine", "the file is cut short"));
        m_file->seek(m_file->size());
    }
    QBuffer buffer(const_cast<QByteArray *>(&m_buffer));
    buffer.open(QIODevice::ReadOnly);
    readRecords(buffer, visit);
    return {};
}

Result<QStringList> IdentityConflicts::matchValues() const
{
    QSet<QString> seen;
    QStringList values;
    Result<void> read = forEach([&](quint64, const Holder &, const QString &match) {
        if (!seen.contains(match)) {
            seen.insert(match);
            values.append(match);
        }
    });
    if (!read)
        return read.error();
    return values;
}

Result<QList<IdentityConflicts::Conflict>> IdentityConflicts::conflicts()
{
    QList<Conflict> found;
    std::vector<quint64> suspects = repeatedHashes(m_hashes);
    if (suspects.empty())
        return found; // no two records share even a hash
    QHash<QString, QList<Holder>> byMatch;
    Result<void> read = forEach([&](quint64 hash, const Holder &holder, const QString &match) {
        if (std::binary_search(suspects.begin(), suspects.end(), hash))
            byMatch[match].append(holder);
    });
    if (!read)
        return read.error();
    for (auto it = byMatch.begin(); it != byMatch.end(); ++it)
        if (it.value().size() > 1)
            found.append({it.key(), it.value()});
    std::sort(found.begin(), found.end(), [](const Conflict &a, const Conflict &b) { return a.match < b.match; });
    return found;
}

} // namespace sluice::engine
