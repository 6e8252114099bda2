#pragma once

#include <QStringList>

namespace sluice::cli {

// The CLI contract of DESIGN.md. Returns the process exit code:
// 0 done, 1 a source or destination failed it, 2 usage or configuration
// error, 3 a partial run. JSON goes to stdout, everything for people to stderr.
int run(const QStringList &arguments);

// True when `verb` is one of the CLI's verbs (app/ uses it to pick a face).
bool isVerb(const QString &verb);

} // namespace sluice::cli
