#include "source/source_connection.h"

#include <QTest>

class TestModelSql final : public QObject
{
    Q_OBJECT

private slots:
    void stripsOnlyTrailingSemicolons_data();
    void stripsOnlyTrailingSemicolons();
};

void TestModelSql::stripsOnlyTrailingSemicolons_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringLiteral("select 1") << QStringLiteral("select 1");
    QTest::newRow("semicolon") << QStringLiteral("select 1;") << QStringLiteral("select 1");
    QTest::newRow("several and space") << QStringLiteral("select 1 ; ;\n") << QStringLiteral("select 1");
    QTest::newRow("then a line comment") << QStringLiteral("select 1; -- done") << QStringLiteral("select 1 -- done");
    QTest::newRow("then a block comment") << QStringLiteral("select 1; /* ; */") << QStringLiteral("select 1 /* ; */");
    QTest::newRow("semicolon in a string stays") << QStringLiteral("select ';'") << QStringLiteral("select ';'");
    QTest::newRow("semicolon in a comment stays") << QStringLiteral("select 1 -- a;") << QStringLiteral("select 1 -- a;");
    QTest::newRow("quoted identifier") << QStringLiteral("select 1 as \";\";") << QStringLiteral("select 1 as \";\"");
}

void TestModelSql::stripsOnlyTrailingSemicolons()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QCOMPARE(sluice::source::stripTrailingSemicolons(sql), expected);
}

QTEST_GUILESS_MAIN(TestModelSql)
#include "tst_model_sql.moc"
