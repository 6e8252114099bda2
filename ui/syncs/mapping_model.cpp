#include "syncs/mapping_model.h"

#include "mapping/transform.h"

#include <QJsonObject>
#include <QSet>
#include <QUndoCommand>
#include <QUndoStack>

namespace sluice::ui {

// Every edit is a snapshot of the mappings before and after: small (a sync
// maps tens of fields), and an undo can never disagree with a redo.
class MappingCommand final : public QUndoCommand
{
public:
    MappingCommand(MappingModel *model, const QString &text, QList<MappingModel::Mapping> before, QList<MappingModel::Mapping> after)
        : QUndoCommand(text), m_model(model), m_before(std::move(before)), m_after(std::move(after))
    {
    }
    void redo() override { m_model->apply(m_after); }
    void undo() override { m_model->apply(m_before); }

private:
    MappingModel *m_model;
    QList<MappingModel::Mapping> m_before, m_after;
};

MappingModel::MappingModel(QObject *parent) : QObject(parent), m_undo(new QUndoStack(this)) {}

MappingModel::~MappingModel() = default;

void MappingModel::setColumns(const QList<source::Column> &columns, const QStringList &primaryKey)
{
    m_columns = columns;
    m_primaryKey = primaryKey;
    emit changed();
}

void MappingModel::setFields(const QList<Field> &fields, bool open)
{
    m_fields = fields;
    m_open = open;
    emit changed();
}

void MappingModel::setMappings(const QList<Mapping> &mappings)
{
    m_undo->clear();
    apply(mappings);
}

QList<MappingModel::Field> MappingModel::fields() const
{
    QList<Field> out = m_fields;
    QSet<QString> described;
    for (const Field &f : m_fields)
        described.insert(f.info.name);
    for (const Mapping &m : m_mappings)
        if (!described.contains(m.destination)) {
            Field extra;
            extra.info.name = m.destination;
            out.append(extra); // no type: an open destination takes any value

            described.insert(m.destination);
        }
    return out;
}

int MappingModel::mappingFor(const QString &destination) const
{
    for (qsizetype i = 0; i < m_mappings.size(); ++i)
        if (m_mappings[i].destination == destination)
            return int(i);
    return -1;
}

QStringList MappingModel::destinationsOf(const QString &column) const
{
    QStringList out;
    for (const Mapping &m : m_mappings)
        if (m.source == column)
            out.append(m.destination);
    return out;
}

void MappingModel::apply(const QList<Mapping> &mappings)
{
    m_mappings = mappings;
    emit changed();
}

void MappingModel::push(const QString &text, QList<Mapping> after)
{
    if (after == m_mappings)
        return;
    m_undo->push(new MappingCommand(this, text, m_mappings, std::move(after)));
}

void MappingModel::connectFields(const QString &column, const QString &field)
{
    if (column.isEmpty() || field.isEmpty())
        return;
    QList<Mapping> after = m_mappings;
    const int at = mappingFor(field);
    if (at >= 0) {
        if (after[at].source == column)
            return;
        after[at].source = column; // replaces what mapped to the field; its chain stays
    } else {
        after.append({column, field, {}});
    }
    push(tr("Map %1 to %2").arg(column, field), std::move(after));
}

void MappingModel::disconnectField(const QString &field)
{
    const int at = mappingFor(field);
    if (at < 0)
        return;
    QList<Mapping> after = m_mappings;
    after.removeAt(at);
    push(tr("Unmap %1").arg(field), std::move(after));
}

void MappingModel::setTransforms(const QString &field, const QStringList &transforms)
{
    const int at = mappingFor(field);
    if (at < 0)
        return;
    QList<Mapping> after = m_mappings;
    after[at].transforms = transforms;
    push(tr("Change the transforms of %1").arg(field), std::move(after));
}

void MappingModel::moveTransform(const QString &field, int step, int by)
{
    const int at = mappingFor(field);
    if (at < 0)
        return;
    QStringList chain = m_mappings[at].transforms;
    const int to = step + by;
    if (step < 0 || step >= chain.size() || to < 0 || to >= chain.size())
        return;
    chain.move(step, to);
    setTransforms(field, chain);
}

QString MappingModel::normalizedName(const QString &name)
{
    QString out;
    for (const QChar c : name)
        if (c.isLetterOrNumber())
            out.append(c.toLower());
    return out;
}

bool MappingModel::compatible(source::ColumnType column, const QString &fieldType)
{
    using source::ColumnType;
    if (fieldType.isEmpty() || fieldType == QLatin1String("string") || column == ColumnType::Unknown)
        return true; // text takes any value as its text
    if (fieldType == QLatin1String("number") || fieldType == QLatin1String("integer"))
        return column == ColumnType::Integer || column == ColumnType::Decimal || column == ColumnType::Float;
    if (fieldType == QLatin1String("boolean"))
        return column == ColumnType::Boolean;
    if (fieldType == QLatin1String("timestamp") || fieldType == QLatin1String("date") || fieldType == QLatin1String("datetime"))
        return column == ColumnType::Timestamp || column == ColumnType::Date;
    if (fieldType == QLatin1String("enumeration"))
        return column == ColumnType::Text;
    return true;
}

std::optional<source::ColumnType> MappingModel::columnType(const QString &name) const
{
    for (const source::Column &c : m_columns)
        if (c.name == name)
            return c.type;
    return std::nullopt;
}

QList<MappingModel::Mapping> MappingModel::suggestions() const
{
    QList<Mapping> out;
    QSet<QString> usedColumns;
    for (const Mapping &m : m_mappings)
        usedColumns.insert(m.source);
    if (m_open && m_fields.isEmpty()) {
        // A file or a hook takes any field: each column not sent yet, under its own name.
        for (const source::Column &c : m_columns)
            if (!usedColumns.contains(c.name) && mappingFor(c.name) < 0 && !m_primaryKey.contains(c.name))
                out.append({c.name, c.name, {}});
        return out;
    }
    for (const Field &f : m_fields) {
        if (f.info.readOnly || mappingFor(f.info.name) >= 0)
            continue;
        const QString wanted = normalizedName(f.info.name);
        for (const source::Column &c : m_columns) {
            if (usedColumns.contains(c.name) || normalizedName(c.name) != wanted || !compatible(c.type, f.info.type))
                continue;
            Mapping m{c.name, f.info.name, {}};
            if (f.info.format == QLatin1String("email") && c.type == source::ColumnType::Text)
                m.transforms = {QStringLiteral("email")};
            out.append(m);
            usedColumns.insert(c.name);
            break;
        }
    }
    return out;
}

void MappingModel::acceptSuggestion(const Mapping &suggestion)
{
    if (mappingFor(suggestion.destination) >= 0)
        return;
    QList<Mapping> after = m_mappings;
    after.append(suggestion);
    push(tr("Accept the suggestion %1 → %2").arg(suggestion.source, suggestion.destination), std::move(after));
}

void MappingModel::acceptAllSuggestions()
{
    const QList<Mapping> all = suggestions();
    if (all.isEmpty())
        return;
    QList<Mapping> after = m_mappings;
    after.append(all);
    push(tr("Accept %n suggestion(s)", nullptr, int(all.size())), std::move(after));
}

MappingModel::Badges MappingModel::badges(const QString &field) const
{
    Badges out;
    const QList<Field> all = fields();
    const auto f = std::find_if(all.begin(), all.end(), [&](const Field &x) { return x.info.name == field; });
    if (f == all.end())
        return out;
    const int at = mappingFor(field);
    if (at < 0)
        return f->info.required ? Badges(RequiredUnmapped) : out;
    const Mapping &m = m_mappings[at];
    const std::optional<source::ColumnType> type = columnType(m.source);
    // A cast in the chain says what the value becomes: its type is judged by the field then.
    const bool casts = std::any_of(m.transforms.begin(), m.transforms.end(), [](const QString &t) { return t.startsWith(QLatin1String("cast:")); });
    if (type && !casts && !compatible(*type, f->info.type))
        out |= TypeMismatch;
    if (f->hashRequired) {
        Result<mapping::TransformChain> chain = mapping::TransformChain::parse(m.transforms, field);
        if (!chain || !chain.value().hashes())
            out |= NeedsHash;
    }
    return out;
}

QString MappingModel::quickFix(const QString &field, Badge badge) const
{
    if (!(badges(field) & badge))
        return {};
    const QList<Field> all = fields();
    const auto f = std::find_if(all.begin(), all.end(), [&](const Field &x) { return x.info.name == field; });
    if (badge == TypeMismatch) {
        const QString type = f->info.type;
        if (type == QLatin1String("number"))
            return QStringLiteral("cast:decimal");
        if (type == QLatin1String("integer") || type == QLatin1String("boolean") || type == QLatin1String("timestamp"))
            return QStringLiteral("cast:") + type;
        return {};
    }
    if (badge == NeedsHash)
        return f->hashPreset.isEmpty() ? QStringLiteral("sha256") : QStringLiteral("hash:") + f->hashPreset;
    return {};
}

void MappingModel::applyQuickFix(const QString &field, Badge badge)
{
    const QString step = quickFix(field, badge);
    const int at = mappingFor(field);
    if (step.isEmpty() || at < 0)
        return;
    QList<Mapping> after = m_mappings;
    after[at].transforms.append(step);
    push(tr("Add %1 to %2").arg(step, field), std::move(after));
}

QPair<bool, QString> MappingModel::example(const QString &field, const QVariant &sample) const
{
    const int at = mappingFor(field);
    if (at < 0)
        return {false, tr("not mapped")};
    Result<mapping::TransformChain> chain = mapping::TransformChain::parse(m_mappings[at].transforms, field);
    if (!chain)
        return {false, chain.error().message};
    const QString source = m_mappings[at].source;
    Result<QVariant> out = chain.value().apply(sample, [&](const QString &column) -> std::optional<QVariant> {
        if (column == source)
            return sample;
        return std::nullopt;
    });
    if (!out)
        return {false, out.error().message};
    return {true, source::toText(out.value())};
}

QJsonArray MappingModel::toJson() const
{
    QJsonArray out;
    for (const Mapping &m : m_mappings) {
        QJsonObject o;
        if (!m.source.isEmpty())
            o.insert(QStringLiteral("source"), m.source);
        o.insert(QStringLiteral("destination"), m.destination);
        if (!m.transforms.isEmpty())
            o.insert(QStringLiteral("transform"), QJsonArray::fromStringList(m.transforms));
        out.append(o);
    }
    return out;
}

} // namespace sluice::ui
