// The sync editor and the Syncs screen as an operator's session goes:
// leaving with unsaved edits, sluice.json edited by hand meanwhile, and a
// backfill that says what it will send before it sends.
#include "demo_workspace.h"
#include "engine/sync_engine.h"
#include "shell/workspace_document.h"
#include "store/state_store.h"
#include "syncs/alert_rules_editor.h"
#include "syncs/mapper_lists.h"
#include "syncs/mapper_view.h"
#include "syncs/mapping_model.h"
#include "syncs/projection_view.h"
#include "syncs/sync_editor.h"
#include "syncs/syncs_screen.h"
#include "workspace/workspace_init.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QApplication>
#include <QToolButton>
#include <QDropEvent>
#include <QJsonObject>
#include <QDoubleSpinBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>

using namespace sluice;

class TestSyncEditorFlows final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); } // an editor's readers end with its test
    void cancelAsksBeforeDiscardingEdits();
    void handEditsAreReloadedAndNeverOverwritten();
    void backfillSaysHowManyRecordsGoWhereBeforeSending();

private:
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestSyncEditorFlows::initTestCase()
{
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 300;
    m_ws = m_dir.filePath(QStringLiteral("ws"));
    const auto r = workspace::initWorkspace(m_ws, options);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
}

// Cancel (or Escape) closes an untouched editor at once; with an unsaved
// edit it asks first, and "Cancel" there keeps the edit.
void TestSyncEditorFlows::cancelAsksBeforeDiscardingEdits()
{
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    ui::WorkspaceDocument document(std::move(ws).value());
    {
        ui::SyncEditor untouched(&document, QStringLiteral("customers_to_file"));
        QSignalSpy columns(&untouched, &ui::SyncEditor::columnsLoaded);
        QVERIFY(columns.wait(10000));
        untouched.show();
        untouched.reject();
        QVERIFY(!untouched.isVisible());
        QVERIFY(!untouched.findChild<QMessageBox *>(QStringLiteral("discardConfirmation")));
    }
    ui::SyncEditor editor(&document, QStringLiteral("customers_to_file"));
    QSignalSpy columns(&editor, &ui::SyncEditor::columnsLoaded);
    QVERIFY(columns.wait(10000));
    editor.show();
    editor.mapping()->setTransforms(QStringLiteral("first_name"), {QStringLiteral("uppercase")});
    editor.reject();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = editor.findChild<QMessageBox *>(QStringLiteral("discardConfirmation"))) != nullptr);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!editor.findChild<QMessageBox *>(QStringLiteral("discardConfirmation")));
    QVERIFY(editor.isVisible());
    QVERIFY(QJsonDocument(editor.syncJson()).toJson().contains("uppercase")); // the edit is still there
    editor.reject();
    QTRY_VERIFY((box = editor.findChild<QMessageBox *>(QStringLiteral("discardConfirmation"))) != nullptr);
    box->button(QMessageBox::Discard)->click();
    QTRY_VERIFY(!editor.isVisible());
    QCOMPARE(editor.result(), int(QDialog::Rejected));
    // Nothing reached sluice.json.
    QVERIFY(!QJsonDocument(document.workspace().json().value(QStringLiteral("syncs")).toObject().value(QStringLiteral("customers_to_file")).toObject())
                 .toJson()
                 .contains("uppercase"));
}

// sluice.json edited by hand while Sluice is open: a valid file is read
// again, an invalid one reported with the last valid one kept, and a GUI
// edit made meanwhile applies on top of the hand edit, never over it.
void TestSyncEditorFlows::handEditsAreReloadedAndNeverOverwritten()
{
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    ui::WorkspaceDocument document(std::move(ws).value());
    QSignalSpy reloaded(&document, &ui::WorkspaceDocument::reloadedFromDisk);
    QSignalSpy invalid(&document, &ui::WorkspaceDocument::invalidOnDisk);
    auto addDestination = [&](const char *name) {
        return test::editConfig(m_ws, [&](QJsonObject &json) {
            QJsonObject d = json.value(QStringLiteral("destinations")).toObject();
            d.insert(QLatin1String(name), QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")}, {QStringLiteral("path"), QStringLiteral("out/hand.jsonl")}});
            json.insert(QStringLiteral("destinations"), d);
        });
    };
    QVERIFY(addDestination("by_hand"));
    QVERIFY(reloaded.wait(5000)); // the watcher saw it
    QCOMPARE(reloaded.last().at(0).toBool(), false);
    QVERIFY(document.workspace().config().destinations.contains(QStringLiteral("by_hand")));

    // A hand edit the watcher has not reported yet, then a GUI edit: both survive.
    QVERIFY(addDestination("by_hand_again"));
    QJsonObject sync = document.workspace().json().value(QStringLiteral("syncs")).toObject().value(QStringLiteral("customers_to_file")).toObject();
    sync.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("every"), QStringLiteral("1h")}});
    QVERIFY(document.setEntry(QStringLiteral("syncs"), QStringLiteral("customers_to_file"), sync));
    auto onDisk = workspace::Workspace::open(m_ws);
    QVERIFY(onDisk.ok());
    QVERIFY(onDisk.value().config().destinations.contains(QStringLiteral("by_hand_again")));
    QCOMPARE(onDisk.value().config().syncs.value(QStringLiteral("customers_to_file")).schedule.value(QStringLiteral("every")).toString(), QStringLiteral("1h"));
    QVERIFY(std::any_of(reloaded.begin(), reloaded.end(), [](const QList<QVariant> &args) { return args.at(0).toBool(); })); // "merged" was said

    // An invalid hand edit is reported; the last valid workspace stays.
    QFile file(QDir(m_ws).filePath(QStringLiteral("sluice.json")));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray good = file.readAll();
    file.close();
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{\"version\": 1, \"sources\": ");
    file.close();
    QVERIFY(invalid.wait(5000));
    QVERIFY(document.workspace().config().destinations.contains(QStringLiteral("by_hand_again")));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(good);
    file.close();
    QTRY_VERIFY(reloaded.size() >= 3);

    // The sync being edited changed by hand: the editor says so and keeps its edits; a second save replaces.
    ui::SyncEditor editor(&document, QStringLiteral("customers_to_file"));
    QSignalSpy columns(&editor, &ui::SyncEditor::columnsLoaded);
    QVERIFY(columns.wait(10000));
    editor.mapping()->disconnectField(QStringLiteral("last_seen_at"));
    QVERIFY(test::setSchedule(m_ws, QStringLiteral("customers_to_file"), QJsonObject{{QStringLiteral("every"), QStringLiteral("2h")}}));
    QVERIFY(!editor.save());
    QVERIFY(editor.findChild<QListWidget *>(QStringLiteral("problems"))->item(0)->text().contains(QLatin1String("was changed in sluice.json")));
    QVERIFY(editor.save());
    auto after = workspace::Workspace::open(m_ws);
    QVERIFY(after.ok());
    QCOMPARE(after.value().config().syncs.value(QStringLiteral("customers_to_file")).fields.size(), 9);
}

void TestSyncEditorFlows::backfillSaysHowManyRecordsGoWhereBeforeSending()
{
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    ui::WorkspaceDocument document(std::move(ws).value());
    ui::SyncsScreen screen(&document);
    auto *list = screen.findChild<QListWidget *>();
    list->setCurrentItem(list->findItems(QStringLiteral("customers_to_file"), Qt::MatchExactly).first());
    QSignalSpy finished(&screen, &ui::SyncsScreen::jobFinished);
    screen.runCurrent();
    QVERIFY(finished.wait(30000));
    const auto first = finished.last().at(0).value<engine::RunSummary>();
    QVERIFY2(first.status == RunStatus::Succeeded || first.status == RunStatus::Partial, qPrintable(first.error));
    const qint64 held = first.counts.delivered + first.counts.unchanged;
    QVERIFY(held > 0);

    // Cancelled: nothing runs.
    screen.confirmBackfill();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = screen.findChild<QMessageBox *>(QStringLiteral("backfillConfirmation"))) != nullptr);
    const QString text = box->text();
    QVERIFY2(text.contains(QLocale().toString(qint64(300))) && text.contains(QLatin1String("customer_360")) && text.contains(QLatin1String("out (jsonl)"))
                 && text.contains(QLatin1String("already has")) && text.contains(QLatin1String("Mode mirror")),
             qPrintable(text));
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);

    // Confirmed: every record goes again.
    screen.confirmBackfill();
    QTRY_VERIFY((box = screen.findChild<QMessageBox *>(QStringLiteral("backfillConfirmation"))) != nullptr);
    QAbstractButton *send = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            send = b;
    QVERIFY(send);
    QVERIFY2(send->text().contains(QLocale().toString(qint64(300))), qPrintable(send->text()));
    send->click();
    QVERIFY(finished.wait(30000));
    const auto backfill = finished.last().at(0).value<engine::RunSummary>();
    QCOMPARE(backfill.counts.unchanged, 0);
    QVERIFY(backfill.counts.delivered >= held - backfill.counts.excluded);
}

QTEST_MAIN(TestSyncEditorFlows)
#include "tst_sync_editor_flows.moc"
