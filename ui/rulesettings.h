#pragma once

// Settings → Rules: automation rules (docs/automation.md) for leads (their departments) and
// admins (any, and every department at once).
//
// The list is the server's (GET /api/v1/rules), read through SessionWork. The form writes a rule
// in the words `pultctl rule add` takes: when (the trigger), if (a condition in the filter
// language, in the inbox's FilterBar with its highlighting, completion and errors) and then (the
// actions); the trigger and the actions are checked as they are typed with core/rules.h, the
// parser pultd refuses a rule with. Save and Remove go to the server at once (upsert_rule,
// delete_rule through SyncSession::applyNow, as pultctl rule does: the author wants the verdict
// now), and the server's refusal is shown with its reason.

#include "domain.h"
#include "rules.h"
#include "sessionwork.h"
#include "settingspage.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Pult {

class FilterBar;
class LocalStore;

class RuleSettings : public QDialog
{
    Q_OBJECT

public:
    // store: the window's connection, outliving the dialog; home: the profile directory.
    RuleSettings(LocalStore &store, const QString &home, QWidget *parent = nullptr);

    // Reads the server's list again.
    void reload();
    bool selectRule(const QUuid &id);
    // An empty form for a new rule.
    void newRule();
    // Sends the rule in the form; false (with the reason) when a part does not parse.
    bool save();
    // Removes the rule in the form from the server.
    bool remove();

    // The parts, for tests (also by objectName).
    QTreeWidget *rules() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *departmentBox() const { return m_department; }
    QLineEdit *whenEdit() const { return m_when; }
    FilterBar *conditionBar() const { return m_condition; }
    QLineEdit *actionsEdit() const { return m_actions; }
    QLabel *errorLabel() const { return m_errors; }
    QLabel *stateLabel() const { return m_state; }
    QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
    // The server's list arrived and is shown.
    void loaded();

private:
    void showRule(const Rule &rule, bool isNew);
    // Checks the parts; returns the first errors, shows them and enables Save.
    QStringList check();
    // Sends an op at once and reloads the list when the server applied it.
    void send(const QJsonObject &op, const QString &done, const QUuid &show);

    LocalStore &m_store;
    SettingsPage::FilterCheck m_filterCheck;
    SessionWork m_work;
    bool m_admin = false;
    QList<Rule> m_rules; // the server's, in the list's order
    Rule m_shown;
    bool m_isNew = true;

    QTreeWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_department;
    QLineEdit *m_when;
    FilterBar *m_condition;
    QLineEdit *m_actions;
    QSpinBox *m_position;
    QCheckBox *m_enabled;
    QCheckBox *m_stop;
    QLabel *m_errors;
    QLabel *m_state;
    QPushButton *m_save;
    QPushButton *m_remove;
};

} // namespace Pult
