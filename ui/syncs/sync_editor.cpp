#include "syncs/sync_editor.h"

#include "syncs/alert_rules_editor.h"

#include "connector/connector_info.h"
#include "destination/destination.h"
#include "mapping/identity.h"
#include "shell/workspace_document.h"
#include "source/source_connection.h"
#include "syncs/mapper_view.h"
#include "syncs/mapping_model.h"
#include "syncs/projection_view.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace sluice::ui {

namespace {

struct ColumnsAnswer
{
    QList<source::Column> columns;
    QHash<QString, QVariant> sample;
    QString error;
};

// On a worker thread: the model's columns and its first row, on a connection of its own.
ColumnsAnswer readColumns(const workspace::Workspace &ws, const workspace::ModelConfig &model)
{
    ColumnsAnswer out;
    auto connection = source::SourceConnection::open(ws.config().sources.value(model.source), ws);
    if (!connection) {
        out.error = connection.error().message;
        return out;
    }
    Result<QList<source::Column>> columns = connection.value()->describe(model.sql);
    if (!columns) {
        out.error = columns.error().message;
        return out;
    }
    out.columns = columns.value();
    source::RowSink sink;
    sink.row = [&](const source::Row &row) {
        for (qsizetype i = 0; i < row.size() && i < out.columns.size(); ++i)
            out.sample.insert(out.columns[i].name, row[i]);
        return false; // one row is all the example needs
    };
    (void)connection.value()->stream(model.sql, sink);
    // A column the warehouse does not type (SQLite's computed columns) takes the type of its sample.
    for (source::Column &c : out.columns) {
        if (c.type != source::ColumnType::Unknown)
            continue;
        switch (out.sample.value(c.name).typeId()) {
        case QMetaType::LongLong:
        case QMetaType::Int: c.type = source::ColumnType::Integer; break;
        case QMetaType::Double: c.type = source::ColumnType::Float; break;
        case QMetaType::Bool: c.type = source::ColumnType::Boolean; break;
        case QMetaType::QString: c.type = source::ColumnType::Text; break;
        default: break;
        }
    }
    return out;
}

struct FieldsAnswer
{
    QList<MappingModel::Field> fields;
    bool open = true;
    QString error;
};

FieldsAnswer readFields(const workspace::Workspace &ws, const QString &destinationName, const QString &object)
{
    FieldsAnswer out;
    const workspace::DestinationConfig config = ws.config().destinations.value(destinationName);
    const connector::ConnectorInfo *info = connector::findDestination(config.type);
    out.open = !info || info->openSchema || !info->schemaDiscovery;
    auto destination = destination::Destination::create(config, ws);
    if (!destination) {
        out.error = destination.error().message;
        return out;
    }
    Result<QList<destination::FieldInfo>> fields = destination.value()->describe(object);
    if (!fields) {
        out.error = fields.error().message;
        return out;
    }
    for (const destination::FieldInfo &f : fields.value()) {
        MappingModel::Field field{f, {}, false};
        if (info && info->identifierKinds.contains(f.name)) {
            field.identifierKind = f.name;
            field.hashRequired = info->hashedKinds.contains(f.name);
            field.hashPreset = mapping::identityPreset(config.type);
        }
        out.fields.append(field);
    }
    if (info && out.fields.isEmpty()) // a list platform's identifiers, where it describes nothing
        for (const QString &kind : info->identifierKinds) {
            MappingModel::Field field;
            field.info.name = kind;
            field.info.type = QStringLiteral("string");
            field.identifierKind = kind;
            field.hashRequired = info->hashedKinds.contains(kind);
            field.hashPreset = mapping::identityPreset(config.type);
            out.fields.append(field);
        }
    return out;
}

struct ObjectsAnswer
{
    QList<destination::ObjectInfo> objects;
    QString error;
};

ObjectsAnswer readObjects(const workspace::Workspace &ws, const QString &destinationName)
{
    ObjectsAnswer out;
    auto destination = destination::Destination::create(ws.config().destinations.value(destinationName), ws);
    if (!destination) {
        out.error = destination.error().message;
        return out;
    }
    Result<QList<destination::ObjectInfo>> objects = destination.value()->objects();
    if (!objects)
        out.error = objects.error().message;
    else
        out.objects = objects.value();
    return out;
}

QString comboValue(const QComboBox *box)
{
    const QVariant data = box->currentData();
    return data.isValid() ? data.toString() : box->currentText().trimmed();
}

void selectValue(QComboBox *box, const QString &value)
{
    const int at = box->findData(value);
    if (at >= 0)
        box->setCurrentIndex(at);
    else if (box->isEditable())
        box->setEditText(value);
}

} // namespace

SyncEditor::SyncEditor(WorkspaceDocument *document, const QString &name, QWidget *parent)
    : QDialog(parent),
      m_document(document),
      m_original(name),
      m_mapping(new MappingModel(this)),
      m_mapper(new MapperView(m_mapping, this)),
      m_projection(new ProjectionView(this)),
      m_alerts(new AlertRulesEditor(this)),
      m_tabs(new QTabWidget(this)),
      m_name(new QLineEdit(this)),
      m_model(new QComboBox(this)),
      m_destination(new QComboBox(this)),
      m_object(new QComboBox(this)),
      m_mode(new QComboBox(this)),
      m_matchSource(new QComboBox(this)),
      m_matchField(new QComboBox(this)),
      m_consent(new QComboBox(this)),
      m_diff(new QComboBox(this)),
      m_scheduleKind(new QComboBox(this)),
      m_scheduleValue(new QLineEdit(this)),
      m_problemList(new QListWidget(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this)),
      m_validateTimer(new QTimer(this))
{
    setWindowTitle(name.isEmpty() ? tr("New sync") : tr("Sync %1").arg(name));
    m_name->setObjectName(QStringLiteral("name"));
    m_model->setObjectName(QStringLiteral("model"));
    m_destination->setObjectName(QStringLiteral("destination"));
    m_object->setObjectName(QStringLiteral("object"));
    m_mode->setObjectName(QStringLiteral("mode"));
    m_consent->setObjectName(QStringLiteral("consent"));
    auto *settings = new QWidget(this);
    buildSettings(settings);
    m_tabs->addTab(settings, tr("Settings"));
    m_tabs->addTab(m_mapper, tr("Mapping"));
    m_tabs->addTab(m_projection, tr("Preview"));
    m_tabs->addTab(m_alerts, tr("Alerts"));
    connect(m_alerts, &AlertRulesEditor::changed, m_validateTimer, qOverload<>(&QTimer::start));
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_projection)
            preview();
    });
    m_problemList->setMaximumHeight(72);
    m_problemList->setObjectName(QStringLiteral("problems"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_problemList);
    layout->addWidget(m_buttons);
    m_validateTimer->setSingleShot(true);
    m_validateTimer->setInterval(150);
    connect(m_validateTimer, &QTimer::timeout, this, &SyncEditor::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mapping, &MappingModel::changed, m_validateTimer, qOverload<>(&QTimer::start));
    loadSync();
    resize(1100, 720);
}

SyncEditor::~SyncEditor() = default;

void SyncEditor::buildSettings(QWidget *page)
{
    const workspace::Config &config = m_document->workspace().config();
    for (const QString &model : config.models.keys())
        m_model->addItem(model, model);
    for (auto it = config.destinations.cbegin(); it != config.destinations.cend(); ++it) {
        const connector::ConnectorInfo *info = connector::findDestination(it->type);
        m_destination->addItem(tr("%1 (%2)").arg(it.key(), info ? info->translatedLabel() : it->type), it.key());
    }
    m_object->setEditable(true);
    m_object->lineEdit()->setPlaceholderText(tr("Choose from the destination's list, or type a name"));
    m_matchField->setEditable(true);
    m_diff->addItem(tr("local: the state lives in this workspace"), QStringLiteral("local"));
    m_diff->addItem(tr("warehouse: the warehouse computes the change"), QStringLiteral("warehouse"));
    m_scheduleKind->addItem(tr("Not scheduled (run by hand)"), QString());
    m_scheduleKind->addItem(tr("Every…"), QStringLiteral("every"));
    m_scheduleKind->addItem(tr("Cron…"), QStringLiteral("cron"));
    m_scheduleKind->addItem(tr("After another sync…"), QStringLiteral("after"));
    m_scheduleValue->setPlaceholderText(tr("15m, 1h, 1d — or 0 6 * * 1-5 — or a sync's name"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Model"), m_model);
    form->addRow(tr("Destination"), m_destination);
    form->addRow(tr("Object"), m_object);
    form->addRow(tr("Mode"), m_mode);
    auto *match = new QHBoxLayout;
    match->addWidget(m_matchSource, 1);
    match->addWidget(new QLabel(QStringLiteral("="), page));
    match->addWidget(m_matchField, 1);
    form->addRow(tr("Match records on"), match);
    form->addRow(tr("Consent column"), m_consent);
    form->addRow(tr("Diff"), m_diff);
    auto *schedule = new QHBoxLayout;
    schedule->addWidget(m_scheduleKind);
    schedule->addWidget(m_scheduleValue, 1);
    form->addRow(tr("Schedule"), schedule);
    auto *help = new QLabel(tr("Mode: upsert updates or creates; update only updates; insert only creates; mirror also removes "
                               "what left the model; append sends every row every run. Records matched on one value are merged by the "
                               "destination, so two rows with the same match value are held back."),
                            page);
    help->setWordWrap(true);
    help->setEnabled(false);
    form->addRow(help);

    for (QComboBox *box : {m_model, m_destination, m_object, m_mode, m_matchSource, m_matchField, m_consent, m_diff, m_scheduleKind})
        connect(box, &QComboBox::currentTextChanged, m_validateTimer, qOverload<>(&QTimer::start));
    for (QLineEdit *line : {m_name, m_scheduleValue})
        connect(line, &QLineEdit::textChanged, m_validateTimer, qOverload<>(&QTimer::start));
    // What the operator changed (not what loading the sync set), for Cancel's question.
    for (QComboBox *box : {m_model, m_destination, m_object, m_mode, m_matchSource, m_matchField, m_consent, m_diff, m_scheduleKind})
        connect(box, &QComboBox::activated, this, [this] { m_touched = true; });
    for (QLineEdit *line : {m_name, m_scheduleValue})
        connect(line, &QLineEdit::textEdited, this, [this] { m_touched = true; });
    connect(m_model, &QComboBox::currentIndexChanged, this, &SyncEditor::modelChanged);
    connect(m_destination, &QComboBox::currentIndexChanged, this, &SyncEditor::destinationChanged);
    connect(m_object, &QComboBox::currentTextChanged, this, &SyncEditor::loadFields);
}

void SyncEditor::loadSync()
{
    const workspace::Config &config = m_document->workspace().config();
    m_raw = m_document->workspace().json().value(QStringLiteral("syncs")).toObject().value(m_original).toObject();
    const workspace::SyncConfig sync = config.syncs.value(m_original);
    m_name->setText(m_original);
    m_name->setReadOnly(!m_original.isEmpty());
    const QSignalBlocker blockModel(m_model), blockDestination(m_destination);
    if (!m_original.isEmpty()) {
        selectValue(m_model, sync.model);
        selectValue(m_destination, sync.destination);
    }
    QList<MappingModel::Mapping> mappings;
    for (const workspace::FieldMapping &f : sync.fields)
        mappings.append({f.source, f.destination, f.transform});
    m_mapping->setMappings(mappings);
    m_alerts->setRules(m_raw.value(QStringLiteral("alerts")).toObject());
    selectValue(m_diff, toString(sync.diff));
    const QJsonObject schedule = sync.schedule;
    for (const char *kind : {"every", "cron", "after"})
        if (schedule.contains(QLatin1String(kind))) {
            selectValue(m_scheduleKind, QLatin1String(kind));
            m_scheduleValue->setText(schedule.value(QLatin1String(kind)).toString());
        }
    destinationChanged();
    selectValue(m_mode, toString(sync.mode));
    selectValue(m_object, sync.object);
    modelChanged();
    selectValue(m_matchSource, sync.matchSource);
    selectValue(m_matchField, sync.matchDestination);
    selectValue(m_consent, sync.consentColumn);
    validate();
}

void SyncEditor::modelChanged()
{
    const workspace::ModelConfig model = m_document->workspace().config().models.value(comboValue(m_model));
    const quint64 generation = ++m_columnsGeneration;
    setStatus(tr("Reading the columns of %1…").arg(model.name));
    auto *watcher = new QFutureWatcher<ColumnsAnswer>(this);
    connect(watcher, &QFutureWatcher<ColumnsAnswer>::finished, this, [this, watcher, generation, model] {
        watcher->deleteLater();
        if (generation != m_columnsGeneration)
            return; // the operator picked another model meanwhile
        const ColumnsAnswer answer = watcher->result();
        m_columns = answer.columns;
        m_mapping->setColumns(answer.columns, model.primaryKey);
        m_mapper->setSample(answer.sample);
        const QString match = comboValue(m_matchSource), consent = comboValue(m_consent);
        const QSignalBlocker blockMatch(m_matchSource), blockConsent(m_consent);
        m_matchSource->clear();
        m_consent->clear();
        m_matchSource->addItem(tr("(no match: keyed by the primary key)"), QString());
        m_consent->addItem(tr("(every row may be sent)"), QString());
        for (const source::Column &c : answer.columns) {
            m_matchSource->addItem(c.name, c.name);
            m_consent->addItem(c.name, c.name);
        }
        selectValue(m_matchSource, match.isEmpty() ? m_document->workspace().config().syncs.value(m_original).matchSource : match);
        selectValue(m_consent, consent.isEmpty() ? m_document->workspace().config().syncs.value(m_original).consentColumn : consent);
        setStatus(answer.error.isEmpty() ? QString() : tr("The columns of %1 could not be read: %2").arg(model.name, answer.error));
        emit columnsLoaded();
        m_validateTimer->start();
    });
    const workspace::Workspace ws = m_document->workspace();
    watcher->setFuture(QtConcurrent::run([ws, model] { return readColumns(ws, model); }));
}

void SyncEditor::destinationChanged()
{
    const workspace::DestinationConfig config = m_document->workspace().config().destinations.value(comboValue(m_destination));
    const connector::ConnectorInfo *info = connector::findDestination(config.type);
    const QString mode = comboValue(m_mode);
    const QSignalBlocker block(m_mode);
    m_mode->clear();
    const QStringList modes = info && !info->modes.isEmpty() ? info->modes : QStringList{QStringLiteral("upsert")};
    for (const QString &m : modes)
        m_mode->addItem(m, m);
    selectValue(m_mode, mode.isEmpty() ? modes.first() : mode);
    m_object->setEnabled(!info || info->needsObject || !config.type.isEmpty());
    m_object->setToolTip(info && info->needsObject ? tr("Required: where in %1 the records go").arg(info->translatedLabel())
                                                   : tr("Optional for this destination"));
    loadObjects();
    loadFields();
}

// The destination's objects listed on a worker (a CRM's API, a database's
// tables); what the operator typed stays, and stays allowed.
void SyncEditor::loadObjects()
{
    const QString destination = comboValue(m_destination);
    const quint64 generation = ++m_objectsGeneration;
    auto *watcher = new QFutureWatcher<ObjectsAnswer>(this);
    connect(watcher, &QFutureWatcher<ObjectsAnswer>::finished, this, [this, watcher, generation, destination] {
        watcher->deleteLater();
        if (generation != m_objectsGeneration)
            return;
        const ObjectsAnswer answer = watcher->result();
        const QString current = m_object->currentText();
        {
            const QSignalBlocker block(m_object);
            m_object->clear();
            for (const destination::ObjectInfo &o : answer.objects) {
                m_object->addItem(o.name, o.name); // the text is what sluice.json gets; the tool's label is its tip
                if (!o.label.isEmpty())
                    m_object->setItemData(m_object->count() - 1, o.label, Qt::ToolTipRole);
            }
            m_object->setCurrentIndex(-1);
            m_object->setEditText(current);
        }
        if (!answer.error.isEmpty())
            setStatus(tr("The objects of %1 could not be listed: %2").arg(destination, answer.error));
        emit objectsLoaded();
    });
    const workspace::Workspace ws = m_document->workspace();
    watcher->setFuture(QtConcurrent::run([ws, destination] { return readObjects(ws, destination); }));
}

void SyncEditor::loadFields()
{
    const QString destination = comboValue(m_destination);
    const QString object = m_object->currentText().trimmed();
    const quint64 generation = ++m_fieldsGeneration;
    auto *watcher = new QFutureWatcher<FieldsAnswer>(this);
    connect(watcher, &QFutureWatcher<FieldsAnswer>::finished, this, [this, watcher, generation, destination] {
        watcher->deleteLater();
        if (generation != m_fieldsGeneration)
            return;
        const FieldsAnswer answer = watcher->result();
        m_mapping->setFields(answer.fields, answer.open);
        const QString current = m_matchField->currentText();
        const QSignalBlocker block(m_matchField);
        m_matchField->clear();
        for (const MappingModel::Field &f : answer.fields)
            if (f.info.unique || !f.identifierKind.isEmpty() || answer.open)
                m_matchField->addItem(f.info.name, f.info.name);
        m_matchField->setEditText(current);
        if (!answer.error.isEmpty())
            setStatus(tr("The fields of %1 could not be read: %2").arg(destination, answer.error));
        emit fieldsLoaded();
        m_validateTimer->start();
    });
    const workspace::Workspace ws = m_document->workspace();
    watcher->setFuture(QtConcurrent::run([ws, destination, object] { return readFields(ws, destination, object); }));
}

QString SyncEditor::syncName() const
{
    return m_name->text().trimmed();
}

QJsonObject SyncEditor::syncJson() const
{
    QJsonObject o = m_raw; // keys this editor does not show (alerts, max_delete_share, ...) stay as they were
    o.insert(QStringLiteral("model"), comboValue(m_model));
    o.insert(QStringLiteral("destination"), comboValue(m_destination));
    auto setOrRemove = [&](const char *key, const QJsonValue &value, bool keep) {
        if (keep)
            o.insert(QLatin1String(key), value);
        else
            o.remove(QLatin1String(key));
    };
    const QString object = m_object->currentText().trimmed();
    setOrRemove("object", object, !object.isEmpty());
    setOrRemove("mode", comboValue(m_mode), comboValue(m_mode) != QLatin1String("upsert") || o.contains(QStringLiteral("mode")));
    const QString matchSource = comboValue(m_matchSource), matchField = m_matchField->currentText().trimmed();
    setOrRemove("match", QJsonObject{{QStringLiteral("source"), matchSource}, {QStringLiteral("destination"), matchField}},
                !matchSource.isEmpty() || !matchField.isEmpty());
    QJsonObject policy = o.value(QStringLiteral("policy")).toObject();
    if (comboValue(m_consent).isEmpty())
        policy.remove(QStringLiteral("consent"));
    else
        policy.insert(QStringLiteral("consent"), comboValue(m_consent));
    setOrRemove("policy", policy, !policy.isEmpty());
    setOrRemove("diff", comboValue(m_diff), comboValue(m_diff) != QLatin1String("local") || o.contains(QStringLiteral("diff")));
    const QString kind = comboValue(m_scheduleKind);
    QJsonObject schedule = o.value(QStringLiteral("schedule")).toObject();
    for (const char *k : {"every", "cron", "after", "manual"})
        schedule.remove(QLatin1String(k));
    if (!kind.isEmpty())
        schedule.insert(kind, m_scheduleValue->text().trimmed());
    setOrRemove("schedule", schedule, !kind.isEmpty());
    const QJsonObject alerts = m_alerts->rules();
    setOrRemove("alerts", alerts, !alerts.isEmpty());
    o.insert(QStringLiteral("fields"), m_mapping->toJson());
    return o;
}

void SyncEditor::validate()
{
    m_problems.clear();
    m_draft.reset();
    const QString name = syncName();
    if (name.isEmpty())
        m_problems.append(tr("The sync needs a name."));
    else if (m_original.isEmpty() && m_document->workspace().config().syncs.contains(name))
        m_problems.append(tr("A sync named %1 exists already.").arg(name));
    if (m_problems.isEmpty()) {
        QJsonObject json = m_document->workspace().json();
        QJsonObject syncs = json.value(QStringLiteral("syncs")).toObject();
        syncs.insert(name, syncJson());
        json.insert(QStringLiteral("syncs"), syncs);
        Result<workspace::Workspace> parsed = workspace::Workspace::fromText(QJsonDocument(json).toJson(), m_document->workspace().dir());
        if (parsed)
            m_draft = parsed.value();
        else
            for (const QString &line : parsed.error().message.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                m_problems.append(line);
    }
    m_problemList->clear();
    if (m_problems.isEmpty())
        m_problemList->addItem(tr("✓ This sync is valid."));
    else
        m_problemList->addItems(m_problems);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(m_problems.isEmpty());
}

void SyncEditor::preview()
{
    validate();
    if (m_draft)
        m_projection->build(*m_draft, syncName());
}

bool SyncEditor::save()
{
    // Changed in sluice.json while it was being edited here: say so once, keep the edits, and replace only when saved again.
    m_document->reloadIfChangedOnDisk();
    const QJsonObject onDisk = m_document->workspace().json().value(QStringLiteral("syncs")).toObject().value(m_original).toObject();
    if (!m_original.isEmpty() && onDisk != m_raw) {
        m_raw = onDisk;
        m_problemList->clear();
        m_problemList->addItem(tr("Sync %1 was changed in sluice.json while you edited it here. Your edits are kept in this window; "
                                  "Save again to replace the file's version with them, or Cancel to keep the file's.").arg(m_original));
        return false;
    }
    validate();
    if (!m_problems.isEmpty())
        return false;
    Result<void> saved = m_document->setEntry(QStringLiteral("syncs"), syncName(), syncJson());
    if (!saved) {
        m_problems = {saved.error().message};
        m_problemList->clear();
        m_problemList->addItems(m_problems);
        return false;
    }
    m_mapping->undoStack()->setClean();
    m_touched = false;
    return true;
}

bool SyncEditor::edited() const
{
    return m_touched || !m_mapping->undoStack()->isClean();
}

void SyncEditor::reject()
{
    if (!edited() || findChild<QMessageBox *>(QStringLiteral("discardConfirmation"))) {
        if (!edited())
            QDialog::reject();
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, windowTitle(), tr("Discard your changes to this sync?"),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("discardConfirmation"));
    box->setInformativeText(tr("They are not in sluice.json yet; Cancel keeps editing, and Save writes them."));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box](int) {
        if (box->clickedButton() == box->button(QMessageBox::Discard)) {
            m_touched = false;
            m_mapping->undoStack()->setClean();
            QDialog::reject();
        }
    });
    box->open();
}

void SyncEditor::setStatus(const QString &text)
{
    setWindowTitle((m_original.isEmpty() ? tr("New sync") : tr("Sync %1").arg(m_original)) + (text.isEmpty() ? QString() : QStringLiteral(" — ") + text));
}

} // namespace sluice::ui
