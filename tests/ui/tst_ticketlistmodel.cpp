// TicketListModel: a thin, paged view of LocalStore's ticket lists, search results and filters.

#include "displaytext.h"
#include "roles.h"
#include "ticketlistmodel.h"
#include "uitestdata.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Pult;

class TicketListModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passesModelTester();
    void loadsFirstPageOnQuery();
    void viewsDoNotPageThroughTheList();
    void loadMoreLoadsTheRestInOrder_data();
    void loadMoreLoadsTheRestInOrder();
    void pagesOfAFilteredQuery();
    void showsColumns();
    void searchModeShowsResults();
    void emptySearchReturnsToTheQuery();
    void searchWithoutMatchesIsEmpty();
    void relativeTimesAreRefreshed();
    void filterModePassesModelTester();
    void filterModePagesInTheFiltersOrder_data();
    void filterModePagesInTheFiltersOrder();
    void filterWithoutMatchesIsEmpty();
    void queryAndSearchLeaveFilterMode();

private:
    CompiledFilter compiled(const QString &text);

private:
    static constexpr int kTickets = 130;
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    UiTest::Fixture m_fixture;
};

void TicketListModelTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = UiTest::openStore(m_dir.filePath(QStringLiteral("cache.db")));
    QVERIFY(m_store);
    m_fixture = UiTest::fillStore(*m_store, kTickets);
}

void TicketListModelTest::passesModelTester()
{
    TicketListModel model(*m_store);
    model.setPageSize(20);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    QVERIFY(UiTest::fetchAll(model));
    QCOMPARE(model.rowCount(), kTickets);
    model.setSearchText(QStringLiteral("invoice"));
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.rowCount() > 0);
    model.setSearchText(QString());
    QVERIFY(UiTest::settled(model));
    TicketQuery open;
    open.statuses = {TicketStatus::Open};
    model.setQuery(open);
    QVERIFY(UiTest::settled(model));
    model.refreshRelativeTimes();
    model.reload();
    QVERIFY(UiTest::settled(model));
}

void TicketListModelTest::loadsFirstPageOnQuery()
{
    TicketListModel model(*m_store);
    model.setPageSize(25);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 25);
    QVERIFY(model.canLoadMore());
    QCOMPARE(model.columnCount(), int(TicketListModel::ColumnCount));
    QVERIFY(model.lastError().good());
}

void TicketListModelTest::viewsDoNotPageThroughTheList()
{
    // QTreeView asks for more rows (Qt's fetchMore()) at every layout; with pages arriving
    // later, that would read every page in the background. Only loadMore() reads on.
    TicketListModel model(*m_store);
    model.setPageSize(5);
    model.setQuery({});
    QTreeView view;
    view.setModel(&model);
    view.resize(400, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(UiTest::settled(model));
    QTest::qWait(100);
    QVERIFY(UiTest::settled(model));
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(model.canLoadMore());
}

void TicketListModelTest::loadMoreLoadsTheRestInOrder_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::newRow("one row per page") << 1;
    QTest::newRow("uneven pages") << 17;
    QTest::newRow("exactly the total") << kTickets;
    QTest::newRow("one page holds all") << 500;
}

void TicketListModelTest::loadMoreLoadsTheRestInOrder()
{
    QFETCH(int, pageSize);
    TicketListModel model(*m_store);
    model.setPageSize(pageSize);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    int fetches = 0;
    while (model.canLoadMore()) {
        model.loadMore();
        QVERIFY(UiTest::settled(model));
        QVERIFY2(++fetches <= kTickets + 1, "loadMore never ends");
    }
    QCOMPARE(model.rowCount(), kTickets);
    QVERIFY(model.lastError().good());

    // Every ticket once, newest update first, exactly the store's order.
    const QList<Ticket> expected = m_fixture.newestFirst();
    QSet<QUuid> seen;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QUuid id = model.index(row, 0).data(TicketIdRole).toUuid();
        QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("row %1 repeats").arg(row)));
        seen.insert(id);
        QCOMPARE(id, expected.at(row).id);
    }
    // Rows arrive appended at the end, a page at a time.
    int next = qMin(pageSize, kTickets);
    for (const QList<QVariant> &signal : std::as_const(inserted)) {
        QCOMPARE(signal.at(1).toInt(), next);
        next = signal.at(2).toInt() + 1;
    }
    QCOMPARE(next, kTickets);
}

void TicketListModelTest::pagesOfAFilteredQuery()
{
    TicketQuery query;
    query.statuses = {TicketStatus::Open, TicketStatus::Pending};
    query.departments = {m_fixture.billing.id};
    auto expected = m_store->countTickets(query);
    QVERIFY(expected.good());
    QVERIFY(*expected > 7);

    TicketListModel model(*m_store);
    model.setPageSize(7);
    model.setQuery(query);
    QVERIFY(UiTest::settled(model));
    QVERIFY(UiTest::fetchAll(model));
    QCOMPARE(model.rowCount(), int(*expected));
    QDateTime previous;
    for (int row = 0; row < model.rowCount(); ++row) {
        const auto status = TicketStatus(model.index(row, 0).data(TicketStatusRole).toInt());
        QVERIFY(status == TicketStatus::Open || status == TicketStatus::Pending);
        QCOMPARE(model.item(row).ticket.departmentId, m_fixture.billing.id);
        const QDateTime updated = model.index(row, 0).data(TicketUpdatedRole).toDateTime();
        QVERIFY(!previous.isValid() || updated <= previous);
        previous = updated;
    }
}

void TicketListModelTest::showsColumns()
{
    TicketListModel model(*m_store);
    model.setClock([] { return UiTest::at(kTickets * 10 + 30); });
    model.setPageSize(kTickets);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));

    const QModelIndex lodz = model.indexOf(m_fixture.lodzTicket.id);
    QVERIFY(lodz.isValid());
    QCOMPARE(lodz.row(), 0); // the newest
    auto cell = [&](int row, TicketListModel::Column column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(cell(0, TicketListModel::NumberColumn),
             QStringLiteral("#%1").arg(1000 + kTickets - 1));
    QCOMPARE(cell(0, TicketListModel::SubjectColumn), m_fixture.lodzTicket.subject);
    QCOMPARE(model.index(0, TicketListModel::SubjectColumn).data(Qt::ToolTipRole).toString(),
             m_fixture.lodzTicket.subject + QStringLiteral("\nChannel: ") +
                 DisplayText::channel(m_fixture.lodzTicket.channel));
    QCOMPARE(cell(0, TicketListModel::RequesterColumn),
             m_fixture.contacts.at((kTickets - 1) % 3).name);
    QCOMPARE(cell(0, TicketListModel::StatusColumn), DisplayText::status(TicketStatus::Open));
    QCOMPARE(cell(0, TicketListModel::PriorityColumn), DisplayText::priority(Priority::Urgent));
    QCOMPARE(cell(0, TicketListModel::AssigneeColumn), m_fixture.ana.name);
    QCOMPARE(cell(0, TicketListModel::DepartmentColumn),
             (kTickets - 1) % 2 ? m_fixture.technical.name : m_fixture.billing.name);
    QCOMPARE(
        cell(0, TicketListModel::UpdatedColumn),
        DisplayText::relativeTime(UiTest::at((kTickets - 1) * 10), UiTest::at(kTickets * 10 + 30)));
    QCOMPARE(cell(0, TicketListModel::UpdatedColumn), QStringLiteral("40 min ago"));

    const QModelIndex unnumbered = model.indexOf(m_fixture.unnumberedTicket.id);
    QVERIFY(unnumbered.isValid());
    QCOMPARE(cell(unnumbered.row(), TicketListModel::NumberColumn), QStringLiteral("pending"));
    QVERIFY(!unnumbered.data(TicketNumberRole).isValid());

    // Ticket 0 is unassigned.
    const QModelIndex first = model.indexOf(m_fixture.tickets.first().id);
    QCOMPARE(cell(first.row(), TicketListModel::AssigneeColumn), QStringLiteral("Unassigned"));
    QCOMPARE(first.data(TicketNumberRole).toLongLong(), 1000);

    QCOMPARE(model.headerData(TicketListModel::SubjectColumn, Qt::Horizontal).toString(),
             QStringLiteral("Subject"));
    QCOMPARE(model.headerData(TicketListModel::UpdatedColumn, Qt::Horizontal).toString(),
             QStringLiteral("Updated"));
}

void TicketListModelTest::searchModeShowsResults()
{
    TicketListModel model(*m_store);
    model.setPageSize(10);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    model.setSearchText(QStringLiteral("  lodz  ")); // accents and case folded by the store
    QVERIFY(UiTest::settled(model));
    QCOMPARE(resets.size(), 1);
    QVERIFY(model.isSearching());
    QCOMPARE(model.searchText(), QStringLiteral("lodz"));
    QVERIFY(!model.canLoadMore());
    QVERIFY(model.rowCount() >= 1);
    QCOMPARE(model.index(0, 0).data(TicketIdRole).toUuid(), m_fixture.lodzTicket.id);
    QVERIFY(!model.index(0, 0).data(TicketSnippetRole).toString().isEmpty());
    QVERIFY(model.index(0, TicketListModel::SubjectColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("<b>")));

    // The same text again changes nothing.
    model.setSearchText(QStringLiteral("lodz"));
    QVERIFY(UiTest::settled(model));
    QCOMPARE(resets.size(), 1);

    // A word from a message body finds tickets through their conversation.
    model.setSearchText(QStringLiteral("printer.status"));
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.indexOf(m_fixture.lodzTicket.id).isValid());
}

void TicketListModelTest::emptySearchReturnsToTheQuery()
{
    TicketListModel model(*m_store);
    model.setPageSize(10);
    TicketQuery solved;
    solved.statuses = {TicketStatus::Solved};
    model.setQuery(solved);
    QVERIFY(UiTest::settled(model));
    const QUuid firstSolved = model.index(0, 0).data(TicketIdRole).toUuid();

    model.setSearchText(QStringLiteral("invoice"));
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.isSearching());
    model.setSearchText(QStringLiteral("   "));
    QVERIFY(UiTest::settled(model));
    QVERIFY(!model.isSearching());
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(model.canLoadMore());
    QCOMPARE(model.index(0, 0).data(TicketIdRole).toUuid(), firstSolved);

    // A new query leaves search mode too.
    model.setSearchText(QStringLiteral("invoice"));
    QVERIFY(UiTest::settled(model));
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    QVERIFY(!model.isSearching());
    QVERIFY(model.searchText().isEmpty());
}

void TicketListModelTest::searchWithoutMatchesIsEmpty()
{
    TicketListModel model(*m_store);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    model.setSearchText(QStringLiteral("xylophonequartz"));
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.isSearching());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canLoadMore());
    QVERIFY(model.lastError().good());
}

void TicketListModelTest::relativeTimesAreRefreshed()
{
    TicketListModel model(*m_store);
    QDateTime now = UiTest::at(kTickets * 10);
    model.setClock([&now] { return now; });
    model.setPageSize(5);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    const QModelIndex updated = model.index(0, TicketListModel::UpdatedColumn);
    QCOMPARE(updated.data().toString(), QStringLiteral("10 min ago"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    now = now.addSecs(3600);
    model.refreshRelativeTimes();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(TicketListModel::UpdatedColumn));
    QCOMPARE(updated.data().toString(), QStringLiteral("1 h ago"));
}

CompiledFilter TicketListModelTest::compiled(const QString &text)
{
    auto context = m_store->filterContext(UiTest::at(kTickets * 10));
    if (!context.good()) {
        QTest::qFail(qPrintable(context.status().message()), __FILE__, __LINE__);
        return {};
    }
    const FilterCompile compile = compileFilter(text, *context);
    if (!compile.good())
        QTest::qFail(qPrintable(compile.error->toString()), __FILE__, __LINE__);
    return compile.filter;
}

void TicketListModelTest::filterModePassesModelTester()
{
    TicketListModel model(*m_store);
    model.setPageSize(9);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    model.setFilter(compiled(QStringLiteral("status:open,pending")),
                    QStringLiteral("status:open,pending"));
    QVERIFY(UiTest::fetchAll(model));
    QVERIFY(model.rowCount() > 9);
    model.reload();
    QVERIFY(UiTest::settled(model));
    model.setSearchText(QStringLiteral("invoice"));
    QVERIFY(UiTest::settled(model));
    model.setFilter(compiled(QStringLiteral("sort:created")), QStringLiteral("sort:created"));
    QVERIFY(UiTest::settled(model));
    model.loadMore();
    QVERIFY(UiTest::settled(model));
    model.clearFilter();
    QVERIFY(UiTest::settled(model));
    model.setFilter(compiled(QStringLiteral("tag:nothing-has-this")), QStringLiteral("tag:x"));
    QVERIFY(UiTest::settled(model));
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
}

void TicketListModelTest::filterModePagesInTheFiltersOrder_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("pageSize");
    QTest::newRow("statuses, one row per page") << QStringLiteral("status:open,pending") << 1;
    QTest::newRow("department and priority")
        << QStringLiteral("dept:billing priority>=normal") << 4;
    QTest::newRow("by creation") << QStringLiteral("sort:created -status:closed") << 11;
    QTest::newRow("by priority") << QStringLiteral("sort:priority") << 13;
    QTest::newRow("words") << QStringLiteral("invoice") << 10;
    QTest::newRow("everything in one page") << QStringLiteral("-tag:spam") << 500;
}

void TicketListModelTest::filterModePagesInTheFiltersOrder()
{
    QFETCH(QString, filter);
    QFETCH(int, pageSize);
    const CompiledFilter compiledFilter = compiled(filter);
    auto all = m_store->listFiltered(compiledFilter, 10000);
    QVERIFY(all.good());
    QVERIFY(!all->items.isEmpty());
    auto count = m_store->countFiltered(compiledFilter);
    QVERIFY(count.good());
    QCOMPARE(*count, qint64(all->items.size()));

    TicketListModel model(*m_store);
    model.setPageSize(pageSize);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setFilter(compiledFilter, QStringLiteral("  ") + filter);
    QVERIFY(UiTest::settled(model));
    QCOMPARE(resets.size(), 1);
    QVERIFY(model.isFiltering());
    QVERIFY(!model.isSearching());
    QCOMPARE(model.filterText(), filter);
    QCOMPARE(model.rowCount(), std::min(pageSize, int(all->items.size())));
    QCOMPARE(model.canLoadMore(), pageSize < all->items.size());

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    int fetches = 0;
    while (model.canLoadMore()) {
        model.loadMore();
        QVERIFY(UiTest::settled(model));
        QVERIFY2(++fetches <= kTickets + 1, "loadMore never ends");
    }
    QVERIFY(model.lastError().good());
    QCOMPARE(model.rowCount(), int(all->items.size()));
    QSet<QUuid> seen;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QUuid id = model.index(row, 0).data(TicketIdRole).toUuid();
        QVERIFY2(!seen.contains(id), qPrintable(QStringLiteral("row %1 repeats").arg(row)));
        seen.insert(id);
        QCOMPARE(id, all->items.at(row).ticket.id);
    }
    // Rows arrive appended at the end.
    int next = std::min(pageSize, int(all->items.size()));
    for (const QList<QVariant> &signal : std::as_const(inserted)) {
        QCOMPARE(signal.at(1).toInt(), next);
        next = signal.at(2).toInt() + 1;
    }
    QCOMPARE(next, int(all->items.size()));
}

void TicketListModelTest::filterWithoutMatchesIsEmpty()
{
    TicketListModel model(*m_store);
    model.setQuery({});
    QVERIFY(UiTest::settled(model));
    model.setFilter(compiled(QStringLiteral("tag:nothing-has-this")),
                    QStringLiteral("tag:nothing-has-this"));
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.isFiltering());
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canLoadMore());
    QVERIFY(model.lastError().good());
}

void TicketListModelTest::queryAndSearchLeaveFilterMode()
{
    TicketListModel model(*m_store);
    model.setPageSize(10);
    TicketQuery solved;
    solved.statuses = {TicketStatus::Solved};
    model.setQuery(solved);
    QVERIFY(UiTest::settled(model));
    const QUuid firstSolved = model.index(0, 0).data(TicketIdRole).toUuid();
    const CompiledFilter vip = compiled(QStringLiteral("tag:vip"));

    model.setFilter(vip, QStringLiteral("tag:vip"));
    QVERIFY(UiTest::settled(model));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(TicketIdRole).toUuid(), m_fixture.lodzTicket.id);

    // Clearing the filter returns to the query.
    model.clearFilter();
    QVERIFY(UiTest::settled(model));
    QVERIFY(!model.isFiltering());
    QVERIFY(model.filterText().isEmpty());
    QCOMPARE(model.index(0, 0).data(TicketIdRole).toUuid(), firstSolved);
    QCOMPARE(model.rowCount(), 10);

    // A search replaces the filter.
    model.setFilter(vip, QStringLiteral("tag:vip"));
    QVERIFY(UiTest::settled(model));
    model.setSearchText(QStringLiteral("invoice"));
    QVERIFY(UiTest::settled(model));
    QVERIFY(!model.isFiltering());
    QVERIFY(model.isSearching());
    QVERIFY(model.rowCount() > 1);

    // A filter replaces the search.
    model.setFilter(vip, QStringLiteral("tag:vip"));
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.isFiltering());
    QVERIFY(!model.isSearching());
    QCOMPARE(model.rowCount(), 1);

    // An empty search while filtering returns to the query.
    model.setSearchText(QString());
    QVERIFY(UiTest::settled(model));
    QVERIFY(!model.isFiltering());
    QCOMPARE(model.index(0, 0).data(TicketIdRole).toUuid(), firstSolved);

    // So does a new query.
    model.setFilter(vip, QStringLiteral("tag:vip"));
    QVERIFY(UiTest::settled(model));
    model.setQuery(solved);
    QVERIFY(UiTest::settled(model));
    QVERIFY(!model.isFiltering());
    QVERIFY(model.filterText().isEmpty());
    QCOMPARE(model.index(0, 0).data(TicketIdRole).toUuid(), firstSolved);
}

QTEST_MAIN(TicketListModelTest)
#include "tst_ticketlistmodel.moc"
