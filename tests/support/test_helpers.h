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

} // namespace sluice::test
