// What list members were delivered with, kept so that a member that leaves
// the model can be removed by the same identifiers (see StateStore).
#include "store/state_store.h"

#include "store/sqlite_raw.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace sluice::store {

using namespace detail;

Result<void> StateStore::keepIdentities(const QString &sync, const QList<QPair<QString, QByteArray>> &kept, const QStringList &removed)
{
    if (kept.isEmpty() && removed.isEmpty())
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const QString object = QCoreApplication::translate("sluice::store", "member identities of sync %1").arg(sync);
    if (!beginWrite(db))
        return storeError(object, db.lastError());
    QSqlQuery put(db);
    put.prepare(QStringLiteral("INSERT INTO member_identity (sync, key, identity) VALUES (?, ?, ?) "
                               "ON CONFLICT (sync, key) DO UPDATE SET identity = excluded.identity"));
    for (const auto &[key, identity] : kept) {
        put.addBindValue(sync);
        put.addBindValue(key);
        put.addBindValue(QString::fromUtf8(identity));
        if (!put.exec()) {
            db.rollback();
            return storeError(object, put.lastError());
        }
    }
    QSqlQuery drop(db);
    drop.prepare(QStringLiteral("DELETE FROM member_identity WHERE sync = ? AND key = ?"));
    for (const QString &key : removed) {
        drop.addBindValue(sync);
        drop.addBindValue(key);
        if (!drop.exec()) {
            db.rollback();
            return storeError(object, drop.lastError());
        }
    }
    if (!db.commit())
        return storeError(object, db.lastError());
    return {};
}

Result<QHash<QString, QByteArray>> StateStore::identities(const QString &sync, const QStringList &keys) const
{
    QHash<QString, QByteArray> out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT identity FROM member_identity WHERE sync = ? AND key = ?"));
    for (const QString &key : keys) {
        q.addBindValue(sync);
        q.addBindValue(key);
        if (!q.exec())
            return storeError(QCoreApplication::translate("sluice::store", "member identities of sync %1").arg(sync), q.lastError());
        if (q.next())
            out.insert(key, q.value(0).toString().toUtf8());
    }
    return out;
}

} // namespace sluice::store
