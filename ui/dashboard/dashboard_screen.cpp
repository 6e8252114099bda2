#include "dashboard/dashboard_screen.h"

#include "dashboard/metric_chart.h"
#include "dashboard/metric_tile.h"
#include "alerts/alerts.h"
#include "metrics/metrics.h"
#include "shell/workspace_document.h"
#include "store/state_store.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace sluice::ui {

struct DashboardScreen::Loaded
{
    quint64 generation = 0;
    QString error;
    QString sync; // empty: every sync
    QDateTime since, until;
    metrics::Measures measures;
    metrics::Series series;
    alerts::Rules rules; // the limits drawn: the sync's alert rules (the workspace's for every sync)
};

namespace {

// UI.md: no series past about 170 points: 15 minutes over a day, hours over
// a week, six hours over a month.
qint64 bucketFor(qint64 rangeSeconds)
{
    return rangeSeconds <= 86400 ? 900 : rangeSeconds <= 7 * 86400 ? 3600 : 6 * 3600;
}

DashboardScreen::Loaded load(const workspace::Workspace &workspace, const QStringList &syncs, DashboardScreen::Loaded request)
{
    const QString path = workspace.stateDbPath();
    request.rules = alerts::rulesFor(workspace, request.sync);
    auto store = store::StateStore::open(path);
    if (!store) {
        request.error = store.error().message;
        return request;
    }
    const QStringList which = request.sync.isEmpty() ? syncs : QStringList{request.sync};
    const metrics::Report report = metrics::report(*store.value(), which, request.since, request.until);
    request.measures = request.sync.isEmpty() ? report.workspace : report.syncs.value(request.sync);
    const qint64 bucket = bucketFor(request.since.secsTo(request.until));
    request.series = metrics::series(*store.value(), request.sync, request.since, request.until, int(request.since.secsTo(request.until) / bucket));
    return request;
}

QString duration(qint64 seconds)
{
    if (seconds < 90)
        return QCoreApplication::translate("sluice::ui", "%1 s").arg(seconds);
    if (seconds < 90 * 60)
        return QCoreApplication::translate("sluice::ui", "%1 min").arg(qRound(seconds / 60.0));
    if (seconds < 48 * 3600)
        return QCoreApplication::translate("sluice::ui", "%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return QCoreApplication::translate("sluice::ui", "%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QString percent(double share)
{
    if (share > 0 && share < 0.001)
        return QStringLiteral("<0.1 %");
    return QLocale().toString(share * 100.0, 'f', 1) + QStringLiteral(" %");
}

} // namespace

DashboardScreen::DashboardScreen(WorkspaceDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_sync(new QComboBox(this)), m_range(new QButtonGroup(this)), m_live(new QLabel(this)),
      m_empty(new QLabel(this)), m_body(new QStackedWidget(this)), m_poll(new QTimer(this))
{
    auto *title = new QLabel(tr("Dashboard"), this);
    title->setObjectName(QStringLiteral("screenTitle"));
    m_sync->setObjectName(QStringLiteral("dashboardSync"));
    auto *top = new QHBoxLayout;
    top->addWidget(title);
    top->addWidget(m_sync);
    top->addStretch(1);
    const QList<QPair<QString, int>> ranges{{tr("24 h"), 1}, {tr("7 days"), 7}, {tr("30 days"), 30}};
    for (const auto &[label, days] : ranges) {
        auto *b = new QToolButton(this);
        b->setText(label);
        b->setCheckable(true);
        b->setChecked(days == 7);
        b->setAutoRaise(true);
        m_range->addButton(b, days);
        top->addWidget(b);
    }
    m_live->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(m_live);

    auto *tiles = new QHBoxLayout;
    for (const QString &name : {tr("Success"), tr("Freshness lag"), tr("Match rate"), tr("Rejected"), tr("Drift incidents"),
                                tr("Time to detect"), tr("Time to resolve")}) {
        m_tiles.append(new MetricTile(name, this));
        tiles->addWidget(m_tiles.last());
    }
    auto *charts = new QWidget(this);
    auto *grid = new QGridLayout(charts);
    grid->setContentsMargins(0, 0, 0, 0);
    m_charts = {new MetricChart(tr("Freshness lag (minutes)"), MetricChart::Unit::Minutes, charts),
                new MetricChart(tr("Rejected (% of records sent)"), MetricChart::Unit::SmallPercent, charts),
                new MetricChart(tr("Match rate (% of records expected there)"), MetricChart::Unit::Percent, charts),
                new MetricChart(tr("Success rate (% of runs)"), MetricChart::Unit::Percent, charts)};
    for (int i = 0; i < 4; ++i)
        grid->addWidget(m_charts[i], i / 2, i % 2);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("dashboardEmpty"));
    m_body->addWidget(charts);
    m_body->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(tiles);
    layout->addWidget(m_body, 1);

    m_sync->addItem(tr("All syncs"), QString());
    for (const QString &name : m_document->workspace().config().syncs.keys())
        m_sync->addItem(name, name);
    connect(m_sync, &QComboBox::currentIndexChanged, this, &DashboardScreen::refresh);
    connect(m_range, &QButtonGroup::idClicked, this, &DashboardScreen::refresh);
    m_poll->setInterval(15000); // runs the agent or the CLI finish show within seconds
    connect(m_poll, &QTimer::timeout, this, &DashboardScreen::refresh);
}

void DashboardScreen::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_poll->start();
    refresh();
}

void DashboardScreen::changeEvent(QEvent *event)
{
    // Light to dark or back: the series and limit lines take the new palette's colours.
    if (event->type() == QEvent::PaletteChange && isVisible())
        refresh();
    QWidget::changeEvent(event);
}

void DashboardScreen::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_poll->stop();
}

void DashboardScreen::setUntil(const QDateTime &until)
{
    m_until = until;
}

void DashboardScreen::setRangeDays(int days)
{
    if (QAbstractButton *b = m_range->button(days))
        b->setChecked(true);
}

qint64 DashboardScreen::rangeSeconds() const
{
    return qint64(qMax(1, m_range->checkedId())) * 86400;
}

void DashboardScreen::refresh()
{
    Loaded request;
    request.generation = ++m_generation;
    request.sync = m_sync->currentData().toString();
    request.until = m_until.isValid() ? m_until : QDateTime::currentDateTimeUtc();
    request.since = request.until.addSecs(-rangeSeconds());
    const workspace::Workspace workspace = m_document->workspace();
    const QStringList syncs = m_document->workspace().config().syncs.keys();
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        const Loaded data = watcher->result();
        watcher->deleteLater();
        if (data.generation == m_generation) // a newer request supersedes this one
            showLoaded(data);
    });
    watcher->setFuture(QtConcurrent::run(load, workspace, syncs, request));
}

void DashboardScreen::showLoaded(const Loaded &data)
{
    if (!data.error.isEmpty()) {
        m_empty->setText(tr("The run history cannot be read: %1").arg(data.error));
        m_body->setCurrentWidget(m_empty);
        emit refreshed(0);
        return;
    }
    m_live->setText(tr("● live · updated %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    showTiles(data);
    if (data.measures.runs == 0) {
        const QString range = m_range->checkedButton() ? m_range->checkedButton()->text() : QString();
        m_empty->setText(tr("No run finished in the last %1.\n\nThe charts fill in as syncs run: run one from the Syncs screen, "
                            "with \"sluice run SYNC\", or leave \"sluice agent\" running its schedules.")
                             .arg(range));
        m_body->setCurrentWidget(m_empty);
    } else {
        showCharts(data);
        m_body->setCurrentIndex(0);
    }
    emit refreshed(int(data.measures.runs));
}

void DashboardScreen::showTiles(const Loaded &data)
{
    using S = MetricTile::State;
    const metrics::Measures &m = data.measures;
    const metrics::Limits limits; // success: no alert rule sets it
    const alerts::Rules &rules = data.rules;
    const QString none = tr("n/a");
    const QString off = tr("no limit (alert rule off)");
    m_tiles[0]->show(m.successRate ? percent(*m.successRate) : none,
                     tr("%1 of %2 runs").arg(QLocale().toString(qRound64(m.successRate.value_or(0) * double(m.runs))), QLocale().toString(m.runs)),
                     !m.successRate ? S::Neutral : *m.successRate >= limits.successRate ? S::Good : *m.successRate >= 0.8 ? S::Warning : S::Bad);
    const auto lagLimit = rules.freshnessLagAboveSeconds;
    const QString lagNote = m.undeliveredLagSeconds ? tr("oldest undelivered change %1").arg(duration(*m.undeliveredLagSeconds))
                            : lagLimit                ? tr("limit %1").arg(duration(*lagLimit))
                                                      : off;
    m_tiles[1]->show(m.freshnessLagSeconds ? duration(*m.freshnessLagSeconds) : none, lagNote,
                     !m.freshnessLagSeconds || !lagLimit ? S::Neutral : *m.freshnessLagSeconds <= *lagLimit ? S::Good : S::Bad);
    const auto matchLimit = rules.matchRateBelow;
    m_tiles[2]->show(m.matchRate ? percent(*m.matchRate) : none,
                     !m.matchRate ? tr("no destination here reports matches") : matchLimit ? tr("limit %1").arg(percent(*matchLimit)) : off,
                     !m.matchRate || !matchLimit ? S::Neutral : *m.matchRate >= *matchLimit ? S::Good : S::Warning);
    const auto rejectLimit = rules.rejectionRateAbove;
    m_tiles[3]->show(m.rejectionRate ? percent(*m.rejectionRate) : none, rejectLimit ? tr("limit %1").arg(percent(*rejectLimit)) : off,
                     !m.rejectionRate || !rejectLimit ? S::Neutral : *m.rejectionRate <= *rejectLimit ? S::Good : S::Bad);
    m_tiles[4]->show(QLocale().toString(m.driftIncidents), tr("model schema changes"), m.driftIncidents == 0 ? S::Good : S::Warning);
    m_tiles[5]->show(m.mttdSeconds ? duration(*m.mttdSeconds) : none, m.mttdSeconds ? tr("first failure to its detection") : tr("no failure began in range"),
                     S::Neutral);
    m_tiles[6]->show(m.mttrSeconds ? duration(*m.mttrSeconds) : none, m.mttrSeconds ? tr("first failure to the next success") : tr("no failure resolved in range"),
                     S::Neutral);
}

void DashboardScreen::showCharts(const Loaded &data)
{
    const metrics::Limits limits;
    QList<MetricChart::Point> lag, rejected, matched, success;
    for (const metrics::SeriesPoint &p : data.series.points) {
        if (p.freshnessLagSeconds)
            lag.append({p.at, double(*p.freshnessLagSeconds) / 60.0, p.runs});
        if (p.rejectionRate)
            rejected.append({p.at, *p.rejectionRate * 100.0, p.runs});
        if (p.matchRate)
            matched.append({p.at, *p.matchRate * 100.0, p.runs});
        if (p.successRate)
            success.append({p.at, *p.successRate * 100.0, p.runs});
    }
    const qint64 bucket = data.series.bucketSeconds;
    const alerts::Rules &rules = data.rules;
    auto scaled = [](const auto &limit, double by) { return limit ? std::optional<double>(double(*limit) * by) : std::nullopt; };
    m_charts[0]->show(lag, data.since, data.until, bucket, scaled(rules.freshnessLagAboveSeconds, 1.0 / 60.0), data.series.markers);
    m_charts[1]->show(rejected, data.since, data.until, bucket, scaled(rules.rejectionRateAbove, 100.0), data.series.markers);
    m_charts[2]->show(matched, data.since, data.until, bucket, scaled(rules.matchRateBelow, 100.0), data.series.markers);
    m_charts[3]->show(success, data.since, data.until, bucket, limits.successRate * 100.0, data.series.markers);
}

} // namespace sluice::ui
