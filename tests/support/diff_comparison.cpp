#include "diff_comparison.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

namespace sluice::test {

bool writeDiffWorkspace(const QString &dir, const QByteArray &sourceJson, const QString &sql, const QString &key, const QStringList &columns,
                        QString *error)
{
    QDir().mkpath(dir);
    QJsonArray fields;
    for (const QString &c : columns)
        fields.append(QJsonObject{{QStringLiteral("source"), c}, {QStringLiteral("destination"), c.toLower()}});
    auto sync = [&](const char *destination, const char *diff) {
        return QJsonObject{{QStringLiteral("model"), QStringLiteral("accounts")}, {QStringLiteral("destination"), QLatin1String(destination)},
                           {QStringLiteral("mode"), QStringLiteral("mirror")}, {QStringLiteral("diff"), QLatin1String(diff)},
                           {QStringLiteral("fields"), fields}};
    };
    const QJsonObject workspace{
        {QStringLiteral("version"), 1},
        {QStringLiteral("sources"), QJsonObject{{QStringLiteral("dw"), QJsonDocument::fromJson(sourceJson).object()}}},
        {QStringLiteral("destinations"),
         QJsonObject{{QStringLiteral("a"), QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")}, {QStringLiteral("path"), QStringLiteral("out/local.jsonl")}}},
                     {QStringLiteral("b"), QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")}, {QStringLiteral("path"), QStringLiteral("out/warehouse.jsonl")}}}}},
        {QStringLiteral("models"),
         QJsonObject{{QStringLiteral("accounts"), QJsonObject{{QStringLiteral("source"), QStringLiteral("dw")}, {QStringLiteral("primary_key"), key},
                                                              {QStringLiteral("sql"), sql}}}}},
        {QStringLiteral("syncs"), QJsonObject{{QStringLiteral("by_local"), sync("a", "local")}, {QStringLiteral("by_warehouse"), sync("b", "warehouse")}}}};
    QFile f(dir + QStringLiteral("/sluice.json"));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(workspace).toJson()) < 0) {
        *error = f.errorString();
        return false;
    }
    return true;
}

namespace {

QJsonObject runSync(const QString &binary, const QString &dir, const QString &sync)
{
    QProcess p;
    p.start(binary, {QStringLiteral("run"), sync, QStringLiteral("--workspace"), dir, QStringLiteral("--json")});
    p.waitForFinished(180000);
    if (p.exitCode() != 0)
        qWarning("%s: %s", qPrintable(sync), p.readAllStandardError().constData());
    return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
}

QStringList sortedLines(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList all = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    all.sort();
    return all;
}

} // namespace

DiffRuns runBothDiffs(const QString &binary, const QString &dir, const QString &step)
{
    DiffRuns out;
    out.local = runSync(binary, dir, QStringLiteral("by_local"));
    out.warehouse = runSync(binary, dir, QStringLiteral("by_warehouse"));
    const QJsonObject local = out.local.value(QStringLiteral("counts")).toObject();
    const QJsonObject warehouse = out.counts();
    QStringList differences;
    if (local.isEmpty() || warehouse.isEmpty())
        differences.append(QStringLiteral("%1: a run printed no counts").arg(step));
    for (const char *key : {"added", "changed", "removed", "unchanged", "delivered"})
        if (local.value(QLatin1String(key)) != warehouse.value(QLatin1String(key)))
            differences.append(QStringLiteral("%1, %2: local %3, warehouse %4")
                                   .arg(step, QLatin1String(key))
                                   .arg(local.value(QLatin1String(key)).toInt())
                                   .arg(warehouse.value(QLatin1String(key)).toInt()));
    if (sortedLines(dir + QStringLiteral("/out/warehouse.jsonl")) != sortedLines(dir + QStringLiteral("/out/local.jsonl")))
        differences.append(QStringLiteral("%1: the files differ").arg(step));
    out.differences = differences.join(QStringLiteral("; "));
    return out;
}

} // namespace sluice::test
