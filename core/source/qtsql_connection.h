#pragma once

#include "source/source_connection.h"

namespace sluice::source {

// SQLite, and ODBC or MySQL where Qt's plugin is installed, through plain
// forward-only QSqlQuery.
class QtSqlConnection final : public SourceConnection
{
public:
    static Result<std::unique_ptr<SourceConnection>> connect(const workspace::SourceConfig &config,
                                                             const QString &qtDriver, const QString &database,
                                                             const QString &password, bool writable = false);
    ~QtSqlConnection() override;
    Q_DISABLE_COPY_MOVE(QtSqlConnection)

    QString driver() const override { return m_driver; }
    Result<void> stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel = nullptr) override;
    Result<void> streamParams(const QString &sql, const QVariantList &params, const RowSink &sink,
                              const std::atomic_bool *cancel = nullptr) override;
    Result<QList<TableInfo>> introspect() override;
    Result<void> compile(const QString &sql) override;
    Result<void> execute(const QString &sql) override;
    QString quoteIdentifier(const QString &identifier) const override;
    // ODBC: VARCHAR, which every ODBC warehouse can group and compare.
    QString castToText(const QString &expression) const override;

private:
    QtSqlConnection(QString name, QString driver, QString connection);
    Result<QList<TableInfo>> introspectInformationSchema();

    QString m_driver;
    QString m_connection;
};

} // namespace sluice::source
