#pragma once

// The validator behind parseConfig() (config_parse.cpp), shared by the files
// that parse sluice.json's sections. Private to core/workspace.
#include "workspace/workspace.h"

#include "workspace/config_schema.h"

#include "connector/connector_info.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sluice::workspace {

class Validator final
{
public:
    explicit Validator(const JsonLayout &layout) : m_layout(layout) {}

    void fail(const QString &path, const QString &object, const QString &problem)
    {
        // Point at the deepest part of the path that exists in the file.
        QString p = path;
        while (!p.isEmpty() && !m_layout.has(p))
            p = p.contains(QLatin1Char('/')) ? p.left(p.lastIndexOf(QLatin1Char('/'))) : QString();
        QString where = Workspace::configFileName();
        if (!p.isEmpty()) {
            const TextPosition pos = m_layout.position(p);
            where += QStringLiteral(":%1:%2").arg(pos.line).arg(pos.column);
        }
        m_errors.append(object.isEmpty() ? QStringLiteral("%1: %2").arg(where, problem)
                                         : QStringLiteral("%1: %2: %3").arg(where, object, problem));
    }

    QString string(const QJsonObject &o, const QString &key, const QString &path, const QString &object,
                   bool required)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(path, object, QCoreApplication::translate("sluice::workspace", "\"%1\" is required").arg(key));
            return {};
        }
        if (!v.isString()) {
            fail(path + QLatin1Char('/') + key, object, QCoreApplication::translate("sluice::workspace", "\"%1\" must be a string").arg(key));
            return {};
        }
        if (required && v.toString().trimmed().isEmpty())
            fail(path + QLatin1Char('/') + key, object, QCoreApplication::translate("sluice::workspace", "\"%1\" must not be empty").arg(key));
        return v.toString();
    }

    QStringList stringList(const QJsonObject &o, const QString &key, const QString &path, const QString &object)
    {
        const QJsonValue v = o.value(key);
        QStringList out;
        if (v.isUndefined() || v.isNull())
            return out;
        if (v.isString())
            return {v.toString()};
        if (!v.isArray()) {
            fail(path + QLatin1Char('/') + key, object, QCoreApplication::translate("sluice::workspace", "\"%1\" must be a list of strings").arg(key));
            return out;
        }
        for (const QJsonValue &e : v.toArray()) {
            if (!e.isString()) {
                fail(path + QLatin1Char('/') + key, object, QCoreApplication::translate("sluice::workspace", "\"%1\" must be a list of strings").arg(key));
                return {};
            }
            out.append(e.toString());
        }
        return out;
    }

    // Keys an object may hold: anything else is named, with where it stands.
    void onlyKeys(const QJsonObject &o, const QStringList &known, const QString &path, const QString &object)
    {
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                fail(path + QLatin1Char('/') + it.key(), object,
                     QCoreApplication::translate("sluice::workspace", "unknown key \"%1\" (known: %2)").arg(it.key(), known.join(QStringLiteral(", "))));
    }

    // An object-valued key: absent is fine, any other shape is an error.
    QJsonObject object(const QJsonObject &o, const QString &key, const QString &path, const QString &owner, const QString &example)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject()) {
            fail(path + QLatin1Char('/') + key, owner,
                 QCoreApplication::translate("sluice::workspace", "\"%1\" must be an object, as in %2").arg(key, example));
            return {};
        }
        return v.toObject();
    }

    void settings(const connector::ConnectorInfo &info, const QJsonObject &o, const QString &path, const QString &object)
    {
        connector::validateSettings(info, o, [&](const QString &sub, const QString &problem) {
            fail(sub.isEmpty() ? path : path + QLatin1Char('/') + sub, object, problem);
        });
    }

    QStringList errors() const { return m_errors; }

private:
    const JsonLayout &m_layout;
    QStringList m_errors;
};

QString tr(const char *text);
// The named objects of a top-level section ("sources", "models", ...).
QMap<QString, QJsonObject> section(Validator &v, const QJsonObject &root, const QString &key);
void validateTransform(Validator &v, const QString &step, const QString &path, const QString &object);
void validateSchedule(Validator &v, const QJsonValue &value, const QStringList &syncNames, const QString &path, const QString &object);
void validateAlertRules(Validator &v, const QJsonValue &value, const QString &path, const QString &object);
void parseModels(Validator &v, const QJsonObject &root, Config &config);
void parseSyncs(Validator &v, const QJsonObject &root, Config &config);

} // namespace sluice::workspace
