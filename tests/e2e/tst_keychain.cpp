// {"keychain": NAME} secrets against a real Secret Service: a throwaway
// gnome-keyring in a private D-Bus session (tests/support/with-keyring.sh),
// and, run again without one, the error that says no keychain is running.
#include "webhook_sink.h"
#include "workspace/keychain.h"
#include "workspace/workspace.h"
#include "workspace/workspace_init.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

class TestKeychain final : public QObject
{
    Q_OBJECT

private slots:
    void keychainSecretsReachTheDestination();
    void noKeychainServiceIsSaidPlainly();

private:
    static bool withKeyring() { return qEnvironmentVariableIsSet("SLUICE_TEST_KEYRING"); }
};

void TestKeychain::keychainSecretsReachTheDestination()
{
    if (!withKeyring())
        QSKIP("runs under tests/support/with-keyring.sh (ctest: tst_keychain_secret_service)");
    QVERIFY2(workspace::writeKeychain(QStringLiteral("sluice/hook/token"), QStringLiteral("Bearer from-the-keychain")).ok(), "writing a secret");
    const Result<QString> read = workspace::readKeychain(QStringLiteral("sluice/hook/token"), QStringLiteral("destination hook: header Authorization"));
    QVERIFY2(read.ok(), qPrintable(read.error().message));
    QCOMPARE(read.value(), QStringLiteral("Bearer from-the-keychain"));
    const Result<QString> missing = workspace::readKeychain(QStringLiteral("sluice/nope"), QStringLiteral("destination hook: token"));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error().message.contains(QStringLiteral("destination hook: token: the keychain has no secret \"sluice/nope\"")),
             qPrintable(missing.error().message));

    // End to end: the binary resolves the reference and the header arrives.
    QTemporaryDir dir;
    test::WebhookSink sink;
    const QString ws = dir.filePath(QStringLiteral("ws"));
    workspace::InitOptions options;
    options.demo = true;
    options.demoUsers = 50;
    QVERIFY(workspace::initWorkspace(ws, options).ok());
    QFile f(ws + QStringLiteral("/sluice.json"));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(QStringLiteral(R"({"version": 1,
  "sources": {"demo": {"driver": "sqlite", "path": "demo/warehouse.db"}},
  "destinations": {"hook": {"type": "webhook", "url": "%1", "headers": {"Authorization": {"keychain": "sluice/hook/token"}}}},
  "models": {"c": {"source": "demo", "primary_key": "customer_id", "sql": "select customer_id, first_name from customer_360"}},
  "syncs": {"s": {"model": "c", "destination": "hook", "fields": [{"source": "first_name", "destination": "first_name"}]}}})")
                .arg(sink.url())
                .toUtf8());
    f.close();
    QProcess p;
    p.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("run"), QStringLiteral("s"), QStringLiteral("--workspace"), ws, QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(60000));
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(p.exitCode() == 0, err.constData());
    QVERIFY(!err.contains("from-the-keychain"));
    QCOMPARE(sink.records().size(), 50);
    QCOMPARE(sink.received().first().headers.value("authorization"), QByteArray("Bearer from-the-keychain"));
    QFile config(ws + QStringLiteral("/sluice.json"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QVERIFY(!config.readAll().contains("from-the-keychain"));
    QVERIFY(workspace::deleteKeychain(QStringLiteral("sluice/hook/token")).ok());
}

void TestKeychain::noKeychainServiceIsSaidPlainly()
{
    if (withKeyring())
        QSKIP("runs without a Secret Service (ctest: tst_keychain_none)");
    const Result<QString> read = workspace::readKeychain(QStringLiteral("sluice/crm/token"), QStringLiteral("destination crm: token"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().kind, Error::Kind::Config);
    QVERIFY2(read.error().message.contains(QStringLiteral("destination crm: token: keychain secret \"sluice/crm/token\": no keychain service")),
             qPrintable(read.error().message));
    QVERIFY(read.error().message.contains(QStringLiteral("{\"env\": ...}")));
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
