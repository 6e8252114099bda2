#pragma once

#include <QChartView>
#include <QDateTime>
#include <QList>

#include <optional>

QT_BEGIN_NAMESPACE
class QDateTimeAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace sluice::metrics {
struct Marker;
}

namespace sluice::ui {

// One measure over time: a point per bucket that had runs, its limit as a
// dashed line, drift incidents as dotted verticals, failed runs as red
// marks on the time axis; a tooltip gives each point's exact value, bucket
// and run count.
class MetricChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricChart)

public:
    // Percent: 0–100 %; SmallPercent: 0 to a little above the data or the limit (rejections); Minutes: likewise.
    enum class Unit { Percent, SmallPercent, Minutes };
    struct Point
    {
        QDateTime at;
        double value = 0; // in the unit (0–100 for percent)
        qint64 runs = 0;
    };
    MetricChart(const QString &title, Unit unit, QWidget *parent = nullptr);
    void show(const QList<Point> &points, const QDateTime &since, const QDateTime &until, qint64 bucketSeconds, std::optional<double> limit,
              const QList<metrics::Marker> &markers);
    int pointCount() const { return m_pointCount; }
    int failedRunCount() const { return m_failedRuns; } // red marks on the time axis

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    void addLine(QAbstractSeries *series);
    void addLimit(double limit, const QDateTime &since, const QDateTime &until);
    void addMarkers(const QList<metrics::Marker> &markers, bool dark);
    QString bucketLabel(const QDateTime &at) const;

    Unit m_unit;
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
    qint64 m_bucketSeconds = 3600;
    QList<Point> m_points;
    int m_pointCount = 0;
    int m_failedRuns = 0;
};

} // namespace sluice::ui
