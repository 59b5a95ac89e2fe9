// pultd's IMAP client (server/mail/imapclient.h) against a real Dovecot that the test starts
// (dovecotprocess.h): plain, imaps and STARTTLS with certificate checks, both login methods,
// exact bytes of fetched messages, folders, flags, moves (and their fallbacks), IDLE and
// interrupt(); and against a fake server in a thread that speaks broken or hostile IMAP.

#include "dovecotprocess.h"
#include "mail/imapclient.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Pult;
using namespace PultdTest;
using namespace std::chrono_literals;

namespace {

const QByteArray kPassword = "s3cret";
// Quotes, a backslash, a space and non-ASCII: quoted strings and literals on the wire.
const QByteArray kTrickyPassword = "pa\"ss\\ w\xc3\xb6rd";

// One connection of the fake server, seen from its thread.
class FakeConnection
{
public:
    FakeConnection(int fd, int index, const std::atomic<bool> &stop)
        : m_fd(fd)
        , m_index(index)
        , m_stop(stop)
    {}

    int index() const { return m_index; } // 0 for the server's first connection

    // False once the client is gone or the test ends.
    bool send(const QByteArray &data)
    {
        qsizetype sent = 0;
        while (sent < data.size()) {
            if (m_stop.load())
                return false;
            pollfd p{m_fd, POLLOUT, 0};
            if (poll(&p, 1, 50) <= 0)
                continue;
            const ssize_t n = ::send(m_fd, data.constData() + sent, std::size_t(data.size() - sent),
                                     MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            sent += n;
        }
        return true;
    }

    // The next line from the client (without CRLF); empty when it is gone.
    QByteArray readLine()
    {
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n");
            if (end >= 0) {
                const QByteArray line = m_buffer.left(end);
                m_buffer.remove(0, end + 2);
                return line;
            }
            if (!receive())
                return {};
        }
    }

    // Waits until the client closes the connection (or the test ends).
    void waitForClose()
    {
        while (receive()) {
        }
    }

private:
    bool receive()
    {
        for (;;) {
            if (m_stop.load())
                return false;
            pollfd p{m_fd, POLLIN, 0};
            if (poll(&p, 1, 50) <= 0)
                continue;
            char chunk[4096];
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return false;
            m_buffer.append(chunk, n);
            return true;
        }
    }

    int m_fd;
    int m_index;
    const std::atomic<bool> &m_stop;
    QByteArray m_buffer;
};

// A server on a free loopback port that runs `script` for each connection in turn, in a thread.
class FakeServer
{
public:
    explicit FakeServer(std::function<void(FakeConnection &)> script)
    {
        m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_listen < 0 || ::bind(m_listen, reinterpret_cast<sockaddr *>(&address), length) != 0 ||
            ::listen(m_listen, 4) != 0 ||
            getsockname(m_listen, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            qFatal("the fake IMAP server cannot listen");
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this, script = std::move(script)] {
            pollfd p{m_listen, POLLIN, 0};
            for (int index = 0; !m_stop.load();) {
                if (poll(&p, 1, 50) <= 0)
                    continue;
                const int fd = accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
                if (fd < 0)
                    continue;
                FakeConnection connection(fd, index++, m_stop);
                script(connection);
                ::close(fd);
            }
        });
    }

    ~FakeServer()
    {
        m_stop.store(true);
        m_thread.join();
        ::close(m_listen);
    }

    quint16 port() const { return m_port; }

private:
    int m_listen = -1;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

const QByteArray kGreeting = "* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN SASL-IR] fake ready\r\n";

// A message with CRLF line ends, 8-bit bytes and text that looks like IMAP syntax.
QByteArray smallMessage(const QByteArray &subject)
{
    return "From: =?utf-8?q?Jo=C5=BEe?= <joze@example.org>\r\n"
           "To: support@pult.example\r\n"
           "Subject: " +
           subject +
           "\r\n"
           "Message-ID: <" +
           subject.toHex() +
           "@example.org>\r\n"
           "Content-Type: text/plain; charset=windows-1250\r\n"
           "Content-Transfer-Encoding: 8bit\r\n"
           "\r\n"
           "Pozdravljeni, \x9a\xe8\x9e \xc4\x8d\xc5\xa1 {5}\r\n"
           "* 1 EXISTS\r\n"
           "P1 OK not a response\r\n"
           ") \"quoted\" \\ (\r\n";
}

// About 1 MB: exercises literals larger than any read chunk.
QByteArray largeMessage()
{
    QByteArray message = "From: big@example.org\r\nTo: support@pult.example\r\n"
                         "Subject: large\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n";
    for (int i = 0; message.size() < 1024 * 1024; ++i)
        message += "line " + QByteArray::number(i) +
                   " \xc5\xbe\xc4\x8d {12}\r\n with {3+} and ) ( \" * OK tail ................\r\n";
    return message;
}

} // namespace

Q_DECLARE_METATYPE(std::function<void(FakeConnection &)>)
Q_DECLARE_METATYPE(Pult::ImapSecurity)

class TestImapClient : public QObject
{
    Q_OBJECT

private:
    DovecotServer m_dovecot;

    ImapClient::Options options(ImapSecurity security) const
    {
        ImapClient::Options o;
        o.host = QStringLiteral("localhost");
        o.security = security;
        o.port = security == ImapSecurity::ImplicitTls ? m_dovecot.tlsPort() : m_dovecot.port();
        o.caFile = m_dovecot.caFile();
        o.timeout = 10s;
        o.callTimeout = 60s;
        return o;
    }

    ImapClient::Options fakeOptions(quint16 port) const
    {
        ImapClient::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = port;
        o.security = ImapSecurity::Plain;
        o.timeout = 2s;
        o.callTimeout = 5s;
        return o;
    }

    // A connected, logged-in client; the folder, if given, created and selected.
    static bool open(ImapClient &client, const QByteArray &user,
                     const QByteArray &password = kPassword)
    {
        const Status connected = client.connect();
        if (!connected.good()) {
            qWarning() << connected.message();
            return false;
        }
        const Status login = client.login(QString::fromUtf8(user), QString::fromUtf8(password));
        if (!login.good()) {
            qWarning() << login.message();
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_dovecot.start({{"ana", kPassword},
                                  {"bob", kTrickyPassword},
                                  {"carol", kPassword},
                                  {"dora", kPassword}}),
                 qPrintable(m_dovecot.error()));
    }

    void plainFetchExactBytes()
    {
        ImapClient client(options(ImapSecurity::Plain));
        QVERIFY(open(client, "ana"));
        QVERIFY(client.hasCapability("IDLE"));
        QVERIFY(client.hasCapability("move")); // case-insensitive

        // Delivered by the MTA's path into the INBOX.
        const QByteArray delivered = smallMessage("delivered");
        QVERIFY2(m_dovecot.deliver("ana", delivered), qPrintable(m_dovecot.error()));
        Result<ImapMailboxState> inbox = client.select(QStringLiteral("INBOX"));
        QVERIFY2(inbox.good(), qPrintable(inbox.status().message()));
        QCOMPARE(inbox->exists, 1u);
        QVERIFY(inbox->uidValidity > 0);
        QCOMPARE(inbox->uidNext, 2u);
        Result<QList<quint32>> all = client.uidSearch("ALL");
        QVERIFY2(all.good(), qPrintable(all.status().message()));
        QCOMPARE(*all, QList<quint32>{1});
        Result<QByteArray> fetched = client.fetchMessage(1);
        QVERIFY2(fetched.good(), qPrintable(fetched.status().message()));
        QCOMPARE(*fetched, delivered);

        // Appended: a small one and one of about 1 MB.
        QVERIFY(client.createFolder(QStringLiteral("Exact")).good());
        QVERIFY(client.createFolder(QStringLiteral("Exact")).good()); // exists: fine
        const QByteArray small = smallMessage("appended");
        const QByteArray large = largeMessage();
        Result<quint32> first = client.append(QStringLiteral("Exact"), small);
        Result<quint32> second = client.append(QStringLiteral("Exact"), large, "\\Flagged");
        QVERIFY2(first.good() && second.good(), qPrintable(second.status().message()));
        QCOMPARE(*first, 1u);
        QCOMPARE(*second, 2u);
        Result<ImapMailboxState> exact = client.select(QStringLiteral("Exact"));
        QVERIFY(exact.good());
        QCOMPARE(exact->exists, 2u);
        QVERIFY(exact->uidValidity != 0);
        QCOMPARE(*client.uidSearch("ALL"), (QList<quint32>{1, 2}));
        QCOMPARE(*client.uidSearch("FLAGGED"), QList<quint32>{2});
        QCOMPARE(*client.uidsFrom(2), QList<quint32>{2});
        // "UID 3:*" matches the highest UID on the server; uidsFrom leaves it out.
        QVERIFY(client.uidsFrom(3)->isEmpty());
        QCOMPARE(*client.fetchMessage(1), small);
        Result<QByteArray> big = client.fetchMessage(2);
        QVERIFY2(big.good(), qPrintable(big.status().message()));
        QCOMPARE(big->size(), large.size());
        QVERIFY(*big == large);

        Result<QByteArray> missing = client.fetchMessage(99);
        QVERIFY(!missing.good());
        QCOMPARE(missing.status().code(), Status::NotFound);
        QVERIFY(client.connected());
        QVERIFY(client.logout().good());
        QVERIFY(!client.connected());
        // The same client again.
        QVERIFY(open(client, "ana"));
        QCOMPARE(client.select(QStringLiteral("Exact"))->exists, 2u);
    }

    void loginMethods_data()
    {
        QTest::addColumn<QList<QByteArray>>("ignored");
        QTest::newRow("AUTHENTICATE PLAIN with SASL-IR") << QList<QByteArray>{};
        QTest::newRow("AUTHENTICATE PLAIN after a continuation") << QList<QByteArray>{"SASL-IR"};
        QTest::newRow("LOGIN with LITERAL+") << QList<QByteArray>{"AUTH=PLAIN"};
        QTest::newRow("LOGIN with a synchronising literal")
            << QList<QByteArray>{"AUTH=PLAIN", "LITERAL+"};
    }

    void loginMethods()
    {
        QFETCH(QList<QByteArray>, ignored);
        ImapClient::Options o = options(ImapSecurity::Plain);
        o.ignoredCapabilities = ignored;
        ImapClient client(o);
        QVERIFY(open(client, "bob", kTrickyPassword));
        QVERIFY(client.select(QStringLiteral("INBOX")).good());

        ImapClient wrong(o);
        QVERIFY(wrong.connect().good());
        const Status refused = wrong.login(QStringLiteral("bob"), QStringLiteral("pa\"ss\\ nope"));
        QCOMPARE(refused.code(), Status::Unauthenticated);
        QVERIFY2(refused.message().startsWith(QLatin1String("login refused: ")),
                 qPrintable(refused.message()));
        QVERIFY2(refused.message().contains(QLatin1String("[AUTHENTICATIONFAILED]")),
                 qPrintable(refused.message()));
        QVERIFY(!refused.message().contains(QLatin1String("nope")));
    }

    void wrongPassword()
    {
        ImapClient client(options(ImapSecurity::ImplicitTls));
        QVERIFY(client.connect().good());
        const Status refused = client.login(QStringLiteral("ana"), QStringLiteral("wrong"));
        QCOMPARE(refused.code(), Status::Unauthenticated);
        QVERIFY2(refused.message().contains(QLatin1String("login refused: [AUTHENTICATIONFAILED]")),
                 qPrintable(refused.message()));
        // The connection stays usable for another try.
        QVERIFY(client.login(QStringLiteral("ana"), QString::fromUtf8(kPassword)).good());
    }

    void implicitTls()
    {
        ImapClient client(options(ImapSecurity::ImplicitTls));
        QVERIFY(open(client, "ana"));
        Result<ImapMailboxState> inbox = client.select(QStringLiteral("INBOX"));
        QVERIFY2(inbox.good(), qPrintable(inbox.status().message()));
        QVERIFY(client.logout().good());
    }

    void untrustedCertificate_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("useTestCa");
        QTest::addColumn<ImapSecurity>("security");
        QTest::addColumn<QString>("expected");
        QTest::newRow("imaps, system trust store")
            << QStringLiteral("localhost") << false << ImapSecurity::ImplicitTls
            << QStringLiteral("certificate verify failed (self-signed certificate)");
        QTest::newRow("imaps, another name")
            << QStringLiteral("127.0.0.1") << true << ImapSecurity::ImplicitTls
            << QStringLiteral("certificate verify failed (IP address mismatch)");
        QTest::newRow("STARTTLS, system trust store")
            << QStringLiteral("localhost") << false << ImapSecurity::StartTls
            << QStringLiteral("certificate verify failed (self-signed certificate)");
    }

    void untrustedCertificate()
    {
        QFETCH(QString, host);
        QFETCH(bool, useTestCa);
        QFETCH(ImapSecurity, security);
        QFETCH(QString, expected);
        ImapClient::Options o = options(security);
        o.host = host;
        if (!useTestCa)
            o.caFile.clear();
        ImapClient client(o);
        const Status status = client.connect();
        QCOMPARE(status.code(), Status::Unreachable);
        QCOMPARE(status.message(), QStringLiteral("%1:%2: ").arg(host).arg(o.port) + expected);
        QVERIFY(!client.connected());

        // The tests' way out, never the default.
        QVERIFY(!ImapClient::Options().insecureSkipVerify);
        o.insecureSkipVerify = true;
        ImapClient trusting(o);
        QVERIFY(open(trusting, "ana"));
    }

    void startTls()
    {
        ImapClient client(options(ImapSecurity::StartTls));
        QVERIFY(client.connect().good());
        // The capabilities asked again inside TLS.
        QVERIFY(!client.hasCapability("STARTTLS"));
        QVERIFY(client.hasCapability("AUTH=PLAIN"));
        QVERIFY(client.login(QStringLiteral("ana"), QString::fromUtf8(kPassword)).good());
        QVERIFY(client.select(QStringLiteral("INBOX")).good());
    }

    void folderNames()
    {
        ImapClient client(options(ImapSecurity::Plain));
        QVERIFY(open(client, "dora"));
        const QStringList folders = {QStringLiteral("Support Queue"),
                                     QStringLiteral("Podpora \"č\" & Š"),
                                     QStringLiteral("back\\slash")};
        for (const QString &folder : folders) {
            QVERIFY2(client.createFolder(folder).good(), qPrintable(folder));
            Result<quint32> uid = client.append(folder, smallMessage(folder.toUtf8()));
            QVERIFY2(uid.good(), qPrintable(uid.status().message()));
            Result<ImapMailboxState> state = client.select(folder);
            QVERIFY2(state.good(), qPrintable(state.status().message()));
            QCOMPARE(state->exists, 1u);
            QCOMPARE(*client.fetchMessage(client.uidSearch("ALL")->first()),
                     smallMessage(folder.toUtf8()));
        }
        Result<ImapMailboxState> none = client.select(QStringLiteral("No Such Folder"));
        QCOMPARE(none.status().code(), Status::NotFound);
        QVERIFY2(none.status().message().startsWith(QLatin1String("SELECT refused: ")),
                 qPrintable(none.status().message()));
        QVERIFY(client.connected()); // a NO leaves the connection usable
        QVERIFY(client.noop().good());
    }

    void mailboxNameEncoding_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("ASCII") << QStringLiteral("INBOX") << QByteArray("INBOX");
        QTest::newRow("ampersand") << QStringLiteral("A&B") << QByteArray("A&-B");
        QTest::newRow("umlaut") << QStringLiteral("Entwürfe") << QByteArray("Entw&APw-rfe");
        QTest::newRow("RFC 3501 example") << QStringLiteral("~peter/mail/台北/日本語")
                                          << QByteArray("~peter/mail/&U,BTFw-/&ZeVnLIqe-");
    }

    void mailboxNameEncoding()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, wire);
        QCOMPARE(imapEncodeMailboxName(name), wire);
        QCOMPARE(imapDecodeMailboxName(wire), name);
    }

    void flags()
    {
        ImapClient client(options(ImapSecurity::Plain));
        QVERIFY(open(client, "dora"));
        QVERIFY(client.createFolder(QStringLiteral("Flags")).good());
        const quint32 uid = *client.append(QStringLiteral("Flags"), smallMessage("flags"));
        QVERIFY(client.select(QStringLiteral("Flags")).good());
        QVERIFY(client.fetchMessage(uid).good());
        // BODY.PEEK[] does not mark the message read.
        QCOMPARE(*client.uidSearch("UNSEEN"), QList<quint32>{uid});
        QVERIFY(client.addFlag(uid).good());
        QCOMPARE(*client.uidSearch("SEEN"), QList<quint32>{uid});
        QVERIFY(client.addFlag(uid, "$PultIngested").good());
        QCOMPARE(*client.uidSearch("KEYWORD $PultIngested"), QList<quint32>{uid});
        QCOMPARE(client.addFlag(uid, "bad flag)").code(), Status::Invalid);
        QCOMPARE(client.uidSearch("ALL\r\nP9 LOGOUT").status().code(), Status::Invalid);
        QVERIFY(client.connected());
    }

    void move_data()
    {
        QTest::addColumn<QList<QByteArray>>("ignored");
        QTest::newRow("UID MOVE") << QList<QByteArray>{};
        QTest::newRow("COPY, STORE, UID EXPUNGE") << QList<QByteArray>{"MOVE"};
        QTest::newRow("COPY, STORE, EXPUNGE") << QList<QByteArray>{"MOVE", "UIDPLUS"};
    }

    void move()
    {
        QFETCH(QList<QByteArray>, ignored);
        const QString source =
            QStringLiteral("Move From ") + QString::fromUtf8(QTest::currentDataTag());
        const QString target = QStringLiteral("Done ") + QString::fromUtf8(QTest::currentDataTag());
        ImapClient::Options o = options(ImapSecurity::Plain);
        o.ignoredCapabilities = ignored;
        ImapClient client(o);
        QVERIFY(open(client, "dora"));
        QVERIFY(client.createFolder(source).good());
        QVERIFY(client.createFolder(target).good());
        QVERIFY(client.append(source, smallMessage("move 1")).good());
        QVERIFY(client.append(source, smallMessage("move 2")).good());
        QVERIFY(client.select(source).good());
        const QList<quint32> uids = *client.uidSearch("ALL");
        QCOMPARE(uids.size(), 2);
        const Status moved = client.move(uids[0], target);
        QVERIFY2(moved.good(), qPrintable(moved.message()));
        QCOMPARE(*client.uidSearch("ALL"), QList<quint32>{uids[1]});

        Result<ImapMailboxState> done = client.select(target);
        QVERIFY(done.good());
        QCOMPARE(done->exists, 1u);
        QCOMPARE(*client.fetchMessage(client.uidSearch("ALL")->first()), smallMessage("move 1"));

        QVERIFY(client.select(source).good());
        const Status nowhere = client.move(uids[1], QStringLiteral("No Such Folder"));
        QCOMPARE(nowhere.code(), Status::NotFound);
        QVERIFY(client.connected());
        QCOMPARE(*client.uidSearch("ALL"), QList<quint32>{uids[1]});
    }

    void idleWakesOnDelivery()
    {
        ImapClient client(options(ImapSecurity::ImplicitTls));
        QVERIFY(open(client, "carol"));
        Result<ImapMailboxState> inbox = client.select(QStringLiteral("INBOX"));
        QVERIFY(inbox.good());
        const quint32 before = inbox->exists;

        // Quiet: the wait ends on time, and the connection is fine.
        QElapsedTimer timer;
        timer.start();
        Result<ImapIdleResult> quiet = client.idle(300ms);
        QVERIFY2(quiet.good(), qPrintable(quiet.status().message()));
        QCOMPARE(quiet->reason, ImapIdleResult::TimedOut);
        QVERIFY(timer.elapsed() >= 290 && timer.elapsed() < 3000);

        // A delivery by another process, started from another thread while the client idles.
        bool delivered = false;
        std::thread mta([&] {
            std::this_thread::sleep_for(300ms); // lets the IDLE begin
            delivered = m_dovecot.deliver("carol", smallMessage("idle"));
        });
        timer.restart();
        Result<ImapIdleResult> news = client.idle(30s);
        const qint64 elapsed = timer.elapsed();
        mta.join();
        QVERIFY2(delivered, qPrintable(m_dovecot.error()));
        QVERIFY2(news.good(), qPrintable(news.status().message()));
        QCOMPARE(news->reason, ImapIdleResult::Changed);
        QCOMPARE(news->exists, before + 1);
        QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
        qInfo("IDLE woke %lld ms after it began (the delivery started at 300 ms)", elapsed);
        QCOMPARE(client.uidsFrom(inbox->uidNext)->size(), 1);

        // NOOP, the poll for servers without IDLE, sees news too.
        QVERIFY(m_dovecot.deliver("carol", smallMessage("noop")));
        Result<bool> polled = client.noop();
        QVERIFY(polled.good());
        QVERIFY(*polled);
        QVERIFY(!*client.noop());
    }

    void interruptEndsIdle()
    {
        ImapClient client(options(ImapSecurity::Plain));
        QVERIFY(open(client, "carol"));
        QVERIFY(client.select(QStringLiteral("INBOX")).good());

        std::thread other([&client] {
            std::this_thread::sleep_for(200ms);
            client.interrupt();
        });
        QElapsedTimer timer;
        timer.start();
        Result<ImapIdleResult> idle = client.idle(60s);
        other.join();
        QVERIFY2(idle.good(), qPrintable(idle.status().message()));
        QCOMPARE(idle->reason, ImapIdleResult::Interrupted);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(client.connected()); // DONE was sent: the session goes on

        // Interrupted stays interrupted until reset.
        QCOMPARE(client.idle(60s)->reason, ImapIdleResult::Interrupted);
        client.resetInterrupt();
        QVERIFY(client.noop().good());

        // A call other than IDLE: the connection is given up.
        ImapClient::Options o = fakeOptions(0);
        // Silent the first time, an IMAP server the second.
        FakeServer silent([](FakeConnection &c) {
            if (c.index() > 0)
                c.send(kGreeting);
            c.waitForClose();
        });
        o.port = silent.port();
        o.timeout = 60s;
        o.callTimeout = 60s;
        ImapClient waiting(o);
        std::thread stopper([&waiting] {
            std::this_thread::sleep_for(200ms);
            waiting.interrupt();
        });
        timer.restart();
        const Status status = waiting.connect();
        stopper.join();
        QVERIFY(!status.good());
        QVERIFY(waiting.interrupted());
        QVERIFY(!waiting.connected());
        QVERIFY2(status.message().endsWith(QLatin1String(": interrupted")),
                 qPrintable(status.message()));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        // The same client connects again once the interrupt is reset.
        QVERIFY(!waiting.connect().good());
        waiting.resetInterrupt();
        const Status again = waiting.connect();
        QVERIFY2(again.good(), qPrintable(again.message()));
        QVERIFY(!waiting.interrupted());
        QVERIFY(waiting.connected());
    }

    void hostileServer_data()
    {
        using Script = std::function<void(FakeConnection &)>;
        QTest::addColumn<Script>("script");
        QTest::addColumn<QString>("expected");
        const auto afterLogin = [](QByteArray answer, bool close) {
            return Script([answer, close](FakeConnection &c) {
                if (!c.send(kGreeting) || c.readLine().isEmpty())
                    return;
                c.send(answer);
                if (!close)
                    c.waitForClose();
            });
        };
        QTest::newRow("oversized literal")
            << afterLogin("* 1 FETCH (BODY[] {99999999999}\r\n", false)
            << QStringLiteral("the server announced a literal of 99999999999 bytes, more than "
                              "the limit of 67108864");
        QTest::newRow("disconnect mid-literal")
            << afterLogin("* 1 FETCH (BODY[] {1000}\r\n0123456789", true)
            << QStringLiteral("the server closed the connection");
        QTest::newRow("wrong tag") << afterLogin("X99 OK done\r\n", false)
                                   << QStringLiteral("AUTHENTICATE PLAIN: unexpected response "
                                                     "from the server: X99 OK done");
        QTest::newRow("unexpected continuation")
            << afterLogin("+ more please\r\n", false)
            << QStringLiteral("AUTHENTICATE PLAIN: unexpected continuation request from the "
                              "server");
        QTest::newRow("BYE and close")
            << afterLogin("* BYE going down\r\n", true)
            << QStringLiteral("the server closed the connection: going down");
        QTest::newRow("silence after the command")
            << afterLogin(QByteArray(), false)
            << QStringLiteral("no answer from the server within 2 s");
        QTest::newRow("a line without CRLF forever") << Script([](FakeConnection &c) {
            if (!c.send(kGreeting) || c.readLine().isEmpty())
                return;
            const QByteArray noise(64 * 1024, 'x');
            while (c.send(noise)) {
            }
        }) << QStringLiteral("a line longer than 8388608 bytes");
        QTest::newRow("garbage greeting") << Script([](FakeConnection &c) {
            c.send(QByteArray("\x01\x02garbage\xff\r\n", 12));
            c.waitForClose();
        }) << QStringLiteral("not an IMAP server (greeting: ??garbage?)");
        QTest::newRow("BYE greeting") << Script([](FakeConnection &c) {
            c.send("* BYE too many connections\r\n");
            c.waitForClose();
        }) << QStringLiteral("the server refused the connection: too many connections");
        QTest::newRow("no IMAP4rev1") << Script([](FakeConnection &c) {
            c.send("* OK [CAPABILITY POP3] hello\r\n");
            c.waitForClose();
        }) << QStringLiteral("the server does not speak IMAP4rev1");
        QTest::newRow("closed at once") << Script([](FakeConnection &) {})
                                        << QStringLiteral("the server closed the connection");
        QTest::newRow("malformed FETCH") << Script([](FakeConnection &c) {
            if (!c.send(kGreeting))
                return;
            c.readLine(); // AUTHENTICATE
            const QByteArray tag = "P1";
            c.send(tag + " OK [CAPABILITY IMAP4rev1] logged in\r\n");
            c.readLine(); // UID FETCH
            c.send("* 1 FETCH (UID 5 BODY[] {3}\r\nabc (((\r\n");
            c.waitForClose();
        }) << QStringLiteral("UID FETCH: malformed answer: * 1 FETCH (UID 5 BODY[] {3} (((");
    }

    void hostileServer()
    {
        QFETCH(std::function<void(FakeConnection &)>, script);
        QFETCH(QString, expected);
        FakeServer server(script);
        ImapClient client(fakeOptions(server.port()));
        QElapsedTimer timer;
        timer.start();
        Status status = client.connect();
        if (status.good())
            status = client.login(QStringLiteral("ana"), QStringLiteral("x"));
        if (status.good())
            status = client.fetchMessage(5).status();
        QVERIFY(!status.good());
        QCOMPARE(status.code(), Status::Unreachable);
        QCOMPARE(status.message(), QStringLiteral("127.0.0.1:%1: ").arg(server.port()) + expected);
        QVERIFY(!client.connected());
        QVERIFY2(timer.elapsed() < 6000, qPrintable(QString::number(timer.elapsed())));
    }

    void backoff()
    {
        ImapBackoff backoff(1000ms, 5000ms);
        const qint64 expected[] = {1000, 2000, 4000, 5000, 5000};
        for (const qint64 full : expected) {
            const qint64 delay = backoff.next().count();
            QVERIFY2(delay <= full && delay >= full - full / 5, qPrintable(QString::number(delay)));
        }
        backoff.reset();
        QVERIFY(backoff.next() <= 1000ms);
    }

    void endpoint_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::addColumn<int>("security");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("folder");
        const int tls = int(ImapSecurity::ImplicitTls);
        const int plain = int(ImapSecurity::Plain);
        QTest::newRow("imaps, defaults")
            << QStringLiteral("imaps://ana@mail.example.com") << QString() << tls
            << QStringLiteral("ana") << QStringLiteral("mail.example.com") << 993
            << QStringLiteral("INBOX");
        QTest::newRow("imap, everything")
            << QStringLiteral("imap://support%40example.com@mail.example.com:1143/Support%20Queue")
            << QString() << plain << QStringLiteral("support@example.com")
            << QStringLiteral("mail.example.com") << 1143 << QStringLiteral("Support Queue");
        QTest::newRow("imap default port, trailing slash")
            << QStringLiteral("IMAP://ana@Mail.Example.com/") << QString() << plain
            << QStringLiteral("ana") << QStringLiteral("mail.example.com") << 143
            << QStringLiteral("INBOX");
        QTest::newRow("IPv6, nested folder")
            << QStringLiteral("imaps://ana@[::1]:9993/Archive/2026") << QString() << tls
            << QStringLiteral("ana") << QStringLiteral("::1") << 9993
            << QStringLiteral("Archive/2026");
        QTest::newRow("non-ASCII folder")
            << QStringLiteral("imaps://ana@h/Podpora%20%C4%8Dakalna") << QString() << tls
            << QStringLiteral("ana") << QStringLiteral("h") << 993
            << QStringLiteral("Podpora čakalna");
        const auto bad = [&](const char *name, const QString &url, const QString &error) {
            QTest::newRow(name) << url << error << 0 << QString() << QString() << 0 << QString();
        };
        bad("empty", QString(), QStringLiteral("not a URL (imap[s]://USER@HOST:PORT/FOLDER)"));
        bad("no scheme", QStringLiteral("mail.example.com"),
            QStringLiteral("the scheme must be imap or imaps"));
        bad("http", QStringLiteral("http://ana@mail.example.com/"),
            QStringLiteral("the scheme must be imap or imaps"));
        bad("no user", QStringLiteral("imaps://mail.example.com/INBOX"),
            QStringLiteral("no user name (USER@HOST)"));
        bad("password", QStringLiteral("imaps://ana:secret@mail.example.com/"),
            QStringLiteral("no password in the address: it is read from standard input"));
        bad("port too large", QStringLiteral("imaps://ana@mail.example.com:99999/"),
            QStringLiteral("not a URL (imap[s]://USER@HOST:PORT/FOLDER)"));
        bad("port zero", QStringLiteral("imaps://ana@mail.example.com:0/"),
            QStringLiteral("port 0"));
        bad("port not a number", QStringLiteral("imaps://ana@mail.example.com:abc/"),
            QStringLiteral("not a URL (imap[s]://USER@HOST:PORT/FOLDER)"));
        bad("query", QStringLiteral("imaps://ana@mail.example.com/INBOX?x=1"),
            QStringLiteral("no query or fragment allowed"));
        bad("no host", QStringLiteral("imaps://ana@/INBOX"), QStringLiteral("no host name"));
        bad("spaces", QStringLiteral("imaps://ana@mail example.com/"),
            QStringLiteral("not a URL (imap[s]://USER@HOST:PORT/FOLDER)"));
    }

    void endpoint()
    {
        QFETCH(QString, url);
        QFETCH(QString, error);
        Result<ImapEndpoint> parsed = ImapEndpoint::parse(url);
        if (!error.isEmpty()) {
            QVERIFY(!parsed.good());
            QCOMPARE(parsed.status().code(), Status::Invalid);
            QCOMPARE(parsed.status().message(),
                     QStringLiteral("bad IMAP address \"%1\": %2").arg(url, error));
            return;
        }
        QVERIFY2(parsed.good(), qPrintable(parsed.status().message()));
        QFETCH(int, security);
        QFETCH(QString, user);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, folder);
        QCOMPARE(int(parsed->security), security);
        QCOMPARE(parsed->user, user);
        QCOMPARE(parsed->host, host);
        QCOMPARE(int(parsed->port), port);
        QCOMPARE(parsed->folder, folder);
    }
};

QTEST_GUILESS_MAIN(TestImapClient)
#include "tst_imapclient.moc"
