#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;

namespace sluice::ui {

// A sync's own alert rules ("alerts" in its sluice.json entry): each rule
// follows the workspace's default, is off, or is on (with its limit where it
// has one). Only what differs from the workspace is written.
class AlertRulesEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit AlertRulesEditor(QWidget *parent = nullptr);

    void setRules(const QJsonObject &rules);
    // The rules as sluice.json takes them; empty when every rule follows the workspace.
    QJsonObject rules() const;

signals:
    void changed();

private:
    struct Row
    {
        const char *key;
        QComboBox *choice = nullptr;
        QDoubleSpinBox *share = nullptr; // a percentage, for the rate rules
        QLineEdit *duration = nullptr;   // for the freshness rule
    };
    void addRow(QFormLayout *form, const char *key, const QString &label, const QString &help, bool percent, bool duration);
    void updateEnabled();

    QList<Row> m_rows;
    QJsonObject m_unknown; // keys this editor does not show stay as they were
};

} // namespace sluice::ui
