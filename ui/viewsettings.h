#pragma once

// Settings → Shared views: the saved filters a lead shares with their departments' agents, and an
// admin with any department or everyone (they show in the agents' sidebars under Shared views).
// Agents save views of their own from the filter bar; this page is for leads and admins.
//
// The list is the local store's. The query is edited in the inbox's FilterBar, with its
// completion and errors. Save and Remove are upsert_shared_filter and delete_shared_filter ops
// through the outbox, applied to the cache at once and followed by SettingVerdict; a view this
// agent may not manage is shown, not changed.

#include "domain.h"
#include "settingspage.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace Pult {

class FilterBar;
class LocalStore;
class SettingVerdict;
class SyncEngine;
class TicketActions;

class ViewSettings : public QDialog
{
    Q_OBJECT

public:
    ViewSettings(LocalStore &store, TicketActions &actions, SyncEngine *engine,
                 QWidget *parent = nullptr);

    bool selectView(const QUuid &id);
    void newView();
    bool save();
    bool remove();

    // The parts, for tests (also by objectName).
    QTreeWidget *views() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    FilterBar *queryBar() const { return m_query; }
    QComboBox *audienceBox() const { return m_audience; }
    QLabel *stateLabel() const { return m_state; }
    QPushButton *saveButton() const { return m_save; }

private:
    void reloadList();
    void showView(const SharedFilter &view, bool isNew);
    void check();

    LocalStore &m_store;
    SettingsPage::FilterCheck m_filterCheck;
    SettingVerdict *m_verdict = nullptr; // made once the state line is
    QList<SharedFilter> m_views;         // the list's, in its order
    QList<Department> m_departments;
    SharedFilter m_shown;
    bool m_isNew = true;

    QTreeWidget *m_list;
    QLineEdit *m_name;
    FilterBar *m_query;
    QComboBox *m_audience;
    QLabel *m_errors;
    QLabel *m_state;
    QPushButton *m_save;
    QPushButton *m_remove;
};

} // namespace Pult
