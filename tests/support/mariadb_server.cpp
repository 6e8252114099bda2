#include "mariadb_server.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QThread>

namespace sluice::test {

MariaDbServer::MariaDbServer() = default;

MariaDbServer::~MariaDbServer()
{
    if (m_server && m_server->state() != QProcess::NotRunning) {
        m_server->terminate();
        if (!m_server->waitForFinished(20000))
            m_server->kill();
        m_server->waitForFinished(5000);
    }
}

bool MariaDbServer::run(const QString &program, const QStringList &args, const QByteArray &input, QString *error) const
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!input.isEmpty()) {
        p.write(input);
        p.closeWriteChannel();
    }
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

bool MariaDbServer::start(const QString &database, QString *error)
{
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/sluice-my-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QString data = m_dir->filePath(QStringLiteral("data"));
    if (!QFile::exists(QStringLiteral("/usr/sbin/mariadbd"))) {
        *error = QStringLiteral("mariadbd not found (apt-get install mariadb-server)");
        return false;
    }
    if (!run(QStringLiteral("mariadb-install-db"),
             {QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + data, QStringLiteral("--user=root"),
              QStringLiteral("--auth-root-authentication-method=normal"), QStringLiteral("--skip-test-db")},
             {}, error))
        return false;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
    }
    m_server = std::make_unique<QProcess>();
    m_server->setProcessChannelMode(QProcess::MergedChannels);
    m_server->setStandardOutputFile(m_dir->filePath(QStringLiteral("server.log")));
    m_server->start(QStringLiteral("/usr/sbin/mariadbd"),
                    {QStringLiteral("--no-defaults"), QStringLiteral("--datadir=") + data,
                     QStringLiteral("--socket=") + m_dir->filePath(QStringLiteral("sock")), QStringLiteral("--port=%1").arg(m_port),
                     QStringLiteral("--bind-address=127.0.0.1"), QStringLiteral("--user=root"), QStringLiteral("--skip-log-bin"),
                     QStringLiteral("--pid-file=") + m_dir->filePath(QStringLiteral("pid")),
                     QStringLiteral("--innodb-flush-log-at-trx-commit=0"), QStringLiteral("--innodb-buffer-pool-size=128M")});
    if (!m_server->waitForStarted(10000)) {
        *error = QStringLiteral("mariadbd did not start");
        return false;
    }
    QString last;
    for (int i = 0; i < 300; ++i) {
        if (sql(QString(), QStringLiteral("SELECT 1"), &last))
            break;
        if (m_server->state() == QProcess::NotRunning) {
            QFile log(m_dir->filePath(QStringLiteral("server.log")));
            log.open(QIODevice::ReadOnly);
            *error = QStringLiteral("mariadbd exited: %1").arg(QString::fromLocal8Bit(log.readAll().right(2000)));
            return false;
        }
        QThread::msleep(100);
    }
    qputenv("SLUICE_TEST_MY_PW", password().toUtf8());
    return sql(QString(), QStringLiteral("CREATE USER IF NOT EXISTS 'sluice'@'%' IDENTIFIED BY '%1'; "
                                         "GRANT ALL ON *.* TO 'sluice'@'%'; CREATE DATABASE `%2` CHARACTER SET utf8mb4;")
                              .arg(password(), database),
               error);
}

bool MariaDbServer::sql(const QString &database, const QString &statements, QString *error) const
{
    QStringList args{QStringLiteral("--no-defaults"), QStringLiteral("--socket=") + m_dir->filePath(QStringLiteral("sock")),
                     QStringLiteral("-u"), QStringLiteral("root"), QStringLiteral("--batch"),
                     QStringLiteral("--default-character-set=utf8mb4")};
    if (!database.isEmpty())
        args.append(database);
    return run(QStringLiteral("mariadb"), args, statements.toUtf8(), error);
}

QByteArray MariaDbServer::sourceJson(const QString &database, int port) const
{
    return QStringLiteral(R"({"driver": "mysql", "host": "127.0.0.1", "port": %1, "database": "%2", "user": "sluice",
        "password": {"env": "SLUICE_TEST_MY_PW"}, "connect_timeout_s": 2})")
        .arg(port ? port : m_port)
        .arg(database)
        .toUtf8();
}

} // namespace sluice::test
