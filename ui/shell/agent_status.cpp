#include "shell/agent_status.h"

#include "schedule/outlook.h"
#include "shell/workspace_state.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QtConcurrent>

namespace sluice::ui {

namespace {

struct Loaded
{
    schedule::Outlook outlook;
    QString problem;
};

Loaded load(const QString &dir)
{
    WorkspaceState state = openWorkspaceState(dir);
    if (!state.store)
        return {{}, state.problem};
    return {schedule::outlook(*state.workspace, *state.store, QDateTime::currentDateTimeUtc()), {}};
}

// An argument of a desktop entry's Exec key, quoted as the specification asks.
QString execArgument(QString text)
{
    for (const QChar c : {QLatin1Char('\\'), QLatin1Char('"'), QLatin1Char('`'), QLatin1Char('$')})
        text.replace(c, QStringLiteral("\\") + c);
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString when(const QDateTime &at)
{
    const qint64 seconds = QDateTime::currentDateTimeUtc().secsTo(at);
    const QString time = QLocale().toString(at.toLocalTime().time(), QLocale::ShortFormat);
    if (seconds <= 0)
        return QCoreApplication::translate("sluice::ui", "due now");
    if (seconds < 3600)
        return QCoreApplication::translate("sluice::ui", "%1 (in %2 min)").arg(time).arg((seconds + 59) / 60);
    return at.toLocalTime().date() == QDate::currentDate() ? time : QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

} // namespace

AgentStatus::AgentStatus(QString workspaceDir, QWidget *parent)
    : QWidget(parent), m_dir(std::move(workspaceDir)), m_label(new QLabel(this)), m_button(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 6, 0);
    m_label->setObjectName(QStringLiteral("agentStatus"));
    m_label->setText(tr("Agent: looking…"));
    layout->addWidget(m_label);
    m_button->setText(tr("Agent"));
    m_button->setPopupMode(QToolButton::InstantPopup);
    m_button->setAutoRaise(true);
    auto *menu = new QMenu(m_button);
    m_start = menu->addAction(tr("Start the agent"), this, [this] {
        QProcess::startDetached(QCoreApplication::applicationFilePath(), {QStringLiteral("agent"), QStringLiteral("--workspace"), m_dir});
        QTimer::singleShot(1500, this, &AgentStatus::refresh);
    });
    m_autostart = menu->addAction(tr("Start the agent at login"));
    m_autostart->setCheckable(true);
    m_autostart->setChecked(QFile::exists(autostartFile(m_dir)));
    connect(m_autostart, &QAction::toggled, this, &AgentStatus::setAutostart);
    m_button->setMenu(menu);
    layout->addWidget(m_button);
    auto *timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &AgentStatus::refresh);
    timer->start(5000);
    refresh();
}

AgentStatus::~AgentStatus() = default;

QString AgentStatus::text() const
{
    return m_label->text();
}

QString AgentStatus::details() const
{
    return m_label->toolTip();
}

QString AgentStatus::autostartFile(const QString &workspaceDir)
{
    const QByteArray id = QCryptographicHash::hash(QFileInfo(workspaceDir).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/autostart/dev.sluice.Sluice.Agent-")
           + QString::fromLatin1(id) + QStringLiteral(".desktop");
}

void AgentStatus::refresh()
{
    if (m_loading)
        return;
    m_loading = true;
    auto *watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher] {
        m_loading = false;
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        show(loaded.outlook, loaded.problem);
        emit refreshed();
    });
    watcher->setFuture(QtConcurrent::run(load, m_dir));
}

void AgentStatus::show(const schedule::Outlook &outlook, const QString &problem)
{
    if (!problem.isEmpty()) {
        m_label->setText(tr("Agent: unknown"));
        m_label->setToolTip(problem);
        return;
    }
    QStringList running, lines;
    const schedule::SyncOutlook *next = nullptr;
    for (const schedule::SyncOutlook &s : outlook.syncs) {
        if (s.running)
            running.append(s.sync);
        if (!s.running && !s.paused && s.next.isValid() && (!next || s.next < next->next))
            next = &s;
        const QString state = s.running ? tr("running now")
                              : s.paused ? tr("paused")
                              : s.next.isValid() ? tr("next %1").arg(when(s.next))
                              : outlook.agent ? tr("not scheduled")
                                              : tr("runs only while an agent runs");
        lines.append(tr("%1 — %2 — %3").arg(s.sync, s.schedule, state));
    }
    QStringList parts;
    if (outlook.agent) {
        parts.append(tr("● Agent running (process %1)").arg(outlook.agent->pid));
    } else {
        parts.append(tr("○ No agent: schedules wait"));
    }
    if (!running.isEmpty())
        parts.append(tr("running: %1").arg(running.join(QStringLiteral(", "))));
    if (next)
        parts.append(tr("next: %1 %2").arg(next->sync, when(next->next)));
    m_label->setText(parts.join(QStringLiteral(" · ")));
    m_label->setToolTip(lines.join(QLatin1Char('\n')));
    m_start->setEnabled(!outlook.agent);
}

void AgentStatus::setAutostart(bool on)
{
    const QString file = autostartFile(m_dir);
    if (!on) {
        QFile::remove(file);
        return;
    }
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_autostart->setChecked(false);
        m_label->setToolTip(tr("cannot write %1: %2").arg(file, out.errorString()));
        return;
    }
    const QString dir = QFileInfo(m_dir).absoluteFilePath();
    const QString entry = QStringLiteral("[Desktop Entry]\nType=Application\nName=%1\nComment=%2\nExec=%3 agent --workspace %4\n"
                                         "Icon=dev.sluice.Sluice\nTerminal=false\nNoDisplay=true\nX-GNOME-Autostart-enabled=true\n")
                              .arg(tr("Sluice agent (%1)").arg(QDir(dir).dirName()), tr("Runs the schedules of the Sluice workspace %1").arg(dir),
                                   execArgument(QCoreApplication::applicationFilePath()), execArgument(dir));
    out.write(entry.toUtf8());
}

} // namespace sluice::ui
