#pragma once

#include "common/result.h"
#include "source/column.h"
#include "workspace/config.h"

#include <QString>
#include <QVariantList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace sluice::workspace {
class Workspace;
}

namespace sluice::source {

class RowView;

// Called once with the columns before any row; return false to stop early.
// A sink gives `row` (converted values) or `view` (see RowView: values
// converted only when asked); with `view` set, `row` is not called.
struct RowSink
{
    std::function<void(const QList<Column> &)> columns;
    std::function<bool(const Row &)> row;
    std::function<bool(const RowView &)> view;
    // With `view`: stream through PostgreSQL's COPY TO STDOUT, less work a row
    // for Sluice and a little more for the server (escaping). Worth it when the
    // server only reads rows; not when the query itself keeps it busy.
    bool copy = false;
    // Text values that were not valid UTF-8 (and so reach Sluice with U+FFFD
    // in place of the bad bytes) are counted here when set: a run reports them.
    qint64 *invalidText = nullptr;
};

// Counts the values of a row view that were not valid UTF-8 text.
int countInvalidText(const RowView &row);

// One live connection to a warehouse, owned by one thread. Every extraction
// streams forward-only: memory stays flat however large the model.
class SourceConnection
{
public:
    virtual ~SourceConnection() = default;

    // Resolves the source's secrets, connects within its timeout, and tells
    // refused credentials, an unreachable host and a missing database apart.
    // Writable connections exist for the warehouse diff, which keeps its state
    // in the warehouse; extraction always reads.
    enum class Access { ReadOnly, ReadWrite };
    static Result<std::unique_ptr<SourceConnection>> open(const workspace::SourceConfig &config,
                                                          const workspace::Workspace &workspace,
                                                          Access access = Access::ReadOnly);

    const QString &name() const { return m_name; }
    virtual QString driver() const = 0;

    // Streams the query's rows into `sink`. `cancel` is polled per row.
    virtual Result<void> stream(const QString &sql, const RowSink &sink, const std::atomic_bool *cancel = nullptr) = 0;
    // The same with bound parameters ($1.. on PostgreSQL, ? on SQLite): values
    // travel apart from the statement's text, never as SQL.
    virtual Result<void> streamParams(const QString &sql, const QVariantList &params, const RowSink &sink,
                                      const std::atomic_bool *cancel = nullptr) = 0;
    // Stops the statement running on this connection; callable from any
    // thread (the GUI's Cancel), made on the connection's own thread first.
    virtual std::function<void()> interrupter() { return [] {}; }
    virtual Result<QList<TableInfo>> introspect() = 0;
    // Parses and plans the operator's SQL as written, without running it, so
    // an error reads as the warehouse would report it for that very text.
    virtual Result<void> compile(const QString &sql) = 0;
    virtual QString quoteIdentifier(const QString &identifier) const;
    // An expression's value as text, in the warehouse's SQL.
    virtual QString castToText(const QString &expression) const { return QStringLiteral("CAST(%1 AS TEXT)").arg(expression); }
    // From now on, statements on this connection may not write (where the
    // warehouse can enforce it); the warehouse diff writes its state first,
    // then reads the model read-only.
    virtual Result<void> setReadOnly(bool) { return {}; }
    // A statement that returns no rows (DDL, INSERT, DELETE).
    virtual Result<void> execute(const QString &sql) = 0;
    // A text literal, quotes doubled (standard_conforming_strings is on).
    static QString quoteLiteral(const QString &text);
    // A text literal as this warehouse reads one: quotes doubled by default;
    // where a backslash escapes (Snowflake, BigQuery, Redshift), escaped too.
    virtual QString literal(const QString &text) const { return quoteLiteral(text); }
    // A literal whose backslashes and quotes are escaped with a backslash.
    static QString backslashLiteral(const QString &text);

    Result<QList<Column>> describe(const QString &sql);
    // What running `sql` would read, in bytes, where the warehouse says so
    // before running it (BigQuery's dry run); nullopt elsewhere.
    virtual std::optional<qint64> estimateBytes(const QString &sql) { Q_UNUSED(sql); return std::nullopt; }
    // Names the sync the connection's statements serve, where the warehouse
    // keeps such a tag with each query (Snowflake's QUERY_TAG "sluice:<sync>",
    // BigQuery's job label sluice_sync): its query history then says which
    // sync ran what.
    void setSync(const QString &sync) { m_sync = sync; }
    // The bytes the warehouse billed for this connection's statements so far,
    // where it bills by bytes and says so (BigQuery); nullopt elsewhere.
    virtual std::optional<qint64> bytesBilled() const { return std::nullopt; }
    Result<QVariant> scalar(const QString &sql);

protected:
    explicit SourceConnection(QString name) : m_name(std::move(name)) {}
    // Tables and columns from a query whose rows are (schema, table, table
    // type, column, the column's type as the warehouse names it), ordered by
    // table: the INFORMATION_SCHEMA listing most warehouses share.
    Result<QList<TableInfo>> tablesFrom(const QString &sql);
    QString m_name;
    QString m_sync; // setSync(); empty: no sync (a preview, a test connection)
};

// The SQL of a model wrapped so it can be selected from; trailing semicolons
// and line comments in the operator's SQL do not break the wrapping.
QString wrapModelSql(const QString &sql);
QString stripTrailingSemicolons(const QString &sql);

} // namespace sluice::source
