#pragma once

#include "source/source_connection.h"

#include <QJsonObject>

#include <memory>

namespace sluice::source {

// BigQuery through its REST API: a service account's key signs a JWT that
// the token endpoint exchanges for an access token (or an OAuth access token
// is given), jobs.query runs the statement, getQueryResults is polled until
// the job is complete and paged through with pageToken, and types are read
// from the result's schema (INT64, NUMERIC / BIGNUMERIC as their digits,
// TIMESTAMP in microseconds, DATETIME, DATE, JSON, BYTES). Each run's bytes
// billed are counted (bytesBilled()); Cancel cancels the job.
class BigQueryConnection final : public SourceConnection
{
public:
    static Result<std::unique_ptr<SourceConnection>> connect(const workspace::SourceConfig &config, const workspace::Workspace &workspace);
    ~BigQueryConnection() override;
    Q_DISABLE_COPY_MOVE(BigQueryConnection)

    QString literal(const QString &text) const override { return backslashLiteral(text); }
    QString driver() const override { return QStringLiteral("bigquery"); }
    Result<void> stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel = nullptr) override;
    // `?` marks a positional parameter; values travel as STRING query parameters.
    Result<void> streamParams(const QString &sql, const QVariantList &params, const RowSink &sink,
                              const std::atomic_bool *cancel = nullptr) override;
    std::function<void()> interrupter() override;
    Result<QList<TableInfo>> introspect() override;
    // A dry run: BigQuery validates the statement and says what it would read.
    Result<void> compile(const QString &sql) override;
    Result<void> execute(const QString &sql) override;
    std::optional<qint64> estimateBytes(const QString &sql) override;
    QString quoteIdentifier(const QString &identifier) const override;
    QString castToText(const QString &expression) const override { return QStringLiteral("CAST(%1 AS STRING)").arg(expression); }

    std::optional<qint64> bytesBilled() const override { return m_bytesBilled; }

private:
    struct Settings;
    struct Shared;
    explicit BigQueryConnection(QString name);
    Result<QByteArray> accessToken();
    Result<QJsonObject> query(const QString &sql, const QJsonArray &parameters, bool dryRun, const std::atomic_bool *cancel);
    Result<QJsonObject> call(const QByteArray &method, const QString &path, const QByteArray &body, const QString &query = {});
    QString owner() const;
    QJsonObject labels() const;

    std::unique_ptr<Settings> m_settings;
    std::shared_ptr<Shared> m_shared;
    qint64 m_bytesBilled = 0;
};

} // namespace sluice::source
