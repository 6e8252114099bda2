// The demo warehouse carries the mess real customer data has, because that
// mess is what Sluice's checks and transforms exist for: e-mails in mixed
// case with stray whitespace, gmail dots and plus-tags, phone numbers in
// national formats of five countries, missing values, a few customers sharing
// one e-mail, and consent that is sometimes unknown. Traits (ltv, order_count,
// last_seen_at, engagement_score, churn_risk, lifecycle_stage) are SQL views,
// as a team would model them.
#include "demo/demo_warehouse.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <atomic>

namespace sluice::demo {

namespace {


// splitmix64: tiny, fast, and identical on every platform (std distributions are not).
class Random final
{
public:
    explicit Random(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    qint64 below(qint64 n) { return n <= 0 ? 0 : qint64(next() % quint64(n)); }
    bool chance(int percent) { return below(1000) < percent * 10; }
    bool permille(int p) { return below(1000) < p; }
    template<typename T, size_t N>
    const T &pick(const std::array<T, N> &a) { return a[size_t(below(qint64(N)))]; }

private:
    quint64 m_state;
};

constexpr std::array<const char *, 40> firstNames{
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sophia", "Lucas", "Mia", "Ethan", "Zoë", "José",
    "Amelia", "Oliver", "Chloé", "Hiroshi", "Aisha", "Lars", "Ingrid", "Priya", "Wei", "Fatima", "Jonas", "Léa",
    "Sven", "Anaïs", "Diego", "Yuki", "Omar", "Nora", "Kofi", "Elena", "Björn", "Chiara", "Ravi", "Sara",
    "Tomás", "Hannah", "Mikhail", "Grace"};
constexpr std::array<const char *, 40> lastNames{
    "Smith", "Johnson", "Müller", "García", "Martin", "Rossi", "Nguyen", "Kim", "Schmidt", "Dubois", "Silva",
    "Tanaka", "Novak", "Larsen", "O'Brien", "Kowalski", "Haddad", "Patel", "Chen", "Okafor", "Jensen", "Moreau",
    "Fischer", "López", "Brown", "Wilson", "Andersson", "Ivanova", "Costa", "Weber", "Singh", "Sato", "Øster",
    "Hughes", "Murphy", "Bauer", "Romano", "Park", "Yilmaz", "Dupont"};
constexpr std::array<const char *, 6> freeDomains{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com",
                                                  "icloud.com", "googlemail.com"};
constexpr std::array<const char *, 5> countries{"US", "GB", "DE", "FR", "CA"};
constexpr std::array<const char *, 4> plans{"free", "starter", "growth", "enterprise"};
constexpr std::array<const char *, 6> industries{"retail", "software", "finance", "health", "media", "education"};
constexpr std::array<const char *, 6> eventNames{"page_view", "login", "search", "add_to_cart", "checkout",
                                                 "support_ticket"};
constexpr std::array<const char *, 8> companyWords{"acme", "globex", "initech", "umbrella", "stark", "wayne",
                                                   "tyrell", "hooli"};

QString lowerAscii(QString s)
{
    // E-mail local parts: drop accents the simple way (the demo's names are Latin).
    static const QString from = QStringLiteral("àáâäãåçèéêëìíîïñòóôöõøùúûüýÿ'");
    static const QString to = QStringLiteral("aaaaaaceeeeiiiinoooooouuuuyy-");
    s = s.toLower();
    for (qsizetype i = 0; i < s.size(); ++i) {
        const qsizetype at = from.indexOf(s[i]);
        if (at >= 0)
            s[i] = to[at];
    }
    s.remove(QLatin1Char('-'));
    return s;
}

QString digits(Random &r, int n)
{
    QString s;
    for (int i = 0; i < n; ++i)
        s += QChar(u'0' + int(r.below(10)));
    return s;
}

QString phoneFor(Random &r, const QString &country)
{
    // Numbers in the fictional/drama ranges where a country has one, in the
    // formats people type them.
    const int style = int(r.below(3));
    if (country == QLatin1String("US") || country == QLatin1String("CA")) {
        const QString area = country == QLatin1String("US") ? QStringLiteral("415") : QStringLiteral("604");
        const QString line = QStringLiteral("01") + digits(r, 2);
        if (style == 0)
            return QStringLiteral("(%1) 555-%2").arg(area, line);
        if (style == 1)
            return QStringLiteral("+1 %1-555-%2").arg(area, line);
        return QStringLiteral("%1.555.%2").arg(area, line);
    }
    if (country == QLatin1String("GB")) {
        const QString rest = QStringLiteral("7946 0") + digits(r, 3);
        if (style == 0)
            return QStringLiteral("020 ") + rest;
        if (style == 1)
            return QStringLiteral("+44 20 ") + rest;
        return QStringLiteral("0044 (0)20 ") + rest;
    }
    if (country == QLatin1String("DE")) {
        const QString rest = QStringLiteral("1234") + digits(r, 4);
        if (style == 0)
            return QStringLiteral("030 ") + rest;
        if (style == 1)
            return QStringLiteral("+49 30 ") + rest;
        return QStringLiteral("+49 (0)30-") + rest;
    }
    const QString rest = QStringLiteral("1 23 45 ") + digits(r, 2) + QLatin1Char(' ') + digits(r, 2);
    if (style == 0)
        return QStringLiteral("0") + rest;
    if (style == 1)
        return QStringLiteral("+33 ") + rest;
    return QStringLiteral("+33 (0)") + rest;
}

QString iso(const QDateTime &t) { return t.toUTC().toString(Qt::ISODate); }

const QStringList &schemaSql()
{
    static const QStringList sql{
        QStringLiteral("CREATE TABLE accounts (account_id INTEGER PRIMARY KEY, name TEXT NOT NULL, plan TEXT NOT NULL, "
                       "industry TEXT, created_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE users (user_id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES accounts, "
                       "email TEXT, first_name TEXT, last_name TEXT, phone TEXT, country TEXT, "
                       "marketing_consent INTEGER, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE orders (order_id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users, "
                       "amount_cents INTEGER NOT NULL, currency TEXT NOT NULL, ordered_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE events (event_id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users, "
                       "name TEXT NOT NULL, occurred_at TEXT NOT NULL)"),
    };
    return sql;
}

QStringList viewSql(const QDateTime &anchor)
{
    const QString days30 = anchor.addDays(-30).date().toString(Qt::ISODate);
    const QString days90 = anchor.addDays(-90).date().toString(Qt::ISODate);
    const QStringList sql{
        QStringLiteral("CREATE INDEX orders_by_user ON orders(user_id)"),
        QStringLiteral("CREATE INDEX events_by_user ON events(user_id)"),
        QStringLiteral("CREATE VIEW user_orders AS SELECT user_id, count(*) AS order_count, "
                       "sum(amount_cents) AS ltv_cents, max(ordered_at) AS last_order_at FROM orders GROUP BY user_id"),
        QStringLiteral("CREATE VIEW user_events AS SELECT user_id, count(*) AS event_count, "
                       "max(occurred_at) AS last_event_at, "
                       "sum(CASE WHEN occurred_at >= '%1' THEN 1 ELSE 0 END) AS events_30d "
                       "FROM events GROUP BY user_id").arg(days30),
        QStringLiteral(
            "CREATE VIEW customer_360 AS SELECT * FROM (SELECT "
            "u.user_id AS customer_id, u.email, u.first_name, u.last_name, u.phone, u.country, "
            "a.name AS account_name, a.plan, u.marketing_consent, "
            "coalesce(o.order_count, 0) AS order_count, "
            "round(coalesce(o.ltv_cents, 0) / 100.0, 2) AS ltv, "
            "max(u.created_at, coalesce(o.last_order_at, ''), coalesce(e.last_event_at, '')) AS last_seen_at, "
            "min(100, coalesce(e.events_30d, 0) * 5 + coalesce(o.order_count, 0) * 3) AS engagement_score, "
            "CASE WHEN max(coalesce(o.last_order_at, ''), coalesce(e.last_event_at, '')) < '%1' THEN 'high' "
            "     WHEN max(coalesce(o.last_order_at, ''), coalesce(e.last_event_at, '')) < '%2' THEN 'medium' "
            "     ELSE 'low' END AS churn_risk, "
            "CASE WHEN coalesce(o.order_count, 0) = 0 THEN 'lead' "
            "     WHEN coalesce(o.ltv_cents, 0) >= 100000 THEN 'vip' "
            "     WHEN o.order_count = 1 THEN 'new' ELSE 'repeat' END AS lifecycle_stage, "
            "max(u.updated_at, coalesce(o.last_order_at, ''), coalesce(e.last_event_at, '')) AS updated_at "
            "FROM users u LEFT JOIN accounts a ON a.account_id = u.account_id "
            "LEFT JOIN user_orders o ON o.user_id = u.user_id LEFT JOIN user_events e ON e.user_id = u.user_id)").arg(days90, days30),
    };
    return sql;
}

} // namespace

Result<void> generateDemoWarehouse(const QString &path, const DemoOptions &options,
                                   const std::function<void(qint64, qint64)> &progress)
{
    if (options.users < 1 || options.users > 10'000'000)
        return configError(QCoreApplication::translate("sluice::demo", "the demo warehouse holds 1 to 10,000,000 users"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile::remove(path);

    static std::atomic_int counter{0};
    const QString connection = QStringLiteral("sluice-demo-%1").arg(counter.fetch_add(1));
    Result<void> result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        auto fail = [&](const QString &what, const QSqlError &e) {
            return Error{QCoreApplication::translate("sluice::demo", "demo warehouse %1: %2: %3").arg(path, what, e.text()), Error::Kind::Internal};
        };
        result = [&]() -> Result<void> {
            if (!db.open())
                return fail(QCoreApplication::translate("sluice::demo", "cannot create"), db.lastError());
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA journal_mode=OFF"));
            q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
            for (const QString &s : schemaSql())
                if (!q.exec(s))
                    return fail(s, q.lastError());

            Random r(options.seed);
            const QDateTime anchor = options.anchor.isValid() ? options.anchor : QDateTime(QDateTime::currentDateTimeUtc().date(), QTime(0, 0), Qt::UTC);
            const qint64 accountsCount = qMax<qint64>(1, options.users / 20);
            db.transaction();
            QSqlQuery account(db);
            account.prepare(QStringLiteral("INSERT INTO accounts VALUES (?, ?, ?, ?, ?)"));
            for (qint64 a = 1; a <= accountsCount; ++a) {
                account.addBindValue(a);
                account.addBindValue(QStringLiteral("%1 %2").arg(QString::fromUtf8(r.pick(companyWords)),
                                                                  QString::fromUtf8(r.pick(industries))).append(QStringLiteral(" #%1").arg(a)));
                account.addBindValue(QString::fromUtf8(r.pick(plans)));
                account.addBindValue(r.chance(5) ? QVariant() : QVariant(QString::fromUtf8(r.pick(industries))));
                account.addBindValue(iso(anchor.addSecs(-r.below(4 * 365 * 86400))));
                if (!account.exec())
                    return fail(QCoreApplication::translate("sluice::demo", "accounts"), account.lastError());
            }

            QSqlQuery user(db), order(db), event(db);
            user.prepare(QStringLiteral("INSERT INTO users VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            order.prepare(QStringLiteral("INSERT INTO orders VALUES (?, ?, ?, ?, ?)"));
            event.prepare(QStringLiteral("INSERT INTO events VALUES (?, ?, ?, ?)"));
            QStringList recentEmails;
            qint64 orderId = 0, eventId = 0;
            for (qint64 u = 1; u <= options.users; ++u) {
                const QString first = QString::fromUtf8(r.pick(firstNames));
                const QString last = QString::fromUtf8(r.pick(lastNames));
                const QString country = QString::fromUtf8(r.pick(countries));
                QString email;
                if (!r.chance(3)) {
                    if (!recentEmails.isEmpty() && r.permille(5)) {
                        email = recentEmails.at(r.below(recentEmails.size())).toUpper(); // two people, one inbox
                    } else {
                        const bool free = r.chance(60);
                        const QString domain = free ? QString::fromUtf8(r.pick(freeDomains))
                                                    : QString::fromUtf8(r.pick(companyWords)) + QStringLiteral(".example");
                        QString local = lowerAscii(first) + QLatin1Char('.') + lowerAscii(last) + QString::number(u);
                        if (domain.contains(QLatin1String("gmail")) && r.chance(30))
                            local.insert(1, QLatin1Char('.'));
                        if (r.chance(5))
                            local += QStringLiteral("+news");
                        email = local + QLatin1Char('@') + domain;
                        if (r.chance(20))
                            email = email.left(1).toUpper() + email.mid(1, email.indexOf(QLatin1Char('@')))
                                    + email.mid(email.indexOf(QLatin1Char('@')) + 1).toUpper();
                        if (r.chance(5))
                            email = QStringLiteral("  ") + email + QLatin1Char(' ');
                    }
                    if (recentEmails.size() < 1000)
                        recentEmails.append(email.trimmed());
                    else
                        recentEmails[r.below(1000)] = email.trimmed();
                }
                const QDateTime created = anchor.addSecs(-r.below(3 * 365 * 86400) - 86400);
                const QDateTime updated = created.addSecs(r.below(qMax<qint64>(1, created.secsTo(anchor))));
                user.addBindValue(u);
                user.addBindValue(r.chance(10) ? QVariant() : QVariant(1 + r.below(accountsCount)));
                user.addBindValue(email.isNull() ? QVariant() : QVariant(email));
                user.addBindValue(r.chance(2) ? QVariant() : QVariant(first));
                user.addBindValue(r.chance(2) ? QVariant() : QVariant(last));
                user.addBindValue(r.chance(10) ? QVariant() : QVariant(phoneFor(r, country)));
                user.addBindValue(country);
                user.addBindValue(r.chance(8) ? QVariant() : QVariant(r.chance(70) ? 1 : 0));
                user.addBindValue(iso(created));
                user.addBindValue(iso(updated));
                if (!user.exec())
                    return fail(QCoreApplication::translate("sluice::demo", "users"), user.lastError());

                const int orders = r.chance(35) ? 0 : int(1 + r.below(5));
                for (int o = 0; o < orders; ++o) {
                    order.addBindValue(++orderId);
                    order.addBindValue(u);
                    order.addBindValue(500 + r.below(r.chance(5) ? 200000 : 30000));
                    order.addBindValue(country == QLatin1String("GB") ? QStringLiteral("GBP")
                                       : (country == QLatin1String("US") || country == QLatin1String("CA")) ? QStringLiteral("USD")
                                                                                                          : QStringLiteral("EUR"));
                    order.addBindValue(iso(created.addSecs(r.below(qMax<qint64>(1, created.secsTo(anchor))))));
                    if (!order.exec())
                        return fail(QCoreApplication::translate("sluice::demo", "orders"), order.lastError());
                }
                const int events = int(r.below(8));
                for (int e = 0; e < events; ++e) {
                    event.addBindValue(++eventId);
                    event.addBindValue(u);
                    event.addBindValue(QString::fromUtf8(r.pick(eventNames)));
                    event.addBindValue(iso(anchor.addSecs(-r.below(180 * 86400))));
                    if (!event.exec())
                        return fail(QCoreApplication::translate("sluice::demo", "events"), event.lastError());
                }
                if (u % 100000 == 0) {
                    db.commit();
                    db.transaction();
                    if (progress)
                        progress(u, options.users);
                }
            }
            if (!db.commit())
                return fail(QCoreApplication::translate("sluice::demo", "commit"), db.lastError());
            for (const QString &s : viewSql(anchor))
                if (!q.exec(s))
                    return fail(s, q.lastError());
            if (progress)
                progress(options.users, options.users);
            return {};
        }();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return result;
}

QJsonObject demoWorkspaceConfig()
{
    auto field = [](const char *src, const char *dst, QStringList transform = {}) {
        QJsonObject f{{QStringLiteral("source"), QString::fromLatin1(src)},
                      {QStringLiteral("destination"), QString::fromLatin1(dst)}};
        if (!transform.isEmpty())
            f.insert(QStringLiteral("transform"), QJsonArray::fromStringList(transform));
        return f;
    };
    const QJsonArray fields{
        field("email", "email", {QStringLiteral("email")}),
        field("first_name", "first_name", {QStringLiteral("trim")}),
        field("last_name", "last_name", {QStringLiteral("trim")}),
        field("phone", "phone", {QStringLiteral("phone:{country}")}),
        field("ltv", "ltv", {QStringLiteral("round:2")}),
        field("order_count", "order_count"),
        field("engagement_score", "engagement_score"),
        field("churn_risk", "churn_risk"),
        field("lifecycle_stage", "lifecycle_stage"),
        field("last_seen_at", "last_seen_at"),
    };
    return QJsonObject{
        {QStringLiteral("version"), 1},
        {QStringLiteral("sources"),
         QJsonObject{{QStringLiteral("demo"), QJsonObject{{QStringLiteral("driver"), QStringLiteral("sqlite")},
                                                          {QStringLiteral("path"), QStringLiteral("demo/warehouse.db")}}}}},
        {QStringLiteral("destinations"),
         QJsonObject{{QStringLiteral("out"), QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")},
                                                         {QStringLiteral("path"), QStringLiteral("out/customers.jsonl")}}},
                     {QStringLiteral("audience"), QJsonObject{{QStringLiteral("type"), QStringLiteral("jsonl")},
                                                              {QStringLiteral("path"), QStringLiteral("out/audience.jsonl")},
                                                              {QStringLiteral("pii"), QStringLiteral("hash")}}}}},
        {QStringLiteral("models"),
         QJsonObject{{QStringLiteral("customer_360"),
                      QJsonObject{{QStringLiteral("source"), QStringLiteral("demo")},
                                  {QStringLiteral("primary_key"), QStringLiteral("customer_id")},
                                  {QStringLiteral("sql"), QStringLiteral("select * from customer_360")},
                                  {QStringLiteral("pii"), QJsonArray{QStringLiteral("email"), QStringLiteral("phone")}},
                                  {QStringLiteral("freshness"), QStringLiteral("updated_at")}}}}},
        {QStringLiteral("syncs"),
         QJsonObject{
             // Every customer, every trait: the file ends up holding exactly the model's rows.
             {QStringLiteral("customers_to_file"),
              QJsonObject{{QStringLiteral("model"), QStringLiteral("customer_360")},
                          {QStringLiteral("destination"), QStringLiteral("out")},
                          {QStringLiteral("object"), QStringLiteral("customers")},
                          {QStringLiteral("mode"), QStringLiteral("mirror")},
                          {QStringLiteral("fields"), fields},
                          {QStringLiteral("diff"), QStringLiteral("local")},
                          {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("every"), QStringLiteral("15m")}}}}},
             // A governed ad audience: consent required, identifiers hashed the way Google
             // documents, matched on the hashed e-mail (shared inboxes are held back).
             {QStringLiteral("audience_to_file"),
              QJsonObject{{QStringLiteral("model"), QStringLiteral("customer_360")},
                          {QStringLiteral("destination"), QStringLiteral("audience")},
                          {QStringLiteral("object"), QStringLiteral("high_value")},
                          {QStringLiteral("mode"), QStringLiteral("mirror")},
                          {QStringLiteral("match"), QJsonObject{{QStringLiteral("source"), QStringLiteral("email")},
                                                                {QStringLiteral("destination"), QStringLiteral("email_sha256")}}},
                          {QStringLiteral("fields"), QJsonArray{field("email", "email_sha256", {QStringLiteral("email"), QStringLiteral("hash:google")}),
                                                                field("phone", "phone_sha256", {QStringLiteral("phone:{country}"), QStringLiteral("hash:google")}),
                                                                field("lifecycle_stage", "lifecycle_stage"),
                                                                field("churn_risk", "churn_risk")}},
                          {QStringLiteral("policy"), QJsonObject{{QStringLiteral("consent"), QStringLiteral("marketing_consent")}}},
                          {QStringLiteral("diff"), QStringLiteral("local")},
                          {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("after"), QStringLiteral("customers_to_file")}}}}}}},
    };
}

void addDemoAudiences(QJsonObject &config)
{
    auto field = [](const char *src, const char *dst, QStringList transform) {
        return QJsonObject{{QStringLiteral("source"), QString::fromLatin1(src)},
                           {QStringLiteral("destination"), QString::fromLatin1(dst)},
                           {QStringLiteral("transform"), QJsonArray::fromStringList(transform)}};
    };
    auto env = [](const char *name) { return QJsonObject{{QStringLiteral("env"), QString::fromLatin1(name)}}; };
    const QString meta = QStringLiteral("http://127.0.0.1:%1").arg(demoMetaPort);
    const QString google = QStringLiteral("http://127.0.0.1:%1").arg(demoGooglePort);
    QJsonObject destinations = config.value(QStringLiteral("destinations")).toObject();
    destinations.insert(QStringLiteral("meta_ads"), QJsonObject{{QStringLiteral("type"), QStringLiteral("meta")},
                                                                {QStringLiteral("base_url"), meta},
                                                                {QStringLiteral("token"), env("META_TOKEN")},
                                                                {QStringLiteral("pii"), QStringLiteral("hash")}});
    destinations.insert(QStringLiteral("google_ads"),
                        QJsonObject{{QStringLiteral("type"), QStringLiteral("google_ads")},
                                    {QStringLiteral("base_url"), google},
                                    {QStringLiteral("pii"), QStringLiteral("hash")},
                                    {QStringLiteral("oauth"), QJsonObject{{QStringLiteral("token_url"), QString(google + QStringLiteral("/token"))},
                                                                          {QStringLiteral("client_id"), QStringLiteral("sluice-demo")},
                                                                          {QStringLiteral("client_secret"), env("GOOGLE_CLIENT_SECRET")},
                                                                          {QStringLiteral("refresh_token"), env("GOOGLE_REFRESH_TOKEN")}}},
                                    {QStringLiteral("operating_account"), QJsonObject{{QStringLiteral("account_type"), QStringLiteral("GOOGLE_ADS")},
                                                                                      {QStringLiteral("account_id"), QStringLiteral("123-456-7890")}}}});
    config.insert(QStringLiteral("destinations"), destinations);
    QJsonObject models = config.value(QStringLiteral("models")).toObject();
    models.insert(QStringLiteral("high_value"),
                  QJsonObject{{QStringLiteral("source"), QStringLiteral("demo")},
                              {QStringLiteral("primary_key"), QStringLiteral("customer_id")},
                              {QStringLiteral("description"), QStringLiteral("Repeat and VIP customers: the audience for lookalikes and retention campaigns.")},
                              {QStringLiteral("sql"), QStringLiteral("select customer_id, email, phone, first_name, last_name, country, marketing_consent "
                                                                     "from customer_360 where lifecycle_stage in ('repeat', 'vip')")},
                              {QStringLiteral("pii"), QJsonArray{QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("first_name"), QStringLiteral("last_name")}}});
    config.insert(QStringLiteral("models"), models);
    auto audience = [](const char *destination, const char *object, const QJsonArray &fields) {
        return QJsonObject{{QStringLiteral("model"), QStringLiteral("high_value")},
                           {QStringLiteral("destination"), QString::fromLatin1(destination)},
                           {QStringLiteral("object"), QString::fromLatin1(object)},
                           {QStringLiteral("mode"), QStringLiteral("mirror")},
                           {QStringLiteral("fields"), fields},
                           {QStringLiteral("policy"), QJsonObject{{QStringLiteral("consent"), QStringLiteral("marketing_consent")}}},
                           {QStringLiteral("schedule"), QJsonObject{{QStringLiteral("manual"), true}}}};
    };
    QJsonObject syncs = config.value(QStringLiteral("syncs")).toObject();
    // Each identifier normalized as the platform documents for its kind, then hashed (docs/connectors.md).
    syncs.insert(QStringLiteral("high_value_to_meta"),
                 audience("meta_ads", "23850000000000001",
                          QJsonArray{field("email", "EMAIL", {QStringLiteral("hash:meta")}),
                                     field("phone", "PHONE", {QStringLiteral("phone:{country}"), QStringLiteral("hash:meta")}),
                                     field("first_name", "FN", {QStringLiteral("hash:meta")}),
                                     field("last_name", "LN", {QStringLiteral("hash:meta")}),
                                     field("country", "COUNTRY", {QStringLiteral("hash:meta")}),
                                     field("customer_id", "EXTERN_ID", {QStringLiteral("cast:string")})}));
    syncs.insert(QStringLiteral("high_value_to_google"),
                 audience("google_ads", "987654321",
                          QJsonArray{field("email", "EMAIL", {QStringLiteral("hash:google")}),
                                     field("phone", "PHONE", {QStringLiteral("phone:{country}"), QStringLiteral("hash:google")})}));
    config.insert(QStringLiteral("syncs"), syncs);
}

} // namespace sluice::demo
