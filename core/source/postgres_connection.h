#pragma once

#include "source/source_connection.h"

#include <QSqlDatabase>

namespace sluice::source {

// PostgreSQL through Qt's QPSQL driver for the connection, and libpq's
// single-row mode on that same connection for extraction: QPSQL would hold a
// whole result in memory and turn every timestamptz into a QDateTime, which
// costs 7x in throughput. Values arrive as PostgreSQL's own text, so numerics
// are exact and timestamps are rendered in UTC by the server.
//
// Amazon Redshift speaks the same protocol (driver "redshift"): there the
// rows come in single-row mode (Redshift has no COPY TO STDOUT), SSL is
// required by default, text casts are VARCHAR(65535) (Redshift's TEXT is
// VARCHAR(256)) and literals escape backslashes too.
class PostgresConnection final : public SourceConnection
{
public:
    static Result<std::unique_ptr<SourceConnection>> connect(const workspace::SourceConfig &config,
                                                             const QString &password, bool writable);
    ~PostgresConnection() override;
    Q_DISABLE_COPY_MOVE(PostgresConnection)

    QString driver() const override { return m_redshift ? QStringLiteral("redshift") : QStringLiteral("postgres"); }
    QString castToText(const QString &expression) const override;
    QString literal(const QString &text) const override;
    Result<void> stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel = nullptr) override;
    Result<void> streamParams(const QString &sql, const QVariantList &params, const RowSink &sink,
                              const std::atomic_bool *cancel = nullptr) override;
    std::function<void()> interrupter() override;
    Result<QList<TableInfo>> introspect() override;
    Result<void> compile(const QString &sql) override;
    Result<void> execute(const QString &sql) override;
    Result<void> setReadOnly(bool readOnly) override;

private:
    PostgresConnection(QString name, QString connection);
    void *nativeHandle() const;
    Result<void> streamResults(void *conn, const QString &owner, const RowSink &sink, const std::atomic_bool *cancel);
    Result<void> streamCopy(void *conn, const QString &owner, const QString &sql, const RowSink &sink, const std::atomic_bool *cancel);

    QString m_connection;
    bool m_redshift = false;
};

} // namespace sluice::source
