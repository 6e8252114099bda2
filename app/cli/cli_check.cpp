#include "cli/cli_support.h"
#include "destination/destination.h"
#include "engine/plan_internal.h"
#include "engine/sync_engine.h"
#include "model/key_check.h"
#include "model/model_query.h"
#include "source/source_connection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QTcpSocket>
#include <QUrl>

namespace sluice::cli {

namespace {


struct Outcome
{
    int exitCode = ExitOk;
    void worsen(int code)
    {
        // A configuration error outranks a failed source: it must be fixed first.
        if (code == ExitUsage || (code == ExitFailed && exitCode == ExitOk))
            exitCode = code;
    }
};

QJsonObject entry(const QString &name, const QString &error)
{
    QJsonObject o{{QStringLiteral("name"), name}, {QStringLiteral("ok"), error.isEmpty()}};
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}

QString checkDestination(const workspace::Workspace &ws, const workspace::DestinationConfig &d, int &code)
{
    // Built as a run builds it: secrets resolved, settings read, the type's connector present.
    Result<std::unique_ptr<destination::Destination>> built = destination::Destination::create(d, ws);
    if (!built) {
        code = exitCodeFor(built.error());
        return built.error().message;
    }
    if (Result<void> r = built.value()->check(); !r) {
        code = exitCodeFor(r.error());
        return r.error().message;
    }
    return {};
}

} // namespace

namespace {

// What a check found, part by part, and the exit code it comes to.
struct Findings
{
    Outcome outcome;
    QJsonArray sources, models, destinations, syncs;
    QStringList errors;
    std::map<QString, std::unique_ptr<source::SourceConnection>> connections;
    std::map<QString, QList<source::Column>> modelColumns;
    QSet<QString> failedDestinations;

    void failed(const Error &e, const QString &message)
    {
        outcome.worsen(exitCodeFor(e));
        errors.append(message);
    }
};

void checkSources(const workspace::Workspace &ws, Findings &f)
{
    for (const workspace::SourceConfig &s : ws.config().sources) {
        Result<std::unique_ptr<source::SourceConnection>> c = source::SourceConnection::open(s, ws);
        if (!c) {
            f.failed(c.error(), c.error().message);
            f.sources.append(entry(s.name, c.error().message));
            continue;
        }
        say(QCoreApplication::translate("sluice::cli", "ok: source %1 (%2) reached").arg(s.name, s.driver));
        f.connections[s.name] = std::move(c).value();
        f.sources.append(entry(s.name, {}));
    }
}

void checkModels(const workspace::Workspace &ws, Findings &f)
{
    for (const workspace::ModelConfig &m : ws.config().models) {
        auto conn = f.connections.find(m.source);
        if (conn == f.connections.end()) {
            f.models.append(entry(m.name, QCoreApplication::translate("sluice::cli", "model %1: source %2 is not reachable").arg(m.name, m.source)));
            continue;
        }
        Result<void> compiled = model::compileModel(*conn->second, m, ws.config());
        Result<QList<source::Column>> columns = compiled ? conn->second->describe(m.sql) : Result<QList<source::Column>>(compiled.error());
        Result<model::KeyCheck> keys = columns ? model::checkKeys(*conn->second, m, columns.value()) : Result<model::KeyCheck>(columns.error());
        if (!keys) {
            const QString message = QCoreApplication::translate("sluice::cli", "model %1: %2").arg(m.name, keys.error().message);
            f.failed(keys.error(), message);
            f.models.append(entry(m.name, message));
            continue;
        }
        f.modelColumns[m.name] = columns.value();
        QJsonObject o = entry(m.name, keys->problems(m.name).join(QLatin1Char('\n')));
        o.insert(QStringLiteral("columns"), double(columns->size()));
        o.insert(QStringLiteral("checks"), keys->toJson());
        f.models.append(o);
        if (!keys->ok()) {
            f.outcome.worsen(keys->missingColumns.isEmpty() ? ExitFailed : ExitUsage);
            f.errors.append(keys->problems(m.name));
        } else {
            say((m.isAudience() ? QCoreApplication::translate("sluice::cli", "ok: audience %1 compiles (%2 columns, %3 rows, key unique)") : QCoreApplication::translate("sluice::cli", "ok: model %1 compiles (%2 columns, %3 rows, key unique)")).arg(m.name).arg(columns->size()).arg(keys->rowCount));
        }
    }
}

void checkDestinations(const workspace::Workspace &ws, Findings &f)
{
    for (const workspace::DestinationConfig &d : ws.config().destinations) {
        int code = ExitOk;
        const QString error = checkDestination(ws, d, code);
        if (!error.isEmpty()) {
            f.failedDestinations.insert(d.name);
            f.outcome.worsen(code);
            f.errors.append(error);
        } else {
            say(QCoreApplication::translate("sluice::cli", "ok: destination %1 (%2)").arg(d.name, d.type));
        }
        f.destinations.append(entry(d.name, error));
    }
}

void checkSyncs(const workspace::Workspace &ws, Findings &f)
{
    for (const workspace::SyncConfig &s : ws.config().syncs) {
        QStringList problems = engine::governanceProblems(ws, s.name);
        // The mapping compiled against the model's columns, as a run would.
        if (const auto columns = f.modelColumns.find(s.model); columns != f.modelColumns.end())
            problems.append(engine::mappingProblems(ws, s.name, columns->second));
        // The destination's own fields, where it describes them (a CRM's properties).
        if (problems.isEmpty() && !f.failedDestinations.contains(s.destination)) {
            if (Result<mapping::FieldSchema> rules = engine::destinationRules(ws, s); !rules) {
                f.failed(rules.error(), rules.error().message);
                f.syncs.append(entry(s.name, rules.error().message));
                continue;
            }
        }
        if (!problems.isEmpty()) {
            f.outcome.worsen(ExitUsage);
            f.errors.append(problems);
        }
        f.syncs.append(entry(s.name, problems.join(QLatin1Char('\n'))));
    }
}

} // namespace

int runCheck(const Arguments &args)
{
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws) {
        if (args.json())
            printJson(QJsonObject{{QStringLiteral("ok"), false},
                                  {QStringLiteral("errors"), QJsonArray::fromStringList(ws.error().message.split(QLatin1Char('\n')))},
                                  {QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), ws.error().message},
                                                                       {QStringLiteral("object"), ws.error().object()}}}});
        return fail(ws.error());
    }
    Findings f;
    checkSources(ws.value(), f);
    checkModels(ws.value(), f);
    checkDestinations(ws.value(), f);
    checkSyncs(ws.value(), f);
    for (const QString &e : std::as_const(f.errors))
        say(QCoreApplication::translate("sluice::cli", "error: %1").arg(e));
    if (args.json()) {
        QJsonObject doc{{QStringLiteral("ok"), f.outcome.exitCode == ExitOk},
                        {QStringLiteral("workspace"), ws->dir()},
                        {QStringLiteral("sources"), f.sources},
                        {QStringLiteral("models"), f.models},
                        {QStringLiteral("destinations"), f.destinations},
                        {QStringLiteral("syncs"), f.syncs},
                        {QStringLiteral("errors"), QJsonArray::fromStringList(f.errors)}};
        if (!f.errors.isEmpty())
            doc.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), f.errors.join(QLatin1Char('\n'))},
                                                           {QStringLiteral("object"), objectNamedBy(f.errors.first())}});
        printJson(doc);
    }
    if (f.outcome.exitCode == ExitOk)
        say(QCoreApplication::translate("sluice::cli", "sluice.json is valid; every source and model checks out"));
    return f.outcome.exitCode;
}

} // namespace sluice::cli
