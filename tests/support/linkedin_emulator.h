#pragma once

#include "emulator_server.h"

#include <QJsonObject>
#include <QSet>

namespace sluice::test {

// LinkedIn's DMP segment users, as its Marketing API documents them:
// Bearer token (401 INVALID_ACCESS_TOKEN otherwise), `LinkedIn-Version`,
// `X-Restli-Protocol-Version: 2.0.0` and `X-RestLi-Method: BATCH_CREATE`
// required; POST /rest/dmpSegments/{id}/users with at most 5,000 elements,
// each an ADD or REMOVE with userIds ({idType, idValue}; SHA256_EMAIL must be
// 64 hex) or name fields. The answer lists one status per element, in order:
// 201, or 400 with the element's error. GET /rest/adAccounts answers a valid
// token.
class LinkedInEmulator final : public EmulatorServer
{
public:
    LinkedInEmulator(QString token, QString segment, quint16 port = 0);
    ~LinkedInEmulator() override;

    void refuse(const QSet<QString> &idValues); // elements carrying one of these are refused
    QSet<QString> members() const; // SHA256_EMAIL values in the segment
    QList<QByteArray> headersOf(const QByteArray &name) const;

protected:
    Response handle(const Request &request) override;

private:
    QString m_token;
    QString m_segment;
    QSet<QString> m_members;
    QSet<QString> m_refuse;
};

} // namespace sluice::test
