#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

// Sluice's own glyphs (resources/icons/sluice, compiled in): monochrome SVGs
// drawn in black and tinted when painted, so one file serves the light and
// the dark palette. `name` is the file's name without ".svg" (sluice-sync).
namespace sluice::ui {

// Tinted with the palette's text colours for each mode (normal, disabled,
// selected), as the widget that shows it would draw text.
QIcon sluiceIcon(const QString &name);
// Tinted with one colour (the dark navigation's light glyphs).
QIcon sluiceIcon(const QString &name, const QColor &color, const QColor &selected);

} // namespace sluice::ui
