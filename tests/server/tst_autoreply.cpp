// Auto-replies (issue 17, docs/email.md "Auto-replies") end to end: a customer's mail delivered
// into a real Dovecot (dovecotprocess.h) becomes a ticket in the real pultd, whose auto-reply
// goes out through Postfix's real smtp-sink (smtpsinkprocess.h). One Dovecot, one smtp-sink and
// one pultd serve every case. "Nothing was sent" is shown by a control: a mail that must get an
// auto-reply is delivered after the others, and its auto-reply (the outbox sends in the order
// mail was queued) must be the only new message at the sink. On SQLite, and
// (server_autoreply_postgresql) on PostgreSQL.

#include "dovecotprocess.h"
#include "mailmessages.h"
#include "pultdprocess.h"
#include "smtpsinkprocess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";
const QByteArray kImapPassword = "imap-secret";
const QString kMailbox = QStringLiteral("support@firma.example");

QByteArray mail(const QByteArray &from, const QByteArray &subject, const QByteArray &body,
                const QByteArray &extraHeaders = {})
{
    return customerMail("support@firma.example", from, subject, body, extraHeaders);
}

} // namespace

class TestAutoReply : public QObject
{
    Q_OBJECT

    DovecotServer m_dovecot;
    SmtpSink m_sink;
    Pultd m_server;
    QByteArray m_root; // admin
    QByteArray m_lead; // lead of Support
    QString m_support;
    QByteArray m_autoReplyId; // the Message-ID of Ana's auto-reply
    int m_controls = 0;
    QElapsedTimer m_timer;

    QList<QJsonObject> entities(const QString &type)
    {
        return latestEntities(m_server, m_root, type);
    }

    std::optional<QJsonObject> ticketNumbered(qint64 number)
    {
        for (const QJsonObject &t : entities(QStringLiteral("ticket"))) {
            if (t.value(QLatin1String("number")).toInteger() == number)
                return t;
        }
        return std::nullopt;
    }

    // Delivers the mail and waits until pultd has handled it.
    bool deliver(const QByteArray &message)
    {
        return deliverAndWait(m_server, m_dovecot, "support", message);
    }

    // The newest mail_ingested record.
    QJsonObject lastIngested()
    {
        const QList<QByteArray> lines = m_server.log().split('\n');
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            if (it->contains("\"mail_ingested\""))
                return QJsonDocument::fromJson(*it).object();
        }
        return {};
    }
    QString lastAutoReply() { return lastIngested().value(QLatin1String("auto_reply")).toString(); }
    QString lastOutcome() { return lastIngested().value(QLatin1String("outcome")).toString(); }

    QJsonObject op(const QByteArray &token, const QJsonObject &one)
    {
        const QJsonArray results = postOps(m_server, token, {one});
        return results.first().toObject();
    }

    QJsonObject updateDepartment(const QByteArray &token, const QJsonObject &fields)
    {
        QJsonObject department = fields;
        department.insert(QStringLiteral("id"), m_support);
        return op(token, QJsonObject{{QStringLiteral("id"), newId()},
                                     {QStringLiteral("type"), QStringLiteral("update_department")},
                                     {QStringLiteral("department"), department}});
    }

    // The ticket's "delivery" history values, oldest first.
    QStringList deliveries(const QString &ticket)
    {
        return deliveryEvents(m_server, m_root, ticket);
    }

    QList<QJsonObject> messagesOf(const QString &ticket)
    {
        QList<QJsonObject> found;
        for (const QJsonObject &m : entities(QStringLiteral("message"))) {
            if (m.value(QLatin1String("ticket_id")).toString() == ticket)
                found.append(m);
        }
        return found;
    }

    // Waits until the auto-reply to ticket `number` was sent (recorded after smtp-sink's 250: its
    // file is complete then, while it appears as soon as smtp-sink starts writing it), and
    // returns the one message at the sink (empty on failure).
    QByteArray oneMessage(qint64 number)
    {
        const auto ticket = ticketNumbered(number);
        if (!ticket)
            return {};
        const QString id = ticket->value(QLatin1String("id")).toString();
        if (!QTest::qWaitFor(
                [&] {
                    const QStringList all = deliveries(id);
                    return !all.isEmpty() && all.back().startsWith(u"auto-reply sent to");
                },
                kTimeoutMs))
            return {};
        return m_sink.onlyMessage();
    }

    // A mail that must get an auto-reply, from a new sender: its auto-reply must be the only
    // message at the sink (which the case left empty), so nothing queued before it was sent.
    bool controlArrivesAlone()
    {
        const QByteArray sender = "control" + QByteArray::number(++m_controls) + "@example.org";
        if (!deliver(mail(sender, "Control " + QByteArray::number(m_controls), "Hello.",
                          "Auto-Submitted: no\r\n")))
            return false;
        if (lastAutoReply() != u"queued") {
            qWarning() << "the control got no auto-reply:" << lastAutoReply();
            return false;
        }
        const QByteArray message =
            oneMessage(lastIngested().value(QLatin1String("ticket")).toInteger());
        if (message.isEmpty()) {
            qWarning() << m_sink.error();
            return false;
        }
        m_sink.clearMessages();
        if (header(message, "To") != sender) {
            qWarning() << "an auto-reply to" << header(message, "To") << "came first";
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_timer.start();
        QVERIFY2(m_dovecot.start({{"support", kImapPassword}}), qPrintable(m_dovecot.error()));
        QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
        const QString data = m_server.dataDir();
        const Run lead = addAgent(data, QStringLiteral("lea@firma.example"), QStringLiteral("lead"),
                                  QStringLiteral("Support"), kPassword + '\n');
        QVERIFY2(lead.exitCode == 0, lead.err.constData());
        const Run admin = addAgent(data, QStringLiteral("root@firma.example"),
                                   QStringLiteral("admin"), QString(), kPassword + '\n');
        QVERIFY2(admin.exitCode == 0, admin.err.constData());
        const Run added = runPultd(
            storeArguments(data) +
                QStringList{
                    QStringLiteral("mailbox"), QStringLiteral("add"), kMailbox,
                    QStringLiteral("--dept"), QStringLiteral("Support"), QStringLiteral("--imap"),
                    QStringLiteral("imap://support@127.0.0.1:%1/INBOX").arg(m_dovecot.port()),
                    QStringLiteral("--smtp"),
                    QStringLiteral("smtp://127.0.0.1:%1").arg(m_sink.port())},
            kImapPassword + "\nunused\n");
        QVERIFY2(added.exitCode == 0, added.err.constData());
        QVERIFY(m_server.start());
        m_root = login(m_server, "root@firma.example", kPassword);
        m_lead = login(m_server, "lea@firma.example", kPassword);
        QVERIFY(!m_root.isEmpty() && !m_lead.isEmpty());
        QVERIFY2(m_server.waitForLog("\"mailbox_started\""), m_server.log().constData());
        const std::optional<HttpReply> reply =
            m_server.fetch(apiRequest("GET", "/api/v1/departments", m_root));
        QCOMPARE(statusOf(reply), 200);
        for (const QJsonValue &v : reply->json().value(QLatin1String("departments")).toArray()) {
            if (v.toObject().value(QLatin1String("name")).toString() == u"Support")
                m_support = v.toObject().value(QLatin1String("id")).toString();
        }
        QVERIFY(!m_support.isEmpty());
    }

    void withoutATextNothingIsSent()
    {
        QVERIFY(deliver(mail("first@example.org", "Before any text", "Hello.")));
        QCOMPARE(lastOutcome(), QStringLiteral("created"));
        QCOMPARE(lastAutoReply(), QStringLiteral("no auto-reply text"));
        // Proven by the next case: its auto-reply is the only message at the sink.
    }

    void onlyAdminsSetTheTexts()
    {
        QJsonObject result = updateDepartment(
            m_lead, {{QStringLiteral("auto_reply"), QStringLiteral("Thanks from the lead.")}});
        QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(result.value(QLatin1String("error"))[QLatin1String("code")].toString(),
                 QStringLiteral("forbidden"));
        result = updateDepartment(
            m_root, {{QStringLiteral("auto_reply_outside_hours"), QString(4001, u'x')}});
        QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(result.value(QLatin1String("error"))[QLatin1String("code")].toString(),
                 QStringLiteral("invalid_op"));
        result = updateDepartment(
            m_root,
            {{QStringLiteral("business_hours"), QStringLiteral("tz=UTC; mon-sun 00:00-24:00")},
             {QStringLiteral("sla_policy"), QStringLiteral("normal: first 4h; calendar")},
             {QStringLiteral("auto_reply"),
              QStringLiteral("Dear {{customer.name | \"customer\"}},\n\nwe have your mail as "
                             "ticket {{ticket.number}} (\"{{ticket.subject}}\") at "
                             "{{department.name}}. Our hours: {{department.hours}}.\nExpect an "
                             "answer by {{sla.first_response}}.\n")}});
        QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("applied"));
    }

    void aNewTicketGetsOneAutoReply()
    {
        QVERIFY(deliver(mail("Ana Novak <ana@example.org>", "Printer broken", "It jams.",
                             "Message-ID: <a1@example.org>\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("created"));
        QCOMPARE(lastAutoReply(), QStringLiteral("queued"));
        const qint64 number = lastIngested().value(QLatin1String("ticket")).toInteger();
        const auto ticket = ticketNumbered(number);
        QVERIFY(ticket);
        const QString ticketId = ticket->value(QLatin1String("id")).toString();

        const QByteArray sent = oneMessage(number);
        QVERIFY2(!sent.isEmpty(), qPrintable(m_sink.error()));
        QCOMPARE(header(sent, "To"), QByteArray("Ana Novak <ana@example.org>"));
        QCOMPARE(header(sent, "From"), QByteArray("Support <support@firma.example>"));
        QVERIFY(header(sent, "Cc").isEmpty());
        QCOMPARE(header(sent, "Subject"),
                 "Re: [#" + QByteArray::number(number) + "] Printer broken");
        QCOMPARE(header(sent, "Auto-Submitted"), QByteArray("auto-replied"));
        QCOMPARE(header(sent, "X-Pult-Loop"), kMailbox.toLatin1());
        QCOMPARE(header(sent, "In-Reply-To"), QByteArray("<a1@example.org>"));
        QCOMPARE(header(sent, "References"), QByteArray("<a1@example.org>"));
        m_autoReplyId = header(sent, "Message-ID");
        QVERIFY(!m_autoReplyId.isEmpty());
        const QString deadline =
            QDateTime::fromString(
                ticket->value(QLatin1String("first_response_deadline")).toString(),
                Qt::ISODateWithMs)
                .toUTC()
                .toString(u"yyyy-MM-dd HH:mm 'UTC'");
        QVERIFY(!deadline.isEmpty());
        const QString body = bodyText(sent);
        QVERIFY2(body.contains(QStringLiteral("Dear Ana Novak,")), qPrintable(body));
        QVERIFY2(body.contains(
                     QStringLiteral("ticket #%1 (\"Printer broken\") at Support.").arg(number)),
                 qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("Our hours: Mon–Sun 00:00–24:00 (UTC).")),
                 qPrintable(body));
        QVERIFY2(body.contains(QStringLiteral("Expect an answer by %1.").arg(deadline)),
                 qPrintable(body));
        // The status link ends every auto-reply, and opens the ticket's page.
        static const QRegularExpression statusLink(
            QStringLiteral("\n\nYou can follow your request and answer us here:\nhttp://"
                           "127\\.0\\.0\\.1:\\d+(/t/[A-Za-z0-9_-]{32})$"));
        const QRegularExpressionMatch link = statusLink.match(
            QString(body).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).trimmed());
        QVERIFY2(link.hasMatch(), qPrintable(body));
        const auto page = m_server.fetch(get(link.captured(1).toLatin1()));
        QCOMPARE(statusOf(page), 200);
        QVERIFY(page->body.contains("Printer broken"));
        m_sink.clearMessages();

        // Not a message of the ticket; its delivery shows in the history.
        QCOMPARE(messagesOf(ticketId).size(), 1);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return deliveries(ticketId) ==
                       QStringList{QStringLiteral("auto-reply queued for ana@example.org"),
                                   QStringLiteral("auto-reply sent to ana@example.org")};
            },
            kTimeoutMs));
    }

    void aFollowUpGetsNone()
    {
        QVERIFY(deliver(mail("ana@example.org", "Re: Printer broken", "Still jams.",
                             "Message-ID: <a2@example.org>\r\nIn-Reply-To: <a1@example.org>\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("added"));
        QVERIFY(lastAutoReply().isEmpty());
        QVERIFY(controlArrivesAlone());
    }

    // Ana's out-of-office responder answers pultd's auto-reply: the answer is a message on her
    // ticket, and pultd answers nothing, so the two machines stop after one round.
    void anOutOfOfficeLoopStops()
    {
        QVERIFY(!m_autoReplyId.isEmpty());
        const qint64 number = [&] {
            for (const QJsonObject &t : entities(QStringLiteral("ticket"))) {
                if (t.value(QLatin1String("subject")).toString() == u"Printer broken")
                    return t.value(QLatin1String("number")).toInteger();
            }
            return qint64(0);
        }();
        const auto ticket = ticketNumbered(number);
        QVERIFY(ticket);
        const QString ticketId = ticket->value(QLatin1String("id")).toString();
        const qsizetype before = messagesOf(ticketId).size();
        QVERIFY(deliver(
            mail("Ana Novak <ana@example.org>",
                 "Automatic reply: Re: [#" + QByteArray::number(number) + "] Printer broken",
                 "I am out of the office until Monday.",
                 "Message-ID: <ooo1@example.org>\r\nIn-Reply-To: " + m_autoReplyId +
                     "\r\nAuto-Submitted: auto-replied\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("added"));
        QCOMPARE(lastIngested().value(QLatin1String("ticket")).toInteger(), number);
        QVERIFY(lastAutoReply().isEmpty());
        QCOMPARE(messagesOf(ticketId).size(), before + 1);
        // The same responder without threading headers: a new ticket, still no auto-reply.
        QVERIFY(deliver(mail("ooo@example.org", "Automatic reply: hello", "Away.",
                             "Auto-Submitted: auto-replied\r\n")));
        QCOMPARE(lastOutcome(), QStringLiteral("created"));
        QCOMPARE(lastAutoReply(), QStringLiteral("Auto-Submitted: auto-replied"));
        QVERIFY(controlArrivesAlone());
    }

    void machinesGetNone()
    {
        const struct
        {
            QByteArray from;
            QByteArray headers;
            QString reason;
        } cases[] = {
            {"robot@example.org", "Auto-Submitted: auto-generated\r\n",
             QStringLiteral("Auto-Submitted: auto-generated")},
            {"news@example.org", "Precedence: Bulk\r\n", QStringLiteral("Precedence: Bulk")},
            {"list@example.org", "Precedence: LIST\r\n", QStringLiteral("Precedence: LIST")},
            {"spam@example.org", "Precedence: junk\r\n", QStringLiteral("Precedence: junk")},
            {"bounce@example.org", "Return-Path: <>\r\n", QStringLiteral("empty Return-Path")},
            {"MAILER-DAEMON@mx.example", {}, QStringLiteral("sender mailer-daemon")},
            {"PostMaster@example.org", {}, QStringLiteral("sender postmaster")},
        };
        for (const auto &c : cases) {
            QVERIFY(deliver(mail(c.from, "From a machine " + c.from, "Beep.", c.headers)));
            QCOMPARE(lastOutcome(), QStringLiteral("created"));
            QCOMPARE(lastAutoReply(), c.reason);
        }
        // A delivery status report never makes a ticket, so it is never answered either.
        QVERIFY(deliver(
            "From: reports@mx.example\r\nTo: support@firma.example\r\nSubject: Delivered\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
            "--b\r\nContent-Type: text/plain\r\n\r\nDelivered.\r\n"
            "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; "
            "mx.example\r\n\r\nFinal-Recipient: rfc822; x@example.org\r\nAction: delivered\r\n"
            "Status: 2.0.0\r\n--b--\r\n"));
        QCOMPARE(lastOutcome(), QStringLiteral("ignored"));
        QVERIFY(controlArrivesAlone());
    }

    void theFourthInAnHourGetsNone()
    {
        for (int i = 1; i <= 4; ++i) {
            QVERIFY(deliver(mail("many@example.org", "Question " + QByteArray::number(i), "?")));
            QCOMPARE(lastOutcome(), QStringLiteral("created"));
            QCOMPARE(lastAutoReply(),
                     i <= 3
                         ? QStringLiteral("queued")
                         : QStringLiteral("limit: 3 auto-replies to the sender in the last hour"));
        }
        const qint64 last = lastIngested().value(QLatin1String("ticket")).toInteger();
        for (qint64 number = last - 3; number < last; ++number) {
            const auto ticket = ticketNumbered(number);
            QVERIFY(ticket);
            const QString id = ticket->value(QLatin1String("id")).toString();
            QVERIFY(QTest::qWaitFor(
                [&] {
                    return deliveries(id).contains(
                        QStringLiteral("auto-reply sent to many@example.org"));
                },
                kTimeoutMs));
        }
        QCOMPARE(m_sink.messageFiles().size(), 3);
        m_sink.clearMessages();
        QVERIFY(controlArrivesAlone());
    }

    // Outside business hours the other text; a placeholder pultd does not know stays as written.
    void outsideHoursTheOtherText()
    {
        const QDate today = QDateTime::currentDateTimeUtc().date();
        const QJsonObject result = updateDepartment(
            m_root,
            {{QStringLiteral("business_hours"),
              QStringLiteral("tz=UTC; mon-sun 00:00-24:00; holiday %1, %2")
                  .arg(today.toString(Qt::ISODate), today.addDays(1).toString(Qt::ISODate))},
             {QStringLiteral("auto_reply_outside_hours"),
              QStringLiteral("We are closed today. {{ticket.number}} {{unknown.thing}}")}});
        QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("applied"));
        QVERIFY(deliver(mail("night@example.org", "At night", "Hello?")));
        QCOMPARE(lastAutoReply(), QStringLiteral("queued"));
        const qint64 number = lastIngested().value(QLatin1String("ticket")).toInteger();
        const QByteArray sent = oneMessage(number);
        QVERIFY2(!sent.isEmpty(), qPrintable(m_sink.error()));
        m_sink.clearMessages();
        const QString body =
            bodyText(sent).replace(QStringLiteral("\r\n"), QStringLiteral("\n")).trimmed();
        QVERIFY2(body.startsWith(QStringLiteral("We are closed today. #%1 {{unknown.thing}}\n\n"
                                                "You can follow your request and answer us here:")
                                     .arg(number)),
                 qPrintable(body));
        qInfo("the whole suite so far: %lld ms", m_timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestAutoReply)
#include "tst_autoreply.moc"
