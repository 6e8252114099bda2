#include "test_helpers.h"

#include <QFile>
#include <QProcess>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace sluice::test {

qint64 residentKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

bool openssl(const QStringList &args, QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0) {
        *error = QString::fromLocal8Bit(p.readAll());
        return false;
    }
    return true;
}

bool rs256SignatureHolds(const QByteArray &publicKeyPem, const QByteArray &signingInput, const QByteArray &signature)
{
    std::unique_ptr<BIO, int (*)(BIO *)> bio(BIO_new_mem_buf(publicKeyPem.constData(), int(publicKeyPem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY *)> key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX *)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!key || !ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()), size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(signingInput.constData()), size_t(signingInput.size()))
           == 1;
}

namespace {

// Decodes the escape after a backslash at sql[i] (i points at the character
// after it); false on an escape GoogleSQL does not know.
bool decodeEscape(const QString &sql, qsizetype &i, QString &out, bool googleSql)
{
    const QChar c = sql[i];
    auto hex = [&](int digits) {
        bool ok = false;
        const uint code = sql.mid(i + 1, digits).toUInt(&ok, 16);
        if (!ok || i + digits >= sql.size())
            return false;
        out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
        i += digits;
        return true;
    };
    switch (c.unicode()) {
    case 'n': out += QLatin1Char('\n'); return true;
    case 'r': out += QLatin1Char('\r'); return true;
    case 't': out += QLatin1Char('\t'); return true;
    case 'b': out += QLatin1Char('\b'); return true;
    case 'f': out += QLatin1Char('\f'); return true;
    case 'x': case 'X': return hex(2);
    case 'u': return hex(4);
    case '\\': case '\'': case '"': case '`': case '?': out += c; return true;
    default:
        if (googleSql)
            return false;
        out += c; // Snowflake: any other escaped character stands for itself
        return true;
    }
}

} // namespace

QString backslashLiteralsToPostgres(const QString &sql, bool googleSql, QString *error)
{
    QString out;
    out.reserve(sql.size());
    bool literalJustEnded = false;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql[i];
        if (c == QLatin1Char('"') || c == QLatin1Char('`')) { // a quoted name, copied as it is
            const qsizetype end = sql.indexOf(c, i + 1);
            const qsizetype stop = end < 0 ? sql.size() - 1 : end;
            out += sql.mid(i, stop - i + 1);
            i = stop;
            literalJustEnded = false;
            continue;
        }
        if (c == QLatin1Char('-') && sql.mid(i, 2) == QLatin1String("--")) {
            const qsizetype end = sql.indexOf(QLatin1Char('\n'), i);
            const qsizetype stop = end < 0 ? sql.size() - 1 : end;
            out += sql.mid(i, stop - i + 1);
            i = stop;
            continue;
        }
        if (c != QLatin1Char('\'')) {
            out += c;
            if (!c.isSpace())
                literalJustEnded = false;
            continue;
        }
        if (googleSql && literalJustEnded && out.endsWith(QLatin1Char('\''))) {
            *error = QStringLiteral("Syntax error: concatenated string literals must be separated by whitespace or comments at [1:%1]").arg(i + 1);
            return {};
        }
        QString text;
        qsizetype j = i + 1;
        bool closed = false;
        for (; j < sql.size(); ++j) {
            const QChar d = sql[j];
            if (d == QLatin1Char('\\') && j + 1 < sql.size()) {
                ++j;
                if (!decodeEscape(sql, j, text, googleSql)) {
                    *error = QStringLiteral("Syntax error: Illegal escape sequence: \\%1 at [1:%2]").arg(sql[j]).arg(j);
                    return {};
                }
            } else if (d == QLatin1Char('\'')) {
                if (!googleSql && j + 1 < sql.size() && sql[j + 1] == QLatin1Char('\'')) {
                    text += d;
                    ++j;
                    continue;
                }
                closed = true;
                break;
            } else if (googleSql && (d == QLatin1Char('\n') || d == QLatin1Char('\r'))) {
                break;
            } else {
                text += d;
            }
        }
        if (!closed) {
            *error = QStringLiteral("Syntax error: Unclosed string literal at [1:%1]").arg(i + 1);
            return {};
        }
        if (text.contains(QChar(0))) {
            *error = QStringLiteral("invalid byte sequence: a string literal holds NUL");
            return {};
        }
        text.replace(QLatin1Char('\''), QStringLiteral("''"));
        out += QLatin1Char('\'') + text + QLatin1Char('\'');
        i = j;
        literalJustEnded = true;
    }
    return out;
}

} // namespace sluice::test
