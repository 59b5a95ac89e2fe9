// ViewListModel: the sidebar's built-in views, department queues and saved filters with their
// live counts.

#include "roles.h"
#include "uitestdata.h"
#include "viewlistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Pult;

class ViewListModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void passesModelTester();
    void listsViewsThenDepartments();
    void queriesMatchTheirCounts();
    void refreshCountsReportsOnlyChangedRows();
    void savedFiltersPassModelTester();
    void savedFiltersAreViewsWithCounts();
    void savedFiltersPersistInTheProfile();
    void savingAnExistingNameReplacesItsText();
    void removingTheLastSavedFilterRemovesTheSection();
    void refusesWhatCannotBeSaved();
    void savedFilterCountsAreRefreshed();
    void aSavedFilterThatNoLongerCompilesSaysWhy();
    void myViewsFollowTheSignedInAgent();
    void breachingSoonCountsMissedAndDueDeadlines();
    void sharedFiltersAreViewsAboveTheSavedOnes();

private:
    // A store of its own, so saved filters do not reach the other tests.
    std::unique_ptr<LocalStore> freshStore(const QString &name);
    qint64 filteredCount(LocalStore &store, const QString &text);

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    UiTest::Fixture m_fixture;
};

void ViewListModelTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = UiTest::openStore(m_dir.filePath(QStringLiteral("cache.db")));
    QVERIFY(m_store);
    m_fixture = UiTest::fillStore(*m_store, 40);
}

void ViewListModelTest::passesModelTester()
{
    ViewListModel model(*m_store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0); // nothing before reload()
    model.reload();
    QVERIFY(UiTest::settled(model));
    model.refreshCounts();
    QVERIFY(UiTest::settled(model));
    model.reload();
    QVERIFY(UiTest::settled(model));
}

void ViewListModelTest::listsViewsThenDepartments()
{
    ViewListModel model(*m_store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    QStringList keys;
    QStringList titles;
    for (int row = 0; row < model.rowCount(); ++row) {
        keys << model.index(row).data(ViewKeyRole).toString();
        titles << model.index(row).data().toString();
    }
    // Nobody signed in: no "My tickets", "My departments" nor "Breaching soon"
    // (myViewsFollowTheSignedInAgent).
    const QStringList expected{QStringLiteral("section:views"),
                               QStringLiteral("unassigned"),
                               QStringLiteral("pending"),
                               QStringLiteral("solved"),
                               QStringLiteral("all"),
                               QStringLiteral("section:departments"),
                               QStringLiteral("department:") + uuidToString(m_fixture.billing.id),
                               QStringLiteral("department:") +
                                   uuidToString(m_fixture.technical.id)};
    QCOMPARE(keys, expected);
    QCOMPARE(titles.at(6), QStringLiteral("Billing")); // departments by name
    QCOMPARE(titles.at(7), QStringLiteral("Technical support"));

    for (int row : {0, 5}) {
        const QModelIndex heading = model.index(row);
        QCOMPARE(heading.data(ViewKindRole).toInt(), int(ViewListModel::SectionHeading));
        QVERIFY(!model.query(heading));
        QVERIFY(!heading.data(ViewCountRole).isValid());
        QVERIFY(!(model.flags(heading) & Qt::ItemIsSelectable));
    }
    QVERIFY(!model.query({}));
    QCOMPARE(model.allTicketsIndex().row(), 4);
    QVERIFY(!model.indexOfKey(QStringLiteral("no such view")).isValid());
}

void ViewListModelTest::queriesMatchTheirCounts()
{
    ViewListModel model(*m_store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        const std::optional<TicketQuery> query = model.query(index);
        if (!query)
            continue;
        auto page = m_store->listTickets([&] {
            TicketQuery all = *query;
            all.limit = 1000;
            return all;
        }());
        QVERIFY(page.good());
        QCOMPARE(index.data(ViewCountRole).toLongLong(), qint64(page->items.size()));
    }
    QCOMPARE(model.allTicketsIndex().data(ViewCountRole).toLongLong(),
             qint64(m_fixture.tickets.size()));
    QVERIFY(model.lastError().good());
}

void ViewListModelTest::refreshCountsReportsOnlyChangedRows()
{
    ViewListModel model(*m_store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshCounts();
    QVERIFY(UiTest::settled(model));
    QCOMPARE(changed.size(), 0);

    // A new pending ticket in Billing, unassigned: All, Unassigned, Pending and Billing change.
    UuidV7Generator ids;
    Ticket t;
    t.id = ids.next();
    t.number = 9999;
    t.subject = QStringLiteral("One more");
    t.status = TicketStatus::Pending;
    t.departmentId = m_fixture.billing.id;
    t.created = UiTest::at(100000);
    t.updated = UiTest::at(100000);
    QVERIFY(m_store->put(t).good());
    model.refreshCounts();
    QVERIFY(UiTest::settled(model));
    QStringList changedKeys;
    for (const QList<QVariant> &signal : std::as_const(changed))
        changedKeys << signal.at(0).toModelIndex().data(ViewKeyRole).toString();
    QCOMPARE(
        changedKeys,
        (QStringList{QStringLiteral("unassigned"), QStringLiteral("pending"), QStringLiteral("all"),
                     QStringLiteral("department:") + uuidToString(m_fixture.billing.id)}));
    QCOMPARE(model.allTicketsIndex().data(ViewCountRole).toLongLong(),
             qint64(m_fixture.tickets.size() + 1));
}

std::unique_ptr<LocalStore> ViewListModelTest::freshStore(const QString &name)
{
    auto store = UiTest::openStore(m_dir.filePath(name + QStringLiteral(".db")));
    if (store)
        m_fixture = UiTest::fillStore(*store, 40);
    return store;
}

qint64 ViewListModelTest::filteredCount(LocalStore &store, const QString &text)
{
    auto context = store.filterContext(QDateTime::currentDateTimeUtc());
    if (!context.good())
        return -1;
    const FilterCompile compiled = compileFilter(text, *context);
    if (!compiled.good())
        return -2;
    auto count = store.countFiltered(compiled.filter);
    return count.good() ? *count : -3;
}

void ViewListModelTest::savedFiltersPassModelTester()
{
    auto store = freshStore(QStringLiteral("tester"));
    QVERIFY(store);
    ViewListModel model(*store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.reload();
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.addSavedFilter(QStringLiteral("VIP"), QStringLiteral("tag:vip")).good());
    QVERIFY(UiTest::settled(model));
    QVERIFY(
        model.addSavedFilter(QStringLiteral("Urgent"), QStringLiteral("priority:urgent")).good());
    QVERIFY(UiTest::settled(model));
    QVERIFY(
        model.addSavedFilter(QStringLiteral("VIP"), QStringLiteral("tag:vip status:open")).good());
    QVERIFY(UiTest::settled(model));
    model.refreshCounts();
    QVERIFY(UiTest::settled(model));
    model.reload();
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.removeSavedFilter(ViewListModel::savedFilterKey(QStringLiteral("VIP"))).good());
    QVERIFY(
        model.removeSavedFilter(ViewListModel::savedFilterKey(QStringLiteral("Urgent"))).good());
    model.reload();
    QVERIFY(UiTest::settled(model));
}

void ViewListModelTest::savedFiltersAreViewsWithCounts()
{
    auto store = freshStore(QStringLiteral("counts"));
    QVERIFY(store);
    ViewListModel model(*store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    const int builtIn = model.rowCount();
    QVERIFY(!model.indexOfKey(QStringLiteral("section:saved")).isValid());

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    auto key = model.addSavedFilter(QStringLiteral("  Billing backlog "),
                                    QStringLiteral(" dept:billing status:open,pending "));
    QVERIFY2(key.good(), qPrintable(key.status().message()));
    QVERIFY(UiTest::settled(model));
    QCOMPARE(*key, QStringLiteral("filter:Billing backlog"));
    // The heading and the row come in at the end, in one insertion.
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), builtIn);
    QCOMPARE(inserted.first().at(2).toInt(), builtIn + 1);
    QCOMPARE(model.rowCount(), builtIn + 2);

    const QModelIndex heading = model.index(builtIn);
    QCOMPARE(heading.data(ViewKeyRole).toString(), QStringLiteral("section:saved"));
    QCOMPARE(heading.data().toString(), QStringLiteral("Saved filters"));
    QCOMPARE(heading.data(ViewKindRole).toInt(), int(ViewListModel::SectionHeading));
    QVERIFY(!model.filterText(heading));
    QVERIFY(!(model.flags(heading) & Qt::ItemIsSelectable));

    const QModelIndex row = model.indexOfKey(*key);
    QCOMPARE(row.row(), builtIn + 1);
    QCOMPARE(row.data().toString(), QStringLiteral("Billing backlog"));
    QCOMPARE(row.data(ViewKindRole).toInt(), int(ViewListModel::View));
    QVERIFY(model.flags(row) & Qt::ItemIsSelectable);
    QVERIFY(!model.query(row));
    QVERIFY(model.isSavedFilter(row));
    QCOMPARE(model.filterText(row), QStringLiteral("dept:billing status:open,pending"));
    QCOMPARE(row.data(Qt::ToolTipRole).toString(),
             QStringLiteral("dept:billing status:open,pending"));
    const qint64 expected =
        filteredCount(*store, QStringLiteral("dept:billing status:open,pending"));
    QVERIFY(expected > 0);
    QCOMPARE(row.data(ViewCountRole).toLongLong(), expected);
    QVERIFY(row.data(Qt::AccessibleTextRole).toString().contains(QString::number(expected)));

    // Built-in views keep their queries and have no filter text.
    QVERIFY(model.query(model.allTicketsIndex()));
    QVERIFY(!model.filterText(model.allTicketsIndex()));
    QVERIFY(!model.isSavedFilter(model.allTicketsIndex()));

    // A second one goes below the first, without a second heading.
    inserted.clear();
    QVERIFY(model.addSavedFilter(QStringLiteral("VIP"), QStringLiteral("tag:vip")).good());
    QVERIFY(UiTest::settled(model));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), builtIn + 2);
    QCOMPARE(model.indexOfKey(QStringLiteral("filter:VIP")).data(ViewCountRole).toLongLong(), 1);
    QVERIFY(model.lastError().good());
}

void ViewListModelTest::savedFiltersPersistInTheProfile()
{
    auto store = freshStore(QStringLiteral("persist"));
    QVERIFY(store);
    {
        ViewListModel model(*store);
        model.reload();
        QVERIFY(UiTest::settled(model));
        QVERIFY(model.addSavedFilter(QStringLiteral("VIP"), QStringLiteral("tag:vip")).good());
        QVERIFY(UiTest::settled(model));
        QVERIFY(model
                    .addSavedFilter(QStringLiteral("Mine, urgent"),
                                    QStringLiteral("assignee:me priority:urgent"))
                    .good());
        QVERIFY(UiTest::settled(model));
    }
    // A JSON array of {name, text} under "saved_filters".
    auto stored = store->profileValue(QStringLiteral("saved_filters"));
    QVERIFY(stored.good());
    const QJsonArray array = QJsonDocument::fromJson(stored->toUtf8()).array();
    QCOMPARE(array.size(), 2);
    QCOMPARE(array.at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("VIP"));
    QCOMPARE(array.at(1).toObject().value(QStringLiteral("text")).toString(),
             QStringLiteral("assignee:me priority:urgent"));

    // A new model on the same store, and one on the same file opened again, list them.
    const QList<ViewListModel::SavedFilter> expected{
        {QStringLiteral("VIP"), QStringLiteral("tag:vip")},
        {QStringLiteral("Mine, urgent"), QStringLiteral("assignee:me priority:urgent")}};
    ViewListModel again(*store);
    again.reload();
    QVERIFY(UiTest::settled(again));
    QCOMPARE(again.savedFilters(), expected);
    QCOMPARE(again.filterText(again.indexOfKey(QStringLiteral("filter:VIP"))),
             QStringLiteral("tag:vip"));

    const QString path = store->path();
    store.reset();
    auto reopened = UiTest::openStore(path);
    QVERIFY(reopened);
    ViewListModel fromDisk(*reopened);
    fromDisk.reload();
    QVERIFY(UiTest::settled(fromDisk));
    QCOMPARE(fromDisk.savedFilters(), expected);
    QVERIFY(fromDisk.lastError().good());
}

void ViewListModelTest::savingAnExistingNameReplacesItsText()
{
    auto store = freshStore(QStringLiteral("replace"));
    QVERIFY(store);
    ViewListModel model(*store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.addSavedFilter(QStringLiteral("Team"), QStringLiteral("dept:billing")).good());
    QVERIFY(UiTest::settled(model));
    const int rows = model.rowCount();
    const QModelIndex row = model.indexOfKey(QStringLiteral("filter:Team"));
    const qint64 before = row.data(ViewCountRole).toLongLong();

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.addSavedFilter(QStringLiteral("Team"), QStringLiteral("dept:billing status:open"))
                .good());
    QVERIFY(UiTest::settled(model));
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(changed.size(), 2); // the new text, then its count from the reader
    QCOMPARE(changed.first().at(0).toModelIndex(), row);
    QCOMPARE(changed.last().at(0).toModelIndex(), row);
    QCOMPARE(model.filterText(row), QStringLiteral("dept:billing status:open"));
    QVERIFY(row.data(ViewCountRole).toLongLong() < before);
    QCOMPARE(model.savedFilters().size(), 1);
}

void ViewListModelTest::removingTheLastSavedFilterRemovesTheSection()
{
    auto store = freshStore(QStringLiteral("remove"));
    QVERIFY(store);
    ViewListModel model(*store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    const int builtIn = model.rowCount();
    QVERIFY(model.addSavedFilter(QStringLiteral("A"), QStringLiteral("tag:vip")).good());
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.addSavedFilter(QStringLiteral("B"), QStringLiteral("status:open")).good());
    QVERIFY(UiTest::settled(model));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(model.removeSavedFilter(QStringLiteral("filter:A")).good());
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), builtIn + 1);
    QCOMPARE(model.rowCount(), builtIn + 2);
    QCOMPARE(model.savedFilters(), (QList<ViewListModel::SavedFilter>{
                                       {QStringLiteral("B"), QStringLiteral("status:open")}}));

    QVERIFY(model.removeSavedFilter(QStringLiteral("filter:B")).good());
    QCOMPARE(model.rowCount(), builtIn);
    QCOMPARE(removed.last().at(1).toInt(), builtIn);
    QCOMPARE(removed.last().at(2).toInt(), builtIn + 1);
    QVERIFY(!model.indexOfKey(QStringLiteral("section:saved")).isValid());

    // Persisted: a new model lists none.
    ViewListModel again(*store);
    again.reload();
    QVERIFY(UiTest::settled(again));
    QCOMPARE(again.rowCount(), builtIn);

    // Only saved filters can be removed.
    QCOMPARE(model.removeSavedFilter(QStringLiteral("filter:B")).code(), Status::NotFound);
    QCOMPARE(model.removeSavedFilter(QStringLiteral("all")).code(), Status::NotFound);
    QCOMPARE(model.rowCount(), builtIn);
}

void ViewListModelTest::refusesWhatCannotBeSaved()
{
    auto store = freshStore(QStringLiteral("refuse"));
    QVERIFY(store);
    ViewListModel model(*store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    const int rows = model.rowCount();
    QCOMPARE(model.addSavedFilter(QStringLiteral("  "), QStringLiteral("tag:vip")).status().code(),
             Status::Invalid);
    QCOMPARE(model.addSavedFilter(QStringLiteral("Empty"), QStringLiteral(" ")).status().code(),
             Status::Invalid);
    const auto bad = model.addSavedFilter(QStringLiteral("Bad"), QStringLiteral("foo:bar"));
    QCOMPARE(bad.status().code(), Status::Invalid);
    QVERIFY(bad.status().message().contains(QStringLiteral("column 1")));
    QCOMPARE(model.rowCount(), rows);
    auto stored = store->profileValue(QStringLiteral("saved_filters"));
    QVERIFY(stored.good());
    QVERIFY(stored->isEmpty());

    // A damaged profile value lists the built-in views and reports the problem.
    QVERIFY(
        store->setProfileValue(QStringLiteral("saved_filters"), QStringLiteral("{nope")).good());
    QSignalSpy failed(&model, &ViewListModel::loadFailed);
    model.reload();
    QVERIFY(UiTest::settled(model));
    QCOMPARE(model.rowCount(), rows);
    QCOMPARE(failed.size(), 1);
}

void ViewListModelTest::savedFilterCountsAreRefreshed()
{
    auto store = freshStore(QStringLiteral("refresh"));
    QVERIFY(store);
    ViewListModel model(*store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.addSavedFilter(QStringLiteral("VIP"), QStringLiteral("tag:vip")).good());
    QVERIFY(UiTest::settled(model));
    QVERIFY(model.addSavedFilter(QStringLiteral("Phone"), QStringLiteral("channel:phone")).good());
    QVERIFY(UiTest::settled(model));
    const QModelIndex vip = model.indexOfKey(QStringLiteral("filter:VIP"));
    QCOMPARE(vip.data(ViewCountRole).toLongLong(), 1);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshCounts();
    QVERIFY(UiTest::settled(model));
    QCOMPARE(changed.size(), 0);

    UuidV7Generator ids;
    Ticket t;
    t.id = ids.next();
    t.number = 9998;
    t.subject = QStringLiteral("Another VIP");
    t.status = TicketStatus::Solved;
    t.departmentId = m_fixture.technical.id;
    t.tags = {QStringLiteral("vip")};
    t.created = UiTest::at(100000);
    t.updated = UiTest::at(100000);
    QVERIFY(store->put(t).good());
    model.refreshCounts();
    QVERIFY(UiTest::settled(model));
    QStringList changedKeys;
    for (const QList<QVariant> &signal : std::as_const(changed))
        changedKeys << signal.at(0).toModelIndex().data(ViewKeyRole).toString();
    QVERIFY(changedKeys.contains(QStringLiteral("filter:VIP")));
    QVERIFY(!changedKeys.contains(QStringLiteral("filter:Phone")));
    QCOMPARE(vip.data(ViewCountRole).toLongLong(), 2);
}

void ViewListModelTest::aSavedFilterThatNoLongerCompilesSaysWhy()
{
    auto store = freshStore(QStringLiteral("stale"));
    QVERIFY(store);
    ViewListModel model(*store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    // Parses, but names a department this store does not have.
    QVERIFY(model.addSavedFilter(QStringLiteral("Old queue"), QStringLiteral("dept:legal")).good());
    QVERIFY(UiTest::settled(model));
    const QModelIndex row = model.indexOfKey(QStringLiteral("filter:Old queue"));
    QVERIFY(!row.data(ViewCountRole).isValid());
    const QString toolTip = row.data(Qt::ToolTipRole).toString();
    QVERIFY2(toolTip.startsWith(QStringLiteral("dept:legal\ncolumn 1: no department")),
             qPrintable(toolTip));
    QVERIFY(model.lastError().good()); // a filter to fix, not a broken store
    QCOMPARE(model.filterText(row), QStringLiteral("dept:legal"));
}

// Signed in (the profile knows its agent): "My tickets" and "My departments" appear, first and
// third, and count what they select.
void ViewListModelTest::myViewsFollowTheSignedInAgent()
{
    auto store = freshStore(QStringLiteral("mine"));
    QVERIFY(store);
    QVERIFY(store->setCurrentAgent(m_fixture.boris.id).good()); // Boris: Technical support only
    ViewListModel model(*store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    QCOMPARE(model.index(1).data(ViewKeyRole).toString(), QStringLiteral("mine"));
    QCOMPARE(model.index(3).data(ViewKeyRole).toString(), QStringLiteral("my-departments"));
    // "Breaching soon" is a view in the filter language, not a saved filter.
    const QModelIndex breaching = model.index(5);
    QCOMPARE(breaching.data(ViewKeyRole).toString(), QStringLiteral("breaching"));
    QCOMPARE(model.filterText(breaching),
             std::optional<QString>(
                 QStringLiteral("assignee:me status:new,open,pending,on-hold sla<2h sort:sla")));
    QVERIFY(breaching.data(ViewCountRole).isValid());
    QVERIFY(!model.isSavedFilter(breaching));
    QVERIFY(model.savedFilters().isEmpty());
    QCOMPARE(model.removeSavedFilter(QStringLiteral("breaching")).code(), Status::NotFound);
    qint64 mine = 0;
    qint64 technical = 0;
    for (const Ticket &t : std::as_const(m_fixture.tickets)) {
        const bool active = isActive(t.status);
        mine += active && t.assigneeId == m_fixture.boris.id;
        technical += active && t.departmentId == m_fixture.technical.id;
    }
    QCOMPARE(model.index(1).data(ViewCountRole).toLongLong(), mine);
    QCOMPARE(model.index(3).data(ViewCountRole).toLongLong(), technical);
    const std::optional<TicketQuery> query = model.query(model.index(3));
    QVERIFY(query);
    QCOMPARE(query->departments, QList<QUuid>{m_fixture.technical.id});
}

// "Breaching soon" is the agent's active tickets whose next SLA deadline is missed or due within
// two hours (docs/workstation.md), counted as the filter `sla<2h` selects them.
void ViewListModelTest::breachingSoonCountsMissedAndDueDeadlines()
{
    auto store = freshStore(QStringLiteral("breaching"));
    QVERIFY(store);
    QVERIFY(store->setCurrentAgent(m_fixture.ana.id).good()); // all her tickets are active
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Ana's tickets: one missed its deadline an hour ago, one is due in an hour, one in five
    // hours; a fourth missed it too but is solved.
    const QList<qint64> secondsLeft{-3600, 3600, 5 * 3600, -3600};
    qsizetype next = 0;
    for (Ticket t : std::as_const(m_fixture.tickets)) {
        if (t.assigneeId != m_fixture.ana.id || !isActive(t.status) || next == secondsLeft.size())
            continue;
        t.resolutionDeadline = now.addSecs(secondsLeft[next++]);
        if (next == secondsLeft.size()) {
            t.status = TicketStatus::Solved;
            t.solvedAt = now;
        }
        QVERIFY(store->put(t).good());
    }
    QCOMPARE(next, secondsLeft.size());

    ViewListModel model(*store);
    model.reload();
    QVERIFY(UiTest::settled(model));
    const QModelIndex breaching = model.index(5);
    QCOMPARE(breaching.data(ViewKeyRole).toString(), QStringLiteral("breaching"));
    QCOMPARE(breaching.data(ViewCountRole).toLongLong(), qint64(2));
    QCOMPARE(filteredCount(*store, *model.filterText(breaching)), qint64(2));
}

QTEST_MAIN(ViewListModelTest)
void ViewListModelTest::sharedFiltersAreViewsAboveTheSavedOnes()
{
    // A lead's filter shared with Billing and an admin's shared with everyone (as the sync
    // stores them) are views with counts, under "Shared views", above the agent's own filters.
    auto store = freshStore(QStringLiteral("shared"));
    QVERIFY(store);
    auto departments = store->departments();
    QVERIFY(departments.good() && !departments->isEmpty());
    const Department billing = departments->first();
    const SharedFilter team{QUuid::createUuid(), QStringLiteral("Team backlog"),
                            QStringLiteral("status:open,pending"), billing.id};
    const SharedFilter all{QUuid::createUuid(), QStringLiteral("All spam"),
                           QStringLiteral("is:spam"), QUuid()};
    QVERIFY(store->put(team).good());
    QVERIFY(store->put(all).good());
    ViewListModel model(*store);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.addSavedFilter(QStringLiteral("Mine"), QStringLiteral("tag:vip")).good());
    QVERIFY(UiTest::settled(model));
    model.reload();
    QVERIFY(UiTest::settled(model));
    const QModelIndex heading = model.indexOfKey(QStringLiteral("section:shared"));
    QVERIFY(heading.isValid());
    QCOMPARE(heading.data().toString(), QStringLiteral("Shared views"));
    const QModelIndex first = model.index(heading.row() + 1);
    const QModelIndex second = model.index(heading.row() + 2);
    QCOMPARE(first.data().toString(), QStringLiteral("All spam")); // by name
    QCOMPARE(model.sharedFilterId(first), all.id);
    QCOMPARE(first.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Shared with everyone: is:spam"));
    QCOMPARE(model.sharedFilterId(second), team.id);
    QCOMPARE(model.filterText(second), team.query);
    QCOMPARE(second.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Shared with %1: status:open,pending").arg(billing.name));
    QCOMPARE(second.data(ViewCountRole).toLongLong(), filteredCount(*store, team.query));
    QVERIFY(!model.isSavedFilter(second));
    QVERIFY(model.sharedFilterId(model.allTicketsIndex()).isNull());
    QVERIFY(model.indexOfKey(QStringLiteral("section:saved")).row() > second.row());

    // Unshared (the feed's "deleted"), it leaves the sidebar; the section goes with the last.
    QVERIFY(store->removeSharedFilter(all.id).good());
    QVERIFY(store->removeSharedFilter(team.id).good());
    model.reload();
    QVERIFY(UiTest::settled(model));
    QVERIFY(!model.indexOfKey(QStringLiteral("section:shared")).isValid());
    QVERIFY(model.lastError().good());
}

#include "tst_viewlistmodel.moc"
