#pragma once

#include "workspace/workspace.h"

#include <QMainWindow>

class QListWidget;
class QLabel;
class QStackedWidget;

namespace sluice::ui {

class WorkspaceDocument;
class AgentStatus;
class ModelsScreen;
class SyncsScreen;

// Arranges the screens; each screen lives in its own folder and owns its work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(workspace::Workspace workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    // For the README's screenshot: shows Models, previews the first model,
    // and writes FILE once rows and checks are in.
    void takeScreenshotWhenPreviewed(const QString &file);
    // Likewise for the Syncs screen after running its first sync.
    void takeScreenshotAfterRun(const QString &file);
    void showScreen(const QString &name);
    void grabAfter(const QString &file, int milliseconds);
    AgentStatus *agentStatus() const { return m_agent; }

signals:
    // File ▸ Open / New / the demo / a recent one: the application opens it in place of this window.
    void openRequested(const QString &dir);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void addScreen(const QString &title, QWidget *screen, const QString &icon);
    void buildMenus();

    WorkspaceDocument *m_document;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    QLabel *m_banner = nullptr;
    bool m_darkStyle = false; // which variant the stylesheet carries
    ModelsScreen *m_models = nullptr;
    SyncsScreen *m_syncs = nullptr;
    AgentStatus *m_agent = nullptr;
};

} // namespace sluice::ui
