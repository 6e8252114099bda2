// sluice.json's JSON Schema and its parser say the same: every example
// workspace in the repository passes both, every hand-made bad file fails
// both, and the schema Sluice prints is the one the examples point at.
// The schema is checked by an independent validator (python3-jsonschema).
#include "workspace/config_schema.h"
#include "workspace/json_text.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace sluice;

class TestConfigSchema final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theExamplesPointAtTheSchemaSluicePrints();
    void examplesPassTheParserAndTheSchema();
    void badFilesFailTheParserAndTheSchema();
    void initWritesAFileTheSchemaAccepts();
    void everyKeyHasADescription();

private:
    static QStringList goodFiles();
    static QStringList badFiles();
    // file -> "ok" or "invalid: ..." from the independent validator
    QHash<QString, QString> validate(const QString &schemaPath, const QStringList &files);
    static Result<workspace::Config> parse(const QString &file);

    QTemporaryDir m_dir;
    QString m_schema;
};

QStringList TestConfigSchema::goodFiles()
{
    QStringList files{QStringLiteral(SLUICE_SOURCE_DIR "/tests/data/good-config.json")};
    const QDir examples(QStringLiteral(SLUICE_SOURCE_DIR "/examples"));
    for (const QString &d : examples.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        files.append(examples.filePath(d + QStringLiteral("/sluice.json")));
    return files;
}

QStringList TestConfigSchema::badFiles()
{
    const QDir bad(QStringLiteral(SLUICE_SOURCE_DIR "/tests/data/bad-config"));
    QStringList files;
    for (const QString &f : bad.entryList({QStringLiteral("*.json")}, QDir::Files))
        files.append(bad.filePath(f));
    return files;
}

Result<workspace::Config> TestConfigSchema::parse(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return configError(QStringLiteral("cannot read ") + file);
    const QByteArray text = f.readAll();
    return workspace::parseConfig(QJsonDocument::fromJson(text).object(), workspace::JsonLayout::scan(text));
}

QHash<QString, QString> TestConfigSchema::validate(const QString &schemaPath, const QStringList &files)
{
    QProcess p;
    // Debian's interpreter, where scripts/setup-debian.sh installs python3-jsonschema.
    p.start(QStringLiteral("/usr/bin/python3"), QStringList{QStringLiteral(SLUICE_SOURCE_DIR "/tests/support/validate_config.py"), schemaPath} + files);
    p.waitForFinished(60000);
    if (p.exitCode() != 0)
        qWarning("validator failed (is python3-jsonschema installed? scripts/setup-debian.sh installs it): %s", p.readAllStandardError().constData());
    QHash<QString, QString> verdicts;
    for (const QByteArray &line : p.readAllStandardOutput().split('\n'))
        if (line.contains('\t'))
            verdicts.insert(QString::fromUtf8(line.left(line.indexOf('\t'))), QString::fromUtf8(line.mid(line.indexOf('\t') + 1)));
    return verdicts;
}

void TestConfigSchema::initTestCase()
{
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("schema")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    const QByteArray printed = p.readAllStandardOutput();
    QVERIFY(QJsonDocument::fromJson(printed).isObject());
    m_schema = m_dir.filePath(QStringLiteral("sluice.schema.json"));
    QFile f(m_schema);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(printed);
}

void TestConfigSchema::theExamplesPointAtTheSchemaSluicePrints()
{
    QFile committed(QStringLiteral(SLUICE_SOURCE_DIR "/examples/sluice.schema.json"));
    QVERIFY(committed.open(QIODevice::ReadOnly));
    QFile printed(m_schema);
    QVERIFY(printed.open(QIODevice::ReadOnly));
    QVERIFY2(QJsonDocument::fromJson(committed.readAll()) == QJsonDocument::fromJson(printed.readAll()),
             "examples/sluice.schema.json is stale: refresh it with  sluice schema > examples/sluice.schema.json");
    for (const QString &file : goodFiles()) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString ref = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("$schema")).toString();
        if (file.contains(QStringLiteral("/examples/")))
            QCOMPARE(ref, QStringLiteral("../sluice.schema.json"));
    }
}

void TestConfigSchema::examplesPassTheParserAndTheSchema()
{
    const QStringList files = goodFiles();
    QVERIFY(files.size() >= 4);
    const QHash<QString, QString> verdicts = validate(m_schema, files);
    for (const QString &file : files) {
        const Result<workspace::Config> parsed = parse(file);
        QVERIFY2(parsed.ok(), qPrintable(file + QStringLiteral(": ") + (parsed ? QString() : parsed.error().message)));
        QVERIFY2(verdicts.value(file) == QLatin1String("ok"), qPrintable(file + QStringLiteral(": ") + verdicts.value(file, QStringLiteral("(no verdict)"))));
    }
}

void TestConfigSchema::badFilesFailTheParserAndTheSchema()
{
    const QStringList files = badFiles();
    QVERIFY(files.size() >= 20);
    const QHash<QString, QString> verdicts = validate(m_schema, files);
    for (const QString &file : files) {
        QVERIFY2(!parse(file).ok(), qPrintable(file + QStringLiteral(" passed the parser")));
        QVERIFY2(verdicts.value(file).startsWith(QLatin1String("invalid")), qPrintable(file + QStringLiteral(": ") + verdicts.value(file, QStringLiteral("(no verdict)"))));
    }
}

void TestConfigSchema::initWritesAFileTheSchemaAccepts()
{
    const QString ws = m_dir.filePath(QStringLiteral("ws"));
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("init"), ws, QStringLiteral("--demo"), QStringLiteral("--rows"), QStringLiteral("50")});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 0);
    QFile f(ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("$schema")).toString(), QStringLiteral("./sluice.schema.json"));
    const QString local = ws + QStringLiteral("/sluice.schema.json");
    QVERIFY(QFile::exists(local));
    QCOMPARE(validate(local, {ws + QStringLiteral("/sluice.json")}).value(ws + QStringLiteral("/sluice.json")), QStringLiteral("ok"));
}

// Editors show these on hover: a key without one is a gap in the schema.
void TestConfigSchema::everyKeyHasADescription()
{
    const QJsonObject schema = workspace::configSchema();
    QStringList missing;
    std::function<void(const QJsonObject &, const QString &)> walk = [&](const QJsonObject &o, const QString &path) {
        const QJsonObject props = o.value(QStringLiteral("properties")).toObject();
        for (auto it = props.begin(); it != props.end(); ++it) {
            const QJsonObject p = it.value().toObject();
            if (!p.contains(QStringLiteral("description")) && !p.contains(QStringLiteral("$ref")) && !p.contains(QStringLiteral("const")))
                missing.append(path + QLatin1Char('/') + it.key());
            walk(p, path + QLatin1Char('/') + it.key());
        }
        for (const QJsonValue &branch : o.value(QStringLiteral("allOf")).toArray())
            walk(branch.toObject().value(QStringLiteral("then")).toObject(), path);
    };
    walk(schema, QString());
    const QJsonObject defs = schema.value(QStringLiteral("$defs")).toObject();
    for (auto it = defs.begin(); it != defs.end(); ++it)
        walk(it.value().toObject(), QStringLiteral("$defs/") + it.key());
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(TestConfigSchema)
#include "tst_config_schema.moc"
