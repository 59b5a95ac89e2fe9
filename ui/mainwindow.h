#pragma once

// The agent's main window: views in a sidebar, the inbox list, a search field and the reading
// pane. It wires widgets to models and keeps no data of its own: the models read the store.

#include <QMainWindow>
#include <QString>

#include <memory>

class QLabel;
class QLineEdit;
class QListView;
class QSettings;
class QSplitter;
class QStackedWidget;
class QTimer;
class QTreeView;

namespace Pult {

class LocalStore;
class TicketListModel;
class TicketPane;
class ViewListModel;

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

    // Reads the views, their counts and the current list again (F5).
    void refresh();

    TicketListModel *ticketModel() const { return m_tickets; }
    ViewListModel *viewModel() const { return m_views; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildInbox();
    QWidget *buildEmptyState();
    void setUpShortcuts();
    void restoreSettings();
    void saveSettings();

    void selectView(const QString &key);
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
    QLineEdit *m_searchField = nullptr;
    QTreeView *m_list = nullptr;
    TicketPane *m_pane = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_homeLabel = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTimer *m_minuteTimer = nullptr;
};

} // namespace Pult
