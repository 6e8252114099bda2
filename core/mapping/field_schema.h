#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVariant>

// What a destination accepts per field, so a record that would be refused or
// distorted is held back before sending, with a reason, instead of being
// truncated or coerced on the way. A destination's "field_schema" in sluice.json:
//   "field_schema": {"email": {"type": "string", "required": true, "format": "email", "max_length": 254},
//              "stage": {"enum": ["lead", "customer"]}}
namespace sluice::mapping {

struct FieldRule
{
    QString type; // string, integer, number, boolean, timestamp; empty = any
    bool required = false;
    int maxLength = -1;
    QStringList allowed;
    QString format; // email, e164
};

using FieldSchema = QHash<QString, FieldRule>;

FieldSchema parseFieldSchema(const QJsonObject &schema);
// Problems with a schema's own shape, for config validation.
QStringList fieldSchemaProblems(const QJsonObject &schema);
// Empty when the value fits; otherwise the reason, naming field and destination.
QString checkField(const FieldRule &rule, const QVariant &value, const QString &field, const QString &destination);

} // namespace sluice::mapping
