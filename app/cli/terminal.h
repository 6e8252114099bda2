#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Human output on stderr, as a terminal shows it: colour only on a terminal
// and never with NO_COLOR set; tables that fit the terminal's width, numbers
// right-aligned and grouped the locale's way. Piped output is plain text.
namespace sluice::cli::term {

bool colour();
int width(); // stderr's columns; 0 when it is not a terminal (no limit)

enum class Tone { Good, Bad, Warn, Dim, Bold };
QString paint(const QString &text, Tone tone);
// A line's leading "error:", "warning:" or "ok:" (as translated) in its colour.
QString paintPrefix(const QString &line);
QString number(qint64 n);

struct Table
{
    QStringList header;
    QList<QStringList> rows;
    QSet<int> numeric;           // right-aligned columns
    QList<Tone> tones;           // per row, for the first column that `toned` names; empty: none
    int toned = -1;
    int elide = -1;              // the column that gives way first (a reason, an error); then the widest
    QSet<int> keep;              // never elided (ids an operator types back: run ids, keys)
    QString render() const;      // elided (…) to fit width() on a terminal
};

} // namespace sluice::cli::term
