#include "localstore.h"
#include "schema.h"
#include "sqlitedb.h"
#include "testdata.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <random>
#include <thread>

using namespace Pult;
using namespace Pult::Test;

namespace {

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

qint64 scalar(LocalStore &store, const char *sql)
{
    auto stmt = store.database().prepare(sql);
    if (!stmt.good() || !(*stmt)->next())
        return -1;
    const qint64 v = (*stmt)->int64(0);
    (*stmt)->reset();
    return v;
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("store%1.db").arg(++m_counter)); }

    // A seeded population for list and count tests.
    struct Population
    {
        QList<QUuid> departments;
        QList<QUuid> agents;
        QList<Ticket> tickets; // in insertion order
    };
    static Population populate(LocalStore &store, int count)
    {
        Population p;
        for (int i = 0; i < 3; ++i)
            p.departments.append(ids().next());
        for (int i = 0; i < 4; ++i)
            p.agents.append(ids().next());
        std::mt19937 rng(7);
        LocalStore::WriteBatch batch(store);
        for (int i = 0; i < count; ++i) {
            const QUuid assignee = rng() % 5 == 0 ? QUuid() : p.agents.at(int(rng() % 4));
            // Ties in the update time on purpose: the row id breaks them.
            Ticket t =
                makeTicket(i + 1, QStringLiteral("Ticket %1").arg(i), qint64(rng() % 400),
                           TicketStatus(rng() % 6), p.departments.at(int(rng() % 3)), assignee);
            if (Status s = store.put(t); !s.good())
                qFatal("put failed: %s", qPrintable(s.message()));
            p.tickets.append(t);
        }
        if (!batch.commit().good())
            qFatal("commit failed");
        return p;
    }
    static bool selects(const TicketQuery &q, const Ticket &t)
    {
        if (!q.statuses.isEmpty() && !q.statuses.contains(t.status))
            return false;
        if (!q.departments.isEmpty() && !q.departments.contains(t.departmentId))
            return false;
        if (q.assignee && t.assigneeId != *q.assignee)
            return false;
        return true;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void roundTripsEveryEntity()
    {
        auto store = LocalStore::open(freshPath());
        QVERIFY2(store.good(), qPrintable(store.status().message()));
        LocalStore &s = **store;
        QCOMPARE(s.schemaVersion(), LocalStore::kSchemaVersion);

        const Department dep{ids().next(),
                             QStringLiteral("Računovodstvo"),
                             QStringLiteral("billing@example.com"),
                             ids().next(),
                             QStringLiteral("mon-fri 8-16"),
                             QStringLiteral("urgent:1h"),
                             QueueOrder::SlaDeadlineFirst,
                             QStringLiteral("Pozdravljeni, {{customer.first_name}}!"),
                             QStringLiteral("Računovodstvo, {{department.hours}}"),
                             QStringLiteral("resolution 95% within 1d")};
        QVERIFY(s.put(dep).good());
        const Agent agent{ids().next(),
                          QStringLiteral("Marija Novak"),
                          QStringLiteral("marija@example.com"),
                          Role::Lead,
                          {{dep.id, 2}}};
        QVERIFY(s.put(agent).good());
        const Contact contact{
            ids().next(),
            QStringLiteral("Łukasz Wiśniewski"),
            {QStringLiteral("lukasz@example.pl"), QStringLiteral("l.w@example.com")},
            QStringLiteral("+48 42 123 45 67"),
            QStringLiteral("Łódź Software"),
            QStringLiteral("pl"),
            QStringLiteral("Europe/Warsaw"),
            QStringLiteral("prefers email"),
            QStringLiteral("enterprise"),
            3,
            {{QStringLiteral("l.w@example.com"), QStringLiteral("550 5.1.1 User unknown"),
              at(90)}}};
        QVERIFY(s.put(contact).good());

        Ticket t = makeTicket(1042, QStringLiteral("Nie mogę się zalogować"), 100,
                              TicketStatus::OnHold, dep.id, agent.id, contact.id);
        t.priority = Priority::Urgent;
        t.category = QStringLiteral("account");
        t.channel = Channel::WebForm;
        t.tags = {QStringLiteral("VIP"), QStringLiteral("login"), QStringLiteral("vip")};
        t.tier = 2;
        t.firstResponseAt = at(20);
        t.due = at(2000);
        t.reminder = at(1900);
        t.firstResponseDeadline = at(60);
        t.resolutionDeadline = at(600);
        t.spam = true;
        t.mergedInto = ids().next();
        t.linked = {ids().next(), ids().next()};
        t.unread = true;
        t.csat = 4;
        t.csatComment = QStringLiteral("Szybko i miło.");
        QVERIFY(s.put(t).good());

        Message m = makeMessage(t.id, QStringLiteral("Dzień dobry, hasło nie działa."), 101);
        m.attachments = {{"ab12", QStringLiteral("log.txt"), QStringLiteral("text/plain"), 1234}};
        m.bodyHtml = QStringLiteral("<p>Dzień dobry</p>");
        QVERIFY(s.put(m).good());
        const HistoryEvent e{ids().next(),
                             t.id,
                             agent.id,
                             at(102),
                             QStringLiteral("status"),
                             QStringLiteral("open"),
                             QStringLiteral("on-hold"),
                             QStringLiteral("Enterprise first")};
        QVERIFY(s.put(e).good());
        const CannedResponse r{ids().next(),
                               QStringLiteral("Pozdrav"),
                               QStringLiteral("hi"),
                               QStringLiteral("Pozdrav {{customer.first_name}}"),
                               CannedScope::Department,
                               dep.id};
        QVERIFY(s.put(r).good());
        const OutboxOp op{ids().next(), at(103), QStringLiteral("set"), "{\"status\":\"solved\"}"};
        QVERIFY(s.enqueue(op).good());

        Ticket expected = t;
        expected.tags = {QStringLiteral("vip"), QStringLiteral("login")};
        QCOMPARE(*s.ticket(t.id), expected);
        QCOMPARE(*s.ticketByNumber(1042), expected);
        QCOMPARE(*s.contact(contact.id), contact);
        QCOMPARE(*s.messages(t.id), QList<Message>{m});
        QCOMPARE(*s.history(t.id), QList<HistoryEvent>{e});
        QCOMPARE(*s.departments(), QList<Department>{dep});
        QCOMPARE(*s.agents(), QList<Agent>{agent});
        QCOMPARE(*s.cannedResponses(), QList<CannedResponse>{r});
        QCOMPARE(*s.outbox(), QList<OutboxOp>{op});

        // Upsert keeps one row and updates it.
        t.subject = QStringLiteral("Changed");
        QVERIFY(s.put(t).good());
        QCOMPARE(s.ticket(t.id)->subject, QStringLiteral("Changed"));
        QCOMPARE(*s.ticketCount(), qint64(1));

        QCOMPARE(s.ticket(ids().next()).status().code(), Status::NotFound);
        QCOMPARE(s.ticketByNumber(7).status().code(), Status::NotFound);
    }

    void pagesAreKeysetOrderedAndComplete_data()
    {
        QTest::addColumn<int>("shape");
        QTest::newRow("all") << 0;
        QTest::newRow("open and pending") << 1;
        QTest::newRow("department") << 2;
        QTest::newRow("assignee, active") << 3;
        QTest::newRow("unassigned") << 4;
        QTest::newRow("assignee in two departments") << 5;
    }
    void pagesAreKeysetOrderedAndComplete()
    {
        QFETCH(int, shape);
        auto store = LocalStore::open(freshPath());
        QVERIFY(store.good());
        const Population p = populate(**store, 700);

        TicketQuery q;
        q.limit = 37;
        const QList<TicketStatus> active{TicketStatus::New, TicketStatus::Open,
                                         TicketStatus::Pending, TicketStatus::OnHold};
        switch (shape) {
        case 1:
            q.statuses = {TicketStatus::Open, TicketStatus::Pending};
            break;
        case 2:
            q.departments = {p.departments.at(1)};
            break;
        case 3:
            q.assignee = p.agents.at(0);
            q.statuses = active;
            break;
        case 4:
            q.assignee = QUuid();
            break;
        case 5:
            q.assignee = p.agents.at(2);
            q.departments = {p.departments.at(0), p.departments.at(2)};
            break;
        default:
            break;
        }

        // Expected: newest update first, later insertion first among equal times.
        QList<int> expected;
        for (int i = 0; i < p.tickets.size(); ++i) {
            if (selects(q, p.tickets.at(i)))
                expected.append(i);
        }
        std::stable_sort(expected.begin(), expected.end(), [&](int a, int b) {
            const qint64 ua = p.tickets.at(a).updated.toMSecsSinceEpoch();
            const qint64 ub = p.tickets.at(b).updated.toMSecsSinceEpoch();
            return ua != ub ? ua > ub : a > b;
        });
        QVERIFY(expected.size() > q.limit);

        QList<QUuid> got;
        int pages = 0;
        for (;;) {
            auto page = (*store)->listTickets(q);
            QVERIFY2(page.good(), qPrintable(page.status().message()));
            QVERIFY(page->items.size() <= q.limit);
            for (const TicketListItem &item : page->items)
                got.append(item.ticket.id);
            ++pages;
            if (!page->next)
                break;
            q.after = page->next;
        }
        QCOMPARE(got.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(got.at(i), p.tickets.at(expected.at(i)).id);
        QCOMPARE(pages, int((expected.size() + q.limit - 1) / q.limit));

        q.after.reset();
        QCOMPARE(*(*store)->countTickets(q), qint64(expected.size()));
    }

    void countsFollowUpdates()
    {
        auto store = LocalStore::open(freshPath());
        QVERIFY(store.good());
        Population p = populate(**store, 300);
        std::mt19937 rng(11);
        for (int i = 0; i < 200; ++i) {
            Ticket &t = p.tickets[int(rng() % p.tickets.size())];
            t.status = TicketStatus(rng() % 6);
            t.assigneeId = rng() % 3 == 0 ? QUuid() : p.agents.at(int(rng() % 4));
            t.departmentId = p.departments.at(int(rng() % 3));
            QVERIFY((*store)->put(t).good());
        }
        for (const QUuid &agent : p.agents + QList<QUuid>{QUuid()}) {
            for (const QUuid &dep : p.departments) {
                TicketQuery q;
                q.assignee = agent;
                q.departments = {dep};
                q.statuses = {TicketStatus::Open, TicketStatus::New};
                const auto n = std::count_if(p.tickets.cbegin(), p.tickets.cend(),
                                             [&](const Ticket &t) { return selects(q, t); });
                QCOMPARE(*(*store)->countTickets(q), qint64(n));
            }
        }
        QCOMPARE(scalar(**store, "SELECT count(*) FROM tickets"),
                 scalar(**store, "SELECT sum(n) FROM ticket_counts"));
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 0; v < LocalStore::kSchemaVersion; ++v)
            QTest::addRow("from %d", v) << v;
    }
    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, from);
        const QString path = freshPath();
        Ticket t = makeTicket(5, QStringLiteral("Račun za oktober"), 10);
        t.departmentId = ids().next();
        {
            auto old = LocalStore::openAtVersion(path, from);
            QVERIFY2(old.good(), qPrintable(old.status().message()));
            QCOMPARE(scalar(**old, "PRAGMA user_version"), qint64(from));
            // Rows as that version wrote them. The ticket as a plain row with the columns every
            // version has (the store's own write names the newest columns), indexed for search
            // from 2 on; at 1 nothing is indexed or counted, which later steps must do. The
            // message and the queued op through the store's writes from 2 on.
            if (from >= 1) {
                Sql::Database &db = (*old)->database();
                auto ticket = db.prepare("INSERT INTO tickets(id, number, subject, status, "
                                         "priority, department_id, channel, created_ms, "
                                         "updated_ms) VALUES (?1, 5, ?2, 1, 1, ?3, 0, 1, 2)");
                QVERIFY(ticket.good());
                (*ticket)->bind(1, uuidToBlob(t.id)).bind(2, t.subject);
                (*ticket)->bind(3, uuidToBlob(t.departmentId));
                QVERIFY((*ticket)->exec().good());
                if (from >= 2) {
                    auto indexed =
                        db.prepare("INSERT INTO tickets_fts(rowid, subject) VALUES (?1, ?2)");
                    QVERIFY(indexed.good());
                    (*indexed)->bind(1, db.lastInsertRowId()).bind(2, t.subject);
                    QVERIFY((*indexed)->exec().good());
                }
            }
            if (from >= 2) {
                QVERIFY(
                    (*old)->put(makeMessage(t.id, QStringLiteral("Plačilo ni uspelo"), 11)).good());
                QVERIFY(
                    (*old)->enqueue({ids().next(), at(12), QStringLiteral("note"), "{}"}).good());
            } else if (from == 1) {
                Sql::Database &db = (*old)->database();
                auto message = db.prepare("INSERT INTO messages(id, ticket_id, kind, created_ms, "
                                          "body) VALUES (?1, ?2, 0, 3, ?3)");
                QVERIFY(message.good());
                (*message)->bind(1, uuidToBlob(ids().next())).bind(2, uuidToBlob(t.id));
                (*message)->bind(3, QStringLiteral("Plačilo ni uspelo"));
                QVERIFY((*message)->exec().good());
                QVERIFY(
                    (*old)->enqueue({ids().next(), at(12), QStringLiteral("note"), "{}"}).good());
            }
        }
        auto store = LocalStore::open(path);
        QVERIFY2(store.good(), qPrintable(store.status().message()));
        QCOMPARE((*store)->schemaVersion(), LocalStore::kSchemaVersion);
        QCOMPARE(scalar(**store, "PRAGMA user_version"), qint64(LocalStore::kSchemaVersion));
        if (from >= 1) {
            QCOMPARE(*(*store)->ticketCount(), qint64(1));
            QCOMPARE((*store)->outbox()->size(), 1);
            TicketQuery q;
            q.departments = {t.departmentId};
            QCOMPARE(*(*store)->countTickets(q), qint64(1));
            QCOMPARE((*store)->search(QStringLiteral("placilo"))->size(), 1);
            QCOMPARE((*store)->search(QStringLiteral("racun"))->size(), 1);
        }
    }

    void refusesAFutureSchemaAndLeavesItUntouched()
    {
        const QString path = freshPath();
        {
            auto store = LocalStore::open(path);
            QVERIFY(store.good());
            QVERIFY((*store)->put(makeTicket(1, QStringLiteral("x"), 1)).good());
            QVERIFY((*store)->database().execute("PRAGMA user_version = 99").good());
        }
        const QByteArray before = fileHash(path);
        QVERIFY(!before.isEmpty());
        auto store = LocalStore::open(path);
        QVERIFY(!store.good());
        QCOMPARE(store.status().code(), Status::FutureSchema);
        QVERIFY(store.status().message().contains(QStringLiteral("newer version of Pult")));
        QCOMPARE(fileHash(path), before);
        QCOMPARE(LocalStore::open(path, LocalStore::Mode::ReadOnly).status().code(),
                 Status::FutureSchema);
    }

    void reportsAFileThatIsNotADatabase()
    {
        const QString path = freshPath();
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        auto store = LocalStore::open(path);
        QCOMPARE(store.status().code(), Status::Corrupt);
        QVERIFY(store.status().message().contains(path));
    }

    void refusesAnotherApplicationsDatabase()
    {
        const QString path = freshPath();
        {
            auto db = Sql::Database::open(path, Sql::Database::Mode::ReadWrite);
            QVERIFY(db.good());
            QVERIFY((*db)->execute("PRAGMA application_id = 1234; CREATE TABLE t(x)").good());
        }
        QCOMPARE(LocalStore::open(path).status().code(), Status::Invalid);
    }

    void recoversTheOutboxFromADamagedStore()
    {
        const QString path = freshPath();
        QList<OutboxOp> ops;
        qint64 rootPage = 0;
        {
            auto store = LocalStore::open(path);
            QVERIFY(store.good());
            LocalStore::WriteBatch batch(**store);
            for (int i = 0; i < 2000; ++i)
                QVERIFY((*store)
                            ->put(makeTicket(i + 1,
                                             QStringLiteral("Subject %1 ").arg(i).repeated(5), i))
                            .good());
            for (int i = 0; i < 3; ++i) {
                ops.append({ids().next(), at(i), QStringLiteral("reply"), "{\"body\":\"živjo\"}"});
                QVERIFY((*store)->enqueue(ops.last()).good());
            }
            QVERIFY(batch.commit().good());
            rootPage = scalar(**store, "SELECT rootpage FROM sqlite_schema WHERE name = 'tickets'");
            QVERIFY(rootPage > 1);
        } // closing the last connection checkpoints the WAL into the file
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek((rootPage - 1) * 4096));
            f.write(QByteArray(4096, '\xa5'));
        }
        auto damaged = LocalStore::open(path);
        QVERIFY(damaged.good()); // the header is fine; the damage shows when the table is read
        auto page = (*damaged)->listTickets({});
        QVERIFY(!page.good());
        QCOMPARE(page.status().code(), Status::Corrupt);
        damaged = Status(Status::Corrupt, QString()); // close it

        QString movedTo;
        auto recovered = LocalStore::recoverDamaged(path, &movedTo);
        QVERIFY2(recovered.good(), qPrintable(recovered.status().message()));
        QCOMPARE(*recovered, 3);
        QVERIFY(QFile::exists(movedTo));
        auto fresh = LocalStore::open(path);
        QVERIFY(fresh.good());
        QCOMPARE(*(*fresh)->outbox(), ops);
        QCOMPARE(*(*fresh)->ticketCount(), qint64(0));
    }

    void aReaderSeesCommitsMadeAfterItsQueries()
    {
        // No read statement may be left mid-way: it would pin the reader to an old snapshot.
        const QString path = freshPath();
        auto writer = LocalStore::open(path);
        QVERIFY(writer.good());
        Contact c;
        c.id = ids().next();
        c.name = QStringLiteral("Snapshot Tester");
        QVERIFY((*writer)->put(c).good());
        for (int i = 0; i < 300; ++i) {
            Ticket t = makeTicket(i + 1, QStringLiteral("snapshot %1").arg(i), i);
            t.requesterId = c.id;
            QVERIFY((*writer)->put(t).good());
            QVERIFY((*writer)->put(makeMessage(t.id, QStringLiteral("snapshot body"), i)).good());
        }
        auto reader = LocalStore::open(path, LocalStore::Mode::ReadOnly);
        QVERIFY(reader.good());
        QVERIFY((*reader)->listTickets({})->items.size() == 50);
        QVERIFY((*reader)->search(QStringLiteral("snapshot"), {.limit = 5})->size() == 5);
        QVERIFY((*reader)->search(QStringLiteral("tester"), {.limit = 5})->size() == 5);
        QCOMPARE(*(*reader)->countTickets({}), qint64(300));
        QVERIFY((*writer)->put(makeTicket(999, QStringLiteral("late"), 9999)).good());
        QCOMPARE(*(*reader)->countTickets({}), qint64(301));
        QCOMPARE((*reader)->listTickets({})->items.first().ticket.subject, QStringLiteral("late"));
    }

    void readersSeeCommittedSnapshotsWhileAWriterCommits()
    {
        const QString path = freshPath();
        auto writer = LocalStore::open(path);
        QVERIFY(writer.good());
        std::atomic<bool> done{false};
        std::atomic<int> reads{0};
        QString readerError;
        std::thread reader([&] {
            auto store = LocalStore::open(path, LocalStore::Mode::ReadOnly);
            if (!store.good()) {
                readerError = store.status().message();
                return;
            }
            Sql::Database &db = (*store)->database();
            while (!done.load() || reads.load() < 5) {
                if (!db.execute("BEGIN").good()) {
                    readerError = QStringLiteral("BEGIN failed");
                    return;
                }
                const qint64 rows = scalar(**store, "SELECT count(*) FROM tickets");
                const qint64 counted =
                    scalar(**store, "SELECT coalesce(sum(n), 0) FROM ticket_counts");
                auto page = (*store)->listTickets({});
                if (!db.execute("COMMIT").good()) {
                    readerError = QStringLiteral("COMMIT failed");
                    return;
                }
                if (rows != counted || rows % 50 != 0 || !page.good()) {
                    readerError = QStringLiteral("inconsistent snapshot: %1 rows, %2 counted")
                                      .arg(rows)
                                      .arg(counted);
                    return;
                }
                ++reads;
            }
        });
        for (int batchNo = 0; batchNo < 40; ++batchNo) {
            LocalStore::WriteBatch batch(**writer);
            QVERIFY(batch.status().good());
            for (int i = 0; i < 50; ++i)
                QVERIFY((*writer)
                            ->put(makeTicket(batchNo * 50 + i + 1, QStringLiteral("w"), i))
                            .good());
            QVERIFY(batch.commit().good());
        }
        done = true;
        reader.join();
        QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
        QVERIFY(reads.load() >= 5);
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"
