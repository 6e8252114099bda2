#pragma once

namespace sluice::ui {

// Loads the translation for the system locale (CLI and GUI alike).
void installTranslations();
// Starts the GUI: QApplication, the workspace from --workspace DIR, the main window.
int runGui(int argc, char **argv);

} // namespace sluice::ui
