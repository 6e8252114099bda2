#pragma once

// The map stage: a governed model row into the record its destination
// receives. Each mapped field's value is read from its column, put through
// its transform chain and checked against the destination's rules (its
// field_schema, completed from what the destination describes); the record
// is written once as compact JSON, which is also what its content hash is
// computed from. A row a step or a rule refuses is held back as invalid with
// the reason; a list member without any identifier too. Fields with nothing
// to do go from the warehouse's text straight into the JSON.
#include "common/result.h"
#include "engine/record_digest.h"
#include "mapping/field_schema.h"
#include "mapping/transform.h"

#include <QHash>
#include <QJsonObject>

#include <memory>
#include <vector>

namespace sluice::source {
class RowView;
struct TextValue;
}
namespace sluice::workspace {
class Workspace;
struct SyncConfig;
}

namespace sluice::engine {

class RecordMapper final
{
public:
    // For `sync`, over model columns named by `columns` (name -> position).
    static Result<std::unique_ptr<RecordMapper>> create(const workspace::Workspace &workspace, const workspace::SyncConfig &sync,
                                                        const QHash<QString, int> &columns);
    ~RecordMapper();

    // Maps one row: empty when it was mapped (json() and digest() describe
    // it until the next row), else why it is held back.
    QString map(const source::RowView &row);
    const QByteArray &json() const { return m_writer->json(); }
    Digest digest() const { return m_writer->digest(); }
    // The sync matches records on a destination field: the row's value of it, as text.
    bool matches() const { return m_matchIndex >= 0; }
    QString matchValue() const;
    // A list destination's identifier fields: {"valid": rows with a value, "missing": rows without}.
    QJsonObject coverage() const;

private:
    struct Field
    {
        QString destination;
        int column;
        mapping::TransformChain chain;
    };
    RecordMapper() = default;
    QString mapField(qsizetype i, const source::RowView &row, QByteArray &json);
    bool asciiEmailField(qsizetype i, source::TextValue v, QByteArray &json);
    QString withoutIdentifier();

    QString m_destinationName, m_matchName;
    QList<Field> m_fields;
    const QHash<QString, int> *m_columns = nullptr;
    std::vector<char> m_direct;     // goes from the warehouse's text straight into the JSON
    std::vector<char> m_asciiEmail; // its one step is "email", and no schema rule
    std::vector<char> m_identifier; // identifies a list member
    std::vector<char> m_present;    // ... and this row has a value for it
    QList<qint64> m_coverageValid, m_coverageMissing;
    mapping::FieldSchema m_rules;
    std::unique_ptr<RecordWriter> m_writer;
    mapping::ColumnLookup m_lookup;
    const source::RowView *m_current = nullptr;
    int m_matchIndex = -1;
    QVariant m_matchValue;
};

} // namespace sluice::engine
