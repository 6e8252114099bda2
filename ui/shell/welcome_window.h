#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace sluice::ui {

// What Sluice shows when it starts without a workspace (from the desktop's
// menu, say): open a workspace, make a new one, open the demo (made on first
// use, off the UI thread), or pick one of the workspaces opened lately.
class WelcomeWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeWindow)

public:
    explicit WelcomeWindow(QWidget *parent = nullptr);

    // Recently opened workspaces, newest first, kept per user.
    static QStringList recentWorkspaces();
    static void rememberWorkspace(const QString &dir);
    // Where "Open the demo" makes and finds the demo: $SLUICE_DEMO_DIR, else
    // the user's data folder (~/.local/share/sluice/demo), as scripts/run-demo.sh.
    static QString demoDir();

    void openDemo();
    void showProblem(const QString &text);

signals:
    void chosen(const QString &dir);

private:
    void openExisting();
    void createNew();
    void setBusy(bool busy, const QString &text = {});

    QListWidget *m_recent;
    QLabel *m_status;
    QList<QPushButton *> m_buttons;
};

} // namespace sluice::ui
