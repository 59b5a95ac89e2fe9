#pragma once

// Settings → Departments: a department's settings in the window (docs/leads-and-admins.md).
// Admins add departments and change all of it: the name and address, business hours in a
// weekly editor with holidays, the SLA policy, the queue order, the reply header and footer, the
// goals, and (on their own tab, mailboxeditor.h) the mailboxes. A lead sees the departments they
// lead and changes what pultd lets a lead change (the queue order, the reply frame, the goals); the
// rest is shown, not editable.
//
// Every text is checked as it is typed, by the parser pultd checks it with (business hours, SLA
// policy, goals, templates), and the reply frame is previewed for a sample ticket. Save queues
// one create_department or update_department op with the fields that changed, through the
// outbox like every other change (TicketActions::submitSetting). The server's verdict comes
// back through the sync engine: "Saved" once it took the change, or its reason for refusing.
// What the dialog shows is read from the local store, so it opens at once and offline.

#include "domain.h"
#include "sessionwork.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QUuid>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace Pult {

class BusinessHoursEditor;
class LocalStore;
class MailboxEditor;
class SettingVerdict;
class SyncEngine;
class TicketActions;

class DepartmentSettings : public QDialog
{
    Q_OBJECT

public:
    // store and actions: the window's, outliving the dialog; engine: the window's sync engine,
    // null when the profile is not signed in (a change then waits in the outbox); home: the
    // profile directory.
    DepartmentSettings(LocalStore &store, TicketActions &actions, SyncEngine *engine,
                       const QString &home, QWidget *parent = nullptr);

    // Reads the settings only the server keeps (assignment, satisfaction surveys, auto-replies)
    // again; serverSettingsLoaded() follows.
    void reloadServerSettings();

    // Shows the department (false when the agent may not configure it or it is not known).
    bool selectDepartment(const QUuid &id);
    // A form for a new department (admins).
    void newDepartment();
    // Queues the changes; false (with the reason on the state line) when there is nothing to
    // save, a field has an error, or the op could not be queued.
    bool save();
    // Removes the department shown (admins), its tickets and the rest moving to `moveTo`: one
    // delete_department op sent at once, not through the outbox, for it cannot be undone. The
    // Remove button asks which department and whether to go on first. False when nothing was
    // sent; the server's verdict comes to the state line.
    bool removeDepartment(const QUuid &moveTo);

    // The parts, for tests (also by objectName).
    QListWidget *departments() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *emailEdit() const { return m_email; }
    BusinessHoursEditor *hoursEditor() const { return m_hours; }
    QPlainTextEdit *slaEdit() const { return m_sla; }
    QComboBox *queueOrderBox() const { return m_queueOrder; }
    QPlainTextEdit *headerEdit() const { return m_header; }
    QPlainTextEdit *footerEdit() const { return m_footer; }
    QLineEdit *goalsEdit() const { return m_goals; }
    QPlainTextEdit *preview() const { return m_preview; }
    QComboBox *assignmentBox() const { return m_assignment; }
    QSpinBox *capBox() const { return m_cap; }
    QCheckBox *csatBox() const { return m_csat; }
    QPlainTextEdit *autoReplyEdit() const { return m_autoReply; }
    QComboBox *languageBox() const { return m_language; }
    QLineEdit *colorEdit() const { return m_color; }
    QCheckBox *webFormBox() const { return m_webForm; }
    QLineEdit *formOriginsEdit() const { return m_formOrigins; }
    QLabel *errorLabel() const { return m_errors; }
    QLabel *stateLabel() const { return m_state; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *removeButton() const { return m_remove; }
    MailboxEditor *mailboxEditor() const { return m_mailboxes; } // null for a lead

Q_SIGNALS:
    void serverSettingsLoaded();

private:
    // Fills the server's settings of the department shown (unless `refill` is false: they keep
    // what was typed), or disables them while unknown.
    void showServerSettings(bool refill = true);
    // The departments this agent may configure, from the store, keeping the selection.
    void reloadList();
    void load(const Department &department, bool isNew);
    // Checks every field, shows the first errors and the preview, and enables Save.
    void check();
    // The op's department object: the id and the fields that differ from what was loaded.
    QJsonObject changedFields(QStringList &errors) const;
    bool confirmDiscard();
    // Asks where the shown department's tickets go and whether to remove it; then removes it.
    void askToRemove();

    LocalStore &m_store;
    SyncEngine *m_engine;
    SettingVerdict *m_verdict = nullptr; // made once the state line is
    Agent m_me;
    bool m_admin = false;

    SessionWork m_work;
    QList<Department> m_departments; // the list's, in its order
    // The settings only pultd keeps, by department (GET /api/v1/departments); for a new one,
    // the defaults. Empty until read.
    QHash<QUuid, QJsonObject> m_server;
    QString m_serverError; // why they could not be read
    Department m_loaded;   // as shown when it was loaded (a new one: empty but for its id)
    bool m_isNew = false;
    bool m_removing = false; // a delete_department is on its way

    QListWidget *m_list;
    QPushButton *m_add;
    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QComboBox *m_queueOrder;
    QLineEdit *m_goals;
    BusinessHoursEditor *m_hours;
    QPlainTextEdit *m_sla;
    QPlainTextEdit *m_header;
    QPlainTextEdit *m_footer;
    QPlainTextEdit *m_preview;
    QComboBox *m_assignment;
    QSpinBox *m_cap;
    QCheckBox *m_csat;
    QSpinBox *m_csatDelay;
    QPlainTextEdit *m_autoReply;
    QPlainTextEdit *m_autoReplyOutside;
    QComboBox *m_language;
    QLineEdit *m_color;
    QCheckBox *m_webForm;
    QLineEdit *m_formOrigins;
    QLabel *m_serverState; // on each tab of settings only the server keeps
    QLabel *m_pagesState;
    QLabel *m_errors;
    QLabel *m_state;
    QPushButton *m_save;
    QPushButton *m_remove;
    MailboxEditor *m_mailboxes = nullptr;
};

} // namespace Pult
