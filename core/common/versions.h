#pragma once

#include <QString>

namespace sluice {

// Versions of the libraries Sluice links, for `sluice --version` and bug reports.
QString libpqVersion();  // "15.5"
QString sqliteVersion(); // "3.40.1"

} // namespace sluice
