#pragma once

#include "emulator_server.h"

#include <QJsonObject>

namespace sluice::test {

// Intercom's contacts API for one workspace, as its public documentation
// describes it:
// - `Authorization: Bearer <token>` or 401 (error.list, code unauthorized);
//   an `Intercom-Version` header; an app without write access gets 403
//   (token_unauthorized).
// - POST /contacts creates a contact (role user); one whose external_id or
//   email Intercom already has answers 409 conflict "A contact matching
//   those details already exists with id=...". PUT /contacts/{id} updates.
//   Custom attributes must exist (data attributes) and match their type, or
//   400 parameter_invalid; an invalid e-mail 400 too.
// - GET /contacts/{id}, GET /me, GET /data_attributes?model=contact.
// - A window of `limit` requests per `windowMs` (10 s, as Intercom spreads
//   its per-minute limit), past which 429 with X-RateLimit-Limit,
//   -Remaining and -Reset (a Unix time).
class IntercomEmulator final : public EmulatorServer
{
public:
    explicit IntercomEmulator(QString token, int limit = 1666, qint64 windowMs = 10000, quint16 port = 0);
    ~IntercomEmulator() override;

    void refuse(const QHash<QString, QString> &messages); // external id -> message
    void setWriteAccess(bool canWrite);
    void setRateLimit(int limit);
    QHash<QString, QJsonObject> contacts() const; // external id -> contact
    QHash<QString, int> writes() const;
    int throttled() const;
    int maxInWindow() const;

protected:
    Response handle(const Request &request) override;

private:
    Response write(const Request &request, const QString &id);

    QString m_token;
    bool m_canWrite = true;
    RateWindow m_window;
    QHash<QString, QString> m_customTypes;
    QHash<QString, QJsonObject> m_contacts; // Intercom id -> contact
    QHash<QString, int> m_writes;
    QHash<QString, QString> m_refuse;
    int m_nextId = 1;
};

} // namespace sluice::test
