#include "sources/connection_dialog.h"

#include "connector/connector_info.h"
#include "destination/destination.h"
#include "shell/workspace_document.h"
#include "source/source_connection.h"
#include "workspace/keychain.h"

#include "shell/icons.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace sluice::ui {

namespace {

using SK = connector::Setting::Kind;

QString label(const connector::Setting &s)
{
    return s.label ? QCoreApplication::translate("sluice::connector", s.label) : s.key;
}

struct Probe
{
    bool ok = false;
    QString verdict;
};

QString verdictOf(const Error &e)
{
    switch (e.kind) {
    case Error::Kind::Refused: return QCoreApplication::translate("sluice::ui::ConnectionDialog", "✕ Refused credentials: %1").arg(e.message);
    case Error::Kind::Unreachable: return QCoreApplication::translate("sluice::ui::ConnectionDialog", "✕ Unreachable: %1").arg(e.message);
    case Error::Kind::Config: return QCoreApplication::translate("sluice::ui::ConnectionDialog", "✕ Setting rejected: %1").arg(e.message);
    default: return QCoreApplication::translate("sluice::ui::ConnectionDialog", "✕ Failed: %1").arg(e.message);
    }
}

// Stores the typed secrets, then reaches the source or destination as a run would.
Probe probe(workspace::Workspace ws, bool source, QString name, QHash<QString, QString> secrets)
{
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        if (Result<void> r = workspace::writeKeychain(it.key(), it.value()); !r)
            return {false, verdictOf(r.error())};
    QElapsedTimer timer;
    timer.start();
    if (source) {
        Result<std::unique_ptr<source::SourceConnection>> c = source::SourceConnection::open(ws.config().sources.value(name), ws);
        if (!c)
            return {false, verdictOf(c.error())};
        Result<QList<source::TableInfo>> tables = c.value()->introspect();
        if (!tables)
            return {false, verdictOf(tables.error())};
        return {true, QCoreApplication::translate("sluice::ui::ConnectionDialog", "✓ Connected · read-only · %n table(s) visible · %1 ms", nullptr, int(tables->size()))
                          .arg(timer.elapsed())};
    }
    Result<std::unique_ptr<destination::Destination>> d = destination::Destination::create(ws.config().destinations.value(name), ws);
    if (!d)
        return {false, verdictOf(d.error())};
    if (Result<void> r = d.value()->check(); !r)
        return {false, verdictOf(r.error())};
    return {true, QCoreApplication::translate("sluice::ui::ConnectionDialog", "✓ Connected · it can be written · %1 ms").arg(timer.elapsed())};
}

} // namespace

ConnectionDialog::ConnectionDialog(WorkspaceDocument *document, Kind kind, const QString &existing, QWidget *parent)
    : QDialog(parent),
      m_document(document),
      m_kind(kind),
      m_existing(existing),
      m_name(new QLineEdit(this)),
      m_type(new QComboBox(this)),
      m_form(new QFormLayout),
      m_advancedForm(new QFormLayout),
      m_showAdvanced(new QToolButton(this)),
      m_advanced(new QWidget(this)),
      m_gets(new QLabel(this)),
      m_problem(new QLabel(this)),
      m_verdict(new QLabel(this)),
      m_test(new QPushButton(tr("Test connection"), this)),
      m_save(new QPushButton(tr("Save"), this))
{
    m_test->setIcon(sluiceIcon(QStringLiteral("sluice-test")));
    setWindowTitle(kind == Kind::Source ? (existing.isEmpty() ? tr("New source") : tr("Source %1").arg(existing))
                                        : (existing.isEmpty() ? tr("New destination") : tr("Destination %1").arg(existing)));
    setMinimumWidth(640);
    m_original = m_document->workspace().json().value(section()).toObject().value(existing).toObject();
    const QString selector = kind == Kind::Source ? QStringLiteral("driver") : QStringLiteral("type");
    if (kind == Kind::Source) {
        for (const QString &driver : connector::sourceDrivers())
            if (const connector::ConnectorInfo *i = connector::findSourceDriver(driver))
                m_type->addItem(i->translatedLabel(), i->type);
    } else {
        for (const connector::ConnectorInfo &i : connector::destinationConnectors())
            if (i.available)
                m_type->addItem(QStringLiteral("%1 — %2").arg(i.translatedLabel(), QCoreApplication::translate("sluice::connector", i.category)), i.type);
    }
    m_name->setText(existing);
    m_name->setReadOnly(!existing.isEmpty());
    m_name->setPlaceholderText(tr("a name for sluice.json, as in dw or crm"));
    m_type->setEnabled(existing.isEmpty());
    m_type->setCurrentIndex(qMax(0, m_type->findData(m_original.value(selector).toString())));
    for (QLabel *l : {m_gets, m_problem, m_verdict}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_gets->setObjectName(QStringLiteral("sluiceJsonGets"));
    m_problem->setObjectName(QStringLiteral("checkBad"));
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_showAdvanced->setCheckable(true);
    m_showAdvanced->setText(tr("▸ Advanced settings"));
    m_advanced->setLayout(m_advancedForm);
    m_advanced->setVisible(false);
    auto *top = new QFormLayout;
    top->addRow(tr("Name:"), m_name);
    top->addRow(kind == Kind::Source ? tr("Driver:") : tr("Type:"), m_type);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_test);
    buttons->addStretch(1);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    buttons->addWidget(cancel);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(m_form);
    layout->addWidget(m_showAdvanced);
    layout->addWidget(m_advanced);
    layout->addWidget(new QLabel(tr("sluice.json gets:"), this));
    layout->addWidget(m_gets);
    layout->addWidget(m_problem);
    layout->addWidget(m_verdict);
    layout->addLayout(buttons);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] { buildForm(); });
    connect(m_name, &QLineEdit::textChanged, this, [this] { refresh(); });
    connect(m_showAdvanced, &QToolButton::toggled, this, [this](bool on) {
        m_showAdvanced->setText(on ? tr("▾ Advanced settings") : tr("▸ Advanced settings"));
        m_advanced->setVisible(on);
    });
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::testConnection);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (save())
            accept();
    });
    buildForm();
}

QString ConnectionDialog::section() const
{
    return m_kind == Kind::Source ? QStringLiteral("sources") : QStringLiteral("destinations");
}

const connector::ConnectorInfo *ConnectionDialog::info() const
{
    const QString type = m_type->currentData().toString();
    return m_kind == Kind::Source ? connector::findSourceDriver(type) : connector::findDestination(type);
}

QString ConnectionDialog::name() const
{
    return m_name->text().trimmed();
}

void ConnectionDialog::setName(const QString &name)
{
    m_name->setText(name);
}

void ConnectionDialog::setType(const QString &type)
{
    m_type->setCurrentIndex(qMax(0, m_type->findData(type)));
}

QLineEdit *ConnectionDialog::field(const QString &key) const
{
    if (m_secrets.contains(key))
        return m_secrets.value(key).value;
    return qobject_cast<QLineEdit *>(m_fields.value(key));
}

void ConnectionDialog::setSecretStore(const QString &key, const QString &store)
{
    if (m_secrets.contains(key))
        m_secrets[key].store->setCurrentIndex(qMax(0, m_secrets[key].store->findData(store)));
}

// A secret: where it is kept (keychain, environment variable, file) and its value, masked for the keychain.
QWidget *ConnectionDialog::secretRow(const QString &key, const QJsonValue &current)
{
    auto *row = new QWidget(this);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    SecretField f{new QComboBox(row), new QLineEdit(row)};
    f.store->addItem(tr("OS keychain"), QStringLiteral("keychain"));
    f.store->addItem(tr("Environment variable"), QStringLiteral("env"));
    f.store->addItem(tr("File"), QStringLiteral("file"));
    const QJsonObject ref = current.toObject();
    const QString store = ref.isEmpty() ? QStringLiteral("keychain") : ref.begin().key();
    f.store->setCurrentIndex(qMax(0, f.store->findData(store)));
    if (store != QLatin1String("keychain"))
        f.value->setText(ref.begin().value().toString());
    auto *reveal = new QToolButton(row);
    reveal->setText(tr("Show"));
    reveal->setCheckable(true);
    auto update = [this, f, ref, reveal] {
        const bool keychain = f.store->currentData().toString() == QLatin1String("keychain");
        f.value->setEchoMode(keychain && !reveal->isChecked() ? QLineEdit::Password : QLineEdit::Normal);
        reveal->setVisible(keychain);
        f.value->setPlaceholderText(keychain ? (ref.contains(QStringLiteral("keychain")) ? tr("stored in the keychain — type to replace") : tr("the secret; it goes to the keychain"))
                                             : f.store->currentData() == QStringLiteral("env") ? tr("the variable's name, as in DW_PASSWORD")
                                                                                               : tr("a file only you can read"));
        refresh();
    };
    connect(f.store, &QComboBox::currentIndexChanged, this, update);
    connect(reveal, &QToolButton::toggled, this, update);
    connect(f.value, &QLineEdit::textChanged, this, [this] { refresh(); });
    h->addWidget(f.store);
    h->addWidget(f.value, 1);
    h->addWidget(reveal);
    m_secrets.insert(key, f);
    update();
    return row;
}

// One row per setting, from the connector's declaration.
void ConnectionDialog::buildForm()
{
    for (QFormLayout *f : {m_form, m_advancedForm})
        while (f->rowCount() > 0)
            f->removeRow(0);
    m_fields.clear();
    m_secrets.clear();
    const connector::ConnectorInfo *c = info();
    if (!c)
        return;
    for (const connector::Setting &s : c->settings) {
        const QJsonValue current = m_original.value(s.key);
        QWidget *widget = nullptr;
        if (s.kind == SK::Secret) {
            widget = secretRow(s.key, current);
        } else if (s.kind == SK::Boolean) {
            auto *box = new QComboBox(this);
            box->addItem(tr("default (%1)").arg(s.defaultValue.toBool() ? tr("yes") : tr("no")), QString());
            box->addItem(tr("yes"), QStringLiteral("true"));
            box->addItem(tr("no"), QStringLiteral("false"));
            box->setCurrentIndex(current.isBool() ? (current.toBool() ? 1 : 2) : 0);
            connect(box, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
            widget = box;
        } else {
            auto *edit = new QLineEdit(this);
            const bool json = s.kind == SK::Headers || s.kind == SK::RateLimit || s.kind == SK::Object || s.kind == SK::FieldSchema;
            if (json && !current.isUndefined())
                edit->setText(QString::fromUtf8(QJsonDocument(current.toObject()).toJson(QJsonDocument::Compact)));
            else if (current.isDouble())
                edit->setText(QLocale::c().toString(current.toDouble(), 'g', 15));
            else
                edit->setText(current.toString());
            const QString fallback = s.defaultValue.isUndefined() || s.defaultValue.isNull() ? QString()
                                     : s.defaultValue.isString()                              ? s.defaultValue.toString()
                                                                                              : QString::fromUtf8(QJsonDocument(QJsonArray{s.defaultValue}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
            edit->setPlaceholderText(json ? tr("JSON, as in %1").arg(s.kind == SK::RateLimit ? QStringLiteral("{\"requests\": 100, \"per_seconds\": 10}") : QStringLiteral("{}"))
                                          : fallback.isEmpty() ? QString() : tr("default: %1").arg(fallback));
            connect(edit, &QLineEdit::textChanged, this, [this] { refresh(); });
            widget = edit;
        }
        widget->setObjectName(QStringLiteral("setting:") + s.key);
        widget->setToolTip(s.help ? QCoreApplication::translate("sluice::connector", s.help) : QString());
        m_fields.insert(s.key, widget);
        (s.advanced ? m_advancedForm : m_form)->addRow(label(s) + (s.required ? QStringLiteral(" *") : QString()) + QLatin1Char(':'), widget);
        if (s.help && !s.advanced) {
            auto *help = new QLabel(QCoreApplication::translate("sluice::connector", s.help), this);
            help->setWordWrap(true);
            help->setEnabled(false);
            m_form->addRow(QString(), help);
        }
    }
    m_showAdvanced->setVisible(m_advancedForm->rowCount() > 0);
    refresh();
}

QString ConnectionDialog::keychainName(const QString &key) const
{
    return QStringLiteral("sluice/%1/%2/%3").arg(section(), name(), key);
}

QJsonObject ConnectionDialog::entry() const
{
    const connector::ConnectorInfo *c = info();
    QJsonObject out = m_original; // keys this form does not show are kept
    if (!c)
        return out;
    out.insert(m_kind == Kind::Source ? QStringLiteral("driver") : QStringLiteral("type"), c->type);
    for (const connector::Setting &s : c->settings) {
        if (m_secrets.contains(s.key)) {
            const SecretField f = m_secrets.value(s.key);
            const QString store = f.store->currentData().toString();
            const QString text = f.value->text().trimmed();
            const bool keptInKeychain = store == QLatin1String("keychain") && m_original.value(s.key).toObject().contains(QStringLiteral("keychain"));
            if (store == QLatin1String("keychain") && (!text.isEmpty() || keptInKeychain))
                out.insert(s.key, QJsonObject{{QStringLiteral("keychain"), keptInKeychain && text.isEmpty() ? m_original.value(s.key).toObject().value(QStringLiteral("keychain")).toString() : keychainName(s.key)}});
            else if (store != QLatin1String("keychain") && !text.isEmpty())
                out.insert(s.key, QJsonObject{{store, text}});
            else
                out.remove(s.key);
            continue;
        }
        QWidget *w = m_fields.value(s.key);
        if (!w)
            continue; // the form is being built
        if (auto *box = qobject_cast<QComboBox *>(w)) {
            const QString v = box->currentData().toString();
            if (v.isEmpty())
                out.remove(s.key);
            else
                out.insert(s.key, v == QLatin1String("true"));
            continue;
        }
        auto *edit = qobject_cast<QLineEdit *>(w);
        const QString text = edit ? edit->text().trimmed() : QString();
        if (text.isEmpty()) {
            out.remove(s.key);
        } else if (s.kind == SK::Integer || s.kind == SK::Number) {
            bool ok = false;
            const double d = QLocale::c().toDouble(text, &ok);
            out.insert(s.key, ok ? QJsonValue(d) : QJsonValue(text)); // not a number: validation says so
        } else if (s.kind == SK::Headers || s.kind == SK::RateLimit || s.kind == SK::Object || s.kind == SK::FieldSchema) {
            const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
            out.insert(s.key, doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(text));
        } else {
            out.insert(s.key, text);
        }
    }
    return out;
}

// Secrets typed for the keychain: entry name -> value.
QHash<QString, QString> ConnectionDialog::typedSecrets() const
{
    QHash<QString, QString> out;
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
        if (it->store->currentData().toString() == QLatin1String("keychain") && !it->value->text().isEmpty())
            out.insert(keychainName(it.key()), it->value->text());
    return out;
}

void ConnectionDialog::refresh()
{
    const QJsonObject e = entry();
    m_gets->setText(QStringLiteral("\"%1\": %2").arg(name().isEmpty() ? tr("NAME") : name(),
                                                     QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact))));
    QString problem;
    if (name().isEmpty())
        problem = tr("Give it a name.");
    else if (!QRegularExpression(QStringLiteral("^[A-Za-z0-9_.-]+$")).match(name()).hasMatch())
        problem = tr("A name holds letters, digits, _, . and - only.");
    else if (m_existing.isEmpty() && m_document->workspace().json().value(section()).toObject().contains(name()))
        problem = tr("%1 exists already.").arg(name());
    if (problem.isEmpty()) {
        QJsonObject json = m_document->workspace().json();
        QJsonObject all = json.value(section()).toObject();
        all.insert(name(), e);
        json.insert(section(), all);
        workspace::Workspace next = m_document->workspace();
        if (Result<void> r = next.setJson(json); !r)
            problem = r.error().message;
    }
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_save->setEnabled(problem.isEmpty());
    m_test->setEnabled(problem.isEmpty());
}

QString ConnectionDialog::problem() const
{
    return m_problem->text();
}

QString ConnectionDialog::verdict() const
{
    return m_verdict->text();
}

void ConnectionDialog::testConnection()
{
    if (!problem().isEmpty())
        return;
    QJsonObject json = m_document->workspace().json();
    QJsonObject all = json.value(section()).toObject();
    all.insert(name(), entry());
    json.insert(section(), all);
    workspace::Workspace candidate = m_document->workspace();
    if (!candidate.setJson(json))
        return;
    m_verdict->setText(tr("Testing…"));
    m_test->setEnabled(false);
    const quint64 generation = ++m_generation;
    auto *watcher = new QFutureWatcher<Probe>(this);
    connect(watcher, &QFutureWatcher<Probe>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        const Probe p = watcher->result();
        m_verdict->setText(p.verdict);
        m_test->setEnabled(true);
        emit tested(p.ok, p.verdict);
    });
    watcher->setFuture(QtConcurrent::run(&probe, candidate, m_kind == Kind::Source, name(), typedSecrets()));
}

bool ConnectionDialog::save()
{
    if (!problem().isEmpty())
        return false;
    const QHash<QString, QString> secrets = typedSecrets();
    for (auto it = secrets.begin(); it != secrets.end(); ++it) {
        if (Result<void> r = workspace::writeKeychain(it.key(), it.value()); !r) {
            QMessageBox::warning(this, windowTitle(),
                                 tr("The secret could not be stored in the OS keychain: %1\n\nChoose Environment variable (or File) "
                                    "for it instead: sluice.json then names the variable, never the secret.")
                                     .arg(r.error().message));
            return false;
        }
    }
    if (Result<void> r = m_document->setEntry(section(), name(), entry()); !r) {
        QMessageBox::warning(this, windowTitle(), r.error().message);
        return false;
    }
    return true;
}

} // namespace sluice::ui
