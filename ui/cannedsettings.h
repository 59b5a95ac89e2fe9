#pragma once

// Settings → Canned responses: the replies agents insert with a shortcut (docs/templates.md).
// Every agent keeps personal ones; a lead also writes their departments', an admin also the
// ones for everyone; the rest are shown, not changed (pultd's rule, which it enforces whatever
// this shows).
//
// The list is the local store's, so it opens at once and offline. The body is checked as it is
// typed with the template parser and previewed for a sample ticket. Save and Remove are
// upsert_canned_response and delete_canned_response ops through the outbox, applied to the cache
// at once, their verdict followed by SettingVerdict: a refusal is shown with the server's reason
// (and the cache rolled back by the engine).

#include "domain.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace Pult {

class LocalStore;
class SettingVerdict;
class SyncEngine;
class TicketActions;

class CannedSettings : public QDialog
{
    Q_OBJECT

public:
    // store and actions: the window's, outliving the dialog; engine: the window's sync engine
    // (null when not signed in).
    CannedSettings(LocalStore &store, TicketActions &actions, SyncEngine *engine,
                   QWidget *parent = nullptr);

    bool selectResponse(const QUuid &id);
    void newResponse();
    bool save();
    bool remove();

    // The parts, for tests (also by objectName).
    QTreeWidget *responses() const { return m_list; }
    QLineEdit *titleEdit() const { return m_title; }
    QLineEdit *shortcutEdit() const { return m_shortcut; }
    QComboBox *scopeBox() const { return m_scope; }
    QPlainTextEdit *bodyEdit() const { return m_body; }
    QPlainTextEdit *preview() const { return m_preview; }
    QLabel *errorLabel() const { return m_errors; }
    QLabel *stateLabel() const { return m_state; }
    QPushButton *saveButton() const { return m_save; }

private:
    void reloadList();
    void showResponse(const CannedResponse &response, bool isNew);
    void check();
    // The scope box's entry for a response's scope and owner; -1 when the agent cannot write it.
    int scopeIndex(CannedScope scope, const QUuid &owner) const;

    LocalStore &m_store;
    SettingVerdict *m_verdict = nullptr; // made once the state line is
    Agent m_me;
    QList<CannedResponse> m_responses; // the list's, in its order
    QList<Department> m_departments;
    CannedResponse m_shown;
    bool m_isNew = true;

    QTreeWidget *m_list;
    QLineEdit *m_title;
    QLineEdit *m_shortcut;
    QComboBox *m_scope;
    QPlainTextEdit *m_body;
    QPlainTextEdit *m_preview;
    QLabel *m_errors;
    QLabel *m_state;
    QPushButton *m_save;
    QPushButton *m_remove;
};

} // namespace Pult
