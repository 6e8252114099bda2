#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace sluice::test {

// A throwaway MariaDB server for tests: mariadb-install-db into a temporary
// directory, mariadbd on a free loopback port (and a socket in that
// directory), a user "sluice" with a password and a database made for the
// test; stopped and removed by the destructor.
class MariaDbServer final
{
public:
    MariaDbServer();
    ~MariaDbServer();
    MariaDbServer(const MariaDbServer &) = delete;
    MariaDbServer &operator=(const MariaDbServer &) = delete;

    // Starts the server with `database` made, and SLUICE_TEST_MY_PW set to
    // the password sourceJson() reads.
    bool start(const QString &database, QString *error);
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("sluice"); }
    QString password() const { return QStringLiteral("sluice-my-pw"); }
    // Runs SQL through the mariadb client as root against `database`.
    bool sql(const QString &database, const QString &statements, QString *error = nullptr) const;
    // A Sluice "mysql" source on this server.
    QByteArray sourceJson(const QString &database, int port = 0) const;

private:
    bool run(const QString &program, const QStringList &args, const QByteArray &input, QString *error) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_server;
    int m_port = 0;
};

} // namespace sluice::test
