#include "cli/cli.h"

#include "cli/cli_support.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>

#include <cstdio>

namespace sluice::cli {

namespace {

// --json was asked for, and whether its one document has been printed: a
// failure prints the error document instead, so a script always gets one.
bool jsonWanted = false;
bool jsonPrinted = false;

struct VerbSpec
{
    const char *name;
    QStringList valueOptions;
    QStringList flagOptions;
    int minPositional;
    int maxPositional;
    int (*handler)(const Arguments &);
};

const QList<VerbSpec> &verbs()
{
    static const QList<VerbSpec> v{
        {"init", {QStringLiteral("rows")}, {QStringLiteral("demo"), QStringLiteral("json")}, 1, 1, &runInit},
        {"check", {}, {QStringLiteral("json")}, 0, 0, &runCheck},
        {"preview", {QStringLiteral("limit")}, {QStringLiteral("json")}, 1, 1, &runPreview},
        {"plan", {}, {QStringLiteral("json"), QStringLiteral("full-resync"), QStringLiteral("allow-mass-delete")}, 1, 1, &runPlan},
        {"run", {}, {QStringLiteral("json"), QStringLiteral("full-resync"), QStringLiteral("allow-mass-delete")}, 1, 1, &runRun},
        {"runs", {}, {QStringLiteral("json")}, 0, 1, &runRuns},
        {"rejections", {QStringLiteral("run")}, {QStringLiteral("json"), QStringLiteral("all")}, 1, 1, &runRejections},
        {"unlock", {}, {QStringLiteral("json"), QStringLiteral("yes")}, 1, 1, &runUnlock},
        {"history", {}, {QStringLiteral("json")}, 2, 2, &runHistory},
        {"metrics", {QStringLiteral("since")}, {QStringLiteral("json")}, 0, 1, &runMetrics},
        {"agent", {}, {QStringLiteral("no-tray")}, 0, 0, &runAgent},
    };
    return v;
}

// Verbs DESIGN.md names that this build does not have yet: said plainly.
const QStringList &plannedVerbs()
{
    static const QStringList p;
    return p;
}

QString usage()
{
    return QCoreApplication::translate("sluice::cli", "Usage: sluice <verb> [options]\n"
              "\n"
              "  init DIR [--demo] [--rows N]     create a workspace (--demo: embedded demo warehouse)\n"
              "  check [--json]                   validate sluice.json, reach sources, compile models\n"
              "  preview MODEL [--limit N] [--json]  first rows, columns and model checks\n"
              "  plan SYNC [--full-resync] [--allow-mass-delete] [--json]  what a run would send; sends nothing\n"
              "  run SYNC [--full-resync] [--allow-mass-delete] [--json]   run a sync now\n"
              "  runs [SYNC] [--json]             run history with counts and metrics\n"
              "  rejections SYNC [--run ID] [--all] [--json]  records not in the destination, and why\n"
              "  history SYNC KEY [--json]        one record's story: every send, its outcome and the destination's words\n"
              "  unlock SYNC [--yes] [--json]     clear a lock left by a run that is gone (asks first)\n"
              "  metrics [SYNC] [--since 24h|7d|30d] [--json]  success rate, freshness lag, rejection and invalid rates, drift, MTTD, MTTR\n"
              "  agent [--no-tray]                run the schedules until stopped (Ctrl-C, SIGTERM)\n"
              "\n"
              "Common options:\n"
              "  --workspace DIR   the workspace (default: $SLUICE_WORKSPACE, then the current directory)\n"
              "  --json            one JSON document on stdout\n"
              "\n"
              "Without a verb, sluice opens the GUI.\n");
}

} // namespace

bool isVerb(const QString &verb)
{
    for (const VerbSpec &v : verbs())
        if (verb == QLatin1String(v.name))
            return true;
    return plannedVerbs().contains(verb) || verb == QLatin1String("help") || verb == QLatin1String("--help")
           || verb == QLatin1String("-h") || verb == QLatin1String("--version");
}

int run(const QStringList &arguments)
{
    jsonWanted = arguments.contains(QStringLiteral("--json"));
    jsonPrinted = false;
    if (arguments.isEmpty() || arguments.first() == QLatin1String("help") || arguments.first() == QLatin1String("--help")
        || arguments.first() == QLatin1String("-h")) {
        say(usage());
        return arguments.isEmpty() ? ExitUsage : ExitOk;
    }
    if (arguments.first() == QLatin1String("--version")) {
        say(QStringLiteral("sluice %1").arg(QCoreApplication::applicationVersion()));
        return ExitOk;
    }
    Arguments args;
    args.verb = arguments.first();
    if (plannedVerbs().contains(args.verb))
        return usageError(QCoreApplication::translate("sluice::cli", "\"%1\" is not available in this build yet; see docs/cli.md for the verbs that exist")
                              .arg(args.verb));
    const VerbSpec *spec = nullptr;
    for (const VerbSpec &v : verbs())
        if (args.verb == QLatin1String(v.name))
            spec = &v;
    if (!spec)
        return usageError(QCoreApplication::translate("sluice::cli", "unknown verb \"%1\"\n\n%2").arg(args.verb, usage()));

    // Options as GNU tools read them (--name value, --name=value), parsed by
    // QCommandLineParser; single-dash long options are refused, not guessed.
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOption(QCommandLineOption(QStringLiteral("workspace"), QString(), QStringLiteral("DIR")));
    for (const QString &name : spec->valueOptions)
        parser.addOption(QCommandLineOption(name, QString(), QStringLiteral("VALUE")));
    for (const QString &name : spec->flagOptions)
        parser.addOption(QCommandLineOption(name));
    if (!parser.parse(QStringList{QStringLiteral("sluice")} + arguments.mid(1))) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty())
            return usageError(QCoreApplication::translate("sluice::cli", "%1: unknown option --%2").arg(args.verb, unknown.first()));
        return usageError(QCoreApplication::translate("sluice::cli", "%1: %2").arg(args.verb, parser.errorText()));
    }
    for (const QString &name : parser.optionNames()) {
        if (name == QLatin1String("workspace") || spec->valueOptions.contains(name))
            args.options.insert(name, parser.value(name));
        else
            args.flags.insert(name);
    }
    args.positional = parser.positionalArguments();
    if (args.positional.size() < spec->minPositional || args.positional.size() > spec->maxPositional)
        return usageError(QCoreApplication::translate("sluice::cli", "%1: wrong number of arguments\n\n%2").arg(args.verb, usage()));
    return spec->handler(args);
}

QString Arguments::workspaceDir() const
{
    if (options.contains(QStringLiteral("workspace")))
        return options.value(QStringLiteral("workspace"));
    if (qEnvironmentVariableIsSet("SLUICE_WORKSPACE"))
        return qEnvironmentVariable("SLUICE_WORKSPACE");
    return QDir::currentPath();
}

int exitCodeFor(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Config: return ExitUsage;
    default: return ExitFailed;
    }
}

void printJson(const QJsonObject &document)
{
    if (jsonPrinted)
        return; // one document per invocation
    jsonPrinted = true;
    const QByteArray text = QJsonDocument(document).toJson(QJsonDocument::Indented);
    std::fwrite(text.constData(), 1, size_t(text.size()), stdout);
    std::fflush(stdout);
}

void say(const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    if (!bytes.endsWith('\n'))
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

void printErrorJson(const QString &message, const QString &object)
{
    if (!jsonWanted || jsonPrinted)
        return;
    printJson(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), message}, {QStringLiteral("object"), object}}}});
}

int fail(const Error &error)
{
    say(QCoreApplication::translate("sluice::cli", "error: %1").arg(error.message));
    printErrorJson(error.message, error.object());
    return exitCodeFor(error);
}

int usageError(const QString &message)
{
    say(QCoreApplication::translate("sluice::cli", "error: %1").arg(message));
    printErrorJson(message, QString());
    return ExitUsage;
}

Result<workspace::Workspace> openWorkspace(const Arguments &args)
{
    return workspace::Workspace::open(args.workspaceDir());
}

} // namespace sluice::cli
