#pragma once

// The connector suite's fixture, shared by tst_connectors.cpp (the behaviours
// asked of every connector) and tst_connectors_tools.cpp (each tool's own).
#include "connector_rows.h"
#include "hubspot_emulator.h"
#include "klaviyo_emulator.h"
#include "salesforce_emulator.h"
#include "workspace/workspace_init.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSet>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace sluice;

namespace sluice::test::connectors {

inline constexpr int kRows = 300;
inline const QByteArray kSecret = kConnectorSecret;

inline QJsonObject counts(const QJsonObject &run)
{
    return run.value(QStringLiteral("counts")).toObject();
}

// Records a tool refused because it already keeps their details under another
// record (Intercom de-duplicates contacts on e-mail too): the demo's shared
// inboxes meet them; they are rejected, never merged.
inline int conflictsAtTool(const QJsonObject &run)
{
    int n = 0;
    for (const QJsonValue &v : run.value(QStringLiteral("rejections")).toArray())
        n += v.toObject().value(QStringLiteral("reason")).toString().contains(QStringLiteral("identity conflict at")) ? 1 : 0;
    return n;
}

} // namespace sluice::test::connectors

using namespace sluice::test::connectors;

class TestConnectors final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void firstSyncEqualsTheModelAndASecondSendsNothing_data() { connectors(); }
    void firstSyncEqualsTheModelAndASecondSendsNothing();
    void refusedRecordsCarryTheToolsWordsAndAreRetried_data() { connectors(); }
    void refusedRecordsCarryTheToolsWordsAndAreRetried();
    void rateLimitStormDeliversEachRecordOnce_data() { connectors(); }
    void rateLimitStormDeliversEachRecordOnce();
    void serverErrorsAndDroppedConnectionsAreRetried_data() { connectors(); }
    void serverErrorsAndDroppedConnectionsAreRetried();
    void wrongCredentialsFailTheRunAndRejectNothing_data() { connectors(); }
    void wrongCredentialsFailTheRunAndRejectNothing();
    void checkTellsABadSecretFromAnUnreachableHost_data() { connectors(); }
    void checkTellsABadSecretFromAnUnreachableHost();
    void firstWriteMatchesItsGoldenFile_data() { connectors(); }
    void firstWriteMatchesItsGoldenFile();
    void hubspotBodiesAreWhatHubSpotDocuments();
    void hubspotFieldsItLacksOrRefusesAreCaughtBeforeSending();
    void brazeBodiesAreWhatBrazeDocuments();
    void hubspotWithoutPropertiesApiStillSyncs();
    void hubspotListsItsObjectsWithTheCustomOnes();
    void salesforceListsTheSObjectsASyncCanWrite();
    void salesforceBodiesAreWhatSalesforceDocuments();
    void salesforceOAuthRenewsAnExpiredSessionMidRun();
    void salesforceDailyLimitEndsTheRunAndTheRestGoesNext();
    void salesforceLimitsFromDescribeHoldRecordsBeforeSending();
    void salesforceBackfillsGoThroughBulkApi();
    void salesforceBulkJobFailingPartWaySendsOnlyWhatItDidNotProcess_data();
    void salesforceBulkJobFailingPartWaySendsOnlyWhatItDidNotProcess();
    void iterableBodiesAreWhatIterableDocuments();
    void iterableFieldsItDropsAreRejectedNotLost();
    void mixpanelBodiesAreWhatMixpanelDocuments();
    void mixpanelMirrorRemovesProfilesThatLeaveTheModel();
    void klaviyoJobsAreSubmittedPolledAndTheirErrorsReadPageByPage();
    void intercomUpdatesItsOwnContactsAndNeverMergesAnother();

private:
    struct Run
    {
        int code = -1;
        QJsonObject json;
        QByteArray err;
    };
    static void connectors();
    void use(const QString &name);
    Run sluice(const QStringList &args, const QStringList &env = {});
    void writeConfig(const QString &baseUrl, const QJsonObject &destinationExtra = {}, const QJsonArray &extraFields = {});
    // id in the tool -> first name, for every model row the run did not hold back
    QHash<QString, QString> expected(const QJsonObject &run);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Connector> m_connector;
    QString m_ws;
};
