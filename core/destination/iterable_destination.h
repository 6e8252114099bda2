#pragma once

#include "destination/http_delivery.h"

#include <QUrl>

namespace sluice::destination {

// Iterable's POST /api/users/bulkUpdate with the project's key in the
// `Api-Key` header: users named by `email`, or by `userId` with preferUserId,
// their other fields under `dataFields`. A 200 answer counts successes and
// lists the users it did not update by category (invalid, not found,
// forgotten, conflicting, invalid data), and the fields it filtered out
// because they clash with the project's field types: a record that lost a
// field that way is reported rejected, never delivered half.
class IterableProtocol final : public HttpProtocol
{
public:
    IterableProtocol(QUrl baseUrl, QByteArray apiKey, QString identifier);
    HttpRequest encode(const QList<Operation> &operations, const BatchContext &batch) const override;
    Verdict judge(const QList<Operation> &operations, const HttpAnswer &answer) const override;

    static QString wordsOf(const QByteArray &body);

private:
    QString idOf(const QJsonObject &fields) const;

    QUrl m_base;
    QByteArray m_key;
    QString m_identifier; // email or userId
};

class IterableDestination final : public Destination
{
public:
    IterableDestination(QString name, QUrl baseUrl, QByteArray apiKey, HttpSettings settings);
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;
    Result<QList<FieldInfo>> describe(const QString &object) const override;

private:
    QString m_name;
    QUrl m_base;
    QByteArray m_key;
    HttpSettings m_settings;
};

} // namespace sluice::destination
