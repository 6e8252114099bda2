#pragma once

#include "source/source_connection.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace sluice::source {

// Snowflake through its SQL API (POST /api/v2/statements): key-pair JWT or
// an OAuth token, statements run and polled while Snowflake answers 202,
// result partitions fetched in order and streamed row by row, types read
// from resultSetMetaData (NUMBER with its scale, the three TIMESTAMP kinds,
// VARIANT / OBJECT / ARRAY as JSON), Cancel through the statement's /cancel.
// Every statement carries QUERY_TAG "sluice".
class SnowflakeConnection final : public SourceConnection
{
public:
    static Result<std::unique_ptr<SourceConnection>> connect(const workspace::SourceConfig &config, const workspace::Workspace &workspace);
    ~SnowflakeConnection() override;
    Q_DISABLE_COPY_MOVE(SnowflakeConnection)

    QString literal(const QString &text) const override { return backslashLiteral(text); }
    QString driver() const override { return QStringLiteral("snowflake"); }
    Result<void> stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel = nullptr) override;
    // `?` marks a parameter; values travel as the request's bindings, as text.
    Result<void> streamParams(const QString &sql, const QVariantList &params, const RowSink &sink,
                              const std::atomic_bool *cancel = nullptr) override;
    std::function<void()> interrupter() override;
    Result<QList<TableInfo>> introspect() override;
    Result<void> compile(const QString &sql) override;
    Result<void> execute(const QString &sql) override;

    // The JWT Snowflake's key-pair authentication takes: iss
    // ACCOUNT.USER.SHA256:<public key fingerprint>, sub ACCOUNT.USER, an hour long.
    static Result<QByteArray> keyPairJwt(const QString &account, const QString &user, const QByteArray &privateKeyPem);
    // The fingerprint Snowflake shows as RSA_PUBLIC_KEY_FP: SHA-256 of the DER public key, base64.
    static Result<QString> publicKeyFingerprint(const QByteArray &keyPem);

private:
    struct Settings;
    struct Shared;
    explicit SnowflakeConnection(QString name);
    // Runs a statement to its end (polling a 202), the first partition's answer.
    Result<QJsonObject> run(const QString &sql, const QJsonObject &bindings, const std::atomic_bool *cancel);
    Result<QJsonArray> partition(const QString &handle, int index);
    Result<QList<QPair<QByteArray, QByteArray>>> requestHeaders();
    QString owner() const;

    std::unique_ptr<Settings> m_settings;
    std::shared_ptr<Shared> m_shared; // the running statement's handle, for Cancel from another thread
};

} // namespace sluice::source
