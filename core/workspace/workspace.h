#pragma once

#include "common/result.h"
#include "workspace/config.h"
#include "workspace/json_text.h"

#include <QJsonObject>
#include <QString>

namespace sluice::workspace {

// A workspace directory: sluice.json plus .sluice/ (state). Load validates
// everything and reports every problem at once, each naming its object and
// where it stands in the file.
class Workspace final
{
public:
    static QString configFileName() { return QStringLiteral("sluice.json"); }
    // Where a key is new to the file, it lands in the order DESIGN.md shows.
    static const QStringList &preferredKeyOrder();

    static Result<Workspace> open(const QString &dir);
    static Result<Workspace> fromText(const QByteArray &text, const QString &dir);

    const Config &config() const { return m_config; }
    QString dir() const { return m_dir; }
    QString configPath() const;
    QString stateDir() const;
    QString stateDbPath() const;
    // Paths in sluice.json are relative to the workspace directory.
    QString resolvePath(const QString &path) const;

    QJsonObject json() const { return m_json; }
    // Replaces the document (the GUI edits through this); validated first.
    Result<void> setJson(const QJsonObject &json);
    // Writes sluice.json. An unchanged document is written back byte for byte.
    Result<void> save() const;
    QByteArray serialized() const;

    // The secret's value, or an error naming `owner` ("source dw: password")
    // and never the value.
    Result<QString> resolveSecret(const SecretRef &ref, const QString &owner) const;

private:
    QString m_dir;
    QByteArray m_originalText;
    QJsonObject m_originalJson;
    QJsonObject m_json;
    JsonLayout m_layout;
    Config m_config;
};

// Parses and validates; errors are "sluice.json:LINE:COL: object: problem".
Result<Config> parseConfig(const QJsonObject &json, const JsonLayout &layout);

std::optional<SecretRef> parseSecretRef(const QJsonValue &value);

} // namespace sluice::workspace
