#pragma once

#include <QHash>
#include <QVariant>
#include <QWidget>

class QLabel;
class QHBoxLayout;
class QToolButton;
class QTreeView;
class QLineEdit;
class QCheckBox;

// The visual field mapper: model columns on the left, destination fields on
// the right, wires between them (solid: mapped; dashed: suggested), and
// below, the selected field's transform chain as chips with a live example.
// Drag a column onto a field, or select one on each side and press Ctrl+L;
// Delete unmaps; Ctrl+Z / Ctrl+Shift+Z undo and redo; Ctrl+Shift+A accepts
// every suggestion. Everything it shows comes from a MappingModel.
namespace sluice::ui {

class ColumnListModel;
class FieldListModel;
class MappingModel;
class WireGutter;

class MapperView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MapperView)

public:
    explicit MapperView(MappingModel *mapping, QWidget *parent = nullptr);

    // A model row's values by column, for the chips' example.
    void setSample(const QHash<QString, QVariant> &sample);
    QTreeView *columnsView() const { return m_columns; }
    QTreeView *fieldsView() const { return m_fields; }
    QLineEdit *filterBox() const { return m_filter; }
    QCheckBox *mappedOnlyBox() const { return m_mappedOnly; }
    QString selectedField() const;
    QString selectedColumn() const;
    void connectSelected();
    void unmapSelected();

private:
    std::pair<QToolButton *, QToolButton *> buildUndoButtons();
    QHBoxLayout *buildToolbar(); // suggestions, accept all, connect, unmap, undo, redo
    void refresh();
    void showChain();
    // Rows hidden by the filter text and "Mapped only"; wires of hidden rows are not drawn.
    void applyFilter();
    void buildFilter();
    void addStep(const QString &step);
    QToolButton *addTransformButton();

    MappingModel *m_mapping;
    ColumnListModel *m_columnModel;
    FieldListModel *m_fieldModel;
    QTreeView *m_columns;
    QTreeView *m_fields;
    WireGutter *m_gutter;
    QToolButton *m_suggest;
    QToolButton *m_acceptAll;
    QToolButton *m_newField = nullptr;
    QLabel *m_chainTitle;
    QWidget *m_chips;
    QHBoxLayout *m_chipLayout;
    QLabel *m_example;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_mappedOnly = nullptr;
    QHash<QString, QVariant> m_sample;
    QString m_chainField;
    QString m_keptField, m_keptColumn; // the selection across a list's reset
};

} // namespace sluice::ui
