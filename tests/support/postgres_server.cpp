#include "postgres_server.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>

#include <unistd.h>

namespace sluice::test {

PostgresServer::PostgresServer()
{
    const QStringList versions = QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (!versions.isEmpty())
        m_binDir = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(versions.last());
}

PostgresServer::~PostgresServer()
{
    if (m_owned && m_running)
        run(binary(QStringLiteral("pg_ctl")),
            {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            nullptr);
}

QString PostgresServer::binary(const QString &name) const { return m_binDir + QLatin1Char('/') + name; }

QString PostgresServer::psqlPath() const
{
    return QFile::exists(binary(QStringLiteral("psql"))) ? binary(QStringLiteral("psql")) : QStringLiteral("psql");
}

QStringList PostgresServer::psqlEnvironment() const
{
    QStringList env = QProcess::systemEnvironment();
    env.append(QStringLiteral("PGPASSWORD=") + m_password);
    env.append(QStringLiteral("PGHOST=127.0.0.1"));
    env.append(QStringLiteral("PGPORT=%1").arg(m_port));
    env.append(QStringLiteral("PGUSER=postgres"));
    return env;
}

bool PostgresServer::startWithDatabase(const QString &database, QString *error)
{
    if (!start(error))
        return false;
    qputenv("SLUICE_TEST_PG_PW", m_password.toUtf8());
    return psql(QStringLiteral("postgres"), QStringLiteral("DROP DATABASE IF EXISTS %1").arg(database), error)
           && psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(database), error);
}

QByteArray PostgresServer::sourceJson(const QString &database, int port) const
{
    return QStringLiteral(R"({"driver": "postgres", "host": "127.0.0.1", "port": %1, "database": "%2", "user": "postgres",
        "password": {"env": "SLUICE_TEST_PG_PW"}, "connect_timeout_s": 2})")
        .arg(port ? port : m_port)
        .arg(database)
        .toUtf8();
}

bool PostgresServer::run(const QString &program, const QStringList &args, QString *error) const
{
    QProcess p;
    if (::geteuid() == 0) {
        p.setProgram(QStringLiteral("runuser"));
        p.setArguments(QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args);
    } else {
        p.setProgram(program);
        p.setArguments(args);
    }
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start();
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

bool PostgresServer::start(QString *error)
{
    if (qEnvironmentVariableIsSet("SLUICE_TEST_PG_PORT")) {
        m_port = qEnvironmentVariableIntValue("SLUICE_TEST_PG_PORT");
        if (qEnvironmentVariableIsSet("SLUICE_TEST_PG_PASSWORD"))
            m_password = qEnvironmentVariable("SLUICE_TEST_PG_PASSWORD");
        m_running = true;
        return true;
    }
    if (m_binDir.isEmpty()) {
        *error = QStringLiteral("PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/sluice-pg-XXXXXX"));
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther
                                             | QFile::WriteOther | QFile::ExeOther | QFile::ReadGroup | QFile::WriteGroup
                                             | QFile::ExeGroup);
    QFile pw(m_dir->filePath(QStringLiteral("pw")));
    pw.open(QIODevice::WriteOnly);
    pw.write(m_password.toUtf8());
    pw.close();
    QFile::setPermissions(pw.fileName(), QFile::ReadOwner | QFile::ReadOther | QFile::ReadGroup);
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        m_port = probe.serverPort();
    }
    const QString data = m_dir->filePath(QStringLiteral("data"));
    if (!run(binary(QStringLiteral("initdb")),
             {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("--auth-local=trust"),
              QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("--pwfile=") + pw.fileName(),
              QStringLiteral("--encoding=UTF8"), QStringLiteral("--locale=C")},
             error))
        return false;
    m_owned = true;
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                                           "-c full_page_writes=off -c shared_buffers=256MB")
                                .arg(m_port)
                                .arg(m_dir->path());
    if (!run(binary(QStringLiteral("pg_ctl")),
             {QStringLiteral("-D"), data, QStringLiteral("-l"), m_dir->filePath(QStringLiteral("log")), QStringLiteral("-o"), options,
              QStringLiteral("-w"), QStringLiteral("start")},
             error))
        return false;
    m_running = true;
    return true;
}

bool PostgresServer::psql(const QString &database, const QString &sql, QString *error) const
{
    QProcess p;
    p.setEnvironment(psqlEnvironment());
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(psqlPath(), {QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-q"), QStringLiteral("-d"),
                         database, QStringLiteral("-c"), sql});
    if (!p.waitForFinished(600000) || p.exitCode() != 0) {
        if (error)
            *error = QString::fromLocal8Bit(p.readAll());
        return false;
    }
    return true;
}

} // namespace sluice::test
