#pragma once

#include "destination/http_delivery.h"

#include <QHash>
#include <QMutex>
#include <QSet>
#include <QUrl>

#include <memory>

namespace sluice::destination {

// The identifier kinds of a Meta customer list, as its Marketing API names
// them; all but MADID and EXTERN_ID are sent as SHA-256 hashes of the
// normalized value (hash:meta).
const QStringList &metaIdentifierKinds();
bool metaKindIsHashed(const QString &kind);

// Meta Custom Audiences: members added with POST and removed with DELETE
// /{version}/{audience_id}/users, up to 10,000 a request, as
// {"payload": {"schema": [kinds], "data": [[values in schema order]]}}.
// The answer counts what Meta received (`num_received`) and could not read
// (`num_invalid_entries`, with `invalid_entry_samples`): a member whose
// values are among the samples is rejected with Meta's words. Errors come as
// {"error": {"code", "error_subcode", "message"}} with HTTP 400 even for a
// bad token (code 190): they are read by code, not status.
//
// A run's uploads form sessions, as Meta documents for lists sent in
// batches: one for its additions and one for its removals, each request
// carrying {"session": {session_id, batch_seq (from 1), last_batch_flag,
// estimated_num_total}}; the batch that completes the run's count of its
// kind is the last, and goes out alone once every other batch of the
// session has settled. A full resync sends its additions to
// /{audience_id}/usersreplace: when that session's last batch arrives, the
// audience is exactly what the run sent (members added elsewhere leave).
struct MetaSessions
{
    QMutex lock;
    qint64 id[2] = {0, 0};          // [0] additions, [1] removals
    qint64 total[2] = {-1, -1};     // what the run sends of each kind (-1: not known)
    qint64 handed[2] = {0, 0};      // of them, handed to deliver() so far
    QSet<QString> encoded[2];       // members already in a request of the session
    int nextSeq[2] = {1, 1};
    QHash<QString, int> seqOfBatch[2]; // a batch sent again (after a throttle) keeps its batch_seq
};
class MetaProtocol final : public HttpProtocol
{
public:
    // `finishing`: this delivery may flag a session's last batch; `replace`: additions replace the audience.
    MetaProtocol(QUrl baseUrl, QByteArray token, QString version, QString audienceId, std::shared_ptr<MetaSessions> sessions = {},
                 bool finishing = false, bool replace = false);
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;
    Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const override;
    bool oneKindPerBatch() const override { return true; }

    static QString wordsOf(const QByteArray &body);

private:
    QJsonObject session(int kind, const QList<Operation> &operations) const;

    QUrl m_base;
    QByteArray m_token;
    QString m_version;
    QString m_audience;
    std::shared_ptr<MetaSessions> m_sessions;
    bool m_finishing = false;
    bool m_replace = false;
};

class MetaDestination final : public Destination
{
public:
    MetaDestination(QString name, QUrl baseUrl, QByteArray token, QString version, HttpSettings settings);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;
    Result<QList<FieldInfo>> describe(const QString &object) const override;

private:
    std::pair<QList<Operation>, QList<Operation>> splitSessionEnds(const QList<Operation> &operations);

    QString m_name;
    QUrl m_base;
    QByteArray m_token;
    QString m_version;
    HttpSettings m_settings;
    std::shared_ptr<MetaSessions> m_sessions = std::make_shared<MetaSessions>(); // the run's (a destination serves one run)
};

} // namespace sluice::destination
