#pragma once

#include "emulator_server.h"

#include <QJsonObject>
#include <QSet>

namespace sluice::test {

// Meta's Custom Audience users edge, as the Marketing API documents it:
// - POST (add) and DELETE (remove) /vNN.N/{audience_id}/users, the token as
//   `access_token` (body or query) or Bearer; a wrong one is HTTP 400 with
//   {"error": {"type": "OAuthException", "code": 190}}; a token without
//   ads_management on the account, code 200.
// - {"payload": {"schema": [kinds], "data": [[...]]}}: at most 10,000 rows
//   (code 100), each as long as the schema; hashed kinds must be SHA-256 hex
//   (others are counted in num_invalid_entries, with samples). The answer:
//   audience_id, session_id, num_received, num_invalid_entries,
//   invalid_entry_samples.
// - An unknown audience is code 100 subcode 33; a flagged one code 100
//   subcode 1713230. A window of `limit` calls per second per ad account,
//   past which code 80003 with X-Business-Use-Case-Usage.
// - An optional "session": {session_id (a positive integer), batch_seq
//   (from 1), last_batch_flag (boolean), estimated_num_total}: anything else
//   in it is code 100; batches may come out of order, and one numbered
//   after the session's last is taken but counted (Meta documents no
//   refusal); the answer's session_id is the request's.
// - POST /vNN.N/{audience_id}/usersreplace (a session required): the
//   session's members replace the audience when its last batch arrives.
// - GET /vNN.N/me for any valid token.
class MetaEmulator final : public EmulatorServer
{
public:
    MetaEmulator(QString token, QString audienceId, int callsPerSecond = 1000, quint16 port = 0);
    ~MetaEmulator() override;

    void setFlagged(bool flagged);
    void setPermission(bool granted);
    void setRateLimit(int callsPerSecond);
    // Members, each the row it was uploaded as (its values joined with '|').
    QSet<QString> members() const;
    bool hasIdentifier(const QString &value) const;
    QList<QJsonObject> payloads() const; // every payload received, in order
    int throttled() const;
    struct Session
    {
        QList<int> batches; // batch_seq as they came
        bool closed = false;
        int lastSeq = 0;
        int afterLast = 0; // batches numbered after the last one
        qint64 received = 0;
        qint64 estimatedTotal = -1;
        bool removal = false;
        bool replace = false; // a usersreplace session
    };
    // A member added outside Sluice (by hand in Ads Manager, say).
    void addMember(const QStringList &values);
    QHash<qint64, Session> sessions() const;

protected:
    Response handle(const Request &request) override;

private:
    Response edit(const Request &request, bool add, bool replace = false);

    QString m_token;
    QString m_audience;
    bool m_flagged = false;
    bool m_permission = true;
    RateWindow m_window;
    QHash<QString, QStringList> m_members; // the row's values joined -> the row
    QList<QJsonObject> m_payloads;
    QHash<qint64, Session> m_sessions;
    QHash<qint64, QHash<QString, QStringList>> m_replacing; // usersreplace sessions still open
};

} // namespace sluice::test
