// The diff stage in process (issue #11: a test per stage): the local and the
// warehouse strategies, on the same SQLite model and the same changes, tell
// the same records new, changed, unchanged and removed.
#include "engine/diff_strategy.h"
#include "engine/plan_internal.h"
#include "source/row_view.h"
#include "source/source_connection.h"
#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

class TestDiffStrategy final : public QObject
{
    Q_OBJECT

private slots:
    void bothStrategiesTellTheSameChanges_data();
    void bothStrategiesTellTheSameChanges();
};

namespace {

struct Pass
{
    QStringList added, changed;
    qint64 unchanged = 0;
    QStringList removed;
    QList<engine::WarehouseDiff::StateRow> state; // what a run would record
};

void sql(const QString &path, const QString &statement)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        for (const QString &s : statement.split(QLatin1Char(';'), Qt::SkipEmptyParts))
            QVERIFY2(QSqlQuery(db).exec(s), qPrintable(s));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));
}

// One plan's diff, as PlanBuilder asks it: load, stream, judge, settle, removed.
Pass diffOnce(const workspace::Workspace &ws, store::StateStore &store)
{
    const workspace::SyncConfig sync = ws.config().syncs.value(QStringLiteral("s"));
    const workspace::ModelConfig model = ws.config().models.value(sync.model);
    auto source = source::SourceConnection::open(ws.config().sources.value(model.source), ws, source::SourceConnection::Access::ReadWrite);
    if (!source)
        qFatal("%s", qPrintable(source.error().message));
    const QList<source::Column> columns = source.value()->describe(model.sql).value();
    const engine::SyncOptions options;
    engine::SyncPlan plan;
    auto diff = engine::DiffStrategy::create({ws, store, options, sync, model, *source.value(), columns, plan, true, false, {}, {}});
    if (std::optional<Error> e = diff->load())
        qFatal("%s", qPrintable(e->message));
    Pass out;
    engine::RecordWriter writer({QStringLiteral("name")}, engine::fingerprint(sync));
    qint64 extracted = 0;
    source::RowSink sink;
    sink.view = [&](const source::RowView &row) {
        if (diff->tookRemoval(row))
            return true;
        ++extracted;
        const QString key = row.text(0);
        const quint64 hash = diff->arriving(key);
        writer.write({row.value(1)});
        const engine::DiffStrategy::Verdict v = diff->judge(row, key, hash, writer.digest(), QString());
        if (v.unchanged)
            ++out.unchanged;
        else
            (v.isNew ? out.added : out.changed).append(key);
        if (!v.unchanged)
            out.state.append({key, v.ws.src, writer.digest().toHex(), {}, false});
        return true;
    };
    if (Result<void> r = source.value()->stream(diff->extractSql(), sink); !r)
        qFatal("%s", qPrintable(r.error().message));
    qint64 excluded = 0;
    const qint64 rows = source.value()->scalar(QStringLiteral("SELECT count(*) FROM people"))->toLongLong();
    if (std::optional<Error> e = diff->settle(rows, extracted, excluded))
        qFatal("%s", qPrintable(e->message));
    out.unchanged += plan.counts.unchanged; // what the warehouse kept back
    out.removed = diff->removed();
    out.added.sort();
    out.changed.sort();
    out.removed.sort();
    for (const QString &k : std::as_const(out.removed))
        out.state.append({k, {}, {}, {}, true});
    return out;
}

// Records what a run would have delivered, where the strategy keeps its state.
void record(const workspace::Workspace &ws, store::StateStore &store, const Pass &pass)
{
    const workspace::SyncConfig sync = ws.config().syncs.value(QStringLiteral("s"));
    if (sync.diff == DiffKind::Local) {
        QList<store::StateStore::Accepted> accepted;
        for (const engine::WarehouseDiff::StateRow &r : pass.state)
            accepted.append({r.key, r.hash, r.deleted});
        QVERIFY(store.commitOutcomes(sync.name, QStringLiteral("r"), accepted, {}).ok());
        return;
    }
    const workspace::ModelConfig model = ws.config().models.value(sync.model);
    auto source = source::SourceConnection::open(ws.config().sources.value(model.source), ws, source::SourceConnection::Access::ReadWrite);
    QVERIFY(source.ok());
    auto dialect = engine::WarehouseDialect::of(QStringLiteral("sqlite"));
    engine::WarehouseDiff state(*source.value(), *dialect, sync.name, model.primaryKey, engine::columnsUsed(sync, model), {});
    QVERIFY(state.commit(pass.state, QStringLiteral("r")).ok());
}

} // namespace

void TestDiffStrategy::bothStrategiesTellTheSameChanges_data()
{
    QTest::addColumn<QString>("diff");
    QTest::newRow("local") << QStringLiteral("local");
    QTest::newRow("warehouse") << QStringLiteral("warehouse");
}

void TestDiffStrategy::bothStrategiesTellTheSameChanges()
{
    QFETCH(QString, diff);
    QTemporaryDir dir;
    const QString dw = dir.filePath(QStringLiteral("dw.db"));
    sql(dw, QStringLiteral("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);"
                           "INSERT INTO people VALUES (1, 'Ann'), (2, 'Bo'), (3, 'Cy'), (4, NULL), (5, 'Eve')"));
    auto ws = workspace::Workspace::fromText(R"({"version": 1, "sources": {"dw": {"driver": "sqlite", "path": "dw.db"}},
        "destinations": {"out": {"type": "jsonl", "path": "out.jsonl"}},
        "models": {"m": {"source": "dw", "primary_key": "id", "sql": "select id, name from people"}},
        "syncs": {"s": {"model": "m", "destination": "out", "mode": "mirror", "diff": ")" + diff.toUtf8() + R"(",
                        "fields": [{"source": "name", "destination": "name"}]}}})",
                                             dir.path());
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
    auto store = store::StateStore::open(dir.filePath(QStringLiteral("state.db")));
    QVERIFY(store.ok());

    const Pass first = diffOnce(ws.value(), *store.value());
    QCOMPARE(first.added, (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")}));
    QVERIFY(first.changed.isEmpty());
    QCOMPARE(first.unchanged, 0);
    QVERIFY(first.removed.isEmpty());
    record(ws.value(), *store.value(), first);

    sql(dw, QStringLiteral("UPDATE people SET name = 'Bob' WHERE id = 2; UPDATE people SET name = 'Dee' WHERE id = 4;"
                           "DELETE FROM people WHERE id = 5; INSERT INTO people VALUES (6, 'Fay')"));
    const Pass second = diffOnce(ws.value(), *store.value());
    QCOMPARE(second.added, QStringList{QStringLiteral("6")});
    QCOMPARE(second.changed, (QStringList{QStringLiteral("2"), QStringLiteral("4")})); // NULL to a name is a change
    QCOMPARE(second.unchanged, 2);
    QCOMPARE(second.removed, QStringList{QStringLiteral("5")});
    record(ws.value(), *store.value(), second);

    const Pass third = diffOnce(ws.value(), *store.value()); // nothing moved
    QVERIFY(third.added.isEmpty() && third.changed.isEmpty() && third.removed.isEmpty());
    QCOMPARE(third.unchanged, 5);
}

QTEST_GUILESS_MAIN(TestDiffStrategy)
#include "tst_diff_strategy.moc"
