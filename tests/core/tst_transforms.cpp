#include "mapping/identity.h"
#include "mapping/transform.h"

#include <QTest>

using namespace sluice::mapping;

class TestTransforms final : public QObject
{
    Q_OBJECT

private slots:
    void identities_data();
    void identities();
    void hashVectors();
    void chain_data();
    void chain();
    void failures_data();
    void failures();
    void roundIsExact_data();
    void roundIsExact();
};

void TestTransforms::chain_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<QVariant>("expected");

    const QVariant null;
    QTest::newRow("trim") << QStringList{"trim"} << QVariant("  a b ") << QVariant("a b");
    QTest::newRow("lowercase") << QStringList{"lowercase"} << QVariant("ÄBC") << QVariant("äbc");
    QTest::newRow("uppercase") << QStringList{"uppercase"} << QVariant("straße") << QVariant("STRASSE");
    QTest::newRow("null stays null") << QStringList{"trim", "lowercase", "sha256"} << null << null;
    QTest::newRow("default on null") << QStringList{"default:unknown"} << null << QVariant("unknown");
    QTest::newRow("default on empty") << QStringList{"default:0"} << QVariant("") << QVariant("0");
    QTest::newRow("default keeps value") << QStringList{"default:x"} << QVariant("y") << QVariant("y");
    QTest::newRow("cast string") << QStringList{"cast:string"} << QVariant(42LL) << QVariant("42");
    QTest::newRow("cast integer from text") << QStringList{"cast:integer"} << QVariant(" 17 ") << QVariant(17LL);
    QTest::newRow("cast integer from float") << QStringList{"cast:integer"} << QVariant(3.0) << QVariant(3LL);
    QTest::newRow("cast decimal keeps digits") << QStringList{"cast:decimal"} << QVariant("12345678901234567.89")
                                               << QVariant("12345678901234567.89");
    QTest::newRow("cast boolean yes") << QStringList{"cast:boolean"} << QVariant("Yes") << QVariant(true);
    QTest::newRow("cast boolean 0") << QStringList{"cast:boolean"} << QVariant(0LL) << QVariant(false);
    QTest::newRow("cast timestamp with zone") << QStringList{"cast:timestamp"} << QVariant("2026-01-31T12:00:00+01:00")
                                              << QVariant("2026-01-31T11:00:00Z");
    QTest::newRow("cast timestamp sql style") << QStringList{"cast:timestamp"} << QVariant("2026-01-31 12:00:00")
                                              << QVariant("2026-01-31T12:00:00Z");
    QTest::newRow("cast timestamp date") << QStringList{"cast:timestamp"} << QVariant("2026-01-31") << QVariant("2026-01-31T00:00:00Z");
    QTest::newRow("round float") << QStringList{"round:2"} << QVariant(190.80000000000001) << QVariant(190.8);
    QTest::newRow("round half away from zero") << QStringList{"round:1"} << QVariant("2.25") << QVariant("2.3");
    QTest::newRow("round negative") << QStringList{"round:0"} << QVariant("-2.5") << QVariant("-3");
    QTest::newRow("round carries") << QStringList{"round:2"} << QVariant("9.999") << QVariant("10.00");
    QTest::newRow("round pads") << QStringList{"round:2"} << QVariant("1.5") << QVariant("1.50");
    QTest::newRow("round integer untouched") << QStringList{"round:2"} << QVariant(7LL) << QVariant(7LL);
    QTest::newRow("truncate when asked") << QStringList{"truncate:3"} << QVariant("abcdef") << QVariant("abc");
    QTest::newRow("template") << QStringList{"template:{first_name} {last_name}"} << null << QVariant("Ada Lovelace");
    QTest::newRow("template with a missing part") << QStringList{"template:{first_name} {middle}"} << null << QVariant("Ada");
    QTest::newRow("email") << QStringList{"email"} << QVariant("  John.Doe@Example.COM ") << QVariant("john.doe@example.com");
    QTest::newRow("phone US national") << QStringList{"phone:US"} << QVariant("(415) 555-0132") << QVariant("+14155550132");
    QTest::newRow("phone GB with trunk prefix") << QStringList{"phone:GB"} << QVariant("0044 (0)20 7946 0018")
                                                << QVariant("+442079460018");
    QTest::newRow("phone DE national") << QStringList{"phone:DE"} << QVariant("030 12345678") << QVariant("+493012345678");
    QTest::newRow("phone international overrides region") << QStringList{"phone:US"} << QVariant("+33 1 23 45 67 89")
                                                          << QVariant("+33123456789");
    QTest::newRow("sha256 lower-case hex") << QStringList{"sha256"} << QVariant("abc")
                                           << QVariant("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // Google: gmail dots removed, then hashed; the same address without dots hashes the same.
    QTest::newRow("hash google gmail") << QStringList{"hash:google"} << QVariant(" Jo.Hn@GMail.com")
                                       << QVariant(sha256Hex(QStringLiteral("john@gmail.com")));
    QTest::newRow("hash google other domain keeps dots") << QStringList{"hash:google"} << QVariant("Jo.Hn@example.com")
                                                         << QVariant(sha256Hex(QStringLiteral("jo.hn@example.com")));
    QTest::newRow("hash google phone") << QStringList{"phone:US", "hash:google"} << QVariant("(415) 555-0132")
                                       << QVariant(sha256Hex(QStringLiteral("+14155550132")));
    // Meta: no gmail rule; phone as digits with country code, no '+'.
    QTest::newRow("hash meta gmail keeps dots") << QStringList{"hash:meta"} << QVariant("Jo.Hn@GMail.com")
                                                << QVariant(sha256Hex(QStringLiteral("jo.hn@gmail.com")));
    QTest::newRow("hash meta phone") << QStringList{"phone:US", "hash:meta"} << QVariant("(415) 555-0132")
                                     << QVariant(sha256Hex(QStringLiteral("14155550132")));
    // Meta's own published vector for a normalized, hashed e-mail.
    QTest::newRow("hash meta public vector") << QStringList{"hash:meta"} << QVariant(" Test1@Example.com ")
                                             << QVariant(QStringLiteral("9b431636bd164765d63c573c346708846af4f68fe3701a77a3bdd7e7e5166254"));
    QTest::newRow("chain order") << QStringList{"trim", "lowercase", "sha256"} << QVariant(" A@B.C ")
                                 << QVariant(sha256Hex(QStringLiteral("a@b.c")));
}

void TestTransforms::chain()
{
    QFETCH(QStringList, steps);
    QFETCH(QVariant, input);
    QFETCH(QVariant, expected);
    auto chain = TransformChain::parse(steps);
    QVERIFY(chain.ok());
    const ColumnLookup row = [](const QString &c) -> std::optional<QVariant> {
        if (c == QLatin1String("first_name"))
            return QVariant(QStringLiteral("Ada"));
        if (c == QLatin1String("last_name"))
            return QVariant(QStringLiteral("Lovelace"));
        if (c == QLatin1String("middle"))
            return QVariant();
        return std::nullopt;
    };
    auto out = chain->apply(input, row);
    QVERIFY2(out.ok(), qPrintable(out.error().message));
    QCOMPARE(out.value(), expected);
}

void TestTransforms::failures_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QVariant>("input");
    QTest::addColumn<QString>("message");
    QTest::newRow("not an email") << QStringList{"email"} << QVariant("no-at-sign") << QStringLiteral("email: \"no-at-sign\" is not an e-mail address");
    QTest::newRow("bad phone") << QStringList{"phone:US"} << QVariant("12") << QStringLiteral("phone:US: \"12\" is not a valid phone number for region US");
    QTest::newRow("cast integer") << QStringList{"cast:integer"} << QVariant("1.5") << QStringLiteral("cast:integer: \"1.5\" is not a whole number");
    QTest::newRow("cast integer float") << QStringList{"cast:integer"} << QVariant(1.5) << QStringLiteral("is not a whole number");
    QTest::newRow("cast boolean") << QStringList{"cast:boolean"} << QVariant("maybe") << QStringLiteral("is not a boolean");
    QTest::newRow("cast decimal") << QStringList{"cast:decimal"} << QVariant("12,5") << QStringLiteral("is not a decimal number");
    QTest::newRow("cast timestamp") << QStringList{"cast:timestamp"} << QVariant("yesterday") << QStringLiteral("is not an ISO-8601 timestamp");
    QTest::newRow("template unknown column") << QStringList{"template:{nope}"} << QVariant() << QStringLiteral("column nope not found");
}

void TestTransforms::failures()
{
    QFETCH(QStringList, steps);
    QFETCH(QVariant, input);
    QFETCH(QString, message);
    auto chain = TransformChain::parse(steps);
    auto out = chain->apply(input, [](const QString &) { return std::nullopt; });
    QVERIFY(!out.ok());
    QVERIFY2(out.error().message.contains(message), qPrintable(out.error().message));
}

void TestTransforms::roundIsExact_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<int>("places");
    QTest::addColumn<QString>("out");
    QTest::newRow("big") << QStringLiteral("12345678901234567890.125") << 2 << QStringLiteral("12345678901234567890.13");
    QTest::newRow("to zero") << QStringLiteral("-0.001") << 2 << QStringLiteral("0.00");
    QTest::newRow("all nines") << QStringLiteral("99.95") << 1 << QStringLiteral("100.0");
    QTest::newRow("integer places 0") << QStringLiteral("5") << 0 << QStringLiteral("5");
}

void TestTransforms::roundIsExact()
{
    QFETCH(QString, in);
    QFETCH(int, places);
    QFETCH(QString, out);
    auto r = roundDecimal(in, places);
    QVERIFY(r.ok());
    QCOMPARE(r.value(), out);
}

// Each platform's normalization, kind by kind, with messy inputs; an empty
// expectation means the value is refused (its row held back as invalid).
void TestTransforms::identities_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *platform, const char *kind, const char *input, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(platform) << QString::fromUtf8(kind) << QString::fromUtf8(input) << QString::fromUtf8(expected);
    };
    // Meta
    row("meta email", "meta", "EMAIL", "  Test1@Example.COM ", "test1@example.com");
    row("meta email keeps gmail dots", "meta", "EMAIL", "j.doe@gmail.com", "j.doe@gmail.com");
    row("meta phone E.164", "meta", "PHONE", "+1 (415) 555-0172", "14155550172");
    row("meta phone leading zeros", "meta", "PHONE", "0049 30 1234567", "49301234567");
    row("meta phone too short", "meta", "PHONE", "12-34", "");
    row("meta first name punctuation", "meta", "FN", " Mary-Ann ", "maryann");
    row("meta last name accents kept", "meta", "LN", "Müller-Lüdenscheidt", "müllerlüdenscheidt");
    row("meta first initial", "meta", "FI", "Élodie", "é");
    row("meta city", "meta", "CT", "San Francisco", "sanfrancisco");
    row("meta state by name", "meta", "ST", "New York", "ny");
    row("meta state code", "meta", "ST", "CA", "ca");
    row("meta state outside the US", "meta", "ST", "Baden-Württemberg", "badenwürttemberg");
    row("meta zip plus four", "meta", "ZIP", "94107-1234", "94107");
    row("meta zip UK", "meta", "ZIP", "SW1A 1AA", "sw1a1aa");
    row("meta country code", "meta", "COUNTRY", " US ", "us");
    row("meta country name", "meta", "COUNTRY", "Germany", "de");
    row("meta country unknown", "meta", "COUNTRY", "Atlantis", "");
    row("meta gender word", "meta", "GEN", "Female", "f");
    row("meta gender other", "meta", "GEN", "x", "");
    row("meta birth year", "meta", "DOBY", "1984", "1984");
    row("meta birth month padded", "meta", "DOBM", "3", "03");
    row("meta birth month 13", "meta", "DOBM", "13", "");
    row("meta birth day", "meta", "DOBD", "07", "07");
    row("meta unknown kind email shape", "meta", "", " A@B.example ", "a@b.example");
    // Google (Data Manager API)
    row("google email", "google", "EMAIL", " Jane.Doe@Example.com ", "jane.doe@example.com");
    row("google gmail dots and plus", "google", "EMAIL", "Cloudy.SanFrancisco+shopping@gmail.com", "cloudysanfrancisco@gmail.com");
    row("google googlemail", "google", "EMAIL", "j.d@googlemail.com", "jd@googlemail.com");
    row("google other domain keeps plus", "google", "EMAIL", "user.name+NYC@Example.com", "user.name+nyc@example.com");
    row("google email inner space", "google", "EMAIL", "jane doe@example.com", "janedoe@example.com");
    row("google phone", "google", "PHONE", "+1 (800) 555-0100", "+18005550100");
    row("google phone without country", "google", "PHONE", "(800) 555-0100", "");
    row("google first name prefix", "google", "FIRST_NAME", "Mrs. Jane", "jane");
    row("google last name suffix", "google", "LAST_NAME", "Doe Jr.", "doe");
    row("google empty", "google", "FIRST_NAME", "   ", "");
}

void TestTransforms::identities()
{
    QFETCH(QString, platform);
    QFETCH(QString, kind);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const sluice::Result<QString> out = sluice::mapping::normalizeIdentity(platform, kind, input);
    if (expected.isEmpty() && !input.trimmed().isEmpty()) {
        QVERIFY2(!out, qPrintable(out ? out.value() : QString()));
        QVERIFY2(out.error().message.contains(input), qPrintable(out.error().message)); // names the value
        return;
    }
    QVERIFY2(out.ok(), qPrintable(out.error().message));
    QCOMPARE(out.value(), expected);
}

// Published vectors: Meta's documented example, and a hash of each kind as the field it goes to.
void TestTransforms::hashVectors()
{
    auto hashed = [](const QString &kind, const QString &platform, const QString &input) {
        auto chain = TransformChain::parse({QStringLiteral("hash:") + platform}, kind);
        return chain->apply(QVariant(input), [](const QString &) { return std::nullopt; }).value().toString();
    };
    QCOMPARE(hashed(QStringLiteral("EMAIL"), QStringLiteral("meta"), QStringLiteral(" Test1@example.com")),
             QStringLiteral("9b431636bd164765d63c573c346708846af4f68fe3701a77a3bdd7e7e5166254"));
    QCOMPARE(hashed(QStringLiteral("FN"), QStringLiteral("meta"), QStringLiteral("Mary-Ann")), sluice::mapping::sha256Hex(QStringLiteral("maryann")));
    QCOMPARE(hashed(QStringLiteral("EMAIL"), QStringLiteral("google"), QStringLiteral("a.b+x@gmail.com")), sluice::mapping::sha256Hex(QStringLiteral("ab@gmail.com")));
    // A value the rule refuses is an error naming the step, never a hash of garbage.
    auto chain = TransformChain::parse({QStringLiteral("hash:meta")}, QStringLiteral("GEN"));
    const auto refused = chain->apply(QVariant(QStringLiteral("unknown")), [](const QString &) { return std::nullopt; });
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.startsWith(QStringLiteral("hash:meta: GEN")), qPrintable(refused.error().message));
    // Blank after normalizing: no identifier (null), never the hash of an empty string.
    auto blank = TransformChain::parse({QStringLiteral("hash:google")}, QStringLiteral("FIRST_NAME"));
    const auto none = blank->apply(QVariant(QStringLiteral("  ")), [](const QString &) { return std::nullopt; });
    QVERIFY(none.ok());
    QVERIFY(none.value().isNull());
}

QTEST_GUILESS_MAIN(TestTransforms)
#include "tst_transforms.moc"
