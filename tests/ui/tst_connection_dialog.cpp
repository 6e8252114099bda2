// The generated connection form: what sluice.json gets (secrets only as
// references), validation as it is typed, Test connection off the UI thread
// with its verdict in words, and Save.
#include "connector/connector_info.h"
#include "demo_workspace.h"
#include "shell/workspace_document.h"
#include "sources/connection_dialog.h"
#include "workspace/workspace.h"

#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace sluice;

class TestConnectionDialog final : public QObject
{
    Q_OBJECT

private slots:
    // Readers a screen started on the pool (a sync's last run, a preview) end with its test:
    // one still reading the state database when the application exits would race its teardown.
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }
    void initTestCase();
    void fileDestinationIsTestedAndSaved();
    void secretsReachSluiceJsonOnlyAsReferences();
    void unreachableHostIsSaidInWords();
    void sourceVerdictSaysWhatItProved();
    void problemsShowAsTyped();
    void everyConnectorGetsAWholeForm();

private:
    workspace::Workspace open();
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestConnectionDialog::initTestCase()
{
    m_ws = test::makeDemoWorkspace(m_dir.path(), 200);
    QVERIFY(!m_ws.isEmpty());
}

workspace::Workspace TestConnectionDialog::open()
{
    auto ws = workspace::Workspace::open(m_ws);
    if (!ws)
        qFatal("%s", qPrintable(ws.error().message));
    return std::move(ws).value();
}

void TestConnectionDialog::fileDestinationIsTestedAndSaved()
{
    ui::WorkspaceDocument document(open());
    ui::ConnectionDialog dialog(&document, ui::ConnectionDialog::Kind::Destination);
    dialog.setName(QStringLiteral("leads"));
    dialog.setType(QStringLiteral("jsonl"));
    QVERIFY(dialog.field(QStringLiteral("path")));
    dialog.field(QStringLiteral("path"))->setText(QStringLiteral("out/leads.jsonl"));
    QCOMPARE(dialog.problem(), QString());
    QCOMPARE(dialog.entry(), (QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")}, {QStringLiteral("path"), QStringLiteral("out/leads.jsonl")}}));
    QSignalSpy tested(&dialog, &ui::ConnectionDialog::tested);
    dialog.testConnection();
    QVERIFY(tested.wait(20000));
    QVERIFY2(tested.first().at(0).toBool(), qPrintable(tested.first().at(1).toString()));
    QVERIFY(dialog.verdict().startsWith(QStringLiteral("✓ Connected")));
    QVERIFY(dialog.save());
    QCOMPARE(open().config().destinations.value(QStringLiteral("leads")).type, QStringLiteral("jsonl"));
}

void TestConnectionDialog::secretsReachSluiceJsonOnlyAsReferences()
{
    ui::WorkspaceDocument document(open());
    ui::ConnectionDialog dialog(&document, ui::ConnectionDialog::Kind::Destination);
    dialog.setName(QStringLiteral("crm"));
    dialog.setType(QStringLiteral("hubspot"));
    QLineEdit *token = dialog.field(QStringLiteral("token"));
    QVERIFY(token);
    QCOMPARE(token->echoMode(), QLineEdit::Password); // the keychain by default, masked
    token->setText(QStringLiteral("pat-na1-secret-value"));
    QCOMPARE(dialog.entry().value(QStringLiteral("token")).toObject(), (QJsonObject{{QStringLiteral("keychain"), QStringLiteral("sluice/destinations/crm/token")}}));
    auto *gets = dialog.findChild<QLabel *>(QStringLiteral("sluiceJsonGets"));
    QVERIFY(!gets->text().contains(QStringLiteral("pat-na1-secret-value")));
    QVERIFY(gets->text().contains(QStringLiteral("\"keychain\"")));
    if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS")) {
        dialog.show();
        QTest::qWait(200);
        dialog.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/connection-hubspot.png"));
    }
    dialog.setSecretStore(QStringLiteral("token"), QStringLiteral("env"));
    token->setText(QStringLiteral("HUBSPOT_TOKEN"));
    QCOMPARE(token->echoMode(), QLineEdit::Normal);
    QCOMPARE(dialog.entry().value(QStringLiteral("token")).toObject(), (QJsonObject{{QStringLiteral("env"), QStringLiteral("HUBSPOT_TOKEN")}}));
    QCOMPARE(dialog.problem(), QString());
    QVERIFY(dialog.save());
    const workspace::Workspace saved = open();
    QCOMPARE(saved.json().value(QStringLiteral("destinations")).toObject().value(QStringLiteral("crm")).toObject().value(QStringLiteral("token")).toObject(),
             (QJsonObject{{QStringLiteral("env"), QStringLiteral("HUBSPOT_TOKEN")}}));
}

void TestConnectionDialog::unreachableHostIsSaidInWords()
{
    ui::WorkspaceDocument document(open());
    ui::ConnectionDialog dialog(&document, ui::ConnectionDialog::Kind::Destination);
    dialog.setName(QStringLiteral("hook"));
    dialog.setType(QStringLiteral("webhook"));
    dialog.field(QStringLiteral("url"))->setText(QStringLiteral("http://127.0.0.1:1/in"));
    QCOMPARE(dialog.problem(), QString());
    QSignalSpy tested(&dialog, &ui::ConnectionDialog::tested);
    dialog.testConnection();
    QVERIFY(tested.wait(30000));
    QCOMPARE(tested.first().at(0).toBool(), false);
    QVERIFY2(dialog.verdict().startsWith(QStringLiteral("✕ Unreachable")), qPrintable(dialog.verdict()));
}

void TestConnectionDialog::sourceVerdictSaysWhatItProved()
{
    ui::WorkspaceDocument document(open());
    ui::ConnectionDialog dialog(&document, ui::ConnectionDialog::Kind::Source, QStringLiteral("demo"));
    QCOMPARE(dialog.field(QStringLiteral("path"))->text(), QStringLiteral("demo/warehouse.db")); // editing shows what is there
    QSignalSpy tested(&dialog, &ui::ConnectionDialog::tested);
    dialog.testConnection();
    QVERIFY(tested.wait(20000));
    QVERIFY2(dialog.verdict().contains(QStringLiteral("read-only")) && dialog.verdict().contains(QStringLiteral("visible")), qPrintable(dialog.verdict()));
    dialog.field(QStringLiteral("path"))->setText(QStringLiteral("demo/nowhere.db"));
    tested.clear();
    dialog.testConnection();
    QVERIFY(tested.wait(20000));
    QVERIFY2(dialog.verdict().startsWith(QStringLiteral("✕")), qPrintable(dialog.verdict()));
}

void TestConnectionDialog::problemsShowAsTyped()
{
    ui::WorkspaceDocument document(open());
    ui::ConnectionDialog dialog(&document, ui::ConnectionDialog::Kind::Destination);
    dialog.setType(QStringLiteral("jsonl"));
    QVERIFY(dialog.problem().contains(QStringLiteral("name")));
    dialog.setName(QStringLiteral("two words"));
    QVERIFY(dialog.problem().contains(QStringLiteral("letters, digits")));
    dialog.setName(QStringLiteral("out")); // the demo has one
    QVERIFY(dialog.problem().contains(QStringLiteral("exists already")));
    dialog.setName(QStringLiteral("fresh"));
    QVERIFY2(dialog.problem().contains(QStringLiteral("path")), qPrintable(dialog.problem())); // required
}

// Every destination type and source driver has a form: a labelled row for
// each of its settings, secrets masked, nothing clipped at its natural size.
// A few are pictured for the README.
void TestConnectionDialog::everyConnectorGetsAWholeForm()
{
    ui::WorkspaceDocument document(open());
    const QStringList pictured{QStringLiteral("postgres"), QStringLiteral("mysql"), QStringLiteral("salesforce"), QStringLiteral("meta"),
                               QStringLiteral("webhook")};
    auto check = [&](ui::ConnectionDialog::Kind kind, const connector::ConnectorInfo &info) {
        ui::ConnectionDialog dialog(&document, kind);
        dialog.setName(QStringLiteral("new_") + info.type);
        dialog.setType(info.type);
        for (const connector::Setting &setting : info.settings) {
            const QString key = setting.key;
            QWidget *row = dialog.findChild<QWidget *>(QStringLiteral("setting:") + key);
            QVERIFY2(row || dialog.field(key), qPrintable(info.type + QStringLiteral(": no row for ") + key));
            if (setting.kind == connector::Setting::Kind::Secret)
                QCOMPARE(dialog.field(key)->echoMode(), QLineEdit::Password);
        }
        dialog.adjustSize();
        QVERIFY2(dialog.width() >= dialog.minimumSizeHint().width() && dialog.height() >= dialog.minimumSizeHint().height(), qPrintable(info.type));
        if (qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS") && pictured.contains(info.type)) {
            dialog.show();
            QTest::qWait(150);
            dialog.grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QStringLiteral("/connection-%1.png").arg(info.type));
        }
    };
    for (const connector::ConnectorInfo &info : connector::destinationConnectors())
        check(ui::ConnectionDialog::Kind::Destination, info);
    for (const QString &driver : connector::sourceDrivers())
        check(ui::ConnectionDialog::Kind::Source, *connector::findSourceDriver(driver));
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connection_dialog.moc"
