#include "workspace/keychain.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace sluice::workspace {

namespace {

const QString kService = QStringLiteral("sluice");
constexpr int kTimeoutMs = 20000; // a locked keychain may wait for a person; a script must not hang

// Runs a keychain job to its end on this thread (any thread: the job talks D-Bus).
bool finish(QKeychain::Job &job)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    if (!done)
        loop.exec();
    return done;
}

Error keychainError(const QKeychain::Job &job, const QString &name, const QString &owner)
{
    // Without a session bus there is no Secret Service, whatever the backend says.
    const bool noService = !QDBusConnection::sessionBus().isConnected();
    switch (noService ? QKeychain::NoBackendAvailable : job.error()) {
    case QKeychain::EntryNotFound:
        return configError(QCoreApplication::translate("sluice::workspace", "%1: the keychain has no secret \"%2\" (service sluice); store it there, or use {\"env\": ...} or {\"file\": ...}")
                               .arg(owner, name));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return configError(QCoreApplication::translate("sluice::workspace", "%1: keychain secret \"%2\": no keychain service (Secret Service or KWallet) is running; "
                              "start one, or use {\"env\": ...} or {\"file\": ...}")
                               .arg(owner, name));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return configError(QCoreApplication::translate("sluice::workspace", "%1: the keychain refused access to secret \"%2\" (%3)").arg(owner, name, job.errorString()));
    default:
        return configError(QCoreApplication::translate("sluice::workspace", "%1: keychain secret \"%2\": %3").arg(owner, name, job.errorString()));
    }
}

} // namespace

Result<QString> readKeychain(const QString &name, const QString &owner)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(name);
    job.setInsecureFallback(false);
    if (!finish(job))
        return configError(QCoreApplication::translate("sluice::workspace", "%1: keychain secret \"%2\": the keychain did not answer within %3 s (is it locked?)")
                               .arg(owner, name)
                               .arg(kTimeoutMs / 1000));
    if (job.error() != QKeychain::NoError)
        return keychainError(job, name, owner);
    return job.textData();
}

Result<void> writeKeychain(const QString &name, const QString &value)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(name);
    job.setInsecureFallback(false);
    job.setTextData(value);
    if (!finish(job))
        return configError(QCoreApplication::translate("sluice::workspace", "keychain secret \"%1\": the keychain did not answer within %2 s (is it locked?)").arg(name).arg(kTimeoutMs / 1000));
    if (job.error() != QKeychain::NoError)
        return keychainError(job, name, QCoreApplication::translate("sluice::workspace", "storing a secret"));
    return {};
}

Result<void> deleteKeychain(const QString &name)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(name);
    job.setInsecureFallback(false);
    if (!finish(job))
        return configError(QCoreApplication::translate("sluice::workspace", "keychain secret \"%1\": the keychain did not answer within %2 s").arg(name).arg(kTimeoutMs / 1000));
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keychainError(job, name, QCoreApplication::translate("sluice::workspace", "deleting a secret"));
    return {};
}

} // namespace sluice::workspace
