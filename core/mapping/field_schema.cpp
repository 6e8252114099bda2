#include "mapping/field_schema.h"

#include "source/column.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace sluice::mapping {

namespace {
const QStringList &types()
{
    static const QStringList t{QStringLiteral("string"), QStringLiteral("integer"), QStringLiteral("number"), QStringLiteral("boolean"),
                               QStringLiteral("timestamp")};
    return t;
}
} // namespace

FieldSchema parseFieldSchema(const QJsonObject &schema)
{
    FieldSchema out;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        FieldRule r;
        r.type = o.value(QStringLiteral("type")).toString();
        r.required = o.value(QStringLiteral("required")).toBool(false);
        r.maxLength = o.value(QStringLiteral("max_length")).toInt(-1);
        for (const QJsonValue &v : o.value(QStringLiteral("enum")).toArray())
            r.allowed.append(v.isString() ? v.toString() : source::toText(v.toVariant()));
        r.format = o.value(QStringLiteral("format")).toString();
        out.insert(it.key(), r);
    }
    return out;
}

QStringList fieldSchemaProblems(const QJsonObject &schema)
{
    QStringList problems;
    for (auto it = schema.begin(); it != schema.end(); ++it) {
        if (!it.value().isObject()) {
            problems.append(QCoreApplication::translate("sluice::mapping", "schema field %1 must be an object").arg(it.key()));
            continue;
        }
        const QJsonObject o = it.value().toObject();
        const QString type = o.value(QStringLiteral("type")).toString();
        if (!type.isEmpty() && !types().contains(type))
            problems.append(QCoreApplication::translate("sluice::mapping", "schema field %1: unknown type \"%2\" (known: %3)")
                                .arg(it.key(), type, types().join(QStringLiteral(", "))));
        const QString format = o.value(QStringLiteral("format")).toString();
        if (!format.isEmpty() && format != QLatin1String("email") && format != QLatin1String("e164") && format != QLatin1String("sha256"))
            problems.append(QCoreApplication::translate("sluice::mapping", "schema field %1: unknown format \"%2\" (known: email, e164, sha256)").arg(it.key(), format));
        if (o.contains(QStringLiteral("max_length")) && o.value(QStringLiteral("max_length")).toInt(-1) < 1)
            problems.append(QCoreApplication::translate("sluice::mapping", "schema field %1: max_length must be a positive number").arg(it.key()));
    }
    return problems;
}

QString checkField(const FieldRule &rule, const QVariant &value, const QString &field, const QString &destination)
{
    const bool missing = value.isNull() || !value.isValid() || (value.typeId() == QMetaType::QString && value.toString().isEmpty());
    if (missing) {
        if (rule.required)
            return QCoreApplication::translate("sluice::mapping", "field %1 is required by destination %2 and is empty").arg(field, destination);
        return {};
    }
    const QString text = source::toText(value);
    const int id = value.typeId();
    const bool isInteger = id == QMetaType::LongLong || id == QMetaType::Int;
    const bool isNumber = isInteger || id == QMetaType::Double;
    if (rule.type == QLatin1String("integer") && !isInteger && !(id == QMetaType::Double && value.toDouble() == std::floor(value.toDouble())))
        return QCoreApplication::translate("sluice::mapping", "field %1 must be an integer for destination %2; got \"%3\"").arg(field, destination, text);
    if (rule.type == QLatin1String("number") && !isNumber
        && !QRegularExpression(QStringLiteral("^-?\\d+(\\.\\d+)?$")).match(text).hasMatch())
        return QCoreApplication::translate("sluice::mapping", "field %1 must be a number for destination %2; got \"%3\"").arg(field, destination, text);
    if (rule.type == QLatin1String("boolean") && id != QMetaType::Bool)
        return QCoreApplication::translate("sluice::mapping", "field %1 must be true or false for destination %2; got \"%3\"").arg(field, destination, text);
    if (rule.type == QLatin1String("string") && id != QMetaType::QString)
        return QCoreApplication::translate("sluice::mapping", "field %1 must be text for destination %2; got %3 (add cast:string to the mapping)")
            .arg(field, destination, text);
    if (rule.type == QLatin1String("timestamp") && !QDateTime::fromString(text, Qt::ISODateWithMs).isValid()
        && !QDateTime::fromString(text, Qt::ISODate).isValid())
        return QCoreApplication::translate("sluice::mapping", "field %1 must be an ISO-8601 timestamp for destination %2; got \"%3\"").arg(field, destination, text);
    if (rule.maxLength > 0 && text.size() > rule.maxLength)
        return QCoreApplication::translate("sluice::mapping", "field %1 is %2 characters long; destination %3 takes at most %4. Sluice never truncates "
                                                              "on its own: add truncate:%4 to the mapping if cutting it is acceptable")
            .arg(field)
            .arg(text.size())
            .arg(destination)
            .arg(rule.maxLength);
    if (!rule.allowed.isEmpty() && !rule.allowed.contains(text))
        return QCoreApplication::translate("sluice::mapping", "field %1 is \"%2\"; destination %3 accepts only %4")
            .arg(field, text, destination, rule.allowed.join(QStringLiteral(", ")));
    if (rule.format == QLatin1String("email") && !QRegularExpression(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$")).match(text).hasMatch())
        return QCoreApplication::translate("sluice::mapping", "field %1 is not an e-mail address (\"%2\") as destination %3 requires").arg(field, text, destination);
    if (rule.format == QLatin1String("sha256") && !QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(text).hasMatch())
        return QCoreApplication::translate("sluice::mapping", "field %1 must be a SHA-256 hash (64 lower-case hex digits) for destination %2, never the raw "
                                                              "value; add the platform's hash preset (hash:meta or hash:google) to the mapping")
            .arg(field, destination);
    if (rule.format == QLatin1String("e164") && !QRegularExpression(QStringLiteral("^\\+[1-9]\\d{6,14}$")).match(text).hasMatch())
        return QCoreApplication::translate("sluice::mapping", "field %1 is not an E.164 phone number (\"%2\") as destination %3 requires; "
                                                              "add phone:REGION to the mapping")
            .arg(field, text, destination);
    return {};
}

} // namespace sluice::mapping
