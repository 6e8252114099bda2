#include "demo/demo_warehouse.h"

#include <QCryptographicHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

class TestDemoWarehouse final : public QObject
{
    Q_OBJECT

private slots:
    void deterministic();
    void carriesRealisticMess();
    void customer360HasTraitsForEveryUser();

private:
    QByteArray contentHash(const QString &path);
    qint64 count(const QString &path, const QString &sql);
};

QByteArray TestDemoWarehouse::contentHash(const QString &path)
{
    QByteArray hash;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("hash"));
        db.setDatabaseName(path);
        db.open();
        QCryptographicHash h(QCryptographicHash::Sha256);
        for (const char *table : {"accounts", "users", "orders", "events", "customer_360"}) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(QLatin1String(table)));
            while (q.next())
                for (int i = 0; i < q.record().count(); ++i)
                    h.addData(QByteArray(q.value(i).toString().toUtf8() + '\x1f'));
        }
        hash = h.result();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("hash"));
    return hash;
}

qint64 TestDemoWarehouse::count(const QString &path, const QString &sql)
{
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        if (q.exec(sql) && q.next())
            n = q.value(0).toLongLong();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return n;
}

void TestDemoWarehouse::deterministic()
{
    QTemporaryDir dir;
    sluice::demo::DemoOptions options;
    options.users = 2000;
    QVERIFY(sluice::demo::generateDemoWarehouse(dir.filePath(QStringLiteral("a.db")), options).ok());
    QVERIFY(sluice::demo::generateDemoWarehouse(dir.filePath(QStringLiteral("b.db")), options).ok());
    QCOMPARE(contentHash(dir.filePath(QStringLiteral("a.db"))), contentHash(dir.filePath(QStringLiteral("b.db"))));
    options.seed += 1;
    QVERIFY(sluice::demo::generateDemoWarehouse(dir.filePath(QStringLiteral("c.db")), options).ok());
    QVERIFY(contentHash(dir.filePath(QStringLiteral("a.db"))) != contentHash(dir.filePath(QStringLiteral("c.db"))));
}

void TestDemoWarehouse::carriesRealisticMess()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.db"));
    QVERIFY(sluice::demo::generateDemoWarehouse(path, {}).ok());
    QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM users")), 10000);
    // Stray whitespace, mixed case, gmail dots, missing values, shared inboxes.
    QVERIFY(count(path, QStringLiteral("SELECT count(*) FROM users WHERE email <> trim(email)")) > 50);
    QVERIFY(count(path, QStringLiteral("SELECT count(*) FROM users WHERE email <> lower(email)")) > 500);
    QVERIFY(count(path, QStringLiteral("SELECT count(*) FROM users WHERE email LIKE '_.%@gmail.com'")) > 20);
    QVERIFY(count(path, QStringLiteral("SELECT count(*) FROM users WHERE email IS NULL")) > 100);
    QVERIFY(count(path, QStringLiteral("SELECT count(*) FROM (SELECT lower(trim(email)) e FROM users WHERE email IS NOT NULL "
                                       "GROUP BY e HAVING count(*) > 1)")) > 5);
    // Phone numbers in several national formats.
    QVERIFY(count(path, QStringLiteral("SELECT count(*) FROM users WHERE phone LIKE '(%'")) > 100);
    QVERIFY(count(path, QStringLiteral("SELECT count(*) FROM users WHERE phone LIKE '+44%' OR phone LIKE '0044%'")) > 100);
    QVERIFY(count(path, QStringLiteral("SELECT count(*) FROM users WHERE phone LIKE '030%'")) > 50);
    QVERIFY(count(path, QStringLiteral("SELECT count(*) FROM users WHERE marketing_consent IS NULL")) > 100);
}

void TestDemoWarehouse::customer360HasTraitsForEveryUser()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("w.db"));
    sluice::demo::DemoOptions options;
    options.users = 3000;
    QVERIFY(sluice::demo::generateDemoWarehouse(path, options).ok());
    QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM customer_360")), 3000);
    QCOMPARE(count(path, QStringLiteral("SELECT count(DISTINCT customer_id) FROM customer_360")), 3000);
    QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM customer_360 WHERE updated_at IS NULL OR updated_at = ''")), 0);
    QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM customer_360 WHERE lifecycle_stage NOT IN ('lead','new','repeat','vip')")), 0);
    QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM customer_360 WHERE churn_risk NOT IN ('low','medium','high')")), 0);
    QVERIFY(count(path, QStringLiteral("SELECT count(*) FROM customer_360 WHERE lifecycle_stage = 'lead' AND ltv = 0")) > 100);
    // ltv is the sum of the user's orders, in currency units.
    QCOMPARE(count(path, QStringLiteral("SELECT count(*) FROM customer_360 c JOIN (SELECT user_id, sum(amount_cents) s FROM "
                                        "orders GROUP BY user_id) o ON o.user_id = c.customer_id WHERE abs(c.ltv * 100 - o.s) > 0.5")),
             0);
}

QTEST_GUILESS_MAIN(TestDemoWarehouse)
#include "tst_demo_warehouse.moc"
