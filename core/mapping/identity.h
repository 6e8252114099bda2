#pragma once

#include "common/result.h"

#include <QString>

// How ad platforms want each identifier normalized before it is hashed,
// written from their documentation (cited beside each rule). The kind is
// the destination field the value goes to: Meta's EMAIL, PHONE, FN, LN, FI,
// GEN, DOBY, DOBM, DOBD, CT, ST, ZIP, COUNTRY; Google's EMAIL, PHONE,
// FIRST_NAME, LAST_NAME; LinkedIn's e-mail kinds. A kind the platform does
// not list (or no kind) is trimmed and lower-cased, and an e-mail or phone
// is recognised by its shape. A value the platform's rule cannot accept (a
// gender that is neither m nor f, a month 13) is an error: its row is held
// back as invalid rather than sent as a hash that can never match.
namespace sluice::mapping {

Result<QString> normalizeIdentity(const QString &platform, const QString &kind, const QString &value);

// The hash:PRESET a destination type's identifiers take: google for Google
// Customer Match, meta for Meta and for LinkedIn (whose e-mail rules are Meta's).
QString identityPreset(const QString &destinationType);

} // namespace sluice::mapping
