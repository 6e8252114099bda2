#include "tray/tray_agent.h"

#include "schedule/agent.h"
#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QAction>
#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDir>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QProcess>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace sluice::ui {

namespace {

std::atomic_bool stopAsked{false};
extern "C" void onStop(int)
{
    stopAsked.store(true);
}

} // namespace

TrayAgent::TrayAgent(schedule::Agent &agent, bool tray, QObject *parent)
    : QObject(parent), m_agent(agent), m_menu(new QMenu), m_alertsSeen(QDateTime::currentDateTimeUtc()), m_notifyTimer(new QTimer(this))
{
    m_notifyRecoveries = QSettings().value(QStringLiteral("tray/notifyRecoveries"), true).toBool();
    m_notifyTimer->setSingleShot(true);
    m_notifyTimer->setInterval(mergeMs);
    connect(m_notifyTimer, &QTimer::timeout, this, &TrayAgent::notifyNewAlerts);
    if (tray) {
        m_icon = new QSystemTrayIcon(iconFor(m_state), this);
        m_icon->setContextMenu(m_menu);
        connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger)
                QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("--workspace"), m_agent.workspaceDir()});
        });
        m_icon->show();
    }
    connect(&agent, &schedule::Agent::runStarted, this, &TrayAgent::refresh);
    auto *every = new QTimer(this); // pauses that end, and changes made elsewhere (sluice pause, the GUI)
    connect(every, &QTimer::timeout, this, &TrayAgent::refresh);
    every->start(30000);
    connect(&agent, &schedule::Agent::runFinished, this, [this] {
        refresh();
        m_notifyTimer->start(); // another run ending meanwhile joins the same notification
    });
    refresh();
}

TrayAgent::~TrayAgent()
{
    delete m_menu;
}

QIcon TrayAgent::iconFor(State state)
{
    // The Okabe–Ito hues of UI.md: healthy, running, failing.
    const QColor colour(state == State::Healthy   ? QStringLiteral("#00785A")
                        : state == State::Paused  ? QStringLiteral("#6E6E6E")
                        : state == State::Running ? QStringLiteral("#0064B0")
                                                  : QStringLiteral("#C8331B"));
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(colour);
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(QRectF(4, 4, 56, 56), 12, 12);
    p.setPen(QPen(Qt::white, 6, Qt::SolidLine, Qt::RoundCap));
    if (state == State::Failing) {
        p.drawLine(22, 22, 42, 42);
        p.drawLine(42, 22, 22, 42);
    } else if (state == State::Paused) {
        p.drawLine(26, 20, 26, 44);
        p.drawLine(38, 20, 38, 44);
    } else if (state == State::Running) {
        p.drawArc(QRectF(18, 18, 28, 28), 90 * 16, -270 * 16);
    } else {
        p.drawLine(20, 33, 29, 42);
        p.drawLine(29, 42, 45, 22);
    }
    return QIcon(pixmap);
}

void TrayAgent::refresh()
{
    const auto ws = workspace::Workspace::open(m_agent.workspaceDir());
    auto store = store::StateStore::open(ws ? ws->stateDbPath() : QString());
    QStringList lines{tr("Sluice · %1").arg(QDir(m_agent.workspaceDir()).dirName())};
    bool failing = false, running = false;
    for (const QString &sync : m_agent.syncs()) {
        const QList<store::RunRecord> last = store ? store.value()->runs(sync, 1) : QList<store::RunRecord>();
        if (m_agent.isRunning(sync)) {
            running = true;
            lines.append(tr("◔ %1 running").arg(sync));
        } else if (last.isEmpty()) {
            lines.append(tr("· %1 has not run").arg(sync));
        } else {
            const bool bad = last.first().status == QLatin1String("failed");
            failing = failing || bad;
            lines.append(tr("%1 %2 %3 %4").arg(bad ? QStringLiteral("✕") : QStringLiteral("✓"), sync, last.first().status,
                                                 QLocale().toString(last.first().startedAt.toLocalTime().time(), QLocale::ShortFormat)));
        }
    }
    m_pausedUntil.reset();
    m_pausedSyncs.clear();
    if (store)
        for (const store::StateStore::Pause &p : store.value()->pauses(QDateTime::currentDateTimeUtc())) {
            if (p.sync == store::StateStore::allSyncs())
                m_pausedUntil = p.until;
            else
                m_pausedSyncs.insert(p.sync);
        }
    for (const QString &sync : std::as_const(m_pausedSyncs))
        lines.append(tr("‖ %1 paused").arg(sync));
    if (m_pausedUntil)
        lines.append(m_pausedUntil->isValid() ? tr("‖ schedules paused until %1").arg(QLocale().toString(m_pausedUntil->toLocalTime().time(), QLocale::ShortFormat))
                                              : tr("‖ schedules paused until resumed"));
    m_state = failing ? State::Failing : running ? State::Running : m_pausedUntil ? State::Paused : State::Healthy;
    m_tooltip = lines.join(QLatin1Char('\n'));
    if (m_icon) {
        m_icon->setIcon(iconFor(m_state));
        m_icon->setToolTip(m_tooltip);
    }
    rebuildMenu();
}

void TrayAgent::rebuildMenu()
{
    m_menu->clear();
    m_menu->addAction(tr("Open Sluice"), this, [this] {
        QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("--workspace"), m_agent.workspaceDir()});
    });
    QMenu *runNow = m_menu->addMenu(tr("Run now"));
    runNow->setObjectName(QStringLiteral("runNow"));
    for (const QString &sync : m_agent.syncs()) {
        QAction *a = runNow->addAction(sync, this, [this, sync] { m_agent.runNow(sync); });
        a->setEnabled(!m_agent.isRunning(sync));
    }
    if (m_pausedUntil) {
        m_menu->addAction(m_pausedUntil->isValid() ? tr("Resume all (paused until %1)").arg(QLocale().toString(m_pausedUntil->toLocalTime().time(), QLocale::ShortFormat))
                                                   : tr("Resume all"),
                          this, &TrayAgent::resumeAll)
            ->setObjectName(QStringLiteral("resumeAll"));
    } else {
        m_menu->addAction(tr("Pause all"), this, [this] { pauseAll(0); })->setObjectName(QStringLiteral("pauseAll"));
        m_menu->addAction(tr("Pause all for 1 hour"), this, [this] { pauseAll(3600); })->setObjectName(QStringLiteral("pauseHour"));
    }
    QMenu *one = m_menu->addMenu(tr("Pause one sync"));
    one->setObjectName(QStringLiteral("pauseOne"));
    for (const QString &sync : m_agent.syncs()) {
        QAction *a = one->addAction(sync);
        a->setObjectName(QStringLiteral("pause:") + sync);
        a->setCheckable(true);
        a->setChecked(m_pausedSyncs.contains(sync));
        connect(a, &QAction::toggled, this, [this, sync](bool on) { setPaused(sync, on); });
    }
    QMenu *recent = m_menu->addMenu(tr("Recent runs"));
    const auto ws = workspace::Workspace::open(m_agent.workspaceDir());
    if (ws)
        if (auto store = store::StateStore::open(ws->stateDbPath()))
            for (const store::RunRecord &r : store.value()->runs({}, 8))
                recent->addAction(tr("%1  %2  %3").arg(QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat), r.sync, r.status))->setEnabled(false);
    m_menu->addSeparator();
    QAction *recoveries = m_menu->addAction(tr("Notify of recoveries"));
    recoveries->setObjectName(QStringLiteral("notifyRecoveries"));
    recoveries->setCheckable(true);
    recoveries->setChecked(m_notifyRecoveries);
    connect(recoveries, &QAction::toggled, this, &TrayAgent::setNotifiesRecoveries);
    m_menu->addAction(tr("Quit"), this, &TrayAgent::quitRequested);
}

void TrayAgent::setNotifiesRecoveries(bool on)
{
    m_notifyRecoveries = on;
    QSettings().setValue(QStringLiteral("tray/notifyRecoveries"), on);
}

// The menu is rebuilt from the state afterwards: the action that called
// this is deleted later, not now.
void TrayAgent::setPaused(const QString &sync, bool paused)
{
    const auto ws = workspace::Workspace::open(m_agent.workspaceDir());
    if (auto store = store::StateStore::open(ws ? ws->stateDbPath() : QString()))
        (void)(paused ? store.value()->pause(sync, QDateTime()) : store.value()->resume(sync));
    QTimer::singleShot(0, this, &TrayAgent::refresh);
}

void TrayAgent::pauseAll(qint64 seconds)
{
    const auto ws = workspace::Workspace::open(m_agent.workspaceDir());
    if (auto store = store::StateStore::open(ws ? ws->stateDbPath() : QString()))
        (void)store.value()->pause(store::StateStore::allSyncs(), seconds > 0 ? QDateTime::currentDateTimeUtc().addSecs(seconds) : QDateTime());
    refresh();
}

void TrayAgent::resumeAll()
{
    const auto ws = workspace::Workspace::open(m_agent.workspaceDir());
    if (auto store = store::StateStore::open(ws ? ws->stateDbPath() : QString()))
        (void)store.value()->resume(store::StateStore::allSyncs());
    refresh();
}

// The alerts runs caused since the last look, as one notification.
void TrayAgent::notifyNewAlerts()
{
    const auto ws = workspace::Workspace::open(m_agent.workspaceDir());
    if (!ws)
        return;
    auto store = store::StateStore::open(ws->stateDbPath());
    if (!store)
        return;
    const QList<store::StateStore::AlertEvent> events = store.value()->alertEvents({}, m_alertsSeen);
    if (events.isEmpty())
        return;
    m_alertsSeen = events.first().at.addMSecs(1);
    QStringList lines;
    bool anyFired = false;
    for (const store::StateStore::AlertEvent &e : events) {
        if (e.kind == QLatin1String("recovered") && !m_notifyRecoveries)
            continue;
        anyFired = anyFired || e.kind != QLatin1String("recovered");
        if (e.kind == QLatin1String("flapping"))
            lines.append(tr("⚠ %1 keeps failing and recovering (%2); quiet until it settles").arg(e.sync, e.rule));
        else
            lines.append((e.kind == QLatin1String("recovered") ? QStringLiteral("✓ ") : QStringLiteral("✕ ")) + e.sync + QStringLiteral(": ") + e.message);
    }
    if (lines.isEmpty())
        return;
    const QString title = anyFired ? tr("Sluice: a sync needs attention") : tr("Sluice: recovered");
    const QString text = lines.join(QLatin1Char('\n'));
    if (m_icon && !desktopNotify(title, text, anyFired))
        m_icon->showMessage(title, text, anyFired ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information, 10000);
    emit notified(title, text);
}

// The desktop's notification service (org.freedesktop.Notifications), where
// the session has one: notifications then look like the desktop's own and
// stay in its history. False where there is none (the tray shows a balloon).
bool TrayAgent::desktopNotify(const QString &title, const QString &text, bool attention)
{
    static const QString service = QStringLiteral("org.freedesktop.Notifications");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface() || !bus.interface()->isServiceRegistered(service))
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/Notifications"), service, QStringLiteral("Notify"));
    const QVariantMap hints{{QStringLiteral("urgency"), QVariant::fromValue(uchar(attention ? 2 : 1))},
                            {QStringLiteral("desktop-entry"), QStringLiteral("sluice")}};
    call << QStringLiteral("Sluice") << quint32(0) << QStringLiteral("sluice") << title << text << QStringList() << hints << qint32(attention ? 0 : 10000);
    bus.asyncCall(call); // the answer (an id) is not needed
    return true;
}

int runTrayAgent(int &argc, char **argv, const QString &workspaceDir)
{
    // A display that cannot be reached (a stale DISPLAY) must not end the
    // agent: Qt falls back to offscreen, which has no tray, and it runs headless.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", qEnvironmentVariableIsSet("WAYLAND_DISPLAY") ? "wayland;xcb;offscreen" : "xcb;offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Sluice"));
    QApplication::setOrganizationName(QStringLiteral("Sluice")); // the GUI's settings, shared
    QApplication::setQuitOnLastWindowClosed(false);
    schedule::Agent agent(workspaceDir, {});
    QObject::connect(&agent, &schedule::Agent::log, [](const QString &line) {
        std::fprintf(stderr, "%s\n", qPrintable(line));
    });
    if (Result<void> started = agent.start(); !started) {
        std::fprintf(stderr, "error: %s\n", qPrintable(started.error().message));
        return 2;
    }
    const bool tray = QSystemTrayIcon::isSystemTrayAvailable();
    if (!tray)
        std::fprintf(stderr, "%s\n", qPrintable(QCoreApplication::translate("sluice::ui", "This desktop shows no tray icons: the agent runs without one.")));
    TrayAgent icon(agent, tray);
    std::signal(SIGINT, onStop);
    std::signal(SIGTERM, onStop);
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &agent, [&agent] {
        if (stopAsked.load() && !agent.isStopping())
            agent.stop();
    });
    watch.start(100);
    QObject::connect(&icon, &TrayAgent::quitRequested, &agent, &schedule::Agent::stop);
    QObject::connect(&agent, &schedule::Agent::stopped, &app, &QCoreApplication::quit, Qt::QueuedConnection);
    return app.exec();
}

} // namespace sluice::ui
