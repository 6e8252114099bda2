#pragma once

#include "destination/destination.h"

#include <QSqlDatabase>
#include <QStringList>

namespace sluice::destination {

// A table in PostgreSQL or SQLite (a product database, a reporting copy).
// The sync's `object` names the table; `sluice_key` holds the record key
// and is the table's primary key; each mapped field is a column. Upserts use
// INSERT ... ON CONFLICT, deletes (mirror) DELETE by key. With
// "create_table": true the table and missing columns are created. A batch
// the database refuses is split until the refused records stand alone, each
// rejected with the database's own message.
class TableDestination final : public Destination
{
public:
    struct Settings
    {
        QString name;
        QString qtDriver; // QPSQL or QSQLITE
        QString host;
        int port = 0;
        QString database; // file path for SQLite
        QString user;
        QString password;
        QString schema;
        bool createTable = false;
        int batchSize = 1000;
    };
    explicit TableDestination(Settings settings);
    ~TableDestination() override;
    Result<void> deliver(const QList<Operation> &operations, const DeliveryContext &context) override;
    Result<void> check() const override;
    // The tables of the schema (PostgreSQL) or the file (SQLite).
    Result<QList<ObjectInfo>> objects() const override;

private:
    QSqlDatabase addConnection(const QString &name) const;

    Settings m_settings;
    QString m_connection;
};

} // namespace sluice::destination
