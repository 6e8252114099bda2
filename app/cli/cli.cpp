#include "cli/cli.h"

#include "cli/cli_support.h"
#include "cli/cli_verbs.h"
#include "cli/terminal.h"
#include "common/versions.h"

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

int printVersion()
{
    say(QStringLiteral("sluice %1\nQt %2 (built with %3), libpq %4, SQLite %5")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR), libpqVersion(), sqliteVersion()));
    return ExitOk;
}

} // namespace

bool isVerb(const QString &verb)
{
    return findVerb(verb) || verb == QLatin1String("--help") || verb == QLatin1String("-h") || verb == QLatin1String("--version");
}

int run(const QStringList &arguments)
{
    jsonWanted = arguments.contains(QStringLiteral("--json"));
    jsonPrinted = false;
    if (arguments.isEmpty() || arguments.first() == QLatin1String("--help") || arguments.first() == QLatin1String("-h")) {
        say(usageText());
        return arguments.isEmpty() ? ExitUsage : ExitOk;
    }
    if (arguments.first() == QLatin1String("--version"))
        return printVersion();
    Arguments args;
    args.verb = arguments.first();
    const VerbSpec *spec = findVerb(args.verb);
    if (!spec) {
        QStringList names;
        for (const VerbSpec &v : verbs())
            if (!v.hidden)
                names.append(QLatin1String(v.name));
        const QString near = nearest(args.verb, names);
        return usageError(near.isEmpty() ? QCoreApplication::translate("sluice::cli", "unknown verb \"%1\"; sluice help lists the verbs").arg(args.verb)
                                         : QCoreApplication::translate("sluice::cli", "unknown verb \"%1\"; did you mean \"%2\"? (sluice help lists the verbs)").arg(args.verb, near));
    }
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        say(verbHelp(*spec));
        return ExitOk;
    }

    // Options as GNU tools read them (--name value, --name=value), parsed by
    // QCommandLineParser; single-dash long options are refused, not guessed.
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.addOption(QCommandLineOption(QStringLiteral("workspace"), QString(), QStringLiteral("DIR")));
    QStringList known{QStringLiteral("workspace")};
    for (const OptionSpec &o : spec->options) {
        known.append(QLatin1String(o.name));
        parser.addOption(o.valueName ? QCommandLineOption(QLatin1String(o.name), QString(), QLatin1String(o.valueName))
                                     : QCommandLineOption(QLatin1String(o.name)));
    }
    if (!parser.parse(QStringList{QStringLiteral("sluice")} + arguments.mid(1))) {
        const QStringList unknown = parser.unknownOptionNames();
        if (!unknown.isEmpty()) {
            const QString near = nearest(unknown.first(), known);
            return usageError(near.isEmpty() ? QCoreApplication::translate("sluice::cli", "%1: unknown option --%2 (sluice %1 --help lists its options)").arg(args.verb, unknown.first())
                                             : QCoreApplication::translate("sluice::cli", "%1: unknown option --%2; did you mean --%3?").arg(args.verb, unknown.first(), near));
        }
        return usageError(QCoreApplication::translate("sluice::cli", "%1: %2").arg(args.verb, parser.errorText()));
    }
    for (const QString &name : parser.optionNames()) {
        bool valued = name == QLatin1String("workspace");
        for (const OptionSpec &o : spec->options)
            valued = valued || (name == QLatin1String(o.name) && o.valueName);
        if (valued)
            args.options.insert(name, parser.value(name));
        else
            args.flags.insert(name);
    }
    args.positional = parser.positionalArguments();
    if (args.positional.size() < spec->minPositional || args.positional.size() > spec->maxPositional)
        return usageError(QCoreApplication::translate("sluice::cli", "%1: wrong number of arguments\n\n%2").arg(args.verb, verbHelp(*spec)));
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
    const QByteArray bytes = term::paintPrefix(text).toUtf8();
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
