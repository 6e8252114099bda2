#include "model/dbt_import.h"

#include "model/audience.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace sluice::model {

namespace {

struct DbtModel
{
    QString uniqueId;
    QString name;
    QString description;
    QString relation;
    QStringList columns;                 // in the manifest's order
    QMap<QString, QString> descriptions; // column -> description
    QStringList primaryKey;              // from constraints
};

QString testedColumn(const QJsonObject &test)
{
    const QString column = test.value(QStringLiteral("column_name")).toString();
    if (!column.isEmpty())
        return column;
    return test.value(QStringLiteral("test_metadata")).toObject().value(QStringLiteral("kwargs")).toObject().value(QStringLiteral("column_name")).toString();
}

QString attachedModel(const QJsonObject &test)
{
    const QString attached = test.value(QStringLiteral("attached_node")).toString();
    if (!attached.isEmpty())
        return attached;
    for (const QJsonValue &n : test.value(QStringLiteral("depends_on")).toObject().value(QStringLiteral("nodes")).toArray())
        if (n.toString().startsWith(QLatin1String("model.")))
            return n.toString();
    return {};
}

// The key dbt vouches for: declared primary_key constraints first, else a
// column tested both unique and not_null (the first such in column order).
QStringList keyOf(const DbtModel &m, const QHash<QString, QSet<QString>> &tests)
{
    if (!m.primaryKey.isEmpty())
        return m.primaryKey;
    QStringList candidates = m.columns;
    for (const QString &c : tests.keys())
        if (!candidates.contains(c))
            candidates.append(c);
    for (const QString &c : candidates) {
        const QSet<QString> kinds = tests.value(c);
        if (kinds.contains(QStringLiteral("unique")) && kinds.contains(QStringLiteral("not_null")))
            return {c};
    }
    return {};
}

QString relationOf(const QJsonObject &node, bool sqlite)
{
    QStringList parts;
    const QString given = node.value(QStringLiteral("relation_name")).toString();
    if (!given.isEmpty()) {
        // "db"."schema"."table": split on dots outside quotes.
        static const QRegularExpression part(QStringLiteral("\"((?:[^\"]|\"\")*)\"|`([^`]*)`|([^.\\s]+)"));
        for (auto it = part.globalMatch(given); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            parts.append(!m.captured(1).isNull() ? m.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\""))
                                                 : !m.captured(2).isNull() ? m.captured(2) : m.captured(3));
        }
    } else {
        const QString alias = node.value(QStringLiteral("alias")).toString(node.value(QStringLiteral("name")).toString());
        parts = {node.value(QStringLiteral("database")).toString(), node.value(QStringLiteral("schema")).toString(), alias};
        parts.removeAll(QString());
    }
    if (sqlite && parts.size() > 2) // SQLite names a table schema.table at most
        parts = parts.mid(parts.size() - 2);
    QStringList quoted;
    for (const QString &p : parts)
        quoted.append(quoteName(p));
    return quoted.join(QLatin1Char('.'));
}

Result<QList<DbtModel>> readModels(const QJsonObject &manifest, bool sqlite, QHash<QString, QHash<QString, QSet<QString>>> &tests)
{
    const QJsonObject nodes = manifest.value(QStringLiteral("nodes")).toObject();
    QList<DbtModel> models;
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        const QJsonObject node = it.value().toObject();
        const QString type = node.value(QStringLiteral("resource_type")).toString();
        if (type == QLatin1String("test")) {
            const QString kind = node.value(QStringLiteral("test_metadata")).toObject().value(QStringLiteral("name")).toString();
            const QString column = testedColumn(node);
            const QString model = attachedModel(node);
            if (!column.isEmpty() && !model.isEmpty())
                tests[model][column].insert(kind);
            continue;
        }
        if (type != QLatin1String("model"))
            continue;
        DbtModel m;
        m.uniqueId = it.key();
        m.name = node.value(QStringLiteral("name")).toString();
        m.description = node.value(QStringLiteral("description")).toString();
        m.relation = relationOf(node, sqlite);
        const QJsonObject columns = node.value(QStringLiteral("columns")).toObject();
        for (auto c = columns.begin(); c != columns.end(); ++c) {
            const QJsonObject column = c.value().toObject();
            const QString name = column.value(QStringLiteral("name")).toString(c.key());
            m.columns.append(name);
            if (const QString d = column.value(QStringLiteral("description")).toString(); !d.trimmed().isEmpty())
                m.descriptions.insert(name, d);
            for (const QJsonValue &k : column.value(QStringLiteral("constraints")).toArray())
                if (k.toObject().value(QStringLiteral("type")).toString() == QLatin1String("primary_key"))
                    m.primaryKey.append(name);
        }
        for (const QJsonValue &k : node.value(QStringLiteral("constraints")).toArray())
            if (k.toObject().value(QStringLiteral("type")).toString() == QLatin1String("primary_key") && m.primaryKey.isEmpty())
                for (const QJsonValue &c : k.toObject().value(QStringLiteral("columns")).toArray())
                    m.primaryKey.append(c.toString());
        if (!m.name.isEmpty())
            models.append(m);
    }
    return models;
}

// Descriptions onto an existing model; its SQL, key, traits' SQL and syncs stay.
void describe(QJsonObject &model, const DbtModel &m, DbtImport &out)
{
    if (!m.description.trimmed().isEmpty())
        model.insert(QStringLiteral("description"), m.description);
    QJsonObject columns = model.value(QStringLiteral("columns")).toObject();
    QJsonObject traits = model.value(QStringLiteral("traits")).toObject();
    for (auto it = m.descriptions.begin(); it != m.descriptions.end(); ++it) {
        if (traits.contains(it.key())) {
            QJsonObject t = traits.value(it.key()).toObject();
            t.insert(QStringLiteral("description"), it.value());
            traits.insert(it.key(), t);
            ++out.traitDescriptions;
        } else {
            columns.insert(it.key(), QJsonObject{{QStringLiteral("description"), it.value()}});
            ++out.columnDescriptions;
        }
    }
    if (!columns.isEmpty())
        model.insert(QStringLiteral("columns"), columns);
    if (!traits.isEmpty())
        model.insert(QStringLiteral("traits"), traits);
}

} // namespace

Result<DbtImport> importDbtManifest(const QJsonObject &workspaceJson, const workspace::Config &config, const QByteArray &manifest,
                                    const DbtOptions &options)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(manifest, &error);
    if (doc.isNull())
        return configError(QCoreApplication::translate("sluice::model", "dbt manifest: not JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset));
    if (!doc.object().value(QStringLiteral("nodes")).isObject())
        return configError(QCoreApplication::translate("sluice::model", "dbt manifest: no \"nodes\"; give the manifest.json that dbt writes into target/"));
    QString source = options.source;
    if (source.isEmpty()) {
        if (config.sources.size() != 1)
            return configError(QCoreApplication::translate("sluice::model", "import dbt: name the source the dbt models live in with --source (the workspace has: %1)")
                                   .arg(config.sources.isEmpty() ? QCoreApplication::translate("sluice::model", "no sources") : config.sources.keys().join(QStringLiteral(", "))));
        source = config.sources.firstKey();
    } else if (!config.sources.contains(source)) {
        return configError(QCoreApplication::translate("sluice::model", "import dbt: unknown source \"%1\" (sources: %2)").arg(source, config.sources.keys().join(QStringLiteral(", "))));
    }
    QHash<QString, QHash<QString, QSet<QString>>> tests;
    Result<QList<DbtModel>> models = readModels(doc.object(), config.sources.value(source).driver == QLatin1String("sqlite"), tests);
    if (!models)
        return models.error();
    QStringList names;
    for (const DbtModel &m : models.value())
        names.append(m.name);
    for (const QString &wanted : options.select)
        if (!names.contains(wanted))
            return configError(QCoreApplication::translate("sluice::model", "import dbt: the manifest has no model \"%1\" (it has: %2)").arg(wanted, names.join(QStringLiteral(", "))));

    DbtImport out;
    out.workspaceJson = workspaceJson;
    QJsonObject sluiceModels = workspaceJson.value(QStringLiteral("models")).toObject();
    for (const DbtModel &m : models.value()) {
        if (!options.select.isEmpty() && !options.select.contains(m.name))
            continue;
        QJsonObject model = sluiceModels.value(m.name).toObject();
        if (sluiceModels.contains(m.name)) {
            if (model.contains(QStringLiteral("audience"))) {
                out.skipped.append({m.name, QCoreApplication::translate("sluice::model", "an audience of that name exists")});
                continue;
            }
            describe(model, m, out);
            out.updated.append(m.name);
        } else {
            const QStringList key = keyOf(m, tests.value(m.uniqueId));
            if (key.isEmpty()) {
                out.skipped.append({m.name, QCoreApplication::translate("sluice::model", "no column is tested unique and not_null, nor declared its primary key; add those tests in dbt, "
                                              "or add the model to sluice.json by hand")});
                continue;
            }
            model = {{QStringLiteral("source"), source},
                     {QStringLiteral("sql"), QStringLiteral("select * from %1").arg(m.relation)},
                     {QStringLiteral("primary_key"), key.size() == 1 ? QJsonValue(key.first()) : QJsonValue(QJsonArray::fromStringList(key))}};
            describe(model, m, out);
            out.created.append(m.name);
        }
        sluiceModels.insert(m.name, model);
    }
    out.workspaceJson.insert(QStringLiteral("models"), sluiceModels);
    return out;
}

QJsonObject DbtImport::toJson() const
{
    QJsonArray skips;
    for (const auto &[name, why] : skipped)
        skips.append(QJsonObject{{QStringLiteral("model"), name}, {QStringLiteral("reason"), why}});
    return {{QStringLiteral("created"), QJsonArray::fromStringList(created)},
            {QStringLiteral("updated"), QJsonArray::fromStringList(updated)},
            {QStringLiteral("skipped"), skips},
            {QStringLiteral("column_descriptions"), columnDescriptions},
            {QStringLiteral("trait_descriptions"), traitDescriptions}};
}

QStringList DbtImport::report() const
{
    QStringList lines;
    for (const QString &m : created)
        lines.append(QCoreApplication::translate("sluice::model", "created model %1").arg(m));
    for (const QString &m : updated)
        lines.append(QCoreApplication::translate("sluice::model", "updated the descriptions of model %1").arg(m));
    for (const auto &[name, why] : skipped)
        lines.append(QCoreApplication::translate("sluice::model", "skipped dbt model %1: %2").arg(name, why));
    lines.append(QCoreApplication::translate("sluice::model", "%1 column and %2 trait description(s) written to sluice.json").arg(columnDescriptions).arg(traitDescriptions));
    return lines;
}

} // namespace sluice::model
