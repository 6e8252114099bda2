// The field mapper's view over the demo sync: the filter and "Mapped only",
// chain steps dragged to a new place, and the selection kept when the lists
// are read again. (The mapping model itself: tst_sync_editor.)
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

class TestMapperView final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }
    void mapperFiltersByNameAndMappedOnly();
    void chipsAreDraggedToAnotherPlace();
    void selectionOutlivesTheListsBeingReadAgain();

private:
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestMapperView::initTestCase()
{
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 300;
    m_ws = m_dir.filePath(QStringLiteral("ws"));
    const auto r = workspace::initWorkspace(m_ws, options);
    QVERIFY2(r.ok(), qPrintable(r.error().message));
}

// Long models: the filter box narrows both lists by name, "Mapped only"
// leaves what is wired; hidden rows take their wires with them.
void TestMapperView::mapperFiltersByNameAndMappedOnly()
{
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    ui::WorkspaceDocument document(std::move(ws).value());
    ui::SyncEditor editor(&document, QStringLiteral("customers_to_file"));
    QSignalSpy columns(&editor, &ui::SyncEditor::columnsLoaded);
    QVERIFY(columns.wait(10000));
    ui::MapperView *mapper = editor.mapper();
    QTreeView *left = mapper->columnsView(), *right = mapper->fieldsView();
    auto visible = [](QTreeView *view) {
        QStringList names;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            if (!view->isRowHidden(row, {}))
                names.append(view->model()->index(row, 0).data(ui::ColumnListModel::NameRole).toString());
        return names;
    };
    const int allColumns = visible(left).size();
    QVERIFY(allColumns > 10);
    mapper->filterBox()->setText(QStringLiteral("MAIL"));
    const QStringList shown = visible(left);
    QVERIFY(!shown.isEmpty() && shown.size() < allColumns);
    for (const QString &name : shown)
        QVERIFY2(name.contains(QLatin1String("mail"), Qt::CaseInsensitive), qPrintable(name));
    for (int row = 0; row < right->model()->rowCount(); ++row)
        QCOMPARE(right->isRowHidden(row, {}), !right->model()->index(row, 0).data(ui::FieldListModel::NameRole).toString().contains(QLatin1String("mail"), Qt::CaseInsensitive));
    mapper->filterBox()->clear();
    QCOMPARE(visible(left).size(), allColumns);
    mapper->mappedOnlyBox()->setChecked(true);
    QSet<QString> mappedColumns;
    for (const ui::MappingModel::Mapping &m : editor.mapping()->mappings())
        mappedColumns.insert(m.source);
    const QStringList wired = visible(left);
    QCOMPARE(QSet<QString>(wired.begin(), wired.end()), mappedColumns);
    // A change to the mapping keeps the filter: unmapping a field hides it.
    const QString first = editor.mapping()->mappings().first().destination;
    editor.mapping()->disconnectField(first);
    QVERIFY(!visible(right).contains(first));
    mapper->mappedOnlyBox()->setChecked(false);
    QVERIFY(visible(right).contains(first) || editor.mapping()->open());
}

// A step dragged along the chain bar lands where it is dropped (one undo step).
void TestMapperView::chipsAreDraggedToAnotherPlace()
{
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    ui::WorkspaceDocument document(std::move(ws).value());
    ui::SyncEditor editor(&document, QStringLiteral("customers_to_file"));
    QSignalSpy columns(&editor, &ui::SyncEditor::columnsLoaded);
    QVERIFY(columns.wait(10000));
    editor.resize(1400, 860);
    editor.show();
    editor.tabs()->setCurrentIndex(1);
    QTRY_VERIFY(editor.mapping()->mappingFor(QStringLiteral("email")) >= 0);
    editor.mapping()->setTransforms(QStringLiteral("email"), {QStringLiteral("trim"), QStringLiteral("lowercase"), QStringLiteral("email")});
    ui::MapperView *mapper = editor.mapper();
    const auto *fields = static_cast<ui::FieldListModel *>(mapper->fieldsView()->model());
    mapper->fieldsView()->setCurrentIndex(fields->index(fields->rowOf(QStringLiteral("email")), 0));
    QWidget *bar = mapper->findChild<QWidget *>(QStringLiteral("chipBar"));
    QVERIFY(bar);
    QList<QToolButton *> chips;
    auto visibleChips = [&] {
        chips = bar->findChildren<QToolButton *>(QStringLiteral("chip"), Qt::FindDirectChildrenOnly);
        return std::count_if(chips.begin(), chips.end(), [](QToolButton *c) { return c->isVisible(); });
    };
    QTRY_COMPARE(visibleChips(), 3);
    chips.erase(std::remove_if(chips.begin(), chips.end(), [](QToolButton *c) { return !c->isVisible(); }), chips.end());
    std::sort(chips.begin(), chips.end(), [](QToolButton *a, QToolButton *b) { return a->x() < b->x(); });
    const int undoBefore = editor.mapping()->undoStack()->count();
    // "trim" (step 0) dropped past the last chip.
    QMimeData mime;
    mime.setData(QStringLiteral("application/x-sluice-step"), "0");
    const QPointF past(chips.last()->geometry().right() + 4, chips.last()->geometry().center().y());
    QDragEnterEvent enter(past.toPoint(), Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(bar, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(past, Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(bar, &drop);
    const int at = editor.mapping()->mappingFor(QStringLiteral("email"));
    QCOMPARE(editor.mapping()->mappings().at(at).transforms, (QStringList{QStringLiteral("lowercase"), QStringLiteral("email"), QStringLiteral("trim")}));
    QCOMPARE(editor.mapping()->undoStack()->count(), undoBefore + 1);
    editor.mapping()->undoStack()->undo();
    QCOMPARE(editor.mapping()->mappings().at(at).transforms, (QStringList{QStringLiteral("trim"), QStringLiteral("lowercase"), QStringLiteral("email")}));
}

// The destination's fields or the model's columns read again (a slow
// describe arriving after the operator picked a field) keep what is selected.
void TestMapperView::selectionOutlivesTheListsBeingReadAgain()
{
    auto ws = workspace::Workspace::open(m_ws);
    QVERIFY(ws.ok());
    ui::WorkspaceDocument document(std::move(ws).value());
    ui::SyncEditor editor(&document, QStringLiteral("customers_to_file"));
    QSignalSpy columns(&editor, &ui::SyncEditor::columnsLoaded);
    QVERIFY(columns.wait(10000));
    ui::MapperView *mapper = editor.mapper();
    const auto *fields = static_cast<ui::FieldListModel *>(mapper->fieldsView()->model());
    const auto *cols = static_cast<ui::ColumnListModel *>(mapper->columnsView()->model());
    mapper->fieldsView()->setCurrentIndex(fields->index(fields->rowOf(QStringLiteral("email")), 0));
    mapper->columnsView()->setCurrentIndex(cols->index(cols->rowOf(QStringLiteral("country")), 0));
    editor.mapping()->setFields(editor.mapping()->fields(), editor.mapping()->open()); // the fields read again
    QCOMPARE(mapper->selectedField(), QStringLiteral("email"));
    QCOMPARE(mapper->selectedColumn(), QStringLiteral("country"));
    editor.mapping()->setTransforms(QStringLiteral("email"), {QStringLiteral("trim"), QStringLiteral("email")}); // a mapping changed
    QCOMPARE(mapper->selectedField(), QStringLiteral("email"));
    QCOMPARE(mapper->selectedColumn(), QStringLiteral("country"));
}

QTEST_MAIN(TestMapperView)
#include "tst_mapper_view.moc"
