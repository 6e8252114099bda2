// The CLI in a terminal and an editor, as an operator meets it: help for
// every verb, --version, suggestions for typos, the live progress line on a
// pseudo-terminal (and none when piped), the completion scripts and the man
// page that the build generates.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestCliTerminal final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void helpForEveryVerb_data();
    void helpForEveryVerb();
    void versionNamesTheLibraries();
    void typosGetTheNearestSuggestion();
    void progressLineOnATerminalOnly();
    void tablesFitTheTerminalAndColourOnlyThere();
    void bashCompletesVerbsOptionsAndSyncNames();
    void zshScriptParsesAndReadsNames();
    void manPageRenders();

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QString &program, const QStringList &args, const QStringList &env = {});
    Run sluice(const QStringList &args) { return run(QStringLiteral(SLUICE_BINARY), args); }

    QTemporaryDir m_dir;
    QString m_ws;
};

TestCliTerminal::Run TestCliTerminal::run(const QString &program, const QStringList &args, const QStringList &env)
{
    QProcess p;
    QStringList environment = QProcess::systemEnvironment();
    environment.append(QStringLiteral("PATH=") + QFileInfo(QStringLiteral(SLUICE_BINARY)).absolutePath() + QLatin1Char(':') + qEnvironmentVariable("PATH"));
    environment.append(env);
    p.setEnvironment(environment);
    p.start(program, args);
    p.waitForFinished(180000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

void TestCliTerminal::initTestCase()
{
    m_ws = m_dir.filePath(QStringLiteral("ws"));
    const Run r = sluice({QStringLiteral("init"), m_ws, QStringLiteral("--demo"), QStringLiteral("--rows"), QStringLiteral("30000")});
    QVERIFY2(r.code == 0, r.err.constData());
}

void TestCliTerminal::helpForEveryVerb_data()
{
    QTest::addColumn<QString>("verb");
    for (const char *v : {"init", "check", "preview", "plan", "run", "runs", "rejections", "history", "unlock", "metrics", "alerts", "agent", "pause", "resume", "schema",
                          "completion", "help"})
        QTest::newRow(v) << QString::fromLatin1(v);
}

void TestCliTerminal::helpForEveryVerb()
{
    QFETCH(QString, verb);
    const Run help = sluice({QStringLiteral("help"), verb});
    QCOMPARE(help.code, 0);
    const QString text = QString::fromUtf8(help.err);
    QVERIFY2(text.startsWith(QStringLiteral("Usage: sluice ") + verb), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Exit codes:")), qPrintable(text));
    QVERIFY2(verb == QLatin1String("help") || text.contains(QStringLiteral("Examples:")), qPrintable(text));
    // `sluice VERB --help` says the same, and runs nothing.
    const Run flag = sluice({verb, QStringLiteral("--help")});
    QCOMPARE(flag.code, 0);
    QCOMPARE(flag.err, help.err);
    QVERIFY(flag.out.isEmpty());
}

void TestCliTerminal::versionNamesTheLibraries()
{
    const Run r = sluice({QStringLiteral("--version")});
    QCOMPARE(r.code, 0);
    const QString text = QString::fromUtf8(r.err);
    QVERIFY2(text.startsWith(QStringLiteral("sluice ")) && text.contains(QStringLiteral("Qt 6.")) && text.contains(QStringLiteral("libpq "))
                 && text.contains(QStringLiteral("SQLite 3.")),
             qPrintable(text));
}

void TestCliTerminal::typosGetTheNearestSuggestion()
{
    Run r = sluice({QStringLiteral("run"), QStringLiteral("customers_to_file"), QStringLiteral("--ful-resync"), QStringLiteral("--workspace"), m_ws});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("run: unknown option --ful-resync; did you mean --full-resync?"), r.err.constData());
    r = sluice({QStringLiteral("rejectons"), QStringLiteral("x")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("did you mean \"rejections\""), r.err.constData());
    r = sluice({QStringLiteral("plan"), QStringLiteral("x"), QStringLiteral("--frobnicate"), QStringLiteral("--json")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("plan: unknown option --frobnicate (sluice plan --help lists its options)"), r.err.constData());
    QVERIFY(QJsonDocument::fromJson(r.out).object().contains(QStringLiteral("error"))); // --json still gets its document
}

// Under a pseudo-terminal (script(1)) the run shows its stages and ends with
// the summary; with stderr to a pipe, or under --json, no control character.
void TestCliTerminal::progressLineOnATerminalOnly()
{
    if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
        QSKIP("script(1) is not installed (bsdutils)");
    const QString command = QStringLiteral("%1 run customers_to_file --full-resync --workspace %2").arg(QStringLiteral(SLUICE_BINARY), m_ws);
    Run tty = run(QStringLiteral("script"), {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"), command, QStringLiteral("/dev/null")},
                  {QStringLiteral("TERM=xterm"), QStringLiteral("LANG=C.UTF-8"), QStringLiteral("LANGUAGE=")});
    QCOMPARE(tty.code, 0);
    const QString screen = QString::fromUtf8(tty.out);
    QVERIFY2(screen.contains(QStringLiteral("\r\x1b[Kextract")), qPrintable(screen.left(400)));
    QVERIFY2(screen.contains(QStringLiteral("\r\x1b[Kdeliver")), qPrintable(screen.left(400)));
    QVERIFY2(screen.contains(QStringLiteral("records/s")), qPrintable(screen.left(400)));
    QVERIFY2(screen.contains(QStringLiteral("sync customers_to_file succeeded")), qPrintable(screen.right(400)));
    // The line is cleared before the summary: the summary starts a clean line.
    QVERIFY2(screen.contains(QStringLiteral("\r\x1b[Ksync customers_to_file succeeded")), qPrintable(screen.right(400)));

    const Run piped = sluice({QStringLiteral("run"), QStringLiteral("customers_to_file"), QStringLiteral("--full-resync"), QStringLiteral("--workspace"), m_ws});
    QCOMPARE(piped.code, 0);
    QVERIFY(piped.err.contains("sync customers_to_file succeeded"));
    QVERIFY2(!piped.err.contains('\r') && !piped.err.contains('\x1b'), piped.err.constData());

    tty = run(QStringLiteral("script"), {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"), command + QStringLiteral(" --json"), QStringLiteral("/dev/null")},
              {QStringLiteral("TERM=xterm")});
    QCOMPARE(tty.code, 0);
    QVERIFY2(!tty.out.contains("\x1b[K"), tty.out.left(300).constData());
    tty = run(QStringLiteral("script"), {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"), command + QStringLiteral(" --quiet"), QStringLiteral("/dev/null")},
              {QStringLiteral("TERM=xterm")});
    QCOMPARE(tty.code, 0);
    QVERIFY2(tty.out.trimmed().isEmpty(), tty.out.left(300).constData());
}

// On a terminal: "ok:" in green, tables cut to its width with an ellipsis,
// counts grouped the locale's way and right-aligned; NO_COLOR and pipes
// get plain text.
void TestCliTerminal::tablesFitTheTerminalAndColourOnlyThere()
{
    if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
        QSKIP("script(1) is not installed (bsdutils)");
    auto onTerminal = [&](const QString &args, const QStringList &env) {
        const QString command = QStringLiteral("%1 %2 --workspace %3").arg(QStringLiteral(SLUICE_BINARY), args, m_ws);
        return run(QStringLiteral("script"), {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"), command, QStringLiteral("/dev/null")},
                   QStringList{QStringLiteral("TERM=xterm"), QStringLiteral("LANG=en_US.UTF-8"), QStringLiteral("LANGUAGE=")} + env);
    };
    Run r = onTerminal(QStringLiteral("check"), {});
    QVERIFY2(r.out.contains("\x1b[32mok:\x1b[0m source demo"), r.out.constData());
    r = onTerminal(QStringLiteral("check"), {QStringLiteral("NO_COLOR=1")});
    QVERIFY2(r.out.contains("ok: source demo") && !r.out.contains('\x1b'), r.out.constData());
    QVERIFY(!sluice({QStringLiteral("check"), QStringLiteral("--workspace"), m_ws}).err.contains('\x1b'));

    r = onTerminal(QStringLiteral("preview customer_360 --limit 3"), {QStringLiteral("COLUMNS=160"), QStringLiteral("NO_COLOR=1")});
    QCOMPARE(r.code, 0);
    const QString screen = QString::fromUtf8(r.out);
    const QStringList lines = screen.mid(screen.lastIndexOf(QStringLiteral("\x1b[K")) + 3).split(QStringLiteral("\r\n")); // after the progress line
    QVERIFY2(lines.first().startsWith(QStringLiteral("custome")) && screen.contains(QChar(0x2026)), qPrintable(screen));
    for (qsizetype i = 0; i < 5; ++i)
        QVERIFY2(lines[i].size() < 160, qPrintable(lines[i]));
    QVERIFY2(lines[2].startsWith(QStringLiteral("       1  ")), qPrintable(lines[2])); // an integer column, right-aligned

    QCOMPARE(sluice({QStringLiteral("run"), QStringLiteral("customers_to_file"), QStringLiteral("--workspace"), m_ws}).code, 0);
    r = onTerminal(QStringLiteral("runs customers_to_file"), {QStringLiteral("COLUMNS=200"), QStringLiteral("NO_COLOR=1")});
    QVERIFY2(r.out.contains("30,000  ") || r.out.contains(" 30,000"), r.out.constData());
}

void TestCliTerminal::bashCompletesVerbsOptionsAndSyncNames()
{
    const QString script = QStringLiteral(SLUICE_SHARE_DIR "/bash-completion/completions/sluice");
    QVERIFY(QFile::exists(script));
    QCOMPARE(run(QStringLiteral("bash"), {QStringLiteral("-n"), script}).code, 0);
    auto complete = [&](const QString &words, int cword) {
        const QString program = QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _sluice; printf '%s\\n' \"${COMPREPLY[@]}\"").arg(script, words).arg(cword);
        const Run r = run(QStringLiteral("bash"), {QStringLiteral("-c"), program});
        return QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    };
    QCOMPARE(complete(QStringLiteral("sluice rej"), 1), QStringList{QStringLiteral("rejections")});
    QVERIFY(complete(QStringLiteral("sluice run x --fu"), 3).contains(QStringLiteral("--full-resync")));
    const QStringList syncs = complete(QStringLiteral("sluice run --workspace '%1' ''").arg(m_ws), 4);
    QVERIFY2(syncs.contains(QStringLiteral("customers_to_file")) && syncs.contains(QStringLiteral("audience_to_file")), qPrintable(syncs.join(QLatin1Char(' '))));
    QCOMPARE(complete(QStringLiteral("sluice preview --workspace '%1' cust").arg(m_ws), 4), QStringList{QStringLiteral("customer_360")});
    QCOMPARE(complete(QStringLiteral("sluice metrics --since 7"), 3), QStringList{QStringLiteral("7d")});
}

void TestCliTerminal::zshScriptParsesAndReadsNames()
{
    if (QStandardPaths::findExecutable(QStringLiteral("zsh")).isEmpty())
        QSKIP("zsh is not installed");
    const QString script = QStringLiteral(SLUICE_SHARE_DIR "/zsh/site-functions/_sluice");
    QCOMPARE(run(QStringLiteral("zsh"), {QStringLiteral("-n"), script}).code, 0);
    // The function that reads names, with compadd standing in for the completion system.
    const QString program = QStringLiteral("compadd() { print -l -- ${(P)2}; }; _describe() { }; _arguments() { }; "
                                           "source '%1' >/dev/null 2>&1; words=(run --workspace '%2' ''); _sluice_names sync")
                                .arg(script, m_ws);
    const Run r = run(QStringLiteral("zsh"), {QStringLiteral("-f"), QStringLiteral("-c"), program});
    const QStringList names = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(names.contains(QStringLiteral("customers_to_file")), r.out.constData());
}

void TestCliTerminal::manPageRenders()
{
    if (QStandardPaths::findExecutable(QStringLiteral("man")).isEmpty())
        QSKIP("man is not installed (man-db)");
    const Run r = run(QStringLiteral("man"), {QStringLiteral("-l"), QStringLiteral(SLUICE_SHARE_DIR "/man/man1/sluice.1")},
                      {QStringLiteral("MANPAGER=cat"), QStringLiteral("PAGER=cat"), QStringLiteral("MANWIDTH=100")});
    QCOMPARE(r.code, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.contains(QStringLiteral("SLUICE(1)")), qPrintable(text.left(300)));
    for (const char *verb : {"sluice run SYNC", "sluice rejections SYNC", "sluice metrics [SYNC]", "EXIT STATUS", "SLUICE_WORKSPACE"})
        QVERIFY2(text.contains(QString::fromLatin1(verb).replace(QLatin1Char('-'), QChar(0x2010))) || text.contains(QLatin1String(verb)), verb);
}

QTEST_GUILESS_MAIN(TestCliTerminal)
#include "tst_cli_terminal.moc"
