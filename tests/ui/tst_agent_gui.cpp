// The GUI and the agent on one workspace: the main window's status bar says
// whether an agent runs it, what runs and which sync is next; the GUI runs a
// sync while the agent runs it on a two-second schedule, and neither
// corrupts the state (the file holds every customer once, with the latest
// values; the state database passes its integrity check; a refused start
// says the sync is already running). The autostart toggle writes a valid
// XDG autostart entry for this workspace and removes it.
#include "shell/agent_status.h"
#include "store/state_store.h"
#include "shell/main_window.h"
#include "syncs/syncs_screen.h"
#include "demo_workspace.h"

#include <QAction>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <csignal>

using namespace sluice;

class TestAgentGui final : public QObject
{
    Q_OBJECT

private slots:
    // Readers a screen started on the pool (a sync's last run, a preview) end with its test:
    // one still reading the state database when the application exits would race its teardown.
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }
    void initTestCase();
    void guiAndAgentShareAWorkspace();
    void autostartToggle();

private:
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestAgentGui::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    m_ws = test::makeDemoWorkspace(m_dir.path(), 3000);
    QVERIFY(!m_ws.isEmpty());
    QVERIFY(test::setSchedule(m_ws, QStringLiteral("customers_to_file"), QJsonObject{{QStringLiteral("every"), QStringLiteral("2s")}}));
}

void TestAgentGui::guiAndAgentShareAWorkspace()
{
    ui::MainWindow window(workspace::Workspace::open(m_ws).value());
    ui::AgentStatus *status = window.agentStatus();
    QVERIFY(status);
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("No agent")), qPrintable(status->text()), 10000);
    QVERIFY(status->startAction()->isEnabled());

    QProcess agent;
    agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    agent.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("agent"), QStringLiteral("--no-tray"), QStringLiteral("--workspace"), m_ws});
    QVERIFY(agent.waitForStarted());
    QSignalSpy refreshed(status, &ui::AgentStatus::refreshed);
    auto fresh = [&] {
        status->refresh();
        return refreshed.wait(5000);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(fresh() && status->text().contains(QStringLiteral("Agent running (process %1)").arg(agent.processId())),
                              qPrintable(status->text()), 20000);
    QVERIFY(!status->startAction()->isEnabled());
    QVERIFY2(status->details().contains(QStringLiteral("customers_to_file — every 2 s —")), qPrintable(status->details()));
    QVERIFY2(status->details().contains(QStringLiteral("audience_to_file — after customers_to_file —")), qPrintable(status->details()));

    // The GUI runs customers_to_file again and again while the agent does too.
    auto *screen = window.findChild<ui::SyncsScreen *>();
    auto *list = screen->findChild<QListWidget *>();
    QVERIFY(screen && list);
    for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->text().startsWith(QStringLiteral("customers_to_file")))
            list->setCurrentRow(i);
    QVERIFY(list->currentItem() && list->currentItem()->text().startsWith(QStringLiteral("customers_to_file")));
    QSignalSpy finished(screen, &ui::SyncsScreen::jobFinished);
    int ran = 0, refused = 0;
    bool sawRunningOrNext = false;
    for (int round = 0; round < 10; ++round) {
        QVERIFY(test::warehouseSql(m_ws, QStringLiteral("UPDATE users SET first_name = 'Round%1' WHERE (user_id % 7) = %2").arg(round).arg(round % 7)));
        screen->runCurrent();
        QVERIFY(finished.wait(60000));
        const auto summary = finished.last().at(0).value<engine::RunSummary>();
        if (summary.runId.isEmpty()) { // refused to start: the screen says why
            QLabel *said = screen->findChild<QLabel *>(QStringLiteral("syncStatus"));
            if (!said)
                said = screen->findChild<QLabel *>(QStringLiteral("status"));
            QVERIFY(said);
            QVERIFY2(said->text().contains(QStringLiteral("already running")), qPrintable(said->text()));
            ++refused;
        } else {
            QCOMPARE(toString(summary.status), QStringLiteral("succeeded"));
            ++ran;
        }
        fresh();
        sawRunningOrNext = sawRunningOrNext || status->details().contains(QStringLiteral("customers_to_file — every 2 s — next "))
                           || status->details().contains(QStringLiteral("customers_to_file — every 2 s — running now"));
        QTest::qWait(round * 150); // in and out of step with the agent's two seconds
    }
    QVERIFY(ran > 0);
    QVERIFY2(sawRunningOrNext, qPrintable(status->details()));
    qInfo("GUI runs: %d succeeded, %d refused as already running", ran, refused);

    ::kill(pid_t(agent.processId()), SIGTERM);
    QVERIFY(agent.waitForFinished(60000));
    QCOMPARE(agent.exitCode(), 0);
    QTRY_VERIFY2_WITH_TIMEOUT(fresh() && status->text().contains(QStringLiteral("No agent")), qPrintable(status->text()), 10000);

    // One more run settles whatever the last change left; then the file is the model.
    screen->runCurrent();
    QVERIFY(finished.wait(60000));
    QCOMPARE(toString(finished.last().at(0).value<engine::RunSummary>().status), QStringLiteral("succeeded"));
    QHash<QString, QString> model;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("model"));
        db.setDatabaseName(m_ws + QStringLiteral("/demo/warehouse.db"));
        QVERIFY(db.open());
        QSqlQuery rows(db);
        QVERIFY(rows.exec(QStringLiteral("SELECT customer_id, first_name FROM customer_360")));
        while (rows.next())
            model.insert(rows.value(0).toString(), rows.value(1).toString());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("model"));
    QFile file(m_ws + QStringLiteral("/out/customers.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QHash<QString, QString> written;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        const QString key = record.value(QStringLiteral("key")).toString();
        QVERIFY2(!written.contains(key), qPrintable(key)); // once
        written.insert(key, record.value(QStringLiteral("fields")).toObject().value(QStringLiteral("first_name")).toString());
    }
    QCOMPARE(QSet<QString>(written.keyBegin(), written.keyEnd()), QSet<QString>(model.keyBegin(), model.keyEnd()));
    int changed = 0;
    for (auto it = model.cbegin(); it != model.cend(); ++it)
        if (it.value().startsWith(QStringLiteral("Round"))) {
            QCOMPARE(written.value(it.key()), it.value()); // the latest value, whoever ran last
            ++changed;
        }
    QVERIFY(changed > 2000);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("state"));
        db.setDatabaseName(m_ws + QStringLiteral("/.sluice/state.db"));
        QVERIFY(db.open());
        QSqlQuery check(db);
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(check.exec(QStringLiteral("SELECT count(*) FROM runs WHERE status = 'running' OR coalesce(error, '') LIKE '%locked%database%' "
                                          "OR coalesce(error, '') LIKE '%database is locked%'")));
        QVERIFY(check.next());
        QCOMPARE(check.value(0).toInt(), 0);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("state"));
    // The agent ran the sync too, between the GUI's runs (after a refusal it waits a minute).
    auto store = store::StateStore::open(m_ws + QStringLiteral("/.sluice/state.db"));
    QVERIFY(store.ok());
    const qsizetype all = store.value()->runs(QStringLiteral("customers_to_file"), 1000).size();
    QVERIFY2(all >= ran + 1 + 1, qPrintable(QStringLiteral("%1 runs in all").arg(all)));
}

void TestAgentGui::autostartToggle()
{
    ui::AgentStatus status(m_ws);
    const QString file = ui::AgentStatus::autostartFile(m_ws);
    QVERIFY2(file.startsWith(m_dir.filePath(QStringLiteral("config/autostart/"))), qPrintable(file));
    QVERIFY(!status.autostartAction()->isChecked());
    status.autostartAction()->trigger();
    QVERIFY(QFile::exists(file));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString entry = QString::fromUtf8(f.readAll());
    QVERIFY2(entry.contains(QStringLiteral(" agent --workspace \"%1\"").arg(m_ws)), qPrintable(entry));
    QProcess validate;
    validate.start(QStringLiteral("desktop-file-validate"), {file});
    QVERIFY(validate.waitForFinished(30000));
    QVERIFY2(validate.exitCode() == 0, validate.readAllStandardOutput().constData());
    ui::AgentStatus again(m_ws); // the toggle reads the file: on in a new window too
    QVERIFY(again.autostartAction()->isChecked());
    again.autostartAction()->trigger();
    QVERIFY(!QFile::exists(file));
}

QTEST_MAIN(TestAgentGui)
#include "tst_agent_gui.moc"
