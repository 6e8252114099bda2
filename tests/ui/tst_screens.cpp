// The Sources and Models screens, offscreen, on the demo workspace.
#include "dashboard/dashboard_screen.h"
#include "dashboard/metric_chart.h"
#include "metrics/metrics.h"
#include "models/models_screen.h"
#include "demo_workspace.h"
#include "meta_emulator.h"
#include "run_history.h"
#include "store/state_store.h"
#include "models/preview_table_model.h"
#include "shell/appearance.h"
#include "shell/icons.h"
#include "shell/main_window.h"
#include "shell/welcome_window.h"
#include "shell/workspace_document.h"
#include "sources/sources_screen.h"
#include "runs/record_history.h"
#include "runs/runs_screen.h"
#include "syncs/syncs_screen.h"
#include "workspace/workspace_init.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QKeySequence>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>
#include <QTableWidget>
#include <QFile>
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QListWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QStackedWidget>

using namespace sluice;

class TestScreens final : public QObject
{
    Q_OBJECT

private slots:
    // Readers a screen started on the pool (a sync's last run, a preview) end with its test:
    // one still reading the state database when the application exits would race its teardown.
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }
    void initTestCase();
    void tableModelContract();
    void fetchMoreAsksOnce();
    void staleAnswersAreDropped();
    void previewFillsLazily();
    void supersededPreviewIsDropped();
    void previewShowsWarehouseErrors();
    void sourcesTestAndSchema();
    void mainWindowHasEveryScreen();
    void syncsRunFromTheScreen();
    void audiencePlanShowsCoverageAndRunShowsWhatThePlatformSaid();
    void welcomeOpensTheDemoAndRemembersIt();
    void appearanceIsChosenAndFollowed();
    void everyIconDrawsInThePalettesColour();

private:
    workspace::Workspace demo();
    QTemporaryDir m_dir;
};

void TestScreens::initTestCase()
{
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 5000;
    const auto r = workspace::initWorkspace(m_dir.filePath(QStringLiteral("ws")), options);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
}

workspace::Workspace TestScreens::demo()
{
    auto ws = workspace::Workspace::open(m_dir.filePath(QStringLiteral("ws")));
    if (!ws.ok())
        qFatal("%s", qPrintable(ws.error().message));
    return std::move(ws).value();
}

void TestScreens::tableModelContract()
{
    ui::PreviewTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(1);
    model.setColumns(1, {{QStringLiteral("id"), source::ColumnType::Integer, {}}, {QStringLiteral("email"), source::ColumnType::Text, {}}});
    model.appendRows(1, {{QVariant(1LL), QVariant(QStringLiteral("a@x"))}, {QVariant(2LL), QVariant()}}, true);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(1, 1)).toString(), QStringLiteral("NULL"));
}

void TestScreens::fetchMoreAsksOnce()
{
    ui::PreviewTableModel model; // no tester here: it calls fetchMore itself
    model.reset(1);
    model.setColumns(1, {{QStringLiteral("id"), source::ColumnType::Integer, {}}, {QStringLiteral("email"), source::ColumnType::Text, {}}});
    model.appendRows(1, {{QVariant(1LL), QVariant(QStringLiteral("a@x"))}, {QVariant(2LL), QVariant()}}, true);
    QVERIFY(model.canFetchMore({}));
    QSignalSpy requested(&model, &ui::PreviewTableModel::fetchRequested);
    model.fetchMore({});
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(1).toLongLong(), 2);
    QVERIFY(!model.canFetchMore({})); // one request in flight at a time
    QCOMPARE(model.rowCountText(), QStringLiteral("at least 2 rows"));
    model.appendRows(1, {{QVariant(3LL), QVariant(QStringLiteral("c@x"))}}, false);
    QVERIFY(!model.canFetchMore({}));
    QVERIFY(model.totalKnown());
    QCOMPARE(model.rowCount(), 3);
}

void TestScreens::staleAnswersAreDropped()
{
    ui::PreviewTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reset(1);
    model.reset(2);
    model.setColumns(1, {{QStringLiteral("old"), source::ColumnType::Text, {}}});
    model.appendRows(1, {{QVariant(QStringLiteral("x"))}}, false);
    QCOMPARE(model.columnCount(), 0);
    QCOMPARE(model.rowCount(), 0);
}

void TestScreens::previewFillsLazily()
{
    ui::WorkspaceDocument document(demo());
    ui::ModelsScreen screen(&document);
    // Before a preview, the empty table says what it is for; then it makes way for the rows.
    auto *empty = screen.findChild<QLabel *>(QStringLiteral("previewEmpty"));
    QVERIFY(empty && !empty->isHidden());
    QSignalSpy settled(&screen, &ui::ModelsScreen::previewSettled);
    screen.previewCurrent();
    QVERIFY(settled.wait(30000));
    QVERIFY(empty->isHidden());
    ui::PreviewTableModel *model = screen.previewModel();
    QCOMPARE(model->rowCount(), 200); // the first chunk only, not the whole model
    QVERIFY(model->columnCount() >= 10);
    QVERIFY(model->totalKnown());
    QVERIFY2(model->rowCountText().contains(QStringLiteral("5,000")) || model->rowCountText().contains(QStringLiteral("5000")),
             qPrintable(model->rowCountText()));
    // Scrolling asks for the next chunk.
    QVERIFY(model->canFetchMore({}));
    model->fetchMore({});
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 400, 20000);
    const auto labels = screen.findChildren<QLabel *>();
    const bool checksShown = std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
        return l->text().contains(QStringLiteral("unique over"));
    });
    QVERIFY(checksShown);
}

void TestScreens::supersededPreviewIsDropped()
{
    ui::WorkspaceDocument document(demo());
    ui::ModelsScreen screen(&document);
    QAbstractItemModelTester tester(screen.previewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *editor = screen.findChild<QPlainTextEdit *>(QStringLiteral("sqlEditor"));
    QVERIFY(editor);
    QSignalSpy settled(&screen, &ui::ModelsScreen::previewSettled);
    screen.previewCurrent(); // the full customer_360
    editor->setPlainText(QStringLiteral("select customer_id, email from customer_360 limit 7"));
    screen.previewCurrent(); // supersedes the first before it answers
    QVERIFY(settled.wait(30000));
    QTRY_COMPARE_WITH_TIMEOUT(screen.previewModel()->columnCount(), 2, 20000);
    QTest::qWait(300); // anything the first preview still sends must not land
    QCOMPARE(screen.previewModel()->columnCount(), 2);
    QCOMPARE(screen.previewModel()->rowCount(), 7);
}

void TestScreens::previewShowsWarehouseErrors()
{
    ui::WorkspaceDocument document(demo());
    ui::ModelsScreen screen(&document);
    screen.findChild<QPlainTextEdit *>(QStringLiteral("sqlEditor"))->setPlainText(QStringLiteral("selec * from nowhere"));
    QSignalSpy settled(&screen, &ui::ModelsScreen::previewSettled);
    screen.previewCurrent();
    QVERIFY(settled.wait(30000));
    const auto labels = screen.findChildren<QLabel *>();
    const bool shown = std::any_of(labels.begin(), labels.end(), [](QLabel *l) {
        return l->text().contains(QStringLiteral("syntax error"));
    });
    QVERIFY(shown);
}

void TestScreens::sourcesTestAndSchema()
{
    ui::WorkspaceDocument document(demo());
    ui::SourcesScreen screen(&document);
    QSignalSpy finished(&screen, &ui::SourcesScreen::testFinished);
    if (finished.isEmpty())
        QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().at(0).toBool(), true);
    auto *tree = screen.findChild<QTreeWidget *>();
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QStringList tables;
    for (int i = 0; i < tree->topLevelItem(0)->childCount(); ++i)
        tables.append(tree->topLevelItem(0)->child(i)->text(0));
    QVERIFY(tables.contains(QStringLiteral("users")));
    QVERIFY(tables.contains(QStringLiteral("customer_360")));
}

void TestScreens::mainWindowHasEveryScreen()
{
    ui::MainWindow window(demo());
    auto *nav = window.findChild<QWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    const auto labels = window.findChildren<QLabel *>(QStringLiteral("screenTitle"));
    QStringList titles;
    for (QLabel *l : labels)
        titles.append(l->text());
    for (const char *t : {"Sources", "Models", "Syncs", "Runs", "Dashboard"})
        QVERIFY2(titles.contains(QString::fromLatin1(t)), t);

    // The File and View menus, with the usual shortcuts; a recent workspace asks to be opened.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir other;
    workspace::InitOptions blank;
    QVERIFY(workspace::initWorkspace(other.filePath(QStringLiteral("ws")), blank).ok());
    ui::WelcomeWindow::rememberWorkspace(other.filePath(QStringLiteral("ws")));
    ui::MainWindow withMenus(demo());
    QHash<QString, QAction *> actions;
    for (QAction *a : withMenus.findChildren<QAction *>())
        actions.insert(a->text().remove(QLatin1Char('&')), a);
    QVERIFY(actions.contains(QStringLiteral("Open workspace…")));
    QCOMPARE(actions.value(QStringLiteral("Open workspace…"))->shortcut(), QKeySequence(QKeySequence::Open));
    QCOMPARE(actions.value(QStringLiteral("New workspace…"))->shortcut(), QKeySequence(QKeySequence::New));
    QCOMPARE(actions.value(QStringLiteral("Quit"))->shortcut(), QKeySequence(QKeySequence::Quit));
    QCOMPARE(actions.value(QStringLiteral("Dashboard"))->shortcut(), QKeySequence(QStringLiteral("Ctrl+5")));
    actions.value(QStringLiteral("Dashboard"))->trigger();
    QCOMPARE(withMenus.findChild<QStackedWidget *>()->currentIndex(), 4);
    QAction *recent = actions.value(QFileInfo(other.filePath(QStringLiteral("ws"))).absoluteFilePath());
    QVERIFY(recent);
    QSignalSpy asked(&withMenus, &ui::MainWindow::openRequested);
    recent->trigger();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().at(0).toString(), QFileInfo(other.filePath(QStringLiteral("ws"))).absoluteFilePath());
    withMenus.close(); // the window's place and size are kept for next time
    QVERIFY(!QSettings().value(QStringLiteral("mainWindow/geometry")).toByteArray().isEmpty());
}

void TestScreens::syncsRunFromTheScreen()
{
    ui::WorkspaceDocument document(demo());
    ui::SyncsScreen screen(&document);
    QSignalSpy finished(&screen, &ui::SyncsScreen::jobFinished);
    screen.planCurrent();
    QVERIFY(finished.wait(60000));
    QCOMPARE(toString(finished.last().at(0).value<engine::RunSummary>().status), QStringLiteral("planned"));
    // The plan's first operations, as the destination would receive them.
    auto *samples = screen.findChild<QTableWidget *>(QStringLiteral("planSamples"));
    QVERIFY(samples && samples->isVisibleTo(&screen));
    QCOMPARE(samples->rowCount(), 5);
    QCOMPARE(samples->item(0, 0)->text(), QStringLiteral("upsert"));
    QVERIFY2(samples->item(0, 2)->text().contains(QLatin1String("\"email_sha256\"")), qPrintable(samples->item(0, 2)->text()));
    screen.runCurrent();
    QVERIFY(finished.wait(60000));
    const auto summary = finished.last().at(0).value<engine::RunSummary>();
    const qint64 delivered = summary.counts.delivered;
    QVERIFY(delivered > 1000);
    QVERIFY(!samples->isVisibleTo(&screen)); // a run's screen has no plan samples
    auto *label = screen.findChild<QLabel *>(QStringLiteral("count_delivered"));
    QVERIFY(label);
    QCOMPARE(label->text().remove(QLatin1Char(',')).toInt(), delivered);
    auto *held = screen.findChild<QTableWidget *>();
    QVERIFY(held);
    QCOMPARE(held->rowCount(), summary.held.size());
    QVERIFY(held->rowCount() > 0); // the demo's shared inboxes are held back as identity conflicts

    // The run is in the history, with what it held back.
    ui::RunsScreen runs(&document);
    QSignalSpy refreshed(&runs, &ui::RunsScreen::refreshed);
    QVERIFY(refreshed.wait(30000));
    QVERIFY(refreshed.first().at(0).toInt() >= 1);
    auto *runsTable = runs.findChild<QTableWidget *>(QStringLiteral("runsTable"));
    auto *heldTable = runs.findChild<QTableWidget *>(QStringLiteral("heldTable"));
    QVERIFY(runsTable && heldTable);
    QCOMPARE(runsTable->item(0, 2)->text(), toString(summary.status));
    QCOMPARE(heldTable->rowCount(), int(qMin<qsizetype>(summary.held.size(), 2000)));
    // The run's stages and rows, in words; the held table's empty words stand aside for its rows.
    const QString detail = runs.findChild<QLabel *>(QStringLiteral("runDetail"))->text();
    QVERIFY2(detail.contains(summary.runId) && detail.contains(QLatin1String("model rows")) && detail.contains(QLatin1String("delivery"))
                 && detail.contains(QLatin1String(" ms")),
             qPrintable(detail));
    QVERIFY(runs.findChild<QLabel *>(QStringLiteral("heldEmpty"))->isHidden());

    // A held record's history, from the ledger: the run that held it, and why.
    runsTable->setCurrentCell(0, 0);
    QVERIFY(heldTable->rowCount() > 0);
    const QString key = heldTable->item(0, 0)->text(), reason = heldTable->item(0, 3)->text();
    emit heldTable->cellActivated(0, 0);
    auto *history = runs.findChild<ui::RecordHistoryDialog *>();
    QVERIFY(history);
    QSignalSpy loaded(history, &ui::RecordHistoryDialog::loaded);
    QVERIFY(loaded.wait(20000));
    QVERIFY(loaded.first().at(0).toInt() >= 1);
    auto *entries = history->findChild<QTableWidget *>(QStringLiteral("historyTable"));
    QVERIFY(entries);
    QCOMPARE(entries->item(0, 1)->text(), summary.runId);
    QCOMPARE(entries->item(0, 3)->text(), QStringLiteral("invalid"));
    QCOMPARE(entries->item(0, 4)->text(), reason);
    QVERIFY2(history->windowTitle().contains(key), qPrintable(history->windowTitle()));
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        QTest::qWait(200);
        history->grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/record-history.png"));
    }
}

// An audience planned from the Syncs screen says how many rows carry an
// identifier before anything is sent; run, it says what Meta received.
void TestScreens::audiencePlanShowsCoverageAndRunShowsWhatThePlatformSaid()
{
    test::MetaEmulator meta(QStringLiteral("EAAGtest"), QStringLiteral("23850000000000001"));
    qputenv("META_TOKEN", "EAAGtest");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 300;
    QVERIFY(workspace::initWorkspace(path, options).ok());
    QFile f(path + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject config = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    config.insert(QStringLiteral("destinations"), QJsonObject{{QStringLiteral("ads"), QJsonObject{{QStringLiteral("type"), QStringLiteral("meta")},
                                                                                                  {QStringLiteral("token"), QJsonObject{{QStringLiteral("env"), QStringLiteral("META_TOKEN")}}},
                                                                                                  {QStringLiteral("base_url"), meta.baseUrl()}}}});
    const QJsonArray fields{QJsonObject{{QStringLiteral("source"), QStringLiteral("email")}, {QStringLiteral("destination"), QStringLiteral("EMAIL")},
                                        {QStringLiteral("transform"), QJsonArray{QStringLiteral("hash:meta")}}},
                            QJsonObject{{QStringLiteral("source"), QStringLiteral("customer_id")}, {QStringLiteral("destination"), QStringLiteral("EXTERN_ID")},
                                        {QStringLiteral("transform"), QJsonArray{QStringLiteral("cast:string")}}}};
    config.insert(QStringLiteral("syncs"), QJsonObject{{QStringLiteral("buyers_to_meta"), QJsonObject{{QStringLiteral("model"), QStringLiteral("customer_360")},
                                                                                                      {QStringLiteral("destination"), QStringLiteral("ads")},
                                                                                                      {QStringLiteral("object"), QStringLiteral("23850000000000001")},
                                                                                                      {QStringLiteral("mode"), QStringLiteral("mirror")},
                                                                                                      {QStringLiteral("fields"), fields}}}});
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QJsonDocument(config).toJson());
    f.close();
    auto ws = workspace::Workspace::open(path);
    QVERIFY2(ws.ok(), ws ? "" : qPrintable(ws.error().message));
    ui::WorkspaceDocument document(std::move(ws).value());
    ui::SyncsScreen screen(&document);
    QSignalSpy finished(&screen, &ui::SyncsScreen::jobFinished);
    screen.planCurrent();
    QVERIFY(finished.wait(60000));
    QCOMPARE(meta.requestCount(), 0); // a plan sends nothing
    auto *status = screen.findChild<QLabel *>(QStringLiteral("syncStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("Identifier coverage: EMAIL")) && status->text().contains(QStringLiteral(" of 300")),
             qPrintable(status->text()));
    screen.runCurrent();
    QVERIFY(finished.wait(60000));
    QVERIFY2(status->text().contains(QStringLiteral("The destination reported: ")) && status->text().contains(QStringLiteral("received")),
             qPrintable(status->text()));
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        screen.resize(1200, 700);
        screen.show();
        QTest::qWait(200);
        screen.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/syncs-audience.png"));
    }
}
// Started without a workspace: "Open the demo" makes it (off the UI thread,
// the buttons held meanwhile), says which folder, and the workspace is
// listed among the recent ones next time.
void TestScreens::welcomeOpensTheDemoAndRemembersIt()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().remove(QStringLiteral("recentWorkspaces"));
    QTemporaryDir dir;
    const QString demo = dir.filePath(QStringLiteral("demo"));
    qputenv("SLUICE_DEMO_DIR", demo.toUtf8());
    ui::WelcomeWindow welcome;
    QListWidget *recent = welcome.findChild<QListWidget *>(QStringLiteral("recentWorkspaces"));
    QVERIFY(recent);
    QCOMPARE(recent->count(), 1);
    QVERIFY(!(recent->item(0)->flags() & Qt::ItemIsEnabled)); // "none yet"
    QSignalSpy chosen(&welcome, &ui::WelcomeWindow::chosen);
    auto *button = welcome.findChild<QPushButton *>(QStringLiteral("openDemo"));
    QVERIFY(button);
    button->click();
    QVERIFY(!button->isEnabled());
    QVERIFY(chosen.wait(180000));
    QCOMPARE(chosen.first().at(0).toString(), demo);
    QVERIFY(QFile::exists(demo + QStringLiteral("/sluice.json")));
    QVERIFY(button->isEnabled());
    ui::WelcomeWindow::rememberWorkspace(demo);
    ui::WelcomeWindow again;
    recent = again.findChild<QListWidget *>(QStringLiteral("recentWorkspaces"));
    QCOMPARE(recent->count(), 1);
    QCOMPARE(recent->item(0)->text(), QFileInfo(demo).absoluteFilePath());
    QSignalSpy reopened(&again, &ui::WelcomeWindow::chosen);
    again.findChild<QPushButton *>(QStringLiteral("openDemo"))->click(); // made already: opened at once
    QCOMPARE(reopened.size(), 1);
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        again.show();
        QTest::qWait(200);
        again.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/welcome.png"));
    }
    qunsetenv("SLUICE_DEMO_DIR");
}

// View ▸ Appearance: Dark and Light switch the whole application (the
// stylesheet's meaningful colours take the dark variant), the choice is
// remembered, and Follow the system puts the desktop's palette back.
void TestScreens::appearanceIsChosenAndFollowed()
{
    const QPalette desktop = QApplication::palette();
    ui::MainWindow window(demo());
    window.show();
    QAction *dark = window.findChild<QAction *>(QStringLiteral("appearance2"));
    QAction *system = window.findChild<QAction *>(QStringLiteral("appearance0"));
    QVERIFY(dark && system);
    QVERIFY(!ui::isDark(window.palette()));
    dark->trigger();
    QVERIFY(ui::isDark(QApplication::palette()));
    QTRY_VERIFY(ui::isDark(window.palette()));
    QTRY_VERIFY(window.styleSheet().contains(QLatin1String("#5CC98A"))); // the dark variant of "good"
    QCOMPARE(ui::savedAppearance(), ui::Appearance::Dark);
    system->trigger();
    QTRY_VERIFY(!ui::isDark(window.palette()));
    QCOMPARE(QApplication::palette().color(QPalette::Window), desktop.color(QPalette::Window));
    QTRY_VERIFY(window.styleSheet().contains(QLatin1String("#1C7C3C")));
    QCOMPARE(ui::savedAppearance(), ui::Appearance::FollowSystem);
}

// The icon set compiled in: every glyph parses and draws, tinted with the
// palette's text colour (and the disabled one), at the sizes the UI asks.
void TestScreens::everyIconDrawsInThePalettesColour()
{
    const QStringList files = QDir(QStringLiteral(":/icons/sluice/scalable")).entryList({QStringLiteral("*.svg")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 40, qPrintable(QString::number(files.size())));
    const QColor text = QApplication::palette().color(QPalette::WindowText);
    QImage sheet(10 * 48, int((files.size() + 9) / 10) * 48, QImage::Format_ARGB32);
    sheet.fill(QApplication::palette().color(QPalette::Window));
    QPainter painter(&sheet);
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString name = QFileInfo(files[i]).completeBaseName();
        const QIcon icon = ui::sluiceIcon(name);
        for (const int size : {16, 22, 32}) {
            const QImage image = icon.pixmap(size).toImage().convertToFormat(QImage::Format_ARGB32);
            int inked = 0;
            bool tinted = true;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    if (c.alpha() > 90) {
                        ++inked;
                        tinted = tinted && qAbs(c.red() - text.red()) < 40 && qAbs(c.green() - text.green()) < 40 && qAbs(c.blue() - text.blue()) < 40;
                    }
                }
            QVERIFY2(inked > size / 2, qPrintable(QStringLiteral("%1 at %2 px draws nothing").arg(name).arg(size)));
            QVERIFY2(tinted, qPrintable(QStringLiteral("%1 is not drawn in the palette's text colour").arg(name)));
        }
        painter.drawPixmap(int(i % 10) * 48 + 8, int(i / 10) * 48 + 8, icon.pixmap(32));
    }
    painter.end();
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS"))
        sheet.save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/icons.png"));
}

QTEST_MAIN(TestScreens)
#include "tst_screens.moc"
