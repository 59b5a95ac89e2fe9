// `pultd mailbox add|list|remove|test`: a department's mailbox stored with its passwords sealed
// by DATA/secrets.key, never shown, never in the database or a backup in clear; `mailbox test`
// against a real Dovecot and Postfix's smtp-sink started by the test.

#include "dovecotprocess.h"
#include "pultdprocess.h"
#include "smtpsinkprocess.h"

#include <QFile>
#include <QTest>

#include <sys/stat.h>

using namespace PultdTest;

namespace {

const QByteArray kImapPassword = "imap Secret Ž \"1\"";
const QByteArray kSmtpPassword = "smtp-secret-2";

} // namespace

class TestMailboxes : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_data;
    DovecotServer m_dovecot;
    SmtpSink m_sink;

    Run mailbox(const QStringList &arguments, const QByteArray &input = {})
    {
        return runPultd(storeArguments(m_data) + QStringList{QStringLiteral("mailbox")} + arguments,
                        input);
    }

    Run add(const QString &address, const QString &imap, const QString &smtp,
            const QByteArray &imapPassword = kImapPassword)
    {
        return mailbox({QStringLiteral("add"), address, QStringLiteral("--dept"),
                        QStringLiteral("Billing"), QStringLiteral("--imap"), imap,
                        QStringLiteral("--smtp"), smtp},
                       imapPassword + '\n' + kSmtpPassword + '\n');
    }

    QString imapUrl(const char *user) const
    {
        return QStringLiteral("imap://%1@127.0.0.1:%2/INBOX")
            .arg(QLatin1String(user))
            .arg(m_dovecot.port());
    }
    QString smtpUrl() const { return QStringLiteral("smtp://127.0.0.1:%1").arg(m_sink.port()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_data = m_dir.filePath(QStringLiteral("data"));
        const Run lead =
            addAgent(m_data, QStringLiteral("lea@firma.example"), QStringLiteral("lead"),
                     QStringLiteral("Billing"), "a long enough password\n");
        QVERIFY2(lead.exitCode == 0, lead.err.constData());
        QVERIFY2(m_dovecot.start({{"billing", kImapPassword}}), qPrintable(m_dovecot.error()));
        QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
        QVERIFY2(m_dovecot.deliver("billing", "From: Ana <ana@example.org>\r\nTo: "
                                              "billing@firma.example\r\nSubject: Račun\r\n\r\n"
                                              "Pozdravljeni!\r\n"),
                 qPrintable(m_dovecot.error()));
    }

    void addListRemove()
    {
        const Run added = add(QStringLiteral("Support@Firma.example"),
                              QStringLiteral("imaps://support%40firma.example@imap.firma.example"),
                              QStringLiteral("smtps://support%40firma.example@smtp.firma.example"));
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(added.out.contains("Added mailbox support@firma.example"));

        const Run list = mailbox({QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.contains("support@firma.example  Billing  IMAP "
                                  "imaps://support%40firma.example@imap.firma.example"));
        QVERIFY(!list.out.contains("ecret"));
        QVERIFY(list.out.contains("after: flag  charset: windows-1252"));

        // The passwords are in neither the database nor its WAL in clear; the key is not there.
        for (const char *file : {"server.db", "server.db-wal"}) {
            QFile f(QDir(m_data).filePath(QLatin1String(file)));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            QVERIFY(!bytes.contains(kImapPassword));
            QVERIFY(!bytes.contains(kSmtpPassword));
        }
        struct stat key
        {
        };
        QCOMPARE(
            ::stat(
                QFile::encodeName(QDir(m_data).filePath(QStringLiteral("secrets.key"))).constData(),
                &key),
            0);
        QCOMPARE(key.st_size, off_t(32));
        QCOMPARE(key.st_mode & 0777, mode_t(0600));

        const Run again =
            add(QStringLiteral("support@firma.example"), imapUrl("billing"), smtpUrl());
        QCOMPARE(again.exitCode, 1);
        QVERIFY(again.err.contains("has a mailbox already"));

        const Run removed =
            mailbox({QStringLiteral("remove"), QStringLiteral("SUPPORT@firma.example")});
        QCOMPARE(removed.exitCode, 0);
        const Run gone =
            mailbox({QStringLiteral("remove"), QStringLiteral("support@firma.example")});
        QCOMPARE(gone.exitCode, 1);
        QVERIFY(gone.err.contains("no mailbox support@firma.example"));
    }

    void badInputIsRefusedWithTheReason_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("error");
        const char *ok = "imaps://x@imap.example";
        const char *smtp = "smtps://x@smtp.example";
        const auto row = [](const char *name, std::initializer_list<const char *> arguments,
                            int code, const char *error) {
            QStringList list;
            for (const char *a : arguments)
                list.append(QString::fromUtf8(a));
            QTest::newRow(name) << list << code << QString::fromLatin1(error);
        };
        row("unknown department",
            {"add", "a@firma.example", "--dept", "Nope", "--imap", ok, "--smtp", smtp}, 1,
            "no department \"Nope\"");
        row("password in the IMAP address",
            {"add", "a@firma.example", "--dept", "Billing", "--imap", "imaps://x:pw@imap.example",
             "--smtp", smtp},
            1, "no password in the address");
        row("password in the SMTP address",
            {"add", "a@firma.example", "--dept", "Billing", "--imap", ok, "--smtp",
             "smtps://x:pw@smtp.example"},
            1, "--smtp:");
        row("not an address",
            {"add", "firma.example", "--dept", "Billing", "--imap", ok, "--smtp", smtp}, 1,
            "is not an e-mail address");
        row("unknown after",
            {"add", "a@firma.example", "--dept", "Billing", "--imap", ok, "--smtp", smtp, "--after",
             "burn"},
            1, "--after is flag, delete or move:FOLDER");
        row("unknown charset",
            {"add", "a@firma.example", "--dept", "Billing", "--imap", ok, "--smtp", smtp,
             "--charset", "klingon-8"},
            1, "--charset: \"klingon-8\" is not a charset");
        row("no --smtp", {"add", "a@firma.example", "--dept", "Billing", "--imap", ok}, 2,
            "needs --imap");
        row("unknown command", {"frob"}, 2, "mailbox add|list|remove|test");
        row("test of nothing", {"test", "nobody@firma.example"}, 1, "no mailbox");
    }

    void badInputIsRefusedWithTheReason()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, error);
        const Run run = mailbox(arguments, kImapPassword + '\n' + kSmtpPassword + '\n');
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(error), run.err.constData());
        const Run list = mailbox({QStringLiteral("list")});
        QVERIFY(!list.out.contains("a@firma.example"));
    }

    // The real servers: IMAP signs in and finds the delivered mail, SMTP connects.
    void testSaysWhatWorks()
    {
        const Run added =
            add(QStringLiteral("billing@firma.example"), imapUrl("billing"), smtpUrl());
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const Run test = mailbox({QStringLiteral("test"), QStringLiteral("billing@firma.example")});
        QVERIFY2(test.exitCode == 0, QByteArray(test.out + test.err).constData());
        QVERIFY2(test.out.contains(": works, signed in as billing; INBOX holds 1 messages"),
                 test.out.constData());
        QVERIFY2(test.out.contains(": works, connected without TLS"), test.out.constData());
        QVERIFY(!test.out.contains("ecret") && !test.err.contains("ecret"));
    }

    void testSaysWhatFails()
    {
        const Run added = add(QStringLiteral("wrong@firma.example"), imapUrl("billing"),
                              QStringLiteral("smtp://127.0.0.1:1"), "not the password");
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const Run test = mailbox({QStringLiteral("test"), QStringLiteral("wrong@firma.example")});
        QCOMPARE(test.exitCode, 1);
        QVERIFY2(test.out.contains("IMAP imap://billing@127.0.0.1:") &&
                     test.out.contains("FAILS: login refused"),
                 test.out.constData());
        QVERIFY2(test.out.contains("SMTP smtp://127.0.0.1:1: FAILS: Temporary"),
                 test.out.constData());
        QVERIFY(!test.out.contains("not the password"));
    }

    // Passwords sealed with one key do not open with another: a clear error, nothing guessed.
    void anotherKeyDoesNotOpenThePasswords()
    {
        const Run added = add(QStringLiteral("keyed@firma.example"), imapUrl("billing"), smtpUrl());
        QVERIFY2(added.exitCode == 0, added.err.constData());
        const QString keyFile = QDir(m_data).filePath(QStringLiteral("secrets.key"));
        QFile key(keyFile);
        QVERIFY(key.open(QIODevice::ReadOnly));
        const QByteArray original = key.readAll();
        key.close();
        QVERIFY(key.open(QIODevice::WriteOnly | QIODevice::Truncate));
        key.write(QByteArray(32, 'k'));
        key.close();
        const Run test = mailbox({QStringLiteral("test"), QStringLiteral("keyed@firma.example")});
        QVERIFY(key.open(QIODevice::WriteOnly | QIODevice::Truncate));
        key.write(original);
        key.close();
        QCOMPARE(test.exitCode, 1);
        QVERIFY2(test.err.contains("do not open with secrets.key"), test.err.constData());
        const Run restored =
            mailbox({QStringLiteral("test"), QStringLiteral("keyed@firma.example")});
        QVERIFY2(restored.exitCode == 0, QByteArray(restored.out + restored.err).constData());
    }

    // A backup holds the sealed passwords but not the key.
    void backupsHoldNoKey()
    {
        if (usingPostgres())
            QSKIP("pultd backup copies the SQLite database");
        const QString file = m_dir.filePath(QStringLiteral("backup.db"));
        const Run backup =
            runPultd({QStringLiteral("--data"), m_data, QStringLiteral("backup"), file});
        QVERIFY2(backup.exitCode == 0, backup.err.constData());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(!bytes.contains(kImapPassword));
        QFile key(QDir(m_data).filePath(QStringLiteral("secrets.key")));
        QVERIFY(key.open(QIODevice::ReadOnly));
        QVERIFY(!bytes.contains(key.readAll()));
        QVERIFY(!QFileInfo::exists(file + QStringLiteral(".attachments/secrets.key")));
    }
};

QTEST_GUILESS_MAIN(TestMailboxes)
#include "tst_mailboxes.moc"
