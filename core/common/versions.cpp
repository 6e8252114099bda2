#include "common/versions.h"

#include <libpq-fe.h>
#include <sqlite3.h>

namespace sluice {

QString libpqVersion()
{
    const int v = PQlibVersion(); // major * 10000 + minor since PostgreSQL 10
    return v >= 100000 ? QStringLiteral("%1.%2").arg(v / 10000).arg(v % 10000)
                       : QStringLiteral("%1.%2.%3").arg(v / 10000).arg(v / 100 % 100).arg(v % 100);
}

QString sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

} // namespace sluice
