#pragma once

#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// sluice.json is meant for review in git, so Sluice keeps the operator's text:
// where each key stands (for error messages), the order keys were written in
// (so a save does not reshuffle the file), and duplicate keys (which
// QJsonDocument would silently collapse).
namespace sluice::workspace {

struct TextPosition
{
    int line = 0;
    int column = 0;
};

TextPosition positionAt(const QByteArray &text, qsizetype offset);

class JsonLayout final
{
public:
    // Scans text already accepted by QJsonDocument. Paths are keys joined by '/'.
    static JsonLayout scan(const QByteArray &text);

    TextPosition position(const QString &path) const { return m_positions.value(path); }
    bool has(const QString &path) const { return m_positions.contains(path); }
    QStringList keyOrder(const QString &objectPath) const { return m_order.value(objectPath); }

    struct Duplicate
    {
        QString path;
        TextPosition first;
        TextPosition second;
    };
    const QList<Duplicate> &duplicates() const { return m_duplicates; }

private:
    QHash<QString, TextPosition> m_positions;
    QHash<QString, QStringList> m_order;
    QList<Duplicate> m_duplicates;
};

// Writes JSON with two-space indentation and a stable key order: the order in
// `layout` where the key was there before, then `preferred`, then alphabetical.
QByteArray writeJson(const QJsonValue &value, const JsonLayout &layout, const QStringList &preferred);

} // namespace sluice::workspace
