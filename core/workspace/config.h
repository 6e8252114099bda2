#pragma once

#include "common/sync_types.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// The typed view of sluice.json (DESIGN.md, "The workspace"). The JSON stays
// the source of truth: keys Sluice does not know are kept, not dropped.
namespace sluice::workspace {

struct SecretRef
{
    enum class Kind { Env, Keychain, File };
    Kind kind = Kind::Env;
    QString name;
};

struct SourceConfig
{
    QString name;
    QString driver; // sqlite, postgres, odbc, mysql
    QString path;   // sqlite: relative to the workspace
    QString host;
    int port = 0;
    QString database;
    QString user;
    std::optional<SecretRef> password;
    int connectTimeoutSeconds = 10;
    QJsonObject raw;
};

struct DestinationConfig
{
    QString name;
    QString type;
    QString pii; // allow, hash, block; empty = allow
    QJsonObject raw;
};

struct ModelConfig
{
    QString name;
    QString source;
    QString sql;
    QStringList primaryKey;
    QStringList pii;
    QString freshness;
    QJsonObject raw;
};

struct FieldMapping
{
    QString source;
    QString destination;
    QStringList transform;
};

struct SyncConfig
{
    QString name;
    QString model;
    QString destination;
    QString object;
    SyncMode mode = SyncMode::Upsert;
    QString matchSource;
    QString matchDestination;
    QList<FieldMapping> fields;
    QString consentColumn;
    DiffStrategy diff = DiffStrategy::Local;
    QJsonObject schedule;
    // A mirror run stops before removing more than this share of what the
    // destination holds (a model that suddenly returns nothing, say).
    double maxDeleteShare = 0.5;
    QJsonObject raw;
};

struct Config
{
    int version = 1;
    // How long the record ledger keeps each outcome ("ledger": {"retention_days": 30}).
    int ledgerRetentionDays = 30;
    // Which payloads the ledger keeps besides every payload's hash: those of
    // records held back or rejected (default), all, or none.
    enum class LedgerPayloads { Rejected, All, None } ledgerPayloads = LedgerPayloads::Rejected;
    QMap<QString, SourceConfig> sources;
    QMap<QString, DestinationConfig> destinations;
    QMap<QString, ModelConfig> models;
    QMap<QString, SyncConfig> syncs;
    // "alerts": {"rules": {...}, "webhooks": [...]}, validated; a sync's own
    // rules are under its "alerts" (SyncConfig::raw). core/alerts reads both.
    QJsonObject alerts;
};

const QStringList &knownDrivers();
const QStringList &knownDestinationTypes();
const QStringList &knownSyncModes();

} // namespace sluice::workspace
