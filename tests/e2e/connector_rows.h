#pragma once

// The connectors tst_connectors drives, each with its emulator: what the
// shared behaviours need to know of a connector (its sluice.json, how its
// tool names a record, how to make the emulator refuse or throttle).
#include "emulator_server.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <memory>

namespace test = sluice::test;

inline const QByteArray kConnectorSecret = "pat-na1-7e5d3c1b-emulated-secret";

// What the suite needs of each connector and its emulator.
class Connector
{
public:
    virtual ~Connector() = default;
    virtual test::EmulatorServer &server() = 0;
    virtual QJsonObject destination() const = 0;               // without base_url
    virtual QJsonObject sync() const = 0;                      // object, match, mode, fields
    virtual QString idOf(const QString &customerId, const QString &email) const = 0; // the record's id in the tool
    virtual QHash<QString, QJsonObject> records() const = 0;   // id -> fields as the tool keeps them
    virtual QString nameField() const = 0;
    virtual void refuse(const QString &id, const QString &words) = 0;
    // What the tool says of a record refused that way (some tools give only a category).
    virtual QString refusalReason(const QString &words) const { return words; }
    virtual void setRateLimit(int requests) = 0;
    virtual int rateWindowSeconds() const = 0;
    virtual int throttled() const = 0;
    virtual int maxInWindow() const = 0;
    virtual QHash<QString, int> writes() const = 0;
    virtual void revokePermission() = 0;
    virtual QString permissionWords() const = 0;               // what a refused permission's error names
    virtual QString refusedSecretWords() const = 0;
    // What a run refused for its credentials says (most tools answer 401).
    virtual QString refusedRunWords() const { return QStringLiteral("HTTP 401"); }            // what check says of a wrong secret
    virtual QString writePath() const = 0;
    // Settings the 429-storm test adds to the destination (small batches by default).
    virtual QJsonObject stormSettings() const { return {{QStringLiteral("batch_size"), 10}}; }
};


// One mapping entry of sluice.json.
QJsonObject mapField(const QString &source, const QString &destination, const QStringList &transform = {});

// The connectors, by type; CONNECTOR=<type> in the environment keeps one.
QStringList connectorNames();
std::unique_ptr<Connector> makeConnector(const QString &name);
