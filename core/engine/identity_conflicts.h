#pragma once

#include "common/result.h"
#include "engine/mode_plan.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QTemporaryFile;

// The identity-conflict stage: two records with one match value, which the
// destination would merge into one. Every planned record is noted with its
// match value; in memory that costs 8 bytes (the value's hash), the rest
// goes to a buffer that moves to an owner-only temporary file past 1 MiB.
// Only when two records share a hash is the file read back, and only the
// records with such a hash are compared by value: memory follows the
// conflicts, not the model.
namespace sluice::engine {

class IdentityConflicts final
{
public:
    struct Holder
    {
        QString key;
        Fate fate;
        bool sent;
    };
    struct Conflict
    {
        QString match;
        QList<Holder> holders; // two or more, in the order noted
    };

    // `directory`: where the temporary file goes, if one is needed.
    explicit IdentityConflicts(QString directory);
    ~IdentityConflicts();
    IdentityConflicts(const IdentityConflicts &) = delete;
    IdentityConflicts &operator=(const IdentityConflicts &) = delete;

    void note(const QString &match, const QString &key, Fate fate, bool sent);
    qint64 count() const { return qint64(m_hashes.size()); }
    bool onDisk() const { return m_file != nullptr; }
    // Every distinct match value noted (the warehouse diff asks the state
    // who else holds them; called only where few records were noted).
    Result<QStringList> matchValues() const;
    // The conflicts, sorted by match value.
    Result<QList<Conflict>> conflicts();

private:
    Result<void> flush();
    Result<void> forEach(const std::function<void(quint64, const Holder &, const QString &)> &visit) const;

    QString m_directory;
    std::vector<quint64> m_hashes;
    QByteArray m_buffer;
    std::unique_ptr<QTemporaryFile> m_file;
    std::optional<Error> m_failure; // a write to the file failed: the records stay in memory
};

} // namespace sluice::engine
