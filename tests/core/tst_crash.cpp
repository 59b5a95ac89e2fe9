#include "localstore.h"
#include "sqlitedb.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Pult;

class TestCrash : public QObject
{
    Q_OBJECT

    static QString text(LocalStore &store, const char *sql)
    {
        auto stmt = store.database().prepare(sql);
        if (!stmt.good())
            return stmt.status().message();
        QStringList rows;
        while ((*stmt)->next())
            rows.append((*stmt)->text(0));
        if (!(*stmt)->status().good())
            rows.append((*stmt)->status().message());
        (*stmt)->reset();
        return rows.join(u'\n');
    }

private Q_SLOTS:
    void killedWriterLeavesAConsistentStore_data()
    {
        QTest::addColumn<int>("commitsBeforeKill");
        QTest::newRow("after 1 commit") << 1;
        QTest::newRow("after 4 commits") << 4;
        QTest::newRow("after 9 commits") << 9;
    }
    void killedWriterLeavesAConsistentStore()
    {
        QFETCH(int, commitsBeforeKill);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crash.db"));
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        writer.start(QStringLiteral(STORE_WRITER_PATH), {path});
        QVERIFY(writer.waitForStarted());
        qint64 lastCommitted = 0;
        int commits = 0;
        while (commits < commitsBeforeKill) {
            QVERIFY2(writer.waitForReadyRead(30000) || writer.canReadLine(), "writer stalled");
            while (writer.canReadLine()) {
                const QByteArray line = writer.readLine().trimmed();
                QVERIFY(line.startsWith("committed "));
                lastCommitted = line.mid(10).toLongLong();
                ++commits;
            }
        }
        writer.kill(); // SIGKILL: no destructors, no rollback, mid-transaction
        QVERIFY(writer.waitForFinished());

        auto store = LocalStore::open(path);
        QVERIFY2(store.good(), qPrintable(store.status().message()));
        QCOMPARE(text(**store, "PRAGMA integrity_check"), QStringLiteral("ok"));
        for (const char *fts :
             {"INSERT INTO tickets_fts(tickets_fts) VALUES ('integrity-check')",
              "INSERT INTO messages_fts(messages_fts) VALUES ('integrity-check')"})
            QVERIFY2((*store)->database().execute(fts).good(), fts);
        const qint64 tickets = *(*store)->ticketCount();
        QVERIFY2(tickets >= lastCommitted, qPrintable(QString::number(tickets)));
        QCOMPARE(tickets % 100, 0); // whole transactions only
        QCOMPARE(text(**store, "SELECT count(*) FROM tickets"), QString::number(tickets));
        QCOMPARE(text(**store, "SELECT count(*) FROM messages"), QString::number(tickets * 5));
        QCOMPARE((*store)->search(QStringLiteral("lodz"), {.limit = 1000})->size(),
                 int(std::min<qint64>(tickets, 1000)));
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
