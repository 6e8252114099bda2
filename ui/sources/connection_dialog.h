#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace sluice::connector {
struct ConnectorInfo;
}

namespace sluice::ui {

class WorkspaceDocument;

// Adds or edits a source or a destination in a form generated from its
// connector's settings (label, help, default as placeholder, required mark,
// advanced ones behind a toggle). A secret is stored in the OS keychain (or
// named as an environment variable or a file) and only its reference reaches
// sluice.json; the "sluice.json gets" line shows exactly what will be
// written, validated as it is typed. Test connection runs off the UI thread
// and says what it proved or why not, in words.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    enum class Kind { Source, Destination };
    ConnectionDialog(WorkspaceDocument *document, Kind kind, const QString &existing = {}, QWidget *parent = nullptr);

    QString name() const;
    void setName(const QString &name);
    void setType(const QString &type);
    // The field of a setting, for tests: its line edit (a secret's value).
    QLineEdit *field(const QString &key) const;
    void setSecretStore(const QString &key, const QString &store); // keychain, env, file
    // What sluice.json gets for this entry (secrets as references).
    QJsonObject entry() const;
    QString problem() const; // the validation message, or empty
    QString verdict() const;

    void testConnection();
    // Stores typed secrets, then writes sluice.json; false with a message shown.
    bool save();

signals:
    void tested(bool ok, const QString &verdict);

private:
    struct SecretField
    {
        QComboBox *store = nullptr;
        QLineEdit *value = nullptr;
    };
    void buildForm();
    QWidget *secretRow(const QString &key, const QJsonValue &current);
    void refresh();
    QString keychainName(const QString &key) const;
    QHash<QString, QString> typedSecrets() const;
    const connector::ConnectorInfo *info() const;
    QString section() const;

    WorkspaceDocument *m_document;
    Kind m_kind;
    QString m_existing;
    QJsonObject m_original;
    QLineEdit *m_name;
    QComboBox *m_type;
    QFormLayout *m_form;
    QFormLayout *m_advancedForm;
    QToolButton *m_showAdvanced;
    QWidget *m_advanced;
    QLabel *m_gets;
    QLabel *m_problem;
    QLabel *m_verdict;
    QPushButton *m_test;
    QPushButton *m_save;
    QHash<QString, QWidget *> m_fields;
    QHash<QString, SecretField> m_secrets;
    quint64 m_generation = 0;
};

} // namespace sluice::ui
