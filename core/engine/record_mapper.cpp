#include "engine/record_mapper.h"

#include "connector/connector_info.h"
#include "engine/plan_internal.h"
#include "source/column.h"
#include "source/row_view.h"
#include "workspace/workspace.h"

#include <QCoreApplication>

namespace sluice::engine {

namespace {

bool blank(const QVariant &v)
{
    return v.isNull() || !v.isValid() || source::toText(v).isEmpty();
}

bool asciiSpace(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r'); // QChar::isSpace() below 0x80
}

// normalizeEmail() of an ASCII text, written into `out` (at least `size`
// bytes): its length, or -1 when it is no e-mail address (the general path
// then says why).
int asciiEmail(const char *p, int size, char *out)
{
    while (size > 0 && asciiSpace(p[0]))
        ++p, --size;
    while (size > 0 && asciiSpace(p[size - 1]))
        --size;
    int at = -1, dot = -1;
    for (int i = 0; i < size; ++i) {
        char c = p[i];
        if (asciiSpace(c) || (c == '@' && at >= 0))
            return -1;
        if (c >= 'A' && c <= 'Z')
            c = char(c | 0x20);
        at = c == '@' ? i : at;
        dot = c == '.' ? i : dot;
        out[i] = c;
    }
    return at > 0 && dot > at + 1 && dot < size - 1 ? size : -1;
}

} // namespace

RecordMapper::~RecordMapper() = default;

Result<std::unique_ptr<RecordMapper>> RecordMapper::create(const workspace::Workspace &workspace, const workspace::SyncConfig &sync,
                                                          const QHash<QString, int> &columns)
{
    std::unique_ptr<RecordMapper> m(new RecordMapper);
    m->m_columns = &columns;
    m->m_destinationName = sync.destination;
    m->m_matchName = sync.matchDestination;
    for (const workspace::FieldMapping &f : sync.fields)
        m->m_fields.append({f.destination, f.source.isEmpty() ? -1 : columns.value(f.source, -1), mapping::TransformChain::parse(f.transform, f.destination).value()});
    Result<mapping::FieldSchema> rules = destinationRules(workspace, sync);
    if (!rules)
        return rules.error();
    m->m_rules = rules.value();
    QStringList fieldNames;
    for (qsizetype i = 0; i < m->m_fields.size(); ++i) {
        fieldNames.append(m->m_fields[i].destination);
        if (!sync.matchDestination.isEmpty() && m->m_fields[i].destination == sync.matchDestination)
            m->m_matchIndex = int(i);
    }
    const connector::ConnectorInfo *info = connector::findDestination(workspace.config().destinations.value(sync.destination).type);
    for (const Field &f : std::as_const(m->m_fields))
        m->m_identifier.push_back(info && info->listMembership && info->identifierKinds.contains(f.destination));
    m->m_present.assign(m->m_fields.size(), 0);
    m->m_coverageValid.fill(0, m->m_fields.size());
    m->m_coverageMissing.fill(0, m->m_fields.size());
    // A field with no transform, no schema rule, not the match field and not
    // a member's identifier goes from the warehouse's text straight into the JSON.
    for (qsizetype i = 0; i < m->m_fields.size(); ++i)
        m->m_direct.push_back(m->m_fields[i].chain.steps().isEmpty() && !m->m_rules.contains(m->m_fields[i].destination) && i != m->m_matchIndex
                              && !m->m_identifier[size_t(i)]);
    // A field whose only step is "email", with no schema rule: an ASCII
    // address is normalized on the warehouse's text, without a QString.
    for (const Field &f : std::as_const(m->m_fields))
        m->m_asciiEmail.push_back(f.chain.steps().size() == 1 && f.chain.steps().front().name == QLatin1String("email")
                                  && !m->m_rules.contains(f.destination));
    m->m_writer = std::make_unique<RecordWriter>(fieldNames, fingerprint(sync));
    RecordMapper *self = m.get();
    m->m_lookup = [self](const QString &c) -> std::optional<QVariant> {
        const int i = self->m_columns->value(c, -1);
        if (i < 0)
            return std::nullopt;
        return self->m_current->value(i);
    };
    return m;
}

QString RecordMapper::map(const source::RowView &row)
{
    m_current = &row;
    QByteArray &json = m_writer->begin();
    for (qsizetype i = 0; i < m_fields.size(); ++i) {
        m_writer->field(i);
        if (const QString problem = mapField(i, row, json); !problem.isEmpty())
            return problem;
    }
    if (const QString problem = withoutIdentifier(); !problem.isEmpty())
        return problem;
    if (m_matchIndex >= 0 && blank(m_matchValue))
        return QCoreApplication::translate("sluice::engine", "no %1 to match the destination's records on").arg(m_matchName);
    m_writer->finish();
    return {};
}

// One field's value: read, transformed, checked, written.
QString RecordMapper::mapField(qsizetype i, const source::RowView &row, QByteArray &json)
{
    const Field &f = m_fields[i];
    if (m_direct[size_t(i)]) {
        if (f.column >= 0)
            row.appendJson(json, f.column);
        else
            json.append("null", 4);
        return {};
    }
    if (m_asciiEmail[size_t(i)] && f.column >= 0 && row.hasText() && asciiEmailField(i, row.raw(f.column), json))
        return {};
    QVariant value = f.column >= 0 ? row.value(f.column) : QVariant();
    if (!f.chain.steps().isEmpty()) {
        Result<QVariant> v = f.chain.apply(value, m_lookup);
        if (!v)
            return QCoreApplication::translate("sluice::engine", "field %1: %2").arg(f.destination, v.error().message);
        value = std::move(v).value();
    }
    if (const auto rule = m_rules.constFind(f.destination); rule != m_rules.constEnd())
        if (const QString problem = mapping::checkField(*rule, value, f.destination, m_destinationName); !problem.isEmpty())
            return problem;
    if (m_identifier[size_t(i)])
        m_present[size_t(i)] = !blank(value);
    source::appendJson(json, value);
    if (i == m_matchIndex)
        m_matchValue = std::move(value);
    return {};
}

bool RecordMapper::asciiEmailField(qsizetype i, source::TextValue v, QByteArray &json)
{
    char normalized[256];
    if (!v.data || v.size > int(sizeof normalized) || !(v.ascii || source::isAscii(v.data, v.size)))
        return false;
    const int n = asciiEmail(v.data, v.size, normalized);
    if (n < 0)
        return false;
    source::appendAsciiJsonString(json, normalized, n);
    if (m_identifier[size_t(i)])
        m_present[size_t(i)] = 1;
    if (i == m_matchIndex)
        m_matchValue = QString::fromLatin1(normalized, n);
    return true;
}

// A list member the platform cannot match: none of its identifiers has a
// value. Counted in the coverage either way.
QString RecordMapper::withoutIdentifier()
{
    bool any = false, listed = false;
    QStringList kinds;
    for (size_t i = 0; i < m_identifier.size(); ++i) {
        if (!m_identifier[i])
            continue;
        listed = true;
        any = any || m_present[i];
        (m_present[i] ? m_coverageValid : m_coverageMissing)[qsizetype(i)] += 1;
        kinds.append(m_fields[qsizetype(i)].destination);
    }
    if (!listed || any)
        return {};
    return QCoreApplication::translate("sluice::engine", "no identifier the platform can match on: %1 all empty").arg(kinds.join(QStringLiteral(", ")));
}

QString RecordMapper::matchValue() const
{
    return m_matchIndex >= 0 ? source::toText(m_matchValue) : QString();
}

QJsonObject RecordMapper::coverage() const
{
    QJsonObject out;
    for (size_t i = 0; i < m_identifier.size(); ++i)
        if (m_identifier[i])
            out.insert(m_fields[qsizetype(i)].destination, QJsonObject{{QStringLiteral("valid"), double(m_coverageValid[qsizetype(i)])},
                                                                      {QStringLiteral("missing"), double(m_coverageMissing[qsizetype(i)])}});
    return out;
}

} // namespace sluice::engine
