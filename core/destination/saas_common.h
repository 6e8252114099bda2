#pragma once

#include "destination/http_delivery.h"

#include <QJsonValue>
#include <QUrl>

// Small pieces every SaaS connector shares: a JSON request against a base
// URL, a JSON value as text, and the reading of a failed check or describe
// call (unreachable, refused credentials, missing permission) into an Error
// that names the destination and never carries a secret.
namespace sluice::destination {

QString destinationTr(const char *text);

// `path` is appended to the base URL's path; `query` may be empty.
HttpRequest jsonRequest(const QUrl &base, const QByteArray &method, const QString &path,
                        const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body = {},
                        const QString &query = {});

// A JSON scalar as the text a tool keeps (numbers without exponent noise).
QString jsonText(const QJsonValue &value);

// What a check or describe call's failure means, for people. `tool` names the
// service ("Iterable"), `secretName` what it refused ("the API key"), `what`
// the call ("reading the user fields"), `words` the tool's own message.
Error callRefusal(const QString &owner, const QUrl &base, const HttpAnswer &answer, const QString &tool, const QString &secretName,
                  const QString &what, const QString &words);

// Removals a list destination cannot send because the state kept no
// identifiers for them: settled as rejected with `reason`; the rest returned.
QList<Operation> withoutUnremovable(const QList<Operation> &operations, const DeliveryContext &context, const QString &reason);

// An audience platform's identifier kinds as fields: `hashed` ones must
// carry a SHA-256 hash.
QList<FieldInfo> identifierFields(const QStringList &kinds, bool (*hashed)(const QString &));

} // namespace sluice::destination
