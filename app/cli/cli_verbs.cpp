#include "cli/cli_verbs.h"

#include "cli/cli_support.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>

#include <algorithm>
#include <numeric>

namespace sluice::cli {

namespace {

const char *const commonExits = QT_TRANSLATE_NOOP("sluice::cli", "0 done; 1 a source or destination failed it (unreachable, refused credentials); "
                                                                  "2 a usage or configuration error (an unset secret included).");
const char *const runExits = QT_TRANSLATE_NOOP("sluice::cli", "0 succeeded (every planned record delivered); 3 partial (some records invalid or "
                                                              "rejected, the rest delivered); 1 failed (a source or destination failed the run, "
                                                              "or it was cancelled); 2 a usage or configuration error.");

const OptionSpec json{"json", nullptr, QT_TRANSLATE_NOOP("sluice::cli", "print one JSON document on stdout (also when the verb fails)")};
const OptionSpec quiet{"quiet", nullptr, QT_TRANSLATE_NOOP("sluice::cli", "no progress line and no summary on stderr; errors still show")};
const OptionSpec fullResync{"full-resync", nullptr, QT_TRANSLATE_NOOP("sluice::cli", "forget what was sent and plan every row again")};
const OptionSpec massDelete{"allow-mass-delete", nullptr,
                            QT_TRANSLATE_NOOP("sluice::cli", "let a mirror remove more than max_delete_share of the destination's records")};

int runHelp(const Arguments &args);

} // namespace

// Verbs about Sluice itself: its schema, completion, help and the hidden
// generators the build and the completion scripts call.
static QList<VerbSpec> metaVerbs()
{
    return {
        {"schema", "", QT_TRANSLATE_NOOP("sluice::cli", "print the JSON Schema of sluice.json"),
         QT_TRANSLATE_NOOP("sluice::cli", "A JSON Schema (draft 2020-12) made from the same description that validates sluice.json: "
                                          "every key, its type, allowed values and a one-line description, connector by connector. "
                                          "sluice init writes it beside sluice.json as sluice.schema.json and points \"$schema\" at it, "
                                          "so editors check and complete the file."),
         {}, {}, 0, 0, &runSchema, {QStringLiteral("sluice schema > sluice.schema.json")}, nullptr},
        {"completion", "bash|zsh", QT_TRANSLATE_NOOP("sluice::cli", "print a shell completion script"),
         QT_TRANSLATE_NOOP("sluice::cli", "Completes verbs, options, and the sync and model names of the workspace. cmake --install "
                                          "installs both scripts; to try one in the current shell: source <(sluice completion bash)."),
         {}, {}, 1, 1, &runCompletion, {QStringLiteral("source <(sluice completion bash)")}, nullptr},
        {"help", "[VERB]", QT_TRANSLATE_NOOP("sluice::cli", "this overview, or one verb's synopsis, options, examples and exit codes"),
         QT_TRANSLATE_NOOP("sluice::cli", "sluice VERB --help says the same."), {}, {}, 0, 1, &runHelp, {QStringLiteral("sluice help run")}, nullptr},
        {"names", "sync|model|destination", "", "", {}, {}, 1, 1, &runNames, {}, nullptr, true},
        {"manpage", "", "", "", {}, {}, 0, 0, &runManpage, {}, nullptr, true},
    };
}

const QList<VerbSpec> &verbs()
{
    using C = Completes;
    static const QList<VerbSpec> v = QList<VerbSpec>{
        {"init", "DIR", QT_TRANSLATE_NOOP("sluice::cli", "create a workspace"),
         QT_TRANSLATE_NOOP("sluice::cli", "Creates DIR with a sluice.json. With --demo it also holds an embedded demo warehouse (SQLite) of "
                                          "customers and local destinations, ready to preview and sync."),
         {{"demo", nullptr, QT_TRANSLATE_NOOP("sluice::cli", "add the demo warehouse, models and syncs")},
          {"rows", "N", QT_TRANSLATE_NOOP("sluice::cli", "customers in the demo warehouse (with --demo; 10000 by default)")},
          {"audiences", nullptr, QT_TRANSLATE_NOOP("sluice::cli", "with --demo: also a high-value audience synced to Meta and Google, pointed at sluice-emulator meta|google")},
          json},
         {C::Directory}, 1, 1, &runInit,
         {QStringLiteral("sluice init ~/sluice-demo --demo"), QStringLiteral("sluice init ./activation")}, nullptr},
        {"check", "", QT_TRANSLATE_NOOP("sluice::cli", "validate sluice.json, reach sources and destinations, compile models"),
         QT_TRANSLATE_NOOP("sluice::cli", "Reads sluice.json and names every problem with its line; reaches each source and destination "
                                          "(telling refused credentials from an unreachable host); runs each model and checks its key."),
         {json}, {}, 0, 0, &runCheck, {QStringLiteral("sluice check"), QStringLiteral("sluice check --json --workspace ~/sluice-demo")}, nullptr},
        {"preview", "MODEL", QT_TRANSLATE_NOOP("sluice::cli", "first rows, columns and key checks of a model"),
         QT_TRANSLATE_NOOP("sluice::cli", "Runs the model's SQL in its warehouse and shows its first rows, its columns with their types, "
                                          "and whether its primary key is unique and never null."),
         {{"limit", "N", QT_TRANSLATE_NOOP("sluice::cli", "rows to show (20 by default)")}, json, quiet}, {C::Model}, 1, 1, &runPreview,
         {QStringLiteral("sluice preview customer_360"), QStringLiteral("sluice preview customer_360 --limit 5 --json")}, nullptr},
        {"traits", "MODEL", QT_TRANSLATE_NOOP("sluice::cli", "a model's traits: definitions and distributions"),
         QT_TRANSLATE_NOOP("sluice::cli", "Lists the model's traits (named SQL expressions under \"traits\" in sluice.json) with their "
                                          "definition, type, owner and description, and how their values are distributed over the whole "
                                          "model, computed by the warehouse: the share of empty values, then the share that is true, the "
                                          "range and a five-bar histogram, or the most frequent values. For an audience, over its rows."),
         {json, quiet}, {C::Model}, 1, 1, &runTraits,
         {QStringLiteral("sluice traits customer_360"), QStringLiteral("sluice traits high_value --json")},
         QT_TRANSLATE_NOOP("sluice::cli", "0 done; 1 the source failed or refused a trait (named with the warehouse's words); 2 an unknown model or a configuration error.")},
        {"audience", "size NAME | overlap A B", QT_TRANSLATE_NOOP("sluice::cli", "an audience's size, or how two audiences overlap"),
         QT_TRANSLATE_NOOP("sluice::cli", "Counts, in the warehouse and with the conditions' values bound as parameters, the rows of an "
                                          "audience (a model with \"audience\": its model narrowed by conditions) and of its model; or, for "
                                          "two audiences of one model, the rows only in the first, in both, and only in the second. A plain "
                                          "model counts as the audience of all its rows."),
         {json}, {C::Nothing, C::Model, C::Model}, 2, 3, &runAudience,
         {QStringLiteral("sluice audience size high_value"), QStringLiteral("sluice audience overlap high_value lapsed_30d --json")}, nullptr},
        {"import", "dbt MANIFEST", QT_TRANSLATE_NOOP("sluice::cli", "bring dbt models and their descriptions into sluice.json"),
         QT_TRANSLATE_NOOP("sluice::cli", "Reads a dbt manifest.json (target/manifest.json after dbt compile or dbt run). Each selected dbt "
                                          "model becomes a Sluice model reading its relation, keyed by the column dbt tests as unique and "
                                          "not_null; model and column descriptions come along, and a column's description also describes a "
                                          "trait of that name. Importing again updates descriptions only: SQL, keys, traits and syncs stay "
                                          "as they are."),
         {{"source", "NAME", QT_TRANSLATE_NOOP("sluice::cli", "the source the dbt models live in (default: the workspace's only source)")},
          {"select", "MODELS", QT_TRANSLATE_NOOP("sluice::cli", "only these dbt models, separated by commas (default: every model)")}, json},
         {C::Nothing, C::Directory}, 2, 2, &runImport,
         {QStringLiteral("sluice import dbt ../analytics/target/manifest.json"),
          QStringLiteral("sluice import dbt target/manifest.json --select customers,orders --source dw")}, nullptr},
        {"plan", "SYNC", QT_TRANSLATE_NOOP("sluice::cli", "what a run would send; sends nothing"),
         QT_TRANSLATE_NOOP("sluice::cli", "Extracts the model, compares it with what the destination was last sent, and counts what a run "
                                          "would add, change and remove, and which records it would hold back as invalid. Nothing is sent."),
         {fullResync, massDelete, json, quiet}, {C::Sync}, 1, 1, &runPlan,
         {QStringLiteral("sluice plan customers_to_crm"), QStringLiteral("sluice plan customers_to_crm --json | jq .counts")}, runExits},
        {"run", "SYNC", QT_TRANSLATE_NOOP("sluice::cli", "run a sync now"),
         QT_TRANSLATE_NOOP("sluice::cli", "Plans the sync and delivers what changed. Every record ends delivered or rejected with the "
                                          "destination's words; Ctrl-C stops after the batch in flight and records the run as cancelled. "
                                          "On a terminal a progress line shows the stage, records done, records per second and the time left."),
         {fullResync, massDelete, json, quiet}, {C::Sync}, 1, 1, &runRun,
         {QStringLiteral("sluice run customers_to_crm"), QStringLiteral("sluice run customers_to_crm --full-resync --json > run.json")}, runExits},
        {"runs", "[SYNC]", QT_TRANSLATE_NOOP("sluice::cli", "run history with counts and metrics"),
         QT_TRANSLATE_NOOP("sluice::cli", "Lists the recorded runs, newest first, of one sync or of all."), {json}, {C::Sync}, 0, 1, &runRuns,
         {QStringLiteral("sluice runs"), QStringLiteral("sluice runs customers_to_crm --json")}, nullptr},
        {"rejections", "SYNC", QT_TRANSLATE_NOOP("sluice::cli", "records not in the destination, and why"),
         QT_TRANSLATE_NOOP("sluice::cli", "Every record of the sync that is not in the destination: rejected (the destination refused it, "
                                          "in its own words) or invalid (held back before sending), with its run and attempts."),
         {{"run", "ID", QT_TRANSLATE_NOOP("sluice::cli", "only the records of this run")},
          {"all", nullptr, QT_TRANSLATE_NOOP("sluice::cli", "also records later delivered")},
          json},
         {C::Sync}, 1, 1, &runRejections, {QStringLiteral("sluice rejections customers_to_crm"), QStringLiteral("sluice rejections customers_to_crm --all --json")},
         nullptr},
        {"history", "SYNC KEY", QT_TRANSLATE_NOOP("sluice::cli", "one record's story: every send, its outcome and the destination's words"),
         QT_TRANSLATE_NOOP("sluice::cli", "KEY is the model's primary key (a composite key joins its parts with |)."), {json}, {C::Sync, C::Key}, 2, 2,
         &runHistory, {QStringLiteral("sluice history customers_to_crm 42")}, nullptr},
        {"unlock", "SYNC", QT_TRANSLATE_NOOP("sluice::cli", "clear a lock left by a run that is gone (asks first)"),
         QT_TRANSLATE_NOOP("sluice::cli", "A run holds a lock on its sync. When the process holding it is gone, unlock clears it after "
                                          "asking; a lock held by a live process is never cleared."),
         {{"yes", nullptr, QT_TRANSLATE_NOOP("sluice::cli", "do not ask")}, json}, {C::Sync}, 1, 1, &runUnlock,
         {QStringLiteral("sluice unlock customers_to_crm")}, nullptr},
        {"metrics", "[SYNC]", QT_TRANSLATE_NOOP("sluice::cli", "success rate, freshness lag, rejection and match rates, drift, time to detect and resolve"),
         QT_TRANSLATE_NOOP("sluice::cli", "The reliability measures of each sync and of the workspace over a period, computed from the runs "
                                          "recorded in the state database. A measure that cannot be computed yet shows n/a (null in JSON)."),
         {{"since", "24h|7d|30d", QT_TRANSLATE_NOOP("sluice::cli", "the period (7d by default)")}, json}, {C::Sync}, 0, 1, &runMetrics,
         {QStringLiteral("sluice metrics"), QStringLiteral("sluice metrics customers_to_crm --since 24h --json")}, nullptr},
        {"alerts", "[SYNC]", QT_TRANSLATE_NOOP("sluice::cli", "alerts fired and recovered, and the rules failing now"),
         QT_TRANSLATE_NOOP("sluice::cli", "Every alert notice over a period, newest first: which sync and rule, fired, recovered, repeated or "
                                          "flapping, the words of the notice and whether its webhooks took it; then the rules failing now. "
                                          "Rules and webhooks live under \"alerts\" in sluice.json (docs/workspace.md)."),
         {{"since", "24h|7d|30d", QT_TRANSLATE_NOOP("sluice::cli", "the period (7d by default)")}, json}, {C::Sync}, 0, 1, &runAlerts,
         {QStringLiteral("sluice alerts"), QStringLiteral("sluice alerts customers_to_crm --since 30d --json")}, nullptr},
        {"agent", "", QT_TRANSLATE_NOOP("sluice::cli", "run the schedules until stopped (Ctrl-C, SIGTERM)"),
         QT_TRANSLATE_NOOP("sluice::cli", "Runs each sync when its schedule says, one agent per workspace, and reloads sluice.json when it changes."),
         {{"no-tray", nullptr, QT_TRANSLATE_NOOP("sluice::cli", "no tray icon (for systemd and servers)")}}, {}, 0, 0, &runAgent,
         {QStringLiteral("sluice agent --no-tray --workspace ~/activation")}, nullptr},
        {"pause", "[SYNC]", QT_TRANSLATE_NOOP("sluice::cli", "pause a sync's schedule, or every sync's"),
         QT_TRANSLATE_NOOP("sluice::cli", "The agent runs no paused sync on its schedule until the pause ends or it is resumed; a slot missed "
                                          "meanwhile runs once afterwards. A run started by hand still runs."),
         {{"for", "DURATION", QT_TRANSLATE_NOOP("sluice::cli", "end the pause after this long, as in 1h or 30m (default: until resumed)")}, json},
         {C::Sync}, 0, 1, &runPause, {QStringLiteral("sluice pause --for 1h"), QStringLiteral("sluice pause customers_to_crm")}, nullptr},
        {"resume", "[SYNC]", QT_TRANSLATE_NOOP("sluice::cli", "end a pause (without SYNC: every pause)"),
         QT_TRANSLATE_NOOP("sluice::cli", "Ends the pause of a sync, or every pause, so that the agent runs the schedules again."), {json}, {C::Sync}, 0, 1,
         &runResume, {QStringLiteral("sluice resume")}, nullptr},
    } + metaVerbs();
    return v;
}

const VerbSpec *findVerb(const QString &name)
{
    for (const VerbSpec &v : verbs())
        if (name == QLatin1String(v.name))
            return &v;
    return nullptr;
}

namespace {

int runHelp(const Arguments &args)
{
    if (args.positional.isEmpty()) {
        say(usageText());
        return ExitOk;
    }
    const VerbSpec *verb = findVerb(args.positional.first());
    if (!verb || verb->hidden) {
        QStringList names;
        for (const VerbSpec &v : verbs())
            if (!v.hidden)
                names.append(QLatin1String(v.name));
        const QString near = nearest(args.positional.first(), names);
        return usageError(near.isEmpty() ? QCoreApplication::translate("sluice::cli", "help: unknown verb \"%1\"").arg(args.positional.first())
                                         : QCoreApplication::translate("sluice::cli", "help: unknown verb \"%1\"; did you mean \"%2\"?").arg(args.positional.first(), near));
    }
    say(verbHelp(*verb));
    return ExitOk;
}

QString synopsis(const VerbSpec &v)
{
    QString line = QStringLiteral("sluice ") + QLatin1String(v.name);
    if (*v.arguments)
        line += QLatin1Char(' ') + QLatin1String(v.arguments);
    for (const OptionSpec &o : v.options)
        line += o.valueName ? QStringLiteral(" [--%1 %2]").arg(QLatin1String(o.name), QLatin1String(o.valueName))
                            : QStringLiteral(" [--%1]").arg(QLatin1String(o.name));
    return line;
}

QString optionLabel(const OptionSpec &o)
{
    return o.valueName ? QStringLiteral("--%1 %2").arg(QLatin1String(o.name), QLatin1String(o.valueName)) : QStringLiteral("--%1").arg(QLatin1String(o.name));
}

const OptionSpec workspaceOption{"workspace", "DIR", QT_TRANSLATE_NOOP("sluice::cli", "the workspace (default: $SLUICE_WORKSPACE, then the current directory)")};

// Words wrapped to `width` columns, each line after the first indented.
QString wrap(const QString &text, int width, int indent)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > width - indent) {
            lines.append(line);
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines.join(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
}

QString roff(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    text.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    if (text.startsWith(QLatin1Char('.')) || text.startsWith(QLatin1Char('\'')))
        text.prepend(QStringLiteral("\\&"));
    return text;
}

QStringList visibleNames()
{
    QStringList names;
    for (const VerbSpec &v : verbs())
        if (!v.hidden)
            names.append(QLatin1String(v.name));
    return names;
}

} // namespace

QString usageText()
{
    QString text = QCoreApplication::translate("sluice::cli", "Usage: sluice VERB [options]") + QStringLiteral("\n\n");
    int width = 0;
    for (const VerbSpec &v : verbs())
        width = std::max<int>(width, int(qstrlen(v.name) + 1 + qstrlen(v.arguments)));
    for (const VerbSpec &v : verbs()) {
        if (v.hidden)
            continue;
        const QString head = QString(QLatin1String(v.name) + QLatin1Char(' ') + QLatin1String(v.arguments)).trimmed();
        text += QStringLiteral("  %1  %2\n").arg(head, -width).arg(QCoreApplication::translate("sluice::cli", v.summary));
    }
    text += QStringLiteral("\n") + QCoreApplication::translate("sluice::cli", "Common options:") + QStringLiteral("\n");
    text += QStringLiteral("  %1  %2\n").arg(optionLabel(workspaceOption), -16).arg(QCoreApplication::translate("sluice::cli", workspaceOption.help));
    text += QStringLiteral("  %1  %2\n").arg(QStringLiteral("--json"), -16).arg(QCoreApplication::translate("sluice::cli", json.help));
    text += QStringLiteral("  %1  %2\n").arg(QStringLiteral("--help"), -16).arg(QCoreApplication::translate("sluice::cli", "the verb's synopsis, options, examples and exit codes"));
    text += QStringLiteral("  %1  %2\n").arg(QStringLiteral("--version"), -16).arg(QCoreApplication::translate("sluice::cli", "Sluice's version and those of Qt, libpq and SQLite"));
    text += QStringLiteral("\n") + QCoreApplication::translate("sluice::cli", "sluice help VERB tells more of one verb. Without a verb, sluice opens the GUI.") + QStringLiteral("\n");
    return text;
}

QString verbHelp(const VerbSpec &v)
{
    QString text = QCoreApplication::translate("sluice::cli", "Usage: %1").arg(synopsis(v)) + QStringLiteral("\n\n");
    QString summary = QCoreApplication::translate("sluice::cli", v.summary);
    if (!summary.isEmpty())
        summary[0] = summary[0].toUpper();
    text += wrap(summary + QStringLiteral(". ") + QCoreApplication::translate("sluice::cli", v.description), 78, 0) + QStringLiteral("\n\n");
    QList<OptionSpec> options = v.options;
    if (qstrcmp(v.name, "init") != 0 && qstrcmp(v.name, "help") != 0 && qstrcmp(v.name, "completion") != 0)
        options.append(workspaceOption);
    int width = 0;
    for (const OptionSpec &o : std::as_const(options))
        width = std::max<int>(width, int(optionLabel(o).size()));
    if (!options.isEmpty()) {
        text += QCoreApplication::translate("sluice::cli", "Options:") + QStringLiteral("\n");
        for (const OptionSpec &o : std::as_const(options))
            text += QStringLiteral("  %1  %2\n").arg(optionLabel(o), -width).arg(wrap(QCoreApplication::translate("sluice::cli", o.help), 78, width + 4));
        text += QStringLiteral("\n");
    }
    if (!v.examples.isEmpty()) {
        text += QCoreApplication::translate("sluice::cli", "Examples:") + QStringLiteral("\n");
        for (const QString &e : v.examples)
            text += QStringLiteral("  ") + e + QStringLiteral("\n");
        text += QStringLiteral("\n");
    }
    text += wrap(QCoreApplication::translate("sluice::cli", "Exit codes:") + QStringLiteral(" ") + QCoreApplication::translate("sluice::cli", v.exitCodes ? v.exitCodes : commonExits), 78, 2) + QStringLiteral("\n");
    return text;
}

QString nearest(const QString &word, const QStringList &candidates)
{
    // Levenshtein distance; a candidate the word starts is near too.
    auto distance = [](const QString &a, const QString &b) {
        QList<int> row(b.size() + 1);
        std::iota(row.begin(), row.end(), 0);
        for (qsizetype i = 1; i <= a.size(); ++i) {
            int diagonal = row[0];
            row[0] = int(i);
            for (qsizetype j = 1; j <= b.size(); ++j) {
                const int above = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
                diagonal = above;
            }
        }
        return row[b.size()];
    };
    QString best;
    int bestDistance = std::max<int>(2, int(word.size()) / 3) + 1;
    for (const QString &c : candidates) {
        const int d = c.startsWith(word) && word.size() >= 2 ? 1 : distance(word, c);
        if (d < bestDistance) {
            best = c;
            bestDistance = d;
        }
    }
    return best;
}

QString manPage()
{
    QString t;
    t += QStringLiteral(".TH SLUICE 1 \"%1\" \"Sluice %2\" \"User Commands\"\n")
             .arg(QDate::currentDate().toString(Qt::ISODate), QCoreApplication::applicationVersion());
    t += QStringLiteral(".SH NAME\nsluice \\- %1\n").arg(roff(QCoreApplication::translate("sluice::cli", "sync governed warehouse models into the tools that act on them (Reverse ETL)")));
    t += QStringLiteral(".SH SYNOPSIS\n.B sluice\n.I VERB\n[\\fIoptions\\fR]\n.br\n.B sluice\n[\\fB\\-\\-workspace\\fR \\fIDIR\\fR]\n");
    t += QStringLiteral(".SH DESCRIPTION\n%1\n").arg(
        roff(QCoreApplication::translate("sluice::cli", "Sluice reads models from a warehouse, compares them with what each destination was last sent, and delivers only what "
                "changed: every record ends delivered or rejected with the destination's own words, never lost and never sent twice. "
                "A workspace is a directory with sluice.json (sources, destinations, models, syncs) and the state database under .sluice/. "
                "Without a verb, sluice opens the GUI. JSON goes to stdout (with --json), everything for people to stderr.")));
    t += QStringLiteral(".SH VERBS\n");
    for (const VerbSpec &v : verbs()) {
        if (v.hidden)
            continue;
        t += QStringLiteral(".TP\n.B %1\n%2. %3\n").arg(roff(synopsis(v)), roff(QCoreApplication::translate("sluice::cli", v.summary)), roff(QCoreApplication::translate("sluice::cli", v.description)));
        for (const OptionSpec &o : v.options)
            t += QStringLiteral(".RS\n.TP\n.B %1\n%2\n.RE\n").arg(roff(optionLabel(o)), roff(QCoreApplication::translate("sluice::cli", o.help)));
        if (v.exitCodes)
            t += QStringLiteral(".RS\n%1 %2\n.RE\n").arg(roff(QCoreApplication::translate("sluice::cli", "Exit codes:")), roff(QCoreApplication::translate("sluice::cli", v.exitCodes)));
    }
    t += QStringLiteral(".SH OPTIONS\n.TP\n.B %1\n%2\n").arg(roff(optionLabel(workspaceOption)), roff(QCoreApplication::translate("sluice::cli", workspaceOption.help)));
    t += QStringLiteral(".TP\n.B \\-\\-json\n%1\n").arg(roff(QCoreApplication::translate("sluice::cli", json.help)));
    t += QStringLiteral(".TP\n.B \\-\\-help\n%1\n").arg(roff(QCoreApplication::translate("sluice::cli", "the verb's synopsis, options, examples and exit codes")));
    t += QStringLiteral(".TP\n.B \\-\\-version\n%1\n").arg(roff(QCoreApplication::translate("sluice::cli", "Sluice's version and those of Qt, libpq and SQLite")));
    t += QStringLiteral(".SH EXIT STATUS\n%1\n.PP\n%2\n").arg(roff(QCoreApplication::translate("sluice::cli", commonExits)), roff(QCoreApplication::translate("sluice::cli", "run and plan: ") + QCoreApplication::translate("sluice::cli", runExits)));
    t += QStringLiteral(".SH ENVIRONMENT\n.TP\n.B SLUICE_WORKSPACE\n%1\n.TP\n.B NO_COLOR\n%2\n")
             .arg(roff(QCoreApplication::translate("sluice::cli", "the workspace when --workspace is not given")), roff(QCoreApplication::translate("sluice::cli", "when set, human output has no colour")));
    t += QStringLiteral(".SH FILES\n.TP\n.I sluice.json\n%1\n.TP\n.I .sluice/state.db\n%2\n")
             .arg(roff(QCoreApplication::translate("sluice::cli", "the workspace's configuration; sluice schema prints its JSON Schema")),
                  roff(QCoreApplication::translate("sluice::cli", "what each destination was sent, runs, rejections and the record ledger")));
    t += QStringLiteral(".SH EXAMPLES\n");
    for (const VerbSpec &v : verbs())
        for (const QString &e : v.examples)
            t += QStringLiteral(".PP\n.nf\n%1\n.fi\n").arg(roff(e));
    return t;
}

QString bashCompletion()
{
    QString options, positionals, valued;
    for (const VerbSpec &v : verbs()) {
        if (v.hidden)
            continue;
        QStringList opts{QStringLiteral("--help")};
        if (qstrcmp(v.name, "init") != 0 && qstrcmp(v.name, "help") != 0 && qstrcmp(v.name, "completion") != 0)
            opts.append(QStringLiteral("--workspace"));
        for (const OptionSpec &o : v.options) {
            opts.append(QStringLiteral("--") + QLatin1String(o.name));
            if (o.valueName)
                valued += QStringLiteral(" --") + QLatin1String(o.name);
        }
        options += QStringLiteral("        %1) opts=\"%2\" ;;\n").arg(QLatin1String(v.name), opts.join(QLatin1Char(' ')));
        QStringList kinds;
        for (Completes c : v.positionals)
            kinds.append(c == Completes::Directory ? QStringLiteral("dir") : c == Completes::Sync ? QStringLiteral("sync")
                                                                          : c == Completes::Model ? QStringLiteral("model")
                                                                                                  : QStringLiteral("none"));
        if (qstrcmp(v.name, "help") == 0)
            kinds = {QStringLiteral("verb")};
        if (qstrcmp(v.name, "completion") == 0)
            kinds = {QStringLiteral("shell")};
        positionals += QStringLiteral("        %1) kinds=(%2) ;;\n").arg(QLatin1String(v.name), kinds.join(QLatin1Char(' ')));
    }
    return QStringLiteral(R"SH(# bash completion for sluice; made by `sluice completion bash`
_sluice_names() {
    if [[ -n $2 ]]; then
        sluice names "$1" --workspace "$2" 2>/dev/null
    else
        sluice names "$1" 2>/dev/null
    fi
}

_sluice() {
    local cur prev verb="" ws="" count=0 i word kinds=() opts
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "$word" in
            --workspace) ws="${COMP_WORDS[i+1]}"; ((i++)) ;;
            --workspace=*) ws="${word#--workspace=}" ;;%3) ((i++)) ;;
            -*) ;;
            *) if [[ -z $verb ]]; then verb="$word"; else ((count++)); fi ;;
        esac
    done
    case "$prev" in
        --workspace) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --since) COMPREPLY=($(compgen -W "24h 7d 30d" -- "$cur")); return ;;%3) return ;;
    esac
    if [[ -z $verb ]]; then
        COMPREPLY=($(compgen -W "%4 --help --version" -- "$cur"))
        return
    fi
    case "$verb" in
%1        *) return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
        return
    fi
    case "$verb" in
%2    esac
    local IFS=$'\n'
    case "${kinds[count]}" in
        dir) COMPREPLY=($(compgen -d -- "$cur")) ;;
        sync) COMPREPLY=($(compgen -W "$(_sluice_names sync "$ws")" -- "$cur")) ;;
        model) COMPREPLY=($(compgen -W "$(_sluice_names model "$ws")" -- "$cur")) ;;
        verb) COMPREPLY=($(compgen -W "%4" -- "$cur")) ;;
        shell) COMPREPLY=($(compgen -W "bash zsh" -- "$cur")) ;;
    esac
}
complete -F _sluice sluice
)SH")
        .arg(options, positionals, valued.isEmpty() ? QString() : QStringLiteral("\n            ") + valued.trimmed().replace(QLatin1Char(' '), QLatin1Char('|')),
             visibleNames().join(QLatin1Char(' ')));
}

QString zshCompletion()
{
    auto quoted = [](QString s) { return s.replace(QLatin1Char('\''), QStringLiteral("'\\''")).replace(QLatin1Char(':'), QStringLiteral("\\:")); };
    QString described, cases;
    for (const VerbSpec &v : verbs()) {
        if (v.hidden)
            continue;
        described += QStringLiteral("        '%1:%2'\n").arg(QLatin1String(v.name), quoted(QCoreApplication::translate("sluice::cli", v.summary)));
        QStringList specs{QStringLiteral("'--help[the verb'\\''s synopsis, options, examples and exit codes]'")};
        if (qstrcmp(v.name, "init") != 0 && qstrcmp(v.name, "help") != 0 && qstrcmp(v.name, "completion") != 0)
            specs.append(QStringLiteral("'--workspace=[the workspace]:directory:_files -/'"));
        for (const OptionSpec &o : v.options) {
            QString help = QCoreApplication::translate("sluice::cli", o.help);
            help.replace(QLatin1Char('['), QLatin1Char('(')).replace(QLatin1Char(']'), QLatin1Char(')'));
            if (!o.valueName)
                specs.append(QStringLiteral("'--%1[%2]'").arg(QLatin1String(o.name), quoted(help)));
            else if (qstrcmp(o.name, "since") == 0)
                specs.append(QStringLiteral("'--since=[%1]:period:(24h 7d 30d)'").arg(quoted(help)));
            else
                specs.append(QStringLiteral("'--%1=[%2]:%3:'").arg(QLatin1String(o.name), quoted(help), QString::fromLatin1(o.valueName).toLower()));
        }
        int n = 1;
        for (Completes c : v.positionals) {
            const QString action = c == Completes::Directory ? QStringLiteral("_files -/")
                                   : c == Completes::Sync    ? QStringLiteral("_sluice_names sync")
                                   : c == Completes::Model   ? QStringLiteral("_sluice_names model")
                                                             : QStringLiteral(" ");
            specs.append(QStringLiteral("'%1:%2:%3'").arg(n++).arg(c == Completes::Key ? QStringLiteral("key") : QStringLiteral("name"), action));
        }
        if (qstrcmp(v.name, "help") == 0)
            specs.append(QStringLiteral("'1:verb:_sluice_verbs'"));
        if (qstrcmp(v.name, "completion") == 0)
            specs.append(QStringLiteral("'1:shell:(bash zsh)'"));
        cases += QStringLiteral("        %1) _arguments %2 ;;\n").arg(QLatin1String(v.name), specs.join(QLatin1Char(' ')));
    }
    return QStringLiteral(R"SH(#compdef sluice
# zsh completion for sluice; made by `sluice completion zsh`

_sluice_verbs() {
    local -a verbs
    verbs=(
%1    )
    _describe 'verb' verbs
}

_sluice_names() {
    local ws i
    for ((i = 1; i < ${#words}; i++)); do
        [[ ${words[i]} == --workspace ]] && ws=${words[i+1]}
        [[ ${words[i]} == --workspace=* ]] && ws=${words[i]#--workspace=}
    done
    local -a names wsarg
    [[ -n $ws ]] && wsarg=(--workspace $ws)
    names=(${(f)"$(sluice names $1 $wsarg 2>/dev/null)"})
    compadd -a names
}

_sluice() {
    if (( CURRENT == 2 )); then
        _alternative 'verbs:verb:_sluice_verbs' 'options:option:(--help --version)'
        return
    fi
    local verb=${words[2]}
    shift words
    (( CURRENT-- ))
    case $verb in
%2    esac
}

_sluice "$@"
)SH")
        .arg(described, cases);
}

} // namespace sluice::cli
