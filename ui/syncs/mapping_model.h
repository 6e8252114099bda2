#pragma once

#include "destination/destination.h"
#include "source/column.h"

#include <QJsonArray>
#include <QObject>
#include <QStringList>
#include <QVariant>

class QUndoStack;

// The visual mapper's model, apart from any view: the model's columns on one
// side, the destination's fields on the other (from describe()), and the
// mappings between them with their transform chains. Every edit is a
// QUndoCommand on one stack; suggestions pair an unmapped field with the
// column of the same normalized name and a compatible type. The wires, the
// lists and the chip bar only draw this.
namespace sluice::ui {

class MappingModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MappingModel)

public:
    struct Mapping
    {
        QString source;      // a model column; empty for a template or default only
        QString destination; // a destination field
        QStringList transforms;
        bool operator==(const Mapping &) const = default;
    };
    struct Field
    {
        destination::FieldInfo info;
        QString identifierKind; // EMAIL, PHONE, ... when the field identifies a list member
        bool hashRequired = false; // the platform takes it only as a SHA-256 hash
        QString hashPreset;        // its normalization preset (hash:PRESET), e.g. meta
    };
    enum Badge {
        NoBadge = 0,
        RequiredUnmapped = 1, // required, and nothing maps to it
        TypeMismatch = 2,     // the column's type does not fit the field's
        NeedsHash = 4,        // PII the platform takes only hashed, and the chain does not hash
    };
    Q_DECLARE_FLAGS(Badges, Badge)

    explicit MappingModel(QObject *parent = nullptr);
    ~MappingModel() override;

    void setColumns(const QList<source::Column> &columns, const QStringList &primaryKey = {});
    // An open destination (a file, a webhook) takes any field: the mapped
    // ones are listed, and a new field is added by name.
    void setFields(const QList<Field> &fields, bool open);
    // The sync's current fields, as sluice.json holds them; clears the undo history.
    void setMappings(const QList<Mapping> &mappings);

    const QList<source::Column> &columns() const { return m_columns; }
    const QStringList &primaryKey() const { return m_primaryKey; }
    // The destination's fields, and (open destinations) those only mapped.
    QList<Field> fields() const;
    bool open() const { return m_open; }
    const QList<Mapping> &mappings() const { return m_mappings; }
    int mappingFor(const QString &destination) const; // index, or -1
    QStringList destinationsOf(const QString &column) const;

    // Connects `column` to `field`, replacing what mapped to that field (one undo step).
    void connectFields(const QString &column, const QString &field);
    void disconnectField(const QString &field);
    void setTransforms(const QString &field, const QStringList &transforms);
    // Moves a chain's step one place (-1 left, +1 right).
    void moveTransform(const QString &field, int step, int by);

    QList<Mapping> suggestions() const;
    void acceptSuggestion(const Mapping &suggestion);
    void acceptAllSuggestions(); // one undo step

    Badges badges(const QString &field) const;
    // The step that mends a badge ("cast:decimal", "hash:meta"), empty when none does.
    QString quickFix(const QString &field, Badge badge) const;
    void applyQuickFix(const QString &field, Badge badge); // one undo step
    // The value a sample takes through the field's chain, or why it cannot:
    // first: ok; second: the value, or the step's error.
    QPair<bool, QString> example(const QString &field, const QVariant &sample) const;
    // The fields as sluice.json writes them.
    QJsonArray toJson() const;

    QUndoStack *undoStack() const { return m_undo; }

    static QString normalizedName(const QString &name);
    static bool compatible(source::ColumnType column, const QString &fieldType);

signals:
    void changed();

private:
    friend class MappingCommand;
    void apply(const QList<Mapping> &mappings);
    void push(const QString &text, QList<Mapping> after);
    std::optional<source::ColumnType> columnType(const QString &name) const;

    QList<source::Column> m_columns;
    QStringList m_primaryKey;
    QList<Field> m_fields;
    bool m_open = false;
    QList<Mapping> m_mappings;
    QUndoStack *m_undo;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(MappingModel::Badges)

} // namespace sluice::ui
