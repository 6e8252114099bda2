#include "cli/cli_support.h"
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
    for (auto it = d.raw.begin(); it != d.raw.end(); ++it) {
        if (auto ref = workspace::parseSecretRef(it.value())) {
            Result<QString> s = ws.resolveSecret(*ref, QCoreApplication::translate("sluice::cli", "destination %1: %2").arg(d.name, it.key()));
            if (!s) {
                code = ExitUsage;
                return s.error().message;
            }
        }
    }
    const QJsonObject headers = d.raw.value(QStringLiteral("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (auto ref = workspace::parseSecretRef(it.value())) {
            Result<QString> s = ws.resolveSecret(*ref, QCoreApplication::translate("sluice::cli", "destination %1: header %2").arg(d.name, it.key()));
            if (!s) {
                code = ExitUsage;
                return s.error().message;
            }
        }
    }
    const QString address = d.raw.value(QStringLiteral("url")).toString(d.raw.value(QStringLiteral("base_url")).toString());
    if (!address.isEmpty()) {
        // Reach the host: a TCP connection within the destination's timeout (at most 10 s).
        const QUrl url(address);
        QTcpSocket socket;
        socket.connectToHost(url.host(), quint16(url.port(url.scheme() == QLatin1String("https") ? 443 : 80)));
        const int timeout = qBound(1, d.raw.value(QStringLiteral("timeout_s")).toInt(10), 10) * 1000;
        if (!socket.waitForConnected(timeout)) {
            code = ExitFailed;
            return QCoreApplication::translate("sluice::cli", "destination %1: cannot reach %2: %3")
                .arg(d.name, url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery), socket.errorString());
        }
    }
    if (d.type == QLatin1String("postgres")) {
        workspace::SourceConfig asSource;
        asSource.name = d.name;
        asSource.driver = QStringLiteral("postgres");
        asSource.host = d.raw.value(QStringLiteral("host")).toString(QStringLiteral("127.0.0.1"));
        asSource.port = d.raw.value(QStringLiteral("port")).toInt(0);
        asSource.database = d.raw.value(QStringLiteral("database")).toString();
        asSource.user = d.raw.value(QStringLiteral("user")).toString();
        asSource.password = workspace::parseSecretRef(d.raw.value(QStringLiteral("password")));
        auto c = source::SourceConnection::open(asSource, ws);
        if (!c) {
            code = exitCodeFor(c.error());
            return QCoreApplication::translate("sluice::cli", "destination %1: %2").arg(d.name, c.error().message);
        }
    }
    if (d.type == QLatin1String("jsonl") || d.type == QLatin1String("csv") || d.type == QLatin1String("sqlite")) {
        const QFileInfo dir(QFileInfo(ws.resolvePath(d.raw.value(QStringLiteral("path")).toString())).absolutePath());
        if (dir.exists() && !dir.isWritable()) {
            code = ExitFailed;
            return QCoreApplication::translate("sluice::cli", "destination %1: directory %2 is not writable").arg(d.name, dir.absoluteFilePath());
        }
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
                                  {QStringLiteral("errors"), QJsonArray::fromStringList(ws.error().message.split(QLatin1Char('\n')))}});
        return fail(ws.error());
    }
    const workspace::Config &config = ws->config();
    Outcome outcome;
    QJsonArray sources, models, destinations;
    QStringList errors;

    std::map<QString, std::unique_ptr<source::SourceConnection>> connections;
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
    for (const workspace::DestinationConfig &d : config.destinations) {
        int code = ExitOk;
        const QString error = checkDestination(ws.value(), d, code);
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
        const QStringList problems = engine::governanceProblems(ws.value(), s.name);
        if (!problems.isEmpty()) {
            outcome.worsen(ExitUsage);
            errors.append(problems);
        }
        syncs.append(entry(s.name, problems.join(QLatin1Char('\n'))));
    }
    for (const QString &e : std::as_const(errors))
        say(QCoreApplication::translate("sluice::cli", "error: %1").arg(e));
    if (args.json())
        printJson(QJsonObject{{QStringLiteral("ok"), outcome.exitCode == ExitOk},
                              {QStringLiteral("workspace"), ws->dir()},
                              {QStringLiteral("sources"), sources},
                              {QStringLiteral("models"), models},
                              {QStringLiteral("destinations"), destinations},
                              {QStringLiteral("syncs"), syncs},
                              {QStringLiteral("errors"), QJsonArray::fromStringList(errors)}});
    if (outcome.exitCode == ExitOk)
        say(QCoreApplication::translate("sluice::cli", "sluice.json is valid; every source and model checks out"));
    return outcome.exitCode;
}

} // namespace sluice::cli
