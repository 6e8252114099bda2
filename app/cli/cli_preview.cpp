#include "cli/cli_support.h"
#include "cli/progress_line.h"
#include "cli/terminal.h"
#include "model/preview.h"
#include "source/source_connection.h"

#include <QCoreApplication>
#include <QLocale>

namespace sluice::cli {

namespace {


QString cell(const QVariant &v)
{
    if (v.isNull())
        return QStringLiteral("NULL");
    QString s = source::toText(v);
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    // Display only: the JSON output always carries the whole value.
    return s.size() > 32 ? s.left(31) + QChar(0x2026) : s;
}

// The rows under a header of names and a line of types; numbers right-aligned,
// the widest column elided to fit the terminal.
QString table(const model::Preview &p)
{
    term::Table t;
    QStringList types;
    for (qsizetype i = 0; i < p.columns.size(); ++i) {
        const source::Column &c = p.columns[i];
        t.header.append(c.name);
        types.append(source::columnTypeName(c.type));
        if (c.type == source::ColumnType::Integer || c.type == source::ColumnType::Decimal || c.type == source::ColumnType::Float)
            t.numeric.insert(int(i));
    }
    t.rows.append(types);
    for (const source::Row &r : p.rows) {
        QStringList cells;
        for (qsizetype i = 0; i < p.columns.size(); ++i)
            cells.append(cell(r.value(i)));
        t.rows.append(cells);
    }
    return t.render();
}

} // namespace

int runPreview(const Arguments &args)
{
    int limit = 20;
    if (args.options.contains(QStringLiteral("limit"))) {
        bool ok = false;
        limit = args.options.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 0 || limit > 100000)
            return usageError(QCoreApplication::translate("sluice::cli", "preview: --limit takes a number from 0 to 100000"));
    }
    Result<workspace::Workspace> ws = openWorkspace(args);
    if (!ws)
        return fail(ws.error());
    const QString name = args.positional.first();
    if (!ws->config().models.contains(name))
        return usageError(QCoreApplication::translate("sluice::cli", "preview: unknown model \"%1\" (models: %2)")
                              .arg(name, ws->config().models.keys().join(QStringLiteral(", "))));
    const workspace::ModelConfig &model = ws->config().models.value(name);
    Result<std::unique_ptr<source::SourceConnection>> conn =
        source::SourceConnection::open(ws->config().sources.value(model.source), ws.value());
    if (!conn)
        return fail({QCoreApplication::translate("sluice::cli", "model %1: %2").arg(name, conn.error().message), conn.error().kind});
    ProgressLine progress(!args.json() && !args.flags.contains(QStringLiteral("quiet")));
    progress.update(QStringLiteral("preview"), 0, -1);
    Result<model::Preview> preview = model::previewModel(*conn.value(), model, limit, nullptr, &ws->config());
    progress.finish();
    if (!preview)
        return fail({QCoreApplication::translate("sluice::cli", "model %1: %2").arg(name, preview.error().message), preview.error().kind});

    const model::Preview &p = preview.value();
    if (args.json()) {
        QJsonObject doc = p.toJson();
        doc.insert(QStringLiteral("source"), model.source);
        printJson(doc);
    } else {
        say(table(p));
        say(QCoreApplication::translate("sluice::cli", "%1 row(s) in %2 ms; model checks in %3 ms").arg(p.rows.size()).arg(p.elapsedMs).arg(p.checksElapsedMs));
        if (p.estimatedBytes)
            say(QCoreApplication::translate("sluice::cli", "reading the whole model would process %1 (the warehouse's dry-run estimate)")
                    .arg(QLocale::c().formattedDataSize(*p.estimatedBytes)));
    }
    if (p.checks.ok()) {
        say(QCoreApplication::translate("sluice::cli", "model %1: primary key %2 is present, non-null and unique over %3 rows")
                .arg(name, model.primaryKey.join(QStringLiteral(", ")))
                .arg(p.checks.rowCount));
    } else {
        for (const QString &problem : p.checks.problems(name))
            say(QCoreApplication::translate("sluice::cli", "warning: %1").arg(problem));
        if (!p.checks.missingColumns.isEmpty())
            return ExitUsage; // the model's configuration names a column that is not there
    }
    return ExitOk;
}

} // namespace sluice::cli
