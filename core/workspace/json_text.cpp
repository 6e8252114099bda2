#include "workspace/json_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sluice::workspace {

TextPosition positionAt(const QByteArray &text, qsizetype offset)
{
    TextPosition p{1, 1};
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

namespace {

struct Frame
{
    bool isObject = false;
    QString path;
    QString pendingKey;
    int arrayIndex = 0;
    bool expectKey = false;
};

QString readString(const QByteArray &text, qsizetype &i)
{
    // text[i] is the opening quote; leaves i on the closing quote.
    const qsizetype start = i;
    ++i;
    while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\')
            ++i;
        ++i;
    }
    const QByteArray quoted = text.mid(start, i - start + 1);
    return QJsonDocument::fromJson("[" + quoted + "]").array().at(0).toString();
}

QString childPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('/') + key;
}

} // namespace

JsonLayout JsonLayout::scan(const QByteArray &text)
{
    JsonLayout layout;
    QList<Frame> stack;
    auto valuePath = [&]() -> QString {
        if (stack.isEmpty())
            return {};
        Frame &top = stack.last();
        if (top.isObject)
            return childPath(top.path, top.pendingKey);
        return childPath(top.path, QString::number(top.arrayIndex));
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '{':
        case '[': {
            Frame f;
            f.isObject = c == '{';
            f.path = valuePath();
            f.expectKey = f.isObject;
            stack.append(f);
            break;
        }
        case '}':
        case ']':
            if (!stack.isEmpty())
                stack.removeLast();
            break;
        case ',':
            if (!stack.isEmpty()) {
                if (stack.last().isObject)
                    stack.last().expectKey = true;
                else
                    ++stack.last().arrayIndex;
            }
            break;
        case '"': {
            const qsizetype at = i;
            const QString s = readString(text, i);
            if (!stack.isEmpty() && stack.last().isObject && stack.last().expectKey) {
                Frame &top = stack.last();
                top.pendingKey = s;
                top.expectKey = false;
                const QString path = childPath(top.path, s);
                const TextPosition pos = positionAt(text, at);
                if (layout.m_positions.contains(path)) {
                    layout.m_duplicates.append({path, layout.m_positions.value(path), pos});
                } else {
                    layout.m_positions.insert(path, pos);
                    layout.m_order[top.path].append(s);
                }
            }
            break;
        }
        default:
            break;
        }
    }
    return layout;
}

namespace {

void writeValue(QByteArray &out, const QJsonValue &v, const JsonLayout &layout, const QStringList &preferred,
                const QString &path, int indent);

void writeIndent(QByteArray &out, int indent) { out.append(QByteArray(indent * 2, ' ')); }

QByteArray scalar(const QJsonValue &v)
{
    QByteArray s = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return s.mid(1, s.size() - 2);
}

QStringList orderedKeys(const QJsonObject &o, const JsonLayout &layout, const QStringList &preferred,
                        const QString &path)
{
    QStringList keys;
    for (const QString &k : layout.keyOrder(path))
        if (o.contains(k) && !keys.contains(k))
            keys.append(k);
    for (const QString &k : preferred)
        if (o.contains(k) && !keys.contains(k))
            keys.append(k);
    for (const QString &k : o.keys()) // QJsonObject iterates sorted
        if (!keys.contains(k))
            keys.append(k);
    return keys;
}

void writeValue(QByteArray &out, const QJsonValue &v, const JsonLayout &layout, const QStringList &preferred,
                const QString &path, int indent)
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        const QStringList keys = orderedKeys(o, layout, preferred, path);
        for (qsizetype i = 0; i < keys.size(); ++i) {
            writeIndent(out, indent + 1);
            out.append(scalar(QJsonValue(keys[i])));
            out.append(": ");
            writeValue(out, o.value(keys[i]), layout, preferred, childPath(path, keys[i]), indent + 1);
            out.append(i + 1 < keys.size() ? ",\n" : "\n");
        }
        writeIndent(out, indent);
        out.append("}");
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out.append("[]");
            return;
        }
        bool allScalars = true;
        for (const QJsonValue &e : a)
            allScalars = allScalars && !e.isObject() && !e.isArray();
        if (allScalars) {
            // Short lists of scalars (pii, transforms, keys) read best on one line.
            out.append("[");
            for (qsizetype i = 0; i < a.size(); ++i) {
                out.append(scalar(a[i]));
                if (i + 1 < a.size())
                    out.append(", ");
            }
            out.append("]");
            return;
        }
        out.append("[\n");
        for (qsizetype i = 0; i < a.size(); ++i) {
            writeIndent(out, indent + 1);
            writeValue(out, a[i], layout, preferred, childPath(path, QString::number(i)), indent + 1);
            out.append(i + 1 < a.size() ? ",\n" : "\n");
        }
        writeIndent(out, indent);
        out.append("]");
    } else {
        out.append(scalar(v));
    }
}

} // namespace

QByteArray writeJson(const QJsonValue &value, const JsonLayout &layout, const QStringList &preferred)
{
    QByteArray out;
    writeValue(out, value, layout, preferred, QString(), 0);
    out.append('\n');
    return out;
}

} // namespace sluice::workspace
