// ViewListModel: the sidebar's built-in views and department queues with their live counts.

#include "roles.h"
#include "uitestdata.h"
#include "viewlistmodel.h"

#include <QAbstractItemModelTester>
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

private:
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
    model.refreshCounts();
    model.reload();
}

void ViewListModelTest::listsViewsThenDepartments()
{
    ViewListModel model(*m_store);
    model.reload();
    QStringList keys;
    QStringList titles;
    for (int row = 0; row < model.rowCount(); ++row) {
        keys << model.index(row).data(ViewKeyRole).toString();
        titles << model.index(row).data().toString();
    }
    const QStringList expected{QStringLiteral("section:views"),
                               QStringLiteral("all"),
                               QStringLiteral("unassigned"),
                               QStringLiteral("pending"),
                               QStringLiteral("solved"),
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
    QCOMPARE(model.allTicketsIndex().row(), 1);
    QVERIFY(!model.indexOfKey(QStringLiteral("no such view")).isValid());
}

void ViewListModelTest::queriesMatchTheirCounts()
{
    ViewListModel model(*m_store);
    model.reload();
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
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refreshCounts();
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
    QStringList changedKeys;
    for (const QList<QVariant> &signal : std::as_const(changed))
        changedKeys << signal.at(0).toModelIndex().data(ViewKeyRole).toString();
    QCOMPARE(
        changedKeys,
        (QStringList{QStringLiteral("all"), QStringLiteral("unassigned"), QStringLiteral("pending"),
                     QStringLiteral("department:") + uuidToString(m_fixture.billing.id)}));
    QCOMPARE(model.allTicketsIndex().data(ViewCountRole).toLongLong(),
             qint64(m_fixture.tickets.size() + 1));
}

QTEST_MAIN(ViewListModelTest)
#include "tst_viewlistmodel.moc"
