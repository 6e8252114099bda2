#pragma once

#include "emulator_server.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <deque>

namespace sluice::test {

// HubSpot's CRM objects API as its public documentation describes it, strict
// where HubSpot is strict:
// - `Authorization: Bearer <token>` or 401 (category INVALID_AUTHENTICATION);
//   a token without the objects' write scope gets 403 (MISSING_SCOPES).
// - POST /crm/v3/objects/{type}/batch/upsert|update|create, JSON only (415
//   otherwise), at most 100 inputs (400), `idProperty` a unique property, no
//   duplicate ids in one batch, every property defined on the object and its
//   value valid for the property's type (number, enumeration options, email,
//   bool, date): one bad input fails the whole batch with 400
//   VALIDATION_ERROR, as HubSpot's batch endpoints do.
// - Records it is told to refuse come back in a 207 multi-status answer:
//   the others in `results`, each refused one in `errors[]` with its id in
//   `context.ids`.
// - A rolling ten-second window of `limit` requests; past it, 429 with
//   errorType RATE_LIMIT, policyName TEN_SECONDLY_ROLLING and the
//   X-HubSpot-RateLimit-* headers (no Retry-After, as HubSpot sends none).
// - GET /crm/v3/schemas lists the custom objects (p4242_pets);
//   GET /crm/v3/properties/{type} describes an object; GET
//   /account-info/v3/details answers any valid token.
class HubSpotEmulator final : public EmulatorServer
{
public:
    explicit HubSpotEmulator(QString token, int requestsPer10s = 100, quint16 port = 0);
    ~HubSpotEmulator() override;

    // Records whose id (the idProperty value) HubSpot will refuse, with its message.
    void refuse(const QHash<QString, QString> &messages);
    void setScopes(bool canWrite);
    void setRateLimit(int requestsPer10s);
    // A proxy or sandbox that offers only the objects API: no account details, no properties.
    void setObjectsOnly(bool only);
    // type -> id value (lower-cased email for contacts) -> properties
    QHash<QString, QJsonObject> records(const QString &objectType = QStringLiteral("contacts")) const;
    QHash<QString, int> writes() const; // id -> times written
    int throttled() const;
    int maxInWindow() const; // the most requests it let through in any ten seconds

protected:
    Response handle(const Request &request) override;

private:
    struct Property
    {
        QString type; // string, number, enumeration, bool, date, datetime
        QStringList options;
        bool unique = false;
    };
    Response batch(const Request &request, const QString &objectType, const QString &action);
    Response describe(const QString &objectType) const;
    Response customObjects() const; // GET /crm/v3/schemas
    std::optional<Response> overLimit();
    QString checkValue(const QString &name, const Property &p, const QJsonValue &value) const;

    QString m_token;
    int m_limit;
    bool m_canWrite = true;
    bool m_objectsOnly = false;
    QHash<QString, QHash<QString, Property>> m_schemas; // object type -> property -> definition
    QHash<QString, QHash<QString, QJsonObject>> m_records;
    QHash<QString, int> m_writes;
    QHash<QString, QString> m_refuse;
    std::deque<qint64> m_window;
    QElapsedTimer m_clock;
    int m_throttled = 0;
    int m_maxInWindow = 0;
    qint64 m_nextId = 1001;
};

} // namespace sluice::test
