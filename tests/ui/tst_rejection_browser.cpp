// The rejection browser (issue #14): the records a sync holds back after a
// run against a webhook that refuses some of them, grouped by reason,
// searched by key, their payload from the ledger, exported to CSV, and
// "retry rejected now" asking for a run.
#include "destination/csv_format.h"
#include "engine/sync_engine.h"
#include "runs/rejection_browser.h"
#include "store/state_store.h"
#include "webhook_sink.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace sluice;

class TestRejectionBrowser final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }
    void patternsGroupReasonsOfOneKind();
    void browseFilterExportAndRetry();

private:
    QTemporaryDir m_dir;
    test::WebhookSink m_sink;
};

void TestRejectionBrowser::initTestCase()
{
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
        c.setDatabaseName(m_dir.filePath(QStringLiteral("dw.db")));
        QVERIFY(c.open());
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT)")));
        for (int i = 1; i <= 20; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO customers VALUES (%1, '%2')").arg(i).arg(i == 12 ? QStringLiteral("no address") : QStringLiteral("c%1@x.io").arg(i))));
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));
    QFile config(m_dir.filePath(QStringLiteral("sluice.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"version": 1, "sources": {"dw": {"driver": "sqlite", "path": "dw.db"}},
        "destinations": {"hook": {"type": "webhook", "url": ")" + m_sink.url().toUtf8() + R"(", "batch_size": 5, "concurrency": 1, "backoff_ms": 20}},
        "models": {"m": {"source": "dw", "primary_key": "id", "sql": "select id, email from customers"}},
        "syncs": {"s": {"model": "m", "destination": "hook", "fields": [{"source": "email", "destination": "email", "transform": ["email"]}]}}})");
    config.close();
    m_sink.rejectKeys({{QStringLiteral("3"), QStringLiteral("email is on the blocklist")},
                       {QStringLiteral("9"), QStringLiteral("email is on the blocklist")},
                       {QStringLiteral("7"), QStringLiteral("quota of 100 contacts reached for list 7")}});
    auto ws = workspace::Workspace::open(m_dir.path());
    QVERIFY(ws.ok());
    auto store = store::StateStore::open(ws.value().stateDbPath());
    QVERIFY(store);
    Result<engine::RunResult> run = engine::runSync(ws.value(), *store.value(), QStringLiteral("s"), {});
    QVERIFY(run);
    QCOMPARE(run.value().plan.counts.rejected, 3);
    QCOMPARE(run.value().plan.counts.invalid, 1);
}

void TestRejectionBrowser::patternsGroupReasonsOfOneKind()
{
    QCOMPARE(ui::RejectionsModel::pattern(QStringLiteral("field email: \"a b\" is not an e-mail address")),
             ui::RejectionsModel::pattern(QStringLiteral("field email: \"x\" is not an e-mail address")));
    QCOMPARE(ui::RejectionsModel::pattern(QStringLiteral("quota of 100 contacts reached for list 7")), QStringLiteral("quota of N contacts reached for list N"));
    QVERIFY(ui::RejectionsModel::pattern(QStringLiteral("email is on the blocklist")) != ui::RejectionsModel::pattern(QStringLiteral("quota of 1")));
}

void TestRejectionBrowser::browseFilterExportAndRetry()
{
    ui::RejectionBrowser browser(m_dir.path(), QStringLiteral("s"));
    QAbstractItemModelTester tester(browser.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&browser, &ui::RejectionBrowser::loaded);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().at(0).toInt(), 4);
    // Reasons grouped by kind, the commonest first.
    QComboBox *reasons = browser.reasons();
    QCOMPARE(reasons->count(), 4); // every reason, blocklist (2), quota (1), not an address (1)
    QVERIFY2(reasons->itemText(1).startsWith(QLatin1String("email is on the blocklist (2)")), qPrintable(reasons->itemText(1)));
    reasons->setCurrentIndex(1);
    QCOMPARE(browser.filter()->rowCount(), 2);
    QString csvPath = m_dir.filePath(QStringLiteral("held.csv"));
    QVERIFY(browser.exportCsv(csvPath));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    bool ok = false;
    const QList<QStringList> rows = destination::csv::parse(QString::fromUtf8(csv.readAll()), &ok);
    QVERIFY(ok);
    QCOMPARE(rows.size(), 3); // header and the two shown
    QCOMPARE(rows[0].first(), QStringLiteral("key"));
    QVERIFY(rows[1][2].contains(QLatin1String("blocklist")));
    // Search by key, across every reason.
    reasons->setCurrentIndex(0);
    browser.search()->setText(QStringLiteral("12"));
    QCOMPARE(browser.filter()->rowCount(), 1);
    QVERIFY(browser.filter()->index(0, ui::RejectionsModel::Reason).data().toString().contains(QLatin1String("not an e-mail address")));
    // A rejected record's payload, from the ledger.
    browser.search()->setText(QStringLiteral("9"));
    auto *table = browser.findChild<QTableView *>();
    table->setCurrentIndex(browser.filter()->index(0, 0));
    auto *payload = browser.findChild<QPlainTextEdit *>();
    QTRY_VERIFY(payload->toPlainText().contains(QLatin1String("c9@x.io")));
    // Retry asks the screen for a run of the sync.
    QSignalSpy retry(&browser, &ui::RejectionBrowser::retryRequested);
    for (QPushButton *b : browser.findChildren<QPushButton *>())
        if (b->text() == QLatin1String("Retry rejected now"))
            b->click();
    QCOMPARE(retry.size(), 1);
    QCOMPARE(retry.first().at(0).toString(), QStringLiteral("s"));
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        browser.search()->clear();
        table->setCurrentIndex(browser.filter()->index(1, 0));
        browser.resize(1400, 700);
        browser.show();
        QTest::qWait(300);
        browser.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/rejection-browser.png"));
    }
}

QTEST_MAIN(TestRejectionBrowser)
#include "tst_rejection_browser.moc"
