#pragma once

#include "destination/http_delivery.h"

#include <QUrl>

namespace sluice::destination {

// The identifier kinds of a Meta customer list, as its Marketing API names
// them; all but MADID and EXTERN_ID are sent as SHA-256 hashes of the
// normalized value (hash:meta).
const QStringList &metaIdentifierKinds();
bool metaKindIsHashed(const QString &kind);

// Meta Custom Audiences: members added with POST and removed with DELETE
// /{version}/{audience_id}/users, up to 10,000 a request, as
// {"payload": {"schema": [kinds], "data": [[values in schema order]]}}.
// The answer counts what Meta received (`num_received`) and could not read
// (`num_invalid_entries`, with `invalid_entry_samples`): a member whose
// values are among the samples is rejected with Meta's words. Errors come as
// {"error": {"code", "error_subcode", "message"}} with HTTP 400 even for a
// bad token (code 190): they are read by code, not status.
class MetaProtocol final : public HttpProtocol
{
public:
    MetaProtocol(QUrl baseUrl, QByteArray token, QString version, QString audienceId);
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;
    Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const override;
    bool oneKindPerBatch() const override { return true; }

    static QString wordsOf(const QByteArray &body);

private:
    QUrl m_base;
    QByteArray m_token;
    QString m_version;
    QString m_audience;
};

class MetaDestination final : public Destination
{
public:
    MetaDestination(QString name, QUrl baseUrl, QByteArray token, QString version, HttpSettings settings);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;
    Result<QList<FieldInfo>> describe(const QString &object) const override;

private:
    QString m_name;
    QUrl m_base;
    QByteArray m_token;
    QString m_version;
    HttpSettings m_settings;
};

} // namespace sluice::destination
