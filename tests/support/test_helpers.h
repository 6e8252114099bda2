#pragma once

#include <QString>
#include <QStringList>

namespace sluice::test {

// This process's resident memory, in kB (VmRSS of /proc/self/status); -1 when unknown.
qint64 residentKb();

// Runs the openssl command line tool (a key pair for a test); false and its output on failure.
bool openssl(const QStringList &args, QString *error);

// Whether `signature` is an RS256 signature of `signingInput` by the key
// whose public half is `publicKeyPem`: how an emulated API checks a JWT.
bool rs256SignatureHolds(const QByteArray &publicKeyPem, const QByteArray &signingInput, const QByteArray &signature);

// SQL whose single-quoted literals escape with a backslash (Snowflake's,
// GoogleSQL's, Redshift's) as PostgreSQL reads it: each literal decoded and
// written again with its quotes doubled; "..." and `...` names and comments
// pass unchanged. `googleSql`: a line break or an unknown escape inside a
// literal, or two literals side by side ('a''b'), is a syntax error, as
// BigQuery says; otherwise '' inside a literal is a quote (Snowflake).
// Empty, with `error` set, when a literal is malformed.
QString backslashLiteralsToPostgres(const QString &sql, bool googleSql, QString *error);

} // namespace sluice::test
