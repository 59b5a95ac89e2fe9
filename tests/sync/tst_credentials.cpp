#include "sync/credentials.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/stat.h>

using namespace Pult;

namespace {

const QString Ana = QStringLiteral("http://127.0.0.1:8743 ana@example.com");
const QString Bor = QStringLiteral("http://127.0.0.1:8743 bor@example.com");
const QByteArray AnaToken = QByteArrayLiteral("ana-token-\x01\xff-secret");
const QByteArray BorToken = QByteArrayLiteral("bor-token");

mode_t fileMode(const QString &path)
{
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return mode_t(-1);
    return st.st_mode & 07777;
}

void writeRaw(const QString &path, const QByteArray &bytes, mode_t mode)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
    file.close();
    QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        // No session bus and no X display: QtKeychain can only fail, and libdbus cannot
        // autolaunch a bus, whatever the machine running the tests has.
        qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        qunsetenv("DISPLAY");
        qunsetenv("PULT_CREDENTIALS");
        QVERIFY(m_home.isValid());
        m_dir.reset(new QTemporaryDir(m_home.filePath(QStringLiteral("homeXXXXXX"))));
        QVERIFY(m_dir->isValid());
    }

    void roundtrip()
    {
        CredentialStore store(m_dir->path(), CredentialStore::Backend::File);
        QCOMPARE(store.filePath(), m_dir->path() + QStringLiteral("/credentials"));
        QCOMPARE(store.load(Ana).status().code(), Status::NotFound);
        QVERIFY2(store.store(Ana, AnaToken).good(), "store");
        const Result<QByteArray> loaded = store.load(Ana);
        QVERIFY2(loaded.good(), qPrintable(loaded.status().message()));
        QCOMPARE(*loaded, AnaToken);
        // A new object (a new process) reads what the first wrote.
        const Result<QByteArray> again = CredentialStore(m_dir->path()).load(Ana);
        QVERIFY(again.good());
        QCOMPARE(*again, AnaToken);
        // Replacing keeps one entry.
        QVERIFY(store.store(Ana, BorToken).good());
        QCOMPARE(*store.load(Ana), BorToken);
        // The file holds base64, not the raw token.
        QFile file(store.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray raw = file.readAll();
        QVERIFY(!raw.contains(BorToken));
        QVERIFY(raw.contains(BorToken.toBase64()));
    }

    void modeIs0600()
    {
        // Even with a umask that would let everyone read new files.
        const mode_t old = ::umask(0);
        CredentialStore store(m_dir->path(), CredentialStore::Backend::File);
        const Status s = store.store(Ana, AnaToken);
        ::umask(old);
        QVERIFY2(s.good(), qPrintable(s.message()));
        QCOMPARE(fileMode(store.filePath()), mode_t(0600));
        QVERIFY(store.store(Bor, BorToken).good());
        QCOMPARE(fileMode(store.filePath()), mode_t(0600));
        // No temporary files left behind.
        const QStringList left = QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden);
        for (const QString &name : left)
            QVERIFY2(name == QLatin1String("credentials") ||
                         name == QLatin1String("credentials.noticed"),
                     qPrintable(name));
    }

    void wideModeRefused_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("0644") << 0644;
        QTest::newRow("0640") << 0640;
        QTest::newRow("0606") << 0606;
        QTest::newRow("0620") << 0620;
    }
    void wideModeRefused()
    {
        QFETCH(int, mode);
        CredentialStore store(m_dir->path(), CredentialStore::Backend::File);
        QVERIFY(store.store(Ana, AnaToken).good());
        QCOMPARE(::chmod(QFile::encodeName(store.filePath()).constData(), mode_t(mode)), 0);

        const Result<QByteArray> loaded = store.load(Ana);
        QVERIFY(!loaded.good());
        QVERIFY(loaded.status().code() != Status::NotFound);
        QVERIFY2(loaded.status().message().contains(store.filePath()),
                 qPrintable(loaded.status().message()));
        QVERIFY2(loaded.status().message().contains(QStringLiteral("too open")),
                 qPrintable(loaded.status().message()));
        // Neither trusted for writing nor silently repaired.
        QVERIFY(!store.store(Bor, BorToken).good());
        QVERIFY(!store.forget(Ana).good());
        QCOMPARE(fileMode(store.filePath()), mode_t(mode));
        // Also through Automatic.
        QVERIFY(!CredentialStore(m_dir->path()).load(Ana).good());
    }

    void readOnlyForOwnerAccepted()
    {
        CredentialStore store(m_dir->path(), CredentialStore::Backend::File);
        QVERIFY(store.store(Ana, AnaToken).good());
        QCOMPARE(::chmod(QFile::encodeName(store.filePath()).constData(), 0400), 0);
        QCOMPARE(*store.load(Ana), AnaToken);
    }

    void corrupt_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("not json") << QByteArray("{\"a\": \"QUJD");
        QTest::newRow("array") << QByteArray("[\"QUJD\"]");
        QTest::newRow("number") << QByteArray("{\"acct\": 12}");
        QTest::newRow("bad base64") << QByteArray("{\"acct\": \"!!not base64!!\"}");
        QTest::newRow("empty token") << QByteArray("{\"acct\": \"\"}");
        QTest::newRow("empty file") << QByteArray();
    }
    void corrupt()
    {
        QFETCH(QByteArray, content);
        CredentialStore store(m_dir->path(), CredentialStore::Backend::File);
        writeRaw(store.filePath(), content, 0600);
        const Result<QByteArray> loaded = store.load(Ana);
        QVERIFY(!loaded.good());
        QCOMPARE(loaded.status().code(), Status::Corrupt);
        QVERIFY2(loaded.status().message().contains(store.filePath()),
                 qPrintable(loaded.status().message()));
        // A store does not overwrite what it cannot read (it may hold other accounts).
        QCOMPARE(store.store(Ana, AnaToken).code(), Status::Corrupt);
    }

    void forgetRemoves()
    {
        CredentialStore store(m_dir->path(), CredentialStore::Backend::File);
        QVERIFY(store.forget(Ana).good()); // nothing stored, no file
        QVERIFY(store.store(Ana, AnaToken).good());
        QVERIFY(store.store(Bor, BorToken).good());
        QVERIFY(store.forget(Ana).good());
        QCOMPARE(store.load(Ana).status().code(), Status::NotFound);
        QCOMPARE(*store.load(Bor), BorToken);
        QVERIFY(store.forget(Ana).good()); // again: still Ok
        QVERIFY(store.forget(Bor).good());
        QCOMPARE(store.load(Bor).status().code(), Status::NotFound);
        QVERIFY(!QFile::exists(store.filePath()));
        // Automatic forgets what a File store kept.
        QVERIFY(store.store(Ana, AnaToken).good());
        QVERIFY(CredentialStore(m_dir->path()).forget(Ana).good());
        QCOMPARE(store.load(Ana).status().code(), Status::NotFound);
    }

    void accountsApart()
    {
        CredentialStore store(m_dir->path(), CredentialStore::Backend::File);
        QVERIFY(store.store(Ana, AnaToken).good());
        QVERIFY(store.store(Bor, BorToken).good());
        QCOMPARE(*store.load(Ana), AnaToken);
        QCOMPARE(*store.load(Bor), BorToken);
        QCOMPARE(
            store.load(QStringLiteral("http://127.0.0.1:8743 cene@example.com")).status().code(),
            Status::NotFound);
    }

    void noticeOnce()
    {
        {
            CredentialStore store(m_dir->path(), CredentialStore::Backend::File);
            QVERIFY(store.notice().isEmpty());
            QVERIFY(store.store(Ana, AnaToken).good());
            QVERIFY(!store.notice().isEmpty());
            QVERIFY2(store.notice().contains(store.filePath()), qPrintable(store.notice()));
            QVERIFY(!store.notice().contains(QString::fromLatin1(AnaToken)));
            QVERIFY(store.store(Bor, BorToken).good());
            QVERIFY(store.notice().isEmpty());
        }
        // A second object in the same home, as a new process would have.
        CredentialStore second(m_dir->path(), CredentialStore::Backend::File);
        QVERIFY(second.store(Ana, BorToken).good());
        QVERIFY(second.notice().isEmpty());
        // Another home is told again.
        QTemporaryDir other(m_home.filePath(QStringLiteral("otherXXXXXX")));
        CredentialStore third(other.path(), CredentialStore::Backend::File);
        QVERIFY(third.store(Ana, AnaToken).good());
        QVERIFY(!third.notice().isEmpty());
    }

    void automaticWithoutBusUsesFile()
    {
        QElapsedTimer timer;
        timer.start();
        CredentialStore store(m_dir->path());
        const Status s = store.store(Ana, AnaToken);
        QVERIFY2(s.good(), qPrintable(s.message()));
        QVERIFY2(store.notice().contains(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")),
                 qPrintable(store.notice()));
        QVERIFY(QFile::exists(store.filePath()));
        QCOMPARE(*store.load(Ana), AnaToken);
        QCOMPARE(*CredentialStore(m_dir->path(), CredentialStore::Backend::File).load(Ana),
                 AnaToken);
        QVERIFY(store.forget(Ana).good());
        QCOMPARE(store.load(Ana).status().code(), Status::NotFound);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void environmentOverride()
    {
        qputenv("PULT_CREDENTIALS", "file");
        CredentialStore store(m_dir->path());
        QVERIFY(store.store(Ana, AnaToken).good());
        QVERIFY(QFile::exists(store.filePath()));
        QVERIFY(!store.notice().contains(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")));

        qputenv("PULT_CREDENTIALS", "vault");
        CredentialStore wrong(m_dir->path());
        QCOMPARE(wrong.store(Ana, AnaToken).code(), Status::Invalid);
        QCOMPARE(wrong.load(Ana).status().code(), Status::Invalid);
        QCOMPARE(wrong.forget(Ana).code(), Status::Invalid);
        QVERIFY(wrong.load(Ana).status().message().contains(QStringLiteral("PULT_CREDENTIALS")));

        // It overrides Automatic only: an explicit backend stays.
        QCOMPARE(*CredentialStore(m_dir->path(), CredentialStore::Backend::File).load(Ana),
                 AnaToken);
        qunsetenv("PULT_CREDENTIALS");
    }

    void invalidInput()
    {
        CredentialStore store(m_dir->path(), CredentialStore::Backend::File);
        QCOMPARE(store.store(QString(), AnaToken).code(), Status::Invalid);
        QCOMPARE(store.store(Ana, QByteArray()).code(), Status::Invalid);
        QVERIFY(!QFile::exists(store.filePath()));
    }

    void fromThread()
    {
        const QString home = m_dir->path();
        Status stored;
        Result<QByteArray> loaded = Status(Status::Internal, QStringLiteral("not run"));
        QString notice;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            CredentialStore store(home);
            stored = store.store(Ana, AnaToken);
            notice = store.notice();
            loaded = store.load(Ana);
        }));
        thread->start();
        QVERIFY(thread->wait(10000));
        QVERIFY2(stored.good(), qPrintable(stored.message()));
        QVERIFY(!notice.isEmpty());
        QVERIFY2(loaded.good(), qPrintable(loaded.status().message()));
        QCOMPARE(*loaded, AnaToken);
    }

    // The keychain itself, asked from threads without event loops: each answer (here an error,
    // as there is no session bus) comes at once. QtKeychain's job queue belongs to the thread
    // that first used it, so asking from a thread that has since ended used to hang until the
    // timeout.
    void keychainFromThreads()
    {
        const QString home = m_dir->path();
        const auto ask = [home] {
            QElapsedTimer timer;
            timer.start();
            CredentialStore store(home, CredentialStore::Backend::Keychain);
            const Status s = store.store(Ana, AnaToken);
            const Result<QByteArray> loaded = store.load(Ana);
            const Status forgotten = store.forget(Ana);
            // No silent fallback when the keychain was asked for explicitly.
            if (s.good() || loaded.good() || forgotten.good() || QFile::exists(store.filePath()))
                return qint64(-1);
            return timer.elapsed();
        };
        for (int round = 0; round < 2; ++round) {
            qint64 elapsed = -2;
            std::unique_ptr<QThread> thread(QThread::create([&] { elapsed = ask(); }));
            thread->start();
            QVERIFY(thread->wait(30000));
            QVERIFY2(elapsed >= 0 && elapsed < 2000, qPrintable(QString::number(elapsed)));
            const qint64 onMain = ask();
            QVERIFY2(onMain >= 0 && onMain < 2000, qPrintable(QString::number(onMain)));
        }
    }

    // Explicitly asked, the keychain error is reported, not NotFound, and never the token.
    void keychainErrorsAreClear()
    {
        CredentialStore store(m_dir->path(), CredentialStore::Backend::Keychain);
        const Status s = store.store(Ana, AnaToken);
        QVERIFY(!s.good());
        QVERIFY2(s.message().contains(Ana), qPrintable(s.message()));
        QVERIFY(!s.message().contains(QString::fromLatin1(AnaToken)));
        // A token kept in the file by an earlier fallback is still found.
        QVERIFY(CredentialStore(m_dir->path(), CredentialStore::Backend::File)
                    .store(Ana, AnaToken)
                    .good());
        QCOMPARE(*store.load(Ana), AnaToken);
    }

private:
    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
