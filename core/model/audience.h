#pragma once

#include "workspace/config.h"

#include <QVariantList>

#include <optional>

// An audience is a condition tree over a model's columns and traits (groups of
// all / any, conditions such as "ltv > 1000" or "last_seen_at in the last 30
// days"), compiled to SQL for the model's warehouse. Nothing an operator types
// reaches the SQL as SQL: columns are quoted identifiers, and values are either
// bound parameters (interactive counts) or literals rendered from their JSON
// type (numbers re-printed from the parsed number, text quoted with its quotes
// doubled, NUL refused), which is what the extraction needs, because
// PostgreSQL's COPY and the warehouse diff take a query's text.
namespace sluice::model {

enum class SqlDialect { Postgres, Sqlite };
std::optional<SqlDialect> dialectOf(const QString &driver);

struct AudienceProblem
{
    QString path;    // below the audience object, as in "conditions/2/value"
    QString message;
};

// Parses sluice.json's "audience": {"model", "match", "conditions"}; every
// problem is collected.
workspace::AudienceConfig parseAudience(const QJsonObject &json, QList<AudienceProblem> *problems);
QJsonObject audienceToJson(const workspace::AudienceConfig &audience);
QJsonObject nodeToJson(const workspace::AudienceNode &node);

const QStringList &audienceOperators();
// An operator in the operator's words: "is", "is not", "is one of", ...
QString operatorLabel(const QString &op);

enum class Binding { Inline, Parameters };

struct BoundSql
{
    QString sql;
    QVariantList params; // in order of their placeholders ($1.. on PostgreSQL, ? on SQLite)
};

QString quoteName(const QString &identifier);

// The tree as a boolean SQL expression over the columns of the query it
// filters. An empty "all" group is TRUE, an empty "any" group FALSE.
// With parameters, `firstParameter` numbers PostgreSQL's first placeholder
// ($1 by default) for a statement that holds two trees.
BoundSql compileConditions(const workspace::AudienceNode &root, SqlDialect dialect, Binding binding, int firstParameter = 1);
// SELECT * FROM (modelSql) WHERE conditions.
BoundSql audienceQuery(const QString &modelSql, const workspace::AudienceNode &root, SqlDialect dialect, Binding binding);

// Every column and trait a tree refers to, each once.
QStringList referencedColumns(const workspace::AudienceNode &root);
// The tree in words, for the CLI and the GUI: "all of: ltv > 1000, country is one of DE, FR".
QString describeConditions(const workspace::AudienceNode &root);

} // namespace sluice::model
