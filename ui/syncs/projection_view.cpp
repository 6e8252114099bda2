#include "syncs/projection_view.h"

#include "shell/icons.h"

#include <QColor>
#include <QComboBox>
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace sluice::ui {

namespace {

enum { KeyColumn, OutcomeColumn, WhyColumn, FixedColumns };

QString outcomeText(engine::ProjectedRow::Outcome o)
{
    switch (o) {
    case engine::ProjectedRow::Outcome::Send: return QCoreApplication::translate("sluice::ui::ProjectionModel", "✓ send");
    case engine::ProjectedRow::Outcome::Excluded: return QCoreApplication::translate("sluice::ui::ProjectionModel", "⊘ excluded");
    case engine::ProjectedRow::Outcome::Invalid: return QCoreApplication::translate("sluice::ui::ProjectionModel", "! invalid");
    }
    return {};
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isUndefined())
        return {};
    if (v.isNull())
        return QCoreApplication::translate("sluice::ui::ProjectionModel", "(null)");
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

} // namespace

ProjectionModel::ProjectionModel(QObject *parent) : QAbstractTableModel(parent) {}

void ProjectionModel::setProjection(const engine::Projection &projection)
{
    beginResetModel();
    m_projection = projection;
    m_sent.clear();
    for (const engine::ProjectedRow &r : m_projection.rows)
        m_sent.append(QJsonDocument::fromJson(r.sent).object());
    endResetModel();
}

int ProjectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_projection.rows.size());
}

int ProjectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumns + int(m_projection.fields.size());
}

QVariant ProjectionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::ProjectedRow &r = m_projection.rows.at(index.row());
    if (role == OutcomeRole)
        return int(r.outcome);
    if (role == Qt::ForegroundRole && index.column() == OutcomeColumn && r.outcome != engine::ProjectedRow::Outcome::Send)
        return QColor(r.outcome == engine::ProjectedRow::Outcome::Invalid ? QColor(0xb0, 0x3a, 0x2e) : QColor(0x8a, 0x6d, 0x1f));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case KeyColumn: return r.key;
    case OutcomeColumn: return outcomeText(r.outcome);
    case WhyColumn: return r.reason;
    default: return jsonText(m_sent.at(index.row()).value(m_projection.fields.at(index.column() - FixedColumns)));
    }
}

QVariant ProjectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return tr("Key");
    case OutcomeColumn: return tr("Outcome");
    case WhyColumn: return tr("Why");
    default: return section - FixedColumns < m_projection.fields.size() ? m_projection.fields.at(section - FixedColumns) : QVariant();
    }
}

ProjectionView::ProjectionView(QWidget *parent)
    : QWidget(parent),
      m_model(new ProjectionModel(this)),
      m_summary(new QLabel(this)),
      m_limit(new QComboBox(this)),
      m_rebuild(new QPushButton(tr("Rebuild"), this)),
      m_table(new QTableView(this)),
      m_detail(new QTableWidget(0, 2, this)),
      m_why(new QLabel(this))
{
    m_rebuild->setIcon(sluiceIcon(QStringLiteral("sluice-retry")));
    for (const int n : {50, 200, 1000})
        m_limit->addItem(tr("first %n row(s)", nullptr, n), n);
    m_limit->setCurrentIndex(1);
    m_summary->setObjectName(QStringLiteral("projectionSummary"));
    m_summary->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_detail->setColumnCount(3);
    m_detail->setHorizontalHeaderLabels({tr("Source column"), tr("Value"), tr("Sent as")});
    m_detail->horizontalHeader()->setStretchLastSection(true);
    m_detail->verticalHeader()->hide();
    m_detail->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_detail->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_why->setWordWrap(true);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_why->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long record never widens the dialog

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_limit);
    bar->addWidget(m_rebuild);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_why);
    rightLayout->addWidget(m_detail, 1);
    auto *split = new QSplitter(this);
    split->addWidget(m_table);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_rebuild, &QPushButton::clicked, this, [this] {
        if (m_workspace)
            build(*m_workspace, m_sync);
    });
    connect(m_limit, &QComboBox::currentIndexChanged, m_rebuild, &QPushButton::click);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ProjectionView::showRow);
    m_summary->setText(tr("The preview shows the first rows as the destination will receive them, once the sync is valid."));
}

void ProjectionView::build(const workspace::Workspace &workspace, const QString &sync)
{
    m_workspace = workspace;
    m_sync = sync;
    const quint64 generation = ++m_generation;
    const int limit = m_limit->currentData().toInt();
    m_summary->setText(tr("Building the preview of %1…").arg(sync));
    auto *watcher = new QFutureWatcher<Result<engine::Projection>>(this);
    connect(watcher, &QFutureWatcher<Result<engine::Projection>>::finished, this, [this, watcher, generation, sync] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Result<engine::Projection> r = watcher->result();
        if (!r) {
            m_model->setProjection({});
            m_summary->setText(tr("No preview: %1").arg(r.error().message));
            emit built();
            return;
        }
        m_model->setProjection(r.value());
        const engine::Projection &p = r.value();
        m_summary->setText(tr("%1 — %2, built %3      ✓ %4 will be sent   ⊘ %5 excluded (no consent)   ! %6 invalid")
                               .arg(sync)
                               .arg(p.more ? tr("the first %n row(s) of the model", nullptr, int(p.rows.size())) : tr("all %n row(s) of the model", nullptr, int(p.rows.size())))
                               .arg(QTime::currentTime().toString(QStringLiteral("HH:mm")))
                               .arg(p.send)
                               .arg(p.excluded)
                               .arg(p.invalid));
        // An audience: how many of the rows each identifier can match (the rest, with none, are held back).
        QStringList coverage;
        for (auto it = p.coverage.begin(); it != p.coverage.end(); ++it) {
            const double valid = it.value().toObject().value(QStringLiteral("valid")).toDouble();
            const double all = valid + it.value().toObject().value(QStringLiteral("missing")).toDouble();
            if (all > 0)
                coverage.append(tr("%1 %2 %").arg(it.key()).arg(QLocale().toString(100.0 * valid / all, 'f', 0)));
        }
        if (!coverage.isEmpty())
            m_summary->setText(m_summary->text() + QLatin1Char('\n') + tr("Matchable by: %1").arg(coverage.join(QStringLiteral("   "))));
        m_table->resizeColumnsToContents();
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
        emit built();
    });
    const workspace::Workspace copy = workspace;
    watcher->setFuture(QtConcurrent::run([copy, sync, limit] { return engine::projectSync(copy, sync, limit); }));
}

void ProjectionView::showRow(const QModelIndex &index)
{
    m_detail->setRowCount(0);
    if (!index.isValid())
        return;
    const engine::Projection &p = m_model->projection();
    const engine::ProjectedRow &r = p.rows.at(index.row());
    // Spaced between members (never inside a value) so that a long record wraps
    // instead of widening the dialog; still JSON when copied.
    QStringList members;
    for (const QByteArray &line : QJsonDocument::fromJson(r.sent).toJson(QJsonDocument::Indented).split('\n'))
        if (!line.trimmed().isEmpty())
            members.append(QString::fromUtf8(line.trimmed()));
    const QString sent = members.isEmpty() ? QString::fromUtf8(r.sent) : members.join(QLatin1Char(' '));
    m_why->setText(r.outcome == engine::ProjectedRow::Outcome::Send ? tr("Record %1 is sent as: %2").arg(r.key, sent)
                                                                     : tr("Record %1 is held back: %2").arg(r.key, r.reason));
    const QJsonObject sentRecord = QJsonDocument::fromJson(r.sent).object();
    for (qsizetype c = 0; c < p.columns.size() && c < r.source.size(); ++c) {
        const int row = m_detail->rowCount();
        m_detail->insertRow(row);
        m_detail->setItem(row, 0, new QTableWidgetItem(p.columns[c].name));
        const QVariant &v = r.source[c];
        m_detail->setItem(row, 1, new QTableWidgetItem(v.isNull() ? tr("(null)") : source::toText(v)));
        // Beside the source value, what each field it feeds receives.
        QStringList sent;
        for (qsizetype f = 0; f < p.fields.size(); ++f)
            if (p.fieldSources.value(f) == p.columns[c].name && r.outcome == engine::ProjectedRow::Outcome::Send)
                sent.append(QStringLiteral("%1 = %2").arg(p.fields[f], jsonText(sentRecord.value(p.fields[f]))));
        m_detail->setItem(row, 2, new QTableWidgetItem(sent.join(QStringLiteral(" · "))));
    }
    m_detail->resizeColumnToContents(0);
    m_detail->resizeColumnToContents(1);
}

} // namespace sluice::ui
