#pragma once

// Internal to the state store: its SQLite helpers, shared by state_store.cpp
// (runs, audit, rejections, locks, migrations) and record_state.cpp (the
// per-record sync state, read and written a million rows at a time).

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QString>

#include <sqlite3.h>

class QSqlError;

namespace sluice::store::detail {

QString isoNow();
// Runs `sql`, waiting out SQLITE_BUSY / SQLITE_LOCKED for up to 30 s.
bool execPatiently(QSqlQuery &q, const QString &sql);
// Starts a write transaction that holds the write lock from its first
// statement (BEGIN IMMEDIATE): a deferred one that read first cannot always
// upgrade in WAL mode while another process writes.
bool beginWrite(QSqlDatabase &db);
Error storeError(const QString &what, const QString &problem);
Error storeError(const QString &what, const QSqlError &e);

// Record state is read and written a million rows at a time: those loops talk
// to SQLite directly on Qt's own connection (same handle, same transaction),
// about five times faster than QSqlQuery's bind-and-convert per value.
inline sqlite3 *rawHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.constData());
    return nullptr;
}

class RawStatement final
{
public:
    RawStatement(sqlite3 *db, const char *sql) : m_db(db)
    {
        if (db)
            sqlite3_prepare_v2(db, sql, -1, &m_statement, nullptr);
    }
    ~RawStatement() { sqlite3_finalize(m_statement); }
    RawStatement(const RawStatement &) = delete;
    RawStatement &operator=(const RawStatement &) = delete;

    bool ok() const { return m_statement != nullptr; }
    void bind(int index, const QString &value)
    {
        m_buffers[index & 15] = value.toUtf8();
        sqlite3_bind_text(m_statement, index, m_buffers[index & 15].constData(), int(m_buffers[index & 15].size()), SQLITE_STATIC);
    }
    void bind(int index, quint64 value) { sqlite3_bind_int64(m_statement, index, sqlite3_int64(value)); }
    void bindNull(int index) { sqlite3_bind_null(m_statement, index); }
    // UTF-8 text already encoded (a record's JSON), bound as text without a copy.
    void bindBytes(int index, const QByteArray &utf8)
    {
        m_buffers[index & 15] = utf8;
        sqlite3_bind_text(m_statement, index, m_buffers[index & 15].constData(), int(m_buffers[index & 15].size()), SQLITE_STATIC);
    }
    bool isNull(int column) const { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    quint64 integer(int column) const { return quint64(sqlite3_column_int64(m_statement, column)); }
    QByteArrayView bytes(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QByteArrayView(data, sqlite3_column_bytes(m_statement, column));
    }
    // Runs a statement that returns no rows; false on error (see error()).
    bool run()
    {
        const int rc = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        return rc == SQLITE_DONE || rc == SQLITE_ROW;
    }
    bool next() { return sqlite3_step(m_statement) == SQLITE_ROW; }
    void reset() { sqlite3_reset(m_statement); }
    QString text(int column) const
    {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column)),
                                 sqlite3_column_bytes(m_statement, column));
    }
    QString error() const { return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QStringLiteral("no SQLite handle"); }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
    QByteArray m_buffers[16];
};

} // namespace sluice::store::detail
