#pragma once

#include "emulator_server.h"

#include <QJsonObject>
#include <QSet>

namespace sluice::test {

// Google's Data Manager API for Customer Match, as its documentation
// describes it:
// - POST /token: the refresh-token grant for one OAuth client; its access
//   tokens as Bearer, or 401 UNAUTHENTICATED.
// - POST /v1/audienceMembers:ingest and :remove: `destinations` naming the
//   operating account (accountType, accountId) and the user list
//   (productDestinationId; an unknown one is 404 NOT_FOUND), `encoding` HEX,
//   at most 10,000 audienceMembers, each with userData.userIdentifiers
//   (emailAddress, phoneNumber, address{givenName, familyName, regionCode,
//   postalCode}); hashed ones must be 64 hex. Ingest needs Customer Match's
//   terms accepted. A refused member fails the request: 400
//   INVALID_ARGUMENT with a google.rpc.BadRequest naming
//   audience_members[i] in fieldViolations. Accepted: {"requestId"}.
// - POST /v1/requestStatus:retrieve: per destination, the status and the
//   records ingested or removed; an ingestion also gives its
//   uploadMatchRateRange (MATCH_RATE_RANGE_..., from setMatchShare).
class GoogleEmulator final : public EmulatorServer
{
public:
    GoogleEmulator(QString clientId, QString clientSecret, QString refreshToken, QString accountId, QString userList, quint16 port = 0);
    ~GoogleEmulator() override;

    void expireTokens();
    QSet<QString> members() const; // each member's identifiers joined with '|'
    bool hasIdentifier(const QString &value) const;
    QList<QJsonObject> bodies() const; // every ingest and remove body
    int tokensIssued() const;
    // The share of uploaded members Google says it matched (0.55 unless set).
    void setMatchShare(double share);

protected:
    Response handle(const Request &request) override;

private:
    Response members(const Request &request, bool ingest);

    QString m_clientId, m_clientSecret, m_refreshToken, m_accountId, m_userList;
    QSet<QString> m_tokens;
    int m_issued = 0;
    QHash<QString, QStringList> m_members;
    QHash<QString, QJsonObject> m_requests; // requestId -> status per destination
    QList<QJsonObject> m_bodies;
    double m_matchShare = 0.55;
};

} // namespace sluice::test
