#pragma once

#include <QDateTime>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTimer;

namespace sluice::ui {

class MetricChart;
class MetricTile;
class WorkspaceDocument;

// Is activation healthy? The reliability measures of the workspace or of one
// sync over 24 hours, 7 or 30 days: tiles with the values (success rate,
// freshness lag, match rate, rejection rate, drift incidents, MTTD, MTTR)
// and four charts over time with their limits, drift incidents and failed
// runs. Everything is read off the UI thread, summed per time bucket in SQL,
// and refreshed while runs happen.
class DashboardScreen final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardScreen)

public:
    explicit DashboardScreen(WorkspaceDocument *document, QWidget *parent = nullptr);
    void refresh();
    // For tests and screenshots: show the range ending at `until` instead of now.
    void setUntil(const QDateTime &until);
    void setRangeDays(int days);

    struct Loaded; // what one refresh read, off the UI thread

signals:
    void refreshed(int runs);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void showLoaded(const Loaded &data);
    void showTiles(const Loaded &data);
    void showCharts(const Loaded &data);
    qint64 rangeSeconds() const;

    WorkspaceDocument *m_document;
    QComboBox *m_sync;
    QButtonGroup *m_range;
    QLabel *m_live;
    QLabel *m_empty;
    QStackedWidget *m_body;
    QList<MetricTile *> m_tiles;
    QList<MetricChart *> m_charts;
    QTimer *m_poll;
    QDateTime m_until; // invalid: now
    quint64 m_generation = 0;
};

} // namespace sluice::ui
