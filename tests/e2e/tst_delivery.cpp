// Delivery to an HTTP destination under a rate limit: Sluice paces its own
// requests so that no one-second window holds more than the limit, and every
// record still arrives exactly once.
#include "destination/webhook_destination.h"
#include "webhook_sink.h"

#include <QElapsedTimer>
#include <QTest>

#include <vector>

using namespace sluice;

class TestDelivery final : public QObject
{
    Q_OBJECT

private slots:
    void rateLimitPacesEveryRequest();
};

void TestDelivery::rateLimitPacesEveryRequest()
{
    const int limit = 10;
    const int batches = 25;
    const int batchSize = 5;
    test::WebhookSink sink;
    sink.enforceRateLimit(limit);
    QList<destination::Operation> operations;
    for (int i = 0; i < batches * batchSize; ++i)
        operations.append(destination::Operation::make(QString::number(i), destination::OpKind::Upsert, QJsonObject{{QStringLiteral("n"), i}}));
    const QJsonObject settings{{QStringLiteral("batch_size"), batchSize},
                               {QStringLiteral("concurrency"), 4},
                               {QStringLiteral("rate_limit"), QJsonObject{{QStringLiteral("requests"), limit}, {QStringLiteral("per_seconds"), 1}}}};
    destination::WebhookDestination hook(QStringLiteral("hook"), QUrl(sink.url()), {}, destination::HttpSettings::from(settings));

    QElapsedTimer clock;
    std::vector<qint64> sentAtNs;
    int accepted = 0;
    destination::DeliveryContext context;
    context.sync = QStringLiteral("paced");
    context.runId = QStringLiteral("run-1");
    context.sending = [&](const QList<destination::Operation> &) { sentAtNs.push_back(clock.nsecsElapsed()); };
    context.settled = [&](const QList<destination::Operation> &, const QList<destination::Outcome> &outcomes) {
        for (const destination::Outcome &o : outcomes)
            accepted += o.accepted;
    };
    clock.start();
    const Result<void> result = hook.deliver(operations, context);
    QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));

    QCOMPARE(accepted, int(operations.size()));
    const QHash<QString, int> deliveries = sink.deliveries();
    QCOMPARE(deliveries.size(), operations.size());
    for (auto it = deliveries.begin(); it != deliveries.end(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(it.key()));

    // No window of one second holds more than `limit` sends, however late
    // the event loop runs and catches up (10 ms: this clock reads a little
    // after the limiter's).
    QCOMPARE(int(sentAtNs.size()), batches);
    for (size_t i = size_t(limit); i < sentAtNs.size(); ++i)
        QVERIFY2(sentAtNs[i] - sentAtNs[i - limit] >= 990'000'000, qPrintable(QStringLiteral("send %1 came %2 ms after send %3").arg(i).arg((sentAtNs[i] - sentAtNs[i - limit]) / 1e6).arg(i - limit)));
}

QTEST_GUILESS_MAIN(TestDelivery)
#include "tst_delivery.moc"
