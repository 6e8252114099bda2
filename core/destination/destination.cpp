#include "destination/destination.h"

#include <limits>

#include "destination/braze_destination.h"
#include "destination/file_destination.h"
#include "destination/google_destination.h"
#include "destination/hubspot_destination.h"
#include "destination/intercom_destination.h"
#include "destination/iterable_destination.h"
#include "destination/linkedin_destination.h"
#include "destination/meta_destination.h"
#include "destination/klaviyo_destination.h"
#include "destination/mixpanel_destination.h"
#include "destination/oauth_tokens.h"
#include "destination/salesforce_destination.h"
#include "destination/table_destination.h"
#include "destination/webhook_destination.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace sluice::destination {

Operation Operation::make(QString key, OpKind kind, const QJsonObject &fields, QString hash)
{
    return {std::move(key), kind, fields.isEmpty() ? QByteArray() : QJsonDocument(fields).toJson(QJsonDocument::Compact), std::move(hash), false};
}

QJsonObject Operation::fields() const
{
    return fieldsJson.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(fieldsJson).object();
}

Result<void> Destination::deliverRun(OperationSource &source, const DeliveryContext &context)
{
    if (Result<void> r = source.rewind(); !r)
        return r;
    // One read: the engine settles against what the last read brought.
    QList<Operation> all;
    if (!source.next(std::numeric_limits<qsizetype>::max(), all))
        return {};
    return deliver(all, context);
}

Result<void> creatableFile(const QString &path, const QString &owner)
{
    if (QFileInfo::exists(path))
        return {};
    QDir dir = QFileInfo(path).absoluteDir();
    while (!dir.exists() && !dir.isRoot())
        dir.setPath(QFileInfo(dir.absolutePath()).absolutePath());
    if (!QFileInfo(dir.absolutePath()).isWritable())
        return Error{QCoreApplication::translate("sluice::destination", "%1: cannot create %2: folder %3 is not writable").arg(owner, path, dir.absolutePath()),
                     Error::Kind::Unreachable};
    return {};
}

QString opName(OpKind kind)
{
    switch (kind) {
    case OpKind::Upsert: return QStringLiteral("upsert");
    case OpKind::Update: return QStringLiteral("update");
    case OpKind::Insert: return QStringLiteral("insert");
    case OpKind::Delete: return QStringLiteral("delete");
    case OpKind::Append: return QStringLiteral("append");
    }
    return {};
}

namespace {

// A destination's HTTP settings, its rate limiter named after it.
HttpSettings accountSettings(const workspace::DestinationConfig &config, const HttpSettings &defaults)
{
    HttpSettings s = HttpSettings::from(config.raw, defaults);
    s.account = QStringLiteral("destination:") + config.name;
    return s;
}

Result<std::unique_ptr<Destination>> createSalesforce(const workspace::DestinationConfig &config, const workspace::Workspace &workspace,
                                                      const QString &owner)
{
    HttpSettings defaults;
    defaults.batchSize = 200; // sObject Collections take at most 200 records
    defaults.concurrency = 4;
    const HttpSettings settings = accountSettings(config, defaults);
    const QUrl base(config.raw.value(QStringLiteral("base_url")).toString());
    const QString version = config.raw.value(QStringLiteral("api_version")).toString(QStringLiteral("62.0"));
    QByteArray token;
    std::shared_ptr<OAuthTokenProvider> oauth;
    if (auto ref = workspace::parseSecretRef(config.raw.value(QStringLiteral("token")))) {
        Result<QString> secret = workspace.resolveSecret(*ref, owner + QStringLiteral(": token"));
        if (!secret)
            return secret.error();
        token = secret.value().toUtf8();
        if (base.isEmpty())
            return configError(QCoreApplication::translate("sluice::destination", "%1: with \"token\", set \"base_url\" to the org's My Domain URL, such as "
                                                                                  "https://acme.my.salesforce.com")
                                   .arg(owner));
    } else if (config.raw.value(QStringLiteral("oauth")).isObject()) {
        Result<OAuthSettings> s = OAuthSettings::from(config.raw.value(QStringLiteral("oauth")).toObject(), workspace, owner);
        if (!s)
            return s.error();
        oauth = OAuthTokenProvider::shared(owner, s.value(), settings);
    } else {
        return configError(QCoreApplication::translate("sluice::destination", "%1: Salesforce needs \"token\" or \"oauth\" (token_url, client_id, "
                                                                              "client_secret or private_key, username or refresh_token)")
                               .arg(owner));
    }
    return std::unique_ptr<Destination>(
        new SalesforceDestination(config.name, std::make_unique<SalesforceSession>(base, version, token, oauth), settings,
                                  config.raw.value(QStringLiteral("bulk_threshold")).toInt(10000)));
}

} // namespace

namespace {

using Made = Result<std::unique_ptr<Destination>>;

Made makeFile(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    Q_UNUSED(owner);
    return std::unique_ptr<Destination>(new FileDestination(
        config.name, workspace.resolvePath(config.raw.value(QStringLiteral("path")).toString()), config.type == QLatin1String("csv")));
}

Made makeWebhook(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    QString address = config.raw.value(QStringLiteral("url")).toString();
    if (address.isEmpty())
        address = config.raw.value(QStringLiteral("base_url")).toString();
    const QUrl url(address);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return configError(QCoreApplication::translate("sluice::destination", "%1: \"%2\" is not an http(s) URL").arg(owner, address));
    QHash<QByteArray, QByteArray> headers;
    const QJsonObject h = config.raw.value(QStringLiteral("headers")).toObject();
    for (auto it = h.begin(); it != h.end(); ++it) {
        if (auto ref = workspace::parseSecretRef(it.value())) {
            Result<QString> secret = workspace.resolveSecret(*ref, owner + QStringLiteral(": header ") + it.key());
            if (!secret)
                return secret.error();
            headers.insert(it.key().toUtf8(), secret.value().toUtf8());
        } else {
            headers.insert(it.key().toUtf8(), it.value().toString().toUtf8());
        }
    }
    return std::unique_ptr<Destination>(new WebhookDestination(config.name, url, headers, accountSettings(config, HttpSettings())));
}

Made makeHubspot(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    const QUrl base(config.raw.value(QStringLiteral("base_url")).toString(QStringLiteral("https://api.hubapi.com")));
    Result<QString> token = workspace.resolveSecret(*workspace::parseSecretRef(config.raw.value(QStringLiteral("token"))), owner + QStringLiteral(": token"));
    if (!token)
        return token.error();
    HttpSettings defaults;
    defaults.batchSize = 100;
    defaults.rateRequests = 100; // OAuth apps' ten-second limit; private apps may set up to 190
    defaults.ratePerSeconds = 10;
    return std::unique_ptr<Destination>(new HubSpotDestination(config.name, base, token.value().toUtf8(), accountSettings(config, defaults)));
}

Made makeBraze(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    const QString address = config.raw.value(QStringLiteral("base_url")).toString();
    if (address.isEmpty()) // Braze has one REST endpoint per instance: it must be named
        return configError(QCoreApplication::translate("sluice::destination", "%1: set \"base_url\" to your Braze REST endpoint, such as https://rest.iad-01.braze.com")
                               .arg(owner));
    Result<QString> key = workspace.resolveSecret(*workspace::parseSecretRef(config.raw.value(QStringLiteral("api_key"))), owner + QStringLiteral(": api_key"));
    if (!key)
        return key.error();
    HttpSettings defaults;
    defaults.batchSize = 75;
    defaults.rateRequests = 3000; // documented base limit: 3,000 requests per 3 s
    defaults.ratePerSeconds = 3;
    return std::unique_ptr<Destination>(new BrazeDestination(config.name, QUrl(address), key.value().toUtf8(), accountSettings(config, defaults)));
}

Made makeSalesforce(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    return createSalesforce(config, workspace, owner);
}

Made makeMixpanel(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    Result<QString> token = workspace.resolveSecret(*workspace::parseSecretRef(config.raw.value(QStringLiteral("project_token"))),
                                                    owner + QStringLiteral(": project_token"));
    if (!token)
        return token.error();
    HttpSettings defaults;
    defaults.batchSize = 2000;
    defaults.maxBatchBytes = 2 * 1024 * 1024; // the documented request limit
    const QUrl base(config.raw.value(QStringLiteral("base_url")).toString(QStringLiteral("https://api.mixpanel.com")));
    return std::unique_ptr<Destination>(new MixpanelDestination(config.name, base, token.value().toUtf8(), accountSettings(config, defaults)));
}

Made makeKlaviyo(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    Result<QString> key = workspace.resolveSecret(*workspace::parseSecretRef(config.raw.value(QStringLiteral("api_key"))), owner + QStringLiteral(": api_key"));
    if (!key)
        return key.error();
    HttpSettings defaults;
    defaults.batchSize = 10000;               // profiles a job takes
    defaults.maxBatchBytes = 5 * 1024 * 1024; // and its payload limit
    JobSettings job;
    job.maxWaitSeconds = config.raw.value(QStringLiteral("max_job_wait_s")).toInt(job.maxWaitSeconds);
    const QUrl base(config.raw.value(QStringLiteral("base_url")).toString(QStringLiteral("https://a.klaviyo.com")));
    return std::unique_ptr<Destination>(new KlaviyoDestination(config.name, base, key.value().toUtf8(),
                                                               config.raw.value(QStringLiteral("revision")).toString(QStringLiteral("2026-10-15")),
                                                               accountSettings(config, defaults), job));
}

Made makeIntercom(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    Result<QString> token = workspace.resolveSecret(*workspace::parseSecretRef(config.raw.value(QStringLiteral("token"))), owner + QStringLiteral(": token"));
    if (!token)
        return token.error();
    HttpSettings defaults;
    defaults.batchSize = 1;         // one contact a request
    defaults.rateRequests = 1666;   // 10,000 a minute, enforced over 10-second windows
    defaults.ratePerSeconds = 10;
    const QUrl base(config.raw.value(QStringLiteral("base_url")).toString(QStringLiteral("https://api.intercom.io")));
    return std::unique_ptr<Destination>(new IntercomDestination(config.name, base, token.value().toUtf8(),
                                                                config.raw.value(QStringLiteral("api_version")).toString(QStringLiteral("2.11")),
                                                                accountSettings(config, defaults)));
}

Made makeGoogleAds(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    const QJsonObject account = config.raw.value(QStringLiteral("operating_account")).toObject();
    const QString type = account.value(QStringLiteral("account_type")).toString(QStringLiteral("GOOGLE_ADS"));
    const QString id = account.value(QStringLiteral("account_id")).toString();
    if (id.isEmpty() || !config.raw.value(QStringLiteral("oauth")).isObject())
        return configError(QCoreApplication::translate("sluice::destination", "%1: Google Customer Match needs \"oauth\" (token_url, client_id, and "
                                                                              "client_secret with refresh_token, or private_key with username) and "
                                                                              "\"operating_account\": {\"account_type\": \"GOOGLE_ADS\", \"account_id\": \"...\"}")
                               .arg(owner));
    HttpSettings defaults;
    defaults.batchSize = 10000; // members a request
    defaults.concurrency = 2;
    const HttpSettings settings = accountSettings(config, defaults);
    Result<OAuthSettings> oauth = OAuthSettings::from(config.raw.value(QStringLiteral("oauth")).toObject(), workspace, owner);
    if (!oauth)
        return oauth.error();
    const QUrl base(config.raw.value(QStringLiteral("base_url")).toString(QStringLiteral("https://datamanager.googleapis.com")));
    return std::unique_ptr<Destination>(
        new GoogleDestination(config.name, base, OAuthTokenProvider::shared(owner, oauth.value(), settings), type, QString(id).remove(QLatin1Char('-')), settings));
}

Made makeLinkedin(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    Result<QString> token = workspace.resolveSecret(*workspace::parseSecretRef(config.raw.value(QStringLiteral("token"))), owner + QStringLiteral(": token"));
    if (!token)
        return token.error();
    HttpSettings defaults;
    defaults.batchSize = 5000; // users a BATCH_CREATE takes
    defaults.concurrency = 2;
    const QUrl base(config.raw.value(QStringLiteral("base_url")).toString(QStringLiteral("https://api.linkedin.com")));
    return std::unique_ptr<Destination>(new LinkedInDestination(config.name, base, token.value().toUtf8(),
                                                                config.raw.value(QStringLiteral("api_version")).toString(QStringLiteral("202610")),
                                                                accountSettings(config, defaults)));
}

Made makeMeta(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    Result<QString> token = workspace.resolveSecret(*workspace::parseSecretRef(config.raw.value(QStringLiteral("token"))), owner + QStringLiteral(": token"));
    if (!token)
        return token.error();
    HttpSettings defaults;
    defaults.batchSize = 10000; // members a request
    defaults.concurrency = 2;
    const QUrl base(config.raw.value(QStringLiteral("base_url")).toString(QStringLiteral("https://graph.facebook.com")));
    return std::unique_ptr<Destination>(new MetaDestination(config.name, base, token.value().toUtf8(),
                                                            config.raw.value(QStringLiteral("api_version")).toString(QStringLiteral("v23.0")),
                                                            accountSettings(config, defaults)));
}

Made makeIterable(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    Result<QString> key = workspace.resolveSecret(*workspace::parseSecretRef(config.raw.value(QStringLiteral("api_key"))), owner + QStringLiteral(": api_key"));
    if (!key)
        return key.error();
    HttpSettings defaults;
    defaults.batchSize = 1000;
    defaults.rateRequests = 5; // bulkUpdate's documented limit per project
    defaults.ratePerSeconds = 1;
    const QUrl base(config.raw.value(QStringLiteral("base_url")).toString(QStringLiteral("https://api.iterable.com")));
    return std::unique_ptr<Destination>(new IterableDestination(config.name, base, key.value().toUtf8(), accountSettings(config, defaults)));
}

Made makeTable(const workspace::DestinationConfig &config, const workspace::Workspace &workspace, const QString &owner)
{
    TableDestination::Settings s;
    s.name = config.name;
    s.createTable = config.raw.value(QStringLiteral("create_table")).toBool(false);
    s.batchSize = qBound(1, config.raw.value(QStringLiteral("batch_size")).toInt(1000), 100000);
    s.schema = config.raw.value(QStringLiteral("schema")).toString();
    if (config.type == QLatin1String("sqlite")) {
        s.qtDriver = QStringLiteral("QSQLITE");
        s.database = workspace.resolvePath(config.raw.value(QStringLiteral("path")).toString());
    } else {
        s.qtDriver = QStringLiteral("QPSQL");
        s.host = config.raw.value(QStringLiteral("host")).toString(QStringLiteral("127.0.0.1"));
        s.port = config.raw.value(QStringLiteral("port")).toInt(0);
        s.database = config.raw.value(QStringLiteral("database")).toString();
        s.user = config.raw.value(QStringLiteral("user")).toString();
        if (auto ref = workspace::parseSecretRef(config.raw.value(QStringLiteral("password")))) {
            Result<QString> secret = workspace.resolveSecret(*ref, owner + QStringLiteral(": password"));
            if (!secret)
                return secret.error();
            s.password = secret.value();
        }
    }
    return std::unique_ptr<Destination>(new TableDestination(s));
}

} // namespace

Result<std::unique_ptr<Destination>> Destination::create(const workspace::DestinationConfig &config,
                                                         const workspace::Workspace &workspace)
{
    const QString owner = QCoreApplication::translate("sluice::destination", "destination %1").arg(config.name);
    // One small maker per connector type.
    static const QHash<QString, Made (*)(const workspace::DestinationConfig &, const workspace::Workspace &, const QString &)> makers{
        {QStringLiteral("jsonl"), &makeFile},
        {QStringLiteral("csv"), &makeFile},
        {QStringLiteral("webhook"), &makeWebhook},
        {QStringLiteral("hubspot"), &makeHubspot},
        {QStringLiteral("braze"), &makeBraze},
        {QStringLiteral("salesforce"), &makeSalesforce},
        {QStringLiteral("mixpanel"), &makeMixpanel},
        {QStringLiteral("klaviyo"), &makeKlaviyo},
        {QStringLiteral("intercom"), &makeIntercom},
        {QStringLiteral("google_ads"), &makeGoogleAds},
        {QStringLiteral("linkedin"), &makeLinkedin},
        {QStringLiteral("meta"), &makeMeta},
        {QStringLiteral("iterable"), &makeIterable},
        {QStringLiteral("postgres"), &makeTable},
        {QStringLiteral("sqlite"), &makeTable},
    };
    if (const auto maker = makers.value(config.type))
        return maker(config, workspace, owner);
    return configError(QCoreApplication::translate("sluice::destination", "%1: the %2 destination is not available in this build yet")
                           .arg(owner, config.type));
}

} // namespace sluice::destination
