// The audience compiler against real SQLite and PostgreSQL: random condition
// trees over columns with hostile names and values (quotes, semicolons,
// comments, backslashes, unicode, 5,000-character strings) must parse in the
// warehouse and find exactly the rows a hand-written evaluator finds, whether
// the values are bound as parameters or inlined as literals.
#include "model/audience.h"
#include "model/audience_stats.h"
#include "model/model_query.h"
#include "model/trait_stats.h"
#include "postgres_server.h"
#include "source/source_connection.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace sluice;
using workspace::AudienceNode;

namespace {

const QString tableName = QStringLiteral("we\"ird");
const QString intCol = QStringLiteral("a\"b");
const QString realCol = QStringLiteral("Größe");
const QString textCol = QStringLiteral("x'; --");
const QString boolCol = QStringLiteral("sel ect");
const QString timeCol = QStringLiteral("ts);drop");
constexpr int rowCount = 240;

const QStringList &textPool()
{
    static const QStringList pool{QStringLiteral("plain"), QStringLiteral("O'Brien"), QStringLiteral("a;b"), QStringLiteral("-- c"),
                                  QStringLiteral("/* x */"), QStringLiteral("back\\slash"), QStringLiteral("日本語"), QStringLiteral("zoë"),
                                  QStringLiteral("💥 boom"), QStringLiteral("%_wild"), QStringLiteral("' OR '1'='1"),
                                  QString(2500, QLatin1Char('a')) + QString(2500, QLatin1Char('b')), QStringLiteral("Mixed CASE"), QStringLiteral("")};
    return pool;
}

// The hostile values an operator might type that the data does not hold.
const QStringList &hostileValues()
{
    static const QStringList values{QStringLiteral("x'; drop table users; --"), QStringLiteral("\""), QStringLiteral("\\'"),
                                    QStringLiteral("';--"), QStringLiteral("1); DELETE FROM t; --"), QStringLiteral("$1"), QStringLiteral("?")};
    return values;
}

struct FixtureRow
{
    qint64 id;
    std::optional<qint64> number;
    std::optional<double> real;
    std::optional<QString> text;
    std::optional<bool> flag;
    std::optional<QDateTime> seen;
};

QList<FixtureRow> fixture(const QDateTime &now)
{
    QList<FixtureRow> rows;
    for (int i = 1; i <= rowCount; ++i) {
        FixtureRow r{i, {}, {}, {}, {}, {}};
        if (i % 11)
            r.number = (i * 37) % 100 - 20;
        if (i % 13)
            r.real = ((i * 53) % 400) / 4.0;
        if (i % 7)
            r.text = textPool().at(i % textPool().size());
        if (i % 5)
            r.flag = i % 3 == 0;
        if (i % 17) // half a day off any whole day, so no row sits on a boundary
            r.seen = now.addSecs(-qint64((i % 90) * 86400 + 43200));
        rows.append(r);
    }
    return rows;
}

// SQL's three-valued logic: nullopt is UNKNOWN.
using Truth = std::optional<bool>;

QString asciiLower(const QString &s)
{
    QString out = s;
    for (QChar &c : out)
        if (c.unicode() < 128)
            c = c.toLower();
    return out;
}

std::optional<double> numberOf(const FixtureRow &r, const QString &column)
{
    if (column == intCol && r.number)
        return double(*r.number);
    if (column == realCol && r.real)
        return *r.real;
    return std::nullopt;
}

Truth compareValue(const FixtureRow &r, const QString &column, const QString &op, const QJsonValue &v)
{
    if (column == textCol) {
        if (!r.text)
            return std::nullopt;
        if (op == QLatin1String("="))
            return *r.text == v.toString();
        return asciiLower(*r.text).contains(asciiLower(v.toString())); // contains
    }
    if (column == boolCol)
        return r.flag ? Truth(*r.flag == v.toBool()) : std::nullopt;
    const std::optional<double> x = numberOf(r, column);
    if (!x)
        return std::nullopt;
    const double y = v.toDouble();
    if (op == QLatin1String("="))
        return *x == y;
    if (op == QLatin1String("<"))
        return *x < y;
    if (op == QLatin1String("<="))
        return *x <= y;
    if (op == QLatin1String(">"))
        return *x > y;
    return *x >= y;
}

bool isNull(const FixtureRow &r, const QString &column)
{
    if (column == intCol)
        return !r.number;
    if (column == realCol)
        return !r.real;
    if (column == textCol)
        return !r.text;
    if (column == boolCol)
        return !r.flag;
    return !r.seen;
}

Truth evaluate(const AudienceNode &n, const FixtureRow &r, const QDateTime &now)
{
    if (n.group) {
        bool unknown = false;
        for (const AudienceNode &c : n.children) {
            const Truth t = evaluate(c, r, now);
            if (!t)
                unknown = true;
            else if (*t != n.all)
                return !n.all;
        }
        return unknown ? Truth() : Truth(n.all);
    }
    if (n.op == QLatin1String("is_null"))
        return isNull(r, n.column);
    if (n.op == QLatin1String("is_not_null"))
        return !isNull(r, n.column);
    if (n.op == QLatin1String("!=")) { // IS DISTINCT FROM
        if (isNull(r, n.column))
            return true;
        return !*compareValue(r, n.column, QStringLiteral("="), n.value);
    }
    if (n.op == QLatin1String("in_last_days"))
        return r.seen ? Truth(*r.seen >= now.addSecs(-qint64(n.value.toDouble() * 86400))) : std::nullopt;
    if (n.op == QLatin1String("between")) {
        const Truth low = compareValue(r, n.column, QStringLiteral(">="), n.value.toArray().at(0));
        const Truth high = compareValue(r, n.column, QStringLiteral("<="), n.value.toArray().at(1));
        return low ? Truth(*low && *high) : std::nullopt;
    }
    if (n.op == QLatin1String("in")) {
        if (isNull(r, n.column))
            return std::nullopt;
        for (const QJsonValue &v : n.value.toArray())
            if (*compareValue(r, n.column, QStringLiteral("="), v))
                return true;
        return false;
    }
    return compareValue(r, n.column, n.op, n.value);
}

class TreeMaker
{
public:
    explicit TreeMaker(quint32 seed) : m_random(seed) {}

    AudienceNode group(int depth)
    {
        AudienceNode g;
        g.group = true;
        g.all = m_random.bounded(2) == 0;
        const int n = int(m_random.bounded(depth == 0 ? 1 : 0, 4));
        for (int i = 0; i < n; ++i)
            g.children.append(depth < 2 && m_random.bounded(4) == 0 ? group(depth + 1) : condition());
        return g;
    }

private:
    QJsonValue text()
    {
        const int pick = int(m_random.bounded(10));
        if (pick < 6)
            return textPool().at(int(m_random.bounded(qsizetype(textPool().size()))));
        return hostileValues().at(int(m_random.bounded(qsizetype(hostileValues().size()))));
    }

    QJsonValue number(const QString &column)
    {
        return column == intCol ? QJsonValue(qint64(m_random.bounded(-30, 90))) : QJsonValue(double(m_random.bounded(0, 400)) / 4.0);
    }

    AudienceNode condition()
    {
        static const QStringList columns{intCol, realCol, textCol, boolCol, timeCol};
        AudienceNode c;
        c.column = columns.at(int(m_random.bounded(qsizetype(columns.size()))));
        const int pick = int(m_random.bounded(10));
        if (pick == 0) {
            c.op = m_random.bounded(2) ? QStringLiteral("is_null") : QStringLiteral("is_not_null");
            return c;
        }
        if (c.column == timeCol) {
            c.op = QStringLiteral("in_last_days");
            c.value = qint64(m_random.bounded(1, 100));
        } else if (c.column == boolCol) {
            c.op = m_random.bounded(2) ? QStringLiteral("=") : QStringLiteral("!=");
            c.value = m_random.bounded(2) == 0;
        } else if (c.column == textCol) {
            static const QStringList ops{QStringLiteral("="), QStringLiteral("!="), QStringLiteral("in"), QStringLiteral("contains")};
            c.op = ops.at(int(m_random.bounded(qsizetype(ops.size()))));
            if (c.op == QLatin1String("in"))
                c.value = QJsonArray{text(), text(), text()};
            else if (c.op == QLatin1String("contains")) {
                static const QStringList needles{QStringLiteral("o'b"), QStringLiteral("'"), QStringLiteral(";"), QStringLiteral("--"),
                                                 QStringLiteral("日本"), QStringLiteral("ë"), QStringLiteral("ab"), QStringLiteral("case"),
                                                 QStringLiteral("%"), QStringLiteral("_"), QStringLiteral("\\"), QStringLiteral("x'; drop table users; --")};
                c.value = needles.at(int(m_random.bounded(qsizetype(needles.size()))));
            } else
                c.value = text();
        } else {
            static const QStringList ops{QStringLiteral("="), QStringLiteral("!="), QStringLiteral("<"), QStringLiteral("<="),
                                         QStringLiteral(">"), QStringLiteral(">="), QStringLiteral("between"), QStringLiteral("in")};
            c.op = ops.at(int(m_random.bounded(qsizetype(ops.size()))));
            if (c.op == QLatin1String("between"))
                c.value = QJsonArray{number(c.column), number(c.column)};
            else if (c.op == QLatin1String("in"))
                c.value = QJsonArray{number(c.column), number(c.column), number(c.column), number(c.column)};
            else
                c.value = number(c.column);
        }
        return c;
    }

    QRandomGenerator m_random;
};

QJsonObject condition(const QString &column, const QString &op, const QJsonValue &value = {})
{
    QJsonObject c{{QStringLiteral("column"), column}, {QStringLiteral("op"), op}};
    if (!value.isUndefined())
        c.insert(QStringLiteral("value"), value);
    return c;
}

} // namespace

class TestAudienceSql final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void problemsNameWhatIsWrong_data();
    void problemsNameWhatIsWrong();
    void compiledSqlQuotesNamesAndBindsValues();
    void sqliteFindsTheReferenceRows();
    void postgresFindsTheReferenceRows();
    void injectionFindsNothingAndChangesNothing();
    void traitsAndCountsOnPostgres();

private:
    std::unique_ptr<source::SourceConnection> connectTo(const QByteArray &sourceJson, bool writable);
    void createFixture(source::SourceConnection &c, model::SqlDialect dialect);
    void fuzz(source::SourceConnection &c, model::SqlDialect dialect, quint32 seed, int trees);
    QList<qint64> ids(source::SourceConnection &c, const model::BoundSql &sql);

    QTemporaryDir m_dir;
    QDateTime m_now;
    QList<FixtureRow> m_rows;
    test::PostgresServer m_pg;
    bool m_pgUp = false;
};

void TestAudienceSql::initTestCase()
{
    m_now = QDateTime::currentDateTimeUtc();
    m_rows = fixture(m_now);
    QString error;
    m_pgUp = m_pg.startWithDatabase(QStringLiteral("audience"), &error);
    QVERIFY2(m_pgUp, qPrintable(error));
}

std::unique_ptr<source::SourceConnection> TestAudienceSql::connectTo(const QByteArray &sourceJson, bool writable)
{
    for (const char *file : {"fuzz.db", "injection.db"}) { // SQLite sources must exist
        QFile db(m_dir.filePath(QLatin1String(file)));
        if (!db.exists() && db.open(QIODevice::WriteOnly))
            db.close();
    }
    const QByteArray text = "{\"version\": 1, \"sources\": {\"w\": " + sourceJson + "}}";
    auto ws = workspace::Workspace::fromText(text, m_dir.path());
    if (!ws)
        qFatal("%s", qPrintable(ws.error().message));
    auto c = source::SourceConnection::open(ws->config().sources.value(QStringLiteral("w")), ws.value(),
                                            writable ? source::SourceConnection::Access::ReadWrite : source::SourceConnection::Access::ReadOnly);
    if (!c)
        qFatal("%s", qPrintable(c.error().message));
    return std::move(c).value();
}

void TestAudienceSql::createFixture(source::SourceConnection &c, model::SqlDialect dialect)
{
    using model::quoteName;
    const bool pg = dialect == model::SqlDialect::Postgres;
    const QString create = QStringLiteral("CREATE TABLE %1 (id %2 PRIMARY KEY, %3 integer, %4 %5, %6 text, %7 %8, %9 %10)")
                               .arg(quoteName(tableName), pg ? QStringLiteral("bigint") : QStringLiteral("INTEGER"), quoteName(intCol),
                                    quoteName(realCol), pg ? QStringLiteral("double precision") : QStringLiteral("REAL"), quoteName(textCol),
                                    quoteName(boolCol), pg ? QStringLiteral("boolean") : QStringLiteral("INTEGER"))
                               .arg(quoteName(timeCol), pg ? QStringLiteral("timestamptz") : QStringLiteral("TEXT"));
    QVERIFY2(c.execute(create).ok(), qPrintable(create));
    const QString insert = pg ? QStringLiteral("INSERT INTO %1 VALUES ($1, $2, $3, $4, $5, $6)").arg(quoteName(tableName))
                              : QStringLiteral("INSERT INTO %1 VALUES (?, ?, ?, ?, ?, ?)").arg(quoteName(tableName));
    source::RowSink none;
    none.columns = [](const QList<source::Column> &) {};
    none.row = [](const source::Row &) { return true; };
    for (const FixtureRow &r : std::as_const(m_rows)) {
        QVariantList params{r.id, r.number ? QVariant(*r.number) : QVariant(), r.real ? QVariant(*r.real) : QVariant(),
                            r.text ? QVariant(*r.text) : QVariant(),
                            r.flag ? (pg ? QVariant(*r.flag ? QStringLiteral("true") : QStringLiteral("false")) : QVariant(*r.flag ? 1 : 0)) : QVariant(),
                            r.seen ? QVariant(r.seen->toString(Qt::ISODate)) : QVariant()};
        Result<void> done = c.streamParams(insert, params, none);
        QVERIFY2(done.ok(), qPrintable(done.error().message));
    }
}

QList<qint64> TestAudienceSql::ids(source::SourceConnection &c, const model::BoundSql &sql)
{
    QList<qint64> out;
    source::RowSink sink;
    sink.columns = [](const QList<source::Column> &) {};
    sink.row = [&](const source::Row &r) {
        out.append(r.value(0).toLongLong());
        return true;
    };
    const QString query = QStringLiteral("SELECT id FROM (%1) AS q ORDER BY id").arg(sql.sql);
    Result<void> done = c.streamParams(query, sql.params, sink);
    if (!done)
        qWarning("%s\n%s", qPrintable(done.error().message), qPrintable(query.left(2000)));
    return done ? out : QList<qint64>{-1};
}

void TestAudienceSql::fuzz(source::SourceConnection &c, model::SqlDialect dialect, quint32 seed, int trees)
{
    const QString modelSql = QStringLiteral("select * from %1").arg(model::quoteName(tableName));
    TreeMaker maker(seed);
    int nonEmpty = 0;
    for (int i = 0; i < trees; ++i) {
        const AudienceNode tree = maker.group(0);
        QList<qint64> expected;
        for (const FixtureRow &r : std::as_const(m_rows))
            if (evaluate(tree, r, m_now).value_or(false))
                expected.append(r.id);
        nonEmpty += expected.isEmpty() ? 0 : 1;
        const QString what = QStringLiteral("tree %1: %2").arg(i).arg(QString::fromUtf8(QJsonDocument(model::nodeToJson(tree)).toJson(QJsonDocument::Compact)).left(600));
        const QList<qint64> bound = ids(c, model::audienceQuery(modelSql, tree, dialect, model::Binding::Parameters));
        QVERIFY2(bound == expected, qPrintable(QStringLiteral("bound parameters, %1: %2 rows, expected %3").arg(what).arg(bound.size()).arg(expected.size())));
        const QList<qint64> inlined = ids(c, model::audienceQuery(modelSql, tree, dialect, model::Binding::Inline));
        QVERIFY2(inlined == expected, qPrintable(QStringLiteral("inlined literals, %1: %2 rows, expected %3").arg(what).arg(inlined.size()).arg(expected.size())));
    }
    // The trees must find rows, or the comparison proves little.
    QVERIFY2(nonEmpty > trees / 4, qPrintable(QString::number(nonEmpty)));
}

void TestAudienceSql::problemsNameWhatIsWrong_data()
{
    QTest::addColumn<QByteArray>("audience");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("problem");
    QTest::newRow("no model") << QByteArray(R"({"conditions": []})") << QStringLiteral("model") << QStringLiteral("needs the \"model\"");
    QTest::newRow("unknown op") << QByteArray(R"({"model": "m", "conditions": [{"column": "a", "op": "like", "value": "x"}]})")
                                << QStringLiteral("conditions/0/op") << QStringLiteral("unknown op \"like\"");
    QTest::newRow("missing value") << QByteArray(R"({"model": "m", "conditions": [{"column": "a", "op": ">"}]})")
                                   << QStringLiteral("conditions/0/value") << QStringLiteral("needs a \"value\"");
    QTest::newRow("between one value") << QByteArray(R"({"model": "m", "conditions": [{"column": "a", "op": "between", "value": [1]}]})")
                                       << QStringLiteral("conditions/0/value") << QStringLiteral("two values");
    QTest::newRow("in nothing") << QByteArray(R"({"model": "m", "conditions": [{"column": "a", "op": "in", "value": []}]})")
                                << QStringLiteral("conditions/0/value") << QStringLiteral("a list of 1 to");
    QTest::newRow("nested value") << QByteArray(R"({"model": "m", "conditions": [{"column": "a", "op": "=", "value": {"x": 1}}]})")
                                  << QStringLiteral("conditions/0/value") << QStringLiteral("text, a number or true/false");
    QTest::newRow("NUL") << QByteArray("{\"model\": \"m\", \"conditions\": [{\"column\": \"a\", \"op\": \"=\", \"value\": \"a\\u0000b\"}]}")
                         << QStringLiteral("conditions/0/value") << QStringLiteral("NUL");
    QTest::newRow("days") << QByteArray(R"({"model": "m", "conditions": [{"column": "a", "op": "in_last_days", "value": 2.5}]})")
                          << QStringLiteral("conditions/0/value") << QStringLiteral("whole number of days");
    QTest::newRow("null takes none") << QByteArray(R"({"model": "m", "conditions": [{"column": "a", "op": "is_null", "value": 1}]})")
                                     << QStringLiteral("conditions/0/value") << QStringLiteral("takes no value");
    QTest::newRow("bad match") << QByteArray(R"({"model": "m", "match": "some", "conditions": []})") << QStringLiteral("match")
                               << QStringLiteral("all or any");
    QTest::newRow("typo key") << QByteArray(R"({"model": "m", "conditions": [{"column": "a", "op": "is_null", "valeu": 1}]})")
                              << QStringLiteral("conditions/0/valeu") << QStringLiteral("unknown key \"valeu\"");
    QTest::newRow("nested group") << QByteArray(R"({"model": "m", "conditions": [{"match": "any", "conditions": [{"column": "", "op": "is_null"}]}]})")
                                  << QStringLiteral("conditions/0/conditions/0/column") << QStringLiteral("needs a \"column\"");
}

void TestAudienceSql::problemsNameWhatIsWrong()
{
    QFETCH(QByteArray, audience);
    QFETCH(QString, path);
    QFETCH(QString, problem);
    QList<model::AudienceProblem> problems;
    model::parseAudience(QJsonDocument::fromJson(audience).object(), &problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().path, path);
    QVERIFY2(problems.first().message.contains(problem), qPrintable(problems.first().message));
}

void TestAudienceSql::compiledSqlQuotesNamesAndBindsValues()
{
    QList<model::AudienceProblem> problems;
    const workspace::AudienceConfig a = model::parseAudience(
        QJsonObject{{QStringLiteral("model"), QStringLiteral("m")},
                    {QStringLiteral("conditions"), QJsonArray{condition(QStringLiteral("ltv\"; --"), QStringLiteral(">"), 1000),
                                                              QJsonObject{{QStringLiteral("match"), QStringLiteral("any")},
                                                                          {QStringLiteral("conditions"), QJsonArray{condition(QStringLiteral("country"), QStringLiteral("in"), QJsonArray{QStringLiteral("DE"), QStringLiteral("O'Neil")}),
                                                                                                                    condition(QStringLiteral("seen"), QStringLiteral("in_last_days"), 30)}}}}}},
        &problems);
    QVERIFY(problems.isEmpty());
    const model::BoundSql pg = model::compileConditions(a.root, model::SqlDialect::Postgres, model::Binding::Parameters);
    QCOMPARE(pg.sql, QStringLiteral("(\"ltv\"\"; --\" > $1 AND (\"country\" IN ($2, $3) OR CAST(\"seen\" AS timestamptz) >= now() - make_interval(days => CAST($4 AS integer))))"));
    QCOMPARE(pg.params, (QVariantList{qint64(1000), QStringLiteral("DE"), QStringLiteral("O'Neil"), qint64(30)}));
    const model::BoundSql lite = model::compileConditions(a.root, model::SqlDialect::Sqlite, model::Binding::Inline);
    QCOMPARE(lite.sql, QStringLiteral("(\"ltv\"\"; --\" > 1000 AND (\"country\" IN ('DE', 'O''Neil') OR julianday(\"seen\") >= julianday('now') - 30))"));
    QVERIFY(lite.params.isEmpty());
    // A second tree in one statement numbers on.
    QCOMPARE(model::compileConditions(a.root, model::SqlDialect::Postgres, model::Binding::Parameters, 5).sql.left(20), QStringLiteral("(\"ltv\"\"; --\" > $5 AN"));
    QCOMPARE(model::describeConditions(a.root), QStringLiteral("all of: ltv\"; -- > 1000; (any of: country is one of \"DE\", \"O'Neil\"; seen in the last 30 days)"));
}

void TestAudienceSql::sqliteFindsTheReferenceRows()
{
    const QByteArray json = "{\"driver\": \"sqlite\", \"path\": \"fuzz.db\"}";
    {
        auto writer = connectTo(json, true);
        createFixture(*writer, model::SqlDialect::Sqlite);
    }
    auto c = connectTo(json, false);
    fuzz(*c, model::SqlDialect::Sqlite, 20261130, 300);
}

void TestAudienceSql::postgresFindsTheReferenceRows()
{
    QVERIFY(m_pgUp);
    {
        auto writer = connectTo(m_pg.sourceJson(QStringLiteral("audience")), true);
        createFixture(*writer, model::SqlDialect::Postgres);
    }
    auto c = connectTo(m_pg.sourceJson(QStringLiteral("audience")), false);
    fuzz(*c, model::SqlDialect::Postgres, 1130, 300);
}

void TestAudienceSql::injectionFindsNothingAndChangesNothing()
{
    const QString attack = QStringLiteral("x'; drop table users; --");
    for (const model::SqlDialect dialect : {model::SqlDialect::Sqlite, model::SqlDialect::Postgres}) {
        const QByteArray json = dialect == model::SqlDialect::Sqlite ? QByteArray("{\"driver\": \"sqlite\", \"path\": \"injection.db\"}")
                                                                     : m_pg.sourceJson(QStringLiteral("audience"));
        {
            auto writer = connectTo(json, true);
            QVERIFY(writer->execute(QStringLiteral("CREATE TABLE users (id integer PRIMARY KEY, name text)")).ok());
            QVERIFY(writer->execute(QStringLiteral("INSERT INTO users VALUES (1, 'x'), (2, 'y')")).ok());
        }
        auto c = connectTo(json, false);
        for (const QString &op : {QStringLiteral("="), QStringLiteral("contains"), QStringLiteral("in")}) {
            AudienceNode root;
            root.group = true;
            AudienceNode cond;
            cond.column = QStringLiteral("name");
            cond.op = op;
            cond.value = op == QLatin1String("in") ? QJsonValue(QJsonArray{attack}) : QJsonValue(attack);
            root.children.append(cond);
            for (const model::Binding binding : {model::Binding::Inline, model::Binding::Parameters}) {
                const QList<qint64> found = ids(*c, model::audienceQuery(QStringLiteral("select * from users"), root, dialect, binding));
                QVERIFY2(found.isEmpty(), qPrintable(op));
            }
        }
        QCOMPARE(c->scalar(QStringLiteral("SELECT count(*) FROM users")).value().toInt(), 2);
        auto writer = connectTo(json, true);
        QVERIFY(writer->execute(QStringLiteral("DROP TABLE users")).ok());
    }
}

// Traits of every kind over PostgreSQL's own types (a boolean trait has no
// min()), and an audience's size and overlap counted with bound parameters.
void TestAudienceSql::traitsAndCountsOnPostgres()
{
    QVERIFY(m_pgUp);
    const QString table = model::quoteName(tableName);
    const QByteArray source = m_pg.sourceJson(QStringLiteral("audience"));
    auto trait = [](const QString &sql, const QString &type = {}) {
        QJsonObject t{{QStringLiteral("sql"), sql}};
        if (!type.isEmpty())
            t.insert(QStringLiteral("type"), type);
        return t;
    };
    auto audience = [](const QJsonObject &condition) {
        return QJsonObject{{QStringLiteral("audience"), QJsonObject{{QStringLiteral("model"), QStringLiteral("m")}, {QStringLiteral("conditions"), QJsonArray{condition}}}}};
    };
    const QJsonObject config{
        {QStringLiteral("version"), 1},
        {QStringLiteral("sources"), QJsonObject{{QStringLiteral("w"), QJsonDocument::fromJson(source).object()}}},
        {QStringLiteral("models"),
         QJsonObject{{QStringLiteral("m"), QJsonObject{{QStringLiteral("source"), QStringLiteral("w")},
                                                       {QStringLiteral("primary_key"), QStringLiteral("id")},
                                                       {QStringLiteral("sql"), QString(QStringLiteral("select * from ") + table)},
                                                       {QStringLiteral("traits"), QJsonObject{{QStringLiteral("flag"), trait(model::quoteName(boolCol), QStringLiteral("boolean"))},
                                                                                              {QStringLiteral("half"), trait(QString(model::quoteName(realCol) + QStringLiteral(" / 2")))},
                                                                                              {QStringLiteral("label"), trait(QStringLiteral("upper(%1)").arg(model::quoteName(textCol)))},
                                                                                              {QStringLiteral("seen"), trait(model::quoteName(timeCol))}}}}},
                     {QStringLiteral("a"), audience(condition(QStringLiteral("flag"), QStringLiteral("="), true))},
                     {QStringLiteral("b"), audience(condition(QStringLiteral("half"), QStringLiteral(">"), 25))}}}};
    const QByteArray text = QJsonDocument(config).toJson();
    auto ws = workspace::Workspace::fromText(text, m_dir.path());
    QVERIFY2(ws.ok(), qPrintable(ws ? QString() : ws.error().message));
    auto c = connectTo(source, false);
    const workspace::ModelConfig m = ws->config().models.value(QStringLiteral("m"));
    QVERIFY2(model::compileModel(*c, m, ws->config()).ok(), "the traits compile");
    const QList<model::Distribution> traits = model::traitDistributions(*c, m);
    QCOMPARE(traits.size(), 4);
    qint64 flagged = 0, flagNull = 0, halfOver = 0, both = 0;
    for (const FixtureRow &r : std::as_const(m_rows)) {
        flagged += r.flag.value_or(false) ? 1 : 0;
        flagNull += r.flag ? 0 : 1;
        halfOver += r.real && *r.real / 2 > 25 ? 1 : 0;
        both += r.flag.value_or(false) && r.real && *r.real / 2 > 25 ? 1 : 0;
    }
    for (const model::Distribution &d : traits) {
        QVERIFY2(d.error.isEmpty(), qPrintable(d.name + QStringLiteral(": ") + d.error));
        QCOMPARE(d.rows, qint64(rowCount));
    }
    const model::Distribution &flag = traits.at(0); // traits in name order: flag, half, label, seen
    QCOMPARE(flag.kind, model::Distribution::Kind::Boolean);
    QCOMPARE(flag.trueCount, flagged);
    QCOMPARE(flag.nulls, flagNull);
    QCOMPARE(traits.at(1).kind, model::Distribution::Kind::Numeric);
    QCOMPARE(traits.at(1).max.toDouble(), 99.75 / 2);
    QCOMPARE(traits.at(2).kind, model::Distribution::Kind::Text);
    QCOMPARE(traits.at(3).kind, model::Distribution::Kind::Time);

    Result<model::AudienceBase> a = model::audienceBase(ws->config(), QStringLiteral("a"));
    Result<model::AudienceBase> b = model::audienceBase(ws->config(), QStringLiteral("b"));
    QVERIFY(a && b);
    Result<model::AudienceSize> size = model::countAudience(*c, a.value());
    QVERIFY2(size.ok(), qPrintable(size ? QString() : size.error().message));
    QCOMPARE(size->rows, flagged);
    QCOMPARE(size->modelRows, qint64(rowCount));
    QCOMPARE(size->params, QVariantList{QStringLiteral("true")});
    Result<model::AudienceOverlap> overlap = model::overlapAudiences(*c, a.value(), b.value());
    QVERIFY2(overlap.ok(), qPrintable(overlap ? QString() : overlap.error().message));
    QCOMPARE(overlap->both, both);
    QCOMPARE(overlap->onlyA, flagged - both);
    QCOMPARE(overlap->onlyB, halfOver - both);
}

QTEST_GUILESS_MAIN(TestAudienceSql)
#include "tst_audience_sql.moc"
