// sluice traits / audience size / audience overlap / import dbt: the semantic
// layer from a terminal. Counts and distributions are the warehouse's.
#include "cli/cli_support.h"
#include "cli/progress_line.h"
#include "cli/terminal.h"
#include "model/audience_stats.h"
#include "model/dbt_import.h"
#include "model/model_query.h"
#include "model/trait_stats.h"
#include "source/source_connection.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QLocale>

namespace sluice::cli {

namespace {

Result<std::unique_ptr<source::SourceConnection>> connectFor(const workspace::Workspace &ws, const workspace::ModelConfig &model)
{
    Result<std::unique_ptr<source::SourceConnection>> conn = source::SourceConnection::open(ws.config().sources.value(model.source), ws);
    if (!conn)
        return Error{QCoreApplication::translate("sluice::cli", "model %1: %2").arg(model.name, conn.error().message), conn.error().kind};
    return conn;
}

QString percent(qint64 part, qint64 whole)
{
    return QLocale().toString(whole > 0 ? 100.0 * double(part) / double(whole) : 0.0, 'f', 1) + QStringLiteral(" %");
}

int audienceSize(const workspace::Workspace &ws, const QString &name, bool json)
{
    Result<model::AudienceBase> base = model::audienceBase(ws.config(), name);
    if (!base)
        return fail(base.error());
    Result<std::unique_ptr<source::SourceConnection>> conn = connectFor(ws, base->model);
    if (!conn)
        return fail(conn.error());
    if (Result<void> compiled = model::compileModel(*conn.value(), ws.config().models.value(name), ws.config()); !compiled)
        return fail(compiled.error());
    Result<model::AudienceSize> size = model::countAudience(*conn.value(), base.value());
    if (!size)
        return fail({QCoreApplication::translate("sluice::cli", "audience %1: %2").arg(name, size.error().message), size.error().kind});
    size->audience = name;
    const QString conditions = model::describeConditions(base->conditions);
    if (json) {
        QJsonObject doc = size->toJson();
        doc.insert(QStringLiteral("conditions"), conditions);
        printJson(doc);
        return ExitOk;
    }
    const QLocale locale;
    say(QCoreApplication::translate("sluice::cli", "audience %1: %2 of %3 rows of %4 (%5), counted in %6 ms")
            .arg(name, locale.toString(size->rows), locale.toString(size->modelRows), size->model, percent(size->rows, size->modelRows))
            .arg(size->elapsedMs));
    say(QStringLiteral("  ") + conditions);
    return ExitOk;
}

int audienceOverlap(const workspace::Workspace &ws, const QString &a, const QString &b, bool json)
{
    Result<model::AudienceBase> first = model::audienceBase(ws.config(), a);
    if (!first)
        return fail(first.error());
    Result<model::AudienceBase> second = model::audienceBase(ws.config(), b);
    if (!second)
        return fail(second.error());
    Result<std::unique_ptr<source::SourceConnection>> conn = connectFor(ws, first->model);
    if (!conn)
        return fail(conn.error());
    for (const QString &name : {a, b})
        if (Result<void> compiled = model::compileModel(*conn.value(), ws.config().models.value(name), ws.config()); !compiled)
            return fail(compiled.error());
    Result<model::AudienceOverlap> overlap = model::overlapAudiences(*conn.value(), first.value(), second.value());
    if (!overlap)
        return fail({QCoreApplication::translate("sluice::cli", "overlap of %1 and %2: %3").arg(a, b, overlap.error().message), overlap.error().kind});
    overlap->a = a;
    overlap->b = b;
    if (json) {
        printJson(overlap->toJson());
        return ExitOk;
    }
    const QLocale locale;
    term::Table t;
    t.header = {QCoreApplication::translate("sluice::cli", "rows"), QCoreApplication::translate("sluice::cli", "count"), QCoreApplication::translate("sluice::cli", "share of model")};
    t.numeric = {1, 2};
    t.rows.append({QCoreApplication::translate("sluice::cli", "only %1").arg(a), locale.toString(overlap->onlyA), percent(overlap->onlyA, overlap->modelRows)});
    t.rows.append({QCoreApplication::translate("sluice::cli", "both"), locale.toString(overlap->both), percent(overlap->both, overlap->modelRows)});
    t.rows.append({QCoreApplication::translate("sluice::cli", "only %1").arg(b), locale.toString(overlap->onlyB), percent(overlap->onlyB, overlap->modelRows)});
    say(QCoreApplication::translate("sluice::cli", "%1 and %2, audiences of %3 (%4 rows), counted in %5 ms:")
            .arg(a, b, overlap->model, locale.toString(overlap->modelRows))
            .arg(overlap->elapsedMs));
    say(t.render());
    return ExitOk;
}

} // namespace

int runAudience(const Arguments &args)
{
    const QString action = args.positional.value(0);
    if (action != QLatin1String("size") && action != QLatin1String("overlap"))
        return usageError(QCoreApplication::translate("sluice::cli", "audience: say size NAME or overlap A B (not \"%1\")").arg(action));
    if (action == QLatin1String("size") && args.positional.size() != 2)
        return usageError(QCoreApplication::translate("sluice::cli", "audience size takes one audience: sluice audience size NAME"));
    if (action == QLatin1String("overlap") && args.positional.size() != 3)
        return usageError(QCoreApplication::translate("sluice::cli", "audience overlap takes two audiences: sluice audience overlap A B"));
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws)
        return fail(ws.error());
    return action == QLatin1String("size") ? audienceSize(ws.value(), args.positional[1], args.json())
                                           : audienceOverlap(ws.value(), args.positional[1], args.positional[2], args.json());
}

int runTraits(const Arguments &args)
{
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws)
        return fail(ws.error());
    const QString name = args.positional.first();
    const workspace::Config &config = ws->config();
    if (!config.models.contains(name))
        return usageError(QCoreApplication::translate("sluice::cli", "traits: unknown model \"%1\" (models: %2)").arg(name, config.models.keys().join(QStringLiteral(", "))));
    const workspace::ModelConfig &model = config.models[name];
    // An audience's traits are its model's, measured over the audience's rows.
    const workspace::ModelConfig owner = model.isAudience() ? config.models.value(model.audience->model) : model;
    Result<std::unique_ptr<source::SourceConnection>> conn = connectFor(ws.value(), owner);
    if (!conn)
        return fail(conn.error());
    ProgressLine progress(!args.json() && !args.flags.contains(QStringLiteral("quiet")));
    progress.update(QStringLiteral("traits"), 0, owner.traits.size());
    QList<model::Distribution> distributions;
    if (model.isAudience()) {
        for (const workspace::TraitConfig &t : owner.traits) {
            Result<model::Distribution> d = model::distributionOf(*conn.value(), model.sql, t.name, t.type);
            model::Distribution failed;
            failed.name = t.name;
            failed.error = d ? QString() : d.error().message;
            distributions.append(d ? d.value() : failed);
        }
    } else {
        distributions = model::traitDistributions(*conn.value(), owner);
    }
    progress.finish();
    bool refused = false;
    QJsonArray traits;
    QStringList lines;
    for (qsizetype i = 0; i < owner.traits.size(); ++i) {
        const workspace::TraitConfig &t = owner.traits[i];
        const model::Distribution &d = distributions[i];
        refused = refused || !d.error.isEmpty();
        traits.append(QJsonObject{{QStringLiteral("name"), t.name}, {QStringLiteral("sql"), t.sql}, {QStringLiteral("type"), t.type},
                                  {QStringLiteral("description"), t.description}, {QStringLiteral("owner"), t.owner},
                                  {QStringLiteral("distribution"), d.toJson()}});
        lines.append(QStringLiteral("%1  %2  %3").arg(t.name, t.type.isEmpty() ? source::columnTypeName(d.type) : t.type, t.sql.simplified()));
        lines.append(QStringLiteral("    ") + d.summary());
        if (!t.description.isEmpty() || !t.owner.isEmpty())
            lines.append(QStringLiteral("    ") + (t.owner.isEmpty() ? t.description : QCoreApplication::translate("sluice::cli", "%1 (owner: %2)").arg(t.description, t.owner)));
    }
    if (args.json()) {
        printJson({{QStringLiteral("model"), name}, {QStringLiteral("traits"), traits}});
    } else if (owner.traits.isEmpty()) {
        say(QCoreApplication::translate("sluice::cli", "model %1 has no traits yet; add them under \"traits\" in sluice.json, as {\"is_high_value\": {\"sql\": \"ltv > 1000\"}}").arg(owner.name));
    } else {
        say(model.isAudience() ? QCoreApplication::translate("sluice::cli", "traits of %1 over audience %2:").arg(owner.name, name) : QCoreApplication::translate("sluice::cli", "traits of model %1:").arg(name));
        say(lines.join(QLatin1Char('\n')));
    }
    if (refused)
        say(QCoreApplication::translate("sluice::cli", "error: the warehouse refused a trait of model %1 (see above)").arg(owner.name));
    return refused ? ExitFailed : ExitOk;
}

int runImport(const Arguments &args)
{
    if (args.positional.value(0) != QLatin1String("dbt"))
        return usageError(QCoreApplication::translate("sluice::cli", "import: Sluice imports dbt manifests: sluice import dbt PATH/manifest.json"));
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws)
        return fail(ws.error());
    QFile file(args.positional.value(1));
    if (!file.open(QIODevice::ReadOnly))
        return usageError(QCoreApplication::translate("sluice::cli", "import dbt: cannot read %1: %2").arg(file.fileName(), file.errorString()));
    model::DbtOptions options;
    options.source = args.options.value(QStringLiteral("source"));
    const QString select = args.options.value(QStringLiteral("select"));
    options.select = select.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &s : options.select)
        s = s.trimmed();
    Result<model::DbtImport> imported = model::importDbtManifest(ws->json(), ws->config(), file.readAll(), options);
    if (!imported)
        return fail(imported.error());
    if (Result<void> r = ws->setJson(imported->workspaceJson); !r)
        return fail(r.error());
    if (Result<void> r = ws->save(); !r)
        return fail(r.error());
    if (args.json()) {
        printJson(imported->toJson());
    } else {
        for (const QString &line : imported->report())
            say(line);
    }
    return ExitOk;
}

} // namespace sluice::cli
