#include "models/sql_highlighter.h"

namespace sluice::ui {

SqlHighlighter::SqlHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
{
    QTextCharFormat keyword;
    keyword.setForeground(QColor(0x1f, 0x4e, 0xb4));
    keyword.setFontWeight(QFont::Bold);
    m_rules.append({QRegularExpression(
                        QStringLiteral("\\b(select|from|where|and|or|not|join|left|right|inner|outer|full|cross|on|"
                                       "group|by|order|having|limit|offset|as|with|union|all|distinct|case|when|then|"
                                       "else|end|in|is|null|like|between|exists|asc|desc|cast|coalesce|count|sum|min|"
                                       "max|avg|over|partition|true|false|interval|using|lateral|filter)\\b"),
                        QRegularExpression::CaseInsensitiveOption),
                    keyword});
    QTextCharFormat number;
    number.setForeground(QColor(0x9a, 0x4d, 0x00));
    m_rules.append({QRegularExpression(QStringLiteral("\\b\\d+(\\.\\d+)?\\b")), number});
    QTextCharFormat string;
    string.setForeground(QColor(0x1c, 0x7c, 0x3c));
    m_rules.append({QRegularExpression(QStringLiteral("'([^']|'')*'")), string});
    QTextCharFormat identifier;
    identifier.setForeground(QColor(0x7a, 0x2e, 0x8e));
    m_rules.append({QRegularExpression(QStringLiteral("\"([^\"]|\"\")*\"")), identifier});
    m_comment.setForeground(QColor(0x80, 0x80, 0x80));
    m_comment.setFontItalic(true);
}

void SqlHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        auto it = rule.pattern.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            setFormat(int(m.capturedStart()), int(m.capturedLength()), rule.format);
        }
    }
    // Comments win over whatever they contain; block comments may span lines.
    const qsizetype line = text.indexOf(QStringLiteral("--"));
    setCurrentBlockState(0);
    qsizetype start = previousBlockState() == 1 ? 0 : text.indexOf(QStringLiteral("/*"));
    while (start >= 0) {
        const qsizetype end = text.indexOf(QStringLiteral("*/"), start);
        const qsizetype length = end < 0 ? text.size() - start : end - start + 2;
        if (end < 0)
            setCurrentBlockState(1);
        setFormat(int(start), int(length), m_comment);
        start = end < 0 ? -1 : text.indexOf(QStringLiteral("/*"), start + length);
    }
    if (line >= 0)
        setFormat(int(line), int(text.size() - line), m_comment);
}

} // namespace sluice::ui
