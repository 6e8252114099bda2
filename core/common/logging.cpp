#include "common/logging.h"

namespace sluice {

Q_LOGGING_CATEGORY(lcWorkspace, "sluice.workspace", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "sluice.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSource, "sluice.source", QtWarningMsg)
Q_LOGGING_CATEGORY(lcEngine, "sluice.engine", QtWarningMsg)
Q_LOGGING_CATEGORY(lcDestination, "sluice.destination", QtWarningMsg)

} // namespace sluice
