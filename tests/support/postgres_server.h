#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace sluice::test {

// A throwaway PostgreSQL cluster for tests: initdb into a temporary
// directory, started as the postgres user (PostgreSQL refuses to run as
// root) on a free loopback port, stopped and removed by the destructor.
// SLUICE_TEST_PG_PORT (and SLUICE_TEST_PG_PASSWORD) reuse a running server.
class PostgresServer final
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    bool start(QString *error);
    // start(), then `database` made afresh (dropped if a reused server has
    // it) and SLUICE_TEST_PG_PW set to the password sourceJson() reads.
    bool startWithDatabase(const QString &database, QString *error);
    int port() const { return m_port; }
    QString host() const { return QStringLiteral("127.0.0.1"); }
    QString user() const { return QStringLiteral("postgres"); }
    QString password() const { return m_password; }
    // The server's log file (empty for a reused server, whose log is elsewhere).
    QString logPath() const { return m_owned && m_dir ? m_dir->filePath(QStringLiteral("log")) : QString(); }
    // Runs SQL through psql against `database`; false (and error) on failure.
    bool psql(const QString &database, const QString &sql, QString *error = nullptr) const;
    QString psqlPath() const;
    // Environment for psql: PGPASSWORD and friends.
    QStringList psqlEnvironment() const;
    // A Sluice "postgres" source on this server (or on `port`), its password
    // read from the environment variable SLUICE_TEST_PG_PW.
    QByteArray sourceJson(const QString &database, int port = 0) const;

private:
    QString binary(const QString &name) const;
    bool run(const QString &program, const QStringList &args, QString *error) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_binDir;
    int m_port = 0;
    QString m_password = QStringLiteral("sluice-test-pw");
    bool m_owned = false;
    bool m_running = false;
};

} // namespace sluice::test
