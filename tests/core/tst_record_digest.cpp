// The hot path of planning: mapped records written as JSON by hand (must read
// back exactly as Qt's JSON would), their content hashes, and the compact
// index of what the destination holds.
#include "engine/known_records.h"
#include "engine/record_digest.h"
#include "source/column.h"
#include "source/row_view.h"
#include "store/state_store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

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

    // A column read as PostgreSQL's text goes to JSON without a QVariant; it
    // must give the same bytes (so the same content hash) and the same key
    // text as the converted value would, or every record would be re-sent.
    void textRowsWriteWhatConvertedRowsWrite_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("type");
        using source::ColumnType;
        const QList<QPair<const char *, ColumnType>> cases{
            {"42", ColumnType::Integer}, {"-7", ColumnType::Integer}, {"0", ColumnType::Integer},
            {"999999999999999", ColumnType::Integer}, {"-999999999999999", ColumnType::Integer},
            {"9007199254740992", ColumnType::Integer}, {"9007199254740993", ColumnType::Integer},
            {"-9223372036854775808", ColumnType::Integer}, {"9223372036854775807", ColumnType::Integer},
            {"t", ColumnType::Boolean}, {"f", ColumnType::Boolean},
            {"1.50", ColumnType::Decimal}, {"-0.000000000000000001", ColumnType::Decimal}, {"NaN", ColumnType::Decimal},
            {"1.5", ColumnType::Float}, {"1e+20", ColumnType::Float}, {"Infinity", ColumnType::Float}, {"-0", ColumnType::Float},
            {"2026-01-31 12:00:00+00", ColumnType::Timestamp}, {"2026-01-31 12:00:00.123456+00", ColumnType::Timestamp},
            {"2026-01-31 12:00:00", ColumnType::Timestamp}, {"infinity", ColumnType::Timestamp}, {"2026-01-31", ColumnType::Date},
            {"", ColumnType::Text}, {"plain", ColumnType::Text}, {"quote \" and \\ backslash", ColumnType::Text},
            {"tab\tnew\nline\rcr\x01\x1f", ColumnType::Text}, {"caf\xc3\xa9 \xe6\x97\xa5 \xf0\x9f\x98\x80", ColumnType::Text},
            {"\xef\xbb\xbf" "bom", ColumnType::Text}, {"{\"a\": [1, 2]}", ColumnType::Json}, {"\\x00ff", ColumnType::Bytes},
            {"5f2b", ColumnType::Unknown}};
        for (const auto &c : cases)
            QTest::newRow(QByteArray(c.first).toPercentEncoding().constData()) << QByteArray(c.first) << int(c.second);
    }
    void textRowsWriteWhatConvertedRowsWrite()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, type);
        const source::ColumnType types[2] = {source::ColumnType(type), source::ColumnType(type)};
        const source::TextValue values[2] = {{text.constData(), int(text.size())}, {}};
        const source::RowView view(values, types, 2);
        const source::Row converted{source::fromPostgresText(values[0], types[0]), source::fromPostgresText(values[1], types[1])};
        const source::RowView convertedView(converted);
        for (int c = 0; c < 2; ++c) {
            QByteArray fromText, fromValue;
            view.appendJson(fromText, c);
            source::appendJson(fromValue, converted[c]);
            QCOMPARE(fromText, fromValue);
            QByteArray viaView;
            convertedView.appendJson(viaView, c);
            QCOMPARE(viaView, fromValue);
            QCOMPARE(view.text(c), source::toText(converted[c]));
            QCOMPARE(view.text(c).isNull(), source::toText(converted[c]).isNull());
            QCOMPARE(view.isNull(c), c == 1);
            QCOMPARE(view.value(c), converted[c]);
            QCOMPARE(view.integer(c), converted[c].toLongLong());
        }
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
            QCOMPARE(found.content, engine::KnownRecords::contentKey(digests.value(key).high));
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

    void knownRecordsNoticesKeysMetTwice()
    {
        QTemporaryDir dir;
        auto store = store::StateStore::open(dir.filePath(QStringLiteral("state.db")));
        QVERIFY(store);
        QVERIFY(store.value()->commitOutcomes(QStringLiteral("s"), QStringLiteral("r1"),
                                              {{QStringLiteral("a"), QStringLiteral("00000000000000010000000000000000"), false},
                                               {QStringLiteral("b"), QStringLiteral("00000000000000020000000000000000"), false}}, {}));
        auto fresh = [&] {
            auto k = std::make_unique<engine::KnownRecords>();
            k->load(*store.value(), QStringLiteral("s"));
            return k;
        };
        auto known = fresh();
        for (const char *key : {"a", "b", "c", "d"})
            known->see(QString::fromLatin1(key));
        known->note(QStringLiteral("e"));
        QVERIFY(!known->maybeDuplicateKeys());
        QCOMPARE(known->unseen(*store.value(), QStringLiteral("s")), QStringList());

        known = fresh(); // a known key twice
        known->see(QStringLiteral("a"));
        known->see(QStringLiteral("a"));
        QVERIFY(known->maybeDuplicateKeys());
        known = fresh(); // a new key twice
        known->see(QStringLiteral("c"));
        known->see(QStringLiteral("c"));
        QVERIFY(known->maybeDuplicateKeys());
        known = fresh(); // once left out, once seen: still twice, and not seen for mirror
        known->note(QStringLiteral("b"));
        QVERIFY(!known->maybeDuplicateKeys());
        QCOMPARE(known->unseen(*store.value(), QStringLiteral("s")), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        known->see(QStringLiteral("b"));
        QVERIFY(known->maybeDuplicateKeys());

        // Past 65,536 new keys the hashes are dealt into buckets first: a key
        // met twice is still noticed, wherever it falls, and distinct keys are not.
        known = fresh();
        for (int i = 0; i < 100'000; ++i)
            known->see(QStringLiteral("k%1").arg(i));
        QVERIFY(!known->maybeDuplicateKeys());
        for (const int twice : {0, 54'321, 99'999}) {
            known = fresh();
            for (int i = 0; i < 100'000; ++i)
                known->see(QStringLiteral("k%1").arg(i));
            known->see(QStringLiteral("k%1").arg(twice));
            QVERIFY2(known->maybeDuplicateKeys(), qPrintable(QString::number(twice)));
        }
    }
};

QTEST_GUILESS_MAIN(TstRecordDigest)
#include "tst_record_digest.moc"
