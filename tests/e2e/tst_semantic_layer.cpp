// Traits, audiences and dbt definitions as an operator uses them: through
// sluice.json and the sluice binary, on the demo workspace and on fixtures
// with known values.
#include "demo_workspace.h"
#include "model/model_query.h"
#include "model/trait_stats.h"
#include "source/source_connection.h"
#include "workspace/workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

namespace {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

CliResult sluiceCli(const QString &workspace, QStringList args)
{
    args << QStringLiteral("--workspace") << workspace;
    QProcess p;
    QStringList environment = QProcess::systemEnvironment();
    environment << QStringLiteral("ASAN_OPTIONS=detect_leaks=0");
    p.setEnvironment(environment);
    p.start(QStringLiteral(SLUICE_BINARY), args);
    p.waitForFinished(120000);
    return {p.exitCode(), p.readAllStandardOutput(), QString::fromUtf8(p.readAllStandardError())};
}

bool runSql(const QString &dbPath, const QStringList &statements)
{
    static int serial = 0;
    const QString connection = QStringLiteral("semantic-fixture-%1").arg(++serial);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(dbPath);
        ok = db.open();
        for (const QString &s : statements)
            ok = ok && QSqlQuery(db).exec(s);
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QJsonObject cond(const QString &column, const QString &op, const QJsonValue &value = {})
{
    QJsonObject c{{QStringLiteral("column"), column}, {QStringLiteral("op"), op}};
    if (!value.isUndefined())
        c.insert(QStringLiteral("value"), value);
    return c;
}

QSet<QString> keysInFile(const QString &path)
{
    QSet<QString> keys;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {QStringLiteral("<no file>")};
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.trimmed().isEmpty())
            keys.insert(QJsonDocument::fromJson(line).object().value(QStringLiteral("key")).toString());
    return keys;
}

} // namespace

class TestSemanticLayer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void traitDistributionsOfKnownValues();
    void refusedTraitIsNamedWithTheWarehouseWords();
    void audienceOnTheDemoSizesAndSyncsExactlyItsRows();
    void hostileValueFindsNothingAndChangesNothing();
    void configErrorsNameTheAudience();
    void dbtManifestBringsModelsAndDescriptions();

private:
    QString fixtureWorkspace(const QJsonObject &traits);

    QTemporaryDir m_dir;
    QString m_demo;
};

void TestSemanticLayer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = test::makeDemoWorkspace(m_dir.path(), 3000);
    QVERIFY(!m_demo.isEmpty());
}

// A workspace over a table with known values: v = 1..9 and one NULL; label
// 'a' five times, 'b' three times, NULL twice.
QString TestSemanticLayer::fixtureWorkspace(const QJsonObject &traits)
{
    const QString dir = m_dir.filePath(QStringLiteral("fixture"));
    QDir().mkpath(dir);
    QFile::remove(dir + QStringLiteral("/w.db"));
    const bool made = runSql(dir + QStringLiteral("/w.db"),
                             {QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER, label TEXT)"),
                              QStringLiteral("INSERT INTO t VALUES (1,1,'a'),(2,2,'a'),(3,3,'a'),(4,4,'a'),(5,5,'a'),(6,6,'b'),(7,7,'b'),"
                                             "(8,8,'b'),(9,9,NULL),(10,NULL,NULL)")});
    if (!made)
        return {};
    const QJsonObject config{{QStringLiteral("version"), 1},
                             {QStringLiteral("sources"), QJsonObject{{QStringLiteral("w"), QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")},
                                                                                                      {QStringLiteral("path"), QStringLiteral("w.db")}}}}},
                             {QStringLiteral("models"), QJsonObject{{QStringLiteral("m"), QJsonObject{{QStringLiteral("source"), QStringLiteral("w")},
                                                                                                     {QStringLiteral("sql"), QStringLiteral("select * from t")},
                                                                                                     {QStringLiteral("primary_key"), QStringLiteral("id")},
                                                                                                     {QStringLiteral("traits"), traits}}}}}};
    QFile f(dir + QStringLiteral("/sluice.json"));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(QJsonDocument(config).toJson());
    return dir;
}

void TestSemanticLayer::traitDistributionsOfKnownValues()
{
    const QString ws = fixtureWorkspace(QJsonObject{
        {QStringLiteral("big"), QJsonObject{{QStringLiteral("sql"), QStringLiteral("v > 6")}, {QStringLiteral("type"), QStringLiteral("boolean")},
                                            {QStringLiteral("description"), QStringLiteral("more than six")}, {QStringLiteral("owner"), QStringLiteral("data team")}}},
        {QStringLiteral("doubled"), QJsonObject{{QStringLiteral("sql"), QStringLiteral("v * 2")}}},
        {QStringLiteral("upper_label"), QJsonObject{{QStringLiteral("sql"), QStringLiteral("upper(label)")}, {QStringLiteral("type"), QStringLiteral("text")}}}});
    QVERIFY(!ws.isEmpty());
    const CliResult r = sluiceCli(ws, {QStringLiteral("traits"), QStringLiteral("m"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonArray traits = r.json().value(QStringLiteral("traits")).toArray();
    QCOMPARE(traits.size(), 3);
    const QJsonObject big = traits.at(0).toObject();
    QCOMPARE(big.value(QStringLiteral("name")).toString(), QStringLiteral("big"));
    QCOMPARE(big.value(QStringLiteral("description")).toString(), QStringLiteral("more than six"));
    QCOMPARE(big.value(QStringLiteral("owner")).toString(), QStringLiteral("data team"));
    const QJsonObject b = big.value(QStringLiteral("distribution")).toObject();
    QCOMPARE(b.value(QStringLiteral("kind")).toString(), QStringLiteral("boolean"));
    QCOMPARE(b.value(QStringLiteral("rows")).toInt(), 10);
    QCOMPARE(b.value(QStringLiteral("nulls")).toInt(), 1);
    QCOMPARE(b.value(QStringLiteral("true_share")).toDouble(), 3.0 / 9.0); // 7, 8, 9 of the nine known

    const QJsonObject d = traits.at(1).toObject().value(QStringLiteral("distribution")).toObject();
    QCOMPARE(d.value(QStringLiteral("kind")).toString(), QStringLiteral("numeric"));
    QCOMPARE(d.value(QStringLiteral("min")).toInt(), 2);
    QCOMPARE(d.value(QStringLiteral("max")).toInt(), 18);
    QCOMPARE(d.value(QStringLiteral("distinct")).toInt(), 9);
    QCOMPARE(d.value(QStringLiteral("null_share")).toDouble(), 0.1);
    // Five bars of width 3.2 from 2 to 18: {2, 4} {6, 8} {10} {12, 14} {16, 18}.
    QCOMPARE(d.value(QStringLiteral("histogram")).toArray(), (QJsonArray{2, 2, 1, 2, 2}));

    const QJsonObject t = traits.at(2).toObject().value(QStringLiteral("distribution")).toObject();
    QCOMPARE(t.value(QStringLiteral("kind")).toString(), QStringLiteral("text"));
    QCOMPARE(t.value(QStringLiteral("nulls")).toInt(), 2);
    QCOMPARE(t.value(QStringLiteral("top")).toArray(),
             (QJsonArray{QJsonObject{{QStringLiteral("value"), QStringLiteral("A")}, {QStringLiteral("rows"), 5}},
                         QJsonObject{{QStringLiteral("value"), QStringLiteral("B")}, {QStringLiteral("rows"), 3}}}));

    // Traits are columns of the model: preview shows them beside its own.
    const CliResult preview = sluiceCli(ws, {QStringLiteral("preview"), QStringLiteral("m"), QStringLiteral("--json")});
    QVERIFY2(preview.exitCode == 0, qPrintable(preview.err));
    const QJsonObject first = preview.json().value(QStringLiteral("rows")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("doubled")).toInt(), 2);
    QCOMPARE(first.value(QStringLiteral("upper_label")).toString(), QStringLiteral("A"));
}

void TestSemanticLayer::refusedTraitIsNamedWithTheWarehouseWords()
{
    const QString ws = fixtureWorkspace(QJsonObject{
        {QStringLiteral("fine"), QJsonObject{{QStringLiteral("sql"), QStringLiteral("v + 1")}}},
        {QStringLiteral("broken"), QJsonObject{{QStringLiteral("sql"), QStringLiteral("no_such_column * 2")}}}});
    QVERIFY(!ws.isEmpty());
    const CliResult traits = sluiceCli(ws, {QStringLiteral("traits"), QStringLiteral("m")});
    QCOMPARE(traits.exitCode, 1);
    QVERIFY2(traits.err.contains(QStringLiteral("no such column: no_such_column")), qPrintable(traits.err));
    QVERIFY2(traits.err.contains(QStringLiteral("fine")) && traits.err.contains(QStringLiteral("% empty")), qPrintable(traits.err)); // the others still shown
    const CliResult check = sluiceCli(ws, {QStringLiteral("check")});
    QCOMPARE(check.exitCode, 1);
    QVERIFY2(check.err.contains(QStringLiteral("model m: trait broken: ")) && check.err.contains(QStringLiteral("no_such_column")), qPrintable(check.err));
    const CliResult preview = sluiceCli(ws, {QStringLiteral("preview"), QStringLiteral("m")});
    QCOMPARE(preview.exitCode, 1);
    QVERIFY2(preview.err.contains(QStringLiteral("trait broken")), qPrintable(preview.err));
}

void TestSemanticLayer::audienceOnTheDemoSizesAndSyncsExactlyItsRows()
{
    // The demo's activity runs up to the day it was made: "seen in the last 30 days" means what it says.
    const int days = 30;
    auto audience = [&](double ltv) {
        return QJsonObject{{QStringLiteral("model"), QStringLiteral("customer_360")},
                           {QStringLiteral("match"), QStringLiteral("all")},
                           {QStringLiteral("conditions"), QJsonArray{cond(QStringLiteral("is_high_value"), QStringLiteral("="), true),
                                                                     cond(QStringLiteral("marketing_consent"), QStringLiteral("="), true),
                                                                     cond(QStringLiteral("last_seen_at"), QStringLiteral("in_last_days"), days),
                                                                     QJsonObject{{QStringLiteral("match"), QStringLiteral("any")},
                                                                                 {QStringLiteral("conditions"), QJsonArray{cond(QStringLiteral("ltv"), QStringLiteral(">="), ltv),
                                                                                                                           cond(QStringLiteral("country"), QStringLiteral("in"), QJsonArray{QStringLiteral("DE")})}}}}}};
    };
    QVERIFY(test::editConfig(m_demo, [&](QJsonObject &root) {
        QJsonObject models = root.value(QStringLiteral("models")).toObject();
        QJsonObject customers = models.value(QStringLiteral("customer_360")).toObject();
        customers.insert(QStringLiteral("traits"), QJsonObject{{QStringLiteral("is_high_value"),
                                                                QJsonObject{{QStringLiteral("sql"), QStringLiteral("ltv > 1000")},
                                                                            {QStringLiteral("type"), QStringLiteral("boolean")},
                                                                            {QStringLiteral("description"), QStringLiteral("Customers whose orders add up to more than 1,000")}}}});
        models.insert(QStringLiteral("customer_360"), customers);
        models.insert(QStringLiteral("high_value"), QJsonObject{{QStringLiteral("description"), QStringLiteral("high value, consented, seen lately")},
                                                                {QStringLiteral("audience"), audience(1500)}});
        root.insert(QStringLiteral("models"), models);
        QJsonObject destinations = root.value(QStringLiteral("destinations")).toObject();
        destinations.insert(QStringLiteral("hv"), QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")}, {QStringLiteral("path"), QStringLiteral("out/high_value.jsonl")}});
        root.insert(QStringLiteral("destinations"), destinations);
        QJsonObject syncs = root.value(QStringLiteral("syncs")).toObject();
        syncs.insert(QStringLiteral("high_value_to_file"),
                     QJsonObject{{QStringLiteral("model"), QStringLiteral("high_value")}, {QStringLiteral("destination"), QStringLiteral("hv")},
                                 {QStringLiteral("mode"), QStringLiteral("mirror")},
                                 {QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("email")}},
                                                                       QJsonObject{{QStringLiteral("source"), QStringLiteral("ltv")}, {QStringLiteral("destination"), QStringLiteral("ltv")}}}}});
        root.insert(QStringLiteral("syncs"), syncs);
    }));
    const QString reference = QStringLiteral("FROM customer_360 WHERE ltv > 1000 AND marketing_consent = 1 AND julianday(last_seen_at) >= julianday('now') - %1 "
                                             "AND (ltv >= %2 OR country IN ('DE'))").arg(days);
    const qint64 expected = test::warehouseScalar(m_demo, QStringLiteral("SELECT count(*) ") + reference.arg(1500)).toLongLong();
    QVERIFY(expected > 10);
    CliResult size = sluiceCli(m_demo, {QStringLiteral("audience"), QStringLiteral("size"), QStringLiteral("high_value"), QStringLiteral("--json")});
    QVERIFY2(size.exitCode == 0, qPrintable(size.err));
    QCOMPARE(size.json().value(QStringLiteral("rows")).toInteger(), expected);
    QCOMPARE(size.json().value(QStringLiteral("model_rows")).toInteger(), 3000);
    QVERIFY(!size.json().value(QStringLiteral("params")).toArray().isEmpty()); // the values were bound

    // A condition changed, the size follows.
    QVERIFY(test::editConfig(m_demo, [&](QJsonObject &root) {
        QJsonObject models = root.value(QStringLiteral("models")).toObject();
        models.insert(QStringLiteral("high_value"), QJsonObject{{QStringLiteral("audience"), audience(3000)}});
        root.insert(QStringLiteral("models"), models);
    }));
    const qint64 fewer = test::warehouseScalar(m_demo, QStringLiteral("SELECT count(*) ") + reference.arg(3000)).toLongLong();
    QVERIFY(fewer < expected);
    size = sluiceCli(m_demo, {QStringLiteral("audience"), QStringLiteral("size"), QStringLiteral("high_value"), QStringLiteral("--json")});
    QCOMPARE(size.json().value(QStringLiteral("rows")).toInteger(), fewer);

    const CliResult overlap = sluiceCli(m_demo, {QStringLiteral("audience"), QStringLiteral("overlap"), QStringLiteral("high_value"),
                                                 QStringLiteral("customer_360"), QStringLiteral("--json")});
    QVERIFY2(overlap.exitCode == 0, qPrintable(overlap.err));
    QCOMPARE(overlap.json().value(QStringLiteral("both")).toInteger(), fewer);
    QCOMPARE(overlap.json().value(QStringLiteral("only_a")).toInteger(), 0);
    QCOMPARE(overlap.json().value(QStringLiteral("only_b")).toInteger(), 3000 - fewer);

    // The sync sends exactly the audience's rows.
    const CliResult run = sluiceCli(m_demo, {QStringLiteral("run"), QStringLiteral("high_value_to_file"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err + QString::fromUtf8(run.out)));
    QSet<QString> keys;
    const QString ids = QStringLiteral("SELECT group_concat(customer_id) ") + reference.arg(3000);
    for (const QString &id : test::warehouseScalar(m_demo, ids).toString().split(QLatin1Char(',')))
        keys.insert(id);
    QCOMPARE(keysInFile(m_demo + QStringLiteral("/out/high_value.jsonl")), keys);
}

void TestSemanticLayer::hostileValueFindsNothingAndChangesNothing()
{
    const QString attack = QStringLiteral("x'; drop table users; --");
    QVERIFY(test::editConfig(m_demo, [&](QJsonObject &root) {
        QJsonObject models = root.value(QStringLiteral("models")).toObject();
        models.insert(QStringLiteral("hostile"), QJsonObject{{QStringLiteral("audience"),
                                                              QJsonObject{{QStringLiteral("model"), QStringLiteral("customer_360")},
                                                                          {QStringLiteral("match"), QStringLiteral("any")},
                                                                          {QStringLiteral("conditions"), QJsonArray{cond(QStringLiteral("email"), QStringLiteral("="), attack),
                                                                                                                    cond(QStringLiteral("first_name"), QStringLiteral("contains"), attack)}}}}});
        root.insert(QStringLiteral("models"), models);
    }));
    const CliResult size = sluiceCli(m_demo, {QStringLiteral("audience"), QStringLiteral("size"), QStringLiteral("hostile"), QStringLiteral("--json")});
    QVERIFY2(size.exitCode == 0, qPrintable(size.err));
    QCOMPARE(size.json().value(QStringLiteral("rows")).toInteger(), 0);
    const CliResult preview = sluiceCli(m_demo, {QStringLiteral("preview"), QStringLiteral("hostile"), QStringLiteral("--json")}); // the inlined path
    QVERIFY2(preview.exitCode == 0, qPrintable(preview.err));
    QCOMPARE(preview.json().value(QStringLiteral("row_count")).toInt(), 0);
    QCOMPARE(test::warehouseScalar(m_demo, QStringLiteral("SELECT count(*) FROM users")).toInt(), 3000);
}

void TestSemanticLayer::configErrorsNameTheAudience()
{
    QVERIFY(test::editConfig(m_demo, [&](QJsonObject &root) {
        QJsonObject models = root.value(QStringLiteral("models")).toObject();
        models.insert(QStringLiteral("typo"), QJsonObject{{QStringLiteral("audience"),
                                                           QJsonObject{{QStringLiteral("model"), QStringLiteral("customers_360")},
                                                                       {QStringLiteral("conditions"), QJsonArray{cond(QStringLiteral("ltv"), QStringLiteral("greater"), 5)}}}}});
        models.insert(QStringLiteral("ghost"), QJsonObject{{QStringLiteral("audience"),
                                                            QJsonObject{{QStringLiteral("model"), QStringLiteral("customer_360")},
                                                                        {QStringLiteral("conditions"), QJsonArray{cond(QStringLiteral("no_such"), QStringLiteral("is_null"))}}}}});
        root.insert(QStringLiteral("models"), models);
    }));
    CliResult check = sluiceCli(m_demo, {QStringLiteral("check")});
    QCOMPARE(check.exitCode, 2);
    QVERIFY2(check.err.contains(QStringLiteral("audience typo: unknown model \"customers_360\"")), qPrintable(check.err));
    QVERIFY2(check.err.contains(QStringLiteral("audience typo: unknown op \"greater\"")), qPrintable(check.err));
    QVERIFY(test::editConfig(m_demo, [&](QJsonObject &root) {
        QJsonObject models = root.value(QStringLiteral("models")).toObject();
        models.remove(QStringLiteral("typo"));
        root.insert(QStringLiteral("models"), models);
    }));
    const CliResult size = sluiceCli(m_demo, {QStringLiteral("audience"), QStringLiteral("size"), QStringLiteral("ghost")});
    QCOMPARE(size.exitCode, 2);
    QVERIFY2(size.err.contains(QStringLiteral("audience ghost: a condition names \"no_such\", which model customer_360 does not have")), qPrintable(size.err));
    QVERIFY(test::editConfig(m_demo, [&](QJsonObject &root) {
        QJsonObject models = root.value(QStringLiteral("models")).toObject();
        models.remove(QStringLiteral("ghost"));
        root.insert(QStringLiteral("models"), models);
    }));
}

void TestSemanticLayer::dbtManifestBringsModelsAndDescriptions()
{
    const QString ws = fixtureWorkspace({});
    QVERIFY(!ws.isEmpty());
    QVERIFY(runSql(ws + QStringLiteral("/w.db"), {QStringLiteral("CREATE TABLE customers (customer_id INTEGER, email TEXT, is_vip INTEGER)"),
                                                  QStringLiteral("INSERT INTO customers VALUES (1, 'a@x.example', 1), (2, 'b@x.example', 0)"),
                                                  QStringLiteral("CREATE TABLE accounts (account_id INTEGER, name TEXT)"),
                                                  QStringLiteral("CREATE TABLE orders (order_id INTEGER, total REAL)")}));
    auto test = [](const QString &kind, const QString &column, const QString &model) {
        return QJsonObject{{QStringLiteral("resource_type"), QStringLiteral("test")},
                           {QStringLiteral("name"), QString(kind + QLatin1Char('_') + column)},
                           {QStringLiteral("column_name"), column},
                           {QStringLiteral("attached_node"), model},
                           {QStringLiteral("test_metadata"), QJsonObject{{QStringLiteral("name"), kind}, {QStringLiteral("kwargs"), QJsonObject{{QStringLiteral("column_name"), column}}}}}};
    };
    auto column = [](const QString &name, const QString &description) {
        return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("description"), description}};
    };
    auto manifest = [&](const QString &vipDescription) {
        const QJsonObject nodes{
            {QStringLiteral("model.shop.customers"),
             QJsonObject{{QStringLiteral("resource_type"), QStringLiteral("model")}, {QStringLiteral("name"), QStringLiteral("customers")},
                         {QStringLiteral("description"), QStringLiteral("One row per customer")},
                         {QStringLiteral("relation_name"), QStringLiteral("\"warehouse\".\"main\".\"customers\"")},
                         {QStringLiteral("columns"), QJsonObject{{QStringLiteral("customer_id"), column(QStringLiteral("customer_id"), QStringLiteral("The customer's id"))},
                                                                 {QStringLiteral("email"), column(QStringLiteral("email"), QStringLiteral("Primary e-mail"))},
                                                                 {QStringLiteral("is_vip"), column(QStringLiteral("is_vip"), vipDescription)}}}}},
            {QStringLiteral("test.shop.unique_customers_customer_id"), test(QStringLiteral("unique"), QStringLiteral("customer_id"), QStringLiteral("model.shop.customers"))},
            {QStringLiteral("test.shop.not_null_customers_customer_id"), test(QStringLiteral("not_null"), QStringLiteral("customer_id"), QStringLiteral("model.shop.customers"))},
            {QStringLiteral("test.shop.not_null_customers_email"), test(QStringLiteral("not_null"), QStringLiteral("email"), QStringLiteral("model.shop.customers"))},
            {QStringLiteral("model.shop.accounts"),
             QJsonObject{{QStringLiteral("resource_type"), QStringLiteral("model")}, {QStringLiteral("name"), QStringLiteral("accounts")},
                         {QStringLiteral("schema"), QStringLiteral("main")}, {QStringLiteral("alias"), QStringLiteral("accounts")},
                         {QStringLiteral("columns"), QJsonObject{{QStringLiteral("account_id"), QJsonObject{{QStringLiteral("name"), QStringLiteral("account_id")},
                                                                                                           {QStringLiteral("constraints"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("primary_key")}}}}}}}}}},
            {QStringLiteral("model.shop.orders"),
             QJsonObject{{QStringLiteral("resource_type"), QStringLiteral("model")}, {QStringLiteral("name"), QStringLiteral("orders")},
                         {QStringLiteral("relation_name"), QStringLiteral("\"main\".\"orders\"")}}}};
        QFile f(ws + QStringLiteral("/manifest.json"));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        return f.write(QJsonDocument(QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("dbt_schema_version"), QStringLiteral("https://schemas.getdbt.com/dbt/manifest/v12.json")}}},
                                                 {QStringLiteral("nodes"), nodes}}).toJson()) > 0;
    };
    QVERIFY(manifest(QStringLiteral("VIP per finance's definition")));
    CliResult imported = sluiceCli(ws, {QStringLiteral("import"), QStringLiteral("dbt"), ws + QStringLiteral("/manifest.json"), QStringLiteral("--json")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QCOMPARE(imported.json().value(QStringLiteral("created")).toArray(), (QJsonArray{QStringLiteral("accounts"), QStringLiteral("customers")}));
    QCOMPARE(imported.json().value(QStringLiteral("skipped")).toArray().at(0).toObject().value(QStringLiteral("model")).toString(), QStringLiteral("orders"));

    auto config = [&] {
        auto w = workspace::Workspace::open(ws);
        return w ? w->config() : workspace::Config{};
    };
    workspace::Config c = config();
    QVERIFY(c.models.contains(QStringLiteral("customers")));
    QCOMPARE(c.models[QStringLiteral("customers")].definedSql, QStringLiteral("select * from \"main\".\"customers\""));
    QCOMPARE(c.models[QStringLiteral("customers")].primaryKey, QStringList{QStringLiteral("customer_id")}); // unique and not_null; email only not_null
    QCOMPARE(c.models[QStringLiteral("customers")].description, QStringLiteral("One row per customer"));
    QCOMPARE(c.models[QStringLiteral("customers")].columnDescriptions.value(QStringLiteral("email")), QStringLiteral("Primary e-mail"));
    QCOMPARE(c.models[QStringLiteral("accounts")].primaryKey, QStringList{QStringLiteral("account_id")}); // declared constraint
    const CliResult check = sluiceCli(ws, {QStringLiteral("check")});
    QVERIFY2(check.exitCode == 0, qPrintable(check.err));

    // The operator edits the model and adds a trait; a re-import changes descriptions only.
    QVERIFY(test::editConfig(ws, [&](QJsonObject &root) {
        QJsonObject models = root.value(QStringLiteral("models")).toObject();
        QJsonObject customers = models.value(QStringLiteral("customers")).toObject();
        customers.insert(QStringLiteral("sql"), QStringLiteral("select customer_id, email, is_vip = 1 as vip_flag from customers"));
        customers.insert(QStringLiteral("traits"), QJsonObject{{QStringLiteral("is_vip"), QJsonObject{{QStringLiteral("sql"), QStringLiteral("vip_flag")}}}});
        models.insert(QStringLiteral("customers"), customers);
        root.insert(QStringLiteral("models"), models);
    }));
    QVERIFY(manifest(QStringLiteral("VIP: finance's 2027 definition")));
    imported = sluiceCli(ws, {QStringLiteral("import"), QStringLiteral("dbt"), ws + QStringLiteral("/manifest.json"), QStringLiteral("--select"), QStringLiteral("customers")});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(imported.err.contains(QStringLiteral("updated the descriptions of model customers")), qPrintable(imported.err));
    c = config();
    QCOMPARE(c.models[QStringLiteral("customers")].definedSql, QStringLiteral("select customer_id, email, is_vip = 1 as vip_flag from customers"));
    QCOMPARE(c.models[QStringLiteral("customers")].trait(QStringLiteral("is_vip"))->sql, QStringLiteral("vip_flag"));
    QCOMPARE(c.models[QStringLiteral("customers")].trait(QStringLiteral("is_vip"))->description, QStringLiteral("VIP: finance's 2027 definition"));

    const CliResult unknown = sluiceCli(ws, {QStringLiteral("import"), QStringLiteral("dbt"), ws + QStringLiteral("/manifest.json"), QStringLiteral("--select"), QStringLiteral("nope")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains(QStringLiteral("no model \"nope\"")), qPrintable(unknown.err));
}

QTEST_GUILESS_MAIN(TestSemanticLayer)
#include "tst_semantic_layer.moc"
