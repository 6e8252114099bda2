#pragma once

#include "common/result.h"

#include <QString>

// Secrets in the operating system's keychain (the Secret Service on Linux:
// gnome-keyring or KWallet), through QtKeychain, under the service "sluice".
// A `{"keychain": "NAME"}` reference reads the entry NAME. Nothing is ever
// stored in plain text as a fallback.
namespace sluice::workspace {

// `owner` names what needs the secret ("destination crm: token") in errors.
Result<QString> readKeychain(const QString &name, const QString &owner);
Result<void> writeKeychain(const QString &name, const QString &value);
Result<void> deleteKeychain(const QString &name);

} // namespace sluice::workspace
