// The mail outbox (issue 17, docs/email.md) end to end: the real pultd sends an agent's reply
// through Postfix's real smtp-sink. One smtp-sink and one pultd serve every case; the sink is
// restarted on the same port with -r (4xx) or -f (5xx) for the failure cases, and pultd is
// restarted once with mail still queued. PULT_MAIL_RETRY_MS keeps the retries short. On SQLite,
// and (server_mailoutbox_postgresql) on PostgreSQL.

#include "mailmessages.h"
#include "pultdprocess.h"
#include "smtpsinkprocess.h"

#include "mail/outgoingmail.h"
#include "mailboxes.h"
#include "pgdb.h"
#include "sqlitedb.h"
#include "uuid.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace PultdTest;

namespace {

const QByteArray kPassword = "a long enough password";
const QString kMailbox = QStringLiteral("support@firma.example");
const QString kRequester = QStringLiteral("marta@firma.pl");

// A header value with RFC 2047 "=?UTF-8?Q?...?=" words decoded (what the composer writes).
QString decodeWords(const QByteArray &value)
{
    static const QRegularExpression word(
        QStringLiteral("=\\?UTF-8\\?Q\\?([^?]*)\\?=(\\s+(?==\\?))?"),
        QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(value);
    QByteArray out;
    qsizetype at = 0;
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(at, m.capturedStart() - at).toLatin1();
        const QByteArray encoded = m.captured(1).toLatin1().replace('_', ' ');
        out += QByteArray::fromPercentEncoding(encoded, '=');
        at = m.capturedEnd();
    }
    out += text.mid(at).toLatin1();
    return QString::fromUtf8(out);
}

// The PostgreSQL URL storeArguments() gives pultd for this data directory, or empty on SQLite.
QString databaseUrl(const QString &dataDir)
{
    const QStringList arguments = storeArguments(dataDir);
    const qsizetype db = arguments.indexOf(QStringLiteral("--db"));
    return db < 0 ? QString() : arguments.value(db + 1);
}

} // namespace

class TestMailOutbox : public QObject
{
    Q_OBJECT

    SmtpSink m_sink;
    Pultd m_server;
    QByteArray m_ana;  // agent in Billing, which has the mailbox
    QByteArray m_root; // admin
    QString m_billing;
    QString m_sales; // no mailbox

    bool startServer()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PULT_MAIL_RETRY_MS"), QStringLiteral("100"));
        m_server.process().setProcessEnvironment(environment);
        return m_server.start();
    }

    QByteArray login(const QByteArray &email)
    {
        return PultdTest::login(m_server, email, kPassword);
    }

    QJsonObject op(const QByteArray &token, const QJsonObject &one)
    {
        return postOps(m_server, token, QJsonArray{one}).first().toObject();
    }

    // A new ticket with Marta as the requester; its id, and its number in `number`.
    QString createTicket(const QByteArray &token, const QString &department, const QString &subject,
                         qint64 *number = nullptr)
    {
        const QString id = newId();
        const QJsonObject result = op(
            token, QJsonObject{{QStringLiteral("id"), newId()},
                               {QStringLiteral("type"), QStringLiteral("create_ticket")},
                               {QStringLiteral("ticket"),
                                QJsonObject{{QStringLiteral("id"), id},
                                            {QStringLiteral("subject"), subject},
                                            {QStringLiteral("department_id"), department},
                                            {QStringLiteral("requester"),
                                             QJsonObject{{QStringLiteral("email"), kRequester},
                                                         {QStringLiteral("name"),
                                                          QStringLiteral("Marta Kowalska")}}}}},
                               {QStringLiteral("message_id"), newId()},
                               {QStringLiteral("body"), QStringLiteral("My invoice is wrong.")}});
        if (result.value(QLatin1String("status")).toString() != u"applied") {
            qWarning() << result;
            return {};
        }
        if (number)
            *number = result.value(QLatin1String("number")).toInteger();
        return id;
    }

    bool addMessage(const QByteArray &token, const QString &ticket, const QString &kind,
                    const QString &body)
    {
        const QJsonObject result = op(
            token,
            QJsonObject{{QStringLiteral("id"), newId()},
                        {QStringLiteral("type"), QStringLiteral("add_message")},
                        {QStringLiteral("ticket_id"), ticket},
                        {QStringLiteral("message"), QJsonObject{{QStringLiteral("id"), newId()},
                                                                {QStringLiteral("kind"), kind},
                                                                {QStringLiteral("body"), body}}}});
        return result.value(QLatin1String("status")).toString() == u"applied";
    }

    // The ticket's "delivery" history values, oldest first.
    QStringList deliveries(const QString &ticket)
    {
        return deliveryEvents(m_server, m_root, ticket);
    }

    // Waits until the ticket's last delivery value starts with `prefix`.
    bool waitForDelivery(const QString &ticket, const QString &prefix)
    {
        return QTest::qWaitFor(
            [&] {
                const QStringList all = deliveries(ticket);
                return !all.isEmpty() && all.back().startsWith(prefix);
            },
            kTimeoutMs);
    }

    QString departmentId(const QString &name)
    {
        const std::optional<HttpReply> reply =
            m_server.fetch(apiRequest("GET", "/api/v1/departments", m_root));
        if (statusOf(reply) != 200)
            return {};
        for (const QJsonValue &v : reply->json().value(QLatin1String("departments")).toArray()) {
            if (v.toObject().value(QLatin1String("name")).toString() == name)
                return v.toObject().value(QLatin1String("id")).toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_sink.start(), qPrintable(m_sink.error()));
        const QString data = m_server.dataDir();
        for (const auto &[email, role, dept] : {std::tuple{"ana@pult.example", "agent", "Billing"},
                                                std::tuple{"bojan@pult.example", "agent", "Sales"},
                                                std::tuple{"root@pult.example", "admin", ""}}) {
            const Run r = addAgent(data, QLatin1String(email), QLatin1String(role),
                                   QLatin1String(dept), kPassword);
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const Run mailbox =
            addSendingMailbox(data, kMailbox, QStringLiteral("Billing"), m_sink.port());
        QVERIFY2(mailbox.exitCode == 0, mailbox.err.constData());
        QVERIFY(startServer());
        m_ana = login("ana@pult.example");
        m_root = login("root@pult.example");
        QVERIFY(!m_ana.isEmpty() && !m_root.isEmpty());
        m_billing = departmentId(QStringLiteral("Billing"));
        m_sales = departmentId(QStringLiteral("Sales"));
        QVERIFY(!m_billing.isEmpty() && !m_sales.isEmpty());
    }

    void init() { m_sink.clearMessages(); }

    void replyIsSentOnce()
    {
        qint64 number = 0;
        const QString ticket =
            createTicket(m_ana, m_billing, QStringLiteral("Invoice Ž-42"), &number);
        QVERIFY(!ticket.isEmpty());
        QElapsedTimer sinceReply;
        sinceReply.start();
        QVERIFY(addMessage(m_ana, ticket, QStringLiteral("reply"),
                           QStringLiteral("Dear Marta,\nthe invoice is fixed.\n")));
        QVERIFY(QTest::qWaitFor([&] { return !m_sink.messageFiles().isEmpty(); }, kTimeoutMs));
        qInfo("from the reply's op to the message at smtp-sink: %lld ms", sinceReply.elapsed());
        // Sent: smtp-sink closed the file before its 250, so the message is complete.
        QVERIFY(waitForDelivery(ticket, QStringLiteral("sent to marta@firma.pl")));
        const QByteArray message = m_sink.onlyMessage();
        QVERIFY2(!message.isEmpty(), qPrintable(m_sink.error()));
        QCOMPARE(header(message, "From"), QByteArray("Billing <support@firma.example>"));
        QCOMPARE(header(message, "To"), QByteArray("Marta Kowalska <marta@firma.pl>"));
        QVERIFY(header(message, "Cc").isEmpty());
        QCOMPARE(decodeWords(header(message, "Subject")),
                 QStringLiteral("[#%1] Invoice Ž-42").arg(number));
        QCOMPARE(header(message, "X-Pult-Loop"), kMailbox.toLatin1());
        QVERIFY(header(message, "Auto-Submitted").isEmpty());
        QVERIFY(header(message, "In-Reply-To").isEmpty()); // the ticket did not come by mail
        QVERIFY(message.contains("the invoice is fixed."));
        QVERIFY(m_sink.envelope().contains(kRequester.toLatin1()));

        // The Message-ID carries the ticket, signed with the key derived from secrets.key.
        const QByteArray messageId = header(message, "Message-ID");
        QVERIFY2(
            QRegularExpression(QStringLiteral("^<ticket-%1\\.[0-9a-f]{24}\\.[0-9a-f]{32}@firma\\."
                                              "example>$")
                                   .arg(ticket))
                .match(QString::fromLatin1(messageId))
                .hasMatch(),
            messageId.constData());
        auto mailboxes =
            Pult::Mailboxes::open(std::filesystem::path(m_server.dataDir().toStdString()),
                                  databaseUrl(m_server.dataDir()));
        QVERIFY(mailboxes.good());
        const auto verified = Pult::Mail::verifySignedMessageId(
            messageId.toStdString(), (*mailboxes)->messageIdKey().toStdString());
        QVERIFY(verified);
        QCOMPARE(QString::fromStdString(*verified), ticket);

        QCOMPARE(deliveries(ticket), (QStringList{QStringLiteral("queued for marta@firma.pl"),
                                                  QStringLiteral("sent to marta@firma.pl")}));
        QTest::qWait(300); // and nothing more arrives
        QCOMPARE(m_sink.messageFiles().size(), 1);
    }

    void attachmentsGoAlong()
    {
        const QByteArray content = "Invoice 42, corrected.\n";
        const QByteArray hash =
            QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
        const std::optional<HttpReply> uploaded = m_server.fetch(
            "PUT /api/v1/uploads/" + hash + "?offset=0&size=" + QByteArray::number(content.size()) +
            " HTTP/1.1\r\nHost: pult.test\r\nAuthorization: Bearer " + m_ana +
            "\r\nContent-Length: " + QByteArray::number(content.size()) + "\r\n\r\n" + content);
        QCOMPARE(statusOf(uploaded), 200);
        const QString ticket = createTicket(m_ana, m_billing, QStringLiteral("With a file"));
        const QJsonObject result =
            op(m_ana,
               QJsonObject{
                   {QStringLiteral("id"), newId()},
                   {QStringLiteral("type"), QStringLiteral("add_message")},
                   {QStringLiteral("ticket_id"), ticket},
                   {QStringLiteral("message"),
                    QJsonObject{{QStringLiteral("id"), newId()},
                                {QStringLiteral("kind"), QStringLiteral("reply")},
                                {QStringLiteral("body"), QStringLiteral("The corrected invoice.")},
                                {QStringLiteral("attachments"),
                                 QJsonArray{QJsonObject{
                                     {QStringLiteral("hash"), QString::fromLatin1(hash)},
                                     {QStringLiteral("name"), QStringLiteral("invoice.txt")},
                                     {QStringLiteral("type"), QStringLiteral("text/plain")},
                                     {QStringLiteral("size"), content.size()}}}}}}});
        QCOMPARE(result.value(QLatin1String("status")).toString(), QStringLiteral("applied"));
        QVERIFY(waitForDelivery(ticket, QStringLiteral("sent to")));
        const QByteArray message = m_sink.onlyMessage();
        QVERIFY2(!message.isEmpty(), qPrintable(m_sink.error()));
        QVERIFY(message.contains("Content-Type: multipart/mixed"));
        QVERIFY(message.contains("filename=invoice.txt") ||
                message.contains("filename=\"invoice.txt\""));
        QVERIFY(message.contains(content.toBase64()));
    }

    void notesAndDepartmentsWithoutMailboxSendNothing()
    {
        const QString billing = createTicket(m_ana, m_billing, QStringLiteral("Note only"));
        const QString sales = createTicket(m_root, m_sales, QStringLiteral("No mailbox"));
        QVERIFY(!billing.isEmpty() && !sales.isEmpty());
        QVERIFY(addMessage(m_ana, billing, QStringLiteral("note"), QStringLiteral("internal")));
        QVERIFY(addMessage(m_root, sales, QStringLiteral("reply"), QStringLiteral("no mail")));
        // One sender sends in the order mail was queued: once this reply is there, anything
        // the note or the Sales reply had queued would be there too.
        const QString marker = createTicket(m_ana, m_billing, QStringLiteral("Marker"));
        QVERIFY(addMessage(m_ana, marker, QStringLiteral("reply"), QStringLiteral("marker")));
        QVERIFY(waitForDelivery(marker, QStringLiteral("sent to")));
        QCOMPARE(m_sink.messageFiles().size(), 1);
        QVERIFY(m_sink.onlyMessage().contains("marker"));
        QVERIFY(deliveries(billing).isEmpty());
        QVERIFY(deliveries(sales).isEmpty());
    }

    void repliesThreadOnIncomingMail()
    {
        const QString ticket = createTicket(m_ana, m_billing, QStringLiteral("Came by mail"));
        QVERIFY(!ticket.isEmpty());
        {
            // What the mail fetcher records for a customer's mail with a Cc.
            const QString url = databaseUrl(m_server.dataDir());
            const auto blob = [&](const QUuid &id) -> QByteArray {
                const QByteArray hex = Pult::uuidToBlob(id).toHex();
                if (url.isEmpty())
                    return "X'" + hex + "'";
                return "decode('" + hex + "', 'hex')";
            };
            const QByteArray sql =
                "INSERT INTO mail_messages(message_id, ticket_id, direction, rfc_message_id, "
                "from_address, recipients, mailbox, created_ms) VALUES (" +
                blob(QUuid::createUuid()) + ", " + blob(QUuid(ticket)) +
                ", 'in', 'first@customer.example', 'marta@firma.pl', "
                "'[\"support@firma.example\",\"boss@firma.pl\"]', 'support@firma.example', 1), "
                "(" +
                blob(QUuid::createUuid()) + ", " + blob(QUuid(ticket)) +
                ", 'in', 'second@customer.example', 'marta@firma.pl', "
                "'[\"support@firma.example\",\"Boss@firma.pl\",\"it@firma.pl\"]', "
                "'support@firma.example', 2)";
            if (url.isEmpty()) {
                auto db =
                    Pult::Sql::Database::open(m_server.dataDir() + QStringLiteral("/server.db"),
                                              Pult::Sql::Database::Mode::ReadWrite);
                QVERIFY(db.good());
                QVERIFY((*db)->execute(sql.constData()).good());
            } else {
                auto db = Pult::Pg::Connection::open(url);
                QVERIFY(db.good());
                QVERIFY((*db)->execute(sql.constData()).good());
            }
        }
        QVERIFY(addMessage(m_ana, ticket, QStringLiteral("reply"), QStringLiteral("threaded")));
        QVERIFY(waitForDelivery(ticket, QStringLiteral("sent to")));
        const QByteArray message = m_sink.onlyMessage();
        QVERIFY2(!message.isEmpty(), qPrintable(m_sink.error()));
        QVERIFY2(header(message, "Subject").startsWith("Re: [#"),
                 header(message, "Subject").constData());
        QCOMPARE(header(message, "Cc"), QByteArray("boss@firma.pl, it@firma.pl"));
        QCOMPARE(header(message, "In-Reply-To"), QByteArray("<second@customer.example>"));
        QCOMPARE(header(message, "References"),
                 QByteArray("<first@customer.example> <second@customer.example>"));
        QCOMPARE(deliveries(ticket).back(),
                 QStringLiteral("sent to marta@firma.pl, boss@firma.pl, it@firma.pl"));
    }

    void temporaryFailureIsRetriedAndSentOnce()
    {
        QVERIFY2(m_sink.restart({QStringLiteral("-r"), QStringLiteral("RCPT")}),
                 qPrintable(m_sink.error()));
        const QString ticket = createTicket(m_ana, m_billing, QStringLiteral("Retry"));
        const qsizetype retries = m_server.log().count("\"outcome\":\"retry\"");
        QVERIFY(addMessage(m_ana, ticket, QStringLiteral("reply"), QStringLiteral("try again")));
        QVERIFY(QTest::qWaitFor(
            [&] { return m_server.log().count("\"outcome\":\"retry\"") > retries; }, kTimeoutMs));
        QCOMPARE(m_sink.messageFiles().size(), 0);
        QVERIFY2(m_sink.restart(), qPrintable(m_sink.error()));
        QVERIFY(waitForDelivery(ticket, QStringLiteral("sent to marta@firma.pl")));
        QTest::qWait(300);
        QCOMPARE(m_sink.messageFiles().size(), 1);
        QCOMPARE(deliveries(ticket).size(), 2); // queued, sent
    }

    void permanentFailureIsShown()
    {
        QVERIFY2(m_sink.restart({QStringLiteral("-f"), QStringLiteral("RCPT")}),
                 qPrintable(m_sink.error()));
        const QString ticket = createTicket(m_ana, m_billing, QStringLiteral("Refused"));
        QVERIFY(addMessage(m_ana, ticket, QStringLiteral("reply"), QStringLiteral("refused")));
        QVERIFY(waitForDelivery(ticket, QStringLiteral("failed: 5")));
        const QString failed = deliveries(ticket).back();
        QVERIFY2(failed.endsWith(QStringLiteral("(to marta@firma.pl)")), qPrintable(failed));
        QVERIFY2(failed.contains(QStringLiteral("Error")), qPrintable(failed)); // smtp-sink's
        QCOMPARE(m_sink.messageFiles().size(), 0);
        QVERIFY2(m_sink.restart(), qPrintable(m_sink.error()));
    }

    void queuedMailSurvivesRestart()
    {
        QVERIFY2(m_sink.restart({QStringLiteral("-r"), QStringLiteral("RCPT")}),
                 qPrintable(m_sink.error()));
        const QString ticket = createTicket(m_ana, m_billing, QStringLiteral("Restart"));
        const qsizetype retries = m_server.log().count("\"outcome\":\"retry\"");
        QVERIFY(addMessage(m_ana, ticket, QStringLiteral("reply"), QStringLiteral("restarted")));
        QVERIFY(QTest::qWaitFor(
            [&] { return m_server.log().count("\"outcome\":\"retry\"") > retries; }, kTimeoutMs));
        QCOMPARE(m_server.terminate(), 0);
        QVERIFY2(m_sink.restart(), qPrintable(m_sink.error()));
        QCOMPARE(m_sink.messageFiles().size(), 0);
        QVERIFY(startServer());
        QVERIFY(waitForDelivery(ticket, QStringLiteral("sent to marta@firma.pl")));
        QCOMPARE(m_sink.messageFiles().size(), 1);
        QVERIFY(m_sink.onlyMessage().contains("restarted"));
    }
};

QTEST_GUILESS_MAIN(TestMailOutbox)
#include "tst_mailoutbox.moc"
