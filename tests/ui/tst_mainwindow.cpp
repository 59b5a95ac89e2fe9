// MainWindow as an agent uses it: views with counts, the inbox, search, keyboard, reading pane,
// the empty state and remembered geometry. Runs on the offscreen platform.
//
// With PULT_SCREENSHOT=FILE in the environment, screenshot() also saves a picture of the window
// (demo data, a ticket with a snippet and a note open) to FILE.

#include "demodata.h"
#include "filterbar.h"
#include "localization.h"
#include "mainwindow.h"
#include "messagetext.h"
#include "roles.h"
#include "ticketlistmodel.h"
#include "ticketpane.h"
#include "uitestdata.h"
#include "viewlistmodel.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

#include <limits>

using namespace Pult;

class MainWindowTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsViewsWithCounts();
    void statusBarShowsCountAndDataDirectory();
    void choosingAViewFiltersTheList();
    void opensTheSelectedTicket();
    void jAndKMoveThroughTheList();
    void jPastTheLoadedRowsFetchesMore();
    void searchIsDebouncedAndEscapeClearsIt();
    void ctrlFFocusesSearch();
    void filterBarFiltersTheList();
    void columnsAndQueueOrderSortTheView();
    void emptyStoreExplainsWhatToDo();
    void remembersGeometry();
    void choosesTheLanguageForTheNextStart();
    void screenshot();

private:
    std::unique_ptr<MainWindow> makeWindow(LocalStore &store, const QString &settingsName = {});
    static qint64 countOf(const ViewListModel &views, const QString &key);
    // Shortcuts work in the active window; without a window manager nobody activates it.
    static bool showActive(QWidget &window)
    {
        window.show();
        window.activateWindow();
        return QTest::qWaitForWindowActive(&window);
    }

    static constexpr int kTickets = 60;
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    UiTest::Fixture m_fixture;
};

void MainWindowTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_store = UiTest::openStore(m_dir.filePath(QStringLiteral("home/cache.db")));
    QVERIFY(m_store);
    m_fixture = UiTest::fillStore(*m_store, kTickets);
}

std::unique_ptr<MainWindow> MainWindowTest::makeWindow(LocalStore &store,
                                                       const QString &settingsName)
{
    const QString file = m_dir.filePath(
        (settingsName.isEmpty() ? QStringLiteral("settings") : settingsName) + u".ini");
    auto window =
        std::make_unique<MainWindow>(store, m_dir.filePath(QStringLiteral("home")),
                                     std::make_unique<QSettings>(file, QSettings::IniFormat));
    if (!UiTest::windowSettled(*window))
        qWarning("the window's list and sidebar did not load");
    return window;
}

qint64 MainWindowTest::countOf(const ViewListModel &views, const QString &key)
{
    return views.indexOfKey(key).data(ViewCountRole).toLongLong();
}

void MainWindowTest::showsViewsWithCounts()
{
    auto window = makeWindow(*m_store);
    auto *sidebar = window->findChild<QListView *>(QStringLiteral("sidebar"));
    QVERIFY(sidebar);
    const ViewListModel &views = *window->viewModel();

    int unassignedActive = 0, pending = 0, solved = 0, billingActive = 0;
    for (const Ticket &t : std::as_const(m_fixture.tickets)) {
        const bool active = isActive(t.status);
        unassignedActive += active && t.assigneeId.isNull();
        pending += t.status == TicketStatus::Pending;
        solved += t.status == TicketStatus::Solved || t.status == TicketStatus::Closed;
        billingActive += active && t.departmentId == m_fixture.billing.id;
    }
    QCOMPARE(countOf(views, QStringLiteral("all")), qint64(kTickets));
    QCOMPARE(countOf(views, QStringLiteral("unassigned")), qint64(unassignedActive));
    QCOMPARE(countOf(views, QStringLiteral("pending")), qint64(pending));
    QCOMPARE(countOf(views, QStringLiteral("solved")), qint64(solved));
    const QString billingKey = QStringLiteral("department:") + uuidToString(m_fixture.billing.id);
    QCOMPARE(countOf(views, billingKey), qint64(billingActive));
    QCOMPARE(views.indexOfKey(billingKey).data().toString(), QStringLiteral("Billing"));
    QVERIFY(views.indexOfKey(QStringLiteral("department:") + uuidToString(m_fixture.technical.id))
                .isValid());
    // Headings cannot be selected; views can; the first view is current.
    QVERIFY(!(views.flags(views.index(0)) & Qt::ItemIsSelectable));
    QCOMPARE(sidebar->currentIndex(), views.allTicketsIndex());
    QVERIFY(views.allTicketsIndex()
                .data(Qt::AccessibleTextRole)
                .toString()
                .contains(QString::number(kTickets)));
}

void MainWindowTest::statusBarShowsCountAndDataDirectory()
{
    auto window = makeWindow(*m_store);
    auto *count = window->findChild<QLabel *>(QStringLiteral("ticketCount"));
    auto *home = window->findChild<QLabel *>(QStringLiteral("dataDirectory"));
    QVERIFY(count && home);
    QCOMPARE(count->text(), QStringLiteral("%1 tickets").arg(kTickets));
    QVERIFY2(home->text().contains(m_dir.filePath(QStringLiteral("home"))),
             qPrintable(home->text()));
    QVERIFY(!count->accessibleName().isEmpty());
}

void MainWindowTest::choosingAViewFiltersTheList()
{
    auto window = makeWindow(*m_store);
    auto *sidebar = window->findChild<QListView *>(QStringLiteral("sidebar"));
    auto *count = window->findChild<QLabel *>(QStringLiteral("ticketCount"));
    auto *title = window->findChild<QLabel *>(QStringLiteral("viewTitle"));
    const ViewListModel &views = *window->viewModel();
    TicketListModel &tickets = *window->ticketModel();

    sidebar->setCurrentIndex(views.indexOfKey(QStringLiteral("pending")));
    QVERIFY(UiTest::windowSettled(*window));
    const qint64 pending = countOf(views, QStringLiteral("pending"));
    QCOMPARE(title->text(), QStringLiteral("Pending"));
    QCOMPARE(count->text(), QStringLiteral("%1 tickets").arg(pending));
    QVERIFY(UiTest::fetchAll(tickets));
    QCOMPARE(tickets.rowCount(), int(pending));
    for (int row = 0; row < tickets.rowCount(); ++row)
        QCOMPARE(tickets.index(row, 0).data(TicketStatusRole).toInt(), int(TicketStatus::Pending));
}

void MainWindowTest::opensTheSelectedTicket()
{
    auto window = makeWindow(*m_store);
    auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
    auto *browser = window->findChild<QTextBrowser *>(QStringLiteral("ticketView"));
    auto *pane = window->findChild<TicketPane *>(QStringLiteral("ticketPane"));
    QVERIFY(list && browser && pane);
    QVERIFY(list->uniformRowHeights());
    QVERIFY(pane->currentTicket().isNull());

    const QModelIndex lodz = window->ticketModel()->indexOf(m_fixture.lodzTicket.id);
    QCOMPARE(lodz.row(), 0); // newest first
    list->setCurrentIndex(lodz);
    QCOMPARE(pane->currentTicket(), m_fixture.lodzTicket.id);
    const QString text = browser->toPlainText();
    for (const QString &expected :
         {m_fixture.lodzTicket.subject, QStringLiteral("Open"), QStringLiteral("Urgent priority"),
          m_fixture.contacts.at((kTickets - 1) % 3).name, QStringLiteral("Hello,"),
          QStringLiteral("import printer"),
          QStringLiteral("escalate if the script says offline")}) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
}

void MainWindowTest::jAndKMoveThroughTheList()
{
    auto window = makeWindow(*m_store);
    QVERIFY(showActive(*window));
    auto *sidebar = window->findChild<QListView *>(QStringLiteral("sidebar"));
    auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchField"));
    auto *pane = window->findChild<TicketPane *>(QStringLiteral("ticketPane"));
    const TicketListModel &tickets = *window->ticketModel();

    // From anywhere in the window, j starts at the first ticket.
    sidebar->setFocus();
    QTRY_VERIFY(sidebar->hasFocus());
    QVERIFY(!list->currentIndex().isValid());
    QTest::keyClick(sidebar, Qt::Key_J);
    QCOMPARE(list->currentIndex().row(), 0);
    QCOMPARE(pane->currentTicket(), tickets.index(0, 0).data(TicketIdRole).toUuid());

    list->setFocus();
    QTest::keyClick(list, Qt::Key_J);
    QTest::keyClick(list, Qt::Key_J);
    QCOMPARE(list->currentIndex().row(), 2);
    QCOMPARE(pane->currentTicket(), tickets.index(2, 0).data(TicketIdRole).toUuid());
    QTest::keyClick(list, Qt::Key_K);
    QCOMPARE(list->currentIndex().row(), 1);
    QCOMPARE(pane->currentTicket(), tickets.index(1, 0).data(TicketIdRole).toUuid());
    QTest::keyClick(list, Qt::Key_K);
    QTest::keyClick(list, Qt::Key_K);
    QCOMPARE(list->currentIndex().row(), 0); // stops at the top

    // In the search field, j is a letter.
    search->setFocus();
    QTest::keyClick(search, Qt::Key_J);
    QCOMPARE(search->text(), QStringLiteral("j"));
    QCOMPARE(list->currentIndex().row(), 0);
}

void MainWindowTest::jPastTheLoadedRowsFetchesMore()
{
    auto window = makeWindow(*m_store);
    TicketListModel &tickets = *window->ticketModel();
    tickets.setPageSize(10);
    tickets.reload();
    QVERIFY(UiTest::settled(tickets));
    QVERIFY(showActive(*window));
    auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
    list->setFocus();
    list->setCurrentIndex(tickets.index(tickets.rowCount() - 1, 0));
    const int row = list->currentIndex().row();
    QTest::keyClick(list, Qt::Key_J); // the next page is read in the background, then selected
    QTRY_COMPARE(list->currentIndex().row(), row + 1);

    // Holding j walks through every page to the last ticket and stops there.
    for (int i = 0; i < kTickets; ++i) {
        QTest::keyClick(list, Qt::Key_J);
        QVERIFY(UiTest::settled(tickets));
    }
    QCOMPARE(list->currentIndex().row(), kTickets - 1);
    QCOMPARE(tickets.rowCount(), kTickets);
    QVERIFY(!tickets.canLoadMore());
}

void MainWindowTest::searchIsDebouncedAndEscapeClearsIt()
{
    auto window = makeWindow(*m_store);
    QVERIFY(showActive(*window));
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchField"));
    auto *title = window->findChild<QLabel *>(QStringLiteral("viewTitle"));
    auto *count = window->findChild<QLabel *>(QStringLiteral("ticketCount"));
    TicketListModel &tickets = *window->ticketModel();
    QVERIFY(!search->accessibleName().isEmpty());

    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("lodz"));
    QVERIFY(!tickets.isSearching()); // not on every key: after a pause
    QTRY_VERIFY(tickets.isSearching());
    QVERIFY(UiTest::settled(tickets));
    QCOMPARE(tickets.searchText(), QStringLiteral("lodz"));
    QCOMPARE(tickets.index(0, 0).data(TicketIdRole).toUuid(), m_fixture.lodzTicket.id);
    QVERIFY(title->text().contains(QStringLiteral("lodz")));
    QCOMPARE(count->text(), QStringLiteral("1 matching ticket"));

    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(search->text().isEmpty());
    QVERIFY(!tickets.isSearching());
    QVERIFY(UiTest::settled(tickets));
    QCOMPARE(title->text(), QStringLiteral("All I can see"));
    QCOMPARE(count->text(), QStringLiteral("%1 tickets").arg(kTickets));
}

void MainWindowTest::columnsAndQueueOrderSortTheView()
{
    auto window = makeWindow(*m_store);
    ViewListModel &views = *window->viewModel();
    auto *sidebar = window->findChild<QListView *>(QStringLiteral("sidebar"));
    auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
    auto *bar = window->findChild<FilterBar *>(QStringLiteral("filterBar"));
    sidebar->setCurrentIndex(views.indexOfKey(QStringLiteral("unassigned")));
    TicketListModel &tickets = *window->ticketModel();
    QVERIFY(UiTest::settled(tickets));
    const int rows = tickets.rowCount();
    QVERIFY(rows > 3);

    // A click on the Priority header: the same tickets, highest priority first.
    Q_EMIT list->header()->sectionClicked(TicketListModel::PriorityColumn);
    QVERIFY(UiTest::settled(tickets));
    QCOMPARE(bar->text(),
             QStringLiteral("status:new,open,pending,on-hold assignee:none sort:priority"));
    QVERIFY(tickets.isFiltering());
    QCOMPARE(tickets.rowCount(), rows);
    for (int row = 1; row < tickets.rowCount(); ++row) {
        QVERIFY(tickets.index(row - 1, 0).data(TicketPriorityRole).toInt() >=
                tickets.index(row, 0).data(TicketPriorityRole).toInt());
    }
    QCOMPARE(list->header()->sortIndicatorSection(), int(TicketListModel::PriorityColumn));

    // Another order replaces the sort term, keeping the rest.
    for (QAction *action : window->allActions()) {
        if (action->objectName() == u"sort-queue")
            action->trigger();
    }
    QVERIFY(UiTest::settled(tickets));
    QCOMPARE(bar->text(),
             QStringLiteral("status:new,open,pending,on-hold assignee:none sort:queue"));
    QCOMPARE(tickets.rowCount(), rows);
}

void MainWindowTest::filterBarFiltersTheList()
{
    auto window = makeWindow(*m_store);
    auto *bar = window->findChild<FilterBar *>(QStringLiteral("filterBar"));
    QVERIFY(bar);
    TicketListModel &tickets = *window->ticketModel();
    QTest::keyClicks(bar->editor(), QStringLiteral("priority:urgent tag:vip"));
    QTest::keyClick(bar->editor(), Qt::Key_Return);
    QVERIFY(tickets.isFiltering());
    QVERIFY(UiTest::settled(tickets));
    QCOMPARE(tickets.rowCount(), 1);
    QCOMPARE(tickets.index(0, 0).data(TicketIdRole).toUuid(), m_fixture.lodzTicket.id);
    auto *title = window->findChild<QLabel *>(QStringLiteral("viewTitle"));
    QVERIFY(title->text().contains(QStringLiteral("priority:urgent")));

    // A view defined in the filter language (a saved filter) puts its text in the bar.
    auto *sidebar = window->findChild<QListView *>(QStringLiteral("sidebar"));
    auto saved = window->viewModel()->addSavedFilter(QStringLiteral("Urgent"),
                                                     QStringLiteral("priority:urgent"));
    QVERIFY(saved.good());
    sidebar->setCurrentIndex(window->viewModel()->indexOfKey(*saved));
    QVERIFY(UiTest::windowSettled(*window));
    QCOMPARE(bar->text(), QStringLiteral("priority:urgent"));
    QCOMPARE(tickets.filterText(), QStringLiteral("priority:urgent"));
    // A plain view clears it.
    sidebar->setCurrentIndex(window->viewModel()->allTicketsIndex());
    QVERIFY(bar->text().isEmpty());
    QVERIFY(!tickets.isFiltering());
    QVERIFY(UiTest::settled(tickets));
    QCOMPARE(tickets.rowCount(), kTickets);
    QVERIFY(window->viewModel()->removeSavedFilter(*saved).good());
}

void MainWindowTest::ctrlFFocusesSearch()
{
    auto window = makeWindow(*m_store);
    QVERIFY(showActive(*window));
    auto *list = window->findChild<QTreeView *>(QStringLiteral("ticketList"));
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchField"));
    list->setFocus();
    QTRY_VERIFY(list->hasFocus());
    QTest::keySequence(window.get(), QKeySequence::Find);
    QTRY_VERIFY(search->hasFocus());
}

void MainWindowTest::emptyStoreExplainsWhatToDo()
{
    QTemporaryDir dir;
    auto store = UiTest::openStore(dir.filePath(QStringLiteral("cache.db")));
    QVERIFY(store);
    MainWindow window(
        *store, dir.path(),
        std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    auto *pages = window.findChild<QStackedWidget *>();
    auto *text = window.findChild<QLabel *>(QStringLiteral("emptyStateText"));
    QVERIFY(pages && text);
    QVERIFY(UiTest::windowSettled(window));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("emptyPage"));
    QVERIFY2(text->text().contains(
                 QStringLiteral("pultctl --home %1 demo --tickets 10000").arg(dir.path())),
             qPrintable(text->text()));

    // Once data arrives, Reload shows the inbox.
    UiTest::fillStore(*store, 3);
    window.refresh();
    QVERIFY(UiTest::windowSettled(window));
    QCOMPARE(pages->currentWidget()->objectName(), QStringLiteral("inboxPage"));
    QCOMPARE(window.ticketModel()->rowCount(), 3);
    QCOMPARE(countOf(*window.viewModel(), QStringLiteral("all")), qint64(3));
}

void MainWindowTest::remembersGeometry()
{
    const QSize size(700, 500);
    {
        auto window = makeWindow(*m_store, QStringLiteral("geometry"));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->resize(size);
        auto *sidebar = window->findChild<QListView *>(QStringLiteral("sidebar"));
        sidebar->setCurrentIndex(window->viewModel()->indexOfKey(QStringLiteral("solved")));
        window->close();
    }
    auto window = makeWindow(*m_store, QStringLiteral("geometry"));
    QCOMPARE(window->size(), size);
    auto *title = window->findChild<QLabel *>(QStringLiteral("viewTitle"));
    QCOMPARE(title->text(), QStringLiteral("Solved")); // and the last view
}

// View → Language lists each catalogue's language in itself; a choice is remembered for the next
// start (main() reads it), and the menu shows it checked.
void MainWindowTest::choosesTheLanguageForTheNextStart()
{
    {
        auto window = makeWindow(*m_store, QStringLiteral("language"));
        auto *system = window->findChild<QAction *>(QStringLiteral("language-system"));
        auto *polish = window->findChild<QAction *>(QStringLiteral("language-pl"));
        QVERIFY(system && polish && window->findChild<QAction *>(QStringLiteral("language-en")));
        QVERIFY(system->isChecked());
        QCOMPARE(polish->text(), QStringLiteral("Polski"));
        QCOMPARE(window->findChild<QAction *>(QStringLiteral("language-sl"))->text(),
                 QStringLiteral("Slovenščina"));
        polish->trigger();
        QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("Polski")));
    }
    QSettings saved(m_dir.filePath(QStringLiteral("language.ini")), QSettings::IniFormat);
    QCOMPARE(saved.value(languageSettingKey()).toString(), QStringLiteral("pl"));
    auto window = makeWindow(*m_store, QStringLiteral("language"));
    QVERIFY(window->findChild<QAction *>(QStringLiteral("language-pl"))->isChecked());
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("language-system"))->isChecked());
}

void MainWindowTest::screenshot()
{
    const QString path = qEnvironmentVariable("PULT_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set PULT_SCREENSHOT=FILE to save a picture of the window");

    QTemporaryDir dir;
    auto store = UiTest::openStore(dir.filePath(QStringLiteral("cache.db")));
    QVERIFY(store);
    DemoOptions options;
    options.tickets = 400;
    auto demo = generateDemoData(*store, options);
    QVERIFY2(demo.good(), qPrintable(demo.status().message()));

    MainWindow window(
        *store, QStringLiteral("~/.local/share/Pult"),
        std::make_unique<QSettings>(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat));
    window.resize(1400, 880);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Open a ticket whose conversation has a snippet and an internal note, if the demo has one.
    TicketListModel &tickets = *window.ticketModel();
    auto *list = window.findChild<QTreeView *>(QStringLiteral("ticketList"));
    int chosen = 0;
    qsizetype shortest = std::numeric_limits<qsizetype>::max();
    for (int row = 0; row < tickets.rowCount() && row < 100; ++row) {
        auto messages = store->messages(tickets.index(row, 0).data(TicketIdRole).toUuid());
        if (!messages.good())
            continue;
        bool hasCode = false, hasNote = false;
        qsizetype length = 0;
        for (const Message &m : std::as_const(*messages)) {
            for (const MessageSegment &segment : splitMessageText(m.bodyText))
                hasCode |= segment.kind == MessageSegment::Code;
            hasNote |= m.kind == MessageKind::InternalNote;
            length += m.bodyText.size();
        }
        if (hasCode && hasNote && length < shortest) {
            chosen = row;
            shortest = length;
        }
    }
    list->setCurrentIndex(tickets.index(chosen, 0));
    // Scroll the conversation to its first internal note.
    auto *browser = window.findChild<QTextBrowser *>(QStringLiteral("ticketView"));
    auto messages = store->messages(tickets.index(chosen, 0).data(TicketIdRole).toUuid());
    QVERIFY(messages.good());
    for (const Message &m : std::as_const(*messages)) {
        if (m.kind != MessageKind::InternalNote)
            continue;
        QTextCursor note = browser->document()->find(m.bodyText.section(u'\n', 0, 0));
        if (!note.isNull()) {
            note.clearSelection();
            browser->setTextCursor(note);
            browser->ensureCursorVisible();
        }
        break;
    }
    QVERIFY(window.grab().save(path));
    qInfo("saved %s", qPrintable(path));

    // The same in a dark palette, as with a dark desktop theme.
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x2b, 0x2d, 0x30));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x90, 0x96));
    QApplication::setPalette(dark);
    QCoreApplication::sendPostedEvents(); // the palette reaches widgets as posted events
    QString darkPath = path;
    darkPath.insert(darkPath.lastIndexOf(u'.'), QStringLiteral("-dark"));
    QVERIFY(window.grab().save(darkPath));
    qInfo("saved %s", qPrintable(darkPath));
    QApplication::setPalette(light);

    // The empty state, next to it.
    QTemporaryDir emptyDir;
    auto emptyStore = UiTest::openStore(emptyDir.filePath(QStringLiteral("cache.db")));
    QVERIFY(emptyStore);
    MainWindow empty(*emptyStore, QStringLiteral("/home/agent/.local/share/Pult"),
                     std::make_unique<QSettings>(emptyDir.filePath(QStringLiteral("s.ini")),
                                                 QSettings::IniFormat));
    empty.resize(1000, 640);
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    QString emptyPath = path;
    emptyPath.insert(emptyPath.lastIndexOf(u'.'), QStringLiteral("-empty"));
    QVERIFY(empty.grab().save(emptyPath));
    qInfo("saved %s", qPrintable(emptyPath));
}

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
