#pragma once

#include "common/result.h"
#include "workspace/workspace.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

namespace sluice::cli {

enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2, ExitPartial = 3 };

struct Arguments
{
    QString verb;
    QStringList positional;
    QHash<QString, QString> options; // --name VALUE
    QSet<QString> flags;             // --name

    bool json() const { return flags.contains(QStringLiteral("json")); }
    QString workspaceDir() const;
};

int exitCodeFor(const Error &error);
void printJson(const QJsonObject &document);
void say(const QString &text); // to stderr, for people
int fail(const Error &error);  // says the error, returns its exit code
int usageError(const QString &message);
// The error document of a failed verb under --json (once per invocation).
void printErrorJson(const QString &message, const QString &object);

Result<workspace::Workspace> openWorkspace(const Arguments &args);

int runInit(const Arguments &args);
int runCheck(const Arguments &args);
int runPreview(const Arguments &args);
int runTraits(const Arguments &args);
int runAudience(const Arguments &args);
int runImport(const Arguments &args);
int runPlan(const Arguments &args);
int runRun(const Arguments &args);
int runRuns(const Arguments &args);
int runRejections(const Arguments &args);
int runUnlock(const Arguments &args);
int runHistory(const Arguments &args);
int runMetrics(const Arguments &args);
int runAlerts(const Arguments &args);
int runAgent(const Arguments &args);
int runPause(const Arguments &args);
int runResume(const Arguments &args);
int runSchema(const Arguments &args);
int runCompletion(const Arguments &args);
int runNames(const Arguments &args);
int runManpage(const Arguments &args);

} // namespace sluice::cli
