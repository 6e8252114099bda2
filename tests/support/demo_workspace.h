#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariant>

#include <functional>

// The demo workspace as tests use it: made with a given number of customers,
// its sluice.json edited as an operator would, its warehouse changed.
namespace sluice::test {

// Makes PARENT/ws with the demo warehouse of `customers`; its path, or empty on failure.
QString makeDemoWorkspace(const QString &parent, qint64 customers);
// Reads sluice.json, lets `edit` change it, writes it back; false if either fails.
bool editConfig(const QString &workspace, const std::function<void(QJsonObject &)> &edit);
bool setModelSql(const QString &workspace, const QString &model, const QString &sql);
bool setSchedule(const QString &workspace, const QString &sync, const QJsonObject &schedule);
// Runs one statement on the demo warehouse (demo/warehouse.db).
bool warehouseSql(const QString &workspace, const QString &statement);
// The first value of a query on the demo warehouse (invalid on failure).
QVariant warehouseScalar(const QString &workspace, const QString &query);

} // namespace sluice::test
