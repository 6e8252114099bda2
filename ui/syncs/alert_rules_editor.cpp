#include "syncs/alert_rules_editor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace sluice::ui {

namespace {

enum Choice { FollowWorkspace = 0, On = 1, Off = 2 };

} // namespace

AlertRulesEditor::AlertRulesEditor(QWidget *parent) : QWidget(parent)
{
    auto *intro = new QLabel(tr("When this sync's runs raise an alert. A rule that follows the workspace uses the workspace's "
                                "\"alerts\" rules, or Sluice's default; alerts go to the workspace's webhooks and the tray."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    addRow(form, "run_failed", tr("A run fails"), tr("On by default"), false, false);
    addRow(form, "rejection_rate_above", tr("Rejected share above"), tr("Of the records a run sent; 1 % by default"), true, false);
    addRow(form, "freshness_lag_above", tr("Freshness lag above"), tr("How old the newest row may be, as in 1h or 30m; 1h by default"), false, true);
    addRow(form, "match_rate_below", tr("Match rate below"), tr("The share of records the destination matched; 85 % by default"), true, false);
    addRow(form, "row_count_change_above", tr("Row count change above"), tr("Against the median of recent runs; 50 % by default"), true, false);
    addRow(form, "schema_drift", tr("The model's columns change"), tr("On by default"), false, false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch();
    updateEnabled();
}

void AlertRulesEditor::addRow(QFormLayout *form, const char *key, const QString &label, const QString &help, bool percent, bool duration)
{
    Row row{key};
    row.choice = new QComboBox(this);
    row.choice->setObjectName(QStringLiteral("alert_") + QLatin1String(key));
    row.choice->addItem(tr("Follow the workspace"));
    row.choice->addItem(percent || duration ? tr("Alert above this limit") : tr("Alert"));
    row.choice->addItem(tr("Off for this sync"));
    if (QLatin1String(key) == QLatin1String("match_rate_below"))
        row.choice->setItemText(On, tr("Alert below this limit"));
    row.choice->setToolTip(help);
    auto *line = new QHBoxLayout;
    line->addWidget(row.choice);
    if (percent) {
        row.share = new QDoubleSpinBox(this);
        row.share->setObjectName(QStringLiteral("limit_") + QLatin1String(key));
        row.share->setRange(0, 100);
        row.share->setDecimals(1);
        row.share->setSuffix(tr(" %"));
        row.share->setValue(QLatin1String(key) == QLatin1String("rejection_rate_above") ? 1 : QLatin1String(key) == QLatin1String("match_rate_below") ? 85 : 50);
        line->addWidget(row.share);
        connect(row.share, &QDoubleSpinBox::valueChanged, this, &AlertRulesEditor::changed);
    }
    if (duration) {
        row.duration = new QLineEdit(QStringLiteral("1h"), this);
        row.duration->setObjectName(QStringLiteral("limit_") + QLatin1String(key));
        row.duration->setPlaceholderText(tr("1h, 30m, 2d"));
        row.duration->setMaximumWidth(120);
        line->addWidget(row.duration);
        connect(row.duration, &QLineEdit::textChanged, this, &AlertRulesEditor::changed);
    }
    line->addStretch();
    auto *hint = new QLabel(help, this);
    hint->setForegroundRole(QPalette::PlaceholderText);
    line->addWidget(hint);
    form->addRow(label, line);
    connect(row.choice, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        emit changed();
    });
    m_rows.append(row);
}

void AlertRulesEditor::updateEnabled()
{
    for (const Row &row : std::as_const(m_rows)) {
        const bool on = row.choice->currentIndex() == On;
        if (row.share)
            row.share->setEnabled(on);
        if (row.duration)
            row.duration->setEnabled(on);
    }
}

void AlertRulesEditor::setRules(const QJsonObject &rules)
{
    m_unknown = rules;
    for (const Row &row : std::as_const(m_rows)) {
        const QString key = QLatin1String(row.key);
        const QJsonValue v = rules.value(key);
        m_unknown.remove(key);
        const QSignalBlocker block(row.choice);
        if (v.isUndefined() || v.isNull())
            row.choice->setCurrentIndex(FollowWorkspace);
        else if (v.isBool())
            row.choice->setCurrentIndex(v.toBool() ? On : Off);
        else
            row.choice->setCurrentIndex(On);
        if (row.share && v.isDouble()) {
            const QSignalBlocker blockShare(row.share);
            row.share->setValue(v.toDouble() * 100.0);
        }
        if (row.duration && v.isString()) {
            const QSignalBlocker blockDuration(row.duration);
            row.duration->setText(v.toString());
        }
    }
    updateEnabled();
}

QJsonObject AlertRulesEditor::rules() const
{
    QJsonObject out = m_unknown;
    for (const Row &row : m_rows) {
        const QString key = QLatin1String(row.key);
        switch (row.choice->currentIndex()) {
        case Off: out.insert(key, false); break;
        case On:
            if (row.share)
                out.insert(key, qRound(row.share->value() * 10.0) / 1000.0); // 1.5 % is 0.015, no float noise
            else if (row.duration)
                out.insert(key, row.duration->text().trimmed());
            else
                out.insert(key, true);
            break;
        default: break;
        }
    }
    return out;
}

} // namespace sluice::ui
