#include "dashboard/metric_chart.h"

#include "metrics/metrics.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace sluice::ui {

namespace {

bool darkPalette(const QPalette &p)
{
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

} // namespace

MetricChart::MetricChart(const QString &title, Unit unit, QWidget *parent)
    : QChartView(parent), m_unit(unit), m_x(new QDateTimeAxis), m_y(new QValueAxis)
{
    auto *c = new QChart;
    c->setTitle(title);
    QFont titleFont = font();
    titleFont.setWeight(QFont::DemiBold);
    c->setTitleFont(titleFont);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->legend()->setFont(font());
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(3);
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignLeft);
    m_y->setLabelFormat(unit == Unit::Percent ? QStringLiteral("%.0f %%") : unit == Unit::SmallPercent ? QStringLiteral("%.1f %%") : QStringLiteral("%.0f"));
    m_y->setTitleText(unit == Unit::Minutes ? tr("minutes") : QString());
    m_x->setTickCount(8);
    setChart(c);
    applyPalette();
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(220);
}

// The chart's colours from the palette, again whenever it changes (light and dark).
void MetricChart::applyPalette()
{
    QChart *c = chart();
    c->setBackgroundBrush(palette().base());
    c->setTitleBrush(palette().text());
    c->legend()->setLabelColor(palette().color(QPalette::Text));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_x), static_cast<QAbstractAxis *>(m_y)}) {
        axis->setLabelsBrush(palette().text());
        axis->setTitleBrush(palette().text());
        axis->setGridLineColor(palette().color(QPalette::Midlight));
        axis->setLinePenColor(palette().color(QPalette::Mid));
    }
}

void MetricChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

void MetricChart::addLine(QAbstractSeries *series)
{
    chart()->addSeries(series);
    series->attachAxis(m_x);
    series->attachAxis(m_y);
}

QString MetricChart::bucketLabel(const QDateTime &at) const
{
    const QLocale locale;
    const QDateTime local = at.toLocalTime();
    const QDateTime end = local.addSecs(m_bucketSeconds);
    return tr("%1 %2–%3").arg(locale.toString(local.date(), QStringLiteral("ddd d MMM")), local.toString(QStringLiteral("HH:mm")),
                              end.toString(QStringLiteral("HH:mm")));
}

void MetricChart::show(const QList<Point> &points, const QDateTime &since, const QDateTime &until, qint64 bucketSeconds,
                       std::optional<double> limit, const QList<metrics::Marker> &markers)
{
    chart()->removeAllSeries();
    m_points = points;
    m_pointCount = int(points.size());
    m_bucketSeconds = bucketSeconds;
    const bool dark = darkPalette(palette());
    const QColor accent(dark ? QStringLiteral("#5AB4F0") : QStringLiteral("#0064B0"));

    double top = m_unit == Unit::Percent ? 100.0 : m_unit == Unit::SmallPercent ? 0.5 : 1.0;
    auto *line = new QLineSeries;
    line->setName(chart()->title());
    line->setPen(QPen(accent, 2));
    auto *dots = new QScatterSeries; // a lone bucket still shows
    dots->setMarkerSize(5);
    dots->setColor(accent);
    dots->setBorderColor(accent);
    for (const Point &p : points) {
        line->append(double(p.at.toMSecsSinceEpoch()), p.value);
        dots->append(double(p.at.toMSecsSinceEpoch()), p.value);
        top = std::max(top, p.value);
    }
    if (m_unit != Unit::Percent)
        top = std::max(top, limit.value_or(0)) * 1.15;
    m_y->setRange(0, m_unit == Unit::Percent ? 100.0 : top);
    m_x->setRange(since.toLocalTime(), until.toLocalTime());
    const qint64 span = since.secsTo(until);
    m_x->setFormat(span <= 2 * 86400 ? QStringLiteral("HH:mm") : span <= 8 * 86400 ? QStringLiteral("ddd d") : QStringLiteral("d MMM"));
    addLine(line);
    addLine(dots);
    chart()->legend()->markers(dots).first()->setVisible(false);
    auto tooltip = [this](const QPointF &point, bool state) {
        if (!state) {
            QToolTip::hideText();
            return;
        }
        const auto at = std::min_element(m_points.begin(), m_points.end(), [&](const Point &a, const Point &b) {
            return std::abs(double(a.at.toMSecsSinceEpoch()) - point.x()) < std::abs(double(b.at.toMSecsSinceEpoch()) - point.x());
        });
        if (at == m_points.end())
            return;
        const QString value = m_unit != Unit::Minutes ? QStringLiteral("%1 %").arg(QLocale().toString(at->value, 'f', m_unit == Unit::SmallPercent ? 2 : 1))
                                                      : tr("%1 min").arg(QLocale().toString(at->value, 'f', 1));
        QToolTip::showText(QCursor::pos(), tr("%1\n%2 · %n run(s)", nullptr, int(at->runs)).arg(bucketLabel(at->at), value), this);
    };
    connect(line, &QLineSeries::hovered, this, tooltip);
    connect(dots, &QScatterSeries::hovered, this, tooltip);

    if (limit)
        addLimit(*limit, since, until);
    addMarkers(markers, dark);
}

void MetricChart::addLimit(double limit, const QDateTime &since, const QDateTime &until)
{
    auto *limitLine = new QLineSeries;
    limitLine->setName(m_unit != Unit::Minutes ? tr("limit %1 %").arg(QLocale().toString(limit, 'f', m_unit == Unit::SmallPercent ? 1 : 0))
                                               : tr("limit %1 min").arg(QLocale().toString(limit, 'f', 0)));
    limitLine->setPen(QPen(palette().color(QPalette::PlaceholderText), 1.2, Qt::DashLine));
    limitLine->append(double(since.toMSecsSinceEpoch()), limit);
    limitLine->append(double(until.toMSecsSinceEpoch()), limit);
    addLine(limitLine);
}

// Drift incidents as dotted verticals (one legend entry), failed runs as red
// marks on the time axis.
void MetricChart::addMarkers(const QList<metrics::Marker> &markers, bool dark)
{
    const QColor failing(dark ? QStringLiteral("#FF6B4A") : QStringLiteral("#C8331B"));
    const QColor drift(dark ? QStringLiteral("#E07EE0") : QStringLiteral("#9B2C9B"));
    auto *failures = new QScatterSeries;
    failures->setName(tr("failed run"));
    failures->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    failures->setMarkerSize(8);
    failures->setColor(failing);
    failures->setBorderColor(failing);
    bool driftNamed = false;
    for (const metrics::Marker &m : markers) {
        const double x = double(m.at.toMSecsSinceEpoch());
        if (!m.drift) {
            failures->append(x, 0);
            continue;
        }
        auto *v = new QLineSeries;
        v->setPen(QPen(drift, 1.5, Qt::DotLine));
        v->append(x, 0);
        v->append(x, m_y->max());
        v->setName(tr("schema drift"));
        addLine(v);
        if (driftNamed)
            chart()->legend()->markers(v).first()->setVisible(false);
        driftNamed = true;
    }
    addLine(failures);
    m_failedRuns = int(failures->count());
    if (failures->count() == 0)
        chart()->legend()->markers(failures).first()->setVisible(false);
}

} // namespace sluice::ui
