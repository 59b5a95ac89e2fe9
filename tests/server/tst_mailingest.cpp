// Receiving mail end to end: a real Dovecot (dovecotprocess.h) holds the department's mailbox,
// the real pultd fetches it, and what it makes of each mail is read back through the API as a
// syncing client sees it. One Dovecot and one pultd serve every case.

#include "dovecotprocess.h"
#include "mailmessages.h"
#include "pultdprocess.h"
#include "smtpsinkprocess.h"

#include "mail/imapclient.h"
#include "serverschema.h"
#include "uuid.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>

#include <csignal>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";
const QByteArray kImapPassword = "imap-secret";
const QString kMailbox = QStringLiteral("billing@firma.example");

QByteArray mail(const QByteArray &from, const QByteArray &subject, const QByteArray &body,
                const QByteArray &extraHeaders = {})
{
    return customerMail("billing@firma.example", from, subject, body, extraHeaders);
}

// A delivery status report: mail to the recipient, Message-ID messageId, failed for good.
QByteArray bounceReport(const QByteArray &recipient, const QByteArray &messageId)
{
    return "From: MAILER-DAEMON@mx.example\r\nTo: billing@firma.example\r\n"
           "Subject: Undelivered Mail\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n"
           "\r\n--b\r\nContent-Type: text/plain\r\n\r\nCould not deliver.\r\n"
           "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; "
           "mx.example\r\n\r\nFinal-Recipient: rfc822; " +
           recipient +
           "\r\nAction: failed\r\n"
           "Status: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
           "--b\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <" +
           messageId + ">\r\nSubject: x\r\n--b--\r\n";
}

} // namespace

class TestMailIngest : public QObject
{
    Q_OBJECT

    DovecotServer m_dovecot;
    SmtpSink m_sink;
    Pultd m_server;
    QByteArray m_token;
    QByteArray m_replyMessageId; // of the reply pultd sent in aConversationByMail

    Run pultd(const QStringList &arguments, const QByteArray &input = {})
    {
        return runPultd(storeArguments(m_server.dataDir()) + arguments, input);
    }

    bool startPultd()
    {
        if (!m_server.start())
            return false;
        m_token = login(m_server, "lea@firma.example", kPassword);
        return !m_token.isEmpty();
    }

    // The feed's newest state of every entity of a type.
    QList<QJsonObject> entities(const QString &type)
    {
        return latestEntities(m_server, m_token, type);
    }

    std::optional<QJsonObject> ticketWithSubject(const QString &subject)
    {
        for (const QJsonObject &t : entities(QStringLiteral("ticket"))) {
            if (t.value(QLatin1String("subject")).toString() == subject)
                return t;
        }
        return std::nullopt;
    }

    // The feed's newest state of the contact with that address.
    std::optional<QJsonObject> contactWithEmail(const QString &email)
    {
        for (const QJsonObject &c : entities(QStringLiteral("contact"))) {
            if (c.value(QLatin1String("emails")).toArray().contains(email))
                return c;
        }
        return std::nullopt;
    }

    std::optional<QJsonObject> contactWithId(const QJsonValue &id)
    {
        for (const QJsonObject &c : entities(QStringLiteral("contact"))) {
            if (c.value(QLatin1String("id")) == id)
                return c;
        }
        return std::nullopt;
    }

    // upsert_contact as an agent sends it: "applied", or the rejection's code and message.
    QString upsertContact(const QJsonObject &contact)
    {
        const QJsonObject result =
            postOps(m_server, m_token,
                    {QJsonObject{{QStringLiteral("id"), newId()},
                                 {QStringLiteral("type"), QStringLiteral("upsert_contact")},
                                 {QStringLiteral("contact"), contact}}})
                .first()
                .toObject();
        const QJsonObject error = result.value(QLatin1String("error")).toObject();
        return result.value(QLatin1String("status")).toString() == u"applied"
                   ? QStringLiteral("applied")
                   : error.value(QLatin1String("code")).toString() + QStringLiteral(": ") +
                         error.value(QLatin1String("message")).toString();
    }

    qsizetype handled() { return mailsHandled(m_server); }

    // Delivers the mail and waits until pultd has handled it.
    bool deliver(const QByteArray &message)
    {
        return deliverAndWait(m_server, m_dovecot, "billing", message);
    }

    QList<QJsonObject> messagesOf(const QJsonObject &ticket)
    {
        QList<QJsonObject> found;
        const QString id = ticket.value(QLatin1String("id")).toString();
        for (const QJsonObject &m : entities(QStringLiteral("message"))) {
            if (m.value(QLatin1String("ticket_id")).toString() == id)
                found.append(m);
        }
        return found;
    }

    QString lastOutcome()
    {
        const QList<QByteArray> lines = m_server.log().split('\n');
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            if (it->contains("\"mail_ingested\""))
                return QJsonDocument::fromJson(*it)
                    .object()
                    .value(QLatin1String("outcome"))
                    .toString();
            if (it->contains("\"mail_quarantined\""))
                return QStringLiteral("quarantined");
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_dovecot.start({{"billing", kImapPassword}, {"sales", kImapPassword}}),
                 qPrintable(m_dovecot.error()));
        QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
        const Run lead =
            addAgent(m_server.dataDir(), QStringLiteral("lea@firma.example"),
                     QStringLiteral("lead"), QStringLiteral("Billing"), kPassword + '\n');
        QVERIFY2(lead.exitCode == 0, lead.err.constData());
        const Run admin = addAgent(m_server.dataDir(), QStringLiteral("root@firma.example"),
                                   QStringLiteral("admin"), QString(), kPassword + '\n');
        QVERIFY2(admin.exitCode == 0, admin.err.constData());
        const Run added = pultd(
            {QStringLiteral("mailbox"), QStringLiteral("add"), kMailbox, QStringLiteral("--dept"),
             QStringLiteral("Billing"), QStringLiteral("--imap"),
             QStringLiteral("imap://billing@127.0.0.1:%1/INBOX").arg(m_dovecot.port()),
             QStringLiteral("--smtp"), QStringLiteral("smtp://127.0.0.1:%1").arg(m_sink.port()),
             QStringLiteral("--charset"), QStringLiteral("windows-1250")},
            kImapPassword + "\nunused\n");
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(startPultd());
        QVERIFY2(m_server.waitForLog("\"mailbox_started\""), m_server.log().constData());
    }

    void aCustomersMailBecomesATicket()
    {
        QVERIFY(deliver(mail("=?UTF-8?Q?Ana_Novak?= <ana@example.org>",
                             "=?UTF-8?B?UmHEjXVu?= za november", "Pozdravljeni, račun je napačen.",
                             "Message-ID: <m1@example.org>\r\nCc: Bor <bor@example.org>\r\n"
                             "Content-Type: text/plain; charset=utf-8\r\n"
                             "Content-Transfer-Encoding: 8bit\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("created"));
        const auto ticket = ticketWithSubject(QStringLiteral("Račun za november"));
        QVERIFY(ticket);
        QCOMPARE(ticket->value(QLatin1String("channel")).toString(), QStringLiteral("email"));
        QCOMPARE(ticket->value(QLatin1String("status")).toString(), QStringLiteral("new"));
        const QList<QJsonObject> messages = messagesOf(*ticket);
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages[0].value(QLatin1String("kind")).toString(), QStringLiteral("customer"));
        QCOMPARE(messages[0].value(QLatin1String("author_name")).toString(),
                 QStringLiteral("Ana Novak"));
        QVERIFY(messages[0].value(QLatin1String("body")).toString().contains(u"račun je napačen"));
        bool requester = false;
        for (const QJsonObject &c : entities(QStringLiteral("contact"))) {
            if (c.value(QLatin1String("id")) == ticket->value(QLatin1String("requester_id")))
                requester = c.value(QLatin1String("emails"))
                                .toArray()
                                .contains(QStringLiteral("ana@example.org"));
        }
        QVERIFY(requester);
    }

    // Of several pultd on one PostgreSQL database one fetches each mailbox (the others would
    // fetch and parse every mail again only to find it taken).
    void aSecondPultdOnTheDatabaseLeavesTheMailboxAlone()
    {
        if (!usingPostgres())
            QSKIP("one pultd per SQLite database");
        Pultd second;
        second.shareDatabaseWith(m_server);
        second.useDataDirectory(m_server.dataDir());
        QVERIFY(second.start());
        QVERIFY2(second.waitForLog("\"mailbox_elsewhere\""), second.log().constData());
        QVERIFY(deliver(mail("mojca@example.org", "Dostava", "Paket ni prispel.")));
        QCOMPARE(lastOutcome(), QStringLiteral("created"));
        QVERIFY2(!second.log().contains("\"mailbox_started\"") &&
                     !second.log().contains("\"mail_ingested\""),
                 second.log().constData());
    }

    void repliesThreadOntoTheirTicket()
    {
        const auto ticket = ticketWithSubject(QStringLiteral("Račun za november"));
        QVERIFY(ticket);
        const qint64 number = ticket->value(QLatin1String("number")).toInteger();
        // The requester answering her own mail; Bor (in Cc) answering it; the requester naming
        // the ticket's number without any threading header.
        QVERIFY(deliver(mail("ana@example.org", "Re: Račun", "Še ena stvar.",
                             "Message-ID: <m2@example.org>\r\nIn-Reply-To: <m1@example.org>\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("added"));
        QVERIFY(deliver(mail("Bor <bor@example.org>", "Re: Račun", "Tudi jaz.",
                             "Message-ID: <m3@example.org>\r\nReferences: <m1@example.org> "
                             "<m2@example.org>\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("added"));
        QVERIFY(
            deliver(mail("ana@example.org", "Fwd: [#" + QByteArray::number(number) + "] vprašanje",
                         "Hvala!", "Message-ID: <m4@example.org>\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("added"));
        QCOMPARE(messagesOf(*ticket).size(), 4);

        // A stranger naming the number gets a ticket of their own.
        QVERIFY(deliver(mail("eve@example.net", "[#" + QByteArray::number(number) + "] hello",
                             "Let me in.", "Message-ID: <m5@example.net>\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("created"));
        QCOMPARE(messagesOf(*ticket).size(), 4);
        QVERIFY(ticketWithSubject(QStringLiteral("[#%1] hello").arg(number)));
    }

    // The whole conversation: the agent's reply goes out through SMTP; the customer's answer
    // to it (her mail program quotes only pultd's Message-ID) lands on the same ticket; a
    // bounce of the reply is recorded on the ticket, not made a ticket.
    void aConversationByMail()
    {
        const auto ticket = ticketWithSubject(QStringLiteral("Račun za november"));
        QVERIFY(ticket);
        const QString ticketId = ticket->value(QLatin1String("id")).toString();
        m_sink.clearMessages();
        const QJsonArray results = postOps(
            m_server, m_token,
            {QJsonObject{{QStringLiteral("id"), newId()},
                         {QStringLiteral("type"), QStringLiteral("add_message")},
                         {QStringLiteral("ticket_id"), ticketId},
                         {QStringLiteral("message"),
                          QJsonObject{{QStringLiteral("id"), newId()},
                                      {QStringLiteral("kind"), QStringLiteral("reply")},
                                      {QStringLiteral("body"), QStringLiteral("Popravljeno.")}}}}});
        QCOMPARE(results.first().toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("applied"));
        // Sent (recorded after smtp-sink's 250, so its file is complete: the file appears while
        // smtp-sink is still writing it).
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (const QJsonObject &h : entities(QStringLiteral("history"))) {
                    if (h.value(QLatin1String("ticket_id")).toString() == ticketId &&
                        h.value(QLatin1String("new")).toString().startsWith(u"sent to"))
                        return true;
                }
                return false;
            },
            30000));
        const QByteArray sent = m_sink.onlyMessage();
        QVERIFY2(!sent.isEmpty(), qPrintable(m_sink.error()));
        static const QRegularExpression messageIdHeader(
            QStringLiteral("(?im)^Message-ID:\\s*<([^>]+)>"));
        const QRegularExpressionMatch id = messageIdHeader.match(QString::fromLatin1(sent));
        QVERIFY2(id.hasMatch(), sent.constData());
        QVERIFY(sent.contains("In-Reply-To: <m4@example.org>") ||
                sent.contains("In-Reply-To: <m3@example.org>") ||
                sent.contains("In-Reply-To: <m2@example.org>"));
        QVERIFY(sent.contains("bor@example.org")); // Bor was on the mail: he is in Cc

        const qsizetype before = messagesOf(*ticket).size();
        QVERIFY(deliver(mail("ana@example.org", "Re: odgovor", "Hvala za popravek.",
                             "Message-ID: <m7@example.org>\r\nIn-Reply-To: <" +
                                 id.captured(1).toLatin1() + ">\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("added"));
        QCOMPARE(messagesOf(*ticket).size(), before + 1);

        const qsizetype tickets = entities(QStringLiteral("ticket")).size();
        m_replyMessageId = id.captured(1).toLatin1();
        QVERIFY(deliver(bounceReport("bor@example.org", m_replyMessageId)));
        QCOMPARE(lastOutcome(), QStringLiteral("bounce"));
        QCOMPARE(entities(QStringLiteral("ticket")).size(), tickets);
        bool recorded = false;
        for (const QJsonObject &h : entities(QStringLiteral("history"))) {
            recorded =
                recorded ||
                (h.value(QLatin1String("ticket_id")).toString() == ticketId &&
                 h.value(QLatin1String("new")).toString().startsWith(u"bounced: bor@example.org"));
        }
        QVERIFY(recorded);

        // Bor's address is marked bouncing on his contact (he is in Cc, not the requester), and
        // the lead's feed has the change like any contact change; admins read it too.
        const auto bor = contactWithEmail(QStringLiteral("bor@example.org"));
        QVERIFY(bor);
        const QJsonArray bouncing = bor->value(QLatin1String("bouncing")).toArray();
        QCOMPARE(bouncing.size(), 1);
        const QJsonObject mark = bouncing[0].toObject();
        QCOMPARE(mark.value(QLatin1String("email")).toString(), QStringLiteral("bor@example.org"));
        QCOMPARE(mark.value(QLatin1String("reason")).toString(),
                 QStringLiteral("550 5.1.1 User unknown"));
        const QDateTime since =
            QDateTime::fromString(mark.value(QLatin1String("since")).toString(), Qt::ISODateWithMs);
        QVERIFY(since.isValid());
        QVERIFY(qAbs(since.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        const QByteArray admin = login(m_server, "root@firma.example", kPassword);
        const std::optional<HttpReply> read = m_server.fetch(apiRequest(
            "GET", "/api/v1/contacts/" + bor->value(QLatin1String("id")).toString().toLatin1(),
            admin));
        QCOMPARE(statusOf(read), 200);
        QCOMPARE(read->json().value(QLatin1String("bouncing")).toArray(), bouncing);
        // Ana, the requester, was not reported: no mark.
        const auto ana = contactWithEmail(QStringLiteral("ana@example.org"));
        QVERIFY(ana);
        QVERIFY(!ana->contains(QLatin1String("bouncing")));
    }

    // The mark is pultd's: an agent's upsert_contact that keeps the address keeps it, whatever
    // the op says; mail from the address clears it; one that drops the address drops its mark.
    void aBouncingAddressWorksAgainOrGoes()
    {
        auto bor = contactWithEmail(QStringLiteral("bor@example.org"));
        QVERIFY(bor);
        QCOMPARE(bor->value(QLatin1String("bouncing")).toArray().size(), 1);
        const QJsonValue id = bor->value(QLatin1String("id"));
        QJsonObject edited = *bor;
        edited.remove(QStringLiteral("revision")); // the feed's, not the contact's
        edited.insert(QStringLiteral("notes"), QStringLiteral("Cc on invoices"));
        edited.insert(QStringLiteral("bouncing"), QJsonArray());
        QCOMPARE(upsertContact(edited), QStringLiteral("applied"));
        bor = contactWithId(id);
        QVERIFY(bor);
        QCOMPARE(bor->value(QLatin1String("notes")).toString(), QStringLiteral("Cc on invoices"));
        QCOMPARE(bor->value(QLatin1String("bouncing")).toArray().size(), 1);

        // Mail from the address (spelt in capitals): it works again.
        QVERIFY(deliver(mail("Bor <BOR@example.org>", "Re: Račun", "Nov naslov dela.",
                             "Message-ID: <m8@example.org>\r\nIn-Reply-To: <m1@example.org>\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("added"));
        bor = contactWithId(id);
        QVERIFY(bor);
        QVERIFY(!bor->contains(QLatin1String("bouncing")));

        // Bounced again (the report spells it otherwise), then the agent gives Bor another
        // address: the mark goes with the old one.
        QVERIFY(deliver(bounceReport("Bor@Example.org", m_replyMessageId)));
        QCOMPARE(lastOutcome(), QStringLiteral("bounce"));
        bor = contactWithId(id);
        QVERIFY(bor);
        QCOMPARE(bor->value(QLatin1String("bouncing")).toArray().size(), 1);
        edited = *bor;
        edited.remove(QStringLiteral("revision"));
        edited.insert(QStringLiteral("emails"), QJsonArray{QStringLiteral("bor@example.net")});
        QCOMPARE(upsertContact(edited), QStringLiteral("applied"));
        bor = contactWithId(id);
        QVERIFY(bor);
        QVERIFY(!bor->contains(QLatin1String("bouncing")));
    }

    void aSolvedTicketIsReopenedByAReply()
    {
        const auto ticket = ticketWithSubject(QStringLiteral("Račun za november"));
        QVERIFY(ticket);
        const QJsonArray results = postOps(
            m_server, m_token,
            {QJsonObject{{QStringLiteral("id"), newId()},
                         {QStringLiteral("type"), QStringLiteral("set_fields")},
                         {QStringLiteral("ticket_id"), ticket->value(QLatin1String("id"))},
                         {QStringLiteral("fields"),
                          QJsonObject{{QStringLiteral("status"), QStringLiteral("solved")}}}}});
        QCOMPARE(results.first().toObject().value(QLatin1String("status")).toString(),
                 QStringLiteral("applied"));
        QVERIFY(deliver(mail("ana@example.org", "Re: Račun", "Ni še rešeno.",
                             "Message-ID: <m6@example.org>\r\nIn-Reply-To: <m4@example.org>\r\n")));
        const auto reopened = ticketWithSubject(QStringLiteral("Račun za november"));
        QVERIFY(reopened);
        QCOMPARE(reopened->value(QLatin1String("status")).toString(), QStringLiteral("open"));
    }

    void theSameMailTwiceIsOneMessage()
    {
        const auto ticket = ticketWithSubject(QStringLiteral("Račun za november"));
        QVERIFY(ticket);
        const qsizetype before = messagesOf(*ticket).size();
        QVERIFY(deliver(mail("ana@example.org", "Re: Račun", "Ni še rešeno.",
                             "Message-ID: <m6@example.org>\r\nIn-Reply-To: <m4@example.org>\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("duplicate"));
        QCOMPARE(messagesOf(*ticket).size(), before);
    }

    void pultdsOwnMailAndReportsMakeNoTicket()
    {
        const qsizetype tickets = entities(QStringLiteral("ticket")).size();
        QVERIFY(deliver(mail("billing@firma.example", "Auto: our own", "Looped.",
                             "X-Pult-Loop: billing@firma.example\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("ignored"));
        // A bounce of a mail pultd never sent.
        const QByteArray report =
            "From: MAILER-DAEMON@mx.example\r\nTo: billing@firma.example\r\n"
            "Subject: Undelivered Mail\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
            "--b\r\nContent-Type: text/plain\r\n\r\nCould not deliver.\r\n"
            "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; "
            "mx.example\r\n\r\nFinal-Recipient: rfc822; nobody@example.org\r\nAction: failed\r\n"
            "Status: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n"
            "--b--\r\n";
        QVERIFY(deliver(report));
        QCOMPARE(lastOutcome(), QStringLiteral("ignored"));
        QCOMPARE(entities(QStringLiteral("ticket")).size(), tickets);
    }

    void mailWithoutASenderIsQuarantined()
    {
        QVERIFY(deliver("To: billing@firma.example\r\nSubject: who am I\r\n\r\nNobody.\r\n"));
        QCOMPARE(lastOutcome(), QStringLiteral("quarantined"));
        QVERIFY(!ticketWithSubject(QStringLiteral("who am I")));
    }

    // Admins see the quarantine, read a mail raw, have it processed again, and discard it.
    void theQuarantineForAdmins()
    {
        const QByteArray admin = login(m_server, "root@firma.example", kPassword);
        QCOMPARE(statusOf(m_server.fetch(apiRequest("GET", "/api/v1/quarantine", m_token))), 403);
        std::optional<HttpReply> list =
            m_server.fetch(apiRequest("GET", "/api/v1/quarantine", admin));
        QCOMPARE(statusOf(list), 200);
        QJsonArray entries = list->json().value(QLatin1String("quarantine")).toArray();
        QCOMPARE(entries.size(), 1);
        const QJsonObject entry = entries[0].toObject();
        QCOMPARE(entry.value(QLatin1String("mailbox")).toString(), kMailbox);
        QCOMPARE(entry.value(QLatin1String("subject")).toString(), QStringLiteral("who am I"));
        QVERIFY(entry.value(QLatin1String("reason")).toString().contains(u"e-mail address"));
        const QByteArray target =
            "/api/v1/quarantine/" + entry.value(QLatin1String("id")).toString().toLatin1();
        const std::optional<HttpReply> raw = m_server.fetch(apiRequest("GET", target, admin));
        QCOMPARE(statusOf(raw), 200);
        QCOMPARE(raw->header("content-type"), QByteArray("message/rfc822"));
        QVERIFY(raw->body.contains("Subject: who am I"));
        // Still no sender: it stays.
        const std::optional<HttpReply> again = m_server.fetch(apiRequest("POST", target, admin));
        QCOMPARE(statusOf(again), 422);
        QCOMPARE(again->errorCode(), QStringLiteral("unprocessable_mail"));
        QCOMPARE(statusOf(m_server.fetch(apiRequest("DELETE", target, admin))), 200);
        QCOMPARE(statusOf(m_server.fetch(apiRequest("DELETE", target, admin))), 404);
        QCOMPARE(statusOf(m_server.fetch(apiRequest("POST", target, admin))), 404);

        // A mail that failed once (here written into quarantine directly) and works now.
        auto db = Pult::ServerSchema::openMigrated(
            std::filesystem::path(m_server.dataDir().toStdString()),
            storeArguments(m_server.dataDir()).contains(QStringLiteral("--db"))
                ? storeArguments(m_server.dataDir()).last()
                : QString());
        QVERIFY2(db.good(), qPrintable(db.status().message()));
        const QUuid id = QUuid::createUuid();
        QVERIFY((*db)
                    ->run("INSERT INTO mail_quarantine(id, mailbox, uid_validity, uid, reason, "
                          "raw, created_ms) VALUES (?1, ?2, 1, 999, 'timeout', ?3, 0)",
                          [&](Pult::Db::Statement &st) {
                              st.bind(1, Pult::uuidToBlob(id)).bind(2, kMailbox);
                              st.bind(3, mail("ana@example.org", "Once stuck", "Now fine."));
                          })
                    .good());
        const QByteArray retry = "/api/v1/quarantine/" + Pult::uuidToString(id).toLatin1();
        const std::optional<HttpReply> processed = m_server.fetch(apiRequest("POST", retry, admin));
        QCOMPARE(statusOf(processed), 200);
        QCOMPARE(processed->json().value(QLatin1String("outcome")).toString(),
                 QStringLiteral("created"));
        QVERIFY(ticketWithSubject(QStringLiteral("Once stuck")));
        list = m_server.fetch(apiRequest("GET", "/api/v1/quarantine", admin));
        QCOMPARE(list->json().value(QLatin1String("quarantine")).toArray().size(), 0);
    }

    // 8-bit text without a charset is read in the mailbox's charset, not as U+FFFD soup.
    void eightBitTextInTheMailboxCharset()
    {
        QVERIFY(deliver("From: Mojca <mojca@example.si>\r\nTo: billing@firma.example\r\n"
                        "Subject: Pla\xe8ilo\r\nMIME-Version: 1.0\r\n"
                        "Content-Transfer-Encoding: 8bit\r\n\r\n"
                        "Pla\xe8ilo \x9e"
                        "e poslano, lep pozdrav.\r\n"));
        const auto ticket = ticketWithSubject(QStringLiteral("Plačilo"));
        QVERIFY(ticket);
        const QList<QJsonObject> messages = messagesOf(*ticket);
        QCOMPARE(messages.size(), 1);
        QVERIFY2(messages[0]
                     .value(QLatin1String("body"))
                     .toString()
                     .contains(QStringLiteral("Plačilo že poslano")),
                 qPrintable(messages[0].value(QLatin1String("body")).toString()));
    }

    void attachmentsAreStored()
    {
        const QByteArray message =
            "From: ana@example.org\r\nTo: billing@firma.example\r\nSubject: Slika\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"x\"\r\n\r\n"
            "--x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nV prilogi.\r\n"
            "--x\r\nContent-Type: application/octet-stream\r\n"
            "Content-Disposition: attachment; filename=\"podatki.bin\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\nAAECAwQ=\r\n--x--\r\n";
        QVERIFY(deliver(message));
        const auto ticket = ticketWithSubject(QStringLiteral("Slika"));
        QVERIFY(ticket);
        const QList<QJsonObject> messages = messagesOf(*ticket);
        QCOMPARE(messages.size(), 1);
        const QJsonArray attachments = messages[0].value(QLatin1String("attachments")).toArray();
        QCOMPARE(attachments.size(), 1);
        const QJsonObject a = attachments[0].toObject();
        QCOMPARE(a.value(QLatin1String("name")).toString(), QStringLiteral("podatki.bin"));
        QCOMPARE(a.value(QLatin1String("size")).toInteger(), 5);
        const std::optional<HttpReply> content = m_server.fetch(apiRequest(
            "GET", "/api/v1/attachments/" + a.value(QLatin1String("hash")).toString().toLatin1(),
            m_token));
        QCOMPARE(statusOf(content), 200);
        QCOMPARE(content->body, QByteArray("\x00\x01\x02\x03\x04", 5));
    }

    // HTML-only mail as the client reads it: body_html with its cid: image pointing at the
    // stored attachment (the client's attachment: URL) and the quote marked for folding.
    void htmlMailLinksItsImagesAndMarksItsQuote()
    {
        const QByteArray png =
            QByteArray::fromBase64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+"
                                   "M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        const QByteArray html =
            "<div dir=\"ltr\">Slika napake je spodaj.<div><img src=\"cid:ii_napaka%40mail\" "
            "alt=\"napaka\"></div></div><br><div class=\"gmail_quote\"><div dir=\"ltr\" "
            "class=\"gmail_attr\">On Sun, 6 Dec 2026 at 09:00, Podpora wrote:<br></div>"
            "<blockquote class=\"gmail_quote\">Pošljite sliko zaslona.</blockquote></div>";
        const QByteArray message =
            "From: Ana <ana@example.org>\r\nTo: billing@firma.example\r\nSubject: Napaka\r\n"
            "Message-ID: <html1@example.org>\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/related; boundary=\"r\"; type=\"text/html\"\r\n\r\n"
            "--r\r\nContent-Type: text/html; charset=utf-8\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n" +
            html.toBase64() +
            "\r\n--r\r\nContent-Type: image/png; name=\"napaka zaslona.png\"\r\n"
            "Content-ID: <ii_napaka@mail>\r\nContent-Disposition: inline; "
            "filename=\"napaka zaslona.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
            png.toBase64() + "\r\n--r--\r\n";
        QVERIFY(deliver(message));
        QCOMPARE(lastOutcome(), QStringLiteral("created"));
        const auto ticket = ticketWithSubject(QStringLiteral("Napaka"));
        QVERIFY(ticket);
        const QList<QJsonObject> messages = messagesOf(*ticket);
        QCOMPARE(messages.size(), 1);
        const QString hash =
            QString::fromLatin1(QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex());
        bool listed = false;
        for (const QJsonValue &v : messages[0].value(QLatin1String("attachments")).toArray()) {
            const QJsonObject a = v.toObject();
            listed = listed || (a.value(QLatin1String("hash")).toString() == hash &&
                                a.value(QLatin1String("name")).toString() ==
                                    QStringLiteral("napaka zaslona.png"));
        }
        QVERIFY(listed);
        const QString bodyHtml = messages[0].value(QLatin1String("body_html")).toString();
        QVERIFY2(bodyHtml.contains(QStringLiteral("<img src=\"attachment:") + hash +
                                   QStringLiteral("?name=napaka%20zaslona.png\" alt=\"napaka\">")),
                 qPrintable(bodyHtml));
        QVERIFY(!bodyHtml.contains(u"cid:"));
        QCOMPARE(bodyHtml.count(QStringLiteral("<!--pult-quote-->")), 1);
        const qsizetype marker = bodyHtml.indexOf(QStringLiteral("<!--pult-quote-->"));
        QVERIFY(bodyHtml.left(marker).contains(u"Slika napake je spodaj."));
        QVERIFY2(bodyHtml.mid(marker).startsWith(
                     QStringLiteral("<!--pult-quote--><div class=\"gmail_quote\">")),
                 qPrintable(bodyHtml));
        // The text keeps the quote (the client folds it there by its own rules).
        const QString body = messages[0].value(QLatin1String("body")).toString();
        QVERIFY2(body.contains(u"Slika napake je spodaj.") &&
                     body.contains(u"Pošljite sliko zaslona."),
                 qPrintable(body));
    }

    void adminsSeeWhatEachMailboxDoes()
    {
        const QByteArray admin = login(m_server, "root@firma.example", kPassword);
        QVERIFY(!admin.isEmpty());
        QCOMPARE(statusOf(m_server.fetch(apiRequest("GET", "/api/v1/mailboxes", m_token))), 403);
        const std::optional<HttpReply> reply =
            m_server.fetch(apiRequest("GET", "/api/v1/mailboxes", admin));
        QCOMPARE(statusOf(reply), 200);
        const QJsonArray mailboxes = reply->json().value(QLatin1String("mailboxes")).toArray();
        QCOMPARE(mailboxes.size(), 1);
        const QJsonObject m = mailboxes[0].toObject();
        QCOMPARE(m.value(QLatin1String("address")).toString(), kMailbox);
        QCOMPARE(m.value(QLatin1String("department")).toString(), QStringLiteral("Billing"));
        QVERIFY(m.value(QLatin1String("connected")).toBool());
        QVERIFY(m.value(QLatin1String("last_error")).isNull());
        QVERIFY(m.value(QLatin1String("last_fetch")).isString());
        QVERIFY(m.value(QLatin1String("ingested")).toInteger() >= 10);
        QCOMPARE(m.value(QLatin1String("quarantined")).toInteger(), 0); // emptied above
        // Its settings, for the window's Mailboxes tab; never a password.
        QVERIFY(m.value(QLatin1String("fetched_here")).toBool());
        QVERIFY2(m.value(QLatin1String("imap_url")).toString().startsWith(u"imap://"),
                 qPrintable(m.value(QLatin1String("imap_url")).toString()));
        QVERIFY(m.value(QLatin1String("smtp_url")).toString().startsWith(u"smtp://"));
        QVERIFY(!m.value(QLatin1String("department_id")).toString().isEmpty());
        QVERIFY(m.value(QLatin1String("after")).isString());
        QVERIFY(m.value(QLatin1String("charset")).isString());
        QVERIFY(!reply->body.contains(kImapPassword));

        const std::optional<HttpReply> metrics = m_server.fetch(get("/metrics"));
        QCOMPARE(statusOf(metrics), 200);
        QVERIFY(metrics->body.contains(
            "pultd_mailbox_connected{mailbox=\"billing@firma.example\"} 1\n"));
        QVERIFY(metrics->body.contains(
            "pultd_mailbox_quarantined{mailbox=\"billing@firma.example\"} 0\n"));
        QVERIFY(
            metrics->body.contains("pultd_mailbox_failing{mailbox=\"billing@firma.example\"} 0\n"));
    }

    // Admins manage mailboxes with ops too (the window's settings): the passwords write-only,
    // sealed like `pultd mailbox add` seals them, kept when an update leaves them out.
    void adminsManageMailboxesWithOps()
    {
        const QByteArray admin = login(m_server, "root@firma.example", kPassword);
        QString billing;
        for (const QJsonValue &d : m_server.fetch(apiRequest("GET", "/api/v1/departments", admin))
                                       ->json()
                                       .value(QLatin1String("departments"))
                                       .toArray()) {
            if (d.toObject().value(QLatin1String("name")).toString() == u"Billing")
                billing = d.toObject().value(QLatin1String("id")).toString();
        }
        QVERIFY(!billing.isEmpty());
        const QJsonObject settings{
            {QStringLiteral("address"), QStringLiteral("Sales@Firma.example")},
            {QStringLiteral("department_id"), billing},
            {QStringLiteral("imap_url"),
             QStringLiteral("imap://sales@127.0.0.1:%1/INBOX").arg(m_dovecot.port())},
            {QStringLiteral("smtp_url"), QStringLiteral("smtp://127.0.0.1:%1").arg(m_sink.port())},
            {QStringLiteral("after"), QStringLiteral("move:Done")}};
        const auto upsert = [&](const QByteArray &token, const QJsonObject &extra) {
            QJsonObject op{{QStringLiteral("id"), newId()},
                           {QStringLiteral("type"), QStringLiteral("upsert_mailbox")},
                           {QStringLiteral("mailbox"), settings}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                op.insert(it.key(), it.value());
            const QJsonObject result = postOps(m_server, token, {op}).first().toObject();
            return result.value(QLatin1String("status")).toString() == u"applied"
                       ? QStringLiteral("applied")
                       : result.value(QLatin1String("error"))
                             .toObject()
                             .value(QLatin1String("code"))
                             .toString();
        };
        const QJsonObject passwords{
            {QStringLiteral("imap_password"), QString::fromLatin1(kImapPassword)},
            {QStringLiteral("smtp_password"), QStringLiteral("x")}};
        QCOMPARE(upsert(m_token, passwords), QStringLiteral("forbidden")); // a lead
        QCOMPARE(upsert(admin, {}), QStringLiteral("invalid_op"));         // new: no passwords
        QCOMPARE(upsert(admin, {{QStringLiteral("imap_password"), QStringLiteral("only one")}}),
                 QStringLiteral("invalid_op"));
        QCOMPARE(upsert(admin, passwords), QStringLiteral("applied"));
        // The new mailbox is fetched at once, not at pultd's next look at the mailboxes (every
        // 30 s, for changes made by other processes).
        const qsizetype handled = mailsHandled(m_server);
        QVERIFY2(m_dovecot.deliver("sales",
                                   customerMail("sales@firma.example", "nova.stranka@example.si",
                                                "Ponudba za 20 licenc", "Pozdravljeni")),
                 qPrintable(m_dovecot.error()));
        QVERIFY2(QTest::qWaitFor([&] { return mailsHandled(m_server) > handled; }, 5000),
                 m_server.log().right(2000).constData());
        const auto mentions = [&](const char *event) {
            qsizetype lines = 0;
            for (const QByteArray &line : m_server.log().split('\n'))
                lines += line.contains(QByteArray(QByteArray("\"event\":\"") + event + '"')) &&
                         line.contains("\"mailbox\":\"sales@firma.example\"");
            return lines;
        };
        QCOMPARE(mentions("mailbox_started"), 1);

        const auto test = [&] {
            return pultd({QStringLiteral("mailbox"), QStringLiteral("test"),
                          QStringLiteral("sales@firma.example")});
        };
        Run tested = test();
        QVERIFY2(tested.exitCode == 0, QByteArray(tested.out + tested.err).constData());
        QVERIFY(tested.out.contains("signed in as sales"));
        // An update without passwords keeps them.
        QCOMPARE(upsert(admin, {}), QStringLiteral("applied"));
        tested = test();
        QVERIFY2(tested.exitCode == 0, QByteArray(tested.out + tested.err).constData());
        const Run listed = pultd({QStringLiteral("mailbox"), QStringLiteral("list")});
        QVERIFY(listed.out.contains("sales@firma.example  Billing"));
        QVERIFY(listed.out.contains("after: move:Done"));

        const QJsonObject remove{
            {QStringLiteral("id"), newId()},
            {QStringLiteral("type"), QStringLiteral("delete_mailbox")},
            {QStringLiteral("address"), QStringLiteral("sales@firma.example")}};
        QCOMPARE(
            postOps(m_server, admin, {remove}).first().toObject().value(QLatin1String("status")),
            QStringLiteral("applied"));
        // Its fetcher stops at once too (the update before restarted it with the new settings).
        QVERIFY2(QTest::qWaitFor([&] { return mentions("mailbox_stopped") == 2; }, 5000),
                 m_server.log().right(2000).constData());
        QJsonObject again = remove;
        again.insert(QStringLiteral("id"), newId());
        QCOMPARE(postOps(m_server, admin, {again})
                     .first()
                     .toObject()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("code")),
                 QStringLiteral("not_found"));
        QVERIFY(!pultd({QStringLiteral("mailbox"), QStringLiteral("list")})
                     .out.contains("sales@firma.example"));
    }

    void fetchedMailIsFlaggedSeen()
    {
        Pult::ImapClient::Options options;
        options.host = QStringLiteral("127.0.0.1");
        options.port = m_dovecot.port();
        options.security = Pult::ImapSecurity::Plain;
        Pult::ImapClient client(options);
        QVERIFY(client.connect().good());
        QVERIFY(client.login(QStringLiteral("billing"), QString::fromLatin1(kImapPassword)).good());
        QVERIFY(client.select(QStringLiteral("INBOX")).good());
        // pultd logs a mail as handled when it is committed, and flags it right after.
        bool allSeen = false;
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto unseen = client.uidSearch("UNSEEN");
                allSeen = unseen.good() && unseen->isEmpty();
                return allSeen || !unseen.good();
            },
            kTimeoutMs));
        QVERIFY2(allSeen, "every handled mail is marked \\Seen");
        QVERIFY(client.logout().good());
    }

    // pultd killed while it works through a pile of mail: after a restart every mail is on
    // exactly one ticket.
    void killedWhileFetchingEveryMailOnce()
    {
        const qsizetype before = handled();
        constexpr int kMails = 12;
        for (int i = 0; i < kMails; ++i)
            QVERIFY(m_dovecot.deliver(
                "billing",
                mail("pile@example.org", "Pile " + QByteArray::number(i), "Body.",
                     "Message-ID: <pile" + QByteArray::number(i) + "@example.org>\r\n")));
        QVERIFY(QTest::qWaitFor([&] { return handled() > before; }, 30000));
        ::kill(pid_t(m_server.process().processId()), SIGKILL);
        QCOMPARE(m_server.waitForExit(), -1);
        QVERIFY(startPultd());
        QVERIFY(QTest::qWaitFor(
            [&] {
                int present = 0;
                for (int i = 0; i < kMails; ++i)
                    present += ticketWithSubject(QStringLiteral("Pile %1").arg(i)) ? 1 : 0;
                return present == kMails;
            },
            60000));
        QMap<QString, int> counts;
        for (const QJsonObject &t : entities(QStringLiteral("ticket")))
            ++counts[t.value(QLatin1String("subject")).toString()];
        for (int i = 0; i < kMails; ++i)
            QCOMPARE(counts.value(QStringLiteral("Pile %1").arg(i)), 1);
    }
};

QTEST_GUILESS_MAIN(TestMailIngest)
#include "tst_mailingest.moc"
