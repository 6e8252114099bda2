// The hot path of planning: mapped records written as JSON by hand (must read
// back exactly as Qt's JSON would), their content hashes, and the compact
// index of what the destination holds.
#include "engine/known_records.h"
#include "engine/record_digest.h"
#include "source/column.h"
#include "store/state_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace sluice;

class TstRecordDigest final : public QObject
{
    Q_OBJECT

private slots:
    void jsonMatchesQt_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::newRow("null") << QVariant();
        QTest::newRow("empty string") << QVariant(QString());
        QTest::newRow("true") << QVariant(true);
        QTest::newRow("false") << QVariant(false);
        QTest::newRow("integer") << QVariant(qlonglong(-42));
        QTest::newRow("zero") << QVariant(qlonglong(0));
        QTest::newRow("2^53 stays a number") << QVariant(qlonglong(1) << 53);
        QTest::newRow("beyond 2^53 stays exact text") << QVariant(qlonglong(9007199254740993LL));
        QTest::newRow("most negative") << QVariant(std::numeric_limits<qlonglong>::min());
        QTest::newRow("double") << QVariant(0.1);
        QTest::newRow("integral double") << QVariant(3.0);
        QTest::newRow("decimal text") << QVariant(QStringLiteral("12345678901234567890.123456789"));
        QTest::newRow("quotes and backslash") << QVariant(QStringLiteral("say \"hi\" \\ bye"));
        QTest::newRow("control characters") << QVariant(QStringLiteral("a\nb\tc\rd\be\ff") + QChar(0x01) + QChar(0x1f));
        QTest::newRow("accents") << QVariant(QStringLiteral("Zoë Müller, São Paulo"));
        QTest::newRow("CJK") << QVariant(QStringLiteral("東京都"));
        QTest::newRow("emoji (surrogate pair)") << QVariant(QStringLiteral("ok 👍"));
        QTest::newRow("bytes") << QVariant(QByteArray("\x00\x01\xff", 3));
    }
    void jsonMatchesQt()
    {
        QFETCH(QVariant, value);
        QByteArray mine = "{\"v\":";
        source::appendJson(mine, value);
        mine.append('}');
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(mine, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, mine.constData());
        const QJsonObject expected{{QStringLiteral("v"), source::toJson(value, source::ColumnType::Unknown)}};
        QCOMPARE(parsed.object(), expected);
    }

    void loneSurrogateBecomesReplacementCharacter()
    {
        QByteArray out;
        const QString lone = QString(QChar(0xd800)) + QStringLiteral("x");
        source::appendJsonString(out, lone);
        const QString expected = QString(QChar(0xfffd)) + QStringLiteral("x");
        QCOMPARE(QJsonDocument::fromJson(QByteArray("[" + out + "]")).array().at(0).toString(), expected);
    }

    void digestFollowsValuesAndMapping()
    {
        const QStringList names{QStringLiteral("a"), QStringLiteral("b")};
        engine::RecordWriter writer(names, QStringLiteral("mapping-1"));
        writer.write({QStringLiteral("ab"), QStringLiteral("c")});
        const engine::Digest first = writer.digest();
        QCOMPARE(writer.json(), QByteArray(R"({"a":"ab","b":"c"})"));
        writer.write({QStringLiteral("ab"), QStringLiteral("c")});
        QCOMPARE(writer.digest(), first); // the same record, the same hash
        writer.write({QStringLiteral("a"), QStringLiteral("bc")});
        QVERIFY(writer.digest() != first); // values are framed, not concatenated
        writer.write({QStringLiteral("ab"), QVariant()});
        QVERIFY(writer.digest() != first);
        writer.write({qlonglong(1), QStringLiteral("c")});
        const engine::Digest number = writer.digest();
        writer.write({QStringLiteral("1"), QStringLiteral("c")});
        QVERIFY(writer.digest() != number); // a type change is a change

        engine::RecordWriter remapped(names, QStringLiteral("mapping-2"));
        remapped.write({QStringLiteral("ab"), QStringLiteral("c")});
        QVERIFY(remapped.digest() != first); // a changed mapping re-sends

        QCOMPARE(engine::Digest::fromHex(first.toHex()), first);
        QCOMPARE(first.toHex().size(), 32);
    }

    void knownRecordsFindsSeesAndListsTheRest()
    {
        QTemporaryDir dir;
        auto store = store::StateStore::open(dir.filePath(QStringLiteral("state.db")));
        QVERIFY(store);
        engine::RecordWriter writer({QStringLiteral("v")}, QStringLiteral("m"));
        QList<store::StateStore::Accepted> accepted;
        QHash<QString, engine::Digest> digests;
        for (int i = 0; i < 5000; ++i) {
            writer.write({qlonglong(i)});
            const QString key = QStringLiteral("k%1").arg(i);
            digests.insert(key, writer.digest());
            accepted.append({key, writer.digest().toHex(), false});
        }
        QVERIFY(store.value()->commitOutcomes(QStringLiteral("s"), QStringLiteral("r1"), accepted, {}));
        QVERIFY(store.value()->markPending(QStringLiteral("s"), QStringLiteral("r2"), {QStringLiteral("fresh")}));
        QVERIFY(store.value()->commitOutcomes(QStringLiteral("other"), QStringLiteral("r1"), {{QStringLiteral("k1"), QStringLiteral("0"), false}}, {}));

        engine::KnownRecords known;
        known.load(*store.value(), QStringLiteral("s"));
        QCOMPARE(known.size(), 5001);
        QStringList expectedUnseen;
        for (int i = 0; i < 5000; ++i) {
            const QString key = QStringLiteral("k%1").arg(i);
            if (i % 7 == 3) {
                expectedUnseen.append(key);
                continue;
            }
            const engine::KnownRecords::Found found = known.see(key);
            QVERIFY(found.known);
            QVERIFY(!found.pending);
            QCOMPARE(found.content, digests.value(key).high);
        }
        QVERIFY(!known.see(QStringLiteral("k5000")).known);
        QVERIFY(!known.see(QStringLiteral("K1")).known);
        const engine::KnownRecords::Found fresh = known.see(QStringLiteral("fresh"));
        QVERIFY(fresh.known);
        QVERIFY(fresh.pending);
        std::sort(expectedUnseen.begin(), expectedUnseen.end());
        QCOMPARE(known.unseen(*store.value(), QStringLiteral("s")), expectedUnseen);
    }

    void emptyStateKnowsNothing()
    {
        QTemporaryDir dir;
        auto store = store::StateStore::open(dir.filePath(QStringLiteral("state.db")));
        QVERIFY(store);
        engine::KnownRecords known;
        known.load(*store.value(), QStringLiteral("s"));
        QCOMPARE(known.size(), 0);
        QVERIFY(!known.see(QStringLiteral("1")).known);
        QVERIFY(known.unseen(*store.value(), QStringLiteral("s")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstRecordDigest)
#include "tst_record_digest.moc"
