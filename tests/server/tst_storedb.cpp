// pultd's SQLite writer connection (server/storedb.h): its WAL is checkpointed while the writer
// keeps writing, without ever growing past a bound, and what was written reaches the database
// file and its readers.

#include "storedb.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Pult;

class TestStoreDb : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theWalStaysBoundedWhileTheWriterKeepsWriting()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto opened = Db::Connection::open(dir.path().toStdString(), {});
        QVERIFY2(opened.good(), qPrintable(opened.status().message()));
        Db::Connection &writer = **opened;
        QVERIFY(
            writer.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, data BLOB NOT NULL)").good());

        // Back to back, as a busy pultd writes: 7,500 rows of about a page each, in
        // transactions of 25. A checkpoint on another thread alone never lets the WAL start
        // over while the writer keeps appending, and it would grow to all of it (30 MB).
        constexpr int kTransactions = 300;
        constexpr int kRowsEach = 25;
        const QByteArray row(3000, 'x');
        const QString wal = dir.filePath(QStringLiteral("server.db-wal"));
        qint64 largestWal = 0;
        for (int t = 0; t < kTransactions; ++t) {
            QVERIFY(writer.begin().good());
            auto insert = writer.prepare("INSERT INTO t(data) VALUES (?1)");
            QVERIFY(insert.good());
            for (int i = 0; i < kRowsEach; ++i) {
                (*insert)->bind(1, row);
                QVERIFY((*insert)->exec().good());
                (*insert)->reset();
            }
            QVERIFY(writer.commit().good());
            largestWal = std::max(largestWal, QFileInfo(wal).size());
        }
        // The writer checkpoints itself at 4,000 pages (16 MB); a few transactions more may
        // come while the other thread holds the checkpoint.
        QVERIFY2(largestWal < 20 * 1024 * 1024,
                 qPrintable(QStringLiteral("the WAL grew to %1 bytes").arg(largestWal)));
        // Checkpointed while the writing went on: the rows are in the database file already.
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("server.db"))).size() > 10 * 1024 * 1024);

        auto reader = Db::Connection::openReader(dir.path().toStdString(), {});
        QVERIFY(reader.good());
        auto count = (*reader)->prepare("SELECT count(*) FROM t");
        QVERIFY(count.good());
        QVERIFY((*count)->next());
        QCOMPARE((*count)->int64(0), qint64(kTransactions * kRowsEach));
        (*count)->reset();
    }
};

QTEST_GUILESS_MAIN(TestStoreDb)
#include "tst_storedb.moc"
