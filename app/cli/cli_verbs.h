#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// Every verb of the CLI described once: what it takes, what it does, its
// examples and exit codes. The parser, `sluice help VERB`, the usage text,
// the man page and the shell completion scripts are all made from it, so
// they cannot disagree.
namespace sluice::cli {

struct Arguments;

struct OptionSpec
{
    const char *name;      // without the dashes
    const char *valueName; // nullptr: a flag
    const char *help;      // QT_TRANSLATE_NOOP("sluice::cli", ...)
};

// What a positional argument names, for completion.
enum class Completes { Nothing, Directory, Sync, Model, Key };

struct VerbSpec
{
    const char *name;
    const char *arguments; // "SYNC", "[SYNC]", "SYNC KEY"
    const char *summary;   // one line
    const char *description;
    QList<OptionSpec> options; // besides --workspace and --help
    QList<Completes> positionals;
    int minPositional;
    int maxPositional;
    int (*handler)(const Arguments &);
    QStringList examples;
    const char *exitCodes; // the verb's own; nullptr: the common ones
    bool hidden = false;   // generators (manpage), kept out of the usage
};

const QList<VerbSpec> &verbs();
const VerbSpec *findVerb(const QString &name);

QString usageText();
QString verbHelp(const VerbSpec &verb);
// The nearest of `candidates` to `word`, when it is close enough to be a typo.
QString nearest(const QString &word, const QStringList &candidates);

// sluice(1) in roff, and completion scripts for bash and zsh.
QString manPage();
QString bashCompletion();
QString zshCompletion();

} // namespace sluice::cli
