#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QtGlobal>

#include <memory>

// .sluice/state.db: every SQL statement about Sluice's own state lives behind
// this class. One instance owns one connection and is used on the thread that
// opened it (Qt SQL connections are per thread).
namespace sluice::store {

struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString object;
    QString detail;
};

struct RunRecord
{
    QString id;
    QString sync;
    QString status;
    QDateTime startedAt;
    QDateTime finishedAt;
    QJsonObject counts;
    QJsonObject metrics;
    QString error;
};

class StateStore final
{
public:
    static constexpr int currentSchemaVersion = 2;

    // Opens (creating with owner-only permissions and migrating as needed).
    // `upToVersion` exists so tests can build an older database.
    static Result<std::unique_ptr<StateStore>> open(const QString &path, int upToVersion = currentSchemaVersion);
    ~StateStore();
    Q_DISABLE_COPY_MOVE(StateStore)

    int schemaVersion() const;
    QString path() const { return m_path; }

    Result<void> appendAudit(const QString &actor, const QString &action, const QString &object,
                             const QString &detail);
    QList<AuditEntry> audit(int limit = 100) const;

    Result<void> insertRun(const RunRecord &run);
    Result<void> updateRun(const RunRecord &run);
    QList<RunRecord> runs(const QString &sync = {}, int limit = 100) const;

    // The column names and types a model had when last run (for drift).
    Result<void> saveModelSchema(const QString &model, const QJsonObject &schema);
    QJsonObject modelSchema(const QString &model) const;

private:
    StateStore(QString path, QString connection);
    Result<void> migrate(int upToVersion);

    QString m_path;
    QString m_connection;
};

} // namespace sluice::store
