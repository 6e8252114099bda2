#pragma once

#include "emulator_server.h"

#include <QElapsedTimer>
#include <QJsonObject>

#include <deque>

namespace sluice::test {

// Braze's POST /users/track as its documentation describes it: a REST API
// key as Bearer (401 otherwise; 403 for a key without users.track), JSON
// only, at most 75 attribute objects, each naming its user by external_id
// or email; an object it refuses is listed in `errors` ({type, input_array,
// index}) of a 201 answer, or of a 400 when none was valid; a window of
// `limit` requests per three seconds, past which 429 with X-RateLimit-Limit,
// X-RateLimit-Remaining and X-RateLimit-Reset (a Unix time).
class BrazeEmulator final : public EmulatorServer
{
public:
    explicit BrazeEmulator(QString apiKey, int requestsPer3s = 3000, quint16 port = 0);
    ~BrazeEmulator() override;

    void refuse(const QHash<QString, QString> &types); // identifier -> Braze's error type
    void setPermission(bool canTrack);
    void setRateLimit(int requestsPer3s);
    QHash<QString, QJsonObject> users() const; // identifier -> attributes
    QHash<QString, int> writes() const;
    int throttled() const;
    int maxInWindow() const;

protected:
    Response handle(const Request &request) override;

private:
    QString m_key;
    int m_limit;
    bool m_canTrack = true;
    QHash<QString, QJsonObject> m_users;
    QHash<QString, int> m_writes;
    QHash<QString, QString> m_refuse;
    std::deque<qint64> m_window;
    QElapsedTimer m_clock;
    int m_throttled = 0;
    int m_maxInWindow = 0;
};

} // namespace sluice::test
