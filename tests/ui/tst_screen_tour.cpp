// The README's screenshots as an operator sees them: the whole 1600×1000
// screen of a private X display (Xvfb), the main window on the demo
// workspace with each dialog open over it. Each shot is checked to show
// what it is meant to (the dialog up, the plan made, rows in the tables)
// before it is saved; SLUICE_SCREENSHOTS names the folder.
#include "connector/connector_info.h"
#include "demo_workspace.h"
#include "engine/sync_engine.h"
#include "runs/rejection_browser.h"
#include "runs/record_history.h"
#include "runs/runs_screen.h"
#include "shell/main_window.h"
#include "shell/welcome_window.h"
#include "shell/workspace_document.h"
#include "sources/connection_dialog.h"
#include "syncs/projection_view.h"
#include "syncs/sync_editor.h"
#include "syncs/syncs_screen.h"
#include "workspace/workspace.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>

using namespace sluice;

class TestScreenTour final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }
    void welcome();
    void connectionDialogs();
    void syncEditorTabs();
    void planOnTheSyncsScreen();
    void rejectionsAndRecordHistory();
    void runHistory();

private:
    // The whole screen, once `settled` holds (or after a short wait), saved as `name`.
    void shoot(const QString &name);
    // Centred over the main window, as a window manager would place it.
    static void centre(QWidget *dialog);

    QTemporaryDir m_dir;
    QString m_ws;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestScreenTour::initTestCase()
{
    const QSize screen = QGuiApplication::primaryScreen()->size();
    if (screen != QSize(1600, 1000))
        QSKIP("the tour needs a 1600x1000 screen (SLUICE_SCREEN=1600x1000x24 with-desktop.sh)");
    m_ws = test::makeDemoWorkspace(m_dir.path(), 2000);
    QVERIFY(!m_ws.isEmpty());
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    m_window = std::make_unique<ui::MainWindow>(std::move(ws).value());
    if (qEnvironmentVariableIsSet("SLUICE_WM")) { // a window manager frames it: the whole screen, title bar included
        m_window->showMaximized();
    } else {
        m_window->setGeometry(0, 0, 1600, 1000);
        m_window->show();
    }
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestScreenTour::centre(QWidget *dialog)
{
    dialog->adjustSize();
    const QSize size = dialog->size();
    dialog->move((1600 - size.width()) / 2, (1000 - size.height()) / 2);
}

void TestScreenTour::shoot(const QString &name)
{
    QTest::qWait(400); // repaints and the X server catch up
    const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0);
    QCOMPARE(shot.size(), QSize(1600, 1000));
    // A blank screen would be all one colour: count the distinct ones in a sample.
    const QImage image = shot.toImage();
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 37)
        for (int x = 0; x < image.width(); x += 41)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 8, qPrintable(name));
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS"))
        shot.save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QLatin1Char('/') + name);
}

// Started without a workspace: the welcome window, alone on the desktop.
void TestScreenTour::welcome()
{
    m_window->hide();
    ui::WelcomeWindow welcome; // at the size it opens with, centred
    welcome.move((1600 - welcome.width()) / 2, (1000 - welcome.height()) / 2);
    welcome.show();
    QVERIFY(QTest::qWaitForWindowExposed(&welcome));
    shoot(QStringLiteral("welcome.png"));
    welcome.close();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

// Every source's and destination's form, each over the Sources screen,
// as connection-<type>.png (a table destination: connection-<type>-table.png).
void TestScreenTour::connectionDialogs()
{
    m_window->showScreen(QStringLiteral("Sources"));
    auto *document = m_window->findChild<ui::WorkspaceDocument *>();
    QVERIFY(document);
    // The demo's tables listed behind the dialogs (read on a worker).
    auto *schema = m_window->findChild<QTreeWidget *>();
    QVERIFY(schema);
    QTRY_VERIFY_WITH_TIMEOUT(schema->topLevelItemCount() > 0, 10000);
    QList<QPair<ui::ConnectionDialog::Kind, QString>> shots;
    for (const QString &driver : connector::sourceDrivers())
        shots.append({ui::ConnectionDialog::Kind::Source, driver});
    for (const QString &type : connector::destinationTypes())
        shots.append({ui::ConnectionDialog::Kind::Destination, type});
    QVERIFY(shots.size() >= 20);
    for (const auto &[kind, type] : std::as_const(shots)) {
        ui::ConnectionDialog dialog(document, kind, {}, m_window.get());
        dialog.setName(kind == ui::ConnectionDialog::Kind::Source ? QStringLiteral("warehouse") : type + QStringLiteral("_main"));
        dialog.setType(type);
        // What an operator would have typed into the first few fields.
        const QList<QPair<const char *, const char *>> typed{{"host", "db.internal"}, {"database", "analytics"}, {"user", "sluice_reader"},
                                                             {"url", "https://hooks.example.com/sluice"}, {"account", "acme-prod"},
                                                             {"project", "acme-analytics"}, {"dataset", "crm"}, {"warehouse", "SLUICE_WH"}};
        for (const auto &[key, value] : typed)
            if (QLineEdit *field = dialog.field(QLatin1String(key)); field && field->text().isEmpty())
                field->setText(QLatin1String(value));
        if (type == QLatin1String("odbc"))
            dialog.field(QStringLiteral("database"))->setText(QStringLiteral("DSN=analytics"));
        centre(&dialog);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.geometry().height() <= 1000 && dialog.geometry().width() <= 1600, qPrintable(type)); // nothing off screen
        // A destination that shares its name with a source (postgres, sqlite) writes a table.
        const bool alsoSource = kind == ui::ConnectionDialog::Kind::Destination && connector::sourceDrivers().contains(type);
        shoot(QStringLiteral("connection-%1%2.png").arg(type, alsoSource ? QStringLiteral("-table") : QString()));
        dialog.reject();
    }
}

void TestScreenTour::syncEditorTabs()
{
    m_window->showScreen(QStringLiteral("Syncs"));
    auto *document = m_window->findChild<ui::WorkspaceDocument *>();
    ui::SyncEditor editor(document, QStringLiteral("customers_to_file"), m_window.get());
    QSignalSpy columns(&editor, &ui::SyncEditor::columnsLoaded);
    editor.resize(1400, 860);
    editor.move(100, 70);
    editor.show();
    QVERIFY(columns.wait(20000));
    QTRY_VERIFY(editor.problems().isEmpty());
    shoot(QStringLiteral("sync-settings.png"));
    editor.tabs()->setCurrentIndex(1);
    shoot(QStringLiteral("sync-mapper.png"));
    QSignalSpy built(editor.projection(), &ui::ProjectionView::built);
    editor.tabs()->setCurrentIndex(2);
    QVERIFY(built.wait(30000));
    auto *rows = editor.projection()->findChild<QTableView *>();
    QVERIFY(rows && rows->model()->rowCount() > 0);
    rows->selectRow(1);
    shoot(QStringLiteral("sync-preview.png"));
    editor.tabs()->setCurrentIndex(3);
    shoot(QStringLiteral("sync-alerts.png"));
    editor.reject();
}

void TestScreenTour::planOnTheSyncsScreen()
{
    m_window->showScreen(QStringLiteral("Syncs"));
    auto *syncs = m_window->findChild<ui::SyncsScreen *>();
    auto *list = syncs->findChild<QListWidget *>();
    list->setCurrentItem(list->findItems(QStringLiteral("customers_to_file"), Qt::MatchExactly).first());
    QSignalSpy finished(syncs, &ui::SyncsScreen::jobFinished);
    syncs->planCurrent();
    QVERIFY(finished.wait(60000));
    QCOMPARE(toString(finished.last().at(0).value<engine::RunSummary>().status), QStringLiteral("planned"));
    shoot(QStringLiteral("syncs-plan.png"));
    syncs->runCurrent();
    QVERIFY(finished.wait(60000));
    QCOMPARE(toString(finished.last().at(0).value<engine::RunSummary>().status), QStringLiteral("succeeded"));
    // The governed audience: rows without consent excluded, shared inboxes held back as identity conflicts.
    list->setCurrentItem(list->findItems(QStringLiteral("audience_to_file"), Qt::MatchExactly).first());
    syncs->runCurrent();
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.last().at(0).value<engine::RunSummary>().held.isEmpty());
    shoot(QStringLiteral("syncs-run.png"));
}

// After the run: the records held back, and one record's history, each over the window.
void TestScreenTour::rejectionsAndRecordHistory()
{
    ui::RejectionBrowser browser(m_ws, QStringLiteral("audience_to_file"), m_window.get());
    browser.setWindowFlag(Qt::Window);
    QSignalSpy loaded(&browser, &ui::RejectionBrowser::loaded);
    browser.resize(1300, 720);
    browser.move(150, 140);
    browser.show();
    QVERIFY(loaded.wait(20000));
    QVERIFY(loaded.first().at(0).toInt() > 0);
    auto *table = browser.findChild<QTableView *>();
    table->setCurrentIndex(browser.filter()->index(0, 0));
    shoot(QStringLiteral("rejection-browser.png"));
    const QString key = browser.filter()->index(0, 0).data().toString();
    browser.close();

    ui::RecordHistoryDialog history(m_ws, QStringLiteral("audience_to_file"), key, m_window.get());
    QSignalSpy read(&history, &ui::RecordHistoryDialog::loaded);
    history.resize(900, 520);
    history.move(350, 240);
    history.show();
    QVERIFY(read.wait(20000));
    QVERIFY(read.first().at(0).toInt() >= 1);
    shoot(QStringLiteral("record-history.png"));
}

// The Runs screen after the tour's runs: the history, the chosen run's stages and what it held back.
void TestScreenTour::runHistory()
{
    m_window->showScreen(QStringLiteral("Runs"));
    auto *runs = m_window->findChild<ui::RunsScreen *>();
    QVERIFY(runs);
    QSignalSpy refreshed(runs, &ui::RunsScreen::refreshed);
    runs->refresh();
    QVERIFY(refreshed.wait(20000));
    QVERIFY(refreshed.last().at(0).toInt() >= 2);
    auto *table = runs->findChild<QTableWidget *>(QStringLiteral("runsTable"));
    QVERIFY(table && table->rowCount() >= 2);
    int audience = -1; // the audience's run: its held records below
    for (int r = 0; r < table->rowCount() && audience < 0; ++r)
        if (table->item(r, 1) && table->item(r, 1)->text() == QLatin1String("audience_to_file"))
            audience = r;
    QVERIFY(audience >= 0);
    table->setCurrentCell(audience, 0);
    QVERIFY(runs->findChild<QTableWidget *>(QStringLiteral("heldTable"))->rowCount() > 0);
    QVERIFY(runs->findChild<QLabel *>(QStringLiteral("runDetail"))->text().contains(QLatin1String("stages")));
    shoot(QStringLiteral("runs.png"));
}

QTEST_MAIN(TestScreenTour)
#include "tst_screen_tour.moc"
