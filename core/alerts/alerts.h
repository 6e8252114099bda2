#pragma once

#include "store/state_store.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace sluice::workspace {
class Workspace;
}

// Alerts: each sync is held to a few rules (a run failed; too many records
// rejected; data too stale; too few matched; the row count far from its
// recent median; the model's schema drifted). After every run each rule is
// checked against it; a rule that starts failing fires once, a recovery
// notice follows once it clears, a rule that stays failing is repeated with
// a growing pause, and a rule that flaps is held quiet. Notices that one run
// causes go out together, merged with those of runs that finish at the
// same moment, to the webhooks of sluice.json's "alerts", and every one is
// recorded (`sluice alerts`).
namespace sluice::alerts {

struct Rules
{
    bool runFailed = true;
    std::optional<double> rejectionRateAbove = 0.01;
    std::optional<qint64> freshnessLagAboveSeconds = 3600;
    std::optional<double> matchRateBelow = 0.85;
    std::optional<double> rowCountChangeAbove = 0.5;
    bool schemaDrift = true;
};

// The defaults, then the workspace's "alerts": {"rules"}, then the sync's "alerts".
Rules rulesFor(const workspace::Workspace &workspace, const QString &sync);

// How notices are paced: a rule still failing is repeated after an hour,
// then after twice as long each time, at most daily; a rule that changed
// state `flapChanges` times within `flapWindowSeconds` says so once and is
// quiet until it settles.
struct Policy
{
    qint64 firstRepeatSeconds = 3600;
    qint64 maxRepeatSeconds = 24 * 3600;
    int flapChanges = 4;
    qint64 flapWindowSeconds = 3600;
    // Before posting, a run waits this long for other syncs finishing at the
    // same moment (a warehouse outage fails them all): the first to post
    // sends every notice recorded meanwhile, as one message.
    int mergeMs = 2000;
};

enum class Notice { None, Fired, Recovered, Repeated, Flapping };
QString toString(Notice notice);
Notice noticeFrom(const QString &kind); // the inverse; None for a word it does not know

// One rule's state machine: given whether the rule is breached now, moves
// the state and says which notice (if any) to give.
Notice step(store::StateStore::AlertState &state, bool breached, const QDateTime &now, const Policy &policy = {});

// What a run says of each rule: breached or not, with the words of a notice.
// A rule a run cannot judge (no records sent, no match report) is left out.
struct Check
{
    QString rule;
    bool breached = false;
    QString message;
};
QList<Check> checks(const Rules &rules, const store::RunRecord &run, const QList<store::RunRecord> &earlier);

struct Event
{
    store::StateStore::AlertEvent event;
    Notice notice = Notice::None;
};

// After a run is recorded: steps every rule of its sync, records the notices
// and posts them to the webhooks. Returns the notices given.
QList<Event> evaluate(const workspace::Workspace &workspace, store::StateStore &store, const store::RunRecord &run, const Policy &policy = {});

// The webhook bodies: Slack's {"text"} and Sluice's own JSON.
QByteArray slackBody(const QString &workspaceName, const QList<Event> &events);
QByteArray jsonBody(const QString &workspaceName, const QList<Event> &events);

} // namespace sluice::alerts
