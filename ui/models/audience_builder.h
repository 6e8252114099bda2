#pragma once

#include "model/audience_stats.h"
#include "source/column.h"

#include <QFrame>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QToolButton;
class QVBoxLayout;

namespace sluice::ui {

class WarehouseCancel;
class WorkspaceDocument;

// One condition: column or trait, operator (offered by the column's type),
// value. Incomplete rows are marked and left out of the count.
class ConditionRow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConditionRow)

public:
    ConditionRow(const QList<source::Column> &columns, const workspace::AudienceNode &node, QWidget *parent = nullptr);
    // The condition, or nothing while it is incomplete.
    std::optional<workspace::AudienceNode> node() const;
    QString column() const;
    bool wantsValues() const;
    // The column's most frequent values, offered as the value is typed.
    void offerValues(const QStringList &values);

signals:
    void changed();
    void removeRequested();
    void valuesWanted(const QString &column);

private:
    void offerOperators();
    source::ColumnType typeOf(const QString &column) const;

    QList<source::Column> m_columns;
    QComboBox *m_column;
    QComboBox *m_op;
    QLineEdit *m_value;
};

// A group: all / any of its conditions and groups, with a coloured rule.
class ConditionGroup final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConditionGroup)

public:
    ConditionGroup(const QList<source::Column> &columns, const workspace::AudienceNode &node, int depth, QWidget *parent = nullptr);
    workspace::AudienceNode node(int *incomplete = nullptr) const;
    void addCondition(const workspace::AudienceNode &node = {});
    void addGroup(const workspace::AudienceNode &node = {});

signals:
    void changed();
    void removeRequested();
    void valuesWanted(ConditionRow *row, const QString &column);

private:
    void adopt(QWidget *child);

    QList<source::Column> m_columns;
    int m_depth;
    QComboBox *m_match;
    QVBoxLayout *m_rows;
};

// Three segments: only this audience, both, only the other.
class OverlapBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverlapBar)

public:
    explicit OverlapBar(QWidget *parent = nullptr);
    void setCounts(qint64 onlyA, qint64 both, qint64 onlyB);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    qint64 m_counts[3] = {0, 0, 0};
};

// Edits an audience's condition tree with its live size (recounted 400 ms
// after the last edit, cancellable, never on the UI thread), its overlap with
// another audience of the same model, and the compiled SQL with its bound
// parameters. Save writes sluice.json.
class AudienceBuilder final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudienceBuilder)

public:
    explicit AudienceBuilder(WorkspaceDocument *document, QWidget *parent = nullptr);
    ~AudienceBuilder() override;

    void setAudience(const QString &name);
    workspace::AudienceNode conditions() const;
    QString sizeText() const;
    void recount();
    void save();

signals:
    void sizeSettled();
    void saved();

private:
    void rebuild(const workspace::AudienceNode &root);
    void showSql();

    WorkspaceDocument *m_document;
    QString m_name;
    QString m_model;
    QList<source::Column> m_columns;
    ConditionGroup *m_root = nullptr;
    QWidget *m_rootHolder;
    QLabel *m_title;
    QLabel *m_size;
    QComboBox *m_compare;
    OverlapBar *m_overlap;
    QLabel *m_overlapText;
    QToolButton *m_showSql;
    QPlainTextEdit *m_sql;
    QPushButton *m_cancel;
    QPushButton *m_revert;
    QPushButton *m_save;
    QTimer *m_debounce;
    quint64 m_generation = 0;
    std::shared_ptr<WarehouseCancel> m_running;
    QHash<QString, QStringList> m_values; // column -> its frequent values, once read
};

} // namespace sluice::ui
