#include "models/audience_builder.h"

#include "models/semantic_jobs.h"
#include "shell/workspace_document.h"

#include <QComboBox>
#include <QCompleter>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace sluice::ui {

namespace {

bool numeric(source::ColumnType t)
{
    return t == source::ColumnType::Integer || t == source::ColumnType::Decimal || t == source::ColumnType::Float;
}

QString valueText(const QJsonValue &v)
{
    if (v.isArray()) {
        QStringList parts;
        for (const QJsonValue &e : v.toArray())
            parts.append(valueText(e));
        return parts.join(QStringLiteral(", "));
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    return v.toString();
}

// What the operator typed, as the JSON value the column's type calls for.
QJsonValue parseValue(const QString &text, source::ColumnType type)
{
    const QString t = text.trimmed();
    if (t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return true;
    if (t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return false;
    bool ok = false;
    const double d = t.toDouble(&ok);
    if (ok && (numeric(type) || type == source::ColumnType::Boolean))
        return d;
    return text;
}

const QColor ruleColours[] = {QColor(0x3b, 0x82, 0xf6), QColor(0xa8, 0x55, 0xf7), QColor(0x14, 0xb8, 0xa6), QColor(0xf5, 0x9e, 0x0b)};

} // namespace

ConditionRow::ConditionRow(const QList<source::Column> &columns, const workspace::AudienceNode &node, QWidget *parent)
    : QWidget(parent), m_columns(columns), m_column(new QComboBox(this)), m_op(new QComboBox(this)), m_value(new QLineEdit(this))
{
    setObjectName(QStringLiteral("conditionRow"));
    auto *remove = new QToolButton(this);
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(tr("Remove this condition"));
    for (const source::Column &c : columns)
        m_column->addItem(c.name);
    if (!node.column.isEmpty() && m_column->findText(node.column) < 0)
        m_column->addItem(node.column); // a column the model lost: kept, and the count says why
    m_column->setCurrentText(node.column.isEmpty() ? m_column->itemText(0) : node.column);
    m_column->setAccessibleName(tr("Column or trait"));
    m_op->setAccessibleName(tr("Operator"));
    m_value->setAccessibleName(tr("Value"));
    offerOperators();
    if (!node.op.isEmpty())
        m_op->setCurrentIndex(qMax(0, m_op->findData(node.op)));
    m_value->setText(valueText(node.value));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_column, 2);
    layout->addWidget(m_op, 1);
    layout->addWidget(m_value, 2);
    layout->addWidget(remove);
    auto update = [this] {
        const QString op = m_op->currentData().toString();
        const bool takesValue = op != QLatin1String("is_null") && op != QLatin1String("is_not_null");
        m_value->setEnabled(takesValue);
        m_value->setPlaceholderText(op == QLatin1String("in") ? tr("values separated by commas")
                                    : op == QLatin1String("between") ? tr("low, high")
                                    : op == QLatin1String("in_last_days") ? tr("days") : tr("value"));
        const bool incomplete = takesValue && !this->node().has_value();
        m_value->setStyleSheet(incomplete ? QStringLiteral("border: 1px solid #d97706;") : QString());
        emit changed();
    };
    connect(m_column, &QComboBox::currentTextChanged, this, [this, update] {
        offerOperators();
        update();
        if (wantsValues())
            emit valuesWanted(m_column->currentText());
    });
    connect(m_op, &QComboBox::currentIndexChanged, this, update);
    connect(m_value, &QLineEdit::textChanged, this, update);
    connect(remove, &QToolButton::clicked, this, &ConditionRow::removeRequested);
    update();
}

QString ConditionRow::column() const
{
    return m_column->currentText();
}

bool ConditionRow::wantsValues() const
{
    const source::ColumnType type = typeOf(m_column->currentText());
    return type == source::ColumnType::Text || type == source::ColumnType::Unknown;
}

void ConditionRow::offerValues(const QStringList &values)
{
    auto *completer = new QCompleter(values, m_value);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    m_value->setCompleter(completer);
    m_value->setToolTip(values.isEmpty() ? QString() : tr("Frequent values: %1").arg(values.mid(0, 12).join(QStringLiteral(", "))));
}

source::ColumnType ConditionRow::typeOf(const QString &column) const
{
    for (const source::Column &c : m_columns)
        if (c.name == column)
            return c.type;
    return source::ColumnType::Unknown;
}

void ConditionRow::offerOperators()
{
    const QString current = m_op->currentData().toString();
    const source::ColumnType type = typeOf(m_column->currentText());
    QStringList ops;
    if (numeric(type))
        ops = {QStringLiteral("="), QStringLiteral("!="), QStringLiteral(">"), QStringLiteral(">="), QStringLiteral("<"),
               QStringLiteral("<="), QStringLiteral("between"), QStringLiteral("in")};
    else if (type == source::ColumnType::Boolean)
        ops = {QStringLiteral("="), QStringLiteral("!=")};
    else if (type == source::ColumnType::Timestamp || type == source::ColumnType::Date)
        ops = {QStringLiteral("in_last_days"), QStringLiteral("between"), QStringLiteral(">"), QStringLiteral("<")};
    else
        ops = {QStringLiteral("="), QStringLiteral("!="), QStringLiteral("in"), QStringLiteral("contains"), QStringLiteral("in_last_days")};
    ops << QStringLiteral("is_null") << QStringLiteral("is_not_null");
    const QSignalBlocker block(m_op);
    m_op->clear();
    for (const QString &op : ops) {
        const QString label = model::operatorLabel(op);
        m_op->addItem(label == op && op.size() <= 2 ? op : label, op);
    }
    m_op->setCurrentIndex(qMax(0, m_op->findData(current)));
}

std::optional<workspace::AudienceNode> ConditionRow::node() const
{
    workspace::AudienceNode n;
    n.column = m_column->currentText();
    n.op = m_op->currentData().toString();
    if (n.column.isEmpty() || n.op.isEmpty())
        return std::nullopt;
    if (n.op == QLatin1String("is_null") || n.op == QLatin1String("is_not_null"))
        return n;
    const QString text = m_value->text();
    const source::ColumnType type = typeOf(n.column);
    if (n.op == QLatin1String("in") || n.op == QLatin1String("between")) {
        QJsonArray values;
        for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
            values.append(parseValue(part.trimmed(), type));
        if (values.isEmpty() || (n.op == QLatin1String("between") && values.size() != 2))
            return std::nullopt;
        n.value = values;
        return n;
    }
    if (n.op == QLatin1String("in_last_days")) {
        bool ok = false;
        const int days = text.trimmed().toInt(&ok);
        if (!ok || days < 1 || days > 36500)
            return std::nullopt;
        n.value = days;
        return n;
    }
    if (text.isEmpty() && n.op != QLatin1String("=") && n.op != QLatin1String("!="))
        return std::nullopt;
    n.value = parseValue(text, type);
    return n;
}

ConditionGroup::ConditionGroup(const QList<source::Column> &columns, const workspace::AudienceNode &node, int depth, QWidget *parent)
    : QFrame(parent), m_columns(columns), m_depth(depth), m_match(new QComboBox(this)), m_rows(new QVBoxLayout)
{
    setObjectName(QStringLiteral("conditionGroup"));
    const QColor rule = ruleColours[depth % 4];
    setStyleSheet(QStringLiteral("#conditionGroup { border-left: 3px solid %1; padding-left: 6px; }").arg(rule.name()));
    m_match->addItem(tr("all"), true);
    m_match->addItem(tr("any"), false);
    m_match->setCurrentIndex(node.all ? 0 : 1);
    m_match->setAccessibleName(tr("Rows must match all or any of the conditions"));
    auto *head = new QHBoxLayout;
    head->addWidget(new QLabel(depth == 0 ? tr("Rows that match") : tr("Match"), this));
    head->addWidget(m_match);
    head->addWidget(new QLabel(tr("of"), this));
    head->addStretch(1);
    if (depth > 0) {
        auto *remove = new QToolButton(this);
        remove->setText(QStringLiteral("✕"));
        remove->setToolTip(tr("Remove this group"));
        connect(remove, &QToolButton::clicked, this, &ConditionGroup::removeRequested);
        head->addWidget(remove);
    }
    auto *add = new QPushButton(tr("+ condition"), this);
    auto *group = new QPushButton(tr("+ group"), this);
    group->setEnabled(depth < 3);
    auto *foot = new QHBoxLayout;
    foot->addWidget(add);
    foot->addWidget(group);
    foot->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 0, 2);
    layout->addLayout(head);
    layout->addLayout(m_rows);
    layout->addLayout(foot);
    for (const workspace::AudienceNode &child : node.children)
        child.group ? addGroup(child) : addCondition(child);
    connect(m_match, &QComboBox::currentIndexChanged, this, &ConditionGroup::changed);
    connect(add, &QPushButton::clicked, this, [this] { addCondition(); });
    connect(group, &QPushButton::clicked, this, [this] {
        workspace::AudienceNode g;
        g.group = true;
        g.all = false;
        addGroup(g);
    });
}

void ConditionGroup::adopt(QWidget *child)
{
    m_rows->addWidget(child);
    emit changed();
}

void ConditionGroup::addCondition(const workspace::AudienceNode &node)
{
    auto *row = new ConditionRow(m_columns, node, this);
    connect(row, &ConditionRow::changed, this, &ConditionGroup::changed);
    connect(row, &ConditionRow::valuesWanted, this, [this, row](const QString &column) { emit valuesWanted(row, column); });
    if (row->wantsValues())
        QMetaObject::invokeMethod(
            this, [this, row = QPointer<ConditionRow>(row)] {
                if (row)
                    emit valuesWanted(row, row->column());
            },
            Qt::QueuedConnection);
    connect(row, &ConditionRow::removeRequested, this, [this, row] {
        row->deleteLater();
        m_rows->removeWidget(row);
        emit changed();
    });
    adopt(row);
}

void ConditionGroup::addGroup(const workspace::AudienceNode &node)
{
    workspace::AudienceNode n = node;
    n.group = true;
    auto *group = new ConditionGroup(m_columns, n, m_depth + 1, this);
    connect(group, &ConditionGroup::changed, this, &ConditionGroup::changed);
    connect(group, &ConditionGroup::valuesWanted, this, &ConditionGroup::valuesWanted);
    connect(group, &ConditionGroup::removeRequested, this, [this, group] {
        group->deleteLater();
        m_rows->removeWidget(group);
        emit changed();
    });
    adopt(group);
}

workspace::AudienceNode ConditionGroup::node(int *incomplete) const
{
    workspace::AudienceNode n;
    n.group = true;
    n.all = m_match->currentData().toBool();
    for (int i = 0; i < m_rows->count(); ++i) {
        QWidget *w = m_rows->itemAt(i)->widget();
        if (auto *row = qobject_cast<ConditionRow *>(w)) {
            if (const std::optional<workspace::AudienceNode> c = row->node())
                n.children.append(*c);
            else if (incomplete)
                ++*incomplete;
        } else if (auto *group = qobject_cast<ConditionGroup *>(w)) {
            n.children.append(group->node(incomplete));
        }
    }
    return n;
}

OverlapBar::OverlapBar(QWidget *parent) : QWidget(parent)
{
    setMinimumHeight(14);
}

void OverlapBar::setCounts(qint64 onlyA, qint64 both, qint64 onlyB)
{
    m_counts[0] = onlyA;
    m_counts[1] = both;
    m_counts[2] = onlyB;
    update();
}

QSize OverlapBar::sizeHint() const
{
    return {320, 14};
}

void OverlapBar::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const qint64 total = m_counts[0] + m_counts[1] + m_counts[2];
    const QColor colours[] = {QColor(0x3b, 0x82, 0xf6), QColor(0x7c, 0x3a, 0xed), QColor(0x94, 0xa3, 0xb8)};
    p.fillRect(rect(), palette().color(QPalette::AlternateBase));
    if (total <= 0)
        return;
    double x = 0;
    for (int i = 0; i < 3; ++i) {
        const double w = double(width()) * double(m_counts[i]) / double(total);
        p.fillRect(QRectF(x, 0, w, height()), colours[i]);
        x += w;
    }
}

AudienceBuilder::AudienceBuilder(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent),
      m_document(document),
      m_rootHolder(new QWidget(this)),
      m_title(new QLabel(this)),
      m_size(new QLabel(this)),
      m_compare(new QComboBox(this)),
      m_overlap(new OverlapBar(this)),
      m_overlapText(new QLabel(this)),
      m_showSql(new QToolButton(this)),
      m_sql(new QPlainTextEdit(this)),
      m_cancel(new QPushButton(tr("Cancel count"), this)),
      m_revert(new QPushButton(tr("Revert"), this)),
      m_save(new QPushButton(tr("Save"), this)),
      m_debounce(new QTimer(this))
{
    m_title->setObjectName(QStringLiteral("audienceTitle"));
    m_size->setObjectName(QStringLiteral("audienceSize"));
    m_overlapText->setObjectName(QStringLiteral("overlapText"));
    m_sql->setObjectName(QStringLiteral("audienceSql"));
    m_sql->setReadOnly(true);
    m_sql->setVisible(false);
    m_sql->setMaximumHeight(140);
    m_showSql->setText(tr("▸ Show SQL"));
    m_showSql->setCheckable(true);
    m_cancel->setEnabled(false);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(400);
    auto *rootLayout = new QVBoxLayout(m_rootHolder);
    rootLayout->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_size);
    head->addWidget(m_cancel);
    auto *compare = new QHBoxLayout;
    compare->addWidget(new QLabel(tr("Compare with"), this));
    compare->addWidget(m_compare);
    compare->addWidget(m_overlap, 1);
    auto *foot = new QHBoxLayout;
    foot->addWidget(m_showSql);
    foot->addStretch(1);
    foot->addWidget(m_revert);
    foot->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_rootHolder);
    layout->addLayout(compare);
    layout->addWidget(m_overlapText);
    layout->addLayout(foot);
    layout->addWidget(m_sql);
    layout->addStretch(1);
    connect(m_debounce, &QTimer::timeout, this, &AudienceBuilder::recount);
    connect(m_compare, &QComboBox::currentIndexChanged, this, [this] { m_debounce->start(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_running)
            m_running->cancel();
    });
    connect(m_showSql, &QToolButton::toggled, this, [this](bool on) {
        m_showSql->setText(on ? tr("▾ Hide SQL") : tr("▸ Show SQL"));
        m_sql->setVisible(on);
        showSql();
    });
    connect(m_revert, &QPushButton::clicked, this, [this] { setAudience(m_name); });
    connect(m_save, &QPushButton::clicked, this, &AudienceBuilder::save);
}

AudienceBuilder::~AudienceBuilder()
{
    if (m_running)
        m_running->cancel();
}

void AudienceBuilder::setAudience(const QString &name)
{
    const workspace::Config &config = m_document->workspace().config();
    const workspace::ModelConfig audience = config.models.value(name);
    if (!audience.isAudience())
        return;
    m_name = name;
    m_model = audience.audience->model;
    m_title->setText(tr("Audience %1 of %2").arg(name, m_model));
    m_values.clear();
    const QString keep = m_compare->currentData().toString();
    const QSignalBlocker block(m_compare);
    m_compare->clear();
    m_compare->addItem(tr("nothing"), QString());
    m_compare->addItem(tr("all of %1").arg(m_model), m_model);
    for (const workspace::ModelConfig &m : config.models)
        if (m.isAudience() && m.audience->model == m_model && m.name != name)
            m_compare->addItem(m.name, m.name);
    m_compare->setCurrentIndex(qMax(0, m_compare->findData(keep)));
    m_size->setText(tr("reading the columns…"));
    const workspace::AudienceNode root = audience.audience->root;
    auto *watcher = new QFutureWatcher<ColumnsResult>(this);
    connect(watcher, &QFutureWatcher<ColumnsResult>::finished, this, [this, watcher, root, name] {
        watcher->deleteLater();
        if (name != m_name)
            return;
        const ColumnsResult r = watcher->result();
        m_columns = r.columns;
        if (!r.error.isEmpty())
            m_size->setText(tr("✕ %1").arg(r.error));
        rebuild(root);
    });
    watcher->setFuture(describeModel(m_document->workspace(), config.models.value(m_model)));
}

void AudienceBuilder::rebuild(const workspace::AudienceNode &root)
{
    delete m_root;
    m_root = new ConditionGroup(m_columns, root, 0, m_rootHolder);
    m_rootHolder->layout()->addWidget(m_root);
    connect(m_root, &ConditionGroup::valuesWanted, this, [this](ConditionRow *row, const QString &column) {
        if (m_values.contains(column)) {
            row->offerValues(m_values.value(column));
            return;
        }
        QPointer<ConditionRow> target(row);
        auto *watcher = new QFutureWatcher<QStringList>(this);
        connect(watcher, &QFutureWatcher<QStringList>::finished, this, [this, watcher, target, column] {
            watcher->deleteLater();
            m_values.insert(column, watcher->result());
            if (target && target->column() == column)
                target->offerValues(watcher->result());
        });
        watcher->setFuture(frequentValues(m_document->workspace(), m_document->workspace().config().models.value(m_model), column));
    });
    connect(m_root, &ConditionGroup::changed, this, [this] {
        m_size->setEnabled(false); // the old number stays, greyed, until the new one lands
        m_debounce->start();
        showSql();
    });
    showSql();
    recount();
}

workspace::AudienceNode AudienceBuilder::conditions() const
{
    return m_root ? m_root->node() : workspace::AudienceNode{true, true, {}, {}, {}, {}};
}

QString AudienceBuilder::sizeText() const
{
    return m_size->text();
}

void AudienceBuilder::showSql()
{
    if (!m_sql->isVisible() || !m_root)
        return;
    Result<model::AudienceBase> base = model::audienceBase(m_document->workspace().config(), m_name);
    if (!base)
        return;
    const model::BoundSql bound = model::compileConditions(conditions(), base->dialect, model::Binding::Parameters);
    QStringList params;
    for (qsizetype i = 0; i < bound.params.size(); ++i)
        params.append(QStringLiteral("%1 = %2").arg(base->dialect == model::SqlDialect::Postgres ? QStringLiteral("$%1").arg(i + 1) : QStringLiteral("?%1").arg(i + 1),
                                                      bound.params[i].toString()));
    m_sql->setPlainText(tr("WHERE %1\n\nParameters (bound, never part of the SQL):\n%2").arg(bound.sql, params.join(QLatin1Char('\n'))));
}

void AudienceBuilder::recount()
{
    if (!m_root)
        return;
    Result<model::AudienceBase> base = model::audienceBase(m_document->workspace().config(), m_name);
    if (!base) {
        m_size->setText(tr("✕ %1").arg(base.error().message));
        return;
    }
    int incomplete = 0;
    base->conditions = m_root->node(&incomplete);
    std::optional<model::AudienceBase> other;
    if (const QString compare = m_compare->currentData().toString(); !compare.isEmpty())
        if (Result<model::AudienceBase> b = model::audienceBase(m_document->workspace().config(), compare); b)
            other = b.value();
    if (m_running)
        m_running->cancel();
    m_running = std::make_shared<WarehouseCancel>();
    const quint64 generation = ++m_generation;
    m_cancel->setEnabled(true);
    m_size->setEnabled(false);
    if (m_size->text().isEmpty())
        m_size->setText(tr("⟳ counting…"));
    auto *watcher = new QFutureWatcher<CountResult>(this);
    connect(watcher, &QFutureWatcher<CountResult>::finished, this, [this, watcher, generation, incomplete, compare = m_compare->currentText()] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // superseded by a later edit
        m_cancel->setEnabled(false);
        m_size->setEnabled(true);
        const CountResult r = watcher->result();
        const QLocale locale;
        if (r.cancelled) {
            m_size->setText(tr("count cancelled"));
        } else if (!r.size) {
            m_size->setText(tr("✕ %1").arg(r.error));
        } else {
            QString text = tr("%1 of %2 rows").arg(locale.toString(r.size->rows), locale.toString(r.size->modelRows));
            if (incomplete > 0)
                text += tr(" · %n incomplete condition(s) not counted", nullptr, incomplete);
            m_size->setText(text);
        }
        if (r.overlap) {
            m_overlap->setCounts(r.overlap->onlyA, r.overlap->both, r.overlap->onlyB);
            m_overlapText->setText(tr("only this %1 · both %2 · only %3 %4")
                                       .arg(locale.toString(r.overlap->onlyA), locale.toString(r.overlap->both), compare, locale.toString(r.overlap->onlyB)));
        } else {
            m_overlap->setCounts(0, 0, 0);
            m_overlapText->clear();
        }
        emit sizeSettled();
    });
    watcher->setFuture(countAudience(m_document->workspace(), base.value(), other, m_running));
}

void AudienceBuilder::save()
{
    int incomplete = 0;
    const workspace::AudienceNode root = m_root ? m_root->node(&incomplete) : workspace::AudienceNode{};
    if (incomplete > 0) {
        QMessageBox::warning(this, tr("Cannot save audience %1").arg(m_name),
                             tr("Fill in or remove the highlighted condition(s) first: %n incomplete.", nullptr, incomplete));
        return;
    }
    QJsonObject model = m_document->workspace().json().value(QStringLiteral("models")).toObject().value(m_name).toObject();
    workspace::AudienceConfig audience{m_model, root};
    model.insert(QStringLiteral("audience"), model::audienceToJson(audience));
    if (Result<void> r = m_document->setModel(m_name, model); !r) {
        QMessageBox::warning(this, tr("Cannot save audience %1").arg(m_name), r.error().message);
        return;
    }
    emit saved();
}

} // namespace sluice::ui
