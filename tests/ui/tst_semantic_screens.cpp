// The Models screen's traits and audience builder, offscreen, on the demo
// workspace: distributions computed off the UI thread, the live size as a
// condition changes, a nested group, the overlap, and Save into sluice.json.
#include "demo_workspace.h"
#include "models/audience_builder.h"
#include "models/models_screen.h"
#include "models/traits_panel.h"
#include "shell/workspace_document.h"
#include "workspace/workspace.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCompleter>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTreeWidget>

using namespace sluice;

namespace {

QJsonObject cond(const QString &column, const QString &op, const QJsonValue &value = {})
{
    QJsonObject c{{QStringLiteral("column"), column}, {QStringLiteral("op"), op}};
    if (!value.isUndefined())
        c.insert(QStringLiteral("value"), value);
    return c;
}

void shoot(ui::ModelsScreen *w, const QString &name)
{
    if (!qEnvironmentVariableIsSet("SLUICE_SCREENSHOTS"))
        return;
    QSignalSpy previewed(w, &ui::ModelsScreen::previewSettled);
    w->previewCurrent();
    previewed.wait(30000);
    w->resize(1600, 1000);
    w->show();
    QTest::qWait(300);
    w->grab().save(qEnvironmentVariable("SLUICE_SCREENSHOTS") + QLatin1Char('/') + name);
}

} // namespace

class TestSemanticScreens final : public QObject
{
    Q_OBJECT

private slots:
    // Readers a screen started on the pool (a sync's last run, a preview) end with its test:
    // one still reading the state database when the application exits would race its teardown.
    void cleanup() { QThreadPool::globalInstance()->waitForDone(); }
    void initTestCase();
    void traitsShowTheirDistributions();
    void audienceSizeFollowsTheConditions();
    void newAudienceAndTraitFromTheScreen();

private:
    workspace::Workspace open();
    QTemporaryDir m_dir;
    QString m_ws;
};

void TestSemanticScreens::initTestCase()
{
    m_ws = test::makeDemoWorkspace(m_dir.path(), 4000);
    QVERIFY(!m_ws.isEmpty());
    QVERIFY(test::editConfig(m_ws, [](QJsonObject &root) {
        QJsonObject models = root.value(QStringLiteral("models")).toObject();
        QJsonObject customers = models.value(QStringLiteral("customer_360")).toObject();
        customers.insert(QStringLiteral("traits"),
                         QJsonObject{{QStringLiteral("is_high_value"), QJsonObject{{QStringLiteral("sql"), QStringLiteral("ltv > 1000")},
                                                                                   {QStringLiteral("type"), QStringLiteral("boolean")},
                                                                                   {QStringLiteral("owner"), QStringLiteral("growth")},
                                                                                   {QStringLiteral("description"), QStringLiteral("Lifetime value above 1,000")}}},
                                     {QStringLiteral("churn_score"), QJsonObject{{QStringLiteral("sql"), QStringLiteral("100 - engagement_score")},
                                                                                 {QStringLiteral("type"), QStringLiteral("number")},
                                                                                 {QStringLiteral("description"), QStringLiteral("Higher is more likely to leave")}}},
                                     {QStringLiteral("value_band"), QJsonObject{{QStringLiteral("sql"), QStringLiteral("CASE WHEN ltv >= 1000 THEN 'high' WHEN ltv >= 200 THEN 'mid' ELSE 'low' END")},
                                                                                {QStringLiteral("description"), QStringLiteral("LTV band used by paid media")}}}});
        models.insert(QStringLiteral("customer_360"), customers);
        models.insert(QStringLiteral("high_value"),
                      QJsonObject{{QStringLiteral("audience"),
                                   QJsonObject{{QStringLiteral("model"), QStringLiteral("customer_360")},
                                               {QStringLiteral("match"), QStringLiteral("all")},
                                               {QStringLiteral("conditions"),
                                                QJsonArray{cond(QStringLiteral("is_high_value"), QStringLiteral("="), true),
                                                           cond(QStringLiteral("marketing_consent"), QStringLiteral("="), true),
                                                           QJsonObject{{QStringLiteral("match"), QStringLiteral("any")},
                                                                       {QStringLiteral("conditions"), QJsonArray{cond(QStringLiteral("country"), QStringLiteral("in"), QJsonArray{QStringLiteral("DE"), QStringLiteral("FR")}),
                                                                                                                 cond(QStringLiteral("ltv"), QStringLiteral(">"), 3000)}}}}}}}});
        models.insert(QStringLiteral("lapsed"),
                      QJsonObject{{QStringLiteral("audience"), QJsonObject{{QStringLiteral("model"), QStringLiteral("customer_360")},
                                                                           {QStringLiteral("conditions"), QJsonArray{cond(QStringLiteral("churn_risk"), QStringLiteral("="), QStringLiteral("high"))}}}}});
        root.insert(QStringLiteral("models"), models);
    }));
}

workspace::Workspace TestSemanticScreens::open()
{
    auto ws = workspace::Workspace::open(m_ws);
    if (!ws)
        qFatal("%s", qPrintable(ws.error().message));
    return std::move(ws).value();
}

void TestSemanticScreens::traitsShowTheirDistributions()
{
    ui::WorkspaceDocument document(open());
    ui::ModelsScreen screen(&document);
    auto *tree = screen.findChild<QTreeWidget *>(QStringLiteral("modelTree"));
    QVERIFY(tree);
    QAbstractItemModelTester tester(tree->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->childCount(), 2); // audiences under their model
    screen.selectModel(QStringLiteral("customer_360"));
    ui::TraitsPanel *traits = screen.traitsPanel();
    QAbstractItemModelTester traitsTester(traits->table()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy ready(traits, &ui::TraitsPanel::distributionsReady);
    QVERIFY(ready.wait(30000));
    QTableWidget *table = traits->table();
    QCOMPARE(table->rowCount(), 3);
    const qint64 high = test::warehouseScalar(m_ws, QStringLiteral("SELECT sum(ltv > 1000) FROM customer_360")).toLongLong();
    const QString share = QLocale().toString(100.0 * double(high) / 4000.0, 'f', 1);
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("is_high_value"));
    QVERIFY2(table->item(1, 3)->text().startsWith(share + QStringLiteral(" % true")), qPrintable(table->item(1, 3)->text()));
    QVERIFY2(table->item(0, 3)->text().contains(QStringLiteral(" to ")), qPrintable(table->item(0, 3)->text())); // churn_score: a range with bars
    QVERIFY2(table->item(2, 3)->text().contains(QStringLiteral("low")), qPrintable(table->item(2, 3)->text()));  // value_band: top values
    QCOMPARE(table->item(1, 5)->text(), QStringLiteral("growth"));
    auto *tabs = screen.findChild<QTabWidget *>();
    tabs->setCurrentWidget(traits);
    shoot(&screen, QStringLiteral("models-traits.png"));
}

void TestSemanticScreens::audienceSizeFollowsTheConditions()
{
    ui::WorkspaceDocument document(open());
    ui::ModelsScreen screen(&document);
    ui::AudienceBuilder *builder = screen.audienceBuilder();
    QSignalSpy settled(builder, &ui::AudienceBuilder::sizeSettled);
    screen.selectModel(QStringLiteral("high_value"));
    QVERIFY(settled.wait(30000));
    const QString base = QStringLiteral("SELECT count(*) FROM customer_360 WHERE ltv > 1000 AND marketing_consent = 1 AND (country IN ('DE', 'FR') OR ltv > %1)");
    const qint64 expected = test::warehouseScalar(m_ws, base.arg(3000)).toLongLong();
    QVERIFY(expected > 0);
    QVERIFY2(builder->sizeText().startsWith(QLocale().toString(expected) + QStringLiteral(" of 4,000 rows")), qPrintable(builder->sizeText()));

    // The nested group's ltv threshold changes: the size follows (400 ms after the edit).
    QLineEdit *threshold = nullptr;
    for (QLineEdit *edit : builder->findChildren<QLineEdit *>())
        if (edit->text() == QLatin1String("3000"))
            threshold = edit;
    QVERIFY(threshold);
    settled.clear();
    threshold->setText(QStringLiteral("1500"));
    QVERIFY(settled.wait(30000));
    const qint64 more = test::warehouseScalar(m_ws, base.arg(1500)).toLongLong();
    QVERIFY(more > expected);
    QVERIFY2(builder->sizeText().startsWith(QLocale().toString(more) + QStringLiteral(" of")), qPrintable(builder->sizeText()));

    // Text conditions offer the column's frequent values.
    QLineEdit *countries = nullptr;
    for (QLineEdit *edit : builder->findChildren<QLineEdit *>())
        if (edit->text() == QLatin1String("DE, FR"))
            countries = edit;
    QVERIFY(countries);
    QTRY_VERIFY_WITH_TIMEOUT(countries->completer() != nullptr, 20000);
    QStringList offered;
    for (int i = 0; i < countries->completer()->model()->rowCount(); ++i)
        offered.append(countries->completer()->model()->index(i, 0).data().toString());
    QVERIFY2(offered.contains(QStringLiteral("DE")) && offered.contains(QStringLiteral("US")), qPrintable(offered.join(QLatin1Char(','))));

    // Overlap with the other audience of the model.
    auto *compare = builder->findChildren<QComboBox *>().constLast();
    for (QComboBox *c : builder->findChildren<QComboBox *>())
        if (c->findData(QStringLiteral("lapsed")) >= 0)
            compare = c;
    settled.clear();
    compare->setCurrentIndex(compare->findData(QStringLiteral("lapsed")));
    QVERIFY(settled.wait(30000));
    const qint64 both = test::warehouseScalar(m_ws, base.arg(1500) + QStringLiteral(" AND churn_risk = 'high'")).toLongLong();
    auto *overlap = builder->findChild<QLabel *>(QStringLiteral("overlapText"));
    QVERIFY2(overlap->text().contains(QStringLiteral("both %1").arg(QLocale().toString(both))), qPrintable(overlap->text()));
    shoot(&screen, QStringLiteral("models-audience.png"));

    // Save writes the edited tree into sluice.json.
    builder->save();
    const workspace::Workspace saved = open();
    const workspace::AudienceNode root = saved.config().models.value(QStringLiteral("high_value")).audience->root;
    QCOMPARE(root.children.size(), 3);
    QCOMPARE(root.children.at(2).children.at(1).value.toDouble(), 1500.0);
}

void TestSemanticScreens::newAudienceAndTraitFromTheScreen()
{
    ui::WorkspaceDocument document(open());
    ui::ModelsScreen screen(&document);
    screen.selectModel(QStringLiteral("customer_360"));
    QCOMPARE(screen.traitsPanel()->saveTrait({QStringLiteral("is_german"), QStringLiteral("country = 'DE'"), QStringLiteral("boolean"),
                                              QStringLiteral("Lives in Germany"), QStringLiteral("ops")}),
             QString());
    QVERIFY(open().config().models.value(QStringLiteral("customer_360")).trait(QStringLiteral("is_german")));
    const QString refused = screen.traitsPanel()->saveTrait({QStringLiteral("bad"), QString(), {}, {}, {}});
    QVERIFY2(refused.contains(QStringLiteral("\"sql\"")), qPrintable(refused)); // sluice.json stays valid

    // An audience with no conditions holds the whole model; one condition narrows it.
    QVERIFY(document.setModel(QStringLiteral("germans"), QJsonObject{{QStringLiteral("audience"), QJsonObject{{QStringLiteral("model"), QStringLiteral("customer_360")},
                                                                                                            {QStringLiteral("conditions"), QJsonArray{}}}}}).ok());
    ui::AudienceBuilder *builder = screen.audienceBuilder();
    QSignalSpy settled(builder, &ui::AudienceBuilder::sizeSettled);
    auto *tree = screen.findChild<QTreeWidget *>(QStringLiteral("modelTree"));
    QTRY_COMPARE(tree->topLevelItem(0)->childCount(), 3); // the tree follows the document
    screen.selectModel(QStringLiteral("germans"));
    QVERIFY(settled.wait(30000));
    QVERIFY2(builder->sizeText().startsWith(QStringLiteral("4,000 of 4,000")), qPrintable(builder->sizeText()));
    QPushButton *add = nullptr;
    for (QPushButton *b : builder->findChildren<QPushButton *>())
        if (b->text() == QLatin1String("+ condition"))
            add = b;
    QVERIFY(add);
    settled.clear();
    add->click();
    auto *row = builder->findChild<QWidget *>(QStringLiteral("conditionRow"));
    QVERIFY(row);
    auto combos = row->findChildren<QComboBox *>();
    combos.at(0)->setCurrentText(QStringLiteral("is_german"));
    combos.at(1)->setCurrentIndex(combos.at(1)->findData(QStringLiteral("=")));
    row->findChild<QLineEdit *>()->setText(QStringLiteral("true"));
    QTRY_VERIFY_WITH_TIMEOUT(!settled.isEmpty() && !builder->sizeText().startsWith(QStringLiteral("4,000 of")), 30000);
    const qint64 germans = test::warehouseScalar(m_ws, QStringLiteral("SELECT count(*) FROM customer_360 WHERE country = 'DE'")).toLongLong();
    QTRY_VERIFY_WITH_TIMEOUT(builder->sizeText().startsWith(QLocale().toString(germans) + QStringLiteral(" of")), 30000);
}

QTEST_MAIN(TestSemanticScreens)
#include "tst_semantic_screens.moc"
