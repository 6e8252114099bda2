// From an empty folder to a delivered custom sync, through the GUI only
// (issue #14): the welcome window makes a workspace, the Sources screen adds
// the demo warehouse and a jsonl destination, the Models screen writes a
// model, the sync editor maps fields (one with a transform) and previews
// them, and the Syncs screen plans and runs it. Then the file is read.
// Runs on a private X display (tests/support/with-desktop.sh).
#include "engine/sync_engine.h"
#include "shell/main_window.h"
#include "shell/welcome_window.h"
#include "models/models_screen.h"
#include "sources/connection_dialog.h"
#include "sources/sources_screen.h"
#include "syncs/mapper_lists.h"
#include "syncs/mapper_view.h"
#include "syncs/mapping_model.h"
#include "syncs/projection_view.h"
#include "syncs/sync_editor.h"
#include "syncs/syncs_screen.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <functional>

using namespace sluice;

class TestGuiEndToEnd final : public QObject
{
    Q_OBJECT

private slots:
    void fromAnEmptyFolderToADeliveredSync();
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }
};

namespace {

// Answers the next modal dialog as an operator would: `answer` fills it in.
void whenModal(const std::function<void(QWidget *)> &answer)
{
    auto *poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, [poll, answer] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            poll->stop();
            poll->deleteLater();
            answer(modal);
        }
    });
    poll->start(20);
}

template <typename T>
T *child(QWidget *parent, const QString &name = {})
{
    T *found = name.isEmpty() ? parent->findChild<T *>() : parent->findChild<T *>(name);
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

QPushButton *button(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    QStringList there;
    for (QPushButton *b : parent->findChildren<QPushButton *>())
        there.append(b->text());
    qFatal("no button %s (there are: %s)", qPrintable(text), qPrintable(there.join(QStringLiteral(", "))));
}

} // namespace

void TestGuiEndToEnd::fromAnEmptyFolderToADeliveredSync()
{
    QTemporaryDir scratch;
    const QString folder = scratch.filePath(QStringLiteral("my-workspace"));
    QVERIFY(QDir().mkpath(folder));

    // 1. The welcome window: New workspace…, the folder picked in the file dialog.
    ui::WelcomeWindow welcome;
    welcome.show();
    QSignalSpy chosen(&welcome, &ui::WelcomeWindow::chosen);
    whenModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<QFileDialog *>(modal);
        QVERIFY(dialog);
        dialog->setDirectory(folder);
        dialog->selectFile(folder);
        QMetaObject::invokeMethod(dialog, "accept"); // the Choose button
    });
    child<QPushButton>(&welcome, QStringLiteral("newWorkspace"))->click();
    QTRY_COMPARE(chosen.size(), 1);
    QCOMPARE(QFileInfo(chosen.first().at(0).toString()).canonicalFilePath(), QFileInfo(folder).canonicalFilePath());
    auto ws = workspace::Workspace::open(folder);
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
    ui::MainWindow window(std::move(ws).value());
    window.resize(1600, 1000);
    window.show();

    // 2. Sources: the demo warehouse, then a jsonl destination in the generated form.
    auto *sources = child<ui::SourcesScreen>(&window);
    QSignalSpy demoAdded(sources, &ui::SourcesScreen::demoWarehouseAdded);
    button(sources, QStringLiteral("+ The demo warehouse"))->click();
    QVERIFY(demoAdded.wait(60000));
    QCOMPARE(demoAdded.first().at(0).toBool(), true);
    whenModal([&](QWidget *modal) {
        auto *dialog = qobject_cast<ui::ConnectionDialog *>(modal);
        QVERIFY(dialog);
        dialog->setName(QStringLiteral("vip_file"));
        dialog->setType(QStringLiteral("jsonl"));
        dialog->field(QStringLiteral("path"))->setText(QStringLiteral("out/vips.jsonl"));
        QVERIFY2(dialog->save(), qPrintable(dialog->problem()));
        dialog->accept();
    });
    button(sources, QStringLiteral("+ Destination…"))->click();

    // 3. Models: a new model, its SQL and key written in the editor, saved.
    window.showScreen(QStringLiteral("Models"));
    auto *models = child<ui::ModelsScreen>(&window);
    whenModal([](QWidget *modal) {
        auto *input = qobject_cast<QInputDialog *>(modal);
        QVERIFY(input);
        input->setTextValue(QStringLiteral("vips"));
        input->accept();
    });
    models->newModel();
    child<QPlainTextEdit>(models, QStringLiteral("sqlEditor"))
        ->setPlainText(QStringLiteral("select customer_id, email, first_name, ltv from customer_360 where ltv > 500"));
    for (QLineEdit *line : models->findChildren<QLineEdit *>())
        if (line->placeholderText().startsWith(QLatin1String("column")))
            line->setText(QStringLiteral("customer_id"));
    models->saveCurrent();
    QCOMPARE(window.findChild<ui::SyncsScreen *>()->isVisible(), false);

    // 4. The sync editor: model, destination, fields mapped by accepting the
    //    suggestions, an e-mail transform from the chip bar's menu, the preview.
    window.showScreen(QStringLiteral("Syncs"));
    auto *syncs = child<ui::SyncsScreen>(&window);
    button(syncs, QStringLiteral("New sync…"))->click();
    ui::SyncEditor *editor = nullptr;
    QTRY_VERIFY((editor = syncs->findChild<ui::SyncEditor *>()) != nullptr);
    child<QLineEdit>(editor, QStringLiteral("name"))->setText(QStringLiteral("vips_to_file"));
    auto *modelBox = child<QComboBox>(editor, QStringLiteral("model"));
    QSignalSpy columns(editor, &ui::SyncEditor::columnsLoaded);
    modelBox->setCurrentIndex(modelBox->findData(QStringLiteral("vips")));
    auto *destinationBox = child<QComboBox>(editor, QStringLiteral("destination"));
    destinationBox->setCurrentIndex(destinationBox->findData(QStringLiteral("vip_file")));
    QTRY_VERIFY(!columns.isEmpty() && editor->mapping()->columns().size() == 4);
    editor->tabs()->setCurrentIndex(1);
    ui::MapperView *mapper = editor->mapper();
    QTRY_VERIFY(editor->mapping()->suggestions().size() == 3); // email, first_name, ltv under their own names
    QTest::keyClick(mapper, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier); // accept all
    QCOMPARE(editor->mapping()->mappings().size(), 3);
    auto *fields = static_cast<ui::FieldListModel *>(mapper->fieldsView()->model());
    mapper->fieldsView()->setCurrentIndex(fields->index(fields->rowOf(QStringLiteral("email")), 0));
    QToolButton *add = nullptr;
    auto findAdd = [&] {
        for (QToolButton *b : mapper->findChildren<QToolButton *>())
            if (b->text() == QLatin1String("+ transform") && b->isVisible())
                add = b;
        return add != nullptr;
    };
    QTRY_VERIFY(findAdd()); // the chip bar of the selected field
    for (QAction *a : add->menu()->actions())
        if (a->text() == QLatin1String("Normalize an e-mail address")) {
            a->trigger();
            break;
        }
    QTRY_COMPARE(editor->mapping()->mappings().at(editor->mapping()->mappingFor(QStringLiteral("email"))).transforms, QStringList{QStringLiteral("email")});
    QSignalSpy built(editor->projection(), &ui::ProjectionView::built);
    editor->tabs()->setCurrentIndex(2);
    QVERIFY(built.wait(30000));
    const engine::Projection &preview = editor->projection()->model()->projection();
    QVERIFY2(preview.send > 0, qPrintable(editor->problems().join(QLatin1Char('\n'))));
    QVERIFY(editor->problems().isEmpty());
    child<QDialogButtonBox>(editor)->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY(!editor->isVisible());

    // 5. Plan, then run, from the Syncs screen.
    auto *list = syncs->findChild<QListWidget *>();
    QTRY_VERIFY(!list->findItems(QStringLiteral("vips_to_file"), Qt::MatchExactly).isEmpty());
    list->setCurrentItem(list->findItems(QStringLiteral("vips_to_file"), Qt::MatchExactly).first());
    QSignalSpy finished(syncs, &ui::SyncsScreen::jobFinished);
    button(syncs, QStringLiteral("Plan"))->click();
    QVERIFY(finished.wait(60000));
    const auto planned = finished.last().at(0).value<engine::RunSummary>();
    QCOMPARE(toString(planned.status), toString(RunStatus::Planned));
    QVERIFY(planned.counts.added > 0);
    button(syncs, QStringLiteral("Run now"))->click();
    QVERIFY(finished.wait(60000));
    const auto ran = finished.last().at(0).value<engine::RunSummary>();
    QCOMPARE(toString(ran.status), toString(RunStatus::Succeeded));
    QCOMPARE(ran.counts.delivered, planned.counts.added);

    // 6. The file holds exactly the model's rows, as mapped.
    QFile out(QDir(folder).filePath(QStringLiteral("out/vips.jsonl")));
    QVERIFY(out.open(QIODevice::ReadOnly));
    int lines = 0;
    while (!out.atEnd()) {
        const QJsonObject line = QJsonDocument::fromJson(out.readLine()).object();
        QVERIFY(line.contains(QStringLiteral("key")) || line.contains(QStringLiteral("email")) || !line.isEmpty());
        ++lines;
    }
    QCOMPARE(lines, int(ran.counts.delivered));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
    db.setDatabaseName(QDir(folder).filePath(QStringLiteral("demo/warehouse.db")));
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("select count(*) from customer_360 where ltv > 500")) && q.next());
    QCOMPARE(q.value(0).toInt(), lines);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS"))
        window.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/end-to-end-run.png"));
}

QTEST_MAIN(TestGuiEndToEnd)
#include "tst_gui_end_to_end.moc"
