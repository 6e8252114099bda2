#pragma once

#include <QDateTime>
#include <QIcon>
#include <QObject>
#include <QSet>

#include <optional>

class QMenu;
class QTimer;
class QSystemTrayIcon;

namespace sluice::schedule {
class Agent;
}

namespace sluice::ui {

// The agent in the tray: an icon whose colour says healthy, running or
// failing (the worst wins), a tooltip with each sync's last run, a menu to
// open Sluice, run a sync now, pause every schedule (for an hour) or one
// sync's, resume, see recent runs and quit; and a notification when an alert
// fires or recovers (alerts of runs finishing together merged into one;
// recoveries can be left out). It reads the state database; the agent does the work.
class TrayAgent final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayAgent)

public:
    enum class State { Healthy, Paused, Running, Failing }; // the worst wins, in this order
    // `tray` false: build the state and the menu without showing an icon (tests, no tray host).
    TrayAgent(schedule::Agent &agent, bool tray, QObject *parent = nullptr);
    ~TrayAgent() override;

    State state() const { return m_state; }
    QString tooltip() const { return m_tooltip; }
    QMenu *menu() const { return m_menu; }
    // Recoveries notified too (the default), or only what needs attention;
    // kept per user.
    bool notifiesRecoveries() const { return m_notifyRecoveries; }
    void setNotifiesRecoveries(bool on);
    static constexpr int mergeMs = 2500; // notices of runs ending this close together read as one
    static QIcon iconFor(State state);

signals:
    void notified(const QString &title, const QString &text);
    void quitRequested();

public slots:
    void refresh();

private:
    void rebuildMenu();
    void notifyNewAlerts();
    bool desktopNotify(const QString &title, const QString &text, bool attention);
    void pauseAll(qint64 seconds); // 0: until resumed
    void resumeAll();
    void setPaused(const QString &sync, bool paused);

    schedule::Agent &m_agent;
    QSystemTrayIcon *m_icon = nullptr;
    QMenu *m_menu;
    State m_state = State::Healthy;
    QString m_tooltip;
    QDateTime m_alertsSeen;
    std::optional<QDateTime> m_pausedUntil; // every schedule paused: until then (invalid: until resumed)
    QSet<QString> m_pausedSyncs;            // syncs paused one by one
    QTimer *m_notifyTimer;
    bool m_notifyRecoveries = true;
};

// `sluice agent` with a tray icon: a QApplication, the agent, the icon.
// Falls back to running headless (said once) when the desktop has no tray.
int runTrayAgent(int &argc, char **argv, const QString &workspaceDir);

} // namespace sluice::ui
