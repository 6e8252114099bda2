#pragma once

#include "destination/http_delivery.h"

#include <QHash>
#include <QUrl>

namespace sluice::destination {

// Intercom's contacts API, one contact a request (Intercom has no batch
// write): POST /contacts creates a user; when Intercom answers 409 ("A
// contact matching those details already exists with id=...") the same
// contact is read first (GET /contacts/{id}): only when it is the same
// record (same match value, or none) is it updated with PUT /contacts/{id};
// a contact that merely shares the e-mail of another record is an identity
// conflict, rejected, never merged. Standard attributes (email,
// phone, name, external_id, ...) go at the top level, the others under
// custom_attributes. Bearer token and an Intercom-Version header; 429 carries
// X-RateLimit-Reset (a Unix time).
class IntercomProtocol final : public HttpProtocol
{
public:
    IntercomProtocol(QUrl baseUrl, QByteArray token, QString version, QString matchField = QStringLiteral("external_id"));
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;
    Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const override;

    static QString wordsOf(const QByteArray &body);
    QList<QPair<QByteArray, QByteArray>> headers() const;

private:
    QUrl m_base;
    QByteArray m_token;
    QString m_version;
    QString m_match;
    // Contacts Intercom named in a conflict, by record key: read, then updated if they are the same record.
    struct Existing
    {
        QString id;
        bool verified = false;
    };
    mutable QHash<QString, Existing> m_existing;
    Verdict judgeExisting(const Operation &operation, const HttpAnswer &answer) const;
};

class IntercomDestination final : public Destination
{
public:
    IntercomDestination(QString name, QUrl baseUrl, QByteArray token, QString version, HttpSettings settings);
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
