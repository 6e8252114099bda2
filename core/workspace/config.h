#pragma once

#include "common/sync_types.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
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

// A trait: a named SQL expression over a model's columns, computed by the
// warehouse as part of the model's query, with its meaning written down.
struct TraitConfig
{
    QString name;
    QString sql;         // the expression, as the operator wrote it
    QString type;        // boolean, integer, number, text, timestamp, date; empty: as the warehouse says
    QString description; // the semantic definition
    QString owner;
};

// One node of an audience's condition tree: a group (all / any of its
// children) or a condition on one column or trait.
struct AudienceNode
{
    bool group = false;
    bool all = true; // a group: all of (AND) or any of (OR)
    QList<AudienceNode> children;
    QString column; // a condition: the column or trait
    QString op;     // =, !=, <, <=, >, >=, between, in, is_null, is_not_null, contains, in_last_days
    QJsonValue value;
};

// An audience narrows a model by conditions; it is a model itself (its key,
// source, PII and freshness are its model's) that syncs can use.
struct AudienceConfig
{
    QString model;
    AudienceNode root; // always a group
};

struct ModelConfig
{
    QString name;
    QString source;
    // The query every reader runs: the operator's SQL with the traits
    // computed beside its columns, and for an audience, its model's query
    // narrowed by the audience's conditions (values inlined as typed
    // literals; see model/audience.h).
    QString sql;
    QString definedSql; // "sql" as written in sluice.json (empty for an audience)
    QStringList primaryKey;
    QStringList pii;
    QString freshness;
    QString description;
    QList<TraitConfig> traits;
    QMap<QString, QString> columnDescriptions; // "columns": {"email": {"description": ...}}
    std::optional<AudienceConfig> audience;
    QJsonObject raw;

    bool isAudience() const { return audience.has_value(); }
    const TraitConfig *trait(const QString &name) const;
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
    DiffKind diff = DiffKind::Local;
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
