#include "destination/saas_common.h"

#include <QCoreApplication>

namespace sluice::destination {

QString destinationTr(const char *text)
{
    return QCoreApplication::translate("sluice::destination", text);
}

HttpRequest jsonRequest(const QUrl &base, const QByteArray &method, const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers,
                        const QByteArray &body, const QString &query)
{
    HttpRequest request;
    request.method = method;
    request.url = base;
    QString basePath = base.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    request.url.setPath(basePath + path);
    if (!query.isEmpty())
        request.url.setQuery(query);
    request.headers = headers;
    if (!body.isEmpty() || method != "GET")
        request.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")));
    request.headers.append(qMakePair(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")));
    request.body = body;
    return request;
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

Error callRefusal(const QString &owner, const QUrl &base, const HttpAnswer &answer, const QString &tool, const QString &secretName,
                  const QString &what, const QString &words)
{
    if (answer.status == 0)
        return {QCoreApplication::translate("sluice::destination", "%1: cannot reach %2: %3").arg(owner, base.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath), answer.networkProblem),
                Error::Kind::Unreachable};
    if (answer.status == 401)
        return {QCoreApplication::translate("sluice::destination", "%1: %2 refused %3 (HTTP 401): %4").arg(owner, tool, secretName, words), Error::Kind::Refused};
    if (answer.status == 403)
        return {QCoreApplication::translate("sluice::destination", "%1: %2 lacks a permission %3 needs (HTTP 403): %4").arg(owner, secretName, what, words), Error::Kind::Refused};
    return {QCoreApplication::translate("sluice::destination", "%1: %2 failed (HTTP %3): %4").arg(owner, what).arg(answer.status).arg(words), Error::Kind::Unreachable};
}

QList<Operation> withoutUnremovable(const QList<Operation> &operations, const DeliveryContext &context, const QString &reason)
{
    QList<Operation> sendable;
    QList<Operation> unknown;
    for (const Operation &op : operations)
        (op.kind == OpKind::Delete && op.fieldsJson.isEmpty() ? unknown : sendable).append(op);
    if (!unknown.isEmpty() && context.settled) {
        QList<Outcome> outcomes;
        for (const Operation &op : std::as_const(unknown))
            outcomes.append({op.key, false, reason});
        context.settled(unknown, outcomes);
    }
    return sendable;
}

QList<FieldInfo> identifierFields(const QStringList &kinds, bool (*hashed)(const QString &))
{
    QList<FieldInfo> fields;
    for (const QString &kind : kinds) {
        FieldInfo f;
        f.name = kind;
        f.label = kind;
        f.type = QStringLiteral("string");
        f.unique = true;
        if (hashed(kind))
            f.format = QStringLiteral("sha256");
        fields.append(f);
    }
    return fields;
}

} // namespace sluice::destination
