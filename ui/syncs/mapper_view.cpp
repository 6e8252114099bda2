#include "syncs/mapper_view.h"

#include "shell/icons.h"
#include "syncs/mapper_lists.h"
#include "syncs/mapping_model.h"

#include <QAction>
#include <QMouseEvent>
#include <QMimeData>
#include <QDropEvent>
#include <QDrag>
#include <QApplication>
#include <QCheckBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QSet>
#include <QShortcut>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <functional>

namespace sluice::ui {

// The wires between the two lists: a cubic curve from a column's row to
// its field's row, solid when mapped, dashed when only suggested, thick
// when either end is selected. A row scrolled out of view pins its end to
// the list's edge.
class WireGutter final : public QWidget
{
public:
    WireGutter(MappingModel *mapping, QTreeView *left, QTreeView *right, QWidget *parent)
        : QWidget(parent), m_mapping(mapping), m_left(left), m_right(right)
    {
        setMinimumWidth(90);
        setAttribute(Qt::WA_TransparentForMouseEvents);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const auto *columns = static_cast<ColumnListModel *>(m_left->model());
        const auto *fields = static_cast<FieldListModel *>(m_right->model());
        const QString selectedField = m_right->currentIndex().isValid() ? m_right->currentIndex().data(FieldListModel::NameRole).toString() : QString();
        const QString selectedColumn = m_left->currentIndex().isValid() ? m_left->currentIndex().data(ColumnListModel::NameRole).toString() : QString();
        auto draw = [&](const QString &column, const QString &field, bool suggested) {
            const int l = columns->rowOf(column), r = fields->rowOf(field);
            if (l < 0 || r < 0 || m_left->isRowHidden(l, {}) || m_right->isRowHidden(r, {}))
                return;
            const QPointF a(0, yOf(m_left, columns->index(l, 0))), b(width(), yOf(m_right, fields->index(r, 0)));
            QPainterPath path(a);
            path.cubicTo(QPointF(width() / 2.0, a.y()), QPointF(width() / 2.0, b.y()), b);
            const bool selected = field == selectedField || column == selectedColumn;
            QPen pen(selected ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid), selected ? 2.5 : 1.5);
            if (suggested)
                pen.setStyle(Qt::DashLine);
            p.setPen(pen);
            p.drawPath(path);
            p.setBrush(pen.color());
            p.drawEllipse(a, 3, 3);
            // An arrow head where the wire meets the field: records flow left to right.
            QPolygonF head;
            head << b << QPointF(b.x() - 8, b.y() - 4.5) << QPointF(b.x() - 8, b.y() + 4.5);
            p.setPen(Qt::NoPen);
            p.drawPolygon(head);
        };
        for (const MappingModel::Mapping &m : m_mapping->mappings())
            draw(m.source, m.destination, false);
        for (const MappingModel::Mapping &m : m_mapping->suggestions())
            draw(m.source, m.destination, true);
    }

private:
    qreal yOf(QTreeView *view, const QModelIndex &index) const
    {
        const QRect rect = view->visualRect(index);
        const QPoint inView = view->viewport()->mapTo(parentWidget(), rect.center());
        const qreal top = view->viewport()->mapTo(parentWidget(), QPoint(0, 0)).y() - y();
        const qreal bottom = top + view->viewport()->height();
        return std::clamp(qreal(inView.y() - y()), top, bottom);
    }

    MappingModel *m_mapping;
    QTreeView *m_left, *m_right;
};

namespace {

const char *const kStepMime = "application/x-sluice-step";

// A transform step in the chain bar: clicked, it removes itself; dragged, it
// carries its place in the chain to another spot of the bar.
class ChipButton final : public QToolButton
{
public:
    ChipButton(int index, QWidget *parent) : QToolButton(parent), m_index(index) {}

protected:
    void mousePressEvent(QMouseEvent *event) override
    {
        m_pressedAt = event->position().toPoint();
        QToolButton::mousePressEvent(event);
    }
    void mouseMoveEvent(QMouseEvent *event) override
    {
        if (!(event->buttons() & Qt::LeftButton) || (event->position().toPoint() - m_pressedAt).manhattanLength() < QApplication::startDragDistance()) {
            QToolButton::mouseMoveEvent(event);
            return;
        }
        setDown(false); // a drag, not a click: the step stays
        auto *drag = new QDrag(this);
        auto *mime = new QMimeData;
        mime->setData(QLatin1String(kStepMime), QByteArray::number(m_index));
        drag->setMimeData(mime);
        drag->setPixmap(grab());
        drag->exec(Qt::MoveAction);
    }

private:
    int m_index;
    QPoint m_pressedAt;
};

} // namespace

// Takes a dragged chip and asks for its step to move to the slot under the
// drop: the number of chips whose middle lies left of it.
class ChipBar final : public QWidget
{
public:
    explicit ChipBar(QWidget *parent) : QWidget(parent) { setAcceptDrops(true); }
    std::function<void(int from, int slot)> moved;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override
    {
        if (event->mimeData()->hasFormat(QLatin1String(kStepMime)))
            event->acceptProposedAction();
    }
    void dragMoveEvent(QDragMoveEvent *event) override
    {
        if (event->mimeData()->hasFormat(QLatin1String(kStepMime)))
            event->acceptProposedAction();
    }
    void dropEvent(QDropEvent *event) override
    {
        if (!event->mimeData()->hasFormat(QLatin1String(kStepMime)))
            return;
        const int from = event->mimeData()->data(QLatin1String(kStepMime)).toInt();
        int slot = 0;
        for (const QWidget *chip : findChildren<QToolButton *>(QStringLiteral("chip"), Qt::FindDirectChildrenOnly))
            if (chip->isVisible() && chip->geometry().center().x() < event->position().x())
                ++slot;
        event->acceptProposedAction();
        if (moved)
            moved(from, slot);
    }
};

namespace {

QTreeView *listView(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    view->header()->setStretchLastSection(true);
    return view;
}

// The + menu's steps; those that need an argument ask for it.
struct StepChoice
{
    const char *label;
    const char *step;     // the step, or its name before ':'
    const char *argument; // the question for its argument; nullptr: none
};

const StepChoice kSteps[] = {
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Trim spaces"), "trim", nullptr},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Lowercase"), "lowercase", nullptr},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Uppercase"), "uppercase", nullptr},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Normalize an e-mail address"), "email", nullptr},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Phone number to E.164…"), "phone", QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Region (two letters, or {column}):")},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Default when empty…"), "default", QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Value:")},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Convert type…"), "cast", QT_TRANSLATE_NOOP("sluice::ui::MapperView", "To (string, integer, decimal, boolean, timestamp):")},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Round…"), "round", QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Decimal places:")},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Cut to a length…"), "truncate", QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Characters:")},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "SHA-256"), "sha256", nullptr},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Hash for Meta"), "hash:meta", nullptr},
    {QT_TRANSLATE_NOOP("sluice::ui::MapperView", "Hash for Google"), "hash:google", nullptr},
};

} // namespace

MapperView::MapperView(MappingModel *mapping, QWidget *parent)
    : QWidget(parent),
      m_mapping(mapping),
      m_columnModel(new ColumnListModel(mapping, this)),
      m_fieldModel(new FieldListModel(mapping, this)),
      m_columns(listView(m_columnModel, this)),
      m_fields(listView(m_fieldModel, this)),
      m_gutter(new WireGutter(mapping, m_columns, m_fields, this)),
      m_suggest(new QToolButton(this)),
      m_acceptAll(new QToolButton(this)),
      m_chainTitle(new QLabel(this)),
      m_chips(new ChipBar(this)),
      m_chipLayout(new QHBoxLayout(m_chips)),
      m_example(new QLabel(this))
{
    m_columns->setDragEnabled(true);
    m_columns->setDragDropMode(QAbstractItemView::DragOnly);
    m_fields->setAcceptDrops(true);
    m_fields->setDropIndicatorShown(true);
    m_fields->setDragDropMode(QAbstractItemView::DropOnly);
    m_columns->setAccessibleName(tr("Model columns"));
    m_fields->setAccessibleName(tr("Destination fields"));

    QHBoxLayout *bar = buildToolbar();

    auto *lists = new QHBoxLayout;
    lists->setSpacing(0);
    lists->addWidget(m_columns, 1);
    lists->addWidget(m_gutter);
    lists->addWidget(m_fields, 1);

    m_chainTitle->setObjectName(QStringLiteral("chainTitle"));
    m_chips->setObjectName(QStringLiteral("chipBar"));
    static_cast<ChipBar *>(m_chips)->moved = [this](int from, int slot) {
        // The slot counts the chips left of the drop, the dragged one among them when it was.
        const int to = slot > from ? slot - 1 : slot;
        if (to != from)
            m_mapping->moveTransform(m_chainField, from, to - from);
    };
    m_chipLayout->setContentsMargins(0, 0, 0, 0);
    m_example->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_example->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(lists, 1);
    layout->addWidget(m_chainTitle);
    layout->addWidget(m_chips);
    layout->addWidget(m_example);

    for (QTreeView *view : {m_columns, m_fields}) {
        connect(view->verticalScrollBar(), &QScrollBar::valueChanged, m_gutter, qOverload<>(&QWidget::update));
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, m_gutter, qOverload<>(&QWidget::update));
    }
    connect(m_fields->selectionModel(), &QItemSelectionModel::currentChanged, this, &MapperView::showChain);
    // A badge's quick fix (a cast, the platform's hash) from the field's context menu.
    m_fields->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_fields, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QString field = m_fields->indexAt(at).data(FieldListModel::NameRole).toString();
        if (field.isEmpty())
            return;
        QMenu menu(this);
        for (const MappingModel::Badge badge : {MappingModel::TypeMismatch, MappingModel::NeedsHash})
            if (const QString step = m_mapping->quickFix(field, badge); !step.isEmpty())
                menu.addAction(tr("Add %1").arg(step), this, [this, field, badge] { m_mapping->applyQuickFix(field, badge); });
        if (m_mapping->mappingFor(field) >= 0)
            menu.addAction(tr("Unmap %1").arg(field), this, [this, field] { m_mapping->disconnectField(field); });
        if (!menu.isEmpty())
            menu.exec(m_fields->viewport()->mapToGlobal(at));
    });
    // A list's reset (its columns or fields read, a mapping changed) loses the
    // selection: what was selected is selected again, so the chain bar stays.
    connect(m_fieldModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_keptField = selectedField(); });
    connect(m_columnModel, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_keptColumn = selectedColumn();
        if (m_keptField.isEmpty())
            m_keptField = m_chainField;
    });
    connect(m_fieldModel, &QAbstractItemModel::modelReset, this, [this] {
        if (const int row = m_fieldModel->rowOf(m_keptField); row >= 0)
            m_fields->setCurrentIndex(m_fieldModel->index(row, 0));
    });
    connect(m_columnModel, &QAbstractItemModel::modelReset, this, [this] {
        if (const int row = m_columnModel->rowOf(m_keptColumn); row >= 0)
            m_columns->setCurrentIndex(m_columnModel->index(row, 0));
        if (const int row = m_fieldModel->rowOf(m_keptField); row >= 0 && selectedField().isEmpty())
            m_fields->setCurrentIndex(m_fieldModel->index(row, 0));
        refresh();
    });
    refresh();
}

// The filter box (Ctrl+F) and "Mapped only" over both lists.
void MapperView::buildFilter()
{
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("mapperFilter"));
    m_filter->setPlaceholderText(tr("Filter columns and fields"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(sluiceIcon(QStringLiteral("sluice-filter")), QLineEdit::LeadingPosition);
    m_filter->setMinimumWidth(210);
    m_filter->setMaximumWidth(280);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    addAction(find);
    connect(m_filter, &QLineEdit::textChanged, this, &MapperView::applyFilter);
    m_mappedOnly = new QCheckBox(tr("Mapped only"), this);
    m_mappedOnly->setToolTip(tr("Show only the columns and fields that are mapped"));
    connect(m_mappedOnly, &QCheckBox::toggled, this, &MapperView::applyFilter);
}

// Undo and redo over the mapping's one stack, as two buttons.
std::pair<QToolButton *, QToolButton *> MapperView::buildUndoButtons()
{
    QUndoStack *undo = m_mapping->undoStack();
    QAction *undoAction = undo->createUndoAction(this, tr("Undo"));
    undoAction->setShortcut(QKeySequence::Undo);
    QAction *redoAction = undo->createRedoAction(this, tr("Redo"));
    redoAction->setShortcut(QKeySequence::Redo);
    undoAction->setIcon(sluiceIcon(QStringLiteral("sluice-undo")));
    redoAction->setIcon(sluiceIcon(QStringLiteral("sluice-redo")));
    auto *undoButton = new QToolButton(this);
    undoButton->setDefaultAction(undoAction);
    auto *redoButton = new QToolButton(this);
    redoButton->setDefaultAction(redoAction);
    for (QToolButton *b : {undoButton, redoButton})
        b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // The buttons keep their short names (the step they undo is in the
    // tooltip), so the toolbar, and the dialog, keep their width.
    connect(undo, &QUndoStack::undoTextChanged, undoAction, [undoAction](const QString &step) {
        undoAction->setText(tr("Undo"));
        undoAction->setToolTip(step.isEmpty() ? tr("Undo") : tr("Undo %1").arg(step));
    });
    connect(undo, &QUndoStack::redoTextChanged, redoAction, [redoAction](const QString &step) {
        redoAction->setText(tr("Redo"));
        redoAction->setToolTip(step.isEmpty() ? tr("Redo") : tr("Redo %1").arg(step));
    });
    addAction(undoAction);
    addAction(redoAction);
    return {undoButton, redoButton};
}

QHBoxLayout *MapperView::buildToolbar()
{
    const auto [undoButton, redoButton] = buildUndoButtons();

    auto *connectAction = new QAction(tr("Connect"), this);
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connectAction->setToolTip(tr("Map the selected column to the selected field (Ctrl+L)"));
    connect(connectAction, &QAction::triggered, this, &MapperView::connectSelected);
    auto *unmapAction = new QAction(tr("Unmap"), this);
    unmapAction->setShortcut(QKeySequence::Delete);
    unmapAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    unmapAction->setToolTip(tr("Remove the selected field's mapping (Delete)"));
    connect(unmapAction, &QAction::triggered, this, &MapperView::unmapSelected);
    auto *acceptAction = new QAction(tr("Accept all"), this);
    acceptAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    acceptAction->setToolTip(tr("Accept every suggestion as one step (Ctrl+Shift+A)"));
    connect(acceptAction, &QAction::triggered, m_mapping, &MappingModel::acceptAllSuggestions);
    addAction(connectAction);
    addAction(unmapAction);
    addAction(acceptAction);
    m_acceptAll->setDefaultAction(acceptAction);
    m_suggest->setPopupMode(QToolButton::InstantPopup);
    m_suggest->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *connectButton = new QToolButton(this);
    connectButton->setDefaultAction(connectAction);
    auto *unmapButton = new QToolButton(this);
    unmapButton->setDefaultAction(unmapAction);
    // An open destination (a file, a hook) has the fields it is sent: a new one is named here.
    auto *newField = new QAction(tr("+ Field…"), this);
    newField->setObjectName(QStringLiteral("newField"));
    newField->setToolTip(tr("Send the selected column under a new field name"));
    connect(newField, &QAction::triggered, this, [this] {
        const QString column = selectedColumn();
        if (column.isEmpty()) {
            m_chainTitle->setText(tr("Select the column to send first."));
            return;
        }
        bool ok = false;
        const QString field = QInputDialog::getText(this, tr("New field"), tr("Field the destination receives %1 as:").arg(column), QLineEdit::Normal, column, &ok).trimmed();
        if (ok && !field.isEmpty())
            m_mapping->connectFields(column, field);
    });
    m_newField = new QToolButton(this);
    m_newField->setDefaultAction(newField);

    buildFilter();

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter);
    bar->addWidget(m_mappedOnly);
    bar->addSpacing(12);
    bar->addWidget(m_suggest);
    bar->addWidget(m_acceptAll);
    bar->addSpacing(12);
    bar->addWidget(connectButton);
    bar->addWidget(unmapButton);
    bar->addWidget(m_newField);
    bar->addSpacing(12);
    bar->addWidget(undoButton);
    bar->addWidget(redoButton);
    bar->addStretch();
    auto *hint = new QLabel(tr("Drag a column onto a field, or select one of each and press Ctrl+L."), this);
    hint->setEnabled(false);
    hint->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // shown as far as there is room
    bar->addWidget(hint, 1);
    return bar;
}

void MapperView::setSample(const QHash<QString, QVariant> &sample)
{
    m_sample = sample;
    showChain();
}

QString MapperView::selectedField() const
{
    return m_fields->currentIndex().isValid() ? m_fields->currentIndex().data(FieldListModel::NameRole).toString() : QString();
}

QString MapperView::selectedColumn() const
{
    return m_columns->currentIndex().isValid() ? m_columns->currentIndex().data(ColumnListModel::NameRole).toString() : QString();
}

void MapperView::connectSelected()
{
    m_mapping->connectFields(selectedColumn(), selectedField());
}

void MapperView::unmapSelected()
{
    m_mapping->disconnectField(selectedField());
}

void MapperView::refresh()
{
    const QList<MappingModel::Mapping> suggestions = m_mapping->suggestions();
    m_suggest->setText(suggestions.isEmpty() ? tr("No suggestions") : tr("⚡ %n suggestion(s)", nullptr, int(suggestions.size())));
    m_suggest->setEnabled(!suggestions.isEmpty());
    auto *menu = new QMenu(m_suggest);
    for (const MappingModel::Mapping &s : suggestions)
        menu->addAction(tr("%1 → %2").arg(s.source, s.destination), m_mapping, [this, s] { m_mapping->acceptSuggestion(s); });
    delete m_suggest->menu();
    m_suggest->setMenu(menu);
    m_acceptAll->setEnabled(!suggestions.isEmpty());
    m_newField->setVisible(m_mapping->open());
    applyFilter();
    showChain();
}

void MapperView::applyFilter()
{
    const QString text = m_filter ? m_filter->text().trimmed() : QString();
    const bool mappedOnly = m_mappedOnly && m_mappedOnly->isChecked();
    QSet<QString> mappedColumns;
    for (const MappingModel::Mapping &m : m_mapping->mappings())
        mappedColumns.insert(m.source);
    for (int row = 0; row < m_columnModel->rowCount(); ++row) {
        const QString name = m_columnModel->index(row, 0).data(ColumnListModel::NameRole).toString();
        m_columns->setRowHidden(row, {}, (!text.isEmpty() && !name.contains(text, Qt::CaseInsensitive)) || (mappedOnly && !mappedColumns.contains(name)));
    }
    for (int row = 0; row < m_fieldModel->rowCount(); ++row) {
        const QString name = m_fieldModel->index(row, 0).data(FieldListModel::NameRole).toString();
        m_fields->setRowHidden(row, {}, (!text.isEmpty() && !name.contains(text, Qt::CaseInsensitive)) || (mappedOnly && m_mapping->mappingFor(name) < 0));
    }
    m_gutter->update();
}

void MapperView::showChain()
{
    // The old chips go once control is back in the event loop: the one that
    // changed the chain may still be handling its click or its menu.
    while (QLayoutItem *item = m_chipLayout->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    m_chainField = selectedField();
    const int at = m_mapping->mappingFor(m_chainField);
    if (at < 0) {
        m_chainTitle->setText(m_chainField.isEmpty() ? tr("Select a field to see and edit its transforms.")
                                                     : tr("%1 is not mapped: drag a column onto it.").arg(m_chainField));
        m_example->clear();
        return;
    }
    const MappingModel::Mapping &m = m_mapping->mappings().at(at);
    m_chainTitle->setText(tr("%1 → %2").arg(m.source.isEmpty() ? tr("(no column)") : m.source, m.destination));
    for (qsizetype i = 0; i < m.transforms.size(); ++i) {
        auto *chip = new ChipButton(int(i), m_chips);
        chip->setText(m.transforms[i] + QStringLiteral("  ✕"));
        chip->setToolTip(tr("Click to remove this step; drag it, or press Alt+← / Alt+→, to move it"));
        chip->setObjectName(QStringLiteral("chip"));
        const QString field = m.destination;
        connect(chip, &QToolButton::clicked, this, [this, field, i] {
            const int now = m_mapping->mappingFor(field);
            if (now < 0)
                return;
            QStringList chain = m_mapping->mappings().at(now).transforms;
            chain.removeAt(i);
            m_mapping->setTransforms(field, chain);
        });
        auto *left = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Left), chip, nullptr, nullptr, Qt::WidgetShortcut);
        connect(left, &QShortcut::activated, this, [this, field, i] { m_mapping->moveTransform(field, int(i), -1); });
        auto *right = new QShortcut(QKeySequence(Qt::ALT | Qt::Key_Right), chip, nullptr, nullptr, Qt::WidgetShortcut);
        connect(right, &QShortcut::activated, this, [this, field, i] { m_mapping->moveTransform(field, int(i), 1); });
        m_chipLayout->addWidget(chip);
        m_chipLayout->addWidget(new QLabel(QStringLiteral("▸"), m_chips));
    }
    m_chipLayout->addWidget(addTransformButton());
    m_chipLayout->addStretch();
    const QVariant sample = m_sample.value(m.source);
    if (sample.isNull() || !sample.isValid()) {
        m_example->setText(tr("No example: the preview has no value of %1 yet.").arg(m.source));
        return;
    }
    const QPair<bool, QString> out = m_mapping->example(m.destination, sample);
    m_example->setText(out.first ? tr("Example: \"%1\" ▸ \"%2\"").arg(source::toText(sample), out.second)
                                 : tr("Example: \"%1\" ▸ ✕ %2").arg(source::toText(sample), out.second));
}

QToolButton *MapperView::addTransformButton()
{
    auto *add = new QToolButton(m_chips);
    add->setText(tr("+ transform"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(add);
    for (const StepChoice &choice : kSteps)
        menu->addAction(QCoreApplication::translate("sluice::ui::MapperView", choice.label), this, [this, choice] {
            QString step = QString::fromLatin1(choice.step);
            if (choice.argument) {
                bool ok = false;
                const QString argument = QInputDialog::getText(this, tr("Add a transform"),
                                                               QCoreApplication::translate("sluice::ui::MapperView", choice.argument),
                                                               QLineEdit::Normal, QString(), &ok);
                if (!ok || argument.trimmed().isEmpty())
                    return;
                step += QLatin1Char(':') + argument.trimmed();
            }
            addStep(step);
        });
    add->setMenu(menu);
    return add;
}

void MapperView::addStep(const QString &step)
{
    const int at = m_mapping->mappingFor(m_chainField);
    if (at < 0)
        return;
    m_mapping->setTransforms(m_chainField, m_mapping->mappings().at(at).transforms + QStringList{step});
}

} // namespace sluice::ui
