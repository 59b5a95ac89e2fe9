// The libpq layer (server/pgdb.h) against a real PostgreSQL 15: values in and out, errors as
// Status values, transactions, writes sent ahead in pipeline mode, revisions that become visible
// in commit order with concurrent writers (the scheme pultd's PostgreSQL backend uses), and
// LISTEN/NOTIFY between connections.

#include "pgdb.h"
#include "postgresprocess.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

using namespace Pult;

class TestPgDb : public QObject
{
    Q_OBJECT

private:
    PultdTest::PostgresServer m_server;

    std::unique_ptr<Pg::Connection> connect()
    {
        auto c = Pg::Connection::open(m_server.url());
        if (!c.good())
            qWarning() << c.status().message();
        return c.good() ? std::move(*c) : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_server.start())
            QFAIL(qPrintable(m_server.error()));
    }

    void translatesParameters()
    {
        const auto [sql, count] =
            Pg::translateParameters("SELECT ?1, '?2 it''s', \"?3\", ?12 WHERE x = ?2");
        QCOMPARE(sql, QByteArray("SELECT $1, '?2 it''s', \"?3\", $12 WHERE x = $2"));
        QCOMPARE(count, 12);
        QCOMPARE(Pg::translateParameters("SELECT 1").second, 0);
    }

    void valuesRoundTrip()
    {
        auto db = connect();
        QVERIFY(db);
        QVERIFY(db->execute("CREATE TABLE round_trip(n BIGINT, small INTEGER, t TEXT, b BYTEA, "
                            "j JSONB, f DOUBLE PRECISION, flag BOOLEAN)")
                    .good());
        const QString text = QStringLiteral("Žiga Šalamun — 🙂 ?1 'quoted'");
        const QByteArray bytes("\0\x01\xff\xfe ?1", 7);
        const qint64 values[] = {std::numeric_limits<qint64>::min(), -1, 0,
                                 std::numeric_limits<qint64>::max()};
        for (qint64 n : values) {
            Status s = db->run("INSERT INTO round_trip VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                               [&](Db::Statement &st) {
                                   st.bind(1, n).bind(2, 42).bind(3, text).bind(4, bytes);
                                   st.bind(5, QStringLiteral("{\"a\": \"Ž\"}"));
                                   st.bind(6, 0.1).bind(7, qint64(n > 0));
                               });
            QVERIFY2(s.good(), qPrintable(s.message()));
            QCOMPARE(db->changes(), 1);
        }
        QVERIFY(db->run("INSERT INTO round_trip(n) VALUES (?1)", [](Db::Statement &st) {
                      st.bindNull(1);
                  }).good());

        auto stmt = db->prepare("SELECT n, small, t, b, j, f, flag FROM round_trip "
                                "WHERE n IS NOT NULL ORDER BY n");
        QVERIFY(stmt.good());
        for (qint64 n : values) {
            QVERIFY((*stmt)->next());
            QCOMPARE((*stmt)->int64(0), n);
            QCOMPARE((*stmt)->int64(1), 42);
            QCOMPARE((*stmt)->text(2), text);
            QCOMPARE((*stmt)->blob(3), bytes);
            QCOMPARE((*stmt)->text(4), QStringLiteral("{\"a\": \"Ž\"}"));
            QCOMPARE((*stmt)->real(5), 0.1);
            QCOMPARE((*stmt)->int64(6), qint64(n > 0));
        }
        QVERIFY(!(*stmt)->next());
        QVERIFY((*stmt)->status().good());
        (*stmt)->reset();

        // NULLs read as null, and a null QString binds NULL.
        auto nulls = db->prepare("SELECT t, b, n FROM round_trip WHERE n IS NULL AND t IS "
                                 "NOT DISTINCT FROM ?1");
        QVERIFY(nulls.good());
        (*nulls)->bind(1, QString());
        QVERIFY((*nulls)->next());
        QVERIFY((*nulls)->isNull(0) && (*nulls)->isNull(1) && (*nulls)->isNull(2));
        QVERIFY((*nulls)->text(0).isNull());
        QVERIFY((*nulls)->blob(1).isNull());
        QVERIFY(!(*nulls)->next());
        (*nulls)->reset();

        // A statement is reused with new bindings.
        auto count = db->prepare("SELECT COUNT(*) FROM round_trip WHERE n > ?1");
        QVERIFY(count.good());
        for (auto [above, expected] : {std::pair<qint64, qint64>{-2, 3}, {0, 1}}) {
            (*count)->bind(1, above);
            QVERIFY((*count)->next());
            QCOMPARE((*count)->int64(0), expected);
            (*count)->reset();
        }
    }

    void errorsAreStatuses()
    {
        auto db = connect();
        QVERIFY(db);
        auto broken = db->prepare("SELEC 1");
        QVERIFY(!broken.good());
        QVERIFY(broken.status().code() == Status::Internal);
        QVERIFY2(broken.status().message().contains(QLatin1String("syntax")),
                 qPrintable(broken.status().message()));

        QVERIFY(db->execute("CREATE TABLE unique_ids(id TEXT PRIMARY KEY)").good());
        const auto insert = [&] {
            return db->run("INSERT INTO unique_ids VALUES (?1)",
                           [](Db::Statement &st) { st.bind(1, QStringLiteral("a")); });
        };
        QVERIFY(insert().good());
        const Status duplicate = insert();
        QVERIFY(duplicate.code() == Status::Invalid);
        QVERIFY2(duplicate.message().contains(QLatin1String("duplicate key")),
                 qPrintable(duplicate.message()));
        // The connection keeps working after an error.
        auto one = db->prepare("SELECT COUNT(*) FROM unique_ids");
        QVERIFY(one.good() && (*one)->next());
        QCOMPARE((*one)->int64(0), 1);
        (*one)->reset();

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        const quint16 port = closed.serverPort();
        closed.close();
        auto unreachable = Pg::Connection::open(
            QStringLiteral("postgresql://pult@127.0.0.1:%1/postgres?connect_timeout=5").arg(port));
        QVERIFY(!unreachable.good());
        QVERIFY(unreachable.status().code() == Status::Unreachable);
    }

    void violationsAreToldByCode_data()
    {
        QTest::addColumn<bool>("postgres");
        QTest::newRow("sqlite") << false;
        QTest::newRow("postgresql") << true;
    }

    // Db::Connection::violation() reads SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY and SQLSTATE
    // 23505, not the message: a unique index on an expression is a unique violation, a NOT NULL
    // failure is not, and neither is a trigger's refusal worded like a duplicate key.
    void violationsAreToldByCode()
    {
        QFETCH(bool, postgres);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto opened =
            Db::Connection::open(dir.path().toStdString(), postgres ? m_server.url() : QString());
        QVERIFY2(opened.good(), qPrintable(opened.status().message()));
        Db::Connection &db = **opened;
        QVERIFY(db.execute("CREATE TABLE people(id TEXT PRIMARY KEY, name TEXT NOT NULL, "
                           "age INTEGER)")
                    .good());
        QVERIFY(db.execute("CREATE UNIQUE INDEX people_name ON people(lower(name))").good());
        QVERIFY(
            db.execute(db.pick("CREATE TRIGGER people_age BEFORE INSERT ON people WHEN new.age < 0 "
                               "BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: duplicate "
                               "key value'); END",
                               "CREATE FUNCTION people_age() RETURNS trigger LANGUAGE plpgsql AS "
                               "$$ BEGIN IF new.age < 0 THEN RAISE EXCEPTION 'duplicate key value "
                               "violates unique constraint' USING ERRCODE = 'check_violation'; "
                               "END IF; RETURN new; END $$; CREATE TRIGGER people_age BEFORE "
                               "INSERT ON people FOR EACH ROW EXECUTE FUNCTION people_age()"))
                .good());
        const auto insert = [&](const QString &id, const QString &name, int age) {
            return db.run("INSERT INTO people(id, name, age) VALUES (?1, ?2, ?3)",
                          [&](Db::Statement &st) { st.bind(1, id).bind(2, name).bind(3, age); });
        };
        Status s = insert(QStringLiteral("a"), QStringLiteral("Ana"), 30);
        QVERIFY2(s.good(), qPrintable(s.message()));
        QCOMPARE(db.violation(), Db::Violation::None);

        s = insert(QStringLiteral("a"), QStringLiteral("Bor"), 30); // the primary key
        QVERIFY(!s.good());
        QCOMPARE(db.violation(), Db::Violation::Unique);
        s = insert(QStringLiteral("b"), QStringLiteral("ANA"), 30); // the index on lower(name)
        QVERIFY(!s.good());
        QCOMPARE(db.violation(), Db::Violation::Unique);
        s = insert(QStringLiteral("c"), QString(), 30); // NOT NULL
        QVERIFY(!s.good());
        QCOMPARE(db.violation(), Db::Violation::Other);
        s = insert(QStringLiteral("d"), QStringLiteral("Dan"), -1); // worded like a duplicate
        QVERIFY(!s.good());
        QVERIFY2(s.message().contains(QLatin1String("duplicate key value")),
                 qPrintable(s.message()));
        QCOMPARE(db.violation(), Db::Violation::Other);
        // execute() too, and a success clears it.
        QVERIFY(!db.execute("INSERT INTO people(id, name) VALUES ('a', 'Eva')").good());
        QCOMPARE(db.violation(), Db::Violation::Unique);
        QVERIFY(!db.execute("SELECT no_such_column FROM people").good());
        QCOMPARE(db.violation(), Db::Violation::None);
        QVERIFY(insert(QStringLiteral("e"), QStringLiteral("Eva"), 1).good());
        QCOMPARE(db.violation(), Db::Violation::None);
    }

    void transactionsRollBackUnlessCommitted()
    {
        auto db = connect();
        QVERIFY(db);
        QVERIFY(db->execute("CREATE TABLE tx(n BIGINT)").good());
        const auto insert = [&](qint64 n) {
            return db->run("INSERT INTO tx VALUES (?1)", [n](Db::Statement &st) { st.bind(1, n); });
        };
        const auto rows = [&] {
            auto stmt = db->prepare("SELECT COUNT(*) FROM tx");
            const qint64 n = stmt.good() && (*stmt)->next() ? (*stmt)->int64(0) : -1;
            if (stmt.good())
                (*stmt)->reset();
            return n;
        };
        {
            Db::Transaction tx(*db);
            QVERIFY(tx.status().good());
            QVERIFY(insert(1).good());
        }
        QCOMPARE(rows(), 0);
        {
            Db::Transaction outer(*db);
            QVERIFY(insert(1).good());
            {
                Db::Transaction inner(*db); // joins the outer one
                QVERIFY(insert(2).good());
                QVERIFY(inner.commit().good());
            }
            QVERIFY(db->inTransaction());
            QVERIFY(outer.commit().good());
        }
        QCOMPARE(rows(), 2);
        {
            // A failed statement aborts a PostgreSQL transaction; its commit says so.
            Db::Transaction tx(*db);
            QVERIFY(insert(3).good());
            QVERIFY(!db->execute("SELECT no_such_column FROM tx").good());
            QVERIFY(!tx.commit().good());
        }
        QCOMPARE(rows(), 2);
    }

    // Writes sent with runLater() inside a transaction are not waited for (libpq's pipeline
    // mode): they apply in order before the next statement that reads, which reports their
    // first error as its own failure (never as its own violation), and the commit then fails.
    void writesSentAheadApplyInOrderAndReportTheirErrorsLater()
    {
        auto db = connect();
        QVERIFY(db);
        QVERIFY(db->execute("CREATE TABLE ahead(n BIGINT PRIMARY KEY)").good());
        const auto later = [&](qint64 n) {
            return db->runLater("INSERT INTO ahead VALUES (?1)",
                                [n](Db::Statement &st) { st.bind(1, n); });
        };
        const auto rows = [&]() -> qint64 {
            auto stmt = db->prepare("SELECT COUNT(*) FROM ahead");
            if (!stmt.good())
                return -1;
            const qint64 n = (*stmt)->next() ? (*stmt)->int64(0) : -1;
            (*stmt)->reset();
            return n;
        };
        // Outside a transaction nothing waits: the error comes at once.
        QVERIFY(later(1).good());
        QCOMPARE(db->runLater("INSERT INTO ahead VALUES (?1)",
                              [](Db::Statement &st) { st.bind(1, qint64(1)); })
                     .code(),
                 Status::Invalid);
        {
            // 200 writes (more than are ever left unread) and a savepoint, then a read.
            Db::Transaction tx(*db);
            QVERIFY(db->executeLater("SAVEPOINT a").good());
            for (qint64 n = 2; n <= 201; ++n)
                QVERIFY(later(n).good());
            QVERIFY(db->executeLater("RELEASE a").good());
            QCOMPARE(rows(), 201);
            QVERIFY(tx.commit().good());
        }
        QCOMPARE(rows(), 201);
        {
            Db::Transaction tx(*db);
            QVERIFY(later(500).good());
            QVERIFY(later(7).good()); // a duplicate key, not reported yet
            QVERIFY(later(501).good());
            auto insert = db->prepare("INSERT INTO ahead VALUES (?1)");
            QVERIFY(insert.good());
            (*insert)->bind(1, qint64(502));
            const Status s = (*insert)->exec();
            (*insert)->reset();
            QCOMPARE(s.code(), Status::Invalid);            // the duplicate's error
            QCOMPARE(db->violation(), Db::Violation::None); // not this statement's own
            QVERIFY(!tx.commit().good());
        }
        QCOMPARE(rows(), 201); // nothing of the failed transaction
        {
            // After a rollback the connection works as before.
            Db::Transaction tx(*db);
            QVERIFY(later(600).good());
        }
        QCOMPARE(rows(), 201);
        QVERIFY(db->execute("DROP TABLE ahead").good());
    }

    // Revisions become visible in commit order: each writer takes lockWriters() (a
    // transaction-scoped advisory lock) before it reads the highest revision and writes the
    // next one, so writers (in any
    // number of pultd processes) commit one at a time in revision order, and a reader's snapshot
    // always holds every revision up to some R and none above. Without the lock two writers
    // would take the same revision (a duplicate key) or a reader would see a gap.
    void revisionsBecomeVisibleInCommitOrder()
    {
        auto setup = connect();
        QVERIFY(setup);
        QVERIFY(setup->execute("CREATE TABLE changes(revision BIGINT PRIMARY KEY)").good());

        constexpr int kWriters = 4;
        constexpr int kEach = 50;
        std::atomic<bool> writing{true};
        std::mutex failuresMutex;
        QStringList failures;
        const auto failed = [&](const QString &what) {
            std::lock_guard lock(failuresMutex);
            failures.append(what);
        };
        std::vector<std::thread> writers;
        for (int w = 0; w < kWriters; ++w) {
            writers.emplace_back([&] {
                auto c = Pg::Connection::open(m_server.url());
                if (!c.good())
                    return failed(c.status().message());
                Pg::Connection &db = **c;
                for (int i = 0; i < kEach; ++i) {
                    Db::Transaction tx(db);
                    Status s = db.lockWriters();
                    if (s.good())
                        s = db.execute("INSERT INTO changes SELECT COALESCE(MAX(revision), 0) + 1 "
                                       "FROM changes");
                    if (s.good())
                        s = db.execute("SELECT pg_sleep(0.001)"); // hold it a moment
                    if (s.good())
                        s = tx.commit();
                    if (!s.good())
                        return failed(s.message());
                }
            });
        }
        std::thread reader([&] {
            auto c = Pg::Connection::open(m_server.url());
            if (!c.good())
                return failed(c.status().message());
            qint64 seen = 0;
            for (;;) {
                const bool finished = !writing; // every commit is in before this pass
                auto stmt = (*c)->prepare("SELECT revision FROM changes WHERE revision > ?1 "
                                          "ORDER BY revision");
                if (!stmt.good())
                    return failed(stmt.status().message());
                (*stmt)->bind(1, seen);
                while ((*stmt)->next()) {
                    const qint64 revision = (*stmt)->int64(0);
                    if (revision != seen + 1) {
                        (*stmt)->reset();
                        return failed(
                            QStringLiteral("saw revision %1 after %2").arg(revision).arg(seen));
                    }
                    seen = revision;
                }
                const Status s = (*stmt)->status();
                (*stmt)->reset();
                if (!s.good())
                    return failed(s.message());
                if (finished) {
                    if (seen < kWriters * kEach)
                        failed(QStringLiteral("only %1 revisions arrived").arg(seen));
                    return;
                }
            }
        });
        for (auto &t : writers)
            t.join();
        writing = false;
        reader.join();
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));

        auto count = setup->prepare("SELECT COUNT(*), MAX(revision) FROM changes");
        QVERIFY(count.good() && (*count)->next());
        QCOMPARE((*count)->int64(0), kWriters * kEach);
        QCOMPARE((*count)->int64(1), kWriters * kEach);
        (*count)->reset();
    }

    // A notification sent in a transaction reaches listeners on other connections when, and
    // only when, it commits: how one pultd tells the others that the revision advanced.
    // A connection the server ended (as a restart does) is made again by its next use, with its
    // statements prepared anew; a transaction open when it was lost stays lost until rolled back,
    // so that nothing meant for it runs outside it.
    void reconnectsAfterTheServerEndsTheConnection()
    {
        auto db = connect();
        auto admin = connect();
        QVERIFY(db && admin);
        QVERIFY(db->execute("CREATE TABLE kept(n INTEGER)").good());
        const auto insert = [&](qint64 n) {
            return db->run("INSERT INTO kept VALUES (?1)",
                           [n](Db::Statement &st) { st.bind(1, n); });
        };
        const auto count = [&]() -> qint64 {
            auto stmt = db->prepare("SELECT count(*) FROM kept");
            if (!stmt.good() || !(*stmt)->next())
                return -1;
            const qint64 n = (*stmt)->int64(0);
            (*stmt)->reset();
            return n;
        };
        const auto endBackend = [&] {
            auto pid = db->prepare("SELECT pg_backend_pid()");
            QVERIFY(pid.good() && (*pid)->next());
            const qint64 backend = (*pid)->int64(0);
            (*pid)->reset();
            QVERIFY(admin
                        ->run("SELECT pg_terminate_backend(?1::integer)",
                              [backend](Db::Statement &st) { st.bind(1, backend); })
                        .good());
            QVERIFY(QTest::qWaitFor(
                [&] {
                    auto alive = admin->prepare(
                        "SELECT count(*) FROM pg_stat_activity WHERE pid = ?1::integer");
                    const bool gone = alive.good() && (*alive)->bind(1, backend).next() &&
                                      (*alive)->int64(0) == 0;
                    (*alive)->reset();
                    return gone;
                },
                10000));
        };
        QVERIFY(insert(1).good());
        QCOMPARE(count(), 1);

        endBackend();
        const Status lost = insert(2); // the statement prepared before meets the closed socket
        QVERIFY(lost.code() == Status::Unreachable);
        QVERIFY(!db->isOpen());
        QVERIFY2(insert(3).good(), "the next use connects again and prepares the statement anew");
        QCOMPARE(count(), 2);

        {
            Db::Transaction tx(*db);
            QVERIFY(tx.status().good());
            QVERIFY(insert(4).good());
            endBackend();
            QVERIFY(insert(5).code() == Status::Unreachable);
            QVERIFY2(insert(6).code() == Status::Unreachable,
                     "no reconnection inside the lost transaction");
            QVERIFY(!tx.commit().good());
        }
        QVERIFY(!db->inTransaction());
        QCOMPARE(count(), 2); // 4 was lost with its transaction; 5 and 6 never ran
        QVERIFY(insert(7).good());
        QCOMPARE(count(), 3);
    }

    void notificationsReachOtherConnectionsOnCommit()
    {
        auto listener = connect();
        auto sender = connect();
        QVERIFY(listener && sender);
        QVERIFY(listener->listen(QStringLiteral("pult_revision")).good());
        QVERIFY(!listener->waitForNotification(0));
        {
            Db::Transaction tx(*sender);
            QVERIFY(sender
                        ->run("SELECT pg_notify('pult_revision', ?1)",
                              [](Db::Statement &st) { st.bind(1, QStringLiteral("17")); })
                        .good());
            QVERIFY(!listener->waitForNotification(200));
            QVERIFY(tx.commit().good());
        }
        const auto notification = listener->waitForNotification(10000);
        QVERIFY(notification);
        QCOMPARE(notification->channel, QStringLiteral("pult_revision"));
        QCOMPARE(notification->payload, QStringLiteral("17"));
        {
            Db::Transaction rolledBack(*sender);
            QVERIFY(sender->execute("NOTIFY pult_revision, '18'").good());
        }
        QVERIFY(!listener->waitForNotification(300));
    }
};

QTEST_GUILESS_MAIN(TestPgDb)
#include "tst_pgdb.moc"
