#pragma once

// What the hardening suites share: a demo workspace (200 rows), a loopback
// webhook sink, the real binary, and writers for the configurations the
// tests need.
#include "webhook_sink.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace sluice::test {

constexpr int kRows = 200;

inline QJsonObject counts(const QJsonObject &run)
{
    return run.value(QStringLiteral("counts")).toObject();
}

class HardeningFixture : public QObject
{
    Q_OBJECT

protected:
    struct Run
    {
        int code = -1;
        QJsonObject json;
        QByteArray err;
    };
    void setUpWorkspace();
    void tearDownWorkspace();
    Run sluice(const QStringList &args, const QStringList &env = {});
    void writeHookConfig(const QString &url, const QJsonObject &extra = {});
    void writeConfig(const QJsonObject &config);
    // The demo's customers into a file destination "file", by the sync "to_file".
    QJsonObject fileConfig(const QString &type, const QString &path, const QJsonObject &syncExtra = {});
    bool sql(const QString &statement);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WebhookSink> m_sink;
    QString m_ws;
};

} // namespace sluice::test
