#include "common/result.h"

#include <QRegularExpression>

namespace sluice {

QString objectNamedBy(const QString &message)
{
    // Messages name their object first ("sync a: model b: column c not found");
    // the deepest named object is the one at fault. sluice.json problems name
    // the file and line.
    static const QRegularExpression named(QStringLiteral("^((?:(?:sync|model|source|destination) [^:\\s]+(?:: )?)+)"));
    static const QRegularExpression file(QStringLiteral("^(sluice\\.json(?::\\d+:\\d+)?)"));
    if (const auto m = named.match(message); m.hasMatch()) {
        const QStringList parts = m.captured(1).split(QStringLiteral(": "), Qt::SkipEmptyParts);
        return parts.isEmpty() ? QString() : parts.last().trimmed();
    }
    if (const auto m = file.match(message); m.hasMatch())
        return m.captured(1);
    return {};
}

QString Error::object() const
{
    return objectNamedBy(message);
}

} // namespace sluice
