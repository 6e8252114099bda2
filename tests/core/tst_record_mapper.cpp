// The map stage in process (issue #11: a test per stage): a row becomes the
// record its destination receives, or is held back as invalid with the
// reason; the JSON and its content hash are the same whichever way a field
// goes (straight from the warehouse's text or through a transform).
#include "engine/record_mapper.h"
#include "source/column.h"
#include "source/row_view.h"
#include "workspace/workspace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

class TestRecordMapper final : public QObject
{
    Q_OBJECT

private slots:
    void mapsTransformsAndChecks();
    void contentHashFollowsTheMapping();
    void emailOnWarehouseTextMatchesTheGeneralPath();

private:
    std::unique_ptr<engine::RecordMapper> mapper(const QByteArray &syncExtra, const QByteArray &schema = "{}");
    QTemporaryDir m_dir;
    std::optional<workspace::Workspace> m_workspace;
    const QHash<QString, int> m_columns{{QStringLiteral("id"), 0}, {QStringLiteral("email"), 1}, {QStringLiteral("stage"), 2}, {QStringLiteral("ltv"), 3}};
};

std::unique_ptr<engine::RecordMapper> TestRecordMapper::mapper(const QByteArray &syncExtra, const QByteArray &schema)
{
    const QByteArray text = R"({"version": 1, "sources": {"dw": {"driver": "sqlite", "path": "dw.db"}},
        "destinations": {"out": {"type": "jsonl", "path": "out.jsonl", "field_schema": )" + schema + R"(}},
        "models": {"m": {"source": "dw", "primary_key": "id", "sql": "select 1"}},
        "syncs": {"s": {"model": "m", "destination": "out", )" + syncExtra + "}}}";
    auto ws = workspace::Workspace::fromText(text, m_dir.path());
    if (!ws.ok())
        qFatal("%s", qPrintable(ws.error().message));
    m_workspace.emplace(std::move(ws).value());
    auto m = engine::RecordMapper::create(*m_workspace, m_workspace->config().syncs.value(QStringLiteral("s")), m_columns);
    if (!m.ok())
        qFatal("%s", qPrintable(m.error().message));
    return std::move(m).value();
}

void TestRecordMapper::mapsTransformsAndChecks()
{
    auto m = mapper(R"("match": {"source": "email", "destination": "email"},
        "fields": [{"source": "email", "destination": "email", "transform": ["email"]}, {"source": "stage", "destination": "stage"},
                   {"source": "ltv", "destination": "ltv"}])",
                    R"({"stage": {"enum": ["lead", "customer"]}})");
    QVERIFY(m->matches());
    const source::Row good{1, QStringLiteral("  Anna@Example.COM "), QStringLiteral("lead"), 12.5};
    QCOMPARE(m->map(source::RowView(good)), QString());
    QCOMPARE(QJsonDocument::fromJson(m->json()).object(),
             QJsonObject({{QStringLiteral("email"), QStringLiteral("anna@example.com")}, {QStringLiteral("stage"), QStringLiteral("lead")}, {QStringLiteral("ltv"), 12.5}}));
    QCOMPARE(m->matchValue(), QStringLiteral("anna@example.com"));

    const source::Row badStage{2, QStringLiteral("b@example.com"), QStringLiteral("churned"), 1};
    const QString stage = m->map(source::RowView(badStage));
    QVERIFY2(stage.contains(QLatin1String("stage")) && stage.contains(QLatin1String("churned")), qPrintable(stage));
    const source::Row badEmail{3, QStringLiteral("not an address"), QStringLiteral("lead"), 1};
    QVERIFY2(m->map(source::RowView(badEmail)).startsWith(QLatin1String("field email: ")), qPrintable(m->map(source::RowView(badEmail))));
    const source::Row noEmail{4, QVariant(), QStringLiteral("lead"), 1};
    QVERIFY2(m->map(source::RowView(noEmail)).contains(QLatin1String("no email to match")), qPrintable(m->map(source::RowView(noEmail))));
    // After refusals, a good row maps as before: nothing of the refused ones stays behind.
    QCOMPARE(m->map(source::RowView(good)), QString());
    QCOMPARE(QJsonDocument::fromJson(m->json()).object().value(QStringLiteral("email")).toString(), QStringLiteral("anna@example.com"));
}

void TestRecordMapper::contentHashFollowsTheMapping()
{
    const source::Row row{1, QStringLiteral("a@example.com"), QStringLiteral("lead"), 3};
    auto plain = mapper(R"("fields": [{"source": "email", "destination": "email"}, {"source": "stage", "destination": "stage"}])");
    QCOMPARE(plain->map(source::RowView(row)), QString());
    const engine::Digest first = plain->digest();
    QCOMPARE(plain->map(source::RowView(row)), QString());
    QVERIFY(plain->digest() == first); // the same row, the same hash
    const source::Row changed{1, QStringLiteral("a@example.com"), QStringLiteral("customer"), 3};
    QCOMPARE(plain->map(source::RowView(changed)), QString());
    QVERIFY(!(plain->digest() == first));
    // A transform that changes nothing still changes the mapping: the records go again.
    auto trimmed = mapper(R"("fields": [{"source": "email", "destination": "email", "transform": ["trim"]}, {"source": "stage", "destination": "stage"}])");
    QCOMPARE(trimmed->map(source::RowView(row)), QString());
    QCOMPARE(trimmed->json(), QByteArray(R"({"email":"a@example.com","stage":"lead"})"));
    QVERIFY(!(trimmed->digest() == first));
}

// An ASCII address under a lone "email" step is normalized on the warehouse's
// text without a QString; whatever the input, the record, the refusal and
// the match value must be those of the general path.
void TestRecordMapper::emailOnWarehouseTextMatchesTheGeneralPath()
{
    auto m = mapper(R"("match": {"source": "email", "destination": "email"},
        "fields": [{"source": "email", "destination": "email", "transform": ["email"]}, {"source": "stage", "destination": "stage"}])");
    const QList<QByteArray> inputs{"anna@example.com", "  Anna@Example.COM ", "\tB.O\"B@x.io\r\n", "a@b.c", "a\\b@c.de",
                                   "@example.com", "a@.com", "a@b.", "a@@b.com", "a@b@c.com", "a b@c.com", "a@b.com.",
                                   "a@bcom", "", "   ", "caf\xc3\xa9@example.com", "A@EXAMPLE.COM\x01", "x@y.z\v",
                                   QByteArray(300, 'a') + "@example.com"};
    const source::ColumnType types[] = {source::ColumnType::Integer, source::ColumnType::Text, source::ColumnType::Text,
                                        source::ColumnType::Float};
    for (const QByteArray &input : inputs) {
        const source::Row converted{7, QString::fromUtf8(input), QStringLiteral("lead"), 1};
        const QString generalProblem = m->map(source::RowView(converted));
        const QByteArray generalJson = generalProblem.isEmpty() ? m->json() : QByteArray();
        const QString generalMatch = generalProblem.isEmpty() ? m->matchValue() : QString();
        for (const bool knownAscii : {false, true}) {
            bool ascii = true;
            for (const char c : input)
                ascii = ascii && static_cast<unsigned char>(c) < 0x80;
            const source::TextValue values[] = {{"7", 1, true}, {input.constData(), int(input.size()), knownAscii && ascii}, {"lead", 4, true}, {"1", 1, true}};
            const QString problem = m->map(source::RowView(values, types, 4));
            QCOMPARE(problem, generalProblem);
            if (problem.isEmpty()) {
                QCOMPARE(m->json(), generalJson);
                QCOMPARE(m->matchValue(), generalMatch);
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestRecordMapper)
#include "tst_record_mapper.moc"
