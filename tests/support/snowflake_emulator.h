#pragma once

#include "emulator_server.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace sluice::test {

// Snowflake's SQL API as its documentation describes it, with the SQL run on
// a local PostgreSQL database behind it (names folded as Snowflake folds
// them: a quoted upper-case name is the unquoted one; results name columns
// in upper case):
// - POST /api/v2/statements with a JSON body ("statement", "database",
//   "schema", "warehouse", "bindings", "parameters"); headers Authorization:
//   Bearer <JWT> with X-Snowflake-Authorization-Token-Type KEYPAIR_JWT, and
//   Accept: application/json. The JWT is checked as Snowflake checks it: RS256
//   signed by the user's key, iss ACCOUNT.USER.SHA256:<public key
//   fingerprint>, sub ACCOUNT.USER, not expired; otherwise 401 with code 390144.
// - No warehouse: 422, code 000606. A database other than its own: 422,
//   code 002043. An SQL error: 422, code 002003, the message after
//   "SQL compilation error:", and the SQL state.
// - Results: 200 with resultSetMetaData (rowType with Snowflake's types:
//   fixed with precision and scale, real, text, boolean, date as days,
//   timestamp_ntz / timestamp_tz as seconds since the epoch, variant as JSON
//   text, binary as hex), the first partition in "data" and the others by
//   GET /api/v2/statements/{handle}?partition=N.
// - Asynchronous execution (?async=true, or every statement after
//   setPollsBeforeDone): 202 with code 333334 and statementStatusUrl, then
//   202 on GET until done; POST .../{handle}/cancel cancels (then 422, code 000604).
class SnowflakeEmulator final : public EmulatorServer
{
public:
    SnowflakeEmulator(QString account, QString user, QByteArray publicKeyPem, int pgPort, QString pgPassword, QString pgDatabase);
    ~SnowflakeEmulator() override;

    void setPartitionRows(int rows);
    void setPollsBeforeDone(int polls);
    // OAuth access tokens it takes (type OAUTH), and ones it says have expired (390318).
    void addOAuthToken(const QByteArray &token, bool expired);
    QList<QJsonObject> statements() const; // the bodies of every POST /api/v2/statements
    int cancels() const;

protected:
    Response handle(const Request &request) override;

private:
    struct Statement
    {
        QJsonArray rowType;
        QList<QJsonArray> rows;
        int pollsLeft = 0;
        bool cancelled = false;
        QJsonObject error; // set when the statement failed
    };
    std::optional<Response> refuseAuth(const Request &request) const;
    Statement execute(const QJsonObject &body);
    Response answer(const QString &handle, Statement &statement, int partition);
    static Response failure(int status, const QString &code, const QString &message, const QString &sqlState = {}, const QString &handle = {});

    QString m_account, m_user, m_fingerprint;
    QByteArray m_publicKey;
    int m_pgPort;
    QString m_pgPassword, m_pgDatabase;
    QString m_connection; // created on the server thread
    int m_partitionRows = 1000;
    int m_pollsBeforeDone = 0;
    int m_cancels = 0;
    QHash<QString, Statement> m_statements;
    QList<QJsonObject> m_bodies;
    QSet<QByteArray> m_oauthTokens, m_expiredTokens;
};

} // namespace sluice::test
