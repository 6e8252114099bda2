#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

// What each destination type is, declared once: its settings (key, kind,
// secret or not, default, label, help) and what it can do. sluice.json's
// validation, `sluice check`, secret detection and the GUI's generated forms
// all read it, so a setting exists in one place.
namespace sluice::connector {

struct Setting
{
    enum class Kind {
        String,
        Url,      // http(s)
        Path,     // relative to the workspace
        Integer,  // within [min, max]
        Number,   // within [min, max]
        Boolean,
        Secret,   // a secret reference, never a value
        Headers,  // name -> string or secret reference
        RateLimit, // {"requests": N, "per_seconds": S}
        Object,   // a nested object (oauth, operating_account); secret-named keys inside must be references
        FieldSchema,
    };
    QString key;
    Kind kind = Kind::String;
    bool required = false;
    QJsonValue defaultValue;
    double min = 0;
    double max = 0;
    const char *label = nullptr; // QT_TRANSLATE_NOOP("sluice::connector", ...)
    const char *help = nullptr;
    bool advanced = false;
};

struct ConnectorInfo
{
    QString type;
    const char *label = nullptr;
    const char *category = nullptr; // "Files and hooks", "CRM", "Ad audiences", ...
    QList<Setting> settings;
    QStringList modes;        // sync modes it delivers
    bool available = false;   // built into this Sluice
    bool listMembership = false;
    bool schemaDiscovery = false;
    bool http = false;
    bool needsObject = false; // a sync must name its `object`
    bool needsMatch = false;  // a sync must name a `match` (a unique field of the destination)
    bool openSchema = false;  // fields it does not describe are still accepted (custom attributes)
    bool jobDelivery = false; // records go in bulk jobs that settle later (submit, poll, read errors)
    // A record is removed by the values it was sent with (a list member's
    // hashed identifiers): the state keeps them for each record delivered.
    bool keepsIdentities = false;
    QStringList identityFields; // the fields kept for that; empty: all the record's fields
    // Fields that identify a list member (EMAIL, PHONE, ...): plan --json
    // reports their coverage, and a row with none of them is held back.
    QStringList identifierKinds;
    QStringList hashedKinds; // identifier kinds the platform takes only as SHA-256 hashes

    const Setting *setting(const QString &key) const;
    QString translatedLabel() const;
};

const QList<ConnectorInfo> &destinationConnectors();
const ConnectorInfo *findDestination(const QString &type);
QStringList destinationTypes();

// Settings of each source driver, in the same shape.
const ConnectorInfo *findSourceDriver(const QString &driver);
QStringList sourceDrivers();

// Keys every destination or source may carry besides its connector's own.
bool isCommonKey(const QString &key);

// Checks `config` against `info`: every known key's kind and range, required
// keys, and (for available connectors) keys it does not know. `fail` gets
// the key path inside the object ("rate_limit/requests") and the problem.
void validateSettings(const ConnectorInfo &info, const QJsonObject &config,
                      const std::function<void(const QString &path, const QString &problem)> &fail);

// Keys whose values are secrets wherever they stand: they must be references.
bool isSecretKey(const QString &key);

} // namespace sluice::connector
