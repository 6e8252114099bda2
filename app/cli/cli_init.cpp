#include "cli/cli_support.h"
#include "workspace/workspace_init.h"

#include <QCoreApplication>
#include <QDir>

namespace sluice::cli {

int runInit(const Arguments &args)
{
    workspace::InitOptions options;
    options.demo = args.flags.contains(QStringLiteral("demo"));
    options.demoAudiences = args.flags.contains(QStringLiteral("audiences"));
    if (options.demoAudiences && !options.demo)
        return usageError(QCoreApplication::translate("sluice::cli", "init: --audiences goes with --demo"));
    if (args.options.contains(QStringLiteral("rows"))) {
        if (!options.demo)
            return usageError(QCoreApplication::translate("sluice::cli", "init: --rows goes with --demo"));
        bool ok = false;
        options.demoUsers = args.options.value(QStringLiteral("rows")).toLongLong(&ok);
        if (!ok || options.demoUsers < 1 || options.demoUsers > 10'000'000)
            return usageError(QCoreApplication::translate("sluice::cli", "init: --rows takes a number from 1 to 10000000"));
    }
    const QString dir = QDir(args.positional.first()).absolutePath();
    const bool big = options.demoUsers >= 1'000'000;
    Result<void> r = workspace::initWorkspace(dir, options, [&](qint64 done, qint64 total) {
        if (big)
            say(QCoreApplication::translate("sluice::cli", "demo warehouse: %1 of %2 users").arg(done).arg(total));
    });
    if (!r)
        return fail(r.error());
    if (args.json()) {
        printJson(QJsonObject{{QStringLiteral("workspace"), dir},
                              {QStringLiteral("demo"), options.demo},
                              {QStringLiteral("rows"), options.demo ? double(options.demoUsers) : 0.0}});
    }
    say(options.demo ? QCoreApplication::translate("sluice::cli", "Created demo workspace %1 (%2 customers). Try: sluice preview customer_360 --workspace %1")
                           .arg(dir)
                           .arg(options.demoUsers)
                     : QCoreApplication::translate("sluice::cli", "Created workspace %1. Add a source to sluice.json, or open it in the GUI: sluice --workspace %1")
                           .arg(dir));
    return ExitOk;
}

} // namespace sluice::cli
