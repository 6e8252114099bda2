#include "cli/cli_support.h"
#include "destination/destination.h"
#include "engine/plan_internal.h"
#include "engine/sync_engine.h"
#include "model/key_check.h"
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
    const workspace::Config &config = ws->config();
    Outcome outcome;
    QJsonArray sources, models, destinations;
    QStringList errors;

    std::map<QString, std::unique_ptr<source::SourceConnection>> connections;
    std::map<QString, QList<source::Column>> modelColumns;
    for (const workspace::SourceConfig &s : config.sources) {
        Result<std::unique_ptr<source::SourceConnection>> c = source::SourceConnection::open(s, ws.value());
        if (!c) {
            outcome.worsen(exitCodeFor(c.error()));
            errors.append(c.error().message);
            sources.append(entry(s.name, c.error().message));
            continue;
        }
        say(QCoreApplication::translate("sluice::cli", "ok: source %1 (%2) reached").arg(s.name, s.driver));
        connections[s.name] = std::move(c).value();
        sources.append(entry(s.name, {}));
    }
    for (const workspace::ModelConfig &m : config.models) {
        auto conn = connections.find(m.source);
        if (conn == connections.end()) {
            models.append(entry(m.name, QCoreApplication::translate("sluice::cli", "model %1: source %2 is not reachable").arg(m.name, m.source)));
            continue;
        }
        Result<QList<source::Column>> columns = conn->second->describe(m.sql);
        if (!columns) {
            const QString message = QCoreApplication::translate("sluice::cli", "model %1: %2").arg(m.name, columns.error().message);
            outcome.worsen(exitCodeFor(columns.error()));
            errors.append(message);
            models.append(entry(m.name, message));
            continue;
        }
        modelColumns[m.name] = columns.value();
        Result<model::KeyCheck> keys = model::checkKeys(*conn->second, m, columns.value());
        if (!keys) {
            const QString message = QCoreApplication::translate("sluice::cli", "model %1: %2").arg(m.name, keys.error().message);
            outcome.worsen(exitCodeFor(keys.error()));
            errors.append(message);
            models.append(entry(m.name, message));
            continue;
        }
        QJsonObject o = entry(m.name, keys->problems(m.name).join(QLatin1Char('\n')));
        o.insert(QStringLiteral("columns"), double(columns->size()));
        o.insert(QStringLiteral("checks"), keys->toJson());
        models.append(o);
        if (!keys->ok()) {
            outcome.worsen(keys->missingColumns.isEmpty() ? ExitFailed : ExitUsage);
            errors.append(keys->problems(m.name));
        } else {
            say(QCoreApplication::translate("sluice::cli", "ok: model %1 compiles (%2 columns, %3 rows, key unique)").arg(m.name).arg(columns->size()).arg(keys->rowCount));
        }
    }
    QSet<QString> failedDestinations;
    for (const workspace::DestinationConfig &d : config.destinations) {
        int code = ExitOk;
        const QString error = checkDestination(ws.value(), d, code);
        if (!error.isEmpty())
            failedDestinations.insert(d.name);
        if (!error.isEmpty()) {
            outcome.worsen(code);
            errors.append(error);
        } else {
            say(QCoreApplication::translate("sluice::cli", "ok: destination %1 (%2)").arg(d.name, d.type));
        }
        destinations.append(entry(d.name, error));
    }
    QJsonArray syncs;
    for (const workspace::SyncConfig &s : config.syncs) {
        QStringList problems = engine::governanceProblems(ws.value(), s.name);
        // The mapping compiled against the model's columns, as a run would.
        if (const auto columns = modelColumns.find(config.syncs.value(s.name).model); columns != modelColumns.end())
            problems.append(engine::mappingProblems(ws.value(), s.name, columns->second));
        // The destination's own fields, where it describes them (a CRM's properties).
        if (problems.isEmpty() && !failedDestinations.contains(s.destination)) {
            if (Result<mapping::FieldSchema> rules = engine::destinationRules(ws.value(), s); !rules) {
                problems.append(rules.error().message);
                outcome.worsen(exitCodeFor(rules.error()));
                errors.append(rules.error().message);
                syncs.append(entry(s.name, rules.error().message));
                continue;
            }
        }
        if (!problems.isEmpty()) {
            outcome.worsen(ExitUsage);
            errors.append(problems);
        }
        syncs.append(entry(s.name, problems.join(QLatin1Char('\n'))));
    }
    for (const QString &e : std::as_const(errors))
        say(QCoreApplication::translate("sluice::cli", "error: %1").arg(e));
    if (args.json()) {
        QJsonObject doc{{QStringLiteral("ok"), outcome.exitCode == ExitOk},
                        {QStringLiteral("workspace"), ws->dir()},
                        {QStringLiteral("sources"), sources},
                        {QStringLiteral("models"), models},
                        {QStringLiteral("destinations"), destinations},
                        {QStringLiteral("syncs"), syncs},
                        {QStringLiteral("errors"), QJsonArray::fromStringList(errors)}};
        if (!errors.isEmpty())
            doc.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), errors.join(QLatin1Char('\n'))},
                                                           {QStringLiteral("object"), objectNamedBy(errors.first())}});
        printJson(doc);
    }
    if (outcome.exitCode == ExitOk)
        say(QCoreApplication::translate("sluice::cli", "sluice.json is valid; every source and model checks out"));
    return outcome.exitCode;
}

} // namespace sluice::cli
