#pragma once

#include "emulator_server.h"

#include <QJsonObject>

namespace sluice::test {

// Iterable's user API for one project, as its public documentation describes it:
// - `Api-Key: <key>` or 401 {"code": "BadApiKey"}; a key of a client-side
//   type gets 401 {"code": "Forbidden"} on server-side endpoints.
// - POST /api/users/bulkUpdate: JSON {"users": [...]}, at most 1000 users
//   (400 BadParams), each named by `email` or, with preferUserId, `userId`;
//   fields under `dataFields`. The answer counts successes and failures and
//   lists the users not updated by category (invalidEmails,
//   forgottenEmails, ...), both at the top level and under failedUpdates; a
//   field whose value clashes with the project's type for it is dropped and
//   named in filteredOutFields, the rest of the user still updated.
// - A one-second window of `limit` requests, past which 429 RateLimitExceeded.
// - GET /api/users/getFields: the project's fields and their types.
class IterableEmulator final : public EmulatorServer
{
public:
    explicit IterableEmulator(QString apiKey, int requestsPerSecond = 1000, quint16 port = 0);
    ~IterableEmulator() override;

    void forget(const QStringList &ids); // users a privacy deletion removed
    void setServerSideKey(bool serverSide);
    void setRateLimit(int requestsPerSecond);
    QHash<QString, QJsonObject> users() const; // email (lower-cased) or userId -> dataFields and identifiers
    QHash<QString, int> writes() const;
    int throttled() const;
    int maxInWindow() const;

protected:
    Response handle(const Request &request) override;

private:
    Response bulkUpdate(const Request &request);

    QString m_key;
    bool m_serverSide = true;
    RateWindow m_window;
    QHash<QString, QString> m_fieldTypes; // name -> string, long, double, boolean, date
    QHash<QString, QJsonObject> m_users;
    QHash<QString, int> m_writes;
    QStringList m_forgotten;
};

} // namespace sluice::test
