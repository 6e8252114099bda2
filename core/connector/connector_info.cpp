#include "connector/connector_info.h"

#include "destination/google_destination.h"
#include "destination/linkedin_destination.h"
#include "destination/meta_destination.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

#include <cmath>

namespace sluice::connector {

namespace {

using K = Setting::Kind;

// The HTTP delivery settings every HTTP destination shares (see destination/http_delivery.h).
QList<Setting> httpSettings(int defaultBatch, int maxBatch)
{
    return {
        {QStringLiteral("base_url"), K::Url, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Base URL"),
         QT_TRANSLATE_NOOP("sluice::connector", "A regional endpoint, a proxy or a local sandbox"), true},
        {QStringLiteral("batch_size"), K::Integer, false, defaultBatch, 1, double(maxBatch), QT_TRANSLATE_NOOP("sluice::connector", "Batch size"),
         QT_TRANSLATE_NOOP("sluice::connector", "Records per request"), true},
        {QStringLiteral("max_batch_bytes"), K::Integer, false, 4 * 1024 * 1024, 1024, 1e9, QT_TRANSLATE_NOOP("sluice::connector", "Batch bytes"),
         QT_TRANSLATE_NOOP("sluice::connector", "Largest request body, in bytes"), true},
        {QStringLiteral("concurrency"), K::Integer, false, 4, 1, 64, QT_TRANSLATE_NOOP("sluice::connector", "Requests at once"),
         QT_TRANSLATE_NOOP("sluice::connector", "Requests in flight at the same time"), true},
        {QStringLiteral("rate_limit"), K::RateLimit, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Rate limit"),
         QT_TRANSLATE_NOOP("sluice::connector", "At most this many requests per this many seconds"), true},
        {QStringLiteral("timeout_s"), K::Integer, false, 30, 1, 3600, QT_TRANSLATE_NOOP("sluice::connector", "Timeout (s)"),
         QT_TRANSLATE_NOOP("sluice::connector", "Longest a whole request may take"), true},
        {QStringLiteral("max_attempts"), K::Integer, false, 6, 1, 100, QT_TRANSLATE_NOOP("sluice::connector", "Attempts"),
         QT_TRANSLATE_NOOP("sluice::connector", "Tries per batch before the run gives up"), true},
        {QStringLiteral("backoff_ms"), K::Integer, false, 500, 1, 600000, QT_TRANSLATE_NOOP("sluice::connector", "Backoff (ms)"),
         QT_TRANSLATE_NOOP("sluice::connector", "First wait between tries; it doubles each time"), true},
        {QStringLiteral("max_retry_wait_s"), K::Integer, false, 300, 0, 86400, QT_TRANSLATE_NOOP("sluice::connector", "Longest wait (s)"),
         QT_TRANSLATE_NOOP("sluice::connector", "A server asking to wait longer (Retry-After) ends the run; the batch goes next run"), true},
    };
}

Setting secret(const char *key, bool required, const char *label, const char *help)
{
    return {QString::fromLatin1(key), K::Secret, required, {}, 0, 0, label, help, false};
}

ConnectorInfo saas(const char *type, const char *label, const char *category, QList<Setting> own, int batch, int maxBatch,
                   bool list = false)
{
    ConnectorInfo info;
    info.type = QString::fromLatin1(type);
    info.label = label;
    info.category = category;
    info.settings = std::move(own);
    info.settings.append(httpSettings(batch, maxBatch));
    info.modes = list ? QStringList{QStringLiteral("mirror"), QStringLiteral("upsert")}
                      : QStringList{QStringLiteral("upsert"), QStringLiteral("update"), QStringLiteral("insert"), QStringLiteral("mirror")};
    info.listMembership = list;
    info.schemaDiscovery = !list;
    info.http = true;
    return info;
}

const QStringList allModes{QStringLiteral("upsert"), QStringLiteral("update"), QStringLiteral("insert"), QStringLiteral("mirror"),
                           QStringLiteral("append")};

// The settings of an OAuth 2.0 client (Salesforce, Google).
Setting oauthSetting()
{
    return {QStringLiteral("oauth"), K::Object, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "OAuth"),
            QT_TRANSLATE_NOOP("sluice::connector", "token_url, client_id, client_secret or private_key, username or refresh_token")};
}

// Files, databases and the webhook.
void addLocal(QList<ConnectorInfo> &out)
{
    const Setting path{QStringLiteral("path"), K::Path, true, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "File"),
                       QT_TRANSLATE_NOOP("sluice::connector", "Relative to the workspace; replaced atomically on each run")};
    out.append({QStringLiteral("jsonl"), QT_TRANSLATE_NOOP("sluice::connector", "JSON Lines file"), QT_TRANSLATE_NOOP("sluice::connector", "Files and hooks"),
                {path}, allModes, true, false, false, false});
    out.append({QStringLiteral("csv"), QT_TRANSLATE_NOOP("sluice::connector", "CSV file"), QT_TRANSLATE_NOOP("sluice::connector", "Files and hooks"),
                {path}, allModes, true, false, false, false});
    const Setting createTable{QStringLiteral("create_table"), K::Boolean, false, false, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Create the table"),
                              QT_TRANSLATE_NOOP("sluice::connector", "Create the table and missing columns")};
    const Setting tableBatch{QStringLiteral("batch_size"), K::Integer, false, 1000, 1, 100000, QT_TRANSLATE_NOOP("sluice::connector", "Batch size"),
                             QT_TRANSLATE_NOOP("sluice::connector", "Records per statement"), true};
    out.append({QStringLiteral("sqlite"), QT_TRANSLATE_NOOP("sluice::connector", "SQLite table"), QT_TRANSLATE_NOOP("sluice::connector", "Databases"),
                {{QStringLiteral("path"), K::Path, true, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Database file"),
                  QT_TRANSLATE_NOOP("sluice::connector", "Relative to the workspace")},
                 createTable, tableBatch},
                allModes, true, false, false, false});
    out.append({QStringLiteral("postgres"), QT_TRANSLATE_NOOP("sluice::connector", "PostgreSQL table"), QT_TRANSLATE_NOOP("sluice::connector", "Databases"),
                {{QStringLiteral("host"), K::String, false, QStringLiteral("127.0.0.1"), 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Host"), nullptr},
                 {QStringLiteral("port"), K::Integer, false, 5432, 1, 65535, QT_TRANSLATE_NOOP("sluice::connector", "Port"), nullptr},
                 {QStringLiteral("database"), K::String, true, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Database"), nullptr},
                 {QStringLiteral("user"), K::String, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "User"), nullptr},
                 secret("password", false, QT_TRANSLATE_NOOP("sluice::connector", "Password"), nullptr),
                 {QStringLiteral("schema"), K::String, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Schema"), nullptr, true},
                 createTable, tableBatch},
                allModes, true, false, false, false});
    ConnectorInfo webhook = saas("webhook", QT_TRANSLATE_NOOP("sluice::connector", "Webhook"), QT_TRANSLATE_NOOP("sluice::connector", "Files and hooks"),
                                 {{QStringLiteral("url"), K::Url, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "URL"),
                                   QT_TRANSLATE_NOOP("sluice::connector", "Receives POSTs in Sluice's webhook format")},
                                  {QStringLiteral("headers"), K::Headers, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Headers"),
                                   QT_TRANSLATE_NOOP("sluice::connector", "Sent with every request; values may be secret references")}},
                                 100, 100000);
    webhook.modes = allModes;
    webhook.available = true;
    webhook.schemaDiscovery = false;
    out.append(webhook);
}

// CRMs: records of an object, matched on a unique field.
void addCrm(QList<ConnectorInfo> &out)
{
    const char *crm = QT_TRANSLATE_NOOP("sluice::connector", "CRM");
    const Setting oauth = oauthSetting();
    ConnectorInfo hubspot = saas("hubspot", QT_TRANSLATE_NOOP("sluice::connector", "HubSpot"), crm,
                                 {secret("token", true, QT_TRANSLATE_NOOP("sluice::connector", "Access token"),
                                         QT_TRANSLATE_NOOP("sluice::connector", "Private-app token with crm.objects.<object>.write"))},
                                 100, 100);
    hubspot.available = true;
    hubspot.modes = {QStringLiteral("upsert"), QStringLiteral("update"), QStringLiteral("insert")};
    hubspot.needsObject = true;
    hubspot.needsMatch = true;
    out.append(hubspot);
    ConnectorInfo salesforce = saas("salesforce", QT_TRANSLATE_NOOP("sluice::connector", "Salesforce"), crm,
                                    {secret("token", false, QT_TRANSLATE_NOOP("sluice::connector", "Access token"),
                                            QT_TRANSLATE_NOOP("sluice::connector", "A session or connected-app token; or use oauth")),
                                     oauth,
                                     {QStringLiteral("api_version"), K::String, false, QStringLiteral("62.0"), 0, 0,
                                      QT_TRANSLATE_NOOP("sluice::connector", "API version"),
                                      QT_TRANSLATE_NOOP("sluice::connector", "The REST API version, such as 62.0"), true},
                                     {QStringLiteral("bulk_threshold"), K::Integer, false, 10000, 0, 1e9,
                                      QT_TRANSLATE_NOOP("sluice::connector", "Bulk API from"),
                                      QT_TRANSLATE_NOOP("sluice::connector", "Deliveries of at least this many records go through Bulk API 2.0 jobs; 0: never"), true}},
                                    200, 200);
    salesforce.available = true;
    salesforce.modes = {QStringLiteral("upsert"), QStringLiteral("insert")};
    salesforce.needsObject = true;
    salesforce.needsMatch = true;
    salesforce.jobDelivery = true; // backfills through Bulk API 2.0
    out.append(salesforce);
}

// Marketing and product tools: users or profiles, matched on an identifier.
void addMarketing(QList<ConnectorInfo> &out)
{
    const char *crm = QT_TRANSLATE_NOOP("sluice::connector", "CRM");
    const char *marketing = QT_TRANSLATE_NOOP("sluice::connector", "Marketing");
    ConnectorInfo braze = saas("braze", QT_TRANSLATE_NOOP("sluice::connector", "Braze"), marketing,
                               {secret("api_key", true, QT_TRANSLATE_NOOP("sluice::connector", "REST API key"),
                                       QT_TRANSLATE_NOOP("sluice::connector", "A REST API key with the users.track permission"))},
                               75, 75);
    braze.available = true;
    braze.modes = {QStringLiteral("upsert"), QStringLiteral("update")};
    braze.openSchema = true; // any other attribute name is a custom attribute
    out.append(braze);
    ConnectorInfo iterable = saas("iterable", QT_TRANSLATE_NOOP("sluice::connector", "Iterable"), marketing,
                                  {secret("api_key", true, QT_TRANSLATE_NOOP("sluice::connector", "API key"),
                                          QT_TRANSLATE_NOOP("sluice::connector", "A server-side API key of the project (EU projects: base_url https://api.eu.iterable.com)"))},
                                  1000, 1000);
    iterable.available = true;
    iterable.modes = {QStringLiteral("upsert")};
    iterable.needsMatch = true;
    iterable.openSchema = true; // a new field name creates the field
    out.append(iterable);
    ConnectorInfo klaviyo = saas("klaviyo", QT_TRANSLATE_NOOP("sluice::connector", "Klaviyo"), marketing,
                                 {secret("api_key", true, QT_TRANSLATE_NOOP("sluice::connector", "Private API key"),
                                         QT_TRANSLATE_NOOP("sluice::connector", "A private key with profiles:read and profiles:write")),
                                  {QStringLiteral("revision"), K::String, false, QStringLiteral("2026-10-15"), 0, 0,
                                   QT_TRANSLATE_NOOP("sluice::connector", "API revision"),
                                   QT_TRANSLATE_NOOP("sluice::connector", "The revision header sent with every request"), true},
                                  {QStringLiteral("max_job_wait_s"), K::Integer, false, 3600, 10, 86400,
                                   QT_TRANSLATE_NOOP("sluice::connector", "Longest job wait (s)"),
                                   QT_TRANSLATE_NOOP("sluice::connector", "An import job not done by then ends the run; its records go next run"), true}},
                                 10000, 10000);
    klaviyo.available = true;
    klaviyo.modes = {QStringLiteral("upsert")};
    klaviyo.needsMatch = true;
    klaviyo.openSchema = true; // other names are custom properties
    klaviyo.jobDelivery = true;
    out.append(klaviyo);
    ConnectorInfo mixpanel = saas("mixpanel", QT_TRANSLATE_NOOP("sluice::connector", "Mixpanel"), marketing,
                                  {secret("project_token", true, QT_TRANSLATE_NOOP("sluice::connector", "Project token"),
                                          QT_TRANSLATE_NOOP("sluice::connector", "The project's token (EU projects: base_url https://api-eu.mixpanel.com)"))},
                                  2000, 2000);
    mixpanel.available = true;
    // A profile is removed by its $distinct_id, kept in the state when it was delivered.
    mixpanel.modes = {QStringLiteral("upsert"), QStringLiteral("mirror")};
    mixpanel.keepsIdentities = true;
    mixpanel.identityFields = {QStringLiteral("$distinct_id")};
    mixpanel.needsMatch = true;
    mixpanel.openSchema = true;
    mixpanel.schemaDiscovery = false;
    out.append(mixpanel);
    ConnectorInfo intercom = saas("intercom", QT_TRANSLATE_NOOP("sluice::connector", "Intercom"), crm,
                                  {secret("token", true, QT_TRANSLATE_NOOP("sluice::connector", "Access token"),
                                          QT_TRANSLATE_NOOP("sluice::connector", "An access token of the workspace's app (EU: base_url https://api.eu.intercom.io)")),
                                   {QStringLiteral("api_version"), K::String, false, QStringLiteral("2.11"), 0, 0,
                                    QT_TRANSLATE_NOOP("sluice::connector", "API version"),
                                    QT_TRANSLATE_NOOP("sluice::connector", "Sent as the Intercom-Version header"), true}},
                                  1, 1);
    intercom.available = true;
    intercom.modes = {QStringLiteral("upsert")};
    intercom.needsMatch = true;
    out.append(intercom);
}

// Ad platforms: members of an audience, by hashed identifiers.
void addAudiences(QList<ConnectorInfo> &out)
{
    const char *ads = QT_TRANSLATE_NOOP("sluice::connector", "Ad audiences");
    const Setting oauth = oauthSetting();
    ConnectorInfo meta = saas("meta", QT_TRANSLATE_NOOP("sluice::connector", "Meta Custom Audiences"), ads,
                              {secret("token", true, QT_TRANSLATE_NOOP("sluice::connector", "Access token"),
                                      QT_TRANSLATE_NOOP("sluice::connector", "A system user's token with ads_management on the ad account")),
                               {QStringLiteral("api_version"), K::String, false, QStringLiteral("v23.0"), 0, 0,
                                QT_TRANSLATE_NOOP("sluice::connector", "Graph API version"), nullptr, true}},
                              10000, 10000, true);
    meta.available = true;
    meta.needsObject = true;
    meta.schemaDiscovery = true; // the identifier kinds, and which must be hashed
    meta.keepsIdentities = true;
    meta.identifierKinds = destination::metaIdentifierKinds();
    for (const QString &kind : meta.identifierKinds)
        if (destination::metaKindIsHashed(kind))
            meta.hashedKinds.append(kind);
    out.append(meta);
    ConnectorInfo google = saas("google_ads", QT_TRANSLATE_NOOP("sluice::connector", "Google Customer Match"), ads,
                                {oauth,
                                 {QStringLiteral("operating_account"), K::Object, true, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Operating account"),
                                  QT_TRANSLATE_NOOP("sluice::connector", "{\"account_type\": \"GOOGLE_ADS\", \"account_id\": \"1234567890\"}")}},
                                10000, 10000, true);
    google.available = true;
    google.needsObject = true;
    google.keepsIdentities = true;
    google.identifierKinds = destination::googleIdentifierKinds();
    for (const QString &kind : google.identifierKinds)
        if (destination::googleKindIsHashed(kind))
            google.hashedKinds.append(kind);
    out.append(google);
    ConnectorInfo linkedin = saas("linkedin", QT_TRANSLATE_NOOP("sluice::connector", "LinkedIn Matched Audiences"), ads,
                                  {secret("token", true, QT_TRANSLATE_NOOP("sluice::connector", "Access token"),
                                          QT_TRANSLATE_NOOP("sluice::connector", "A member token with rw_dmp_segments")),
                                   {QStringLiteral("api_version"), K::String, false, QStringLiteral("202610"), 0, 0,
                                    QT_TRANSLATE_NOOP("sluice::connector", "LinkedIn-Version"), QT_TRANSLATE_NOOP("sluice::connector", "YYYYMM"), true}},
                                  5000, 5000, true);
    linkedin.available = true;
    linkedin.needsObject = true;
    linkedin.keepsIdentities = true;
    linkedin.identifierKinds = destination::linkedinIdentifierKinds();
    for (const QString &kind : linkedin.identifierKinds)
        if (destination::linkedinKindIsHashed(kind))
            linkedin.hashedKinds.append(kind);
    out.append(linkedin);
}

QList<ConnectorInfo> buildDestinations()
{
    QList<ConnectorInfo> out;
    addLocal(out);
    addCrm(out);
    addMarketing(out);
    addAudiences(out);
    return out;
}

QList<ConnectorInfo> buildSources()
{
    QList<ConnectorInfo> out;
    out.append({QStringLiteral("sqlite"), QT_TRANSLATE_NOOP("sluice::connector", "SQLite"), QT_TRANSLATE_NOOP("sluice::connector", "Warehouses"),
                {{QStringLiteral("path"), K::Path, true, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Database file"), nullptr}},
                {}, true, false, true, false});
    auto server = [](int defaultPort) -> QList<Setting> { return {
        {QStringLiteral("host"), K::String, false, QStringLiteral("127.0.0.1"), 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Host"), nullptr},
        {QStringLiteral("port"), K::Integer, false, defaultPort, 1, 65535, QT_TRANSLATE_NOOP("sluice::connector", "Port"), nullptr},
        {QStringLiteral("database"), K::String, true, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Database"), nullptr},
        {QStringLiteral("user"), K::String, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "User"), nullptr},
        secret("password", false, QT_TRANSLATE_NOOP("sluice::connector", "Password"), nullptr),
        {QStringLiteral("connect_timeout_s"), K::Integer, false, 10, 1, 600, QT_TRANSLATE_NOOP("sluice::connector", "Connect timeout (s)"), nullptr, true},
    }; };
    out.append({QStringLiteral("postgres"), QT_TRANSLATE_NOOP("sluice::connector", "PostgreSQL"), QT_TRANSLATE_NOOP("sluice::connector", "Warehouses"), server(5432), {}, true, false, true, false});
    QList<Setting> redshift = server(5439);
    redshift.insert(redshift.size() - 1, {QStringLiteral("sslmode"), K::String, false, QStringLiteral("require"), 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "SSL mode"),
                                          QT_TRANSLATE_NOOP("sluice::connector", "disable, prefer, require, verify-ca or verify-full (Redshift clusters require SSL by default)"), true});
    redshift.first().help = QT_TRANSLATE_NOOP("sluice::connector", "The cluster's endpoint, as in examplecluster.abc123.us-west-2.redshift.amazonaws.com");
    out.append({QStringLiteral("redshift"), QT_TRANSLATE_NOOP("sluice::connector", "Amazon Redshift"), QT_TRANSLATE_NOOP("sluice::connector", "Warehouses"), redshift, {}, true, false, true, false});
    out.append({QStringLiteral("mysql"), QT_TRANSLATE_NOOP("sluice::connector", "MySQL / MariaDB"), QT_TRANSLATE_NOOP("sluice::connector", "Warehouses"), server(3306), {}, true, false, true, false});
    // ODBC names its server in a DSN or a connection string; user and password are added to it.
    const QList<Setting> odbc{
        {QStringLiteral("database"), K::String, true, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "DSN or connection string"),
         QT_TRANSLATE_NOOP("sluice::connector", "A data source name from odbc.ini, or a connection string such as DRIVER={PostgreSQL Unicode};SERVER=db.internal;PORT=5432;DATABASE=analytics")},
        {QStringLiteral("user"), K::String, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "User"), nullptr},
        secret("password", false, QT_TRANSLATE_NOOP("sluice::connector", "Password"), nullptr),
        {QStringLiteral("connect_timeout_s"), K::Integer, false, 10, 1, 600, QT_TRANSLATE_NOOP("sluice::connector", "Connect timeout (s)"), nullptr, true},
    };
    const QList<Setting> snowflake{
        {QStringLiteral("account"), K::String, true, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Account"),
         QT_TRANSLATE_NOOP("sluice::connector", "The account identifier, as in myorg-myaccount (the host is <account>.snowflakecomputing.com)")},
        {QStringLiteral("user"), K::String, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "User"), nullptr},
        secret("private_key", false, QT_TRANSLATE_NOOP("sluice::connector", "Private key (PEM)"),
               QT_TRANSLATE_NOOP("sluice::connector", "Key-pair authentication: the user's RSA private key; its public key is set on the user (RSA_PUBLIC_KEY)")),
        secret("token", false, QT_TRANSLATE_NOOP("sluice::connector", "OAuth token"), QT_TRANSLATE_NOOP("sluice::connector", "Instead of a key pair: an OAuth access token")),
        {QStringLiteral("database"), K::String, true, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Database"), nullptr},
        {QStringLiteral("schema"), K::String, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Schema"), nullptr},
        {QStringLiteral("warehouse"), K::String, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Warehouse"), QT_TRANSLATE_NOOP("sluice::connector", "The virtual warehouse that runs the statements")},
        {QStringLiteral("role"), K::String, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Role"), nullptr},
        {QStringLiteral("base_url"), K::Url, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Base URL"), QT_TRANSLATE_NOOP("sluice::connector", "A private-link or proxy address instead of the account's own"), true},
        {QStringLiteral("connect_timeout_s"), K::Integer, false, 10, 1, 600, QT_TRANSLATE_NOOP("sluice::connector", "Connect timeout (s)"), nullptr, true},
    };
    out.append({QStringLiteral("snowflake"), QT_TRANSLATE_NOOP("sluice::connector", "Snowflake"), QT_TRANSLATE_NOOP("sluice::connector", "Warehouses"), snowflake, {}, true, false, true, false});
    const QList<Setting> bigquery{
        {QStringLiteral("project"), K::String, true, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Project"), QT_TRANSLATE_NOOP("sluice::connector", "The Google Cloud project the queries run (and are billed) in")},
        {QStringLiteral("dataset"), K::String, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Dataset"), QT_TRANSLATE_NOOP("sluice::connector", "The default dataset for table names without one")},
        {QStringLiteral("location"), K::String, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Location"), QT_TRANSLATE_NOOP("sluice::connector", "Where the jobs run, as in US or EU")},
        secret("service_account_key", false, QT_TRANSLATE_NOOP("sluice::connector", "Service account key (JSON)"),
               QT_TRANSLATE_NOOP("sluice::connector", "The key file of a service account with BigQuery Job User and Data Viewer")),
        secret("token", false, QT_TRANSLATE_NOOP("sluice::connector", "OAuth token"), QT_TRANSLATE_NOOP("sluice::connector", "Instead of a key: an OAuth access token")),
        {QStringLiteral("base_url"), K::Url, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Base URL"), QT_TRANSLATE_NOOP("sluice::connector", "A private endpoint or proxy instead of bigquery.googleapis.com"), true},
        {QStringLiteral("token_url"), K::Url, false, {}, 0, 0, QT_TRANSLATE_NOOP("sluice::connector", "Token URL"), QT_TRANSLATE_NOOP("sluice::connector", "Instead of the key file's token_uri"), true},
        {QStringLiteral("connect_timeout_s"), K::Integer, false, 10, 1, 600, QT_TRANSLATE_NOOP("sluice::connector", "Connect timeout (s)"), nullptr, true},
    };
    out.append({QStringLiteral("bigquery"), QT_TRANSLATE_NOOP("sluice::connector", "BigQuery"), QT_TRANSLATE_NOOP("sluice::connector", "Warehouses"), bigquery, {}, true, false, true, false});
    out.append({QStringLiteral("odbc"), QT_TRANSLATE_NOOP("sluice::connector", "ODBC"), QT_TRANSLATE_NOOP("sluice::connector", "Warehouses"), odbc, {}, true, false, true, false});
    return out;
}

bool secretShaped(const QJsonValue &value)
{
    return workspace::parseSecretRef(value).has_value();
}

QString describeRange(const Setting &s)
{
    if (s.kind == K::Integer)
        return QCoreApplication::translate("sluice::connector", "a whole number from %1 to %2").arg(qint64(s.min)).arg(qint64(s.max));
    return QCoreApplication::translate("sluice::connector", "a number from %1 to %2").arg(s.min).arg(s.max);
}

void validateRateLimit(const QJsonValue &value, const QString &key, const std::function<void(const QString &, const QString &)> &fail)
{
    if (!value.isObject()) {
        fail(key, QCoreApplication::translate("sluice::connector", "\"%1\" must be an object such as {\"requests\": 100, \"per_seconds\": 10}").arg(key));
        return;
    }
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key() != QLatin1String("requests") && it.key() != QLatin1String("per_seconds"))
            fail(key + QLatin1Char('/') + it.key(), QCoreApplication::translate("sluice::connector", "unknown key \"%1\" in \"%2\" (known: requests, per_seconds)").arg(it.key(), key));
    const QJsonValue requests = o.value(QStringLiteral("requests"));
    if (!requests.isDouble() || !(requests.toDouble() >= 1) || requests.toDouble() > 1e6 || std::floor(requests.toDouble()) != requests.toDouble())
        fail(key + QStringLiteral("/requests"), QCoreApplication::translate("sluice::connector", "\"requests\" must be a whole number from 1 to 1000000"));
    const QJsonValue per = o.value(QStringLiteral("per_seconds"));
    if (!per.isUndefined() && (!per.isDouble() || !(per.toDouble() > 0) || per.toDouble() > 86400))
        fail(key + QStringLiteral("/per_seconds"), QCoreApplication::translate("sluice::connector", "\"per_seconds\" must be a number of seconds above 0 and at most 86400"));
}

void validateValue(const Setting &s, const QJsonValue &v, const std::function<void(const QString &, const QString &)> &fail)
{
    const QString &key = s.key;
    switch (s.kind) {
    case K::String:
    case K::Path:
        if (!v.isString())
            fail(key, QCoreApplication::translate("sluice::connector", "\"%1\" must be a string").arg(key));
        else if (s.required && v.toString().trimmed().isEmpty())
            fail(key, QCoreApplication::translate("sluice::connector", "\"%1\" must not be empty").arg(key));
        return;
    case K::Url: {
        const QUrl url(v.toString());
        if (!v.isString() || !url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
            fail(key, QCoreApplication::translate("sluice::connector", "\"%1\" must be an http:// or https:// URL").arg(key));
        return;
    }
    case K::Integer:
    case K::Number: {
        const double d = v.toDouble();
        const bool whole = s.kind == K::Number || std::floor(d) == d;
        if (!v.isDouble() || !whole || d < s.min || d > s.max)
            fail(key, QCoreApplication::translate("sluice::connector", "\"%1\" must be %2").arg(key, describeRange(s)));
        return;
    }
    case K::Boolean:
        if (!v.isBool())
            fail(key, QCoreApplication::translate("sluice::connector", "\"%1\" must be true or false").arg(key));
        return;
    case K::Secret:
        if (!secretShaped(v))
            fail(key, QCoreApplication::translate("sluice::connector", "\"%1\" must be a secret reference such as {\"env\": \"NAME\"}, {\"keychain\": \"NAME\"} or {\"file\": \"PATH\"}; "
                         "secrets are never written into sluice.json")
                          .arg(key));
        return;
    case K::Headers: {
        if (!v.isObject()) {
            fail(key, QCoreApplication::translate("sluice::connector", "\"%1\" must be an object of header names and values").arg(key));
            return;
        }
        const QJsonObject h = v.toObject();
        for (auto it = h.begin(); it != h.end(); ++it)
            if (!it.value().isString() && !secretShaped(it.value()))
                fail(key + QLatin1Char('/') + it.key(), QCoreApplication::translate("sluice::connector", "header \"%1\" must be a string or a secret reference").arg(it.key()));
        return;
    }
    case K::RateLimit: validateRateLimit(v, key, fail); return;
    case K::Object: {
        if (!v.isObject()) {
            fail(key, QCoreApplication::translate("sluice::connector", "\"%1\" must be an object").arg(key));
            return;
        }
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (isSecretKey(it.key()) && !secretShaped(it.value()))
                fail(key + QLatin1Char('/') + it.key(), QCoreApplication::translate("sluice::connector", "\"%1\" must be a secret reference such as {\"env\": \"NAME\"}").arg(it.key()));
        return;
    }
    case K::FieldSchema: return; // mapping::fieldSchemaProblems checks it
    }
}

} // namespace

const Setting *ConnectorInfo::setting(const QString &key) const
{
    for (const Setting &s : settings)
        if (s.key == key)
            return &s;
    return nullptr;
}

QString ConnectorInfo::translatedLabel() const
{
    return label ? QCoreApplication::translate("sluice::connector", label) : type;
}

const QList<ConnectorInfo> &destinationConnectors()
{
    static const QList<ConnectorInfo> all = buildDestinations();
    return all;
}

const ConnectorInfo *findDestination(const QString &type)
{
    for (const ConnectorInfo &c : destinationConnectors())
        if (c.type == type)
            return &c;
    return nullptr;
}

QStringList destinationTypes()
{
    QStringList out;
    for (const ConnectorInfo &c : destinationConnectors())
        out.append(c.type);
    return out;
}

const ConnectorInfo *findSourceDriver(const QString &driver)
{
    static const QList<ConnectorInfo> all = buildSources();
    for (const ConnectorInfo &c : all)
        if (c.type == driver)
            return &c;
    return nullptr;
}

QStringList sourceDrivers()
{
    return {QStringLiteral("sqlite"), QStringLiteral("postgres"), QStringLiteral("odbc"), QStringLiteral("mysql"), QStringLiteral("snowflake"), QStringLiteral("bigquery"), QStringLiteral("redshift")};
}

bool isCommonKey(const QString &key)
{
    static const QStringList common{QStringLiteral("type"), QStringLiteral("driver"), QStringLiteral("pii"), QStringLiteral("field_schema"),
                                    QStringLiteral("description")};
    return common.contains(key);
}

bool isSecretKey(const QString &key)
{
    static const QStringList k{QStringLiteral("password"), QStringLiteral("token"), QStringLiteral("api_key"), QStringLiteral("secret"),
                               QStringLiteral("access_token"), QStringLiteral("client_secret"), QStringLiteral("refresh_token"),
                               QStringLiteral("private_key"), QStringLiteral("project_token"), QStringLiteral("api_secret")};
    return k.contains(key);
}

void validateSettings(const ConnectorInfo &info, const QJsonObject &config,
                      const std::function<void(const QString &path, const QString &problem)> &fail)
{
    for (const Setting &s : info.settings) {
        const QJsonValue v = config.value(s.key);
        if (v.isUndefined() || v.isNull()) {
            if (s.required)
                fail(QString(), QCoreApplication::translate("sluice::connector", "\"%1\" is required").arg(s.key));
            continue;
        }
        validateValue(s, v, fail);
    }
    QStringList known;
    for (const Setting &s : info.settings)
        known.append(s.key);
    for (auto it = config.begin(); it != config.end(); ++it) {
        if (isCommonKey(it.key()) || info.setting(it.key()))
            continue;
        // A secret is a secret whatever the connector: never a value in the file.
        if (isSecretKey(it.key()) && !secretShaped(it.value()))
            fail(it.key(), QCoreApplication::translate("sluice::connector", "\"%1\" must be a secret reference such as {\"env\": \"NAME\"}; secrets are never written into sluice.json").arg(it.key()));
        // A connector not built yet keeps keys this Sluice cannot know about.
        if (info.available)
            fail(it.key(), QCoreApplication::translate("sluice::connector", "unknown key \"%1\" (known: %2)").arg(it.key(), known.join(QStringLiteral(", "))));
    }
}

} // namespace sluice::connector
