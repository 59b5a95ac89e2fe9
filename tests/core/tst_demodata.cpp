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
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
