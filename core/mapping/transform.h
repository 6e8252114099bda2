#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

// The transform chain of a field mapping (DESIGN.md): a list of steps applied
// in order, each `name` or `name:argument`. Values are Sluice values: null,
// text, integer (qlonglong), float (double), boolean; decimals are text so
// they keep every digit.
namespace sluice::mapping {

struct TransformStep
{
    QString name;
    QString argument;
};

using ColumnLookup = std::function<std::optional<QVariant>(const QString &column)>;

class TransformChain final
{
public:
    // `kind`: the destination field the value goes to, which tells `hash:PLATFORM`
    // which identifier it normalizes (an e-mail, a first name, a postal code…).
    static Result<TransformChain> parse(const QStringList &steps, const QString &kind = {});
    // The value, or an error naming the step that could not apply
    // ("phone:US: \"12\" is not a valid phone number for region US").
    Result<QVariant> apply(QVariant value, const ColumnLookup &row) const;
    const QList<TransformStep> &steps() const { return m_steps; }
    // True when the chain ends in a hash, so the value leaves as a digest.
    bool hashes() const;

private:
    QList<TransformStep> m_steps;
    QString m_kind;
};

// Building blocks, exposed for tests and for the identity presets.
QString sha256Hex(const QString &text);
Result<QString> normalizeEmail(const QString &text);
Result<QString> phoneToE164(const QString &text, const QString &region);
Result<QString> roundDecimal(const QString &decimal, int places);
Result<QString> castToTimestamp(const QVariant &value);

} // namespace sluice::mapping
