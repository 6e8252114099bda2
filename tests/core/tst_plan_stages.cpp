// The planner's stages in process (issue #11: a test per stage): the plan
// by mode, the identity-conflict stage in bounded memory, and both through
// a whole plan on a SQLite model with each diff strategy.
#include "engine/identity_conflicts.h"
#include "engine/mode_plan.h"
#include "engine/repeated_hashes.h"
#include "engine/sync_projection.h"
#include "engine/sync_engine.h"
#include "store/state_store.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace sluice;
using engine::Fate;

namespace {

// Runs statements on a SQLite warehouse file (made if missing); false at the first that fails.
bool warehouseSql(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
        c.setDatabaseName(path);
        ok = c.open();
        QSqlQuery q(c);
        for (const QString &statement : statements)
            ok = ok && q.exec(statement);
        c.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));
    return ok;
}

} // namespace

class TestPlanStages final : public QObject
{
    Q_OBJECT

private slots:
    void modesDecideWhatIsSent_data();
    void modesDecideWhatIsSent();
    void repeatedHashesFindsEveryRepeat();
    void conflictsFoundAmongFewRecords();
    void conflictsFoundPastTheBufferWithoutHoldingTheRecords();
    void aPlanHoldsBothRecordsOfAConflict_data();
    void aPlanHoldsBothRecordsOfAConflict();
    void projectionShowsWhatThePlanWouldSend();
    void aWarehouseFirstFillChecksKeysAsTheyPass();
};

void TestPlanStages::modesDecideWhatIsSent_data()
{
    QTest::addColumn<SyncMode>("mode");
    QTest::addColumn<bool>("isNew");
    QTest::addColumn<bool>("unchanged");
    QTest::addColumn<Fate>("fate");
    QTest::addColumn<bool>("send");
    const QList<SyncMode> modes{SyncMode::Upsert, SyncMode::Update, SyncMode::Insert, SyncMode::Mirror, SyncMode::Append};
    for (const SyncMode mode : modes) {
        const QByteArray name = toString(mode).toUtf8();
        // Nothing unchanged is ever sent, whatever the mode.
        QTest::newRow(QByteArray(name + ": unchanged").constData()) << mode << false << true << Fate::Unchanged << false;
        QTest::newRow(QByteArray(name + ": new").constData()) << mode << true << false << Fate::Added << true;
        // A changed record: append adds it again, insert leaves the destination's copy alone.
        QTest::newRow(QByteArray(name + ": changed").constData()) << mode << false << false << (mode == SyncMode::Append ? Fate::Added : Fate::Changed)
                                         << (mode != SyncMode::Insert);
    }
}

void TestPlanStages::modesDecideWhatIsSent()
{
    QFETCH(SyncMode, mode);
    QFETCH(bool, isNew);
    QFETCH(bool, unchanged);
    const engine::ModeVerdict v = engine::planByMode(mode, isNew, unchanged);
    QFETCH(Fate, fate);
    QFETCH(bool, send);
    QCOMPARE(v.fate, fate);
    QCOMPARE(v.send, send);
    const destination::OpKind kind = engine::sendKind(mode);
    switch (mode) {
    case SyncMode::Append: QCOMPARE(kind, destination::OpKind::Append); break;
    case SyncMode::Update: QCOMPARE(kind, destination::OpKind::Update); break;
    case SyncMode::Insert: QCOMPARE(kind, destination::OpKind::Insert); break;
    case SyncMode::Upsert:
    case SyncMode::Mirror: QCOMPARE(kind, destination::OpKind::Upsert); break;
    }
}

void TestPlanStages::repeatedHashesFindsEveryRepeat()
{
    for (const std::size_t n : {std::size_t(10), std::size_t(200'000)}) { // below and past the bucket dealing
        std::mt19937_64 random(42);
        std::vector<quint64> hashes(n);
        for (quint64 &h : hashes)
            h = random();
        std::vector<quint64> copy = hashes;
        QVERIFY(engine::repeatedHashes(copy).empty());
        // Three values repeated (one three times), including the smallest and the largest.
        std::vector<quint64> sorted = hashes;
        std::sort(sorted.begin(), sorted.end());
        hashes.push_back(sorted.front());
        hashes.push_back(sorted.back());
        hashes.push_back(sorted.back());
        hashes.push_back(sorted[n / 2]);
        std::shuffle(hashes.begin(), hashes.end(), random);
        copy = hashes;
        std::vector<quint64> found = engine::repeatedHashes(copy);
        QCOMPARE(found.size(), std::size_t(3));
        QVERIFY(std::is_sorted(found.begin(), found.end()));
        QVERIFY(std::binary_search(found.begin(), found.end(), sorted.front()));
        QVERIFY(std::binary_search(found.begin(), found.end(), sorted.back()));
        copy = hashes;
        QCOMPARE(engine::repeatedHashes(copy, 1).size(), std::size_t(1));
    }
}

void TestPlanStages::conflictsFoundAmongFewRecords()
{
    QTemporaryDir dir;
    engine::IdentityConflicts c(dir.filePath(QStringLiteral("tmp")));
    c.note(QStringLiteral("b@x.io"), QStringLiteral("2"), Fate::Added, true);
    c.note(QStringLiteral("a@x.io"), QStringLiteral("1"), Fate::Unchanged, false);
    c.note(QStringLiteral("b@x.io"), QStringLiteral("3"), Fate::Changed, true);
    c.note(QStringLiteral("c@x.io"), QStringLiteral("4"), Fate::Added, true);
    c.note(QStringLiteral("a@x.io"), QStringLiteral("5"), Fate::Added, true);
    QCOMPARE(c.matchValues().value(), (QStringList{QStringLiteral("b@x.io"), QStringLiteral("a@x.io"), QStringLiteral("c@x.io")}));
    const QList<engine::IdentityConflicts::Conflict> found = c.conflicts().value();
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[0].match, QStringLiteral("a@x.io"));
    QCOMPARE(found[0].holders.size(), 2);
    QCOMPARE(found[0].holders[0].key, QStringLiteral("1"));
    QCOMPARE(found[0].holders[0].fate, Fate::Unchanged);
    QVERIFY(!found[0].holders[0].sent);
    QCOMPARE(found[0].holders[1].key, QStringLiteral("5"));
    QCOMPARE(found[1].match, QStringLiteral("b@x.io"));
    QCOMPARE(found[1].holders[1].fate, Fate::Changed);
    QVERIFY(!c.onDisk()); // a few records never touch the disk
}

void TestPlanStages::conflictsFoundPastTheBufferWithoutHoldingTheRecords()
{
    QTemporaryDir dir;
    const QString tmp = dir.filePath(QStringLiteral("tmp"));
    {
        engine::IdentityConflicts c(tmp);
        const QString pad(40, QLatin1Char('p')); // ~100 bytes a record: 200k records pass the 1 MiB buffer many times
        for (int i = 0; i < 200'000; ++i) {
            c.note(QStringLiteral("user%1@%2.example").arg(i).arg(pad), QString::number(i), Fate::Added, true);
            if (i == 10)
                c.note(QStringLiteral("user7@%1.example").arg(pad), QStringLiteral("dup-early"), Fate::Changed, true);
            if (i == 199'990)
                c.note(QStringLiteral("user150000@%1.example").arg(pad), QStringLiteral("dup-late"), Fate::Unchanged, false);
        }
        c.note(QStringLiteral("user7@%1.example").arg(pad), QStringLiteral("dup-last"), Fate::Added, true);
        QCOMPARE(c.count(), 200'003);
        QVERIFY(c.onDisk()); // the records went to a temporary file
        const QList<engine::IdentityConflicts::Conflict> found = c.conflicts().value();
        QCOMPARE(found.size(), 2);
        QCOMPARE(found[0].match, QStringLiteral("user150000@%1.example").arg(pad));
        QCOMPARE(found[0].holders.size(), 2);
        QCOMPARE(found[0].holders[1].key, QStringLiteral("dup-late"));
        QCOMPARE(found[1].match, QStringLiteral("user7@%1.example").arg(pad));
        QCOMPARE(found[1].holders.size(), 3);
        QCOMPARE(found[1].holders[0].key, QStringLiteral("7"));
        QCOMPARE(found[1].holders[1].key, QStringLiteral("dup-early"));
        QCOMPARE(found[1].holders[2].key, QStringLiteral("dup-last"));
    }
    QCOMPARE(QDir(tmp).entryList(QDir::Files).size(), 0); // nothing left behind
}

void TestPlanStages::aPlanHoldsBothRecordsOfAConflict_data()
{
    QTest::addColumn<QString>("diff");
    QTest::newRow("local") << QStringLiteral("local");
    QTest::newRow("warehouse") << QStringLiteral("warehouse");
}

// Through a whole plan: two customers with one e-mail are both held back
// with the reason, the rest planned; after a run, a new row taking an
// unchanged customer's e-mail holds both, the unchanged one included.
void TestPlanStages::aPlanHoldsBothRecordsOfAConflict()
{
    QFETCH(QString, diff);
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("dw.db"));
    QVERIFY(warehouseSql(db, {QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, name TEXT)"),
                         QStringLiteral("INSERT INTO customers VALUES (1, 'a@x.io', 'A'), (2, 'B@x.io', 'B'), (3, 'b@x.io ', 'B2'), (4, 'd@x.io', 'D')")}));
    const QByteArray config = R"({"version": 1, "sources": {"dw": {"driver": "sqlite", "path": "dw.db"}},
        "destinations": {"out": {"type": "jsonl", "path": "out.jsonl"}},
        "models": {"m": {"source": "dw", "primary_key": "id", "sql": "select id, email, name from customers"}},
        "syncs": {"s": {"model": "m", "destination": "out", "mode": "upsert", "diff": ")" + diff.toUtf8() + R"(",
                        "match": {"source": "email", "destination": "email"},
                        "fields": [{"source": "email", "destination": "email", "transform": ["email"]}, {"source": "name", "destination": "name"}]}}})";
    auto ws = workspace::Workspace::fromText(config, dir.path());
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
    auto store = store::StateStore::open(ws.value().stateDir() + QStringLiteral("/state.db"));
    QVERIFY(store);
    Result<engine::SyncPlan> plan = engine::planSync(ws.value(), *store.value(), QStringLiteral("s"), {});
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    QCOMPARE(plan.value().counts.added, 2);
    QCOMPARE(plan.value().operationCount, 2);
    QCOMPARE(plan.value().invalid.size(), 2);
    QCOMPARE(plan.value().invalid[0].key, QStringLiteral("2"));
    QVERIFY2(plan.value().invalid[0].reason.contains(QLatin1String("identity conflict: records 2 and 3")), qPrintable(plan.value().invalid[0].reason));
    QCOMPARE(plan.value().invalid[1].key, QStringLiteral("3"));
    for (const destination::Operation &op : plan.value().operations)
        QVERIFY(op.key == QLatin1String("1") || op.key == QLatin1String("4"));

    Result<engine::RunResult> run = engine::runSync(ws.value(), *store.value(), QStringLiteral("s"), {});
    QVERIFY2(run, qPrintable(run ? QString() : run.error().message));
    QCOMPARE(run.value().plan.counts.delivered, 2);
    QVERIFY(warehouseSql(db, {QStringLiteral("INSERT INTO customers VALUES (5, 'D@X.IO', 'D2')")}));
    plan = engine::planSync(ws.value(), *store.value(), QStringLiteral("s"), {});
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    QStringList held;
    for (const engine::HeldRecord &h : plan.value().invalid)
        held.append(h.key);
    QCOMPARE(held, (QStringList{QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4"), QStringLiteral("5")}));
    QCOMPARE(plan.value().counts.unchanged, 1); // customer 1; 4 is held now, though unchanged
    QCOMPARE(plan.value().operationCount, 0);
}

// The projection preview: the first rows as the destination would receive
// them, each beside its source row, held rows with the plan's own reason;
// and what it shows to be sent is byte for byte what a plan sends.
void TestPlanStages::projectionShowsWhatThePlanWouldSend()
{
    QTemporaryDir dir;
    QVERIFY(warehouseSql(dir.filePath(QStringLiteral("dw.db")), {QStringLiteral("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, name TEXT, consent INTEGER)"),
                         QStringLiteral("INSERT INTO customers VALUES (1, ' Ada@Example.COM', 'Ada', 1), (2, 'not an address', 'Bo', 1), "
                                      "(3, 'c@x.io', 'Cy', 0), (4, 'd@x.io', 'Di', 1), (5, 'D@X.IO', 'Di2', 1), (6, 'e@x.io', 'Ed', 1), "
                                      "(7, 'f@x.io', 'Fa', 1)")}));
    const QByteArray config = R"({"version": 1, "sources": {"dw": {"driver": "sqlite", "path": "dw.db"}},
        "destinations": {"out": {"type": "jsonl", "path": "out.jsonl"}},
        "models": {"m": {"source": "dw", "primary_key": "id", "sql": "select id, email, name, consent from customers order by id"}},
        "syncs": {"s": {"model": "m", "destination": "out", "policy": {"consent": "consent"},
                        "match": {"source": "email", "destination": "email"},
                        "fields": [{"source": "email", "destination": "email", "transform": ["email"]},
                                   {"source": "name", "destination": "name", "transform": ["uppercase"]}]}}})";
    auto ws = workspace::Workspace::fromText(config, dir.path());
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
    Result<engine::Projection> p = engine::projectSync(ws.value(), QStringLiteral("s"), 6);
    QVERIFY2(p, qPrintable(p ? QString() : p.error().message));
    const engine::Projection &proj = p.value();
    QCOMPARE(proj.rows.size(), 6);
    QVERIFY(proj.more); // row 7 is past the limit
    QCOMPARE(proj.fields, (QStringList{QStringLiteral("email"), QStringLiteral("name")}));
    QCOMPARE(proj.columns.size(), 4);
    using O = engine::ProjectedRow::Outcome;
    QCOMPARE(proj.rows[0].outcome, O::Send);
    QCOMPARE(proj.rows[0].sent, QByteArray(R"({"email":"ada@example.com","name":"ADA"})"));
    QCOMPARE(proj.rows[0].source.value(1).toString(), QStringLiteral(" Ada@Example.COM")); // beside its source row
    QCOMPARE(proj.rows[1].outcome, O::Invalid);
    QVERIFY2(proj.rows[1].reason.contains(QLatin1String("not an e-mail address")), qPrintable(proj.rows[1].reason));
    QCOMPARE(proj.rows[2].outcome, O::Excluded);
    QVERIFY2(proj.rows[2].reason.contains(QLatin1String("consent")), qPrintable(proj.rows[2].reason));
    QCOMPARE(proj.rows[3].outcome, O::Invalid); // 4 and 5: one e-mail after normalizing
    QVERIFY2(proj.rows[3].reason.contains(QLatin1String("identity conflict: records 4 and 5")), qPrintable(proj.rows[3].reason));
    QCOMPARE(proj.rows[4].outcome, O::Invalid);
    QCOMPARE(proj.rows[5].outcome, O::Send);
    QCOMPARE(proj.send, 2);
    QCOMPARE(proj.excluded, 1);
    QCOMPARE(proj.invalid, 3);

    // What a plan of the whole model sends for the same records.
    auto store = store::StateStore::open(ws.value().stateDbPath());
    QVERIFY(store);
    Result<engine::SyncPlan> plan = engine::planSync(ws.value(), *store.value(), QStringLiteral("s"), {});
    QVERIFY(plan);
    QHash<QString, QByteArray> planned;
    for (const destination::Operation &op : plan.value().operations)
        planned.insert(op.key, op.fieldsJson);
    for (const engine::ProjectedRow &r : proj.rows)
        if (r.outcome == O::Send)
            QCOMPARE(planned.value(r.key), r.sent);
    QHash<QString, QString> held;
    for (const engine::HeldRecord &h : plan.value().invalid)
        held.insert(h.key, h.reason);
    for (const engine::ProjectedRow &r : proj.rows)
        if (r.outcome == O::Invalid)
            QCOMPARE(held.value(r.key), r.reason);
}

// The warehouse diff's first run reads every row, so it checks the keys as
// they pass (no second query racing the extraction); a key met twice still
// stops the plan with the warehouse's description, as before.
void TestPlanStages::aWarehouseFirstFillChecksKeysAsTheyPass()
{
    QTemporaryDir dir;
    QVERIFY(warehouseSql(dir.filePath(QStringLiteral("dw.db")), {QStringLiteral("CREATE TABLE customers (id INTEGER, name TEXT)"),
                         QStringLiteral("INSERT INTO customers VALUES (1, 'a'), (2, 'b'), (3, 'c')")}));
    auto config = [](const char *sql) -> QByteArray {
        return QByteArray(R"({"version": 1, "sources": {"dw": {"driver": "sqlite", "path": "dw.db"}},
            "destinations": {"out": {"type": "jsonl", "path": "out.jsonl"}},
            "models": {"m": {"source": "dw", "primary_key": "id", "sql": ")") + sql + R"("}},
            "syncs": {"s": {"model": "m", "destination": "out", "diff": "warehouse", "fields": [{"source": "name", "destination": "name"}]}}})";
    };
    auto ws = workspace::Workspace::fromText(config("select id, name from customers union all select id, name from customers where id = 2"), dir.path());
    QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().message));
    auto store = store::StateStore::open(ws.value().stateDbPath());
    QVERIFY(store);
    Result<engine::SyncPlan> plan = engine::planSync(ws.value(), *store.value(), QStringLiteral("s"), {});
    QVERIFY(!plan);
    QVERIFY2(plan.error().message.contains(QLatin1String("occur more than once")), qPrintable(plan.error().message));
    // Without the duplicate: every row planned as new.
    ws = workspace::Workspace::fromText(config("select id, name from customers"), dir.path());
    QVERIFY(ws.ok());
    plan = engine::planSync(ws.value(), *store.value(), QStringLiteral("s"), {});
    QVERIFY2(plan, qPrintable(plan ? QString() : plan.error().message));
    QCOMPARE(plan.value().counts.added, 3);
    QCOMPARE(plan.value().counts.unchanged, 0);
    QCOMPARE(plan.value().modelRows, 3);
}

QTEST_GUILESS_MAIN(TestPlanStages)
#include "tst_plan_stages.moc"
