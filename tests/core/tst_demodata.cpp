#include "businesshours.h"
#include "demodata.h"
#include "localstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Pult;

class TestDemoData : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QList<Ticket> allTickets(LocalStore &store)
    {
        QList<Ticket> tickets;
        TicketQuery q;
        q.limit = 500;
        for (;;) {
            auto page = store.listTickets(q);
            if (!page.good())
                return {};
            for (const TicketListItem &item : page->items)
                tickets.append(item.ticket);
            if (!page->next)
                return tickets;
            q.after = page->next;
        }
    }

private Q_SLOTS:
    void isDeterministicAndRealistic()
    {
        auto a = LocalStore::open(m_dir.filePath(QStringLiteral("a.db")));
        auto b = LocalStore::open(m_dir.filePath(QStringLiteral("b.db")));
        QVERIFY(a.good() && b.good());
        DemoOptions options;
        options.tickets = 1500;
        options.now = QDateTime(QDate(2026, 12, 8), QTime(15, 0), Qt::UTC);
        auto summary = generateDemoData(**a, options);
        QVERIFY2(summary.good(), qPrintable(summary.status().message()));
        QVERIFY(generateDemoData(**b, options).good());
        QCOMPARE(summary->tickets, qint64(1500));
        QVERIFY(summary->messages >= 1500 * 3);
        QVERIFY(summary->agents > 5);
        QVERIFY(summary->departments >= 3);

        const QList<Ticket> ticketsA = allTickets(**a);
        QCOMPARE(ticketsA.size(), 1500);
        QCOMPARE(ticketsA, allTickets(**b));

        // Every status, priority and channel occurs; some tickets are long threads.
        QSet<int> statuses, priorities, channels;
        for (const Ticket &t : ticketsA) {
            statuses.insert(int(t.status));
            priorities.insert(int(t.priority));
            channels.insert(int(t.channel));
            QVERIFY(t.updated >= t.created);
            QVERIFY(t.number.has_value());
        }
        QCOMPARE(statuses.size(), 6);
        QCOMPARE(priorities.size(), 4);
        QCOMPARE(channels.size(), 5);
        int maxMessages = 0;
        for (const Ticket &t : ticketsA)
            maxMessages = std::max(maxMessages, int((*a)->messages(t.id)->size()));
        QVERIFY2(maxMessages >= 200, qPrintable(QString::number(maxMessages)));

        // Text in the five languages with their letters.
        for (const char *word : {"Łódź", "Đorđe", "Saša", "ž", "ą", "ė", "ū"}) {
            auto hits = (*a)->search(QString::fromUtf8(word));
            QVERIFY(hits.good());
        }
        QVERIFY(!(*a)->search(QStringLiteral("lodz"))->isEmpty());
        QVERIFY(!(*a)->search(QStringLiteral("dorde"))->isEmpty());
        QVERIFY(!(*a)->search(QStringLiteral("sasa"))->isEmpty());
        QVERIFY(!(*a)->cannedResponses()->isEmpty());
        const QList<Department> departments = *(*a)->departments();
        QCOMPARE(departments.size(), 4);
        for (const Department &d : departments) {
            auto calendar = BusinessCalendar::parse(d.businessHours);
            QVERIFY2(calendar.good(), qPrintable(d.name + u": " + calendar.status().message()));
        }
    }

    // Without a time given, the demo ends now: its newest ticket came in at least two hours ago
    // but this week (300 tickets in two years are few a day, fewer at weekends), and nothing
    // happened after now. (Before, every demo ended on 1 November 2026, so a demo made
    // in December showed every open ticket overdue by a month.)
    void livesInThePresent()
    {
        auto store = LocalStore::open(m_dir.filePath(QStringLiteral("present.db")));
        QVERIFY(store.good());
        DemoOptions options;
        options.tickets = 300;
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY(generateDemoData(**store, options).good());
        const QDateTime after = QDateTime::currentDateTimeUtc();

        QDateTime newest;
        for (const Ticket &t : allTickets(**store)) {
            newest = std::max(newest, t.created);
            QVERIFY2(t.updated <= after, qPrintable(t.updated.toString(Qt::ISODate)));
        }
        QVERIFY2(newest >= before.addDays(-7) && newest <= after.addSecs(-2 * 3600),
                 qPrintable(newest.toString(Qt::ISODate)));
    }

    // Most active tickets are within their SLA, a few breach soon, some are overdue: the next
    // deadline as the list and `sort:sla` see it, at several moments of the week.
    void openTicketsMostlyWithinTheirSla_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::newRow("Monday night") << QDateTime(QDate(2026, 12, 7), QTime(3, 5), Qt::UTC);
        QTest::newRow("Tuesday afternoon") << QDateTime(QDate(2026, 12, 8), QTime(15, 0), Qt::UTC);
        QTest::newRow("Sunday noon") << QDateTime(QDate(2027, 3, 28), QTime(12, 0), Qt::UTC);
    }

    void openTicketsMostlyWithinTheirSla()
    {
        QFETCH(QDateTime, now);
        auto store = LocalStore::open(
            m_dir.filePath(QStringLiteral("sla-%1.db").arg(now.toSecsSinceEpoch())));
        QVERIFY(store.good());
        DemoOptions options;
        options.tickets = 5000;
        options.now = now;
        QVERIFY(generateDemoData(**store, options).good());

        int active = 0, within = 0, overdue = 0, soon = 0;
        for (const Ticket &t : allTickets(**store)) {
            if (!isActive(t.status))
                continue;
            ++active;
            QDateTime next = t.resolutionDeadline;
            if (!t.firstResponseAt.isValid())
                next = std::min(next, t.firstResponseDeadline);
            if (next < now)
                ++overdue;
            else if (next < now.addSecs(2 * 3600))
                ++soon;
            else
                ++within;
        }
        const QString counts = QStringLiteral("%1 active: %2 within, %3 soon, %4 overdue")
                                   .arg(active)
                                   .arg(within)
                                   .arg(soon)
                                   .arg(overdue);
        qInfo("%s", qPrintable(counts));
        QVERIFY2(active >= 25, qPrintable(counts));
        QVERIFY2(within >= active * 65 / 100, qPrintable(counts));
        QVERIFY2(overdue > 0 && overdue <= active * 30 / 100, qPrintable(counts));
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
