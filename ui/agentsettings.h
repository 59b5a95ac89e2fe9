#pragma once

// Settings → Agents: who works in the help desk (docs/leads-and-admins.md).
//
// The list is the server's (GET /api/v1/agents: the local store does not keep who is
// deactivated), read off the UI thread through SessionWork when the dialog opens and after each
// change. An admin adds an agent with an initial password made here and shown once (create_agent
// goes to the server at once and is never kept in the outbox, as with `pultctl agent add`),
// changes an agent's name, role and departments with their tiers, and deactivates or
// reactivates them (update_agent through the outbox, followed by SettingVerdict). A lead sees
// the agents of their departments and changes nothing. For any agent, Open tickets shows in the
// inbox the tickets still assigned to them: what a deactivated agent left behind.

#include "sessionwork.h"

#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

class QComboBox;
class QSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTreeWidget;

namespace Pult {

class LocalStore;
class SettingVerdict;
class SyncEngine;
class TicketActions;

class AgentSettings : public QDialog
{
    Q_OBJECT

public:
    // store and actions: the window's, outliving the dialog; engine: the window's sync engine
    // (null when not signed in); home: the profile directory.
    AgentSettings(LocalStore &store, TicketActions &actions, SyncEngine *engine,
                  const QString &home, QWidget *parent = nullptr);

    // Reads the server's list again.
    void reload();
    // Shows an agent of the list (false when it has none with that id).
    bool selectAgent(const QUuid &id);
    // An empty form for a new agent (admins).
    void newAgent();
    // Adds the new agent, or sends the changes to the selected one; false (with the reason on
    // the state line) when there is nothing to send or a field is wrong.
    bool save();
    // Deactivates or reactivates the selected agent.
    bool setActive(bool active);

    // The parts, for tests (also by objectName).
    QTreeWidget *agents() const { return m_list; }
    QLineEdit *emailEdit() const { return m_email; }
    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *roleBox() const { return m_role; }
    QSpinBox *seniorityBox() const { return m_seniority; }
    QTableWidget *departmentsTable() const { return m_departments; }
    QLineEdit *passwordField() const { return m_password; }
    QLabel *stateLabel() const { return m_state; }

Q_SIGNALS:
    // The server's list arrived and is shown.
    void loaded();
    // The inbox should show the tickets this filter selects (Open tickets).
    void filterRequested(const QString &filter);

private:
    void showList(const QJsonArray &agents);
    void showAgent(const QJsonObject &agent);
    // The memberships ticked in the departments table, as update_agent takes them.
    QJsonArray checkedDepartments() const;
    void updateButtons();
    // Queues an update_agent op and follows its verdict.
    bool submitUpdate(const QJsonObject &op);

    LocalStore &m_store;
    SettingVerdict *m_verdict = nullptr; // made once the state line is
    SessionWork m_work;
    bool m_admin = false;
    QJsonArray m_agents; // the server's list
    QJsonObject m_shown; // the agent in the form as the server listed them; empty: a new one
    bool m_adding = false;
    QUuid m_passwordOf; // the agent whose initial password is shown

    QTreeWidget *m_list;
    QLineEdit *m_email;
    QLineEdit *m_name;
    QComboBox *m_role;
    QSpinBox *m_seniority;
    QTableWidget *m_departments;
    QLineEdit *m_password;
    QLabel *m_passwordLabel;
    QLabel *m_state;
    QPushButton *m_add;
    QPushButton *m_save;
    QPushButton *m_activate;
    QPushButton *m_openTickets;
};

} // namespace Pult
