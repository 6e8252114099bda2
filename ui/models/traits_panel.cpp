#include "models/traits_panel.h"

#include "models/semantic_jobs.h"
#include "shell/workspace_document.h"

#include "shell/icons.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sluice::ui {

QString histogramBars(const QList<qint64> &counts)
{
    static const QChar bars[] = {QChar(0x2581), QChar(0x2582), QChar(0x2583), QChar(0x2584), QChar(0x2585), QChar(0x2586), QChar(0x2587)};
    const qint64 top = counts.isEmpty() ? 0 : *std::max_element(counts.begin(), counts.end());
    QString out;
    for (qint64 c : counts)
        out.append(top > 0 ? bars[int((c * 6 + top - 1) / top)] : bars[0]);
    return out;
}

TraitsPanel::TraitsPanel(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent),
      m_document(document),
      m_table(new QTableWidget(0, 6, this)),
      m_status(new QLabel(this)),
      m_add(new QPushButton(tr("+ Trait"), this)),
      m_remove(new QPushButton(tr("Remove"), this))
{
    m_add->setIcon(sluiceIcon(QStringLiteral("sluice-trait")));
    m_remove->setIcon(sluiceIcon(QStringLiteral("sluice-remove")));
    m_table->setObjectName(QStringLiteral("traitsTable"));
    m_table->setHorizontalHeaderLabels({tr("Trait"), tr("Type"), tr("Definition"), tr("Distribution"), tr("Description"), tr("Owner")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setColumnWidth(0, 150);
    m_table->setColumnWidth(1, 80);
    m_table->setColumnWidth(2, 220);
    m_table->setColumnWidth(3, 300);
    m_table->setColumnWidth(4, 280);
    m_status->setObjectName(QStringLiteral("traitsStatus"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    connect(m_add, &QPushButton::clicked, this, [this] { editTrait(-1); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) { editTrait(row); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        QJsonObject model = m_document->workspace().json().value(QStringLiteral("models")).toObject().value(m_model).toObject();
        QJsonObject traits = model.value(QStringLiteral("traits")).toObject();
        traits.remove(m_table->item(row, 0)->text());
        if (traits.isEmpty())
            model.remove(QStringLiteral("traits"));
        else
            model.insert(QStringLiteral("traits"), traits);
        if (Result<void> r = m_document->setModel(m_model, model); !r)
            QMessageBox::warning(this, tr("Cannot remove the trait"), r.error().message);
        else
            setModel(m_model);
    });
}

void TraitsPanel::setModel(const QString &name)
{
    m_model = name;
    fill();
    refresh();
}

void TraitsPanel::fill()
{
    const workspace::ModelConfig model = m_document->workspace().config().models.value(m_model);
    m_table->setRowCount(int(model.traits.size()));
    for (int i = 0; i < model.traits.size(); ++i) {
        const workspace::TraitConfig &t = model.traits[i];
        const QStringList cells{t.name, t.type, t.sql.simplified(), tr("⟳ computing…"), t.description, t.owner};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            item->setToolTip(cells[c]);
            m_table->setItem(i, c, item);
        }
    }
    m_remove->setEnabled(!model.traits.isEmpty());
    m_add->setEnabled(!model.isAudience());
    m_status->setText(model.traits.isEmpty() ? tr("No traits yet. A trait is a named SQL expression over this model's columns, "
                                                  "computed by the warehouse: + Trait adds one.")
                                             : QString());
}

void TraitsPanel::refresh()
{
    const workspace::ModelConfig model = m_document->workspace().config().models.value(m_model);
    if (model.traits.isEmpty() || model.isAudience())
        return;
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Computing distributions in the warehouse…"));
    auto *watcher = new QFutureWatcher<TraitsResult>(this);
    connect(watcher, &QFutureWatcher<TraitsResult>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const TraitsResult r = watcher->result();
        if (!r.error.isEmpty()) {
            m_status->setText(tr("✕ %1").arg(r.error));
            emit distributionsReady();
            return;
        }
        int refused = 0;
        for (int i = 0; i < r.traits.size() && i < m_table->rowCount(); ++i) {
            const model::Distribution &d = r.traits[i];
            QString text = d.summary();
            if (d.error.isEmpty() && d.kind == model::Distribution::Kind::Numeric)
                text = histogramBars(d.histogram) + QLatin1Char(' ') + text;
            if (m_table->item(i, 1)->text().isEmpty() && d.error.isEmpty()) {
                static const char *const kinds[] = {"boolean", "number", "timestamp", "text"};
                m_table->item(i, 1)->setText(d.type == source::ColumnType::Unknown ? QLatin1String(kinds[int(d.kind)]) : source::columnTypeName(d.type));
            }
            m_table->item(i, 3)->setText(text);
            m_table->item(i, 3)->setToolTip(text);
            m_table->item(i, 3)->setForeground(d.error.isEmpty() ? palette().color(QPalette::Text) : QColor(0xdc, 0x26, 0x26));
            refused += d.error.isEmpty() ? 0 : 1;
        }
        m_status->setText(refused ? tr("✕ the warehouse refused %n trait(s): see Distribution", nullptr, refused)
                                  : tr("%n trait(s), distributions over the whole model", nullptr, int(r.traits.size())));
        emit distributionsReady();
    });
    watcher->setFuture(computeTraits(m_document->workspace(), model));
}

QString TraitsPanel::saveTrait(const workspace::TraitConfig &trait, const QString &replacing)
{
    QJsonObject model = m_document->workspace().json().value(QStringLiteral("models")).toObject().value(m_model).toObject();
    QJsonObject traits = model.value(QStringLiteral("traits")).toObject();
    if (!replacing.isEmpty())
        traits.remove(replacing);
    QJsonObject t{{QStringLiteral("sql"), trait.sql}};
    if (!trait.type.isEmpty())
        t.insert(QStringLiteral("type"), trait.type);
    if (!trait.description.isEmpty())
        t.insert(QStringLiteral("description"), trait.description);
    if (!trait.owner.isEmpty())
        t.insert(QStringLiteral("owner"), trait.owner);
    traits.insert(trait.name, t);
    model.insert(QStringLiteral("traits"), traits);
    if (Result<void> r = m_document->setModel(m_model, model); !r)
        return r.error().message;
    setModel(m_model);
    return {};
}

void TraitsPanel::editTrait(int row)
{
    const workspace::ModelConfig model = m_document->workspace().config().models.value(m_model);
    workspace::TraitConfig trait;
    if (row >= 0 && row < model.traits.size())
        trait = model.traits[row];
    QDialog dialog(this);
    dialog.setWindowTitle(row < 0 ? tr("New trait of %1").arg(m_model) : tr("Trait %1").arg(trait.name));
    auto *name = new QLineEdit(trait.name, &dialog);
    auto *sql = new QPlainTextEdit(trait.sql, &dialog);
    sql->setPlaceholderText(tr("an SQL expression over the model's columns, as in ltv > 1000"));
    auto *type = new QComboBox(&dialog);
    type->addItem(tr("as the warehouse says"), QString());
    for (const char *t : {"boolean", "integer", "number", "text", "timestamp", "date"})
        type->addItem(QLatin1String(t), QLatin1String(t));
    type->setCurrentIndex(qMax(0, type->findData(trait.type)));
    auto *description = new QLineEdit(trait.description, &dialog);
    description->setPlaceholderText(tr("what it means, for everyone who uses it"));
    auto *owner = new QLineEdit(trait.owner, &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Definition:"), sql);
    form->addRow(tr("Type:"), type);
    form->addRow(tr("Description:"), description);
    form->addRow(tr("Owner:"), owner);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const workspace::TraitConfig edited{name->text().trimmed(), sql->toPlainText().trimmed(), type->currentData().toString(),
                                            description->text().trimmed(), owner->text().trimmed()};
        if (edited.name.isEmpty() || edited.sql.isEmpty()) {
            QMessageBox::warning(&dialog, dialog.windowTitle(), tr("A trait needs a name and a definition."));
            return;
        }
        if (const QString error = saveTrait(edited, trait.name); !error.isEmpty())
            QMessageBox::warning(&dialog, dialog.windowTitle(), error);
        else
            dialog.accept();
    });
    dialog.exec();
}

} // namespace sluice::ui
