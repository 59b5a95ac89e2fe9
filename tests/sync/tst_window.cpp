// The desktop window end to end: the real pultd on a free loopback port, the window (MainWindow
// with its sync engine, offscreen) on a profile signed in with pultctl, and pultctl as a second
// client. A reply sent in the window reaches the other client; with pultd stopped the window
// says offline and keeps the work queued; when pultd is back it syncs without anyone asking.

#include "composer.h"
#include "mainwindow.h"
#include "signindialog.h"
#include "syncengine.h"
#include "syncfixture.h"
#include "ticketactions.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace PultSyncTest;

class WindowTest : public QObject
{
    Q_OBJECT

    PultdTest::Pultd m_server;
    const QString m_ana = QStringLiteral("ana@example.com");
    const QString m_eva = QStringLiteral("eva@example.com");

    static QString syncText(Pult::MainWindow &window)
    {
        auto *label = window.findChild<QLabel *>(QStringLiteral("syncState"));
        return label ? label->text() : QString();
    }

    // The ticket's messages as the server-side client (pultctl) sees them after a sync.
    static QStringList bodiesSeenBy(const Client &client, const QUuid &ticket)
    {
        if (client.run({QStringLiteral("sync")}).exitCode != 0)
            return {};
        auto store = client.store();
        const auto messages = store->messages(ticket);
        QStringList bodies;
        for (const Pult::Message &m : messages.value())
            bodies.append(m.bodyText);
        return bodies;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("PULT_CREDENTIALS", "file"); // the window's engine, as pultctl's
        QVERIFY(m_server.start());
        for (const QString &email : {m_ana, m_eva}) {
            QCOMPARE(PultdTest::addAgent(m_server.dataDir(), email, QStringLiteral("agent"),
                                         QStringLiteral("Billing"), kPassword)
                         .exitCode,
                     0);
        }
    }

    // The sign-in dialog against the real server: a wrong password and an unreachable server
    // each say so and sign nobody in; the right password signs the profile in.
    void signInDialog()
    {
        QTemporaryDir home;
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(m_server.port());
        Pult::SignInDialog dialog(home.path(), url, m_ana);
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("passwordField"));
        QVERIFY(password);
        QSignalSpy signedIn(&dialog, &Pult::SignInDialog::signedIn);

        password->setText(QStringLiteral("not the password"));
        dialog.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(dialog.errorText().contains(QStringLiteral("password is wrong")),
                                 kTimeoutMs);
        QCOMPARE(signedIn.count(), 0);

        // A port nobody listens on (pultd's, while it is stopped, is not free to guess).
        auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("serverField"));
        server->setText(QStringLiteral("http://127.0.0.1:1"));
        password->setText(QString::fromLatin1(kPassword));
        dialog.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty() &&
                                     dialog.errorText() != QStringLiteral("Signing in…"),
                                 kTimeoutMs);
        QCOMPARE(signedIn.count(), 0);
        const QString unreachable = dialog.errorText();

        server->setText(url);
        password->setText(QString::fromLatin1(kPassword));
        dialog.signIn();
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, kTimeoutMs);
        QVERIFY(dialog.result() == QDialog::Accepted);
        auto store = Pult::LocalStore::open(home.path() + QStringLiteral("/cache.db"));
        QVERIFY(store.good());
        auto server2 = Pult::SyncSession(**store, home.path()).server();
        QVERIFY(server2.good());
        QCOMPARE(server2->toString(), url);
        qInfo("unreachable server: %s", qPrintable(unreachable));
    }

    // A server whose certificate the system does not trust: the dialog says so, nobody is
    // signed in.
    void signInDialogRefusesAnUntrustedCertificate()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("the openssl command is not installed: it makes the test's certificate");
        QTemporaryDir dir;
        const QString certificate = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QProcess process;
        process.start(
            openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                      QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-subj"),
                      QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                      QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1"),
                      QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-keyout"), key,
                      QStringLiteral("-out"), certificate});
        QVERIFY(process.waitForFinished(60'000));
        QCOMPARE(process.exitCode(), 0);
        PultdTest::Pultd tls;
        QVERIFY(tls.start(
            {QStringLiteral("--tls-cert"), certificate, QStringLiteral("--tls-key"), key}));

        QTemporaryDir home;
        Pult::SignInDialog dialog(home.path(),
                                  QStringLiteral("https://127.0.0.1:%1").arg(tls.port()), m_ana);
        QSignalSpy signedIn(&dialog, &Pult::SignInDialog::signedIn);
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordField"))
            ->setText(QString::fromLatin1(kPassword));
        dialog.signIn();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty() &&
                                     dialog.errorText() != QStringLiteral("Signing in…"),
                                 kTimeoutMs);
        QCOMPARE(signedIn.count(), 0);
        qInfo("untrusted certificate: %s", qPrintable(dialog.errorText()));
        QVERIFY(dialog.errorText().contains(QStringLiteral("certificate"), Qt::CaseInsensitive));
    }

    void replyAndStatusFromTheWindowReachTheServer()
    {
        Client window, other;
        QVERIFY(window.login(m_server.port(), m_ana));
        QVERIFY(other.login(m_server.port(), m_eva));
        const auto created =
            other.run({QStringLiteral("--json"), QStringLiteral("create"),
                       QStringLiteral("--subject"), QStringLiteral("Invoice twice"),
                       QStringLiteral("--body"), QStringLiteral("I was charged twice."),
                       QStringLiteral("--requester"), QStringLiteral("marta@firma.pl")});
        QCOMPARE(created.exitCode, 0);
        const QUuid ticket = QUuid::fromString(QJsonDocument::fromJson(created.out)
                                                   .object()
                                                   .value(QLatin1String("ticket_id"))
                                                   .toString());
        QVERIFY(!ticket.isNull());

        // `pult --home DIR` on the profile pultctl signed in: the same, as main.cpp does it.
        auto store = Pult::LocalStore::open(window.home() + QStringLiteral("/cache.db"));
        QVERIFY(store.good());
        Pult::MainWindow w(**store, window.home(),
                           std::make_unique<QSettings>(window.home() + QStringLiteral("/ui.ini"),
                                                       QSettings::IniFormat));
        w.show();
        w.startSync();
        QVERIFY(w.syncEngine());
        QTRY_COMPARE_WITH_TIMEOUT(syncText(w), QStringLiteral("Synced"), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT((*store)->ticket(ticket).good(), kTimeoutMs);

        // A reply typed and sent in the window reaches the other agent.
        w.openTicket(ticket);
        Pult::Composer *composer = w.composer();
        QCOMPARE(composer->ticket(), ticket);
        composer->startWriting(Pult::MessageKind::AgentReply);
        QTest::keyClicks(composer->editor(), QStringLiteral("Refunded the second charge."));
        QVERIFY(composer->send());
        QTRY_VERIFY_WITH_TIMEOUT(
            bodiesSeenBy(other, ticket).contains(QStringLiteral("Refunded the second charge.")),
            kTimeoutMs);

        // pultd stops: the window says offline, and work goes on into the outbox.
        const quint16 port = m_server.port();
        m_server.process().kill();
        m_server.waitForExit();
        w.syncEngine()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(syncText(w).startsWith(QStringLiteral("Offline")), 45'000);
        QVERIFY(w.ticketActions()->setStatus({ticket}, Pult::TicketStatus::Solved));
        QTRY_COMPARE_WITH_TIMEOUT(syncText(w), QStringLiteral("Offline — 1 change waiting"),
                                  kTimeoutMs);
        QVERIFY((*store)->ticket(ticket)->status == Pult::TicketStatus::Solved);

        // pultd comes back on the same address: the window syncs by itself.
        QVERIFY(
            m_server.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}));
        QCOMPARE(m_server.port(), port);
        QTRY_COMPARE_WITH_TIMEOUT(syncText(w), QStringLiteral("Synced"), 90'000);
        QCOMPARE(other.run({QStringLiteral("sync")}).exitCode, 0);
        QVERIFY(other.store()->ticket(ticket)->status == Pult::TicketStatus::Solved);
    }
};

QTEST_MAIN(WindowTest)
#include "tst_window.moc"
