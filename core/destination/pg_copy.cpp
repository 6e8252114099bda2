#include "destination/pg_copy.h"

#include <QVarLengthArray>

namespace sluice::destination {

namespace {

// COPY text format: backslash starts an escape, tab separates columns, a
// line break ends the row; each is written as an escape.
void appendEscaped(QByteArray &out, char c)
{
    switch (c) {
    case '\\': out.append("\\\\", 2); break;
    case '\n': out.append("\\n", 2); break;
    case '\r': out.append("\\r", 2); break;
    case '\t': out.append("\\t", 2); break;
    default: out.append(c);
    }
}

bool special(char c)
{
    return c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\0';
}

bool appendEscaped(QByteArray &out, QByteArrayView bytes)
{
    const char *p = bytes.data(), *end = p + bytes.size();
    while (p < end) {
        const char *run = p;
        while (p < end && !special(*p)) // most values have nothing to escape: copied in one go
            ++p;
        out.append(run, p - run);
        if (p == end)
            break;
        if (*p == '\0')
            return false; // PostgreSQL text holds no NUL
        appendEscaped(out, *p++);
    }
    return true;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        appendEscaped(out, char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xc0 | (cp >> 6))).append(char(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        out.append(char(0xe0 | (cp >> 12))).append(char(0x80 | ((cp >> 6) & 0x3f))).append(char(0x80 | (cp & 0x3f)));
    } else {
        out.append(char(0xf0 | (cp >> 18))).append(char(0x80 | ((cp >> 12) & 0x3f))).append(char(0x80 | ((cp >> 6) & 0x3f))).append(char(0x80 | (cp & 0x3f)));
    }
}

int hex4(const char *p, const char *end)
{
    if (end - p < 4)
        return -1;
    int v = 0;
    for (int i = 0; i < 4; ++i) {
        const char c = p[i];
        const int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
        if (d < 0)
            return -1;
        v = v << 4 | d;
    }
    return v;
}

// A JSON string token (quotes included) as the text it stands for.
bool appendString(QByteArray &out, QByteArrayView token)
{
    const char *p = token.data() + 1;
    const char *end = token.data() + token.size() - 1;
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '\\' && !special(*p))
            ++p;
        out.append(run, p - run);
        if (p == end)
            break;
        const char c = *p++;
        if (c != '\\') {
            if (c == '\0')
                return false;
            appendEscaped(out, c);
            continue;
        }
        if (p >= end)
            return false;
        switch (const char e = *p++) {
        case '"': out.append('"'); break;
        case '/': out.append('/'); break;
        case '\\': out.append("\\\\", 2); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append("\\n", 2); break;
        case 'r': out.append("\\r", 2); break;
        case 't': out.append("\\t", 2); break;
        case 'u': {
            int unit = hex4(p, end);
            p += 4;
            char32_t cp = char32_t(unit);
            if (unit >= 0xd800 && unit < 0xdc00) { // a pair, or nothing PostgreSQL would take
                const int low = end - p >= 6 && p[0] == '\\' && p[1] == 'u' ? hex4(p + 2, end) : -1;
                if (low < 0xdc00 || low >= 0xe000)
                    return false;
                cp = 0x10000 + ((char32_t(unit) - 0xd800) << 10) + (char32_t(low) - 0xdc00);
                p += 6;
            } else if (unit <= 0 || (unit >= 0xdc00 && unit < 0xe000)) {
                return false; // NUL, a lone low surrogate, or no hex digits
            }
            appendUtf8(out, cp);
            break;
        }
        default: (void)e; return false;
        }
    }
    return true;
}

const char *skipSpace(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
    return p;
}

// The end of the JSON value starting at p, or nullptr.
const char *valueEnd(const char *p, const char *end)
{
    if (p >= end)
        return nullptr;
    if (*p == '"') {
        for (++p; p < end; ++p) {
            if (*p == '\\')
                ++p;
            else if (*p == '"')
                return p + 1;
        }
        return nullptr;
    }
    if (*p == '{' || *p == '[') {
        int depth = 0;
        for (; p < end; ++p) {
            if (*p == '"') {
                p = valueEnd(p, end);
                if (!p)
                    return nullptr;
                --p;
            } else if (*p == '{' || *p == '[') {
                ++depth;
            } else if ((*p == '}' || *p == ']') && --depth == 0) {
                return p + 1;
            }
        }
        return nullptr;
    }
    while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
        ++p;
    return p;
}

// The record's members, as raw tokens, at their column's place.
bool readMembers(QByteArrayView json, const QList<QByteArray> &columns, QVarLengthArray<QByteArrayView, 32> &values)
{
    const char *p = skipSpace(json.data(), json.data() + json.size());
    const char *end = json.data() + json.size();
    if (p >= end || *p != '{')
        return false;
    p = skipSpace(p + 1, end);
    QByteArray name;
    while (p < end && *p != '}') {
        const char *nameEnd = *p == '"' ? valueEnd(p, end) : nullptr;
        if (!nameEnd)
            return false;
        const QByteArrayView token(p, nameEnd - p);
        name.clear();
        if (!token.contains('\\'))
            name = token.sliced(1, token.size() - 2).toByteArray();
        else if (!appendString(name, token))
            return false;
        p = skipSpace(nameEnd, end);
        if (p >= end || *p != ':')
            return false;
        p = skipSpace(p + 1, end);
        const char *valueStop = valueEnd(p, end);
        if (!valueStop)
            return false;
        const qsizetype at = columns.indexOf(name);
        if (at >= 0)
            values[at] = QByteArrayView(p, valueStop - p);
        p = skipSpace(valueStop, end);
        if (p < end && *p == ',')
            p = skipSpace(p + 1, end);
    }
    return p < end;
}

} // namespace

bool appendCopyRow(QByteArray &out, QStringView key, QByteArrayView fieldsJson, const QList<QByteArray> &columns, const QList<CopyColumn> &kinds)
{
    QVarLengthArray<QByteArrayView, 32> values(columns.size(), QByteArrayView()); // a primitive type: not cleared otherwise
    if (!readMembers(fieldsJson, columns, values))
        return false;
    const qsizetype start = out.size();
    auto refuse = [&] {
        out.truncate(start);
        return false;
    };
    if (!appendEscaped(out, QByteArrayView(key.toUtf8())))
        return refuse();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        out.append('\t');
        const QByteArrayView v = values[i];
        if (v.isEmpty() || v == "null")
            out.append("\\N", 2);
        else if ((kinds[i] == CopyColumn::Value && v.front() == '"') ? !appendString(out, v) : !appendEscaped(out, v))
            return refuse();
    }
    out.append('\n');
    return true;
}

} // namespace sluice::destination
