#pragma once

#include "source/row_view.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>


// A mapped record leaves the engine as compact JSON ({"email": "...", ...},
// fields in mapping order), and its content hash is taken over exactly
// those bytes plus the mapping's fingerprint (XXH3-128: a change detector,
// not a secret, and ~20x faster than SHA-256 here): one serialization serves the
// diff and the wire, and a changed mapping changes every hash it affects.
namespace sluice::engine {

struct Digest
{
    quint64 high = 0, low = 0;
    bool operator==(const Digest &) const = default;
    QString toHex() const;
    static Digest fromHex(QStringView hex); // the 32 hex digits the state stores
};

class RecordWriter final
{
public:
    RecordWriter(const QStringList &fieldNames, const QString &mappingFingerprint);
    ~RecordWriter();
    RecordWriter(const RecordWriter &) = delete;
    RecordWriter &operator=(const RecordWriter &) = delete;

    // Serializes one record; json() and digest() describe it until the next call.
    void write(const QVariantList &values);
    // The same, a field at a time: begin(), then for each field in order
    // field(i) and its value appended to the buffer begin() returned, then finish().
    QByteArray &begin()
    {
        m_json.resize(0);
        return m_json;
    }
    void field(qsizetype i) { source::appendBytes(m_json, m_prefixes[i].constData(), m_prefixes[i].size()); }
    void finish();
    const QByteArray &json() const { return m_json; }
    Digest digest() const { return m_digest; }

private:
    QList<QByteArray> m_prefixes; // {"name": and ,"name":
    QByteArray m_fingerprint;
    QByteArray m_json;
    Digest m_digest;
};

} // namespace sluice::engine
