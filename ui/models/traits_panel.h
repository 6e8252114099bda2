#pragma once

#include "workspace/config.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace sluice::ui {

class WorkspaceDocument;

// A model's traits: definition, type, owner, description, and the
// distribution of their values computed by the warehouse (off the UI
// thread). Traits are added, edited and removed here; saves write sluice.json.
class TraitsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraitsPanel)

public:
    explicit TraitsPanel(WorkspaceDocument *document, QWidget *parent = nullptr);

    void setModel(const QString &name);
    void refresh();
    QTableWidget *table() const { return m_table; }
    // Adds or replaces a trait and saves; an error in words, or empty.
    QString saveTrait(const workspace::TraitConfig &trait, const QString &replacing = {});

signals:
    void distributionsReady();

private:
    void editTrait(int row);
    void fill();

    WorkspaceDocument *m_document;
    QString m_model;
    QTableWidget *m_table;
    QLabel *m_status;
    QPushButton *m_add;
    QPushButton *m_remove;
    quint64 m_generation = 0;
};

// Five bars from the histogram's counts: ▁▃▇▅▂.
QString histogramBars(const QList<qint64> &counts);

} // namespace sluice::ui
