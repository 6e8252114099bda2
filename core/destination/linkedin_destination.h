#pragma once

#include "destination/http_delivery.h"

#include <QUrl>

namespace sluice::destination {

// LinkedIn Matched Audiences: users of a DMP segment added and removed with
// POST /rest/dmpSegments/{id}/users (Rest.li BATCH_CREATE), elements with
// `action` ADD or REMOVE and `userIds` ({idType, idValue}: SHA256_EMAIL,
// SHA512_EMAIL, GOOGLE_AID, APPLE_IDFA), plus the name and company fields
// LinkedIn matches on. The answer has one status per element, in order.
const QStringList &linkedinIdentifierKinds();
bool linkedinKindIsHashed(const QString &kind);

class LinkedInProtocol final : public HttpProtocol
{
public:
    LinkedInProtocol(QUrl baseUrl, QByteArray token, QString version, QString segment);
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;
    Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const override;

    static QString wordsOf(const QJsonObject &error);
    QList<QPair<QByteArray, QByteArray>> headers() const;

private:
    QUrl m_base;
    QByteArray m_token;
    QString m_version;
    QString m_segment;
};

class LinkedInDestination final : public Destination
{
public:
    LinkedInDestination(QString name, QUrl baseUrl, QByteArray token, QString version, HttpSettings settings);
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
