// The agent on a desktop, end to end: a private X server with a tray host
// (tests/support/with-desktop.sh: Xvfb, trayer, a D-Bus session), and this
// test as the session's notification service (org.freedesktop.Notifications).
// The real `sluice agent` runs a sync on a short schedule; the icon is read
// off the screen: green while healthy, red once a failure is injected at the
// destination, with exactly one notification; recovery gives one recovery
// notice and the green icon back; killed (SIGKILL) and restarted, the agent
// shows its icon again and the records all reach the file; the dashboard
// shows the agent's runs, the failures marked.
#include "dashboard/dashboard_screen.h"
#include "demo_workspace.h"
#include "dashboard/metric_chart.h"
#include "shell/workspace_document.h"
#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPixmap>
#include <QProcess>
#include <QScreen>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace sluice;

// What a desktop's notification daemon is asked to show, kept.
class NotificationListener final : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Note
    {
        QString app, summary, body;
        uchar urgency = 1;
    };
    QList<Note> notes;

public slots:
    uint Notify(const QString &app, uint replaces, const QString &icon, const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replaces);
        Q_UNUSED(icon);
        Q_UNUSED(actions);
        Q_UNUSED(timeout);
        notes.append({app, summary, body, hints.value(QStringLiteral("urgency")).value<uchar>()});
        return uint(notes.size());
    }
    QStringList GetCapabilities() { return {QStringLiteral("body")}; }
    void CloseNotification(uint id) { Q_UNUSED(id); }
    QString GetServerInformation(QString &vendor, QString &version, QString &specVersion)
    {
        vendor = QStringLiteral("sluice-tests");
        version = QStringLiteral("1");
        specVersion = QStringLiteral("1.2");
        return QStringLiteral("listener");
    }
};

class TestAgentDesktop final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void trayFollowsFailureAndRecovery();

private:
    // Pixels of the screen in `rgb` (give or take a little, for scaling).
    int pixelsOf(QRgb rgb) const;
    QList<store::RunRecord> runs() const;
    void touchCustomers(int count) const;

    NotificationListener m_listener;
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestAgentDesktop::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DISPLAY"), "run through tests/support/with-desktop.sh");
    QTRY_VERIFY_WITH_TIMEOUT(QSystemTrayIcon::isSystemTrayAvailable(), 15000); // trayer is up
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY(bus.isConnected());
    QVERIFY(bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_listener, QDBusConnection::ExportAllSlots));
    QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.Notifications")));

    // One sync on a three-second schedule; the demo's data is weeks old, so
    // its (right) freshness alert is off here: failures are what this tests.
    m_ws = test::makeDemoWorkspace(m_dir.path(), 300);
    QVERIFY(!m_ws.isEmpty());
    QVERIFY(test::editConfig(m_ws, [](QJsonObject &config) {
        QJsonObject sync = config.value(QStringLiteral("syncs")).toObject().value(QStringLiteral("customers_to_file")).toObject();
        sync.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("every"), QStringLiteral("3s")}});
        config.insert(QStringLiteral("syncs"), QJsonObject{{QStringLiteral("customers_to_file"), sync}});
        config.insert(QStringLiteral("alerts"), QJsonObject{{QStringLiteral("rules"), QJsonObject{{QStringLiteral("freshness_lag_above"), false}}}});
    }));
}

int TestAgentDesktop::pixelsOf(QRgb rgb) const
{
    const QImage screen = QGuiApplication::primaryScreen()->grabWindow(0).toImage().convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < screen.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(screen.constScanLine(y));
        for (int x = 0; x < screen.width(); ++x)
            n += qAbs(qRed(line[x]) - qRed(rgb)) <= 6 && qAbs(qGreen(line[x]) - qGreen(rgb)) <= 6 && qAbs(qBlue(line[x]) - qBlue(rgb)) <= 6;
    }
    return n;
}

QList<store::RunRecord> TestAgentDesktop::runs() const
{
    auto store = store::StateStore::open(m_ws + QStringLiteral("/.sluice/state.db"));
    return store ? store.value()->runs(QStringLiteral("customers_to_file"), 200) : QList<store::RunRecord>();
}

void TestAgentDesktop::touchCustomers(int count) const
{
    QVERIFY(test::warehouseSql(m_ws, QStringLiteral("UPDATE users SET first_name = first_name || 'Zq' WHERE user_id IN "
                                                     "(SELECT user_id FROM users ORDER BY user_id LIMIT %1)").arg(count)));
}

void TestAgentDesktop::trayFollowsFailureAndRecovery()
{
    const QRgb healthy = qRgb(0x00, 0x78, 0x5A), failing = qRgb(0xC8, 0x33, 0x1B);
    QCOMPARE(pixelsOf(healthy), 0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the agent finds the desktop as it would for a person
    QProcess agent;
    agent.setProcessEnvironment(env);
    agent.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    agent.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("agent"), QStringLiteral("--workspace"), m_ws});
    QVERIFY(agent.waitForStarted());

    // The first scheduled run delivers every customer; the icon is green.
    QTRY_VERIFY_WITH_TIMEOUT(!runs().isEmpty() && runs().first().status == QLatin1String("succeeded"), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(pixelsOf(healthy) > 50, 10000);
    QCOMPARE(pixelsOf(failing), 0);

    // The destination breaks: the file's place is taken by a folder. Runs
    // with changes to write fail; the icon turns red; one notification.
    const QString file = m_ws + QStringLiteral("/out/customers.jsonl");
    const QByteArray before = [&] { QFile f(file); return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(); }();
    QVERIFY(before.count('\n') > 200);
    QVERIFY(QFile::rename(file, file + QStringLiteral(".saved")));
    QVERIFY(QDir().mkpath(file));
    touchCustomers(25);
    QTRY_VERIFY_WITH_TIMEOUT(runs().first().status == QLatin1String("failed"), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(pixelsOf(failing) > 50, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_listener.notes.size(), 1, 10000);
    QCOMPARE(m_listener.notes.first().app, QStringLiteral("Sluice"));
    QCOMPARE(m_listener.notes.first().summary, QStringLiteral("Sluice: a sync needs attention"));
    QVERIFY2(m_listener.notes.first().body.contains(QStringLiteral("customers_to_file")), qPrintable(m_listener.notes.first().body));
    QCOMPARE(int(m_listener.notes.first().urgency), 2);
    // Still failing, run after run: no second notification.
    const qsizetype failedSoFar = runs().size();
    QTRY_VERIFY_WITH_TIMEOUT(runs().size() >= failedSoFar + 2, 30000);
    QTest::qWait(3000);
    QCOMPARE(m_listener.notes.size(), 1);

    // Repaired: the next run delivers what waited, one recovery notice, green again.
    QVERIFY(QDir(file).removeRecursively());
    QVERIFY(QFile::rename(file + QStringLiteral(".saved"), file));
    QTRY_VERIFY_WITH_TIMEOUT(runs().first().status == QLatin1String("succeeded"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_listener.notes.size(), 2, 10000);
    QCOMPARE(m_listener.notes.last().summary, QStringLiteral("Sluice: recovered"));
    QTRY_VERIFY_WITH_TIMEOUT(pixelsOf(healthy) > 50 && pixelsOf(failing) == 0, 10000);
    QFile written(file);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray after = written.readAll();
    QCOMPARE(after.count('\n'), before.count('\n')); // every customer, once
    QCOMPARE(after.count("Zq\","), qsizetype(25)); // the 25 changes that waited arrived

    // SIGKILL, then a new agent: its icon is back, and it carries on.
    ::kill(pid_t(agent.processId()), SIGKILL);
    QVERIFY(agent.waitForFinished(10000));
    QTRY_COMPARE_WITH_TIMEOUT(pixelsOf(healthy), 0, 10000); // the icon went with its process
    QProcess again;
    again.setProcessEnvironment(env);
    again.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    again.start(QStringLiteral(SLUICE_BINARY), {QStringLiteral("agent"), QStringLiteral("--workspace"), m_ws});
    QVERIFY(again.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(pixelsOf(healthy) > 50, 30000);
    const qsizetype seen = runs().size();
    touchCustomers(5);
    auto deliveredFive = [&] {
        const QList<store::RunRecord> now = runs();
        for (qsizetype i = 0; i < now.size() - seen; ++i)
            if (now[i].status == QLatin1String("succeeded") && now[i].counts.value(QStringLiteral("delivered")).toInt() == 5)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(deliveredFive(), 30000);
    QCOMPARE(m_listener.notes.size(), 2);
    ::kill(pid_t(again.processId()), SIGTERM);
    QVERIFY(again.waitForFinished(30000));
    QCOMPARE(again.exitCode(), 0);

    // The dashboard shows the agent's runs: every finished one, the failures marked.
    const QList<store::RunRecord> all = runs();
    qsizetype failed = 0, finished = 0;
    for (const store::RunRecord &r : all) {
        failed += r.status == QLatin1String("failed");
        finished += r.status != QLatin1String("running");
    }
    QVERIFY(failed >= 3);
    ui::WorkspaceDocument document(workspace::Workspace::open(m_ws).value());
    ui::DashboardScreen dashboard(&document);
    dashboard.setRangeDays(1);
    dashboard.resize(1200, 760);
    QSignalSpy refreshed(&dashboard, &ui::DashboardScreen::refreshed);
    dashboard.show();
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(refreshed.last().at(0).toLongLong(), qint64(finished));
    const QList<ui::MetricChart *> charts = dashboard.findChildren<ui::MetricChart *>();
    QCOMPARE(charts.size(), 4);
    for (ui::MetricChart *c : charts) {
        QVERIFY2(c->pointCount() > 0, qPrintable(c->chart()->title()));
        QCOMPARE(c->failedRunCount(), int(failed));
    }
}

QTEST_MAIN(TestAgentDesktop)
#include "tst_agent_desktop.moc"
