#pragma once

#include <QString>
#include <QWidget>

class QLabel;
class QAction;
class QToolButton;

namespace sluice::schedule {
struct Outlook;
}

namespace sluice::ui {

// The agent as the GUI's status bar shows it: whether one runs this
// workspace, what runs now (whoever started it) and which sync is next due;
// its tooltip lists every sync's schedule, next run and state. A menu starts
// the agent and turns its start at login (an XDG autostart entry) on or
// off. Read off the UI thread every few seconds.
class AgentStatus final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentStatus)

public:
    AgentStatus(QString workspaceDir, QWidget *parent = nullptr);
    ~AgentStatus() override;

    QString text() const;
    QString details() const; // the tooltip
    QAction *startAction() const { return m_start; }
    QAction *autostartAction() const { return m_autostart; }
    // The autostart entry of this workspace's agent, under $XDG_CONFIG_HOME/autostart.
    static QString autostartFile(const QString &workspaceDir);

public slots:
    void refresh();

signals:
    void refreshed();

private:
    void show(const schedule::Outlook &outlook, const QString &problem);
    void setAutostart(bool on);

    QString m_dir;
    QLabel *m_label;
    QToolButton *m_button;
    QAction *m_start;
    QAction *m_autostart;
    bool m_loading = false;
};

} // namespace sluice::ui
