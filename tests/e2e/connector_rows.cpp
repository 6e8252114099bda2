#include "connector_rows.h"

#include "braze_emulator.h"
#include "hubspot_emulator.h"
#include "intercom_emulator.h"
#include "iterable_emulator.h"
#include "klaviyo_emulator.h"
#include "mixpanel_emulator.h"
#include "salesforce_emulator.h"

QJsonObject mapField(const QString &source, const QString &destination, const QStringList &transform)
{
    QJsonObject f{{QStringLiteral("source"), source}, {QStringLiteral("destination"), destination}};
    if (!transform.isEmpty())
        f.insert(QStringLiteral("transform"), QJsonArray::fromStringList(transform));
    return f;
}

namespace {

QJsonObject secretRef()
{
    return {{QStringLiteral("env"), QStringLiteral("CONNECTOR_SECRET")}};
}

QJsonObject matchOn(const QString &source, const QString &destination)
{
    return {{QStringLiteral("source"), source}, {QStringLiteral("destination"), destination}};
}

class HubSpot final : public Connector
{
public:
    test::EmulatorServer &server() override { return m_emulator; }
    QJsonObject destination() const override
    {
        return {{QStringLiteral("type"), QStringLiteral("hubspot")}, {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), QStringLiteral("CONNECTOR_SECRET")}}}};
    }
    QJsonObject sync() const override
    {
        return {{QStringLiteral("object"), QStringLiteral("contacts")},
                {QStringLiteral("match"), QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")}}},
                {QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")},
                                                                  {QStringLiteral("transform"), QJsonArray{QStringLiteral("email")}}},
                                                      QJsonObject{{QStringLiteral("source"), QStringLiteral("first_name")}, {QStringLiteral("destination"), QStringLiteral("firstname")}},
                                                      QJsonObject{{QStringLiteral("source"), QStringLiteral("ltv")}, {QStringLiteral("destination"), QStringLiteral("ltv_score")},
                                                                  {QStringLiteral("transform"), QJsonArray{QStringLiteral("round:2")}}}}}};
    }
    QString idOf(const QString &, const QString &email) const override { return email.trimmed().toLower(); }
    QHash<QString, QJsonObject> records() const override { return m_emulator.records(); }
    QString nameField() const override { return QStringLiteral("firstname"); }
    void refuse(const QString &id, const QString &words) override { m_emulator.refuse({{id, words}}); }
    void setRateLimit(int requests) override { m_emulator.setRateLimit(requests); }
    int rateWindowSeconds() const override { return 10; }
    int throttled() const override { return m_emulator.throttled(); }
    int maxInWindow() const override { return m_emulator.maxInWindow(); }
    QHash<QString, int> writes() const override { return m_emulator.writes(); }
    void revokePermission() override { m_emulator.setScopes(false); }
    QString permissionWords() const override { return QStringLiteral("crm.objects.contacts.write"); }
    QString refusedSecretWords() const override { return QStringLiteral("HubSpot refused the token (HTTP 401)"); }
    QString writePath() const override { return QStringLiteral("/crm/v3/objects/contacts/batch/upsert"); }

private:
    test::HubSpotEmulator m_emulator{QString::fromLatin1(kConnectorSecret)};
};

class Braze final : public Connector
{
public:
    test::EmulatorServer &server() override { return m_emulator; }
    QJsonObject destination() const override
    {
        return {{QStringLiteral("type"), QStringLiteral("braze")}, {QStringLiteral("api_key"), QJsonObject{{QStringLiteral("env"), QStringLiteral("CONNECTOR_SECRET")}}}};
    }
    QJsonObject sync() const override
    {
        return {{QStringLiteral("match"), QJsonObject{{QStringLiteral("source"), QStringLiteral("customer_id")}, {QStringLiteral("destination"), QStringLiteral("external_id")}}},
                {QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("customer_id")}, {QStringLiteral("destination"), QStringLiteral("external_id")},
                                                                  {QStringLiteral("transform"), QJsonArray{QStringLiteral("cast:string")}}},
                                                      QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")},
                                                                  {QStringLiteral("transform"), QJsonArray{QStringLiteral("email")}}},
                                                      QJsonObject{{QStringLiteral("source"), QStringLiteral("first_name")}, {QStringLiteral("destination"), QStringLiteral("first_name")}},
                                                      QJsonObject{{QStringLiteral("source"), QStringLiteral("ltv")}, {QStringLiteral("destination"), QStringLiteral("lifetime_value")}}}}};
    }
    QString idOf(const QString &customerId, const QString &) const override { return customerId; }
    QHash<QString, QJsonObject> records() const override { return m_emulator.users(); }
    QString nameField() const override { return QStringLiteral("first_name"); }
    void refuse(const QString &id, const QString &words) override { m_emulator.refuse({{id, words}}); }
    void setRateLimit(int requests) override { m_emulator.setRateLimit(requests); }
    int rateWindowSeconds() const override { return 3; }
    int throttled() const override { return m_emulator.throttled(); }
    int maxInWindow() const override { return m_emulator.maxInWindow(); }
    QHash<QString, int> writes() const override { return m_emulator.writes(); }
    void revokePermission() override { m_emulator.setPermission(false); }
    QString permissionWords() const override { return QStringLiteral("users.track"); }
    QString refusedSecretWords() const override { return QStringLiteral("Braze refused the REST API key (HTTP 401)"); }
    QString writePath() const override { return QStringLiteral("/users/track"); }

private:
    test::BrazeEmulator m_emulator{QString::fromLatin1(kConnectorSecret)};
};


class Salesforce final : public Connector
{
public:
    test::EmulatorServer &server() override { return m_emulator; }
    QJsonObject destination() const override { return {{QStringLiteral("type"), QStringLiteral("salesforce")}, {QStringLiteral("token"), secretRef()}}; }
    QJsonObject sync() const override
    {
        return {{QStringLiteral("object"), QStringLiteral("Contact")},
                {QStringLiteral("match"), matchOn(QStringLiteral("customer_id"), QStringLiteral("External_Id__c"))},
                {QStringLiteral("fields"), QJsonArray{mapField(QStringLiteral("customer_id"), QStringLiteral("External_Id__c"), {QStringLiteral("cast:string")}),
                                                      mapField(QStringLiteral("email"), QStringLiteral("Email"), {QStringLiteral("email")}),
                                                      mapField(QStringLiteral("first_name"), QStringLiteral("FirstName")),
                                                      mapField(QStringLiteral("last_name"), QStringLiteral("LastName")),
                                                      mapField(QStringLiteral("ltv"), QStringLiteral("LTV__c"))}}};
    }
    QString idOf(const QString &customerId, const QString &) const override { return customerId; }
    QHash<QString, QJsonObject> records() const override { return m_emulator.records(); }
    QString nameField() const override { return QStringLiteral("FirstName"); }
    void refuse(const QString &id, const QString &words) override { m_emulator.refuse({{id, words}}); }
    void setRateLimit(int requests) override { m_emulator.setRateLimit(requests); }
    int rateWindowSeconds() const override { return 3; }
    int throttled() const override { return m_emulator.throttled(); }
    int maxInWindow() const override { return m_emulator.maxInWindow(); }
    QHash<QString, int> writes() const override { return m_emulator.writes(); }
    void revokePermission() override { m_emulator.setApiAccess(false); }
    QString permissionWords() const override { return QStringLiteral("API_CURRENTLY_DISABLED"); }
    QString refusedSecretWords() const override { return QStringLiteral("Salesforce refused the access token (HTTP 401)"); }
    QString writePath() const override { return QStringLiteral("/services/data/v62.0/composite/sobjects/Contact/External_Id__c"); }

private:
    test::SalesforceEmulator m_emulator{QString::fromLatin1(kConnectorSecret)};
};

class Iterable final : public Connector
{
public:
    test::EmulatorServer &server() override { return m_emulator; }
    QJsonObject destination() const override { return {{QStringLiteral("type"), QStringLiteral("iterable")}, {QStringLiteral("api_key"), secretRef()}}; }
    QJsonObject sync() const override
    {
        return {{QStringLiteral("match"), matchOn(QStringLiteral("email"), QStringLiteral("email"))},
                {QStringLiteral("fields"), QJsonArray{mapField(QStringLiteral("email"), QStringLiteral("email"), {QStringLiteral("email")}),
                                                      mapField(QStringLiteral("first_name"), QStringLiteral("firstName")),
                                                      mapField(QStringLiteral("ltv"), QStringLiteral("ltv"))}}};
    }
    QString idOf(const QString &, const QString &email) const override { return email.trimmed().toLower(); }
    QHash<QString, QJsonObject> records() const override { return m_emulator.users(); }
    QString nameField() const override { return QStringLiteral("firstName"); }
    void refuse(const QString &id, const QString &) override { m_emulator.forget(id.isEmpty() ? QStringList() : QStringList{id}); }
    QString refusalReason(const QString &) const override { return QStringLiteral("forgotten"); }
    void setRateLimit(int requests) override { m_emulator.setRateLimit(requests); }
    int rateWindowSeconds() const override { return 1; }
    int throttled() const override { return m_emulator.throttled(); }
    int maxInWindow() const override { return m_emulator.maxInWindow(); }
    QHash<QString, int> writes() const override { return m_emulator.writes(); }
    void revokePermission() override { m_emulator.setServerSideKey(false); }
    QString permissionWords() const override { return QStringLiteral("not authorized"); }
    QString refusedSecretWords() const override { return QStringLiteral("Iterable refused the API key (HTTP 401)"); }
    QString writePath() const override { return QStringLiteral("/api/users/bulkUpdate"); }

private:
    test::IterableEmulator m_emulator{QString::fromLatin1(kConnectorSecret)};
};

class Mixpanel final : public Connector
{
public:
    test::EmulatorServer &server() override { return m_emulator; }
    QJsonObject destination() const override { return {{QStringLiteral("type"), QStringLiteral("mixpanel")}, {QStringLiteral("project_token"), secretRef()}}; }
    QJsonObject sync() const override
    {
        return {{QStringLiteral("match"), matchOn(QStringLiteral("customer_id"), QStringLiteral("$distinct_id"))},
                {QStringLiteral("fields"), QJsonArray{mapField(QStringLiteral("customer_id"), QStringLiteral("$distinct_id"), {QStringLiteral("cast:string")}),
                                                      mapField(QStringLiteral("email"), QStringLiteral("$email"), {QStringLiteral("email")}),
                                                      mapField(QStringLiteral("first_name"), QStringLiteral("$first_name")),
                                                      mapField(QStringLiteral("ltv"), QStringLiteral("ltv"))}}};
    }
    QString idOf(const QString &customerId, const QString &) const override { return customerId; }
    QHash<QString, QJsonObject> records() const override { return m_emulator.profiles(); }
    QString nameField() const override { return QStringLiteral("$first_name"); }
    void refuse(const QString &id, const QString &words) override { m_emulator.refuse(id.isEmpty() ? QHash<QString, QString>() : QHash<QString, QString>{{id, words}}); }
    void setRateLimit(int requests) override { m_emulator.setRateLimit(requests); }
    int rateWindowSeconds() const override { return 1; }
    int throttled() const override { return m_emulator.throttled(); }
    int maxInWindow() const override { return m_emulator.maxInWindow(); }
    QHash<QString, int> writes() const override { return m_emulator.writes(); }
    void revokePermission() override { m_emulator.setBlocked(true); }
    QString permissionWords() const override { return QStringLiteral("not permitted"); }
    QString refusedSecretWords() const override { return QStringLiteral("Mixpanel refused the project token (HTTP 401)"); }
    QString refusedRunWords() const override { return QStringLiteral("token, missing or invalid"); }
    QString writePath() const override { return QStringLiteral("/engage"); }

private:
    test::MixpanelEmulator m_emulator{QString::fromLatin1(kConnectorSecret)};
};

class Klaviyo final : public Connector
{
public:
    test::EmulatorServer &server() override { return m_emulator; }
    QJsonObject destination() const override { return {{QStringLiteral("type"), QStringLiteral("klaviyo")}, {QStringLiteral("api_key"), secretRef()}}; }
    QJsonObject sync() const override
    {
        return {{QStringLiteral("match"), matchOn(QStringLiteral("customer_id"), QStringLiteral("external_id"))},
                {QStringLiteral("fields"), QJsonArray{mapField(QStringLiteral("customer_id"), QStringLiteral("external_id"), {QStringLiteral("cast:string")}),
                                                      mapField(QStringLiteral("email"), QStringLiteral("email"), {QStringLiteral("email")}),
                                                      mapField(QStringLiteral("first_name"), QStringLiteral("first_name")),
                                                      mapField(QStringLiteral("ltv"), QStringLiteral("ltv"))}}};
    }
    QString idOf(const QString &customerId, const QString &) const override { return customerId; }
    QHash<QString, QJsonObject> records() const override { return m_emulator.profiles(); }
    QString nameField() const override { return QStringLiteral("first_name"); }
    void refuse(const QString &id, const QString &words) override { m_emulator.refuse(id.isEmpty() ? QHash<QString, QString>() : QHash<QString, QString>{{id, words}}); }
    void setRateLimit(int requests) override { m_emulator.setRateLimit(requests); }
    int rateWindowSeconds() const override { return 1; }
    int throttled() const override { return m_emulator.throttled(); }
    int maxInWindow() const override { return m_emulator.maxInWindow(); }
    QHash<QString, int> writes() const override { return m_emulator.writes(); }
    void revokePermission() override { m_emulator.setScopes(false); }
    QString permissionWords() const override { return QStringLiteral("profiles:write"); }
    QString refusedSecretWords() const override { return QStringLiteral("Klaviyo refused the private API key (HTTP 401)"); }
    QString writePath() const override { return QStringLiteral("/api/profile-bulk-import-jobs"); }

private:
    test::KlaviyoEmulator m_emulator{QString::fromLatin1(kConnectorSecret)};
};

class Intercom final : public Connector
{
public:
    test::EmulatorServer &server() override { return m_emulator; }
    QJsonObject destination() const override { return {{QStringLiteral("type"), QStringLiteral("intercom")}, {QStringLiteral("token"), secretRef()}}; }
    QJsonObject sync() const override
    {
        return {{QStringLiteral("match"), matchOn(QStringLiteral("customer_id"), QStringLiteral("external_id"))},
                {QStringLiteral("fields"), QJsonArray{mapField(QStringLiteral("customer_id"), QStringLiteral("external_id"), {QStringLiteral("cast:string")}),
                                                      mapField(QStringLiteral("email"), QStringLiteral("email"), {QStringLiteral("email")}),
                                                      mapField(QStringLiteral("first_name"), QStringLiteral("name")),
                                                      mapField(QStringLiteral("ltv"), QStringLiteral("ltv"))}}};
    }
    QString idOf(const QString &customerId, const QString &) const override { return customerId; }
    QHash<QString, QJsonObject> records() const override { return m_emulator.contacts(); }
    QString nameField() const override { return QStringLiteral("name"); }
    void refuse(const QString &id, const QString &words) override { m_emulator.refuse(id.isEmpty() ? QHash<QString, QString>() : QHash<QString, QString>{{id, words}}); }
    // One contact a request: a one-second window keeps the storm short.
    void setRateLimit(int requests) override { m_emulator.setRateLimit(requests); }
    int rateWindowSeconds() const override { return 1; }
    int throttled() const override { return m_emulator.throttled(); }
    int maxInWindow() const override { return m_emulator.maxInWindow(); }
    QHash<QString, int> writes() const override { return m_emulator.writes(); }
    void revokePermission() override { m_emulator.setWriteAccess(false); }
    QString permissionWords() const override { return QStringLiteral("token_unauthorized"); }
    QString refusedSecretWords() const override { return QStringLiteral("Intercom refused the access token (HTTP 401)"); }
    QString writePath() const override { return QStringLiteral("/contacts"); }
    QJsonObject stormSettings() const override { return {}; }

private:
    test::IntercomEmulator m_emulator{QString::fromLatin1(kConnectorSecret), 1666, 1000};
};

} // namespace

QStringList connectorNames()
{
    const QStringList all{QStringLiteral("hubspot"), QStringLiteral("braze"), QStringLiteral("salesforce"), QStringLiteral("iterable"), QStringLiteral("mixpanel"), QStringLiteral("klaviyo"), QStringLiteral("intercom")};
    const QString only = qEnvironmentVariable("CONNECTOR");
    return only.isEmpty() ? all : QStringList{only};
}

std::unique_ptr<Connector> makeConnector(const QString &name)
{
    if (name == QLatin1String("braze"))
        return std::make_unique<Braze>();
    if (name == QLatin1String("salesforce"))
        return std::make_unique<Salesforce>();
    if (name == QLatin1String("iterable"))
        return std::make_unique<Iterable>();
    if (name == QLatin1String("mixpanel"))
        return std::make_unique<Mixpanel>();
    if (name == QLatin1String("klaviyo"))
        return std::make_unique<Klaviyo>();
    if (name == QLatin1String("intercom"))
        return std::make_unique<Intercom>();
    return std::make_unique<HubSpot>();
}
