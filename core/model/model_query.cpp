#include "model/model_query.h"

#include "model/audience.h"
#include "source/source_connection.h"

#include <QCoreApplication>

namespace sluice::model {

namespace {

} // namespace

QString queryWithTraits(const QString &sql, const QList<workspace::TraitConfig> &traits)
{
    if (traits.isEmpty())
        return sql;
    QStringList columns{QStringLiteral("sluice_model.*")};
    for (const workspace::TraitConfig &t : traits)
        columns.append(QStringLiteral("(%1\n) AS %2").arg(source::stripTrailingSemicolons(t.sql), quoteName(t.name)));
    return QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QStringLiteral(", ")), source::wrapModelSql(sql));
}

QList<ModelProblem> resolveModelQueries(workspace::Config &config)
{
    QList<ModelProblem> problems;
    for (workspace::ModelConfig &m : config.models)
        if (!m.isAudience())
            m.sql = queryWithTraits(m.definedSql, m.traits);
    for (workspace::ModelConfig &m : config.models) {
        if (!m.isAudience())
            continue;
        const QString path = QStringLiteral("models/%1/audience/model").arg(m.name);
        const QString object = QCoreApplication::translate("sluice::model", "audience %1").arg(m.name);
        const QString parentName = m.audience->model;
        if (parentName.isEmpty())
            continue; // reported by the parser
        if (!config.models.contains(parentName)) {
            problems.append({path, object, QCoreApplication::translate("sluice::model", "unknown model \"%1\"").arg(parentName)});
            continue;
        }
        const workspace::ModelConfig &parent = config.models[parentName];
        if (parent.isAudience()) {
            problems.append({path, object, QCoreApplication::translate("sluice::model", "\"%1\" is an audience; an audience narrows a model (add the conditions of %1 to this one)").arg(parentName)});
            continue;
        }
        const std::optional<SqlDialect> dialect = dialectOf(config.sources.value(parent.source).driver);
        if (!dialect) {
            problems.append({path, object, QCoreApplication::translate("sluice::model", "audiences are compiled for PostgreSQL and SQLite sources; source %1 is %2")
                                               .arg(parent.source, config.sources.value(parent.source).driver)});
            continue;
        }
        m.source = parent.source;
        m.primaryKey = parent.primaryKey;
        m.pii = parent.pii;
        m.freshness = parent.freshness;
        m.sql = audienceQuery(parent.sql, m.audience->root, *dialect, Binding::Inline).sql;
    }
    return problems;
}

Result<void> compileModel(source::SourceConnection &connection, const workspace::ModelConfig &model,
                          const workspace::Config &config)
{
    if (model.isAudience()) {
        const workspace::ModelConfig parent = config.models.value(model.audience->model);
        if (Result<void> r = compileModel(connection, parent, config); !r)
            return Error{QCoreApplication::translate("sluice::model", "audience %1: %2").arg(model.name, r.error().message), r.error().kind};
        Result<QList<source::Column>> columns = connection.describe(parent.sql);
        if (!columns)
            return Error{QCoreApplication::translate("sluice::model", "audience %1: %2").arg(model.name, columns.error().message), columns.error().kind};
        QStringList names;
        for (const source::Column &c : columns.value())
            names.append(c.name);
        for (const QString &column : referencedColumns(model.audience->root))
            if (!names.contains(column))
                return configError(QCoreApplication::translate("sluice::model", "audience %1: a condition names \"%2\", which model %3 does not have (it has: %4)")
                                       .arg(model.name, column, parent.name, names.join(QStringLiteral(", "))));
        if (Result<void> r = connection.compile(model.sql); !r)
            return Error{QCoreApplication::translate("sluice::model", "audience %1: %2").arg(model.name, r.error().message), r.error().kind};
        return {};
    }
    // A model built in code (a test, the GUI's editor) may only have its query.
    const QString own = model.definedSql.isEmpty() ? model.sql : model.definedSql;
    if (Result<void> r = connection.compile(own); !r)
        return r;
    if (model.traits.isEmpty())
        return {};
    Result<QList<source::Column>> columns = connection.describe(own);
    if (!columns)
        return columns.error();
    for (const workspace::TraitConfig &t : model.traits) {
        for (const source::Column &c : columns.value())
            if (c.name == t.name)
                return configError(QCoreApplication::translate("sluice::model", "model %1: trait %2 has the name of one of the model's columns; rename the trait").arg(model.name, t.name));
        if (Result<void> r = connection.compile(queryWithTraits(own, {t})); !r)
            return Error{QCoreApplication::translate("sluice::model", "model %1: trait %2: %3").arg(model.name, t.name, r.error().message), r.error().kind};
    }
    return {};
}

} // namespace sluice::model
