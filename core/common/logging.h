#pragma once

#include <QLoggingCategory>

// One logging category per module: QT_LOGGING_RULES="sluice.destination.debug=true"
// shows one module's detail. Nothing logged ever holds a secret or a record's payload.
namespace sluice {

Q_DECLARE_LOGGING_CATEGORY(lcWorkspace)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSource)
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
Q_DECLARE_LOGGING_CATEGORY(lcDestination)

} // namespace sluice
