#pragma once

#include <QString>

class QPalette;

namespace sluice::ui {

// View ▸ Appearance: the desktop's own palette and style, or Fusion with a
// light or a dark palette (Qt 6.4 cannot see GNOME's dark preference, so
// the operator can say). Remembered per user.
enum class Appearance { FollowSystem, Light, Dark };

Appearance savedAppearance();
// Applies it to the application (every window repaints through
// ApplicationPaletteChange) and remembers it.
void applyAppearance(Appearance appearance);
// Whether a palette reads as dark: its window darker than its text.
bool isDark(const QPalette &palette);
QPalette darkPalette();

} // namespace sluice::ui
