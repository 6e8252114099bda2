#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

// The keys of sluice.json's own objects, described once: name, JSON type,
// allowed values, a one-line description. A connector's settings are
// described by its ConnectorInfo. parseConfig takes its known keys and
// allowed values from here, and `sluice schema` writes the JSON Schema from
// here and from the connectors, so the file's validation and its schema
// never disagree (tests/core/tst_config_schema checks both on the same files).
namespace sluice::workspace {

struct KeySpec
{
    const char *name;
    const char *type;        // a JSON Schema type; "name-or-names": a string or a list of strings;
                             // "number-or-false", "duration-or-false": a limit, or false to turn the rule off;
                             // "url-or-secret": an http(s) URL or a secret reference
    const char *description; // QT_TRANSLATE_NOOP("sluice::workspace", ...)
    QStringList values;      // allowed values, when only some are
    bool required = false;
};

enum class Section { Root, Ledger, Model, Trait, Sync, Field, Match, Policy, Schedule, Alerts, AlertRules, Webhook };

const QList<KeySpec> &keysOf(Section section);
QStringList keyNames(Section section);
const KeySpec *keySpec(Section section, const QString &key);

const QStringList &knownTransforms();
const QStringList &piiRules(); // a destination's "pii": allow, hash, block

// The JSON Schema (draft 2020-12) of sluice.json, and the name of the copy
// `sluice init` writes beside it.
inline QString schemaFileName() { return QStringLiteral("sluice.schema.json"); }
QJsonObject configSchema();

} // namespace sluice::workspace
