// The sync editor and its visual field mapper (issue #14): the mapping
// model apart from any view (connections, suggestions, badges, examples,
// one undo stack), the two lists under QAbstractItemModelTester, and the
// editor offscreen on the demo workspace: a new sync built without
// touching sluice.json, validated with `sluice check`'s messages, saved,
// and planned with the mapping it was given.
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
using ui::MappingModel;

class TestSyncEditor final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); } // an editor's readers end with its test
    void connectingReplacingAndUndo();
    void suggestionsByNameAndTypeAcceptedAsOneStep();
    void badgesTellWhatIsWrong();
    void exampleRunsTheChain();
    void listsKeepTheItemModelContract();
    void dropConnectsAColumnToAField();
    void editorBuildsAValidSyncAndSavesIt();
    void editorSaysWhatCheckWouldSay();
    void objectsAreListedFromTheDestination();
    void alertRulesAreEditedPerSync();
    void previewShowsTheRecordsAsTheDestinationGetsThem();

private:
    static MappingModel *crm(QObject *parent);
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestSyncEditor::initTestCase()
{
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 300;
    m_ws = m_dir.filePath(QStringLiteral("ws"));
    const auto r = workspace::initWorkspace(m_ws, options);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
}

// A CRM-like destination: typed fields, a required one, an identifier the platform takes hashed.
MappingModel *TestSyncEditor::crm(QObject *parent)
{
    auto *m = new MappingModel(parent);
    using source::ColumnType;
    m->setColumns({{QStringLiteral("customer_id"), ColumnType::Integer, QStringLiteral("int8")},
                   {QStringLiteral("email"), ColumnType::Text, QStringLiteral("text")},
                   {QStringLiteral("First_Name"), ColumnType::Text, QStringLiteral("text")},
                   {QStringLiteral("ltv"), ColumnType::Decimal, QStringLiteral("numeric")},
                   {QStringLiteral("signup_at"), ColumnType::Timestamp, QStringLiteral("timestamptz")},
                   {QStringLiteral("is_vip"), ColumnType::Boolean, QStringLiteral("bool")}},
                  {QStringLiteral("customer_id")});
    auto field = [](const char *name, const char *type, bool required = false, const char *format = "") {
        destination::FieldInfo f;
        f.name = QString::fromLatin1(name);
        f.type = QString::fromLatin1(type);
        f.required = required;
        f.format = QString::fromLatin1(format);
        return MappingModel::Field{f, {}, false};
    };
    MappingModel::Field hashed = field("EMAIL_SHA256", "string");
    hashed.identifierKind = QStringLiteral("EMAIL_SHA256");
    hashed.hashRequired = true;
    hashed.hashPreset = QStringLiteral("meta");
    m->setFields({field("email", "string", true, "email"), field("firstname", "string"), field("ltv", "number"),
                  field("signup_at", "number"), field("is_vip", "boolean"), hashed},
                 false);
    return m;
}

void TestSyncEditor::connectingReplacingAndUndo()
{
    QObject parent;
    MappingModel *m = crm(&parent);
    QSignalSpy changed(m, &MappingModel::changed);
    m->connectFields(QStringLiteral("email"), QStringLiteral("email"));
    m->setTransforms(QStringLiteral("email"), {QStringLiteral("trim"), QStringLiteral("email")});
    QCOMPARE(m->mappings().size(), 1);
    // Dropping another column on a mapped field replaces the mapping, keeping its chain.
    m->connectFields(QStringLiteral("First_Name"), QStringLiteral("email"));
    QCOMPARE(m->mappings().size(), 1);
    QCOMPARE(m->mappings()[0].source, QStringLiteral("First_Name"));
    QCOMPARE(m->mappings()[0].transforms, (QStringList{QStringLiteral("trim"), QStringLiteral("email")}));
    m->moveTransform(QStringLiteral("email"), 1, -1);
    QCOMPARE(m->mappings()[0].transforms, (QStringList{QStringLiteral("email"), QStringLiteral("trim")}));
    QCOMPARE(m->undoStack()->count(), 4);
    m->undoStack()->undo(); // the move
    m->undoStack()->undo(); // the replacement
    QCOMPARE(m->mappings()[0].source, QStringLiteral("email"));
    m->undoStack()->redo();
    QCOMPARE(m->mappings()[0].source, QStringLiteral("First_Name"));
    m->disconnectField(QStringLiteral("email"));
    QVERIFY(m->mappings().isEmpty());
    QVERIFY(!m->undoStack()->canRedo()); // a new edit drops what was undone
    m->undoStack()->undo();
    QCOMPARE(m->mappings().size(), 1);
    QVERIFY(changed.count() >= 7);
    // A no-op pushes nothing.
    const int steps = m->undoStack()->count();
    m->connectFields(QStringLiteral("First_Name"), QStringLiteral("email"));
    QCOMPARE(m->undoStack()->count(), steps);
    QCOMPARE(QJsonDocument(m->toJson()).toJson(QJsonDocument::Compact),
             QByteArray(R"([{"destination":"email","source":"First_Name","transform":["trim","email"]}])"));
}

void TestSyncEditor::suggestionsByNameAndTypeAcceptedAsOneStep()
{
    QObject parent;
    MappingModel *m = crm(&parent);
    const QList<MappingModel::Mapping> s = m->suggestions();
    QStringList pairs;
    for (const MappingModel::Mapping &x : s)
        pairs.append(x.source + QLatin1Char('>') + x.destination + QLatin1Char('/') + x.transforms.join(QLatin1Char(',')));
    // email (an e-mail field gets the email step), First_Name ~ firstname, ltv (decimal into number),
    // is_vip; signup_at is a timestamp and the field a number: not suggested.
    QCOMPARE(pairs, (QStringList{QStringLiteral("email>email/email"), QStringLiteral("First_Name>firstname/"), QStringLiteral("ltv>ltv/"),
                                 QStringLiteral("is_vip>is_vip/")}));
    m->acceptSuggestion(s[1]);
    QCOMPARE(m->suggestions().size(), 3);
    m->acceptAllSuggestions();
    QCOMPARE(m->mappings().size(), 4);
    QVERIFY(m->suggestions().isEmpty());
    m->undoStack()->undo(); // "accept all" is one step
    QCOMPARE(m->mappings().size(), 1);
    QCOMPARE(m->suggestions().size(), 3);
}

void TestSyncEditor::badgesTellWhatIsWrong()
{
    QObject parent;
    MappingModel *m = crm(&parent);
    QCOMPARE(m->badges(QStringLiteral("email")), MappingModel::Badges(MappingModel::RequiredUnmapped));
    QCOMPARE(m->badges(QStringLiteral("ltv")), MappingModel::Badges(MappingModel::NoBadge)); // optional, unmapped
    m->connectFields(QStringLiteral("email"), QStringLiteral("email"));
    QCOMPARE(m->badges(QStringLiteral("email")), MappingModel::Badges(MappingModel::NoBadge));
    m->connectFields(QStringLiteral("signup_at"), QStringLiteral("signup_at"));
    QVERIFY(m->badges(QStringLiteral("signup_at")) & MappingModel::TypeMismatch);
    m->setTransforms(QStringLiteral("signup_at"), {QStringLiteral("cast:decimal")}); // a cast says what it becomes
    QVERIFY(!(m->badges(QStringLiteral("signup_at")) & MappingModel::TypeMismatch));
    m->connectFields(QStringLiteral("email"), QStringLiteral("EMAIL_SHA256"));
    QVERIFY(m->badges(QStringLiteral("EMAIL_SHA256")) & MappingModel::NeedsHash);
    m->setTransforms(QStringLiteral("EMAIL_SHA256"), {QStringLiteral("email"), QStringLiteral("sha256")});
    QVERIFY(!(m->badges(QStringLiteral("EMAIL_SHA256")) & MappingModel::NeedsHash));
    // Quick fixes: the platform's hash preset, a cast to the field's type; each one undo step.
    m->setTransforms(QStringLiteral("EMAIL_SHA256"), {});
    QCOMPARE(m->quickFix(QStringLiteral("EMAIL_SHA256"), MappingModel::NeedsHash), QStringLiteral("hash:meta"));
    m->applyQuickFix(QStringLiteral("EMAIL_SHA256"), MappingModel::NeedsHash);
    QVERIFY(!(m->badges(QStringLiteral("EMAIL_SHA256")) & MappingModel::NeedsHash));
    m->setTransforms(QStringLiteral("signup_at"), {});
    QCOMPARE(m->quickFix(QStringLiteral("signup_at"), MappingModel::TypeMismatch), QStringLiteral("cast:decimal"));
    m->applyQuickFix(QStringLiteral("signup_at"), MappingModel::TypeMismatch);
    QCOMPARE(m->mappings().at(m->mappingFor(QStringLiteral("signup_at"))).transforms, QStringList{QStringLiteral("cast:decimal")});
    QCOMPARE(m->quickFix(QStringLiteral("email"), MappingModel::TypeMismatch), QString()); // nothing to mend
    m->undoStack()->undo();
    QVERIFY(m->badges(QStringLiteral("signup_at")) & MappingModel::TypeMismatch);
}

void TestSyncEditor::exampleRunsTheChain()
{
    QObject parent;
    MappingModel *m = crm(&parent);
    m->connectFields(QStringLiteral("email"), QStringLiteral("email"));
    m->setTransforms(QStringLiteral("email"), {QStringLiteral("trim"), QStringLiteral("email")});
    QCOMPARE(m->example(QStringLiteral("email"), QStringLiteral("  Ada.Lovelace@Example.COM ")), qMakePair(true, QStringLiteral("ada.lovelace@example.com")));
    const QPair<bool, QString> bad = m->example(QStringLiteral("email"), QStringLiteral("not an address"));
    QVERIFY(!bad.first);
    QVERIFY2(bad.second.contains(QLatin1String("not an e-mail address")), qPrintable(bad.second));
    QCOMPARE(m->example(QStringLiteral("ltv"), 3).first, false); // not mapped
}

void TestSyncEditor::listsKeepTheItemModelContract()
{
    QObject parent;
    MappingModel *m = crm(&parent);
    ui::ColumnListModel columns(m);
    ui::FieldListModel fields(m);
    QAbstractItemModelTester t1(&columns, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&fields, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(columns.rowCount(), 6);
    QCOMPARE(fields.rowCount(), 6);
    QCOMPARE(fields.index(0, 0).data().toString(), QStringLiteral("email *"));
    QVERIFY(fields.index(0, 2).data().toString().contains(QLatin1String("required")));
    m->acceptAllSuggestions();
    QVERIFY(columns.index(columns.rowOf(QStringLiteral("email")), 0).data(ui::ColumnListModel::MappedRole).toBool());
    QCOMPARE(fields.index(0, 2).data().toString(), QStringLiteral("1ƒ"));
    m->setFields({}, true); // an open destination lists what is mapped
    QCOMPARE(fields.rowCount(), 4);
    m->setColumns({});
    QCOMPARE(columns.rowCount(), 0);
}

void TestSyncEditor::dropConnectsAColumnToAField()
{
    QObject parent;
    MappingModel *m = crm(&parent);
    ui::ColumnListModel columns(m);
    ui::FieldListModel fields(m);
    std::unique_ptr<QMimeData> data(columns.mimeData({columns.index(columns.rowOf(QStringLiteral("ltv")), 0)}));
    QVERIFY(data);
    const QModelIndex target = fields.index(fields.rowOf(QStringLiteral("ltv")), 0);
    QVERIFY(fields.canDropMimeData(data.get(), Qt::LinkAction, -1, -1, target));
    fields.dropMimeData(data.get(), Qt::LinkAction, -1, -1, target);
    QCOMPARE(m->mappingFor(QStringLiteral("ltv")), 0);
    QCOMPARE(m->mappings()[0].source, QStringLiteral("ltv"));
    QCOMPARE(m->undoStack()->count(), 1);
}

// From nothing to a saved, valid sync: pick the model and a file
// destination, map two columns (one with a transform), save, and plan it.
void TestSyncEditor::editorBuildsAValidSyncAndSavesIt()
{
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    ui::WorkspaceDocument document(std::move(ws).value());
    ui::SyncEditor editor(&document, {});
    QSignalSpy columns(&editor, &ui::SyncEditor::columnsLoaded);
    QVERIFY(columns.wait(10000));
    editor.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("vip_file"));
    auto *destination = editor.findChild<QComboBox *>(QStringLiteral("destination"));
    destination->setCurrentIndex(destination->findData(QStringLiteral("out")));
    ui::MapperView *mapper = editor.mapper();
    QCOMPARE(mapper->columnsView()->model()->rowCount() > 10, true);
    const int width = editor.minimumSizeHint().width();
    // An open destination: fields are added by mapping them.
    editor.mapping()->connectFields(QStringLiteral("customer_id"), QStringLiteral("id"));
    editor.mapping()->connectFields(QStringLiteral("email"), QStringLiteral("contact_email"));
    // The undo button names its step in a tooltip, and keeps its width (and the dialog its own).
    QToolButton *undo = nullptr;
    for (QToolButton *b : mapper->findChildren<QToolButton *>())
        if (b->defaultAction() && b->defaultAction()->shortcut() == QKeySequence(QKeySequence::Undo))
            undo = b;
    QVERIFY(undo);
    QCOMPARE(undo->text(), QStringLiteral("Undo"));
    QVERIFY2(undo->toolTip().contains(QLatin1String("contact_email")), qPrintable(undo->toolTip()));
    QCOMPARE(editor.minimumSizeHint().width(), width);
    // Select the field and add a step through the model, as the chip bar does.
    auto *fieldsView = mapper->fieldsView();
    const auto *fields = static_cast<ui::FieldListModel *>(fieldsView->model());
    fieldsView->setCurrentIndex(fields->index(fields->rowOf(QStringLiteral("contact_email")), 0));
    QCOMPARE(mapper->selectedField(), QStringLiteral("contact_email"));
    editor.mapping()->setTransforms(QStringLiteral("contact_email"), {QStringLiteral("email")});
    QTRY_VERIFY(editor.problems().isEmpty());
    QVERIFY(editor.save());
    const QJsonObject saved = document.workspace().json().value(QStringLiteral("syncs")).toObject().value(QStringLiteral("vip_file")).toObject();
    QCOMPARE(saved.value(QStringLiteral("model")).toString(), QStringLiteral("customer_360"));
    QCOMPARE(saved.value(QStringLiteral("destination")).toString(), QStringLiteral("out"));
    QCOMPARE(saved.value(QStringLiteral("fields")).toArray().size(), 2);
    QVERIFY(!saved.contains(QStringLiteral("mode"))); // upsert, the default, is left out
    // The file on disk holds it, and a plan of it sends the mapped record.
    auto reopened = workspace::Workspace::open(m_ws);
    QVERIFY2(reopened.ok(), qPrintable(reopened.ok() ? QString() : reopened.error().message));
    QVERIFY(reopened.value().config().syncs.contains(QStringLiteral("vip_file")));
    auto store = store::StateStore::open(reopened.value().stateDbPath());
    QVERIFY(store);
    Result<engine::SyncPlan> plan = engine::planSync(reopened.value(), *store.value(), QStringLiteral("vip_file"), {});
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    QVERIFY(plan.value().counts.added > 0);
    const QJsonObject record = QJsonDocument::fromJson(plan.value().operations.first().fieldsJson).object();
    QCOMPARE(record.keys(), (QStringList{QStringLiteral("contact_email"), QStringLiteral("id")}));
    QCOMPARE(record.value(QStringLiteral("contact_email")).toString(), record.value(QStringLiteral("contact_email")).toString().toLower());
}

// A table destination lists its tables; picking one sets the sync's object,
// and a name typed before the list arrived stays.
void TestSyncEditor::objectsAreListedFromTheDestination()
{
    QTemporaryDir dir;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("app"));
        db.setDatabaseName(dir.filePath(QStringLiteral("app.db")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE contacts (sluice_key TEXT PRIMARY KEY, email TEXT)")));
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE orders (sluice_key TEXT PRIMARY KEY, total REAL)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("app"));
    const QByteArray text = R"({"version": 1, "sources": {"dw": {"driver": "sqlite", "path": ")" + QDir(m_ws).filePath(QStringLiteral("demo/warehouse.db")).toUtf8()
                            + R"("}}, "destinations": {"app": {"type": "sqlite", "path": "app.db"}},
        "models": {"m": {"source": "dw", "primary_key": "customer_id", "sql": "select customer_id, email from customer_360"}}})";
    QFile f(dir.filePath(QStringLiteral("sluice.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    auto ws = workspace::Workspace::open(dir.path());
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
    ui::WorkspaceDocument document(std::move(ws).value());
    ui::SyncEditor editor(&document, {});
    QSignalSpy listed(&editor, &ui::SyncEditor::objectsLoaded);
    auto *object = editor.findChild<QComboBox *>(QStringLiteral("object"));
    QVERIFY(object);
    QTRY_VERIFY(!listed.isEmpty());
    QStringList names;
    for (int i = 0; i < object->count(); ++i)
        names.append(object->itemText(i));
    QCOMPARE(names, (QStringList{QStringLiteral("contacts"), QStringLiteral("orders")}));
    QVERIFY(object->currentText().isEmpty()); // nothing chosen for the operator
    object->setCurrentIndex(1);
    editor.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("to_orders"));
    QCOMPARE(editor.syncJson().value(QStringLiteral("object")).toString(), QStringLiteral("orders"));
    // Listed again (the destination chosen anew): the choice stays.
    listed.clear();
    auto *destination = editor.findChild<QComboBox *>(QStringLiteral("destination"));
    emit destination->currentIndexChanged(destination->currentIndex());
    QTRY_VERIFY(!listed.isEmpty());
    QCOMPARE(object->currentText(), QStringLiteral("orders"));
}

// A sync's own alert rules: only what differs from the workspace is written,
// a limit check refuses is said in its words, and they read back as saved.
void TestSyncEditor::alertRulesAreEditedPerSync()
{
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    ui::WorkspaceDocument document(std::move(ws).value());
    {
        ui::SyncEditor editor(&document, QStringLiteral("customers_to_file"));
        QTRY_VERIFY(editor.problems().isEmpty());
        QVERIFY(editor.alerts()->rules().isEmpty()); // the demo's sync follows the workspace
        auto *rejection = editor.alerts()->findChild<QComboBox *>(QStringLiteral("alert_rejection_rate_above"));
        auto *rejectionLimit = editor.alerts()->findChild<QDoubleSpinBox *>(QStringLiteral("limit_rejection_rate_above"));
        auto *freshness = editor.alerts()->findChild<QComboBox *>(QStringLiteral("alert_freshness_lag_above"));
        auto *freshnessLimit = editor.alerts()->findChild<QLineEdit *>(QStringLiteral("limit_freshness_lag_above"));
        QVERIFY(rejection && rejectionLimit && freshness && freshnessLimit);
        QVERIFY(!rejectionLimit->isEnabled());
        rejection->setCurrentIndex(1);
        QVERIFY(rejectionLimit->isEnabled());
        rejectionLimit->setValue(5);
        freshness->setCurrentIndex(1);
        freshnessLimit->setText(QStringLiteral("soon"));
        QTRY_VERIFY(!editor.problems().isEmpty());
        QVERIFY2(editor.problems().join(QLatin1Char('\n')).contains(QLatin1String("freshness_lag_above")), qPrintable(editor.problems().join(QLatin1Char('\n'))));
        freshness->setCurrentIndex(2);
        QTRY_VERIFY(editor.problems().isEmpty());
        QCOMPARE(editor.syncJson().value(QStringLiteral("alerts")).toObject(),
                 (QJsonObject{{QStringLiteral("rejection_rate_above"), 0.05}, {QStringLiteral("freshness_lag_above"), false}}));
        QVERIFY(editor.save());
    }
    auto reopened = workspace::Workspace::open(m_ws);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened.value().json().value(QStringLiteral("syncs")).toObject().value(QStringLiteral("customers_to_file")).toObject()
                 .value(QStringLiteral("alerts")).toObject().value(QStringLiteral("rejection_rate_above")).toDouble(), 0.05);
    ui::SyncEditor again(&document, QStringLiteral("customers_to_file"));
    QCOMPARE(again.alerts()->findChild<QComboBox *>(QStringLiteral("alert_freshness_lag_above"))->currentIndex(), 2);
    QCOMPARE(again.alerts()->findChild<QDoubleSpinBox *>(QStringLiteral("limit_rejection_rate_above"))->value(), 5.0);
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        again.resize(1400, 860);
        again.tabs()->setCurrentIndex(3);
        again.show();
        QTest::qWait(300);
        again.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/sync-alerts.png"));
    }
    // Back to the workspace's rules: the key leaves sluice.json.
    again.alerts()->setRules({});
    QVERIFY(!again.syncJson().contains(QStringLiteral("alerts")));
}

void TestSyncEditor::editorSaysWhatCheckWouldSay()
{
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    ui::WorkspaceDocument document(std::move(ws).value());
    ui::SyncEditor editor(&document, QStringLiteral("customers_to_file"));
    QSignalSpy columns(&editor, &ui::SyncEditor::columnsLoaded);
    QVERIFY(columns.wait(10000));
    QTRY_VERIFY(editor.problems().isEmpty()); // the demo's own sync, as it is
    QCOMPARE(editor.mapping()->mappings().size(), 10);
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        const QString dir = qEnvironmentVariable("SLUICE_SCREENSHOTS");
        editor.resize(1400, 860);
        editor.show();
        editor.grab().save(dir + QStringLiteral("/sync-settings.png"));
        editor.tabs()->setCurrentIndex(1);
        auto *fieldsView = editor.mapper()->fieldsView();
        const auto *fields = static_cast<ui::FieldListModel *>(fieldsView->model());
        fieldsView->setCurrentIndex(fields->index(fields->rowOf(QStringLiteral("email")), 0));
        QTest::qWait(100);
        editor.grab().save(dir + QStringLiteral("/sync-mapper.png"));
    }
    // A transform that does not exist: the same words `sluice check` prints, and no save.
    editor.mapping()->setTransforms(QStringLiteral("ltv"), {QStringLiteral("round:2"), QStringLiteral("sparkle")});
    QTRY_VERIFY(!editor.problems().isEmpty());
    QVERIFY2(editor.problems().join(QLatin1Char('\n')).contains(QLatin1String("sparkle")), qPrintable(editor.problems().join(QLatin1Char('\n'))));
    QVERIFY2(editor.problems().first().startsWith(QLatin1String("sluice.json:")), qPrintable(editor.problems().first()));
    QVERIFY(!editor.save());
    editor.mapping()->undoStack()->undo();
    QTRY_VERIFY(editor.problems().isEmpty());
    // A new sync may not take an existing name.
    ui::SyncEditor fresh(&document, {});
    fresh.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("customers_to_file"));
    QTRY_VERIFY2(fresh.problems().value(0).contains(QLatin1String("exists already")), qPrintable(fresh.problems().join(QLatin1Char('\n'))));
}

// The Preview tab: the demo sync's first rows as the file receives them,
// built from the sync as edited (not yet saved), held rows with reasons.
void TestSyncEditor::previewShowsTheRecordsAsTheDestinationGetsThem()
{
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    ui::WorkspaceDocument document(std::move(ws).value());
    ui::SyncEditor editor(&document, QStringLiteral("customers_to_file"));
    QSignalSpy columns(&editor, &ui::SyncEditor::columnsLoaded);
    QVERIFY(columns.wait(10000));
    ui::ProjectionModel *model = editor.projection()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // An unsaved edit shows in the preview: first names upper-cased.
    editor.mapping()->setTransforms(QStringLiteral("first_name"), {QStringLiteral("trim"), QStringLiteral("uppercase")});
    // ... and so does a consent policy: rows without marketing consent are excluded, with the reason.
    auto *consent = editor.findChild<QComboBox *>(QStringLiteral("consent"));
    consent->setCurrentIndex(consent->findData(QStringLiteral("marketing_consent")));
    QSignalSpy built(editor.projection(), &ui::ProjectionView::built);
    editor.tabs()->setCurrentIndex(2);
    QVERIFY(built.wait(20000));
    QCOMPARE(model->rowCount(), 200);
    const engine::Projection &p = model->projection();
    QVERIFY(p.more);
    QCOMPARE(p.send + p.excluded + p.invalid, qint64(200));
    QVERIFY(p.excluded > 0 && p.send > 0);
    int firstName = -1, email = -1;
    for (int c = 0; c < model->columnCount(); ++c) {
        const QString h = model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        firstName = h == QLatin1String("first_name") ? c : firstName;
        email = h == QLatin1String("email") ? c : email;
    }
    QVERIFY(firstName > 0 && email > 0);
    int checked = 0;
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(ui::ProjectionModel::OutcomeRole).toInt() != int(engine::ProjectedRow::Outcome::Send))
            continue;
        const QString name = QJsonDocument::fromJson(p.rows[r].sent).object().value(QStringLiteral("first_name")).toString();
        QCOMPARE(name, name.toUpper());
        if (!name.isEmpty())
            QCOMPARE(model->index(r, firstName).data().toString(), name);
        QCOMPARE(model->index(r, email).data().toString(), model->index(r, email).data().toString().toLower());
        ++checked;
    }
    QVERIFY(checked > 100);
    // A sent record of ten fields, shown in full, wraps: the dialog does not widen past a laptop's screen.
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(ui::ProjectionModel::OutcomeRole).toInt() == int(engine::ProjectedRow::Outcome::Send)) {
            editor.projection()->table()->selectRow(r);
            break;
        }
    QVERIFY2(editor.minimumSizeHint().width() < 1000, qPrintable(QString::number(editor.minimumSizeHint().width())));
    // Every held row says why.
    for (const engine::ProjectedRow &row : p.rows)
        if (row.outcome != engine::ProjectedRow::Outcome::Send)
            QVERIFY2(!row.reason.isEmpty(), qPrintable(row.key));
    QVERIFY(!document.workspace().json().value(QStringLiteral("syncs")).toObject().value(QStringLiteral("customers_to_file")).toObject()
                 .value(QStringLiteral("fields")).toArray().at(1).toObject().value(QStringLiteral("transform")).toArray().contains(QStringLiteral("uppercase")));
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        editor.resize(1400, 860);
        editor.show();
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, 0).data(ui::ProjectionModel::OutcomeRole).toInt() != int(engine::ProjectedRow::Outcome::Send)) {
                editor.projection()->table()->selectRow(r);
                break;
            }
        QTest::qWait(100);
        editor.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/sync-preview.png"));
    }
}

QTEST_MAIN(TestSyncEditor)
#include "tst_sync_editor.moc"
