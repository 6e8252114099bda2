#include "model/audience.h"

#include "source/source_connection.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <cmath>

namespace sluice::model {

namespace {

constexpr int maxDepth = 8;
constexpr int maxListValues = 1000;
constexpr int maxDays = 36500;

bool isComparison(const QString &op)
{
    static const QStringList ops{QStringLiteral("="), QStringLiteral("!="), QStringLiteral("<"),
                                 QStringLiteral("<="), QStringLiteral(">"), QStringLiteral(">=")};
    return ops.contains(op);
}

bool isScalar(const QJsonValue &v)
{
    return v.isString() || v.isDouble() || v.isBool();
}

// A value an operator typed: a scalar without NUL (which PostgreSQL's text
// cannot hold and which would cut a C string short).
QString scalarProblem(const QJsonValue &v)
{
    if (!isScalar(v))
        return QCoreApplication::translate("sluice::model", "a value must be text, a number or true/false");
    if (v.isString() && v.toString().contains(QChar(0)))
        return QCoreApplication::translate("sluice::model", "a value may not contain a NUL character");
    return {};
}

QString valueProblem(const QString &op, const QJsonValue &value)
{
    if (op == QLatin1String("is_null") || op == QLatin1String("is_not_null"))
        return value.isUndefined() || value.isNull() ? QString() : QCoreApplication::translate("sluice::model", "\"%1\" takes no value").arg(op);
    if (value.isUndefined() || value.isNull())
        return QCoreApplication::translate("sluice::model", "\"%1\" needs a \"value\"").arg(op);
    if (isComparison(op))
        return scalarProblem(value);
    if (op == QLatin1String("contains"))
        return value.isString() ? scalarProblem(value) : QCoreApplication::translate("sluice::model", "\"contains\" needs text");
    if (op == QLatin1String("in_last_days")) {
        const double d = value.toDouble(-1);
        return value.isDouble() && d >= 1 && d <= maxDays && d == std::floor(d)
                   ? QString() : QCoreApplication::translate("sluice::model", "\"in_last_days\" needs a whole number of days from 1 to %1").arg(maxDays);
    }
    const QJsonArray list = value.toArray();
    if (op == QLatin1String("between") && (!value.isArray() || list.size() != 2))
        return QCoreApplication::translate("sluice::model", "\"between\" needs two values, as in [100, 500]");
    if (op == QLatin1String("in") && (!value.isArray() || list.isEmpty() || list.size() > maxListValues))
        return QCoreApplication::translate("sluice::model", "\"in\" needs a list of 1 to %1 values").arg(maxListValues);
    for (const QJsonValue &v : list)
        if (const QString p = scalarProblem(v); !p.isEmpty())
            return p;
    return {};
}

class TreeParser
{
public:
    explicit TreeParser(QList<AudienceProblem> *problems) : m_problems(problems) {}

    workspace::AudienceNode group(const QJsonObject &o, const QString &path, int depth)
    {
        workspace::AudienceNode node;
        node.group = true;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key() != QLatin1String("match") && it.key() != QLatin1String("conditions") && (depth > 0 || it.key() != QLatin1String("model")))
                fail(join(path, it.key()), QCoreApplication::translate("sluice::model", "unknown key \"%1\" in a group (known: match, conditions)").arg(it.key()));
        const QString match = o.value(QStringLiteral("match")).toString(QStringLiteral("all"));
        if (match != QLatin1String("all") && match != QLatin1String("any"))
            fail(join(path, QStringLiteral("match")), QCoreApplication::translate("sluice::model", "\"match\" must be all or any"));
        node.all = match != QLatin1String("any");
        if (depth >= maxDepth) {
            fail(path, QCoreApplication::translate("sluice::model", "groups nest at most %1 deep").arg(maxDepth));
            return node;
        }
        const QJsonValue conditions = o.value(QStringLiteral("conditions"));
        if (!conditions.isUndefined() && !conditions.isArray())
            fail(join(path, QStringLiteral("conditions")), QCoreApplication::translate("sluice::model", "\"conditions\" must be a list"));
        const QJsonArray list = conditions.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = join(path, QStringLiteral("conditions/%1").arg(i));
            if (!list[i].isObject()) {
                fail(at, QCoreApplication::translate("sluice::model", "a condition must be an object such as {\"column\": \"ltv\", \"op\": \">\", \"value\": 1000}"));
                continue;
            }
            const QJsonObject c = list[i].toObject();
            node.children.append(c.contains(QStringLiteral("column")) || !c.contains(QStringLiteral("conditions")) ? condition(c, at)
                                                                                                                  : group(c, at, depth + 1));
        }
        return node;
    }

private:
    static QString join(const QString &path, const QString &key) { return path.isEmpty() ? key : path + QLatin1Char('/') + key; }
    void fail(const QString &path, const QString &message) { m_problems->append({path, message}); }

    workspace::AudienceNode condition(const QJsonObject &c, const QString &path)
    {
        workspace::AudienceNode node;
        for (auto it = c.begin(); it != c.end(); ++it)
            if (it.key() != QLatin1String("column") && it.key() != QLatin1String("op") && it.key() != QLatin1String("value"))
                fail(join(path, it.key()), QCoreApplication::translate("sluice::model", "unknown key \"%1\" in a condition (known: column, op, value)").arg(it.key()));
        node.column = c.value(QStringLiteral("column")).toString();
        if (node.column.trimmed().isEmpty() || node.column.contains(QChar(0)))
            fail(join(path, QStringLiteral("column")), QCoreApplication::translate("sluice::model", "a condition needs a \"column\" (a column or trait of the model)"));
        node.op = c.value(QStringLiteral("op")).toString();
        node.value = c.value(QStringLiteral("value"));
        if (!audienceOperators().contains(node.op)) {
            fail(join(path, QStringLiteral("op")), QCoreApplication::translate("sluice::model", "unknown op \"%1\" (known: %2)").arg(node.op, audienceOperators().join(QStringLiteral(", "))));
            return node;
        }
        if (const QString p = valueProblem(node.op, node.value); !p.isEmpty())
            fail(join(path, QStringLiteral("value")), p);
        return node;
    }

    QList<AudienceProblem> *m_problems;
};

// Renders one condition, appending its values as parameters or literals.
class SqlWriter
{
public:
    SqlWriter(SqlDialect dialect, Binding binding, int firstParameter)
        : m_dialect(dialect), m_binding(binding), m_first(firstParameter)
    {
    }

    QString node(const workspace::AudienceNode &n)
    {
        if (!n.group)
            return condition(n);
        if (n.children.isEmpty())
            return n.all ? QStringLiteral("(1 = 1)") : QStringLiteral("(1 = 0)");
        QStringList parts;
        for (const workspace::AudienceNode &child : n.children)
            parts.append(node(child));
        return QLatin1Char('(') + parts.join(n.all ? QStringLiteral(" AND ") : QStringLiteral(" OR ")) + QLatin1Char(')');
    }

    QVariantList params;

private:
    QString condition(const workspace::AudienceNode &n)
    {
        const QString col = quoteName(n.column);
        const QString &op = n.op;
        const bool pg = m_dialect == SqlDialect::Postgres;
        if (op == QLatin1String("is_null"))
            return col + QStringLiteral(" IS NULL");
        if (op == QLatin1String("is_not_null"))
            return col + QStringLiteral(" IS NOT NULL");
        if (op == QLatin1String("="))
            return QStringLiteral("%1 = %2").arg(col, value(n.value));
        if (op == QLatin1String("!=")) // an empty value is "not this value" too
            return QStringLiteral("%1 %2 %3").arg(col, pg ? QStringLiteral("IS DISTINCT FROM") : QStringLiteral("IS NOT"), value(n.value));
        if (isComparison(op))
            return QStringLiteral("%1 %2 %3").arg(col, op, value(n.value));
        if (op == QLatin1String("between")) {
            const QJsonArray range = n.value.toArray();
            const QString low = value(range.at(0));
            return QStringLiteral("%1 BETWEEN %2 AND %3").arg(col, low, value(range.at(1)));
        }
        if (op == QLatin1String("in")) {
            QStringList values;
            for (const QJsonValue &v : n.value.toArray())
                values.append(value(v));
            return QStringLiteral("%1 IN (%2)").arg(col, values.join(QStringLiteral(", ")));
        }
        if (op == QLatin1String("contains"))
            return pg ? QStringLiteral("strpos(lower(CAST(%1 AS text)), lower(%2)) > 0").arg(col, value(n.value))
                      : QStringLiteral("instr(lower(CAST(%1 AS TEXT)), lower(%2)) > 0").arg(col, value(n.value));
        // in_last_days
        const QString days = value(QJsonValue(qint64(n.value.toDouble())));
        return pg ? QStringLiteral("CAST(%1 AS timestamptz) >= now() - make_interval(days => CAST(%2 AS integer))").arg(col, days)
                  : QStringLiteral("julianday(%1) >= julianday('now') - %2").arg(col, days);
    }

    QString value(const QJsonValue &v)
    {
        if (m_binding == Binding::Parameters) {
            if (v.isBool())
                params.append(m_dialect == SqlDialect::Postgres ? QVariant(v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                                : QVariant(v.toBool() ? 1 : 0));
            else if (v.isDouble())
                params.append(integral(v.toDouble()) ? QVariant(qint64(v.toDouble())) : QVariant(v.toDouble()));
            else // never a null QString: drivers bind that as NULL, and "" is a value
                params.append(v.toString().isNull() ? QStringLiteral("") : v.toString());
            return m_dialect == SqlDialect::Postgres ? QStringLiteral("$%1").arg(m_first + params.size() - 1) : QStringLiteral("?");
        }
        if (v.isBool())
            return v.toBool() ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
        if (v.isDouble())
            return integral(v.toDouble()) ? QString::number(qint64(v.toDouble())) : QString::number(v.toDouble(), 'g', 17);
        return source::SourceConnection::quoteLiteral(v.toString()); // NUL was refused when parsed
    }

    static bool integral(double d) { return d == std::floor(d) && std::fabs(d) < 9.0e15; }

    SqlDialect m_dialect;
    Binding m_binding;
    int m_first;
};

void collectColumns(const workspace::AudienceNode &n, QStringList &out)
{
    if (!n.group && !out.contains(n.column))
        out.append(n.column);
    for (const workspace::AudienceNode &child : n.children)
        collectColumns(child, out);
}

QString valueText(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? QCoreApplication::translate("sluice::model", "true") : QCoreApplication::translate("sluice::model", "false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts.append(valueText(e));
        return parts.join(QStringLiteral(", "));
    }
    return QLatin1Char('"') + v.toString() + QLatin1Char('"');
}

} // namespace

std::optional<SqlDialect> dialectOf(const QString &driver)
{
    if (driver == QLatin1String("postgres"))
        return SqlDialect::Postgres;
    if (driver == QLatin1String("sqlite"))
        return SqlDialect::Sqlite;
    return std::nullopt;
}

const QStringList &audienceOperators()
{
    static const QStringList ops{QStringLiteral("="),       QStringLiteral("!="),          QStringLiteral("<"),
                                 QStringLiteral("<="),      QStringLiteral(">"),           QStringLiteral(">="),
                                 QStringLiteral("between"), QStringLiteral("in"),          QStringLiteral("is_null"),
                                 QStringLiteral("is_not_null"), QStringLiteral("contains"), QStringLiteral("in_last_days")};
    return ops;
}

QString operatorLabel(const QString &op)
{
    if (op == QLatin1String("="))
        return QCoreApplication::translate("sluice::model", "is");
    if (op == QLatin1String("!="))
        return QCoreApplication::translate("sluice::model", "is not");
    if (op == QLatin1String("between"))
        return QCoreApplication::translate("sluice::model", "is between");
    if (op == QLatin1String("in"))
        return QCoreApplication::translate("sluice::model", "is one of");
    if (op == QLatin1String("is_null"))
        return QCoreApplication::translate("sluice::model", "is empty");
    if (op == QLatin1String("is_not_null"))
        return QCoreApplication::translate("sluice::model", "is not empty");
    if (op == QLatin1String("contains"))
        return QCoreApplication::translate("sluice::model", "contains");
    if (op == QLatin1String("in_last_days"))
        return QCoreApplication::translate("sluice::model", "in the last (days)");
    return op;
}

workspace::AudienceConfig parseAudience(const QJsonObject &json, QList<AudienceProblem> *problems)
{
    workspace::AudienceConfig audience;
    audience.model = json.value(QStringLiteral("model")).toString();
    if (audience.model.trimmed().isEmpty())
        problems->append({QStringLiteral("model"), QCoreApplication::translate("sluice::model", "an audience needs the \"model\" it narrows")});
    audience.root = TreeParser(problems).group(json, QString(), 0);
    return audience;
}

QJsonObject nodeToJson(const workspace::AudienceNode &node)
{
    if (!node.group) {
        QJsonObject c{{QStringLiteral("column"), node.column}, {QStringLiteral("op"), node.op}};
        if (!node.value.isUndefined() && !node.value.isNull())
            c.insert(QStringLiteral("value"), node.value);
        return c;
    }
    QJsonArray children;
    for (const workspace::AudienceNode &child : node.children)
        children.append(nodeToJson(child));
    return {{QStringLiteral("match"), node.all ? QStringLiteral("all") : QStringLiteral("any")}, {QStringLiteral("conditions"), children}};
}

QJsonObject audienceToJson(const workspace::AudienceConfig &audience)
{
    QJsonObject o = nodeToJson(audience.root);
    o.insert(QStringLiteral("model"), audience.model);
    return o;
}

QString quoteName(const QString &identifier)
{
    QString q = identifier;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

BoundSql compileConditions(const workspace::AudienceNode &root, SqlDialect dialect, Binding binding, int firstParameter)
{
    SqlWriter writer(dialect, binding, firstParameter);
    BoundSql out;
    out.sql = writer.node(root);
    out.params = writer.params;
    return out;
}

BoundSql audienceQuery(const QString &modelSql, const workspace::AudienceNode &root, SqlDialect dialect, Binding binding)
{
    BoundSql where = compileConditions(root, dialect, binding);
    where.sql = QStringLiteral("SELECT * FROM (\n%1\n) AS sluice_audience WHERE %2").arg(modelSql, where.sql);
    return where;
}

QStringList referencedColumns(const workspace::AudienceNode &root)
{
    QStringList out;
    collectColumns(root, out);
    return out;
}

QString describeConditions(const workspace::AudienceNode &root)
{
    if (!root.group) {
        if (root.op == QLatin1String("is_null") || root.op == QLatin1String("is_not_null"))
            return root.column + QLatin1Char(' ') + operatorLabel(root.op);
        if (root.op == QLatin1String("in_last_days"))
            return QCoreApplication::translate("sluice::model", "%1 in the last %2 days").arg(root.column, valueText(root.value));
        if (root.op == QLatin1String("between")) {
            const QJsonArray r = root.value.toArray();
            return QCoreApplication::translate("sluice::model", "%1 between %2 and %3").arg(root.column, valueText(r.at(0)), valueText(r.at(1)));
        }
        const QString op = isComparison(root.op) && root.op != QLatin1String("=") && root.op != QLatin1String("!=") ? root.op : operatorLabel(root.op);
        return root.column + QLatin1Char(' ') + op + QLatin1Char(' ') + valueText(root.value);
    }
    if (root.children.isEmpty())
        return root.all ? QCoreApplication::translate("sluice::model", "every row") : QCoreApplication::translate("sluice::model", "no row");
    QStringList parts;
    for (const workspace::AudienceNode &child : root.children)
        parts.append(child.group ? QLatin1Char('(') + describeConditions(child) + QLatin1Char(')') : describeConditions(child));
    return (root.all ? QCoreApplication::translate("sluice::model", "all of: ") : QCoreApplication::translate("sluice::model", "any of: ")) + parts.join(QStringLiteral("; "));
}

} // namespace sluice::model
