#pragma once

// The agent's main window: views in a sidebar, the inbox list, a search field, the reading pane
// and the composer, the menus of ticket actions, and the sync state. It wires widgets to models
// and keeps no data of its own: the models read the store, TicketActions writes through the
// outbox, and the sync engine (on its own thread) brings the server's changes.

#include "domain.h"
#include "sessionwork.h"
#include "status.h"
#include "viewlistmodel.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>

class QAction;
class QFrame;
class QLabel;
class QMenu;
class QLineEdit;
class QListView;
class QSettings;
class QSplitter;
class QSystemTrayIcon;
class QUrl;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace Pult {

class AgentSettings;
class CannedSettings;
class CommandPalette;
class Composer;
class Dashboard;
class DepartmentSettings;
class FilterBar;
class LocalStore;
class NoticeMenu;
class Notifier;
struct Notification;
struct Rejection;
class RuleSettings;
class SyncEngine;
class SyncSession;
class TicketActions;
class TicketListModel;
struct TicketQuery;
class TicketPane;
class ViewSettings;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // store: the window's read connection, owned by the caller and outliving the window.
    // home: the data directory, shown to the user. settings: where the window keeps its
    // geometry and layout (tests pass a file in a temporary directory).
    MainWindow(LocalStore &store, const QString &home, std::unique_ptr<QSettings> settings,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the views, their counts, the current list and the ticket being read again (F5).
    // The counts and the list arrive from their readers; recount says which counts may have
    // changed (ViewListModel::Recount).
    void refresh(ViewListModel::Recount recount = ViewListModel::Recount::All);
    // Starts the sync engine when this profile has signed in to a server (pult does it once
    // the window is shown); until then the window works on the local data alone.
    void startSync();
    SyncEngine *syncEngine() const { return m_engine.get(); }

    // Shows a ticket in the reading pane, selecting its row when the list has it.
    void openTicket(const QUuid &ticketId);
    bool openTicketNumber(qint64 number);
    // The tickets the actions apply to: the selected rows, else the one being read.
    QList<QUuid> selectedTickets() const;
    // Tells the user that the server refused a change (and rolled it back).
    void showRejection(const Rejection &rejection);
    // The inbox shows the tickets the filter text selects, as if typed into the filter bar.
    bool showFilter(const QString &text);
    // View → Dashboard (leads, admins, and a profile nobody signed in to): the dashboard window
    // for the agent's departments, opened or raised.
    Dashboard *showDashboard();
    // Settings → Departments (leads and admins): the department settings, opened or raised.
    DepartmentSettings *showDepartmentSettings();
    // Settings → Agents (leads see, admins change): opened or raised.
    AgentSettings *showAgentSettings();
    // Settings → Rules (leads and admins): opened or raised.
    RuleSettings *showRuleSettings();
    // Settings → Canned responses (everyone signed in): opened or raised.
    CannedSettings *showCannedSettings();
    // Settings → Shared views (leads and admins): opened or raised.
    ViewSettings *showViewSettings();

    TicketListModel *ticketModel() const { return m_tickets; }
    ViewListModel *viewModel() const { return m_views; }
    TicketActions *ticketActions() const { return m_actions; }
    Composer *composer() const { return m_composer; }
    // Every action of the menus, for the command palette and tests (by objectName).
    QList<QAction *> allActions() const { return m_allActions; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildInbox();
    QWidget *buildEmptyState();
    void setUpShortcuts();
    void setUpActions();
    QAction *addMenuAction(QMenu *menu, const QString &name, const QString &text,
                           const QKeySequence &shortcut, std::function<void()> run);
    // Ticket actions follow the selection; account actions the profile's sign-in (sign in,
    // sign out, a new engine), so a selection change reads nothing from the store.
    void updateTicketActions();
    void updateAccountActions();
    // Away (docs/automation.md "Assignment"): asks the server whether this agent is away, and
    // tells it; the File menu's check mark follows the server's answer.
    void loadAway();
    void setAway(bool away);
    // Asks, then erases the open ticket's requester (admins; docs/privacy.md).
    // View → Language: the window's language from its next start (languageSettingKey()).
    void addLanguageMenu(QMenu *view);
    void exportRequester();
    void eraseRequester();
    // The requester of the one selected ticket, read from the cache; nullopt (and whenNone on
    // the status bar) when there is none.
    std::optional<Contact> selectedRequester(const QString &whenNone);
    void afterLocalChange(const QList<QUuid> &tickets);
    void refreshTicketPane();
    void updateSortIndicator();
    // Marks the list rows of tickets whose local changes are still in the outbox.
    void updatePendingMarks();
    void showNotice(const QString &text, const QUuid &ticketId);
    void signIn();
    void signOut();
    void askAssignee();
    void askCategory();
    void askTags();
    void askRelated(bool merge);
    void askTime(bool reminder);
    void showChanges();
    void openAnotherProfile();
    // Desktop notifications (notifier.h): shown unless do-not-disturb is on.
    void selectFirstResult();
    void notify();
    void showNotifications(QList<Notification> shown);
    QSystemTrayIcon *trayIcon();
    // attachment:<sha256>?name=NAME links of the conversation: open or save, fetched in the
    // background when not cached yet.
    void openAttachment(const QUrl &url);
    void restoreSettings();
    void saveSettings();

    void selectView(const QString &key);
    // Shows the tickets the filter text selects (compiled against the store at this moment).
    bool applyFilter(const QString &text);
    // Orders the list: the current view or filter, as filter text, with "sort:KEY" (filters.md:
    // updated, created, priority, sla, queue).
    void sortBy(const QString &key);
    // The filter text selecting what a built-in view or queue selects.
    QString filterTextOf(const TicketQuery &query);
    void saveFilter(const QString &text);
    // True for rows that show tickets: built-in views, queues and saved filters.
    bool isView(const QModelIndex &index) const;
    void showView(const QModelIndex &index);
    void applySearch();
    void clearSearch();
    void moveSelection(int delta);
    void showCurrentTicket();
    void reselectShownTicket();
    void updateTitleAndStatus();
    void updatePage();
    void showLoadError(const QString &message);
    QString currentViewKey() const;

    LocalStore &m_store;
    std::unique_ptr<SyncEngine> m_engine;
    QString m_home;
    std::unique_ptr<QSettings> m_settings;

    ViewListModel *m_views = nullptr;
    TicketListModel *m_tickets = nullptr;

    QStackedWidget *m_pages = nullptr;
    QWidget *m_emptyPage = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_contentSplitter = nullptr;
    QListView *m_sidebar = nullptr;
    QLabel *m_viewTitle = nullptr;
    QLabel *m_busyHint = nullptr;         // the list is loading (after 100 ms)
    bool m_selectFirstWhenLoaded = false; // Enter in the search field: select the first result
    bool m_refreshAfterList = false; // a local change: counts and conversation once the rows are in
    int m_moveWhenFetched = -1; // j past the loaded rows: the row to select when the page is in
    QLineEdit *m_searchField = nullptr;
    FilterBar *m_filterBar = nullptr;
    QTreeView *m_list = nullptr;
    TicketPane *m_pane = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_homeLabel = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTimer *m_minuteTimer = nullptr;
    TicketActions *m_actions = nullptr;
    Composer *m_composer = nullptr;
    QFrame *m_notice = nullptr;
    QLabel *m_noticeText = nullptr;
    QLabel *m_syncLabel = nullptr;
    QMenu *m_departmentMenu = nullptr;
    QList<QAction *> m_allActions;
    QList<QAction *> m_ticketActions; // enabled only while tickets are selected
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_syncNowAction = nullptr;
    QAction *m_dashboardAction = nullptr;              // leads and admins
    QPointer<Dashboard> m_dashboard;                   // while its window is open
    QPointer<DepartmentSettings> m_departmentSettings; // while it is open
    QMenu *m_settingsMenu = nullptr;
    QAction *m_departmentSettingsAction = nullptr;
    QAction *m_agentSettingsAction = nullptr;
    QPointer<AgentSettings> m_agentSettings; // while it is open
    QAction *m_ruleSettingsAction = nullptr;
    QAction *m_cannedSettingsAction = nullptr;
    QPointer<CannedSettings> m_cannedSettings; // while it is open
    QAction *m_viewSettingsAction = nullptr;
    QPointer<ViewSettings> m_viewSettings; // while it is open
    QPointer<RuleSettings> m_ruleSettings; // while it is open
    QAction *m_exportRequester = nullptr;  // admins only
    QAction *m_eraseRequester = nullptr;   // admins only
    QAction *m_doNotDisturb = nullptr;
    QAction *m_away = nullptr; // checked while the server's assignment passes this agent by
    CommandPalette *m_palette = nullptr;
    std::unique_ptr<Notifier> m_notifier;
    std::unique_ptr<StoreReader>
        m_notifierReader;              // runs m_notifier (declared after it: goes first)
    QSystemTrayIcon *m_tray = nullptr; // created with the first notification
    NoticeMenu *m_notices = nullptr;   // what rules told this agent
    QSet<QUuid> m_pendingTickets;      // rows marked as waiting to be sent
    int m_pendingOps = -1;             // the outbox size the marks were read at; -1: changed since
    QUuid m_notifiedTicket;            // what clicking the last notification opens
    SessionWork m_background;          // network work off the UI thread (declared last: goes first)
};

} // namespace Pult
