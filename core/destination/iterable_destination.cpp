#include "destination/iterable_destination.h"

#include "destination/saas_common.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace sluice::destination {

namespace {

QList<QPair<QByteArray, QByteArray>> keyHeader(const QByteArray &key)
{
    return {qMakePair(QByteArrayLiteral("Api-Key"), key)};
}

// The categories of users a bulk update did not update, in Iterable's keys, with what each means.
struct Category
{
    const char *key;
    const char *meaning;
};

const QList<Category> &failureCategories()
{
    static const QList<Category> all{
        {"invalidEmails", QT_TRANSLATE_NOOP("sluice::destination", "Iterable: not a valid e-mail address")},
        {"invalidUserIds", QT_TRANSLATE_NOOP("sluice::destination", "Iterable: not a valid userId")},
        {"notFoundEmails", QT_TRANSLATE_NOOP("sluice::destination", "Iterable: no user with this e-mail")},
        {"notFoundUserIds", QT_TRANSLATE_NOOP("sluice::destination", "Iterable: no user with this userId")},
        {"forgottenEmails", QT_TRANSLATE_NOOP("sluice::destination", "Iterable: this user was forgotten (a privacy deletion) and cannot be updated")},
        {"forgottenUserIds", QT_TRANSLATE_NOOP("sluice::destination", "Iterable: this user was forgotten (a privacy deletion) and cannot be updated")},
        {"conflictEmails", QT_TRANSLATE_NOOP("sluice::destination", "Iterable: the e-mail belongs to another user")},
        {"conflictUserIds", QT_TRANSLATE_NOOP("sluice::destination", "Iterable: the userId belongs to another user")},
        {"invalidDataEmails", QT_TRANSLATE_NOOP("sluice::destination", "Iterable: the user's data was refused")},
        {"invalidDataUserIds", QT_TRANSLATE_NOOP("sluice::destination", "Iterable: the user's data was refused")},
    };
    return all;
}

} // namespace

IterableProtocol::IterableProtocol(QUrl baseUrl, QByteArray apiKey, QString identifier)
    : m_base(std::move(baseUrl)), m_key(std::move(apiKey)), m_identifier(std::move(identifier))
{
}

QString IterableProtocol::wordsOf(const QByteArray &body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    const QString msg = o.value(QStringLiteral("msg")).toString();
    const QString code = o.value(QStringLiteral("code")).toString();
    if (msg.isEmpty() && code.isEmpty())
        return QString::fromUtf8(body.left(300)).simplified();
    return code.isEmpty() ? msg : code + QStringLiteral(": ") + msg;
}

QString IterableProtocol::idOf(const QJsonObject &fields) const
{
    const QString id = jsonText(fields.value(m_identifier));
    // Iterable keeps e-mail addresses lower-cased.
    return m_identifier == QLatin1String("email") ? id.trimmed().toLower() : id;
}

HttpRequest IterableProtocol::encode(const QList<Operation> &operations, const BatchContext &) const
{
    QJsonArray users;
    for (const Operation &op : operations) {
        const QJsonObject fields = QJsonDocument::fromJson(op.fieldsJson).object();
        QJsonObject user;
        QJsonObject data;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (it.key() == QLatin1String("email") || it.key() == QLatin1String("userId"))
                user.insert(it.key(), it.value());
            else
                data.insert(it.key(), it.value());
        }
        if (m_identifier == QLatin1String("userId"))
            user.insert(QStringLiteral("preferUserId"), true);
        user.insert(QStringLiteral("dataFields"), data);
        users.append(user);
    }
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("users"), users}}).toJson(QJsonDocument::Compact);
    return jsonRequest(m_base, "POST", QStringLiteral("/api/users/bulkUpdate"), keyHeader(m_key), body);
}

Verdict IterableProtocol::judge(const QList<Operation> &operations, const HttpAnswer &answer) const
{
    const QString words = wordsOf(answer.body);
    if (answer.status == 401 || answer.status == 403)
        return {Verdict::Kind::RefusedCredentials, {}, QCoreApplication::translate("sluice::destination", "HTTP %1, %2").arg(answer.status).arg(words), -1};
    if (answer.status == 429)
        return {Verdict::Kind::Throttled, {}, QCoreApplication::translate("sluice::destination", "Iterable rate limit: %1").arg(words), parseRetryAfter(answer.header("retry-after"))};
    if (answer.status == 400)
        return {Verdict::Kind::Split, {}, QCoreApplication::translate("sluice::destination", "Iterable: %1").arg(words), -1};
    if (answer.status != 200)
        return HttpProtocol::judge(operations, answer);
    const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
    QHash<QString, QString> refused; // id -> reason
    const QJsonObject failed = body.value(QStringLiteral("failedUpdates")).toObject();
    for (const Category &c : failureCategories()) {
        const QString key = QLatin1String(c.key);
        QJsonArray ids = failed.value(key).toArray();
        for (const QJsonValue &v : body.value(key).toArray()) // the older top-level lists
            ids.append(v);
        for (const QJsonValue &v : ids)
            refused.insert(m_identifier == QLatin1String("email") ? v.toString().trimmed().toLower() : jsonText(v), QCoreApplication::translate("sluice::destination", c.meaning));
    }
    QStringList filtered;
    for (const QJsonValue &v : body.value(QStringLiteral("filteredOutFields")).toArray())
        filtered.append(v.toString());
    Verdict verdict{Verdict::Kind::Settled, {}, {}, -1};
    for (const Operation &op : operations) {
        const QJsonObject fields = QJsonDocument::fromJson(op.fieldsJson).object();
        QString reason = refused.value(idOf(fields));
        QStringList lost;
        for (const QString &f : filtered)
            if (fields.contains(f.section(QLatin1Char('.'), -1)) && !fields.value(f.section(QLatin1Char('.'), -1)).isNull())
                lost.append(f);
        if (reason.isEmpty() && !lost.isEmpty())
            reason = QCoreApplication::translate("sluice::destination", "Iterable updated the user but dropped %1: the value's type clashes with the project's field type").arg(lost.join(QStringLiteral(", ")));
        verdict.outcomes.append({op.key, reason.isEmpty(), reason});
    }
    return verdict;
}

IterableDestination::IterableDestination(QString name, QUrl baseUrl, QByteArray apiKey, HttpSettings settings)
    : m_name(std::move(name)), m_base(std::move(baseUrl)), m_key(std::move(apiKey)), m_settings(settings)
{
}

Result<void> IterableDestination::deliver(const QList<Operation> &operations, const DeliveryContext &context)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    const QString identifier = context.matchField.isEmpty() ? QStringLiteral("email") : context.matchField;
    if (identifier != QLatin1String("email") && identifier != QLatin1String("userId"))
        return configError(QCoreApplication::translate("sluice::destination", "%1: Iterable matches users on email or userId, not %2").arg(owner, identifier));
    IterableProtocol protocol(m_base, m_key, identifier);
    HttpDelivery delivery(owner, m_settings, protocol);
    return delivery.deliver(operations, context);
}

Result<void> IterableDestination::check() const
{
    Result<QList<FieldInfo>> fields = describe(QString());
    if (!fields)
        return fields.error();
    return {};
}

Result<QList<FieldInfo>> IterableDestination::describe(const QString &) const
{
    // The project's user fields and their types: the cheapest authenticated read.
    const HttpAnswer answer = httpRequestRetried(jsonRequest(m_base, "GET", QStringLiteral("/api/users/getFields"), keyHeader(m_key)), m_settings);
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(m_name);
    if (answer.status != 200)
        return callRefusal(owner, m_base, answer, QStringLiteral("Iterable"), QCoreApplication::translate("sluice::destination", "the API key"), QCoreApplication::translate("sluice::destination", "reading the user fields"),
                           IterableProtocol::wordsOf(answer.body));
    QList<FieldInfo> fields;
    const QJsonObject types = QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("fields")).toObject();
    for (auto it = types.begin(); it != types.end(); ++it) {
        const QString type = it.value().toString();
        FieldInfo f;
        f.name = it.key();
        f.label = it.key();
        f.type = (type == QLatin1String("long") || type == QLatin1String("double")) ? QStringLiteral("number")
                 : type == QLatin1String("boolean")                                 ? QStringLiteral("boolean")
                 : type == QLatin1String("date")                                    ? QStringLiteral("timestamp")
                                                                                     : QStringLiteral("string");
        f.unique = f.name == QLatin1String("email") || f.name == QLatin1String("userId");
        if (f.name == QLatin1String("email"))
            f.format = QStringLiteral("email");
        fields.append(f);
    }
    return fields;
}

} // namespace sluice::destination
