// The desktop window end to end: the real pultd on a free loopback port, the window (MainWindow
// with its sync engine, offscreen) on a profile signed in with pultctl, and pultctl as a second
// client. A reply sent in the window reaches the other client; with pultd stopped the window
// says offline and keeps the work queued; when pultd is back it syncs without anyone asking.

#include "agentsettings.h"
#include "businesshours.h"
#include "businesshourseditor.h"
#include "cannedsettings.h"
#include "changesdialog.h"
#include "composer.h"
#include "departmentsettings.h"
#include "filterbar.h"
#include "mailboxeditor.h"
#include "mainwindow.h"
#include "rulesettings.h"
#include "signindialog.h"
#include "sla.h"
#include "syncengine.h"
#include "syncfixture.h"
#include "syncsession.h"
#include "ticketactions.h"
#include "ticketlistmodel.h"
#include "viewsettings.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QFileDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <zip.h>

#include <random>

using namespace PultSyncTest;

class WindowTest : public QObject
{
    Q_OBJECT

    PultdTest::Pultd m_server;
    const QString m_ana = QStringLiteral("ana@example.com");
    const QString m_eva = QStringLiteral("eva@example.com");
    const QString m_root = QStringLiteral("root@example.com"); // an admin

    static QString syncText(Pult::MainWindow &window)
    {
        auto *label = window.findChild<QLabel *>(QStringLiteral("syncState"));
        return label ? label->text() : QString();
    }

    // One op sent to pultd with the token, at once: its status ("applied", "rejected").
    QString applyOp(const QByteArray &token, QJsonObject op)
    {
        op.insert(QStringLiteral("id"), PultdTest::newId());
        return PultdTest::postOps(m_server, token, {op})
            .at(0)
            .toObject()
            .value(QLatin1String("status"))
            .toString();
    }

    // The id of the agent with that address, as pultd lists it to the token's agent.
    QString agentId(const QByteArray &token, const QString &email)
    {
        const auto reply = m_server.fetch(PultdTest::apiRequest("GET", "/api/v1/agents", token));
        for (const QJsonValue &v :
             reply ? reply->json().value(QLatin1String("agents")).toArray() : QJsonArray()) {
            if (v.toObject().value(QLatin1String("email")).toString() == email)
                return v.toObject().value(QLatin1String("id")).toString();
        }
        return {};
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

    // A ticket made by the other agent (Eva), and the window signed in as `agent` (Ana unless
    // said), synced with it.
    struct Session
    {
        Client window, other;
        QUuid ticket;
        std::unique_ptr<Pult::LocalStore> store;
        std::unique_ptr<Pult::MainWindow> w;
    };
    bool openWindow(Session &s, const QString &subject,
                    const QString &body = QStringLiteral("Hello"),
                    const QString &requester = QString(), const QString &agent = QString())
    {
        if (!s.window.login(m_server.port(), agent.isEmpty() ? m_ana : agent) ||
            !s.other.login(m_server.port(), m_eva))
            return false;
        QStringList create{QStringLiteral("--json"),    QStringLiteral("create"),
                           QStringLiteral("--subject"), subject,
                           QStringLiteral("--body"),    body};
        if (!requester.isEmpty())
            create += {QStringLiteral("--requester"), requester};
        const auto created = s.other.run(create);
        s.ticket = QUuid::fromString(QJsonDocument::fromJson(created.out)
                                         .object()
                                         .value(QLatin1String("ticket_id"))
                                         .toString());
        auto store = Pult::LocalStore::open(s.window.home() + QStringLiteral("/cache.db"));
        if (s.ticket.isNull() || !store.good())
            return false;
        s.store = std::move(*store);
        s.w = std::make_unique<Pult::MainWindow>(
            *s.store, s.window.home(),
            std::make_unique<QSettings>(s.window.home() + QStringLiteral("/ui.ini"),
                                        QSettings::IniFormat));
        s.w->show();
        s.w->startSync();
        return QTest::qWaitFor([&] { return s.store->ticket(s.ticket).good(); }, kTimeoutMs);
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
        QCOMPARE(PultdTest::addAgent(m_server.dataDir(), m_root, QStringLiteral("admin"), QString(),
                                     kPassword)
                     .exitCode,
                 0);
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
        // `pult --home DIR` on the profile pultctl signed in: the same, as main.cpp does it.
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Invoice twice"),
                           QStringLiteral("I was charged twice."),
                           QStringLiteral("marta@firma.pl")));
        Pult::MainWindow &w = *s.w;
        Client &other = s.other;
        const QUuid ticket = s.ticket;
        QVERIFY(w.syncEngine());
        QTRY_COMPARE_WITH_TIMEOUT(syncText(w), QStringLiteral("Synced"), kTimeoutMs);

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

        // The window's "New status link for the customer" on the open ticket: the server
        // records it in the ticket's history, which the other agent sees.
        w.activateWindow();
        auto *rotate = w.findChild<QAction *>(QStringLiteral("rotateStatusLink"));
        QVERIFY(rotate && rotate->isEnabled());
        rotate->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (other.run({QStringLiteral("sync")}).exitCode != 0)
                    return false;
                const auto history = other.store()->history(ticket);
                return std::any_of(history->cbegin(), history->cend(),
                                   [](const Pult::HistoryEvent &e) {
                                       return e.field == u"status_link" && e.newValue == u"rotated";
                                   });
            }(),
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
        QVERIFY(s.store->ticket(ticket)->status == Pult::TicketStatus::Solved);

        // pultd comes back on the same address: the window syncs by itself.
        QVERIFY(
            m_server.start({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)}));
        QCOMPARE(m_server.port(), port);
        QTRY_COMPARE_WITH_TIMEOUT(syncText(w), QStringLiteral("Synced"), 90'000);
        QCOMPARE(other.run({QStringLiteral("sync")}).exitCode, 0);
        QVERIFY(other.store()->ticket(ticket)->status == Pult::TicketStatus::Solved);
    }

    // An admin exports a ticket's requester's data to a zip file, then erases the requester from
    // the window: asked first (Cancel keeps all), then the other agent's cache loses the name,
    // the address and the text of their message. An agent is offered neither action.
    void anAdminExportsAndErasesTheRequesterFromTheWindow()
    {
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Delete my data"),
                           QStringLiteral("My IBAN is SI56 1234."),
                           QStringLiteral("erika@example.org"), m_root));
        Pult::MainWindow &w = *s.w;
        Client &window = s.window, &other = s.other;
        const QUuid ticket = s.ticket;
        const QUuid contact = s.store->ticket(ticket)->requesterId;
        QTRY_VERIFY_WITH_TIMEOUT(s.store->contact(contact).good(), kTimeoutMs);
        w.openTicket(ticket);
        auto *erase = w.findChild<QAction *>(QStringLiteral("eraseRequester"));
        QVERIFY(erase && erase->isVisible() && erase->isEnabled());

        // First the customer's data, exported to a zip file the admin chooses.
        auto *exportData = w.findChild<QAction *>(QStringLiteral("exportRequester"));
        QVERIFY(exportData && exportData->isVisible() && exportData->isEnabled());
        const QString zipPath = window.home() + QStringLiteral("/erika.zip");
        QTimer::singleShot(0, [zipPath] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->selectFile(zipPath);
            QMetaObject::invokeMethod(dialog, "accept"); // as the Save button does
        });
        exportData->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(zipPath), kTimeoutMs);
        {
            int error = 0;
            zip_t *zip = zip_open(QFile::encodeName(zipPath).constData(), ZIP_RDONLY, &error);
            QVERIFY(zip);
            zip_stat_t st;
            QCOMPARE(zip_stat(zip, "contact.json", 0, &st), 0);
            QByteArray json(qsizetype(st.size), '\0');
            zip_file_t *f = zip_fopen(zip, "contact.json", 0);
            QVERIFY(f && zip_fread(f, json.data(), st.size) == zip_int64_t(st.size));
            zip_fclose(f);
            zip_close(zip);
            QVERIFY(json.contains("My IBAN is SI56 1234."));
            QVERIFY(json.contains("erika@example.org"));
        }

        // The question names the customer; Cancel erases nothing.
        const auto answer = [](const QString &button) {
            QTimer::singleShot(0, [button] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                QVERIFY(box);
                QVERIFY(box->text().contains(QStringLiteral("erika@example.org")));
                for (QAbstractButton *b : box->buttons()) {
                    if (b->text() == button)
                        b->click();
                }
            });
        };
        answer(QStringLiteral("Cancel"));
        erase->trigger();
        QCOMPARE(s.store->outbox()->size(), 0);
        answer(QStringLiteral("Erase"));
        erase->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(s.store->outbox()->size(), 0, kTimeoutMs);
        const auto refused = Pult::SyncSession(*s.store, window.home()).rejections();
        QVERIFY2(refused.good() && refused->isEmpty(),
                 qPrintable(refused.good() && !refused->isEmpty() ? refused->first().message
                                                                  : QString()));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                if (other.run({QStringLiteral("sync")}).exitCode != 0)
                    return false;
                auto seen = other.store()->contact(contact);
                auto messages = other.store()->messages(ticket);
                return seen.good() && seen->emails.isEmpty() && seen->name == u"(erased)" &&
                       messages.good() &&
                       std::all_of(messages->cbegin(), messages->cend(),
                                   [](const Pult::Message &m) { return m.bodyText.isEmpty(); });
            }(),
            kTimeoutMs);
        // The window's own cache too.
        QTRY_VERIFY_WITH_TIMEOUT(s.store->contact(contact)->emails.isEmpty(), kTimeoutMs);

        // An agent's window does not offer it.
        Client agent;
        QVERIFY(agent.login(m_server.port(), m_ana));
        auto agentStore = Pult::LocalStore::open(agent.home() + QStringLiteral("/cache.db"));
        QVERIFY(agentStore.good());
        Pult::MainWindow agentWindow(
            **agentStore, agent.home(),
            std::make_unique<QSettings>(agent.home() + QStringLiteral("/ui.ini"),
                                        QSettings::IniFormat));
        QVERIFY(!agentWindow.findChild<QAction *>(QStringLiteral("eraseRequester"))->isVisible());
        QVERIFY(!agentWindow.findChild<QAction *>(QStringLiteral("exportRequester"))->isVisible());
    }

    // A 30 MB file attached in the composer is copied into the profile at once (the original
    // may go), uploaded by the engine with progress, and the other agent downloads it
    // byte-identical. A file over the server's limit is refused when attached.
    void attachmentFromTheComposerReachesTheOtherAgent()
    {
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Photos of the damage")));
        QSignalSpy progress(s.w->syncEngine(), &Pult::SyncEngine::transferProgress);
        QTemporaryDir files;
        const QString path = files.filePath(QStringLiteral("damage.jpg"));
        QByteArray content(30 * 1024 * 1024, Qt::Uninitialized);
        std::mt19937_64 random(7);
        for (qsizetype i = 0; i + 8 <= content.size(); i += 8) {
            const quint64 v = random();
            memcpy(content.data() + i, &v, 8);
        }
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(content), content.size());
        }
        s.w->openTicket(s.ticket);
        Pult::Composer *composer = s.w->composer();
        composer->startWriting(Pult::MessageKind::AgentReply);
        composer->attachFiles({path});
        QTRY_VERIFY_WITH_TIMEOUT(!composer->attaching(), kTimeoutMs);
        QCOMPARE(composer->attachments().size(), 1);
        QVERIFY(QFile::remove(path)); // what was attached is what goes
        QTest::keyClicks(composer->editor(), QStringLiteral("The photos you asked for."));
        QVERIFY(composer->send());
        QVERIFY(composer->attachments().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(bodiesSeenBy(s.other, s.ticket)
                                         .filter(QStringLiteral("The photos you asked for."))
                                         .size() == 1,
                                 kTimeoutMs);
        // The engine's last word on the upload is its end (signals from its thread are queued).
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() &&
                                     progress.last().at(1).toLongLong() == content.size(),
                                 kTimeoutMs);
        QCOMPARE(progress.last().at(0).toString(), QStringLiteral("damage.jpg"));
        const QByteArray hash =
            QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
        const QString saved = files.filePath(QStringLiteral("saved.jpg"));
        QCOMPARE(s.other
                     .run({QStringLiteral("attachment"), QString::fromLatin1(hash),
                           QStringLiteral("--output"), saved})
                     .exitCode,
                 0);
        QFile copy(saved);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QVERIFY(copy.readAll() == content);

        // Over the limit (told at sign-in): refused at once, saying the limit.
        const QString huge = files.filePath(QStringLiteral("huge.iso"));
        {
            QFile f(huge);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(50 * 1024 * 1024 + 1));
        }
        composer->attachFiles({huge});
        QTRY_VERIFY_WITH_TIMEOUT(!composer->attaching(), kTimeoutMs);
        QVERIFY(composer->attachments().isEmpty());
        auto *label = composer->findChild<QLabel *>(QStringLiteral("attachments"));
        QVERIFY(label);
        QVERIFY2(label->text().contains(QStringLiteral("up to 50.0 MB")),
                 qPrintable(label->text()));
    }

    // A change the server refuses for good (a note over its request limit) shows in the
    // waiting and refused changes dialog, and Discard forgets it; the changes after it went.
    // File → Away: the check mark shows what the server says, and clicking it tells the server
    // (which then assigns the agent nothing new: server_assignment).
    void awayFromTheWindow()
    {
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Away")));
        QAction *away = s.w->findChild<QAction *>(QStringLiteral("away"));
        QVERIFY(away);
        QTRY_VERIFY_WITH_TIMEOUT(away->isEnabled(), kTimeoutMs);
        QVERIFY(!away->isChecked());
        const QByteArray token = PultdTest::login(m_server, m_ana.toUtf8(), kPassword);
        const auto serverSays = [&] {
            return m_server.fetch(PultdTest::apiRequest("GET", "/api/v1/me", token))
                ->json()
                .value(QLatin1String("away"))
                .toBool();
        };
        away->trigger();
        QVERIFY(away->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(away->isEnabled() && serverSays(), kTimeoutMs);
        // A window opened now shows it.
        Session again;
        QVERIFY(openWindow(again, QStringLiteral("Away again")));
        QAction *shown = again.w->findChild<QAction *>(QStringLiteral("away"));
        QTRY_VERIFY_WITH_TIMEOUT(shown->isEnabled(), kTimeoutMs);
        QVERIFY(shown->isChecked());
        shown->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(shown->isEnabled() && !serverSays(), kTimeoutMs);
        QVERIFY(!shown->isChecked());
    }

    // An admin's rule notifies Ana when a ticket is made: the notice reaches her window's
    // Notices menu, counted and in bold until she opens it, which opens its ticket.
    void aRuleNoticeReachesTheWindow()
    {
        Client admin;
        QVERIFY(admin.login(m_server.port(), m_root));
        const QString rule = QStringLiteral("Tell Ana");
        const auto added =
            admin.run({QStringLiteral("rule"), QStringLiteral("add"), QStringLiteral("--name"),
                       rule, QStringLiteral("--when"), QStringLiteral("created"),
                       QStringLiteral("--if"), QStringLiteral("\"Shipping damage\""),
                       QStringLiteral("--then"), QStringLiteral("notify:ana@example.com")});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Shipping damage")));
        auto *menu = s.w->findChild<QMenu *>(QStringLiteral("notices"));
        QVERIFY(menu);
        QTRY_COMPARE_WITH_TIMEOUT(menu->title(), QStringLiteral("&Notices (1)"), kTimeoutMs);
        QList<QAction *> notices;
        for (QAction *action : menu->actions()) {
            if (action->objectName() == u"notice")
                notices.append(action);
        }
        QCOMPARE(notices.size(), 1);
        QVERIFY(notices.first()->font().bold());
        QVERIFY2(notices.first()->text().contains(u"Shipping damage") &&
                     notices.first()->text().contains(rule),
                 qPrintable(notices.first()->text()));
        notices.first()->trigger();
        QCOMPARE(s.w->composer()->ticket(), s.ticket);
        QTRY_COMPARE_WITH_TIMEOUT(menu->title(), QStringLiteral("&Notices"), kTimeoutMs);
        QVERIFY(s.store->notices(1)->first().read);
        QCOMPARE(admin.run({QStringLiteral("rule"), QStringLiteral("remove"), rule}).exitCode, 0);
    }

    // An admin deactivates the agent whose window is open: the window says signed out at its
    // next round, with the server's reason in the tooltip, and its work stays in the outbox.
    void aDeactivatedAgentsWindowIsSignedOut()
    {
        const QString agent = QStringLiteral("leo@example.com");
        QCOMPARE(PultdTest::addAgent(m_server.dataDir(), agent, QStringLiteral("agent"),
                                     QStringLiteral("Billing"), kPassword)
                     .exitCode,
                 0);
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Deactivation"), QStringLiteral("Hello"), QString(),
                           agent));
        QTRY_COMPARE_WITH_TIMEOUT(syncText(*s.w), QStringLiteral("Synced"), kTimeoutMs);
        Client admin;
        QVERIFY(admin.login(m_server.port(), m_root));
        QCOMPARE(admin.run({QStringLiteral("agent"), QStringLiteral("remove"), agent}).exitCode, 0);
        QVERIFY(s.w->ticketActions()->setStatus({s.ticket}, Pult::TicketStatus::Pending));
        s.w->syncEngine()->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(syncText(*s.w), QStringLiteral("Signed out"), kTimeoutMs);
        auto *label = s.w->findChild<QLabel *>(QStringLiteral("syncState"));
        QVERIFY2(label->toolTip().contains(u"deactivated"), qPrintable(label->toolTip()));
        Pult::SyncSession session(*s.store, s.window.home());
        QCOMPARE(*session.pendingCount(), 1);
        QVERIFY(!s.window.login(m_server.port(), agent));
    }

    // Settings → Departments as an admin: a department made in the window, with business hours
    // (a weekly editor with holidays), an SLA policy, goals and a reply frame, each checked as it
    // is typed. The server takes it; an agent put in it sees it, and its SLA deadlines, after
    // a sync; the dialog shows it again as it was typed.
    void anAdminConfiguresADepartmentInTheWindow()
    {
        Session s;
        QVERIFY(
            openWindow(s, QStringLiteral("Settings"), QStringLiteral("Hello"), QString(), m_root));
        QTRY_COMPARE_WITH_TIMEOUT(syncText(*s.w), QStringLiteral("Synced"), kTimeoutMs);
        const auto actions = s.w->allActions();
        const auto settings = std::find_if(actions.cbegin(), actions.cend(), [](const QAction *a) {
            return a->objectName() == u"departmentSettings";
        });
        QVERIFY(settings != actions.cend());
        (*settings)->trigger();
        auto *dialog = s.w->findChild<Pult::DepartmentSettings *>();
        QVERIFY(dialog && dialog->isVisible());
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("newDepartment")),
                          Qt::LeftButton);
        QVERIFY(!dialog->saveButton()->isEnabled()); // no name yet
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Returns"));
        QTest::keyClicks(dialog->emailEdit(), QStringLiteral("returns@example.com"));

        Pult::BusinessHoursEditor *hours = dialog->hoursEditor();
        hours->timeZone()->setCurrentText(QStringLiteral("Europe/Ljubljana"));
        QTest::keyClicks(hours->day(1), QStringLiteral("08:00-12:00, 13:00-16:00"));
        QTest::mouseClick(hours->findChild<QPushButton *>(QStringLiteral("copyMonday")),
                          Qt::LeftButton);
        QCOMPARE(hours->day(5)->text(), QStringLiteral("08:00-12:00, 13:00-16:00"));
        QTest::keyClicks(hours->day(6), QStringLiteral("17:00-16:00"));
        QVERIFY2(dialog->errorLabel()->text().contains(u"ends before it starts"),
                 qPrintable(dialog->errorLabel()->text()));
        QVERIFY(!dialog->saveButton()->isEnabled());
        hours->day(6)->clear();
        hours->addHoliday(QDate(2026, 12, 24), false);
        hours->addHoliday(QDate(2026, 12, 25), true);
        QCOMPARE(hours->holidays()->count(), 2);

        QTest::keyClicks(dialog->slaEdit(), QStringLiteral("normal: frist 4h"));
        QVERIFY2(dialog->errorLabel()->text().startsWith(u"SLA policy:") &&
                     dialog->errorLabel()->text().contains(u"frist"),
                 qPrintable(dialog->errorLabel()->text()));
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->slaEdit()->setPlainText(QStringLiteral("normal: first 4h, resolve 2d"));
        QTest::keyClicks(dialog->goalsEdit(), QStringLiteral("first_response 90% within 8h"));
        dialog->headerEdit()->setPlainText(QStringLiteral("Hello {{customer.firstname}},"));
        QVERIFY2(dialog->errorLabel()->text().startsWith(u"Header:"),
                 qPrintable(dialog->errorLabel()->text()));
        dialog->headerEdit()->setPlainText(QStringLiteral("Hello {{customer.first_name}},"));
        dialog->footerEdit()->setPlainText(QStringLiteral("We are in: {{department.hours}}"));
        QVERIFY(dialog->errorLabel()->text().isEmpty());
        const QString preview = dialog->preview()->toPlainText();
        QVERIFY2(preview.startsWith(QStringLiteral("Hello Ana,")) && preview.contains(u"08:00") &&
                     preview.contains(u"Europe/Ljubljana"),
                 qPrintable(preview));

        // What only the server keeps: assignment, the survey, the auto-reply.
        dialog->assignmentBox()->setCurrentIndex(
            dialog->assignmentBox()->findData(QStringLiteral("round-robin")));
        dialog->capBox()->setValue(5);
        dialog->csatBox()->setChecked(false);
        dialog->autoReplyEdit()->setPlainText(
            QStringLiteral("Thanks, {{customer.first_name}}: we have your mail."));
        QVERIFY2(dialog->preview()->toPlainText().endsWith(u"Thanks, Ana: we have your mail."),
                 qPrintable(dialog->preview()->toPlainText()));

        // The customer pages: in Slovenian, in a colour, no web form; what is not a colour or an
        // origin is caught as typed.
        dialog->languageBox()->setCurrentIndex(
            dialog->languageBox()->findData(QStringLiteral("sl")));
        QTest::keyClicks(dialog->colorEdit(), QStringLiteral("#12ab"));
        QVERIFY2(dialog->errorLabel()->text().contains(u"not a colour"),
                 qPrintable(dialog->errorLabel()->text()));
        QVERIFY(!dialog->saveButton()->isEnabled());
        QTest::keyClicks(dialog->colorEdit(), QStringLiteral("34"));
        QTest::keyClicks(dialog->formOriginsEdit(), QStringLiteral("shop.example"));
        QVERIFY2(dialog->errorLabel()->text().contains(u"not an origin"),
                 qPrintable(dialog->errorLabel()->text()));
        dialog->formOriginsEdit()->setText(QStringLiteral("https://shop.example"));
        dialog->webFormBox()->setChecked(false);
        QVERIFY2(dialog->errorLabel()->text().isEmpty(), qPrintable(dialog->errorLabel()->text()));

        QVERIFY(dialog->saveButton()->isEnabled());
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->stateLabel()->text(), QStringLiteral("Saved."),
                                  kTimeoutMs);
        QCOMPARE(dialog->departments()->currentItem()->text(), QStringLiteral("Returns"));

        // Shown again from the store as the server keeps it: as typed.
        QCOMPARE(hours->timeZone()->currentText(), QStringLiteral("Europe/Ljubljana"));
        QCOMPARE(hours->day(3)->text(), QStringLiteral("08:00-12:00, 13:00-16:00"));
        QCOMPARE(hours->day(6)->text(), QString());
        QCOMPARE(hours->holidays()->count(), 2);
        QCOMPARE(dialog->goalsEdit()->text(), QStringLiteral("first_response 90% within 8h"));
        QVERIFY(!dialog->saveButton()->isEnabled()); // nothing changed since
        const auto listed = m_server.fetch(
            PultdTest::apiRequest("GET", "/api/v1/departments", login(m_server, m_root)));
        QVERIFY(listed && listed->status == 200);
        QJsonObject kept;
        for (const QJsonValue &v : listed->json().value(QLatin1String("departments")).toArray()) {
            if (v.toObject().value(QLatin1String("name")).toString() == u"Returns")
                kept = v.toObject();
        }
        QCOMPARE(kept.value(QLatin1String("assignment")).toString(), QStringLiteral("round-robin"));
        QCOMPARE(kept.value(QLatin1String("assignment_cap")).toString(), QStringLiteral("5"));
        QCOMPARE(kept.value(QLatin1String("csat")).toString(), QStringLiteral("off"));
        QCOMPARE(kept.value(QLatin1String("auto_reply")).toString(),
                 QStringLiteral("Thanks, {{customer.first_name}}: we have your mail."));
        QVERIFY(kept.value(QLatin1String("csat_delay")).toString().isEmpty() ||
                kept.value(QLatin1String("csat_delay")).toString() == u"60");
        QCOMPARE(kept.value(QLatin1String("language")).toString(), QStringLiteral("sl"));
        QCOMPARE(kept.value(QLatin1String("color")).toString(), QStringLiteral("#12ab34"));
        QCOMPARE(kept.value(QLatin1String("web_form")).toString(), QStringLiteral("off"));
        QCOMPARE(kept.value(QLatin1String("form_origins")).toString(),
                 QStringLiteral("https://shop.example"));
        // pultd's customer pages follow: Returns has no contact form.
        QCOMPARE(m_server.fetch(PultdTest::apiRequest("GET", "/form/returns", {}))->status, 404);
        // Shown again once the server's settings are read anew.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->capBox()->value(), 5, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->capBox()->isEnabled(), kTimeoutMs);
        QVERIFY(!dialog->csatBox()->isChecked());
        QCOMPARE(dialog->colorEdit()->text(), QStringLiteral("#12ab34"));
        QVERIFY(!dialog->webFormBox()->isChecked());
        QVERIFY(!dialog->saveButton()->isEnabled());
        // Typed into while they are read again: what was typed stays, to be saved.
        QSignalSpy reread(dialog, &Pult::DepartmentSettings::serverSettingsLoaded);
        dialog->capBox()->setValue(7);
        dialog->reloadServerSettings();
        QVERIFY(reread.wait(kTimeoutMs));
        QCOMPARE(dialog->capBox()->value(), 7);
        QVERIFY(dialog->saveButton()->isEnabled());
        dialog->capBox()->setValue(5);
        QVERIFY(!dialog->saveButton()->isEnabled());

        // An agent of the new department sees it, and the SLA it set, after a sync.
        const QString rita = QStringLiteral("rita@example.com");
        QCOMPARE(PultdTest::addAgent(m_server.dataDir(), rita, QStringLiteral("agent"),
                                     QStringLiteral("Returns"), kPassword)
                     .exitCode,
                 0);
        Client agent;
        QVERIFY(agent.login(m_server.port(), rita));
        QCOMPARE(agent
                     .run({QStringLiteral("create"), QStringLiteral("--subject"),
                           QStringLiteral("Where is my refund?"), QStringLiteral("--body"),
                           QStringLiteral("I sent the parcel back."), QStringLiteral("--dept"),
                           QStringLiteral("Returns")})
                     .exitCode,
                 0);
        QCOMPARE(agent.run({QStringLiteral("sync")}).exitCode, 0);
        auto store = agent.store();
        const auto departments = store->departments();
        const auto returns =
            std::find_if(departments->cbegin(), departments->cend(),
                         [](const Pult::Department &d) { return d.name == u"Returns"; });
        QVERIFY(returns != departments->cend());
        const QString expectedHours =
            QStringLiteral("tz=Europe/Ljubljana; mon-fri 08:00-12:00, 13:00-16:00; holiday "
                           "2026-12-24; yearly 12-25");
        QCOMPARE(returns->businessHours, expectedHours);
        QCOMPARE(returns->email, QStringLiteral("returns@example.com"));
        QCOMPARE(
            returns->slaPolicy,
            Pult::SlaPolicy::parse(QStringLiteral("normal: first 4h, resolve 2d"))->toString());
        QCOMPARE(returns->replyHeader, QStringLiteral("Hello {{customer.first_name}},"));
        Pult::TicketQuery query;
        query.departments = {returns->id};
        auto page = store->listTickets(query);
        QVERIFY(page.good());
        QCOMPARE(page->items.size(), 1);
        const Pult::Ticket *ticket = &page->items.first().ticket;
        QCOMPARE(ticket->subject, QStringLiteral("Where is my refund?"));
        const QDateTime expected = Pult::BusinessCalendar::parse(expectedHours)
                                       ->addBusinessSeconds(ticket->created, 4 * 3600);
        QVERIFY2(qAbs(ticket->firstResponseDeadline.msecsTo(expected)) < 1000,
                 qPrintable(ticket->firstResponseDeadline.toString(Qt::ISODate) + u" ≠ " +
                            expected.toString(Qt::ISODate)));
    }

    // A lead sees the departments they lead and changes what a lead may (here the goals); the
    // name, address, hours and SLA policy are the admins'. Once an admin has moved the lead to
    // another department, the server refuses their change to this one, and the dialog says why.
    void aLeadIsRefusedAnotherDepartmentsSettings()
    {
        const QString lina = QStringLiteral("lina@example.com");
        QCOMPARE(PultdTest::addAgent(m_server.dataDir(), lina, QStringLiteral("lead"),
                                     QStringLiteral("Billing"), kPassword)
                     .exitCode,
                 0);
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Lead settings"), QStringLiteral("Hello"), QString(),
                           lina));
        QTRY_COMPARE_WITH_TIMEOUT(syncText(*s.w), QStringLiteral("Synced"), kTimeoutMs);
        Pult::DepartmentSettings *dialog = s.w->showDepartmentSettings();
        QCOMPARE(dialog->departments()->count(), 1);
        QCOMPARE(dialog->departments()->currentItem()->text(), QStringLiteral("Billing"));
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("newDepartment"))->isVisible());
        QVERIFY(!dialog->nameEdit()->isEnabled());
        QVERIFY(!dialog->hoursEditor()->isEnabled());
        QVERIFY(!dialog->slaEdit()->isEnabled());
        QVERIFY(dialog->goalsEdit()->isEnabled());
        // The agents of Billing, which a lead sees and does not change.
        Pult::AgentSettings *agents = s.w->showAgentSettings();
        QTRY_VERIFY_WITH_TIMEOUT(
            agents->agents()->findItems(m_ana, Qt::MatchExactly, 1).size() == 1, kTimeoutMs);
        QVERIFY(!agents->findChild<QPushButton *>(QStringLiteral("addAgent"))->isVisible());
        QVERIFY(!agents->nameEdit()->isEnabled());
        QVERIFY(agents->findChild<QPushButton *>(QStringLiteral("openTickets"))->isEnabled());
        agents->close();
        QVERIFY(!dialog->removeButton()->isVisible()); // removing a department is an admin's
        QVERIFY(!dialog->mailboxEditor());             // and so are its mailboxes

        dialog->goalsEdit()->setText(QStringLiteral("resolution 95% within 1d"));
        QVERIFY2(dialog->save(),
                 qPrintable(dialog->stateLabel()->text() + dialog->errorLabel()->text()));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->stateLabel()->text(), QStringLiteral("Saved."),
                                  kTimeoutMs);

        // The admin's changes go to the server directly, so that they are made (not queued by
        // a client that timed out on a busy machine) before the lead saves.
        const QByteArray root = login(m_server, m_root);
        const QString complaints = PultdTest::newId();
        QCOMPARE(
            applyOp(root, {{QStringLiteral("type"), QStringLiteral("create_department")},
                           {QStringLiteral("department"),
                            QJsonObject{{QStringLiteral("id"), complaints},
                                        {QStringLiteral("name"), QStringLiteral("Complaints")}}}}),
            QStringLiteral("applied"));
        QCOMPARE(
            applyOp(root, {{QStringLiteral("type"), QStringLiteral("update_agent")},
                           {QStringLiteral("agent"),
                            QJsonObject{{QStringLiteral("id"), agentId(root, lina)},
                                        {QStringLiteral("departments"),
                                         QJsonArray{QJsonObject{{QStringLiteral("id"), complaints},
                                                                {QStringLiteral("tier"), 1}}}}}}}),
            QStringLiteral("applied"));
        dialog->goalsEdit()->setText(QStringLiteral("resolution 90% within 1d"));
        QVERIFY(dialog->save());
        QTRY_VERIFY2_WITH_TIMEOUT(dialog->stateLabel()->text().startsWith(
                                      QStringLiteral("The server refused the change:")),
                                  qPrintable(dialog->stateLabel()->text()), kTimeoutMs);
        QVERIFY2(dialog->stateLabel()->text().contains(u"only an admin configures departments"),
                 qPrintable(dialog->stateLabel()->text()));
        // The text stays to save again; the department is as the server keeps it.
        QCOMPARE(dialog->goalsEdit()->text(), QStringLiteral("resolution 90% within 1d"));
        const auto listed =
            m_server.fetch(PultdTest::apiRequest("GET", "/api/v1/departments", root));
        QVERIFY(listed && listed->status == 200);
        QString goals;
        for (const QJsonValue &v : listed->json().value(QLatin1String("departments")).toArray()) {
            if (v.toObject().value(QLatin1String("name")).toString() == u"Billing")
                goals = v.toObject().value(QLatin1String("goals")).toString();
        }
        QCOMPARE(goals, QStringLiteral("resolution 95% within 1d"));
    }

    // Settings → Departments → Remove…: the department leaves the list and, once synced, the
    // store; its ticket is the target's, with its conversation. A lead has no Remove.
    void anAdminRemovesADepartmentInTheWindow()
    {
        Session s;
        QVERIFY(
            openWindow(s, QStringLiteral("Removal"), QStringLiteral("Hello"), QString(), m_root));
        const QByteArray root = login(m_server, m_root);
        const QString desk = PultdTest::newId(), kept = PultdTest::newId();
        const QString ticket = PultdTest::newId();
        for (const auto &[id, name] : {std::pair{desk, QStringLiteral("Front desk")},
                                       std::pair{kept, QStringLiteral("Back office")}}) {
            QCOMPARE(applyOp(root, {{QStringLiteral("type"), QStringLiteral("create_department")},
                                    {QStringLiteral("department"),
                                     QJsonObject{{QStringLiteral("id"), id},
                                                 {QStringLiteral("name"), name}}}}),
                     QStringLiteral("applied"));
        }
        QCOMPARE(
            applyOp(root, {{QStringLiteral("type"), QStringLiteral("create_ticket")},
                           {QStringLiteral("ticket"),
                            QJsonObject{{QStringLiteral("id"), ticket},
                                        {QStringLiteral("subject"), QStringLiteral("At the desk")},
                                        {QStringLiteral("department_id"), desk}}},
                           {QStringLiteral("message_id"), PultdTest::newId()},
                           {QStringLiteral("body"), QStringLiteral("Where is my parcel?")}}),
            QStringLiteral("applied"));
        QTRY_VERIFY_WITH_TIMEOUT(s.store->ticket(QUuid::fromString(ticket)).good(), kTimeoutMs);
        Pult::DepartmentSettings *dialog = s.w->showDepartmentSettings();
        QVERIFY(dialog->selectDepartment(QUuid::fromString(desk)));
        QVERIFY(dialog->removeButton()->isVisible() && dialog->removeButton()->isEnabled());
        QVERIFY(!dialog->removeDepartment(QUuid::fromString(desk))); // not into itself
        QVERIFY(dialog->removeDepartment(QUuid::fromString(kept)));
        QTRY_COMPARE_WITH_TIMEOUT(
            dialog->stateLabel()->text(),
            QStringLiteral("Front desk removed; 1 ticket moved to Back office."), kTimeoutMs);
        QVERIFY(dialog->departments()
                    ->findItems(QStringLiteral("Front desk"), Qt::MatchExactly)
                    .isEmpty());
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Back office"));
        QTRY_COMPARE_WITH_TIMEOUT(s.store->ticket(QUuid::fromString(ticket)).value().departmentId,
                                  QUuid::fromString(kept), kTimeoutMs);
        const QList<Pult::Department> departments = s.store->departments().value();
        QVERIFY(std::none_of(departments.cbegin(), departments.cend(),
                             [](const Pult::Department &d) { return d.name == u"Front desk"; }));
        QCOMPARE(s.store->messages(QUuid::fromString(ticket)).value().size(), 1);
        // Removed meanwhile by another admin: the server's reason on the state line.
        const auto billing =
            std::find_if(departments.cbegin(), departments.cend(),
                         [](const Pult::Department &d) { return d.name == u"Billing"; });
        QVERIFY(billing != departments.cend());
        QCOMPARE(applyOp(root,
                         {{QStringLiteral("type"), QStringLiteral("delete_department")},
                          {QStringLiteral("department_id"), kept},
                          {QStringLiteral("move_to"), billing->id.toString(QUuid::WithoutBraces)}}),
                 QStringLiteral("applied"));
        QVERIFY(dialog->removeDepartment(billing->id));
        QTRY_VERIFY2_WITH_TIMEOUT(
            dialog->stateLabel()->text() ==
                QStringLiteral("The server refused the change: no such department"),
            qPrintable(dialog->stateLabel()->text()), kTimeoutMs);
    }

    // Settings → Departments → Mailboxes: an admin adds, changes and removes a mailbox; every
    // field is checked as typed, pultd keeps what was saved (the passwords never shown again)
    // and says why when it refuses. A lead has no such tab.
    void anAdminSetsUpAMailboxInTheWindow()
    {
        Session s;
        QVERIFY(
            openWindow(s, QStringLiteral("Mailboxes"), QStringLiteral("Hello"), QString(), m_root));
        const QList<Pult::Department> departments = s.store->departments().value();
        const auto billing =
            std::find_if(departments.cbegin(), departments.cend(),
                         [](const Pult::Department &d) { return d.name == u"Billing"; });
        QVERIFY(billing != departments.cend());
        Pult::DepartmentSettings *dialog = s.w->showDepartmentSettings();
        QVERIFY(dialog->selectDepartment(billing->id));
        Pult::MailboxEditor *editor = dialog->mailboxEditor();
        QVERIFY(editor);
        QSignalSpy loaded(editor, &Pult::MailboxEditor::loaded);
        editor->reload();
        QVERIFY(loaded.wait(kTimeoutMs));
        editor->newMailbox();
        QVERIFY(!editor->saveButton()->isEnabled());
        QTest::keyClicks(editor->addressEdit(), QStringLiteral("Help@Billing.example"));
        QTest::keyClicks(editor->imapEdit(), QStringLiteral("imaps://127.0.0.1/INBOX"));
        QVERIFY2(editor->errorLabel()->text().contains(u"give the user name"),
                 qPrintable(editor->errorLabel()->text()));
        editor->imapEdit()->setText(QStringLiteral("imaps://help@127.0.0.1:1/INBOX"));
        QTest::keyClicks(editor->smtpEdit(), QStringLiteral("smtps://help@127.0.0.1:1"));
        QTest::keyClicks(editor->imapPasswordEdit(), QStringLiteral("imap secret"));
        QVERIFY2(editor->errorLabel()->text().contains(u"needs its IMAP and SMTP passwords"),
                 qPrintable(editor->errorLabel()->text()));
        QVERIFY(!editor->saveButton()->isEnabled());
        QTest::keyClicks(editor->smtpPasswordEdit(), QStringLiteral("smtp secret"));
        QVERIFY2(editor->errorLabel()->text().isEmpty(), qPrintable(editor->errorLabel()->text()));
        QVERIFY(editor->save());
        QTRY_COMPARE_WITH_TIMEOUT(editor->stateLabel()->text(),
                                  QStringLiteral("Mailbox help@billing.example added."),
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(editor->mailboxes()->topLevelItemCount(), 1, kTimeoutMs);
        QCOMPARE(editor->imapPasswordEdit()->text(), QString()); // not kept in the window

        const QByteArray root = login(m_server, m_root);
        const auto mailbox = [&]() -> QJsonObject {
            const auto listed =
                m_server.fetch(PultdTest::apiRequest("GET", "/api/v1/mailboxes", root));
            if (!listed || listed->status != 200 || listed->body.contains("secret"))
                return {{QStringLiteral("error"), QString::fromUtf8(listed ? listed->body : "")}};
            for (const QJsonValue &v : listed->json().value(QLatin1String("mailboxes")).toArray()) {
                if (v[QLatin1String("address")].toString() == u"help@billing.example")
                    return v.toObject();
            }
            return {};
        };
        QCOMPARE(mailbox().value(QLatin1String("department_id")).toString(),
                 billing->id.toString(QUuid::WithoutBraces));
        QCOMPARE(mailbox().value(QLatin1String("imap_url")).toString(),
                 QStringLiteral("imaps://help@127.0.0.1:1/INBOX"));

        // Changed without the passwords, which stay; then a charset pultd does not know.
        editor->afterBox()->setCurrentIndex(editor->afterBox()->findData(QStringLiteral("move")));
        QVERIFY(!editor->saveButton()->isEnabled()); // which folder?
        QTest::keyClicks(editor->folderEdit(), QStringLiteral("Done"));
        QVERIFY(editor->save());
        QTRY_COMPARE_WITH_TIMEOUT(editor->stateLabel()->text(),
                                  QStringLiteral("Mailbox help@billing.example saved."),
                                  kTimeoutMs);
        QCOMPARE(mailbox().value(QLatin1String("after")).toString(), QStringLiteral("move:Done"));
        editor->charsetBox()->setCurrentText(QStringLiteral("klingon-1"));
        QVERIFY(editor->save());
        QTRY_VERIFY2_WITH_TIMEOUT(
            editor->stateLabel()->text().startsWith(u"The server refused the change:") &&
                editor->stateLabel()->text().contains(u"klingon-1"),
            qPrintable(editor->stateLabel()->text()), kTimeoutMs);
        QCOMPARE(editor->charsetBox()->currentText(), QStringLiteral("klingon-1")); // to mend

        QVERIFY(editor->remove());
        QTRY_COMPARE_WITH_TIMEOUT(editor->stateLabel()->text(),
                                  QStringLiteral("Mailbox help@billing.example removed."),
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(editor->mailboxes()->topLevelItemCount(), 0, kTimeoutMs);
        QVERIFY(mailbox().isEmpty());
    }

    // Settings → Agents as an admin: an agent added in the window signs in with the password
    // shown once; deactivated there, they are refused, and Open tickets shows in the inbox the
    // ticket they left assigned.
    void anAdminAddsAndDeactivatesAnAgentInTheWindow()
    {
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Left behind"), QStringLiteral("Hello"), QString(),
                           m_root));
        QTRY_COMPARE_WITH_TIMEOUT(syncText(*s.w), QStringLiteral("Synced"), kTimeoutMs);
        Pult::AgentSettings *dialog = s.w->showAgentSettings();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->agents()->topLevelItemCount() >= 3, kTimeoutMs);

        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("addAgent")),
                          Qt::LeftButton);
        const QString nina = QStringLiteral("nina@example.com");
        QTest::keyClicks(dialog->emailEdit(), nina);
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Nina Kos"));
        QTableWidget *departments = dialog->departmentsTable();
        const auto billing = departments->findItems(QStringLiteral("Billing"), Qt::MatchExactly);
        QCOMPARE(billing.size(), 1);
        billing.first()->setCheckState(Qt::Checked);
        QVERIFY(dialog->save());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->passwordField()->isVisible(), kTimeoutMs);
        const QString password = dialog->passwordField()->text();
        QCOMPARE(password.size(), 16);
        const auto listed = [&] {
            return dialog->agents()->findItems(QStringLiteral("Nina Kos"), Qt::MatchExactly);
        };
        QTRY_COMPARE_WITH_TIMEOUT(listed().size(), 1, kTimeoutMs);
        QCOMPARE(listed().first()->text(3), QStringLiteral("Active"));
        QCOMPARE(listed().first()->text(4), QStringLiteral("Billing"));
        Client agent;
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(m_server.port());
        QCOMPARE(agent.run({QStringLiteral("login"), url, nina}, password.toUtf8() + '\n').exitCode,
                 0);
        // The same address again is refused with the server's reason.
        dialog->newAgent();
        QTest::keyClicks(dialog->emailEdit(), nina);
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Nina again"));
        QVERIFY(dialog->save());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->stateLabel()->text().contains(u"exists"), kTimeoutMs);

        // Made the most senior: assignment's ties go to her first (tst_assignment).
        const QUuid ninaId = listed().first()->data(0, Qt::UserRole).toUuid();
        QVERIFY(!ninaId.isNull());
        dialog->agents()->setCurrentItem(listed().first());
        QVERIFY(dialog->seniorityBox()->isEnabled());
        QVERIFY(dialog->seniorityBox()->value() > 1); // added last
        dialog->seniorityBox()->setValue(1);
        QVERIFY(dialog->save());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->stateLabel()->text(), QStringLiteral("Saved."),
                                  kTimeoutMs);
        const QByteArray root = login(m_server, m_root);
        qint64 seniority = 0;
        for (const QJsonValue &v :
             m_server.fetch(PultdTest::apiRequest("GET", "/api/v1/agents", root))
                 ->json()
                 .value(QLatin1String("agents"))
                 .toArray()) {
            if (QUuid::fromString(v[QLatin1String("id")].toString()) == ninaId)
                seniority = v[QLatin1String("seniority")].toInteger();
        }
        QCOMPARE(seniority, 1);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->seniorityBox()->value(), 1, kTimeoutMs);

        // A ticket assigned to her, then she is deactivated.
        QVERIFY(s.w->ticketActions()->assign({s.ticket}, ninaId));
        QTRY_VERIFY_WITH_TIMEOUT(s.store->ticket(s.ticket)->assigneeId == ninaId &&
                                     syncText(*s.w) == u"Synced",
                                 kTimeoutMs);
        dialog->agents()->setCurrentItem(listed().first());
        QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Nina Kos"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("activate")),
                          Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->stateLabel()->text(), QStringLiteral("Saved."),
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(listed().value(0) ? listed().first()->text(3) : QString(),
                                  QStringLiteral("Deactivated"), kTimeoutMs);
        QVERIFY(
            agent.run({QStringLiteral("login"), url, nina}, password.toUtf8() + '\n').exitCode !=
            0);

        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("openTickets")),
                          Qt::LeftButton);
        Pult::TicketListModel *list = s.w->ticketModel();
        QVERIFY2(list->filterText().contains(nina), qPrintable(list->filterText()));
        QTRY_VERIFY_WITH_TIMEOUT(!list->isLoading(), kTimeoutMs);
        QCOMPARE(list->rowCount(), 1);
        QVERIFY(list->indexOf(s.ticket).isValid());
    }

    // Settings → Rules as a lead: a rule written in the window, its parts checked as typed,
    // goes to the server and acts on the department's next ticket; one the server refuses shows
    // its reason; Remove takes the rule away.
    void aLeadWritesARuleInTheWindow()
    {
        const QString rhea = QStringLiteral("rhea@example.com");
        QCOMPARE(PultdTest::addAgent(m_server.dataDir(), rhea, QStringLiteral("lead"),
                                     QStringLiteral("Billing"), kPassword)
                     .exitCode,
                 0);
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Rules"), QStringLiteral("Hello"), QString(), rhea));
        QTRY_COMPARE_WITH_TIMEOUT(syncText(*s.w), QStringLiteral("Synced"), kTimeoutMs);
        Pult::RuleSettings *dialog = s.w->showRuleSettings();
        QCOMPARE(dialog->departmentBox()->count(), 1); // Billing, which she leads
        QCOMPARE(dialog->departmentBox()->currentText(), QStringLiteral("Billing"));

        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("High goes to tier 2"));
        QTest::keyClicks(dialog->whenEdit(), QStringLiteral("creatd"));
        QVERIFY2(dialog->errorLabel()->text().contains(u"the trigger, column 1"),
                 qPrintable(dialog->errorLabel()->text()));
        dialog->whenEdit()->setText(QStringLiteral("created"));
        dialog->conditionBar()->setText(QStringLiteral("priority>=hgh"));
        QVERIFY2(dialog->errorLabel()->text().contains(u"the condition"),
                 qPrintable(dialog->errorLabel()->text()));
        dialog->conditionBar()->setText(QStringLiteral("priority>=high"));
        QTest::keyClicks(dialog->actionsEdit(), QStringLiteral("tier=12"));
        QVERIFY2(dialog->errorLabel()->text().contains(u"the actions, column"),
                 qPrintable(dialog->errorLabel()->text()));
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->actionsEdit()->setText(QStringLiteral("tier=2 +escalated"));
        QVERIFY(dialog->errorLabel()->text().isEmpty());
        QVERIFY(dialog->save());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->stateLabel()->text(),
                                  QStringLiteral("Rule \"High goes to tier 2\" added."),
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            dialog->rules()
                ->findItems(QStringLiteral("High goes to tier 2"), Qt::MatchExactly, 1)
                .size(),
            1, kTimeoutMs);

        // It acts on the next high-priority ticket of Billing.
        const auto created = s.other.run(
            {QStringLiteral("--json"), QStringLiteral("create"), QStringLiteral("--subject"),
             QStringLiteral("The card was charged twice"), QStringLiteral("--body"),
             QStringLiteral("Twice!"), QStringLiteral("--priority"), QStringLiteral("high")});
        const QUuid ticket = QUuid::fromString(
            QJsonDocument::fromJson(created.out).object().value(u"ticket_id").toString());
        QVERIFY(!ticket.isNull());
        QCOMPARE(s.other.run({QStringLiteral("sync")}).exitCode, 0);
        const auto synced = s.other.store()->ticket(ticket);
        QVERIFY(synced.good());
        QCOMPARE(synced->tier, 2);
        QVERIFY(synced->tags.contains(QStringLiteral("escalated")));

        // Refused by the server, with its reason: an agent that does not exist.
        dialog->actionsEdit()->setText(QStringLiteral("assignee=nobody@example.com"));
        QVERIFY(dialog->save());
        QTRY_VERIFY_WITH_TIMEOUT(dialog->stateLabel()->text().startsWith(
                                     QStringLiteral("The server refused the change:")),
                                 kTimeoutMs);
        QVERIFY2(dialog->stateLabel()->text().contains(u"nobody@example.com"),
                 qPrintable(dialog->stateLabel()->text()));

        QVERIFY(dialog->remove());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->stateLabel()->text(),
                                  QStringLiteral("Rule \"High goes to tier 2\" removed."),
                                  kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            dialog->rules()
                ->findItems(QStringLiteral("High goes to tier 2"), Qt::MatchExactly, 1)
                .size(),
            0, kTimeoutMs);
    }

    // Settings → Canned responses: an admin writes one for everyone, its text checked and
    // previewed as typed; another agent gets it with their next sync, sees it and cannot change
    // it; removed, it is gone for them too.
    void aCannedResponseForEveryoneFromTheWindow()
    {
        Session s;
        QVERIFY(
            openWindow(s, QStringLiteral("Canned"), QStringLiteral("Hello"), QString(), m_root));
        QTRY_COMPARE_WITH_TIMEOUT(syncText(*s.w), QStringLiteral("Synced"), kTimeoutMs);
        Pult::CannedSettings *dialog = s.w->showCannedSettings();
        QTest::keyClicks(dialog->titleEdit(), QStringLiteral("Holiday hours"));
        QTest::keyClicks(dialog->shortcutEdit(), QStringLiteral("holidays"));
        const int everyone = dialog->scopeBox()->findText(QStringLiteral("Everyone"));
        QVERIFY(everyone > 0);
        dialog->scopeBox()->setCurrentIndex(everyone);
        dialog->bodyEdit()->setPlainText(QStringLiteral("Hello {{customer.frist_name}},"));
        QVERIFY2(dialog->errorLabel()->text().contains(u"frist_name"),
                 qPrintable(dialog->errorLabel()->text()));
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->bodyEdit()->setPlainText(
            QStringLiteral("Hello {{customer.first_name}}, we are closed on 24 December."));
        QVERIFY(dialog->errorLabel()->text().isEmpty());
        QCOMPARE(dialog->preview()->toPlainText(),
                 QStringLiteral("Hello Ana, we are closed on 24 December."));
        QVERIFY(dialog->save());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->stateLabel()->text(), QStringLiteral("Saved."),
                                  kTimeoutMs);

        const auto held = [&](const Client &client) -> std::optional<Pult::CannedResponse> {
            if (client.run({QStringLiteral("sync")}).exitCode != 0)
                return std::nullopt;
            const auto responses = client.store()->cannedResponses();
            for (const Pult::CannedResponse &r : responses.value()) {
                if (r.title == u"Holiday hours")
                    return r;
            }
            return std::nullopt;
        };
        const auto seen = held(s.other);
        QVERIFY(seen);
        QVERIFY(seen->scope == Pult::CannedScope::Global);
        QCOMPARE(seen->shortcut, QStringLiteral("holidays"));

        // An agent's window shows it and offers only their own.
        Session agent;
        QVERIFY(openWindow(agent, QStringLiteral("Canned, agent")));
        QTRY_COMPARE_WITH_TIMEOUT(syncText(*agent.w), QStringLiteral("Synced"), kTimeoutMs);
        Pult::CannedSettings *own = agent.w->showCannedSettings();
        QCOMPARE(own->scopeBox()->count(), 1);
        const auto rows =
            own->responses()->findItems(QStringLiteral("Holiday hours"), Qt::MatchExactly);
        QCOMPARE(rows.size(), 1);
        own->responses()->setCurrentItem(rows.first());
        QCOMPARE(own->bodyEdit()->toPlainText(), seen->body);
        QVERIFY(!own->titleEdit()->isEnabled());

        QVERIFY(dialog->selectResponse(seen->id));
        QVERIFY(dialog->remove());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->stateLabel()->text(), QStringLiteral("Saved."),
                                  kTimeoutMs);
        QVERIFY(!held(s.other));
    }

    // Settings → Shared views as a lead: a view shared with Billing's agents, its filter checked
    // as typed, reaches an agent of Billing with their next sync; removed, it leaves them too.
    void aLeadSharesAViewFromSettings()
    {
        const QString vera = QStringLiteral("vera@example.com");
        QCOMPARE(PultdTest::addAgent(m_server.dataDir(), vera, QStringLiteral("lead"),
                                     QStringLiteral("Billing"), kPassword)
                     .exitCode,
                 0);
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Views"), QStringLiteral("Hello"), QString(), vera));
        QTRY_COMPARE_WITH_TIMEOUT(syncText(*s.w), QStringLiteral("Synced"), kTimeoutMs);
        Pult::ViewSettings *dialog = s.w->showViewSettings();
        QCOMPARE(dialog->audienceBox()->count(), 1);
        QCOMPARE(dialog->audienceBox()->currentText(), QStringLiteral("The agents of Billing"));
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Urgent in Billing"));
        dialog->queryBar()->setText(QStringLiteral("priority>=urgnt"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->queryBar()->setText(QStringLiteral("priority>=urgent -status:solved,closed"));
        QVERIFY(dialog->saveButton()->isEnabled());
        QVERIFY(dialog->save());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->stateLabel()->text(), QStringLiteral("Saved."),
                                  kTimeoutMs);
        const auto shared = [&]() -> std::optional<Pult::SharedFilter> {
            if (s.other.run({QStringLiteral("sync")}).exitCode != 0)
                return std::nullopt;
            const auto filters = s.other.store()->sharedFilters();
            for (const Pult::SharedFilter &f : filters.value()) {
                if (f.name == u"Urgent in Billing")
                    return f;
            }
            return std::nullopt;
        };
        const auto seen = shared();
        QVERIFY(seen);
        QCOMPARE(seen->query, QStringLiteral("priority>=urgent -status:solved,closed"));
        QVERIFY(dialog->selectView(seen->id));
        QVERIFY(dialog->remove());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->stateLabel()->text(), QStringLiteral("Saved."),
                                  kTimeoutMs);
        QVERIFY(!shared());
    }

    void refusedChangesDialog()
    {
        Session s;
        QVERIFY(openWindow(s, QStringLiteral("Refusals")));
        QTRY_COMPARE_WITH_TIMEOUT(syncText(*s.w), QStringLiteral("Synced"), kTimeoutMs);
        QVERIFY(s.w->ticketActions()->addMessage(s.ticket, Pult::MessageKind::InternalNote,
                                                 QString(1536 * 1024, u'x'), {}));
        QVERIFY(s.w->ticketActions()->setStatus({s.ticket}, Pult::TicketStatus::Pending));
        Pult::SyncSession session(*s.store, s.window.home());
        QTRY_COMPARE_WITH_TIMEOUT(session.rejections()->size(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(*session.pendingCount(), 0, kTimeoutMs);
        QCOMPARE(session.rejections()->first().code, QStringLiteral("payload_too_large"));
        QVERIFY(s.other.run({QStringLiteral("sync")}).exitCode == 0);
        QVERIFY(s.other.store()->ticket(s.ticket)->status == Pult::TicketStatus::Pending);

        Pult::ChangesDialog dialog(*s.store, s.window.home());
        QTreeWidget *list = dialog.list();
        QCOMPARE(list->topLevelItemCount(), 1);
        QVERIFY(list->topLevelItem(0)->text(3).startsWith(QStringLiteral("Refused")));
        list->setCurrentItem(list->topLevelItem(0));
        dialog.discardSelected();
        QCOMPARE(list->topLevelItemCount(), 0);
        QCOMPARE(session.rejections()->size(), 0);
    }
};

QTEST_MAIN(WindowTest)
#include "tst_window.moc"
