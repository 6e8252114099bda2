#pragma once

#include "source/source_connection.h"

namespace sluice::source {

// MySQL and MariaDB through the MariaDB client library: rows streamed as the
// server sends them (mysql_use_result: memory stays flat however large the
// model), types read from each field's metadata (DECIMAL as exact text,
// unsigned BIGINT whole, DATETIME and TIMESTAMP in UTC, binary strings as
// bytes), statements stopped with KILL QUERY from a second connection.
//
// The session Sluice opens uses standard SQL where the dialect differs:
// time_zone '+00:00', PIPES_AS_CONCAT (|| joins text) and
// NO_BACKSLASH_ESCAPES (a backslash in a literal is an ordinary character),
// and, unless writing its own state, a read-only transaction mode.
class MysqlConnection final : public SourceConnection
{
public:
    static Result<std::unique_ptr<SourceConnection>> connect(const workspace::SourceConfig &config, const QString &password,
                                                             bool writable);
    ~MysqlConnection() override;
    Q_DISABLE_COPY_MOVE(MysqlConnection)

    QString driver() const override { return QStringLiteral("mysql"); }
    Result<void> stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel = nullptr) override;
    // `?` marks a parameter; each value is sent as an escaped literal.
    Result<void> streamParams(const QString &sql, const QVariantList &params, const RowSink &sink,
                              const std::atomic_bool *cancel = nullptr) override;
    std::function<void()> interrupter() override;
    Result<QList<TableInfo>> introspect() override;
    Result<void> compile(const QString &sql) override;
    Result<void> execute(const QString &sql) override;
    Result<void> setReadOnly(bool readOnly) override;
    QString quoteIdentifier(const QString &identifier) const override;
    // Text compared byte for byte, trailing spaces included (a NO PAD binary
    // collation): keys that differ only in case or trailing space stay apart.
    QString castToText(const QString &expression) const override;
    const QString &exactCollation() const { return m_exactCollation; }

private:
    MysqlConnection(QString name, workspace::SourceConfig config, QString password);
    QString owner() const;
    Error failure(const QString &what) const;

    struct Handle;
    std::unique_ptr<Handle> m_handle;
    workspace::SourceConfig m_config;
    QString m_password;
    QString m_exactCollation = QStringLiteral("utf8mb4_bin");
};

} // namespace sluice::source
