#include "cli/terminal.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <numeric>
#include <optional>
#include <sys/ioctl.h>
#include <unistd.h>

namespace sluice::cli::term {

namespace {

bool stderrIsTerminal()
{
    return isatty(STDERR_FILENO) == 1 && qgetenv("TERM") != "dumb";
}

QString prefixOf(const char *pattern)
{
    const QString t = QCoreApplication::translate("sluice::cli", pattern);
    return t.left(t.indexOf(QStringLiteral("%1"))).trimmed();
}

QString fit(const QString &cell, qsizetype width, bool right)
{
    if (cell.size() > width)
        return width <= 1 ? cell.left(width) : cell.left(width - 1) + QChar(0x2026);
    return right ? cell.rightJustified(width) : cell.leftJustified(width);
}

} // namespace

bool colour()
{
    return stderrIsTerminal() && !qEnvironmentVariableIsSet("NO_COLOR");
}

int width()
{
    if (!stderrIsTerminal())
        return 0;
    winsize w{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 0)
        return w.ws_col;
    const int columns = qEnvironmentVariableIntValue("COLUMNS");
    return columns > 0 ? columns : 80;
}

QString paint(const QString &text, Tone tone)
{
    if (!colour() || text.isEmpty())
        return text;
    const char *code = tone == Tone::Good ? "32" : tone == Tone::Bad ? "31" : tone == Tone::Warn ? "33" : tone == Tone::Dim ? "2" : "1";
    return QStringLiteral("\x1b[%1m").arg(QLatin1String(code)) + text + QStringLiteral("\x1b[0m");
}

QString paintPrefix(const QString &line)
{
    if (!colour())
        return line;
    const QList<QPair<QString, Tone>> prefixes{{prefixOf(QT_TRANSLATE_NOOP("sluice::cli", "error: %1")), Tone::Bad},
                                               {prefixOf(QT_TRANSLATE_NOOP("sluice::cli", "warning: %1")), Tone::Warn},
                                               {QStringLiteral("ok:"), Tone::Good}};
    for (const auto &[prefix, tone] : prefixes)
        if (!prefix.isEmpty() && line.startsWith(prefix))
            return paint(prefix, tone) + line.mid(prefix.size());
    return line;
}

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString Table::render() const
{
    const qsizetype columns = header.size();
    QList<qsizetype> widths(columns, 0);
    for (qsizetype c = 0; c < columns; ++c)
        widths[c] = header[c].size();
    for (const QStringList &row : rows)
        for (qsizetype c = 0; c < columns && c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    // Too wide for the terminal: the widest column gives way (never below 8).
    const int limit = width();
    qsizetype total = std::accumulate(widths.begin(), widths.end(), qsizetype(0)) + 2 * (columns - 1);
    while (limit > 0 && total >= limit) {
        qsizetype pick = -1;
        if (elide >= 0 && elide < columns && widths[elide] > 8)
            pick = elide;
        for (qsizetype c = 0; c < columns && pick < 0; ++c)
            if (!keep.contains(int(c)) && widths[c] > 8 && (pick < 0 || widths[c] > widths[pick]))
                pick = c;
        for (qsizetype c = 0; c < columns; ++c) // the widest that may still give way
            if (pick != elide && !keep.contains(int(c)) && widths[c] > 8 && widths[c] > widths[pick])
                pick = c;
        if (pick < 0)
            break; // wider than the terminal: it wraps rather than lose an id
        auto widest = widths.begin() + pick;
        const qsizetype cut = std::min<qsizetype>(total - limit + 1, *widest - 8);
        *widest -= cut;
        total -= cut;
    }
    auto line = [&](const QStringList &cells, std::optional<Tone> tone) {
        QStringList out;
        for (qsizetype c = 0; c < columns; ++c) {
            QString text = fit(cells.value(c), widths[c], numeric.contains(int(c)));
            if (c == toned && tone)
                text = paint(text, *tone);
            out.append(text);
        }
        QString joined = out.join(QStringLiteral("  "));
        while (joined.endsWith(QLatin1Char(' ')))
            joined.chop(1);
        return joined;
    };
    QString text = paint(line(header, std::nullopt), Tone::Bold) + QLatin1Char('\n');
    for (qsizetype r = 0; r < rows.size(); ++r)
        text += line(rows[r], r < tones.size() ? std::optional<Tone>(tones[r]) : std::nullopt) + QLatin1Char('\n');
    return text;
}

} // namespace sluice::cli::term
