#include "mapping/field_schema.h"

#include <QJsonDocument>
#include <QTest>

using namespace sluice::mapping;

class TestFieldSchema final : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void schemaProblems();
};

void TestFieldSchema::check_data()
{
    QTest::addColumn<QByteArray>("rule");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("problem"); // empty: accepted

    QTest::newRow("fits") << QByteArray(R"({"type": "string", "max_length": 5})") << QVariant("abcde") << QString();
    QTest::newRow("too long is held, never cut") << QByteArray(R"({"max_length": 5})") << QVariant("abcdef")
                                                  << QStringLiteral("field f is 6 characters long; destination crm takes at most 5");
    QTest::newRow("required and empty") << QByteArray(R"({"required": true})") << QVariant("") << QStringLiteral("field f is required by destination crm");
    QTest::newRow("required and null") << QByteArray(R"({"required": true})") << QVariant() << QStringLiteral("is required");
    QTest::newRow("optional null") << QByteArray(R"({"type": "integer"})") << QVariant() << QString();
    QTest::newRow("integer") << QByteArray(R"({"type": "integer"})") << QVariant(12LL) << QString();
    QTest::newRow("not an integer") << QByteArray(R"({"type": "integer"})") << QVariant(1.5) << QStringLiteral("must be an integer");
    QTest::newRow("number from decimal text") << QByteArray(R"({"type": "number"})") << QVariant("12.50") << QString();
    QTest::newRow("not a number") << QByteArray(R"({"type": "number"})") << QVariant("12,5") << QStringLiteral("must be a number");
    QTest::newRow("boolean") << QByteArray(R"({"type": "boolean"})") << QVariant("yes") << QStringLiteral("must be true or false");
    QTest::newRow("string wants text") << QByteArray(R"({"type": "string"})") << QVariant(42LL) << QStringLiteral("add cast:string");
    QTest::newRow("timestamp") << QByteArray(R"({"type": "timestamp"})") << QVariant("2026-01-31T12:00:00Z") << QString();
    QTest::newRow("bad timestamp") << QByteArray(R"({"type": "timestamp"})") << QVariant("31/01/2026") << QStringLiteral("ISO-8601");
    QTest::newRow("enum") << QByteArray(R"({"enum": ["lead", "customer"]})") << QVariant("vip") << QStringLiteral("accepts only lead, customer");
    QTest::newRow("enum ok") << QByteArray(R"({"enum": ["lead", "customer"]})") << QVariant("lead") << QString();
    QTest::newRow("email format") << QByteArray(R"({"format": "email"})") << QVariant("not-mail") << QStringLiteral("not an e-mail address");
    QTest::newRow("e164 format") << QByteArray(R"({"format": "e164"})") << QVariant("(415) 555-0100") << QStringLiteral("add phone:REGION");
    QTest::newRow("e164 ok") << QByteArray(R"({"format": "e164"})") << QVariant("+14155550100") << QString();
}

void TestFieldSchema::check()
{
    QFETCH(QByteArray, rule);
    QFETCH(QVariant, value);
    QFETCH(QString, problem);
    const FieldSchema schema = parseFieldSchema(QJsonObject{{QStringLiteral("f"), QJsonDocument::fromJson(rule).object()}});
    const QString got = checkField(schema.value(QStringLiteral("f")), value, QStringLiteral("f"), QStringLiteral("crm"));
    if (problem.isEmpty())
        QVERIFY2(got.isEmpty(), qPrintable(got));
    else
        QVERIFY2(got.contains(problem), qPrintable(got));
}

void TestFieldSchema::schemaProblems()
{
    const QJsonObject bad = QJsonDocument::fromJson(R"({"a": {"type": "text"}, "b": {"format": "url"}, "c": {"max_length": 0}, "d": 3})").object();
    const QStringList problems = fieldSchemaProblems(bad);
    QCOMPARE(problems.size(), 4);
    QVERIFY(problems.join(QLatin1Char('\n')).contains(QStringLiteral("unknown type \"text\"")));
}

QTEST_GUILESS_MAIN(TestFieldSchema)
#include "tst_field_schema.moc"
