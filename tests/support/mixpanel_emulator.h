#pragma once

#include "emulator_server.h"

#include <QJsonObject>

namespace sluice::test {

// Mixpanel's profile ingestion (/engage) for one project, as its public
// documentation describes it: a JSON array of at most 2000 updates (400
// otherwise), each with the project's `$token` and a non-empty
// `$distinct_id`, and `$set` (an object) or `$delete`. With `verbose=1` the answer is
// {"status": 1, "error": null}, or status 0 and the error (HTTP 200 for a
// wrong token, as Mixpanel answers 200 even when it refuses data; 400 for a
// malformed batch). A project whose ingestion is blocked answers 403.
// A one-second window of `limit` requests, past which 429.
class MixpanelEmulator final : public EmulatorServer
{
public:
    explicit MixpanelEmulator(QString projectToken, int requestsPerSecond = 1000, quint16 port = 0);
    ~MixpanelEmulator() override;

    void refuse(const QHash<QString, QString> &errors); // distinct id -> Mixpanel's error for a batch carrying it
    void setBlocked(bool blocked);
    void setRateLimit(int requestsPerSecond);
    QHash<QString, QJsonObject> profiles() const;
    QHash<QString, int> writes() const;
    int throttled() const;
    int maxInWindow() const;

protected:
    Response handle(const Request &request) override;

private:
    QString m_token;
    bool m_blocked = false;
    RateWindow m_window;
    QHash<QString, QJsonObject> m_profiles;
    QHash<QString, int> m_writes;
    QHash<QString, QString> m_refuse;
};

} // namespace sluice::test
