// Verbs about Sluice itself: its JSON Schema, completion scripts, the names
// completion reads from a workspace, and the man page.
#include "cli/cli_support.h"
#include "cli/cli_verbs.h"
#include "workspace/config_schema.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace sluice::cli {

namespace {

void out(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

} // namespace

int runSchema(const Arguments &)
{
    out(QString::fromUtf8(QJsonDocument(workspace::configSchema()).toJson(QJsonDocument::Indented)));
    return ExitOk;
}

int runCompletion(const Arguments &args)
{
    const QString shell = args.positional.first();
    if (shell == QLatin1String("bash"))
        out(bashCompletion());
    else if (shell == QLatin1String("zsh"))
        out(zshCompletion());
    else
        return usageError(QCoreApplication::translate("sluice::cli", "completion: the shells are bash and zsh, not \"%1\"").arg(shell));
    return ExitOk;
}

// Names for completion, read straight from sluice.json so that a file with
// errors still completes; prints nothing when there is no workspace.
int runNames(const Arguments &args)
{
    const QString kind = args.positional.first();
    const QString section = kind == QLatin1String("sync") ? QStringLiteral("syncs")
                            : kind == QLatin1String("model") ? QStringLiteral("models")
                            : kind == QLatin1String("destination") ? QStringLiteral("destinations")
                                                                   : QString();
    if (section.isEmpty())
        return usageError(QCoreApplication::translate("sluice::cli", "names: sync, model or destination, not \"%1\"").arg(kind));
    QFile f(QDir(args.workspaceDir()).filePath(workspace::Workspace::configFileName()));
    if (!f.open(QIODevice::ReadOnly))
        return ExitOk;
    const QJsonObject entries = QJsonDocument::fromJson(f.readAll()).object().value(section).toObject();
    QString text;
    for (auto it = entries.begin(); it != entries.end(); ++it)
        text += it.key() + QLatin1Char('\n');
    out(text);
    return ExitOk;
}

int runManpage(const Arguments &)
{
    out(manPage());
    return ExitOk;
}

} // namespace sluice::cli
