#include "workspace/workspace.h"

#include "workspace/keychain.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace sluice::workspace {

const QStringList &Workspace::preferredKeyOrder()
{
    // Where a key is new to the file, it lands in the order DESIGN.md shows.
    static const QStringList order{
        QStringLiteral("$schema"),     QStringLiteral("version"),     QStringLiteral("sources"),     QStringLiteral("destinations"),
        QStringLiteral("models"),      QStringLiteral("syncs"),       QStringLiteral("driver"),
        QStringLiteral("type"),        QStringLiteral("host"),        QStringLiteral("port"),
        QStringLiteral("database"),    QStringLiteral("user"),        QStringLiteral("password"),
        QStringLiteral("path"),        QStringLiteral("url"),         QStringLiteral("token"),
        QStringLiteral("source"),      QStringLiteral("primary_key"), QStringLiteral("sql"),
        QStringLiteral("pii"),         QStringLiteral("freshness"),   QStringLiteral("model"),
        QStringLiteral("destination"), QStringLiteral("object"),      QStringLiteral("mode"),
        QStringLiteral("match"),       QStringLiteral("fields"),      QStringLiteral("transform"),
        QStringLiteral("policy"),      QStringLiteral("diff"),        QStringLiteral("schedule")};
    return order;
}

Result<Workspace> Workspace::fromText(const QByteArray &text, const QString &dir)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const TextPosition pos = positionAt(text, parseError.offset);
        return configError(QCoreApplication::translate("sluice::workspace", "%1:%2:%3: syntax error: %4")
                               .arg(configFileName())
                               .arg(pos.line)
                               .arg(pos.column)
                               .arg(parseError.errorString()));
    }
    if (!doc.isObject())
        return configError(QCoreApplication::translate("sluice::workspace", "%1:1:1: the file must hold one JSON object").arg(configFileName()));

    Workspace ws;
    ws.m_dir = QDir(dir).absolutePath();
    ws.m_originalText = text;
    ws.m_originalJson = doc.object();
    ws.m_json = doc.object();
    ws.m_layout = JsonLayout::scan(text);
    Result<Config> config = parseConfig(ws.m_json, ws.m_layout);
    if (!config)
        return config.error();
    ws.m_config = std::move(config).value();
    return ws;
}

Result<Workspace> Workspace::open(const QString &dir)
{
    const QString path = QDir(dir).filePath(configFileName());
    QFile file(path);
    if (!file.exists())
        return configError(QCoreApplication::translate("sluice::workspace", "no %1 in %2: create a workspace with \"sluice init %2\" or pass --workspace DIR")
                               .arg(configFileName(), QDir(dir).absolutePath()));
    if (!file.open(QIODevice::ReadOnly))
        return configError(QCoreApplication::translate("sluice::workspace", "cannot read %1: %2").arg(path, file.errorString()));
    return fromText(file.readAll(), dir);
}

QString Workspace::configPath() const { return QDir(m_dir).filePath(configFileName()); }
QString Workspace::stateDir() const { return QDir(m_dir).filePath(QStringLiteral(".sluice")); }
QString Workspace::stateDbPath() const { return QDir(stateDir()).filePath(QStringLiteral("state.db")); }

QString Workspace::resolvePath(const QString &path) const
{
    return QDir::cleanPath(QDir(m_dir).absoluteFilePath(path));
}

Result<void> Workspace::setJson(const QJsonObject &json)
{
    Result<Config> config = parseConfig(json, m_layout);
    if (!config)
        return config.error();
    m_json = json;
    m_config = std::move(config).value();
    return {};
}

QByteArray Workspace::serialized() const
{
    if (m_json == m_originalJson && !m_originalText.isEmpty())
        return m_originalText;
    return writeJson(m_json, m_layout, preferredKeyOrder());
}

Result<void> Workspace::save() const
{
    QSaveFile file(configPath());
    if (!file.open(QIODevice::WriteOnly))
        return configError(QCoreApplication::translate("sluice::workspace", "cannot write %1: %2").arg(configPath(), file.errorString()));
    file.write(serialized());
    if (!file.commit())
        return configError(QCoreApplication::translate("sluice::workspace", "cannot write %1: %2").arg(configPath(), file.errorString()));
    return {};
}

Result<QString> Workspace::resolveSecret(const SecretRef &ref, const QString &owner) const
{
    switch (ref.kind) {
    case SecretRef::Kind::Env: {
        if (!qEnvironmentVariableIsSet(ref.name.toLocal8Bit().constData()))
            return configError(QCoreApplication::translate("sluice::workspace", "%1: environment variable %2 is not set").arg(owner, ref.name));
        return qEnvironmentVariable(ref.name.toLocal8Bit().constData());
    }
    case SecretRef::Kind::File: {
        // Like ssh with a private key: a secret others can read is no longer a secret.
        const QFileInfo info(resolvePath(ref.name));
        if (info.exists() && (info.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)))
            return configError(QCoreApplication::translate("sluice::workspace", "%1: secret file %2 can be read or changed by other users; "
                                  "allow only its owner (chmod 600 %2)")
                                   .arg(owner, ref.name));
        QFile f(info.absoluteFilePath());
        if (!f.open(QIODevice::ReadOnly))
            return configError(QCoreApplication::translate("sluice::workspace", "%1: cannot read secret file %2: %3").arg(owner, ref.name, f.errorString()));
        QByteArray value = f.readAll();
        while (value.endsWith('\n') || value.endsWith('\r'))
            value.chop(1);
        return QString::fromUtf8(value);
    }
    case SecretRef::Kind::Keychain:
        return readKeychain(ref.name, owner);
    }
    return configError(QCoreApplication::translate("sluice::workspace", "%1: unknown secret reference").arg(owner));
}

} // namespace sluice::workspace
